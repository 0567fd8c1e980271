"""Japanese words in English pages are marked lang="ja" for screen readers."""
from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser

from policydocs.extensions import langparts


def html(text: str, language: str | None) -> str:
    return markdown.markdown(text, extensions=["attr_list",
                                               langparts.makeExtension(context=language)])


def test_japanese_runs_in_english_text_get_their_language() -> None:
    out = html("Wulianwang (物聯網) and **日英 デジタル・パートナーシップ** by 河野宇博.", "en")
    spans = [(s.text(), s.attributes["lang"]) for s in LexborHTMLParser(out).css("span")]
    assert spans == [("物聯網", "ja"), ("日英 デジタル・パートナーシップ", "ja"), ("河野宇博", "ja")]
    assert LexborHTMLParser(out).body.text() == (
        "Wulianwang (物聯網) and 日英 デジタル・パートナーシップ by 河野宇博.")


def test_marked_elements_code_and_japanese_pages_are_left_alone() -> None:
    assert "<span" not in html("*日本語*{: lang=\"ja\" } and `コード`", "en")
    assert "<span" not in html("日本語の本文 with English", "ja")
    assert "<span" not in html("日本語", None)


def test_text_after_a_child_element_is_marked_too() -> None:
    out = html("See [link](x) 第一の柱 then [two](y)", "en")
    assert '</a> <span lang="ja">第一の柱</span> then <a' in out
