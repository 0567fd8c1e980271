"""Limits on the shape of a page: each refused at its line, ordinary text of any length passes."""
from __future__ import annotations

import pytest

from policydocs.pages import bounds, openers

PAGE = "docs/ja/x.md"


def refused(body: str) -> list[tuple[int | None, str]]:
    return [(e.line, e.message) for e in bounds.problems(body, 5, PAGE)]


@pytest.mark.parametrize(("body", "line", "says"), [
    ("a\n" + "    " * 20 + "- x\n", 6, "indented 80 columns"),
    ("a\n\n" + "> " * 20 + "x\n", 7, "nested 20 deep"),
    ("<div markdown>\n" * 40 + "x\n" + "</div>\n" * 40, 37, "nested more than 32 deep"),
    ("x " + "*" * 40 + " y\n", 5, "'*' is repeated 40 times"),
    ("a\n" + "あ" * (bounds.MAX_LINE + 1), 6, "characters long"),
    ("text\n\n" + "[a" * 2000, 7, "too many '[' without a near ']'"),
    ("text\n\n" + "[a](b" * 1500, 7, "too many '['"),
    ("text\n\n" + "<a" * 5000, 7, "too many '<' without a near '>'"),
    ("# x" + "\t" * 200 + "y\n", 5, "200 spaces or tabs in a row"),
    ("text\n" + "*_" * 15_000, 6, "of the marks * _ ` [ <"),
    ("text\n" + "<" * 30_000, 6, "the page holds more than"),
])
def test_each_limit_is_refused_at_its_line(body: str, line: int, says: str) -> None:
    found = refused(body)
    assert found and found[0][0] == line and says in found[0][1], found


def test_ordinary_text_of_any_length_passes() -> None:
    paragraph = ("日英は[デジタル](https://example.org/a)分野で<abbr title='x'>DX</abbr>を進める。"
                 + "両国はデータの自由な流通と信頼性の確保に向けた協力を一層深めることで一致した。" * 2)
    assert refused(("\n\n".join([paragraph * 10] * 2000))) == []  # 2.7 MB of links and tags
    assert refused("---\n\n***\n\n" + "-" * 200 + "\n") == []  # rules are one mark repeated


def test_in_a_fence_indentation_and_runs_are_code() -> None:
    assert refused("```\n" + "    " * 30 + "x " + "*" * 40 + "\n```\n") == []


def test_a_bracket_scan_stops_at_a_blank_line_and_escapes_open_nothing() -> None:
    assert openers.bracket_cost("[a\n\nb").total == 2
    assert openers.bracket_cost(r"\[a \[b [c] d").total == 2
    assert openers.bracket_cost("[a [b] c]").total == 2 + 8  # nested: each to its own closer
    assert openers.bracket_cost("[a](b (c) d)").total == 2 + 8  # the link's ( to its )


def test_an_angle_scan_reads_to_the_next_closer_of_the_page() -> None:
    assert openers.angle_cost("< a <b c>").total == 4  # "< " opens nothing
    assert openers.angle_cost("<a <b\n\nc>").total == 8 + 5
    cost = openers.angle_cost("x\n<a" + "y" * 100)
    assert (cost.worst, cost.worst_at) == (102, 2)


def test_the_costliest_opener_names_the_line() -> None:
    body = "ok [a](b)\n\n" + "x\n" * 3 + "[a" * 3000
    (error,) = bounds.problems(body, 10, PAGE)
    assert error.line == 15 and "looks 6,000 characters ahead" in error.message
    assert error.hint.startswith("close them, or escape")


def test_indentation_is_not_a_run_of_spaces_and_marks_grow_with_the_page() -> None:
    assert refused(" " * 60 + "x\n") == []  # leading blanks are indentation, limited apart
    assert refused("x" + " " * bounds.MAX_SPACES + "y\n") == []
    body = ("a*b* " + "x" * 195 + "\n") * 5_000  # one mark in 100 characters, a megabyte
    assert openers.too_many_marks(body, 1, PAGE) is None


def test_the_marks_limit_names_the_line_where_it_is_passed() -> None:
    body = "x\n" * 4 + "*" * 10 + "\n" + ("_ " * 10_000 + "\n") * 3
    error = openers.too_many_marks(body, 1, PAGE)
    # 60,000 characters allow 11,500 marks: lines 5 and 6 hold 10,010, line 7 passes the limit
    assert error is not None and error.line == 7 and "more than 11,500" in error.message

