"""How problems reach the log: each as file:line, a flood of them cut short per file."""
from __future__ import annotations

from policydocs.core.errors import ContentError, capped


def test_a_flood_of_problems_is_shown_fifty_per_file_then_counted() -> None:
    problems = [ContentError("a.md", n, "x") for n in range(1, 1001)] + [ContentError("b.md", 1, "y")]
    lines = list(capped(problems))
    assert len(lines) == 52 and lines[49] == "a.md:50: x" and lines[50] == "b.md:1: y"
    assert lines[51] == "a.md: 950 more problems not shown; fix the ones above and build again"
