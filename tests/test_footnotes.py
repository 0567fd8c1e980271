from helpers import lines_of

from policydocs.sources import footnotes


def texts(result: footnotes.FootnoteResult) -> list[str]:
    return [ln.text for ln in result.lines if ln.text]


def test_sup_style_block_between_page_halves() -> None:
    text = """7. New technologies are

---

<sup>1</sup> <https://www.gov.uk/a>  
[https://www.mofa.go.jp/page22\\\\_003344.html](https://www.mofa.go.jp/page22_003344.html)

<sup>2</sup> <https://www.gov.uk/b>

- redefining the way people live.<sup>2</sup> See also<sup>1</sup>."""
    result = footnotes.extract(lines_of(text))
    assert texts(result) == ["7. New technologies are",
                             "- redefining the way people live.[^2] See also[^1]."]
    assert [(n.label, n.parts) for n in result.notes] == [
        ("1", ["<https://www.gov.uk/a>", "<https://www.mofa.go.jp/page22_003344.html>"]),
        ("2", ["<https://www.gov.uk/b>"]),
    ]
    assert result.warnings == []


def test_star_style_notes() -> None:
    text = "目標^{*1}を踏まえ、機構（JICT）^{*2}と連携。\n\n*1 収入額等を含む。\n\n*2 官民ファンド：https://www.example.jp/a_b.html"
    result = footnotes.extract(lines_of(text))
    assert texts(result) == ["目標[^1]を踏まえ、機構（JICT）[^2]と連携。"]
    assert [n.parts for n in result.notes] == [["収入額等を含む。"],
                                                ["官民ファンド：<https://www.example.jp/a_b.html>"]]


def test_bare_numbers_glued_to_text_become_references() -> None:
    text = """2010年(平成22年)6月に一致した10。同年11月に開催し、発表した11
物聯網12分野等では2012年10月に合意した。

10 対話:
http://www.soumu.go.jp/a.html

11 結果:http://www.soumu.go.jp/b.html

12 物聯網：中国における戦略の総称。"""
    result = footnotes.extract(lines_of(text))
    assert texts(result) == [
        "2010年(平成22年)6月に一致した[^10]。同年11月に開催し、発表した[^11]",
        "物聯網[^12]分野等では2012年10月に合意した。"]
    assert [n.label for n in result.notes] == ["10", "11", "12"]
    assert result.notes[0].parts == ["対話:", "<http://www.soumu.go.jp/a.html>"]


def test_numbered_headings_at_the_end_are_not_notes() -> None:
    text = "本文。\n\n1 第1回会合\n\n2 次回会合について"
    result = footnotes.extract(lines_of(text))
    assert result.notes == []
    assert texts(result) == ["本文。", "1 第1回会合", "2 次回会合について"]


def test_unmatched_references_and_notes_are_warned_with_lines() -> None:
    text = "text<sup>1</sup> and<sup>3</sup>\n\n---\n\n<sup>1</sup> a\n<sup>2</sup> b"
    result = footnotes.extract(lines_of(text))
    assert (1, "reference [^3] has no note text") in result.warnings
    assert any(line == 6 and "note 2 is never referenced" in msg
               for line, msg in result.warnings)
