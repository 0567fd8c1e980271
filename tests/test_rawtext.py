from pathlib import Path

import pytest

from policydocs.core.errors import ContentError
from policydocs.sources import rawtext


def test_reads_utf8_and_normalises_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff一行目\r\n二行目\r".encode("utf-8"))
    assert rawtext.read_text(path) == "一行目\n二行目\n"


def test_non_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "sjis.txt"
    path.write_bytes("ok\nline two\n".encode() + "日本語".encode("shift_jis"))
    with pytest.raises(ContentError) as err:
        rawtext.read_text(path)
    assert str(err.value).startswith(f"{path}:3: not valid UTF-8")
    assert "iconv" in str(err.value)


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ContentError, match="source file is empty"):
        rawtext.read_text(path)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="source file not found"):
        rawtext.read_text(tmp_path / "nope.txt")


RULES = [
    rawtext.Rule("crumb", "line_pattern", r"^総務省トップ\s*>"),
    rawtext.Rule("top", "line", "ページトップへ戻る"),
    rawtext.Rule("newwin", "suffix", "別ウィンドウで開きます"),
]


def test_boilerplate_lines_and_suffixes_are_dropped_and_reported() -> None:
    text = ("総務省トップ > 政策 > 白書\n本文です。\n"
            "http://www.soumu.go.jp/a.html別ウィンドウで開きます\nページトップへ戻る")
    lines, dropped = rawtext.strip_boilerplate(text, RULES)
    assert [ln.text for ln in lines] == ["", "本文です。", "http://www.soumu.go.jp/a.html", ""]
    assert [(d.line, d.rule) for d in dropped] == [(1, "crumb"), (3, "newwin"), (4, "top")]


def test_boilerplate_rule_file_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yml"
    path.write_text("rules:\n  - id: x\n    line_pattern: '('\n    why: broken\n")
    with pytest.raises(ContentError, match=r"boilerplate.yml:3: invalid regular expression"):
        rawtext.load_rules(path)


def test_project_rules_load(root: Path) -> None:
    ids = {r.id for r in rawtext.load_rules(root / "sources" / "boilerplate.yml")}
    assert {"breadcrumb-soumu", "page-top", "new-window-label"} <= ids


def test_rules_scoped_to_a_publisher_the_page_header_and_a_block() -> None:
    rules = [
        rawtext.Rule("crumb", "block", r"^1\. Home$", ("meti.go.jp",), True),
        rawtext.Rule("logo", "line", "Ministry", ("meti.go.jp",), True),
    ]
    body = "\n".join(f"Sentence {n}." for n in range(rawtext.HEAD_LINES))
    text = f"1. Home\n  2. News\n  3. Title\n\nMinistry\n\nTitle\n{body}\n1. Home\n\nMinistry"
    lines, dropped = rawtext.strip_boilerplate(text, rules, "https://www.meti.go.jp/a.html")
    assert [(d.line, d.rule) for d in dropped] == [(1, "crumb"), (2, "crumb"), (3, "crumb"),
                                                   (5, "logo")]
    assert [ln.text for ln in lines if ln.text][-2:] == ["1. Home", "Ministry"]
    other, none = rawtext.strip_boilerplate(text, rules, "https://www.soumu.go.jp/a.html")
    assert none == [] and rawtext.strip_boilerplate(text, rules, None)[1] == []


def test_lines_the_manifest_drops_are_reported_as_dropped() -> None:
    _, dropped = rawtext.strip_boilerplate("Title\n\nA photo of the two ministers.\n\nText.", [],
                                           drop=("A photo of the two ministers.",))
    assert [(d.line, d.rule) for d in dropped] == [(3, "manifest-drop")]


def test_a_rule_with_an_unknown_field_or_bad_hosts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yml"
    path.write_text("rules:\n  - id: x\n    line: a\n    why: b\n    host: meti.go.jp\n")
    with pytest.raises(ContentError, match=r"boilerplate.yml:5: unknown rule field 'host'"):
        rawtext.load_rules(path)
    path.write_text("rules:\n  - id: x\n    line: a\n    why: b\n    hosts: meti.go.jp\n")
    with pytest.raises(ContentError, match=r"'hosts' must be a list"):
        rawtext.load_rules(path)
