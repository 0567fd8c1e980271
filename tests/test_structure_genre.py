"""The structure model on the conventions of the genre, each case as a small text.

Each case is one way real texts of other publishers came out wrong before (issue: "Import any
real government text"); the texts here are written for the test.
"""
from __future__ import annotations

from helpers import parse_text

from policydocs.sources.model import Heading, Unit


def outline(doc):
    return [(b.level, b.text, b.id) for b in doc.blocks if isinstance(b, Heading)]


def units(doc):
    return [(b.id, b.label, b.text) for b in doc.blocks if isinstance(b, Unit)]


def test_a_label_alone_on_its_line_labels_the_next_line() -> None:
    doc = parse_text("Title\n\n  •  1.\n    The first point.\n  •  2.\n\n    The second point.",
                     title="Title", language="en")
    assert units(doc) == [("p-1", "1.", "The first point."), ("p-2", "2.", "The second point.")]


def test_an_item_whose_text_starts_with_a_digit_is_read_by_its_sequence() -> None:
    doc = parse_text("題名\n\n6.次世代網を整備する。\n7.5Gネットワークを展開する。\n8.7日に会合を開く。",
                     title="題名")
    assert [u[:2] for u in units(doc)] == [("p-6", "6."), ("p-7", "7."), ("p-8", "8.")]
    assert units(doc)[1][2] == "5Gネットワークを展開する。"


def test_a_list_of_short_bullets_is_a_list_not_headings() -> None:
    doc = parse_text("題名\n\n重点分野は次のとおり。\n\n  • 半導体\n  • AI\n\n次の段落。", title="題名")
    assert outline(doc) == []
    assert [(u[0], u[2]) for u in units(doc)] == [
        ("intro-p1", "重点分野は次のとおり。"), ("intro-b1", "半導体"), ("intro-b2", "AI"),
        ("intro-p2", "次の段落。")]


def test_a_short_line_alone_is_not_joined_to_the_next_paragraph() -> None:
    doc = parse_text("題名\n\nテーブルにつき、対話を行う、三者の様子\n\n10月28日、会談を行いました。",
                     title="題名")
    assert [u[2] for u in units(doc)] == ["テーブルにつき、対話を行う、三者の様子",
                                          "10月28日、会談を行いました。"]


def test_a_short_line_ending_in_a_colon_introduces_what_follows() -> None:
    doc = parse_text("Title\n\nSee:\nAnnex 1: Priorities\nAnnex 2: Vision\n\n1. We met.\n\n"
                     "2. We agreed.", title="Title", language="en")
    assert outline(doc) == []
    assert [(u[1], u[2]) for u in units(doc)] == [
        ("", "See:"), ("Annex 1:", "Priorities"), ("Annex 2:", "Vision"), ("1.", "We met."),
        ("2.", "We agreed.")]


def test_a_numbered_parent_is_never_below_its_children() -> None:
    doc = parse_text("題名\n\n1.日EU・ICT政策対話(第25回)\n\n(1)概要\n\n本文。\n\n(2)主な成果\n\n"
                     "ア 多国間協力\n  本文。\n\nイ 5G\n  本文。\n\n2.戦略ワークショップ\n\n本文。",
                     title="題名")
    assert outline(doc) == [
        (2, "1.日EU・ICT政策対話(第25回)", "s-1"), (3, "(1)概要", "s-1-1"),
        (3, "(2)主な成果", "s-1-2"), (4, "ア 多国間協力", "s-1-2-1"), (4, "イ 5G", "s-1-2-2"),
        (2, "2.戦略ワークショップ", "s-2")]


def test_the_same_label_restarting_opens_a_level_and_pairs_with_the_other_language() -> None:
    en = parse_text("Title\n\nLead.\n\n1. Dialogue\n\n1. Overview\n\nText.\n\n2. Results\n\n"
                    "1. Cooperation\n\nText.\n\n2. 5G\n\nText.", title="Title", language="en")
    ja = parse_text("題名\n\n前文。\n\n補足の前文。\n\n1.対話\n\n(1)概要\n\n本文。\n\n(2)成果\n\n"
                    "ア 協力\n本文。\n\nイ 5G\n本文。", title="題名")
    assert [h[2] for h in outline(en)] == [h[2] for h in outline(ja)] == [
        "s-1", "s-1-1", "s-1-2", "s-1-2-1", "s-1-2-2"]


