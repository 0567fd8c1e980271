from pathlib import Path

import pytest

from policydocs.core.errors import ContentError
from policydocs.sources import manifest

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
    (("url: null", "url: null\n    url_checked: compared by eye"),
     r":10: field 'url_checked': describes a check of no URL"),
    (("url: null", "url: https://example.go.jp/a.html\n    url_checked: [1, 2]"),
     r":10: field 'url_checked': expected a sentence"),
    (("url: null", "url: https://example.go.jp/a.html\n    url_checked: see <b>this</b>"),
     r":10: field 'url_checked': url_checked holds an HTML tag"),
])
def test_invalid_fields_name_the_line(tmp_path: Path, change, message) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ContentError, match=message):
        manifest.load(path)


def test_a_checked_url_keeps_its_note(tmp_path: Path) -> None:
    text = GOOD.replace("url: null", "url: https://example.go.jp/a.html\n    url_checked: >-\n"
                        "      Its text matched\n      ours from the first line.")
    source = manifest.load(write(tmp_path, text)).get("doc-ja")
    assert (source.url, source.url_checked) == ("https://example.go.jp/a.html",
                                                "Its text matched ours from the first line.")


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    path: group/doc", "    path: [group"))
    with pytest.raises(ContentError, match=r"sources.yml:\d+: invalid YAML"):
        manifest.load(path)


def test_unknown_id_lists_known_ids(tmp_path: Path) -> None:
    m = manifest.load(write(tmp_path, GOOD))
    with pytest.raises(ContentError, match="unknown source id 'nope'; known ids: doc-ja"):
        m.get("nope")


@pytest.mark.parametrize("written", ["../../../../etc/passwd", "/etc/passwd", "sub/../../x.txt"])
def test_a_source_file_outside_the_manifest_folder_is_refused(tmp_path: Path, written) -> None:
    path = write(tmp_path, GOOD.replace("file: doc.ja.txt", f"file: {written}"))
    with pytest.raises(ContentError, match=r"sources.yml:3: field 'file': .* is outside"):
        manifest.load(path)


def test_a_link_to_a_file_elsewhere_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "doc.ja.txt").symlink_to(outside)
    path = tmp_path / "sources" / "sources.yml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ContentError, match="is outside sources/"):
        manifest.load(path)


@pytest.mark.parametrize(("change", "message"), [
    (("{ja: 題名, en: Title}", "{ja: 題名, en: '<b>Title</b>'}"), ":6: field 'title': title.en holds an HTML tag"),
    (("origin: a fixture", "origin: '[x](javascript:alert(1))'"), ":11: field 'origin': origin holds a Markdown link"),
    (("- id: doc-ja", "- id: [doc]"), ":2: field 'id': expected lowercase"),
    (("date: 2024-02-27", "date: [2024]"), ":8: field 'date'"),
])
def test_careless_fields_name_their_line(tmp_path: Path, change, message) -> None:
    with pytest.raises(ContentError, match=message):
        manifest.load(write(tmp_path, GOOD.replace(*change)))


def test_a_manifest_not_in_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.yml"
    path.write_bytes(GOOD.replace("題名", "\u984c\u540d").encode("shift_jis"))
    with pytest.raises(ContentError, match=r"sources.yml:6: not valid UTF-8"):
        manifest.load(path)


@pytest.mark.parametrize("options, message", [
    ("{drop: not-a-list}", "field 'import.drop': expected a list"),
    ("{accept: [1]}", "field 'import.accept': expected a list"),
    ("{headings: {概要: 9}}", "'概要' maps to '9'"),
])
def test_import_lists_are_checked(tmp_path: Path, options: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("題名\n", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - id: a\n    file: a.txt\n    language: ja\n    path: a/b\n"
        "    title: {ja: 題名, en: Title}\n    issuer: {ja: 省, en: Ministry}\n"
        f"    date: 2024-01-01\n    origin: test\n    import: {options}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        manifest.load(tmp_path / "sources.yml")
