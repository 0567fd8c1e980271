"""Pillar badges: tag attributes never reach the HTML; badges link to each pillar's index."""
from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser

from policydocs.extensions import pillarbadges

PAGE = ("# 題名\n\n本文。\n\n## データ { #s-1 pillars=\"data\" why=\"DFFT\" }\n\n"
        "段落。\n{: #p-1 pillars=\"data regulation\" }\n")
CONTEXT = pillarbadges.BadgeContext(
    names=(("data", "データ"), ("regulation", "規制")),
    hrefs=(("data", "../pillars/data/"), ("regulation", "../pillars/regulation/")),
    page=("regulation",), units=(("s-1", ("data",)), ("p-1", ("data", "regulation"))))


def html(context: pillarbadges.BadgeContext | None) -> LexborHTMLParser:
    out = markdown.markdown(PAGE, extensions=["attr_list",
                                              pillarbadges.makeExtension(context=context)])
    return LexborHTMLParser(out)


def test_tag_attributes_are_removed_with_or_without_a_context() -> None:
    for context in (CONTEXT, None):
        tree = html(context)
        assert tree.css("[pillars], [why]") == []
        assert tree.css_first("#p-1") is not None


def test_units_and_the_page_get_badges_linking_to_each_index() -> None:
    tree = html(CONTEXT)
    unit = [(a.text(), a.attributes["href"]) for a in tree.css("#p-1 .pillar-badges a")]
    assert unit == [("データ", "../pillars/data/"), ("規制", "../pillars/regulation/")]
    assert [a.text() for a in tree.css("#s-1 .pillar-badges a")] == ["データ"]
    first = tree.css_first("h1").next
    while first is not None and first.tag == "-text":
        first = first.next
    assert first.tag == "p" and "pillar-badges" in first.attributes["class"]
    assert [a.text() for a in first.css("a")] == ["規制"]


def test_badges_are_left_out_of_the_search_index() -> None:
    holders = html(CONTEXT).css(".pillar-badges")
    assert len(holders) == 3 and all(h.attributes["data-pagefind-ignore"] == "all"
                                     for h in holders)


def test_without_a_context_there_are_no_badges() -> None:
    assert html(None).css(".pillar-badges") == []


def test_badges_say_they_open_the_pillar_index_to_screen_readers() -> None:
    from dataclasses import replace

    from policydocs.extensions.pillarbadges import makeExtension

    context = replace(CONTEXT, language="en")
    out = markdown.markdown(PAGE, extensions=["attr_list", makeExtension(context=context)])
    badge = LexborHTMLParser(out).css_first("#s-1 .pillar-badges a")
    assert badge.text() == "Pillar index: データ"
    assert badge.css_first(".sr-only").text() == "Pillar index: "
