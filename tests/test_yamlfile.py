"""YAML data files: every error is file:line, and mappings remember their keys' lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from policydocs.core import yamlfile
from policydocs.core.errors import ContentError


def test_mappings_know_the_line_of_each_value() -> None:
    data = yamlfile.loads("a: 1\nb:\n  c: x\n", "d.yml")
    assert isinstance(data, yamlfile.LineDict) and data.line == 1
    assert data.line_of("a") == 1 and data["b"].line_of("c") == 3
    assert data.line_of("b") == 3  # where its value starts: what a message is about
    assert data.line_of("missing") == 1  # the mapping's own line


def test_an_error_counts_from_where_the_text_starts_in_its_file() -> None:
    with pytest.raises(ContentError) as raised:
        yamlfile.loads("title: x\ndate: [\n", "p.md", first_line=2)
    assert raised.value.line == 4


@pytest.mark.parametrize(("text", "line"), [
    ("a: [1, 2\n", 2),  # the line where the parser gave up
    ("a: 1\n b: 2\n", 2),
    ("a: 1\na: 2\n", 2),  # a key given twice: YAML would keep the second silently
    ("t:\n  AI: {ja: x}\n  AI: {ja: y}\n", 3),
])
def test_invalid_yaml_names_its_line(text: str, line: int) -> None:
    with pytest.raises(ContentError) as raised:
        yamlfile.loads(text, "d.yml")
    assert raised.value.path == "d.yml" and raised.value.line == line
    assert "Traceback" not in str(raised.value)


def test_a_file_not_utf8_missing_or_a_folder(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_bytes("a: 1\nb: ".encode() + "日本".encode("shift_jis") + b"\n")
    with pytest.raises(ContentError, match=r"data/bad.yml:2: not valid UTF-8"):
        yamlfile.load(bad, "data/bad.yml")
    with pytest.raises(ContentError, match="file not found"):
        yamlfile.load(tmp_path / "none.yml")
    with pytest.raises(ContentError, match="cannot be read"):
        yamlfile.load(tmp_path)


def test_a_byte_order_mark_and_crlf_are_read() -> None:
    assert yamlfile.loads("\ufeffa: 1\r\nb: 2\r\n", "d.yml") == {"a": 1, "b": 2}


def test_expect_and_plain_say_what_was_wanted() -> None:
    with pytest.raises(ContentError, match=r"d.yml:4: name must be .*, not "):
        yamlfile.expect(["x"], str, "d.yml", 4, "name", "a text")
    assert yamlfile.expect({}, dict, "d.yml", 4, "name", "a mapping") == {}
    with pytest.raises(ContentError, match="must be a text, not bool"):
        yamlfile.expect(True, str, "d.yml", 4, "name", "a text")
    assert yamlfile.plain("Data", "d.yml", 1, "name") == "Data"
    with pytest.raises(ContentError, match=r"d.yml:5: name holds an HTML tag"):
        yamlfile.plain("<b>x</b>", "d.yml", 5, "name")
    with pytest.raises(ContentError, match="must be a non-empty text"):
        yamlfile.plain("  ", "d.yml", 6, "name")
