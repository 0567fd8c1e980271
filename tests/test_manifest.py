from pathlib import Path

import pytest

from policydocs import manifest
from policydocs.errors import ContentError

GOOD = """sources:
  - id: doc-ja
    file: doc.ja.txt
    language: ja
    path: group/doc
    title: {ja: 題名, en: Title}
    issuer: {ja: 総務省, en: MIC}
    date: 2024-02-27
    url: null
    counterpart: null
    origin: a fixture
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_project_manifest_loads_and_pairs_the_partnership(root: Path) -> None:
    m = manifest.load(root / "sources" / "sources.yml")
    assert len(m.sources) == 5
    ja = m.get("japan-uk-digital-partnership-ja")
    assert ja.counterpart == "japan-uk-digital-partnership-en"
    assert all(s.file.exists() for s in m.sources.values())


@pytest.mark.parametrize("change, message", [
    (("date: 2024-02-27", "date: 2024/2/27"), r"sources.yml:8: field 'date': expected YYYY-MM-DD"),
    (("language: ja", "language: fr"), r"sources.yml:4: field 'language': expected one of ja, en"),
    (("title: {ja: 題名, en: Title}", "title: {ja: 題名}"), r":6: field 'title': expected both"),
    (("counterpart: null", "counterpart: doc-en"), r"counterpart 'doc-en' is not a source id"),
    (("url: null", "url: ftp://x"), r":9: field 'url': expected an http\(s\) URL"),
    (("origin: a fixture", "origin: a fixture\n    colour: red"), r":12: field 'colour': unknown"),
])
def test_invalid_fields_name_the_line(tmp_path: Path, change, message) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ContentError, match=message):
        manifest.load(path)


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    path: group/doc", "    path: [group"))
    with pytest.raises(ContentError, match=r"sources.yml:\d+: invalid YAML"):
        manifest.load(path)


def test_unknown_id_lists_known_ids(tmp_path: Path) -> None:
    m = manifest.load(write(tmp_path, GOOD))
    with pytest.raises(ContentError, match="unknown source id 'nope'; known ids: doc-ja"):
        m.get("nope")
