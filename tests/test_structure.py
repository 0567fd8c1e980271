from helpers import parse_text

from policydocs.sources.model import Heading, Unit
from policydocs.sources.structure import is_terminated, join_text


def outline(doc):
    return [(b.level, b.text, b.id) for b in doc.blocks if isinstance(b, Heading)]


def units(doc):
    return [(b.id, b.label, b.text) for b in doc.blocks if isinstance(b, Unit)]


def test_join_text_by_language() -> None:
    assert join_text("基本的価値", "を共有する。", "ja") == "基本的価値を共有する。"
    assert join_text("New technologies are", "redefining", "en") == "New technologies are redefining"
    assert join_text("Open", "RAN の", "ja") == "Open RAN の"
    assert join_text("a multi-", "stakeholder approach", "en") == "a multi-stakeholder approach"


def test_termination_counts_trailing_footnote() -> None:
    assert is_terminated("合意した。")
    assert is_terminated("とりまとめた[^11]")
    assert not is_terminated("研究開発協")


def test_page_break_rejoins_japanese_unit_and_stray_list_marker() -> None:
    doc = parse_text("題名\n\n概要\n\n10. 基本的価値\n\nを共有する。\n\n11. 次。\n - f. 投資の\n\n"
                     "- ための基盤を創出すること。\n- g. 次の項目。", title="題名")
    assert units(doc) == [
        ("p-10", "10.", "基本的価値を共有する。"),
        ("p-11", "11.", "次。"),
        ("p-11-a", "f.", "投資のための基盤を創出すること。"),
        ("p-11-b", "g.", "次の項目。"),
    ]


def test_page_break_rejoins_english_unit_across_dropped_footnotes() -> None:
    text = ("# TITLE\n\n## BACKGROUND\n\n7. New technologies are\n\n---\n\n"
            "<sup>1</sup> <https://a.example/>\n\n- redefining the way people live.<sup>1</sup>")
    doc = parse_text(text, title="Title", language="en")
    assert units(doc) == [("p-7", "7.", "New technologies are redefining the way people live.[^1]")]


def test_lines_of_a_unit_are_joined() -> None:
    doc = parse_text("題名\n\n- a. 第一文。\n第二文。\n例えば、\n - i. 項目", title="題名")
    assert units(doc)[0] == ("intro-a", "a.", "第一文。第二文。例えば、")
    assert units(doc)[1] == ("intro-a-i", "i.", "項目")


def test_pseudo_headings_get_one_outline() -> None:
    ja = parse_text("題名\n\n概要\n\n1. 文。\n\n共同作業\n\n24. 次のとおり。\n\n第一の柱：インフラ\n\n"
                    "半導体\n\n- a. 文。\n\n第二の柱：データ\n\n- a. 文。", title="題名")
    en = parse_text("# TITLE\n\n## SUMMARY\n\n1. Text.\n\n## **JOINT ACTIONS**\n\n24. As follows:\n\n"
                    "### **Pillar One: Infrastructure**\n\n## **Semiconductors**\n\n- a. Text.\n\n"
                    "### **Pillar Two: Data**\n\n- a. Text.", title="Title", language="en")
    assert [(lvl, i) for lvl, _, i in outline(ja)] == [(lvl, i) for lvl, _, i in outline(en)] == [
        (2, "s-1"), (2, "s-2"), (3, "s-2-1"), (4, "s-2-1-1"), (3, "s-2-2")]
    assert [u[0] for u in units(ja)] == [u[0] for u in units(en)] == [
        "p-1", "p-24", "s-2-1-1-a", "s-2-2-a"]