def test_siblings_of_one_kind_are_all_headings_or_all_items() -> None:
    doc = parse_text("題名\n\n(1)短い見出し\n\n(2)これは長い文で、見出しではなく一つの段落として読まれるべきものである。\n\n"
                     "(3)短い\n\n本文。", title="題名")
    kinds = [type(b).__name__ for b in doc.blocks if not (isinstance(b, Unit) and not b.label)]
    assert kinds == ["Unit", "Unit", "Unit"]
    assert any("partly short titles" in m for _, m in doc.warnings)


def test_a_jump_in_a_numbering_is_a_warning_that_the_manifest_settles() -> None:
    text = "Title\n\n1. One.\n\n2. Two.\n\n4. Four.\n\n5. Five."
    doc = parse_text(text, title="Title", language="en")
    assert [(line, m.split(":")[0]) for line, m in doc.warnings] == [
        (7, "'4.' follows '2.' (line 5)")]
    assert parse_text(text, title="Title", language="en", accept=["4. Four"]).warnings == []


def test_an_unmarked_heading_glued_to_its_text_is_a_warning_that_the_manifest_settles() -> None:
    text = "題名\n\n総括\n両国は合意した。"
    doc = parse_text(text, title="題名")
    assert outline(doc) == [(2, "総括", "s-1")] and "'総括' is read as a heading" in doc.warnings[0][1]
    settled = parse_text(text, title="題名", headings={"総括": "paragraph"})
    assert outline(settled) == [] and settled.warnings == []
    assert parse_text(text, title="題名", headings={"総括": 2}).warnings == []


def test_date_and_title_on_one_line() -> None:
    doc = parse_text("December 17, 2019 Results of the Dialogue\n\nText.",
                     title="Results of the Dialogue", language="en")
    assert doc.title.text == "Results of the Dialogue"
    assert [(b.kind, b.text) for b in doc.blocks][:1] == [("date", "December 17, 2019")]


def test_a_dateline_with_its_place_is_a_date() -> None:
    doc = parse_text("Title\n\nTakasaki, Gunma, April 30, 2023\n\n1. We met.", title="Title",
                     language="en")
    assert [(b.kind, b.text) for b in doc.blocks][0] == ("date", "Takasaki, Gunma, April 30, 2023")


def test_bracket_headings_nest_but_appendix_blocks_stand_at_the_top() -> None:
    doc = parse_text("題名\n\n1.出席国\n\n【G7構成国】\n 日本、米国\n\n【招待国】\n インド\n\n"
                     "2.成果\n\n本文。\n\n【参考】\n\n概要。", title="題名")
    assert [(h[0], h[1]) for h in outline(doc)] == [
        (2, "1.出席国"), (3, "【G7構成国】"), (3, "【招待国】"), (2, "2.成果"), (2, "【参考】")]


def test_a_numbered_title_with_its_text_on_the_next_line_is_a_heading() -> None:
    doc = parse_text("Title\n\nThe main points are as follows:\n\n  1. Vendor Diversification\n"
                     "    Both participants confirmed their commitment.\n  2. AI\n"
                     "    Both participants shared their approaches.", title="Title",
                     language="en")
    assert outline(doc) == [(2, "1. Vendor Diversification", "s-1"), (2, "2. AI", "s-2")]
    assert [u[2] for u in units(doc)][1:] == ["Both participants confirmed their commitment.",
                                              "Both participants shared their approaches."]


def test_a_text_without_blank_lines_has_a_block_per_line() -> None:
    lines = ["Title", "Published on January 22, 2025", "The council met online."]
    lines += ["Summary of the Council", "Japan was represented by its ministers."]
    lines += [f"Sentence {n} of the summary." for n in range(6)]
    doc = parse_text("\n".join(lines), title="Title", language="en")
    assert [(b.kind, b.text) for b in doc.blocks if isinstance(b, Unit)][:2] == [
        ("date", "Published on January 22, 2025"), ("para", "The council met online.")]
    assert outline(doc) == [(2, "Summary of the Council", "s-1")]
