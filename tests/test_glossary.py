from pathlib import Path

import markdown
from helpers import ROOT, generated_html

from policydocs.extensions import abbrtips
from policydocs.pages import corpus
from policydocs.site import glossary

CURATED = glossary.load_curated(ROOT / "data" / "glossary.yml")


def write(docs: Path, rel: str, text: str) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def small(tmp_path: Path, ja: str, en: str = "") -> glossary.Glossary:
    docs = tmp_path / "docs"
    write(docs, "ja/a.md", "---\ntitle: 文書\n---\n\n" + ja)
    write(docs, "en/a.md", "---\ntitle: Doc\n---\n\n" + en)
    curated = glossary.CuratedFile("data/glossary.yml", {"XYZ": glossary.Curated(
        {"ja": "正しい名前", "en": "Right Name"}, "fix", 3)}, {"ACME": "company"})
    return glossary.build(corpus.scan(docs), curated)


def test_undefined_and_conflicting_acronyms_are_reported_once_with_places(tmp_path: Path) -> None:
    result = small(tmp_path, "甲乙会議（ABC）で。\n\n丙丁会議（ABC）で。ABCとDEFとDEFとACME。\n",
                   "`CODE` and https://x.example/QQQ are not text. ABCs and ACMEs are plurals.\n")
    assert [str(p) for p in result.problems] == [
        "docs/ja/a.md:7: acronym 'ABC' is defined as '丙丁会議' here but as '甲乙会議' at "
        "docs/ja/a.md:5; settle it in data/glossary.yml",
        "docs/ja/a.md:7: acronym 'DEF' is used but defined nowhere; add it to "
        "data/glossary.yml (terms or exclude)"]


def test_english_plural_definitions_join_the_singular(tmp_path: Path) -> None:
    result = small(tmp_path, "自由貿易協定（FTA：Free Trade Agreement）。\n",
                   "Free Trade Agreements (FTAs) and study groups (SGs) and FTAs.\n")
    assert result.problems == []
    assert "FTAs" not in result.terms and "SGs" in result.terms  # no singular SG to join here
    assert result.terms["FTA"].expansions == {"ja": "自由貿易協定", "en": "Free Trade Agreement"}
    assert len(result.terms["FTA"].definitions) == 3


def test_curated_entry_wins_and_settles_conflicts(tmp_path: Path) -> None:
    result = small(tmp_path, "旧名称（XYZ）と別名称（XYZ）。\n", "Wrong Name (XYZ).\n")
    term = result.terms["XYZ"]
    assert result.problems == []
    assert term.expansions == {"ja": "正しい名前", "en": "Right Name"}
    assert term.curated == {"ja": True, "en": True}
    page = glossary.render_page(result, "ja", "ja")
    assert "本文での表記: 別名称 · 旧名称" in page
    assert "日本語・英語の名称とも編集部によります。" in page  # the texts wrote neither


def test_glossary_page_escapes_and_links(tmp_path: Path) -> None:
    result = small(tmp_path, "## 見出し { #s-1 }\n\n<名前> & 会議（ABC）。\n{: #p-1 }\n", "ABC here.\n")
    page = glossary.render_page(result, "en", "ja")
    assert "### ABC { #term-abc }" in page
    assert "**—** · *&lt;名前&gt; &amp; 会議*{: lang=\"ja\" }" not in page  # not split at & either
    assert "[A](#initial-a)" in page
    html = generated_html(page)
    # Only Japanese pages define it: shown, marked as such, named by heading and place.
    assert ('<p>Defined in: <a href="resolved:../../a/#p-1">『文書』「見出し」第1段落</a> '
            '(Japanese pages)</p>') in html
    # The English page uses it, outside any unit: the document, without passages.
    assert '<p>Used in: <a href="resolved:../a/">Doc</a></p>' in html
    assert "s-1" not in html.replace("#s-1", "") and "p-1<" not in html  # no unit ids as text


def test_each_name_says_where_it_comes_from(tmp_path: Path) -> None:
    result = small(tmp_path, "甲乙会議（ABC）。自動車連盟（JAF）。\n",
                   "Alpha Beta Conference (ABC).\n")
    terms = {**result.terms, "XYZ": glossary.Term(  # both curated; the English text agrees
        "XYZ", {"ja": "正しい名前", "en": "Right Name"}, {"ja": True, "en": True},
        [("ja", "旧名称", None), ("en", "Right  name", None)])}
    said = {a: (glossary.origin_sentence(terms[a], "ja"), glossary.origin_sentence(terms[a], "en"))
            for a in ("ABC", "JAF", "XYZ")}
    assert said == {
        "ABC": ("日本語・英語の名称とも本文中の定義によります。", "Both names are as the texts define them."),
        "JAF": ("日本語の名称は本文中の定義によります。英語の名称はまだありません。",
                "The Japanese name is as the text defines it. There is no English name yet."),
        "XYZ": ("英語の名称は本文中の定義によります。日本語の名称は編集部によります。",
                "The English name is as the text defines it. The Japanese name is supplied by "
                "the editors.")}


def test_uses_list_passages_per_document_by_name(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "ja/w/index.md", "---\ntitle: 白書\ndocument: w\n---\n\n本文。\n")
    units = "".join(f"ABCの{i}。\n{{: #s-1-p{i} }}\n\n" for i in range(1, 9))
    write(docs, "ja/w/part-1.md", "---\ntitle: 第1部\ndocument: w\n---\n\n"
          "## ア 会議 { #s-1 }\n\n甲乙会議（ABC）。\n{: #s-1-p0 }\n\n" + units)
    result = glossary.build(corpus.scan(docs), glossary.CuratedFile("g.yml", {}, {}))
    html = generated_html(glossary.render_page(result, "ja", "ja"))
    assert ('定義: <a href="resolved:../w/part-1/#s-1-p0">『白書』「ア 会議」第1段落</a>') in html
    assert ('使用箇所: <a href="resolved:../w/part-1/">白書</a> (9箇所: '
            '<a href="resolved:../w/part-1/#s-1-p0">「ア 会議」第1段落</a>, ') in html
    assert '「ア 会議」第6段落</a>, ほか3箇所)</p>' in html


def render(text: str, titles: dict[str, str], skip_headings: bool = False) -> str:
    context = abbrtips.AbbrContext(tuple(titles.items()), skip_headings)
    return markdown.markdown(text, extensions=["attr_list", "toc", abbrtips.makeExtension(
        context=context)])


def test_tooltips_in_japanese_and_english_text() -> None:
    html = render("DFFTの推進とITU-R、ITUの役割。\n\nData flows (DFFT) *and DFFT*.",
                  {"DFFT": "信頼性のある自由なデータ流通", "ITU": "国際電気通信連合",
                   "ITU-R": "無線通信部門"})
    assert ('<abbr title="信頼性のある自由なデータ流通">DFFT</abbr>の推進と'
            '<abbr title="無線通信部門">ITU-R</abbr>、<abbr title="国際電気通信連合">ITU</abbr>の役割') in html
    assert "(<abbr" in html and "<em>and <abbr" in html


def test_no_tooltips_in_code_links_or_glossary_headings() -> None:
    text = "## DFFT\n\n`DFFT` [DFFT](https://x.example/DFFT) <https://x.example/DFFT/>"
    html = render(text, {"DFFT": "t"}, skip_headings=True)
    assert "<abbr" not in html
    assert '<h2 id="dfft"><abbr' in render("## DFFT", {"DFFT": "t"})
