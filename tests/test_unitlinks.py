"""Per-unit links to the other language, configured per Markdown instance."""
from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser

from policydocs.extensions import unitlinks

PAGE = "## 概要 { #s-1 }\n\n1\\. 本文。\n{: #p-1 }\n\n日本のみ。\n{: #p-2 .lang-only }\n\n注記。\n{: #n-1 }\n"
CONTEXT = unitlinks.UnitLinkContext("ja", "../../en/x/", frozenset({"s-1", "p-1"}),
                                    frozenset({"p-2"}), (("p-1", "(a)"),), frozenset({"p-1"}),
                                    (("s-1", "section", "概要"), ("p-1", "paragraph", "1")))


def html(context: unitlinks.UnitLinkContext | None) -> LexborHTMLParser:
    out = markdown.markdown(PAGE, extensions=["attr_list", "toc",
                                              unitlinks.makeExtension(context=context)])
    return LexborHTMLParser(out)


def test_each_aligned_unit_links_to_itself_in_the_other_language() -> None:
    tree = html(CONTEXT)
    links = {a.parent.attributes["id"]: a.attributes for a in tree.css("a.unit-xlink")}
    assert set(links) == {"s-1", "p-1"}
    assert links["p-1"]["href"] == "../../en/x/#p-1"
    assert links["p-1"]["hreflang"] == "en"
    assert tree.css_first("#p-1 a.unit-xlink").text() == "第1項をEnglishで読む"
    assert tree.css_first("#s-1 a.unit-xlink").text() == "見出し「概要」をEnglishで読む"


def test_only_the_language_name_shows_and_it_carries_its_language() -> None:
    link = html(CONTEXT).css_first("#p-1 a.unit-xlink")
    shown = [s for s in link.css("span") if "sr-only" not in (s.attributes.get("class") or "")]
    assert [(s.text(), s.attributes["lang"]) for s in shown] == [("English", "en")]
    assert "lang" not in link.attributes  # the hidden words are in the page's language


def test_label_differences_stale_units_and_one_language_units_are_marked() -> None:
    tree = html(CONTEXT)
    assert tree.css_first("#p-1 .label-differs").text() == "英語版では「(a)」"
    assert tree.css_first("#p-1 .stale-note") is not None
    assert tree.css_first("#s-1 .stale-note") is None
    assert tree.css_first("#p-2 .lang-only-badge").text() == "日本語版のみ"
    assert tree.css("#n-1 a, #n-1 span") == []  # neither aligned nor marked


def test_the_marks_are_left_out_of_the_search_index() -> None:
    tree = html(CONTEXT)
    marks = tree.css("a.unit-xlink, .label-differs, .stale-note, .lang-only-badge")
    assert marks and all(m.attributes.get("data-pagefind-ignore") == "all" for m in marks)


def test_without_a_context_nothing_is_added_and_nothing_carries_over() -> None:
    assert html(None).css("a.unit-xlink, .lang-only-badge") == []
    html(CONTEXT)  # one page with a context, then one without: instances share nothing
    assert html(None).css("a.unit-xlink") == []


def test_an_english_page_links_to_japanese() -> None:
    context = unitlinks.UnitLinkContext("en", "../../x/", frozenset({"p-1"}), frozenset())
    link = html(context).css_first("#p-1 a.unit-xlink")
    assert link.text() == "Read this passage in 日本語" and link.attributes["hreflang"] == "ja"