def test_white_paper_markers_nest_and_repeat_numbers() -> None:
    text = ("第8節 国際戦略\n\n1 重点課題\n\n1 海外展開\n\nア 戦略\n\n(ア) インフラ\n\nA フィリピン\n\n"
            "本文。\n\n（イ）技術\n\n2 環境整備\n\n2 国際的な枠組\n\n1 多国間\n\n●日米対話\n\n本文。")
    doc = parse_text(text, title="情報通信白書 第8節 国際戦略")
    assert outline(doc) == [
        (2, "1 重点課題", "s-1"), (3, "1 海外展開", "s-1-1"), (4, "ア 戦略", "s-1-1-1"),
        (5, "(ア) インフラ", "s-1-1-1-1"), (6, "A フィリピン", "s-1-1-1-1-1"),
        (5, "（イ）技術", "s-1-1-1-2"), (3, "2 環境整備", "s-1-2"),
        (2, "2 国際的な枠組", "s-2"), (3, "1 多国間", "s-2-1"), (4, "●日米対話", "s-2-1-1"),
    ]


def test_item_ids_follow_position_not_printed_label() -> None:
    ja = parse_text("題名\n\n市場\n\n- b. 特に、\n - i. 一。\n - ii. 二。", title="題名")
    en = parse_text("# T\n\n## Markets\n\n- a. In particular:\n  - i. One.\n  - ii. Two.",
                    title="T", language="en")
    assert [u[:2] for u in units(ja)] == [("s-1-a", "b."), ("s-1-a-i", "i."), ("s-1-a-ii", "ii.")]
    assert [u[0] for u in units(en)] == ["s-1-a", "s-1-a-i", "s-1-a-ii"]


def test_letter_i_after_h_is_a_letter_not_a_roman_numeral() -> None:
    items = "\n".join(f"- {c}. x。" for c in "abcdefghij")
    doc = parse_text(f"題名\n\n見出し\n\n{items}", title="題名")
    assert [u[0] for u in units(doc)][-3:] == ["s-1-h", "s-1-i", "s-1-j"]


def test_paragraph_between_two_items_continues_the_first() -> None:
    doc = parse_text("題名\n\n見出し\n\n- a. 能力である。\n\n鍵である。\n\n- b. 次。\n\n結びの段落。",
                     title="題名")
    first = next(b for b in doc.blocks if isinstance(b, Unit) and b.id == "s-1-a")
    assert first.more == ["鍵である。"]
    assert units(doc)[-1][0] == "s-1-p1"


def test_title_context_dateline_figure_and_signatures() -> None:
    text = ("第2部 現況\n第8節 推進\n\n令和6年2月27日\n\n(2)二国間関係の展開\n\nア 米国\n\n"
            "図表 6-8-1-1 動向\n\n本文。\n\n日本国総務省\n\n総務大臣\n松本 剛明")
    doc = parse_text(text, title="白書 二国間関係の展開",
                     signatures={"start": "日本国総務省", "heading": "署名"})
    assert doc.title.text == "(2)二国間関係の展開"
    kinds = [(b.kind, b.text) if isinstance(b, Unit) else ("h", b.text) for b in doc.blocks]
    assert kinds == [("context", "第2部 現況 › 第8節 推進"), ("date", "令和6年2月27日"),
                     ("h", "ア 米国"), ("figure", "図表 6-8-1-1 動向"), ("para", "本文。"),
                     ("h", "署名"), ("verbatim", "日本国総務省"), ("verbatim", "総務大臣  \n松本 剛明")]
    assert doc.blocks[-3].id == "s-2"


def test_a_text_without_a_title_line_is_titled_from_the_manifest() -> None:
    doc = parse_text("本文の第一文。\n\n本文の第二文。", title="別の題名")
    assert doc.title_from_manifest and doc.title.text == "別の題名"
    assert units(doc) == [("intro-p1", "", "本文の第一文。"), ("intro-p2", "", "本文の第二文。")]


def test_a_breadcrumb_holding_the_title_is_not_the_title_line() -> None:
    doc = parse_text("ホーム > ニュース > 会合の結果\n\n会合の結果\n\n本文。", title="会合の結果")
    assert doc.title.line == 3


def test_heading_override_from_manifest() -> None:
    doc = parse_text("題名\n\n【関係報道資料】\n結果\n連絡先\n国際戦略局", title="題名",
                     headings={"連絡先": 2})
    assert outline(doc) == [(2, "【関係報道資料】", "s-1"), (2, "連絡先", "s-2")]
