"""The work Python-Markdown and ``html.parser`` spend looking for closers, measured before it is spent.

Both parsers look ahead from an opener for its closer and, when there is none, start again
at the next opener: text with thousands of unclosed openers costs time quadratic in its
length. Measured with Markdown 3.11 on Python 3.11 (``benchmarks/bounds_bench.py``):

- ``[`` (links, images, footnote and abbreviation references) looks for its ``]`` to the end
  of the block, and a ``](`` for its ``)``: 20,000 characters of ``[a`` in one paragraph
  take 38 s;
- ``<`` before a letter, ``/``, ``!`` or ``?`` looks for ``>`` to the end of the page (the raw
  HTML pass reads the whole page): 40,000 characters of ``<a`` take 2.6 s.

The cost is counted here as the characters each opener scans (its distance to its closer, or
to where the scan gives up), in one linear pass, and a page over the budget is refused with
the line of the costliest opener. Text has its closers close by: no page of the site scans
more than 1,000 characters in all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.errors import ContentError

# Characters scanned: a fixed allowance (under a second of parsing: brackets cost up to
# 0.38 us a character, angle brackets up to 0.075 us) and a share that grows with the page,
# so that a long page of ordinary links, each scanning its own length, never meets it.
BRACKET_BUDGET = (2_000_000, 2)
ANGLE_BUDGET = (10_000_000, 10)
# Marks that may open an inline element or a stashed piece of HTML. Each costs the inline
# pass 15 to 120 us, more the more a paragraph holds (a character reference such as "&#1"
# costs html.parser a call and Markdown a placeholder): a page of "&#1&#1" or "\*\*" takes
# 10 to 30 times as long as a page of text. Our densest page has one mark in 150 characters;
# the budget allows one in 40, which bounds a megabyte at about three seconds more.
MARKS = "*_`[<&\\"
MARK_BUDGET = (10_000, 1 / 40)
_MARK = re.compile("[%s]" % re.escape(MARKS))

_BRACKET_TOKEN = re.compile(r"\\.|\n[ \t]*\n|[\[\]()]", re.S)
_ANGLE_OPENER = re.compile(r"<[A-Za-z/!?]")


@dataclass
class Cost:
    """Characters scanned in all, and where the single costliest opener stands."""

    total: int = 0
    worst: int = 0
    worst_at: int = 0

    def add(self, start: int, end: int) -> None:
        self.total += end - start
        if end - start > self.worst:
            self.worst, self.worst_at = end - start, start


def bracket_cost(text: str) -> Cost:
    """What ``[`` and ``](`` openers scan: to their balanced closer or to the block's end."""
    cost = Cost()
    brackets: list[int] = []
    parens: list[tuple[int, bool]] = []  # position, opened right after "]"
    for token in _BRACKET_TOKEN.finditer(text):
        mark, at = token.group(), token.start()
        if mark == "[":
            brackets.append(at)
        elif mark == "]" and brackets:
            cost.add(brackets.pop(), at)
        elif mark == "(":
            parens.append((at, text[at - 1:at] == "]"))
        elif mark == ")" and parens:
            start, link = parens.pop()
            if link:
                cost.add(start, at)
        elif mark[0] == "\n":  # a blank line ends the block: every scan stops there
            _close_all(cost, brackets, parens, at)
    _close_all(cost, brackets, parens, len(text))
    return cost


def _close_all(cost: Cost, brackets: list[int], parens: list[tuple[int, bool]], end: int) -> None:
    for start in brackets:
        cost.add(start, end)
    for start, link in parens:
        if link:
            cost.add(start, end)
    brackets.clear()
    parens.clear()


def angle_cost(text: str) -> Cost:
    """What ``<`` openers scan: to the next ``>`` of the page, or to its end."""
    cost = Cost()
    closer = -1
    for opener in _ANGLE_OPENER.finditer(text):
        at = opener.start()
        if closer < at:
            closer = text.find(">", at)
            if closer < 0:
                closer = len(text)
        cost.add(at, closer)
    return cost


def too_many_marks(body: str, first_line: int, path: str) -> ContentError | None:
    """The line where the page's inline marks pass their budget, if they do."""
    fixed, share = MARK_BUDGET
    budget = int(fixed + share * len(body))
    if sum(body.count(mark) for mark in MARKS) <= budget:
        return None
    for count, mark in enumerate(_MARK.finditer(body), 1):
        if count > budget:
            line = first_line + body.count("\n", 0, mark.start())
            return ContentError(
                path, line, f"the page holds more than {budget:,} of the marks {' '.join(MARKS)}, "
                "which Markdown reads as the start of emphasis, code, links or HTML; this line "
                "passes the limit", "write them as text (\\*) or split the page")
    return None


def problems(body: str, first_line: int, path: str) -> list[ContentError]:
    """A problem for each kind of opener whose scans exceed the budget."""
    found = [error for error in [too_many_marks(body, first_line, path)] if error]
    for cost, (fixed, share), opener, closer in (
        (bracket_cost(body), BRACKET_BUDGET, "[", "]"),
        (angle_cost(body), ANGLE_BUDGET, "<", ">"),
    ):
        budget = fixed + share * len(body)
        if cost.total > budget:
            line = first_line + body.count("\n", 0, cost.worst_at)
            found.append(ContentError(
                path, line,
                f"too many '{opener}' without a near '{closer}': Markdown would read "
                f"{cost.total:,} characters looking for them (at most {budget:,}); the "
                f"one on this line looks {cost.worst:,} characters ahead",
                f"close them, or escape the ones that are text (\\{opener})"))
    return found
