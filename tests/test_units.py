import pytest

from policydocs.pages import units
from policydocs.pages.units import scan

PAGE = """# Title

## Summary { #s-1 }

1\\. First.
{: #p-1 .unit }

a. Item with
two lines.
{: #p-1-a .unit .depth-1 }

More of the item.
{: .cont .depth-1 }

```
{: #not-a-unit }
```

Only here.
{: #p-9 .unit .lang-only }
"""


def test_units_with_lines_text_and_markers() -> None:
    units, problems = scan(PAGE, 5, "docs/en/x.md")
    assert problems == []
    assert [(u.id, u.line, u.kind) for u in units] == [
        ("s-1", 7, "heading"), ("p-1", 9, "block"), ("p-1-a", 12, "block"), ("p-9", 23, "block")]
    assert units[2].text == "a. Item with\ntwo lines.\n\nMore of the item."
    assert units[3].lang_only and not units[1].lang_only


def test_duplicate_invalid_and_stray_marker_are_reported_with_lines() -> None:
    body = "A.\n{: #p-1 }\n\nB.\n{: #p-1 }\n\nC.\n{: #P_2 }\n\nD.\n{: .lang-only }\n"
    _, problems = scan(body, 1, "docs/ja/x.md")
    assert [str(p) for p in problems] == [
        "docs/ja/x.md:4: id 'p-1' is used twice on this page (first on line 1)",
        "docs/ja/x.md:7: id 'P_2' is not a valid anchor; use lowercase letters, digits and "
        "single hyphens",
        "docs/ja/x.md:10: marker '.lang-only' is on a block without an id; give the unit an "
        "id (#p-7) or remove the marker",
    ]


@pytest.mark.parametrize(("line", "expected"), [
    ("## 日本 語 { #s-2 .lang-only }", (2, "日本 語", " #s-2 .lang-only ")),
    ("# a {x} {: #b }  ", (1, "a {x}", " #b ")),
    ("# {#a}", (1, "", "#a")),
    ("#x {#a}", None), ("####### a {#b}", None), ("# a {#b} c", None), ("# a {#b", None),
])
def test_a_heading_is_split_into_level_text_and_attribute_list(line, expected) -> None:
    assert units.match_heading(line) == expected


def test_blanks_and_braces_without_a_closer_are_read_in_one_pass() -> None:
    padded = "\n\n".join(["# x" + " " * 90_000 + "y", "{" + " " * 90_000, "# a {" + " " * 90_000])
    found, problems = units.scan(padded * 5, 1, "p.md")  # each was minutes of backtracking
    assert found == [] and problems == []
