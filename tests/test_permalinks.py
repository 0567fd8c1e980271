"""The heading permalinks are named in the reader's language and carry no tooltip title."""
from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser

from policydocs.extensions import permalinks


def links(text: str, language: str | None) -> list[dict]:
    out = markdown.markdown(text, extensions=[
        "toc", permalinks.makeExtension(context=language)],
        extension_configs={"toc": {"permalink": True}})
    return [dict(a.attributes) for a in LexborHTMLParser(out).css("a.headerlink")]


def test_permalinks_are_named_in_the_page_language() -> None:
    assert [(a.get("aria-label"), a.get("title")) for a in links("# 背景\n\n## 目的", "ja")] == [
        ("この見出しへのリンク", None), ("この見出しへのリンク", None)]
    assert links("## Purpose", "en")[0]["aria-label"] == "Link to this heading"


def test_without_a_language_toc_output_is_kept() -> None:
    assert links("## Purpose", None)[0] == {
        "class": "headerlink", "href": "#purpose", "title": "Permanent link"}
