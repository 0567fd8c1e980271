"""Reading a page: front matter with its lines, the body and where it starts, and clear
errors for what cannot be read."""
from __future__ import annotations

from pathlib import Path

import pytest

from policydocs.core.errors import ContentError
from policydocs.pages import pagefile


def page(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "p.md"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_front_matter_fields_know_their_lines_and_the_body_its_first_line(tmp_path) -> None:
    text = page(tmp_path, "---\ntitle: 題名\ndate: 2024-02-27\n---\n\n# 題名\n\n本文。\n")
    read = pagefile.read(text, "docs/ja/p.md")
    assert read.meta["title"] == "題名" and read.meta_lines == {"title": 2, "date": 3}
    assert read.body == "\n# 題名\n\n本文。\n" and read.body_line == 5 and read.problems == []


def test_a_page_without_front_matter_is_all_body(tmp_path) -> None:
    read = pagefile.read(page(tmp_path, "# x\n"), "p.md")
    assert read.meta == {} and read.body == "# x\n" and read.body_line == 1


def test_bom_and_crlf_are_read_as_text(tmp_path) -> None:
    read = pagefile.read(page(tmp_path, b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nbody\r\n"), "p.md")
    assert read.meta == {"title": "x"} and read.body == "body\n" and read.body_line == 4


def test_empty_front_matter_is_no_fields(tmp_path) -> None:
    assert pagefile.read(page(tmp_path, "---\n---\nbody\n"), "p.md").meta == {}


@pytest.mark.parametrize(("data", "line", "message"), [
    ("---\ntitle: x\nbody\n".encode(), 1, "front matter is not closed"),
    ("---\n- a\n- b\n---\n".encode(), 2, "front matter must be a mapping"),
    ("---\ntitle: [x\n---\n".encode(), 3, "invalid YAML"),
    ("---\ntitle: x\n---\n".encode() + "日本".encode("shift_jis"), 4, "not valid UTF-8"),
])
def test_what_cannot_be_read_is_a_content_error_at_its_line(tmp_path, data, line,
                                                            message) -> None:
    with pytest.raises(ContentError) as raised:
        pagefile.read(page(tmp_path, data), "docs/ja/p.md")
    assert raised.value.path == "docs/ja/p.md" and raised.value.line == line
    assert message in raised.value.message


def test_forbidden_characters_are_problems_not_errors(tmp_path) -> None:
    read = pagefile.read(page(tmp_path, "---\ntitle: x\n---\na\u202eb\n"), "p.md")
    assert read.body == "a\u202eb\n"
    assert [(p.line, "RIGHT-TO-LEFT OVERRIDE" in p.message) for p in read.problems] == [(4, True)]
