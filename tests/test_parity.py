from pathlib import Path

from helpers import generated_html

from policydocs.pages import corpus
from policydocs.site import parallel, parity


def write(docs: Path, rel: str, text: str) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


FM = "---\ntitle: {title}\ndocument: d\ntranslation: {state}\n---\n\n"


def site(tmp_path: Path, ja_units: str, en_units: str, en_state: str = "official") -> Path:
    docs = tmp_path / "docs"
    write(docs, "ja/d.md", FM.format(title="文書 <&|>", state="official") + ja_units)
    write(docs, "en/d.md", FM.format(title="Doc", state=en_state) + en_units)
    return docs


def test_matching_pages_have_full_coverage(tmp_path: Path) -> None:
    docs = site(tmp_path, "## A { #s-1 }\n\n1\\. 一。\n{: #p-1 }\n",
                "## A { #s-1 }\n\n1\\. One.\n{: #p-1 }\n")
    result = parity.compare(corpus.scan(docs))
    assert result.problems == []
    assert result.pairs["d.md"].aligned == ["s-1", "p-1"]
    assert result.documents[0].coverage == 100.0


def test_unit_on_one_side_is_reported_with_file_and_line(tmp_path: Path) -> None:
    docs = site(tmp_path, "1\\. 一。\n{: #p-1 }\n\n2\\. 二。\n{: #p-2 }\n", "1\\. One.\n{: #p-1 }\n")
    result = parity.compare(corpus.scan(docs))
    assert [str(p) for p in result.problems] == [
        f"{docs.name}/ja/d.md:10: unit 'p-2' has no counterpart in docs/en/d.md; add it there, "
        "fix the id, or mark it .lang-only"]
    assert result.documents[0].coverage == 50.0


def test_declared_language_only_unit_is_not_reported(tmp_path: Path) -> None:
    docs = site(tmp_path, "1\\. 一。\n{: #p-1 }\n\n日本語のみ。\n{: #p-1-x .lang-only }\n",
                "1\\. One.\n{: #p-1 }\n")
    result = parity.compare(corpus.scan(docs))
    assert result.problems == []
    assert [u.id for u in result.pairs["d.md"].lang_only["ja"]] == ["p-1-x"]


def test_marker_on_a_unit_present_on_both_sides_is_reported(tmp_path: Path) -> None:
    docs = site(tmp_path, "1\\. 一。\n{: #p-1 .lang-only }\n", "1\\. One.\n{: #p-1 }\n")
    problems = parity.compare(corpus.scan(docs)).problems
    assert len(problems) == 1 and "marked .lang-only but docs/en/d.md has it too" in str(problems[0])


def test_page_without_counterpart_is_reported_once(tmp_path: Path) -> None:
    docs = site(tmp_path, "x\n", "y\n")
    write(docs, "ja/alone.md", "# 独り\n")
    result = parity.compare(corpus.scan(docs))
    assert [str(p) for p in result.problems] == [
        f"{docs.name}/ja/alone.md:1: page has no counterpart: expected docs/en/alone.md; "
        "create it (scripts/new_page.py) or move the page"]
    assert [p.rel for p in result.orphans] == ["alone.md"]


def test_notice_page_is_not_compared(tmp_path: Path) -> None:
    docs = site(tmp_path, "1\\. 一。\n{: #p-1 }\n", "No text yet.\n", en_state="none")
    result = parity.compare(corpus.scan(docs))
    assert result.problems == [] and not result.pairs["d.md"].comparable
    assert result.documents[0].coverage == 0.0


def test_split_document_counts_its_parts_not_its_list_of_parts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for lang, text in (("ja", "1\\. 一。\n{: #p-1 }\n"), ("en", "1\\. One.\n{: #p-1 }\n")):
        write(docs, f"{lang}/d/index.md", FM.format(title="T", state="official") + "1. [Part](part-1.md)\n")
        write(docs, f"{lang}/d/part-1.md", FM.format(title="P", state="official") + text)
    assert parity.compare(corpus.scan(docs)).documents[0].coverage == 100.0
    write(docs, "en/d/part-1.md", FM.format(title="P", state="none") + "No text yet.\n")
    assert parity.compare(corpus.scan(docs)).documents[0].coverage == 0.0


def test_label_differences_are_found(tmp_path: Path) -> None:
    docs = site(tmp_path, "b. 項目。\n{: #s-1-a }\n", "a. Item.\n{: #s-1-a }\n")
    pair = parity.compare(corpus.scan(docs)).pairs["d.md"]
    assert pair.label_diffs == {"s-1-a": {"ja": "b.", "en": "a."}}


def test_side_by_side_rows_keep_reading_order_and_one_sided_units(tmp_path: Path) -> None:
    docs = site(tmp_path,
                "## 見出し { #s-1 }\n\n1\\. 一。[^1]\n{: #p-1 }\n\n日本語のみ。\n{: #p-1-x .lang-only }\n\n"
                "[^1]: note\n",
                "## Head { #s-1 }\n\n1\\. One.\n{: #p-1 }\n\nEnglish only.\n{: #p-1-y .lang-only }\n")
    pair = parity.compare(corpus.scan(docs)).pairs["d.md"]
    assert [(i, bool(j), bool(e)) for i, j, e in parallel._rows(pair)] == [
        ("s-1", True, True), ("p-1", True, True), ("p-1-x", True, False), ("p-1-y", False, True)]
    assert parallel.view_title(pair, "en") == "Side by side: Doc"
    body = parallel.render_view(pair, "en", "ja")
    page = body.html
    assert body.ids == {parallel.TITLE_ID, "s-1", "p-1", "p-1-x", "p-1-y"}
    assert f'<h1 id="{parallel.TITLE_ID}">Side by side: Doc</h1>' in page
    assert '<div class="parallel-row parallel-only-ja" id="p-1-x" role="row">' in page
    # each cell's link names its passage in the cell's language, not by its id
    assert '<a class="parallel-ref" href="../../d/#p-1" hreflang="en">“Head”, paragraph 1</a>' in page
    assert '<a class="parallel-ref" href="../../../d/#p-1" hreflang="ja">「見出し」第1項</a>' in page
    assert "[^1]" not in page and "<p>1. 一。</p>" in page
    ja_page = parallel.render_view(pair, "ja", "ja").html
    assert "<h1 id=\"view_title\">対訳表示: 文書 &lt;&amp;|&gt;</h1>" in ja_page


def test_status_page_escapes_titles_and_lists_gaps(tmp_path: Path) -> None:
    docs = site(tmp_path, "1\\. 一。\n{: #p-1 }\n\n2\\. 二。\n{: #p-2 }\n", "1\\. One.\n{: #p-1 }\n")
    page = parallel.render_status(parity.compare(corpus.scan(docs)), "ja", "ja")
    row = generated_html(page).split("<tbody>\n<tr>\n")[1].split("\n</tr>")[0].split("\n")
    assert row == ['<td><a href="resolved:../d/">文書 &lt;&amp;|&gt;</a></td>', "<td>公式</td>",
                   "<td>公式</td>", '<td style="text-align: right;">50%</td>',
                   '<td style="text-align: right;">0</td>',
                   ('<td><a href="resolved:../d/#p-2">ja:p-2</a> · '
                    '<a href="resolved:../parallel/d/">対訳表示</a></td>')]
