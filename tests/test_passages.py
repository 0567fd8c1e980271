"""Passages named as a reader cites them: heading, then printed label or place."""
from __future__ import annotations

from pathlib import Path

from policydocs.pages import corpus
from policydocs.pages.units import UnitRef
from policydocs.pages import passages

PAGE = """---
title: t
---

Before any heading.
{: #intro-p1 .unit }

## Summary { #s-1 }

6. The first numbered paragraph.
{: #p-6 .unit }

a. An item inside it.
{: #p-6-a .unit .depth-1 }

i. An item inside that.
{: #p-6-a-i .unit .depth-2 }

b. The next item.
{: #p-6-b .unit .depth-1 }

## (2) A heading far longer than anyone would want to quote in full { #s-2 }

A paragraph without a label.
{: #s-2-p1 .unit }

Another.
{: #s-2-p2 .unit }
"""


def names(tmp_path: Path, language: str) -> dict[str, str]:
    (tmp_path / "docs" / language).mkdir(parents=True)
    (tmp_path / "docs" / language / "a.md").write_text(PAGE, encoding="utf-8")
    return passages.names(corpus.scan(tmp_path / "docs").page(language, "a.md"), language)


def test_english_names(tmp_path: Path) -> None:
    assert names(tmp_path, "en") == {
        "intro-p1": "paragraph 1", "s-1": "“Summary”",
        "p-6": "“Summary”, paragraph 6", "p-6-a": "“Summary”, paragraph 6(a)",
        "p-6-a-i": "“Summary”, paragraph 6(a)(i)", "p-6-b": "“Summary”, paragraph 6(b)",
        "s-2": "“(2) A heading far longer than anyone wo…”",
        "s-2-p1": "“(2) A heading far longer than anyone wo…”, paragraph 1",
        "s-2-p2": "“(2) A heading far longer than anyone wo…”, paragraph 2"}


def test_japanese_names(tmp_path: Path) -> None:
    got = names(tmp_path, "ja")
    assert (got["p-6"], got["p-6-a-i"], got["s-2-p2"], got["intro-p1"]) == (
        "「Summary」第6項", "「Summary」第6(a)(i)項",
        "「(2) A heading far longer than anyone wo…」第2段落", "第1段落")


def unit(text: str) -> UnitRef:
    return UnitRef("p-1", 1, "block", text)


def test_first_sentences() -> None:
    assert passages.first_sentence(unit("1\\. 日本国総務省（以下「省庁」という。）は、決定した。次の文。"),
                                   "ja") == "日本国総務省（以下「省庁」という。）は、決定した。"
    assert passages.first_sentence(unit("b. The U.S. side and **Japan** agreed. Then more."),
                                   "en") == "The U.S. side and Japan agreed."
    long = passages.first_sentence(unit("あ" * 300), "ja")
    assert len(long) == 140 and long.endswith("…")
