"""The one reading of a page body: fences, code spans and footnotes, with their lines."""
from __future__ import annotations

from policydocs.pages import reader

BODY = """Text[^1] and `[^code]` here.

```
[^2]: in a fence, not a definition
```

[^1]: First note <https://example.org/a>
    continued <https://example.org/b>

[^3]: Unused.
Next paragraph [^4], a reference in the middle of a line.
"""


def test_lines_outside_fences_and_text_without_code_spans() -> None:
    reading = reader.read(BODY, 10)
    numbers = [no for no, _ in reading.lines]
    assert 12 not in numbers and 13 not in numbers and 14 not in numbers  # fence and inside
    assert dict(reading.text_lines)[10] == "Text[^1] and  here."


def test_footnote_references_and_definitions_with_their_lines() -> None:
    reading = reader.read(BODY, 10)
    assert reading.references == (("1", 10), ("4", 20))
    notes = {n.label: (n.line, n.text) for n in reading.definitions}
    assert notes == {"1": (16, "First note <https://example.org/a>\ncontinued <https://example.org/b>"),
                     "3": (19, "Unused.")}


def test_a_line_of_openers_is_read_in_linear_time() -> None:
    import time
    start = time.perf_counter()
    reader.read("[^" * 300_000 + "\n" + "`" * 300_000, 1)
    assert time.perf_counter() - start < 2


def test_headings_and_links_with_their_lines() -> None:
    body = ("# Title {: #top }\n\nSee [a](b.md) and <https://x.example>.\n"
            "```\n# not a heading [c](d)\n```\n#hashtag\n###### Six\n`[e](f)`\n")
    reading = reader.read(body, 5)
    assert reading.headings == ((5, 1, "Title {: #top }"), (12, 6, "Six"))
    assert reading.links == ((7, "b.md", "link"), (7, "https://x.example", "autolink"))
    assert "not a heading" not in reading.text and "See" in reading.text
