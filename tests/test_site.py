"""The real site, built once: URLs, languages, counterpart links, footnotes, unit ids."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.site

PARTNERSHIP = "partnerships/japan-uk-digital-partnership/"
PAGES = {
    "": "ja", "en/": "en",
    PARTNERSHIP: "ja", f"en/{PARTNERSHIP}": "en",
    "dialogues/japan-us-dde-14/": "ja", "en/dialogues/japan-us-dde-14/": "en",
    "white-papers/2013-bilateral-policy/": "ja", "en/white-papers/2013-bilateral-policy/": "en",
    "white-papers/2020-ict-international-strategy/": "ja",
    "white-papers/2020-ict-international-strategy/part-1/": "ja",
    "white-papers/2020-ict-international-strategy/part-2/": "ja",
    "en/white-papers/2020-ict-international-strategy/": "en",
    "en/white-papers/2020-ict-international-strategy/part-1/": "en",
    "en/white-papers/2020-ict-international-strategy/part-2/": "en",
}


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("url, lang", PAGES.items())
def test_page_exists_with_its_language(built_site: Path, url: str, lang: str) -> None:
    assert soup(built_site, url).html["lang"] == lang


def test_every_page_declares_the_language_of_its_folder(built_site: Path) -> None:
    for path in all_html(built_site):
        rel = path.relative_to(built_site).as_posix()
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").html
        assert html["lang"] == ("en" if rel.startswith("en/") else "ja"), rel


@pytest.mark.parametrize("url", [u for u in PAGES if u and not u.startswith("en/")])
def test_language_switcher_goes_to_the_counterpart(built_site: Path, url: str) -> None:
    links = {a["hreflang"]: a["href"] for a in soup(built_site, url).select("a.md-select__link")}
    assert urljoin(f"/{url}", links["en"]) == f"/en/{url}"
    back = {a["hreflang"]: a["href"]
            for a in soup(built_site, f"en/{url}").select("a.md-select__link")}
    assert urljoin(f"/en/{url}", back["ja"]) == f"/{url}"


def unit_ids(page: BeautifulSoup) -> list[str]:
    article = page.select_one("article")
    return [el["id"] for el in article.find_all(id=re.compile(r"^(s|p)-[0-9]"))]


def test_partnership_unit_ids_present_in_both_languages(built_site: Path) -> None:
    ja, en = unit_ids(soup(built_site, PARTNERSHIP)), unit_ids(soup(built_site, f"en/{PARTNERSHIP}"))
    assert ja == en and len(ja) == 119
    page = soup(built_site, PARTNERSHIP)
    assert page.select_one("#p-6-a").get_text().startswith("a. デジタルインフラ及び技術")
    assert page.select_one("h3#s-5-1").get_text(strip=True).startswith("第一の柱")


def test_footnotes_render_with_the_right_links(built_site: Path) -> None:
    page = soup(built_site, f"en/{PARTNERSHIP}")
    ref = page.select_one("#p-2 sup a.footnote-ref")
    assert ref["href"] == "#fn:1"
    note = page.select_one("li[id='fn:2']")
    hrefs = [a["href"] for a in note.select("a") if "footnote-backref" not in a.get("class", [])]
    assert hrefs == ["https://www.gov.uk/government/collections/uk-japan-comprehensive-economic-partnership-agreement",
                     "https://www.mofa.go.jp/mofaj/ecm/ie/page22_003344.html"]
    wp = soup(built_site, "white-papers/2013-bilateral-policy/")
    assert len(wp.select("div.footnote li")) == 6
    assert "別ウィンドウ" not in wp.get_text()


def test_search_box_is_present_in_both_languages(built_site: Path) -> None:
    for url in ("", "en/"):
        box = soup(built_site, url).select_one(".site-search input.md-search__input")
        assert box is not None and box.get("placeholder")
    assert soup(built_site, "en/").select_one(".site-search input")["placeholder"] == "Search"
    assert soup(built_site, "").select_one(".site-search input")["placeholder"] == "検索"
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"ja", "en"}
    assert not (built_site / "search" / "search_index.json").exists()  # no unused lunr index


def test_only_document_text_is_indexed(built_site: Path) -> None:
    page = soup(built_site, PARTNERSHIP)
    assert page.select_one("[data-pagefind-body]") is not None
    assert soup(built_site, "glossary/").select_one("[data-pagefind-body]") is None
    for url in ("en/dialogues/japan-us-dde-14/", "en/white-papers/2020-ict-international-strategy/part-1/"):
        assert soup(built_site, url).select_one("[data-pagefind-body]") is not None, url


def test_japanese_headings_keep_japanese_ids(built_site: Path) -> None:
    assert soup(built_site, "").select_one("h2#収録文書") is not None


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    for path in all_html(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src")):
            for el in page.find_all(tag):
                value = el.get(attr)
                if not value or (tag == "link" and el.get("rel") in (["alternate"],
                                                                      ["canonical"])):
                    continue
                assert not urlparse(value).netloc, f"{path}: {tag} {value}"
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


def test_navigation_groups_documents_in_both_languages(built_site: Path) -> None:
    nav = soup(built_site, "en/").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    for title in ("Bilateral partnerships", "Policy dialogues", "White papers",
                  "Japan-UK Digital Partnership"):
        assert title in nav
    nav_ja = soup(built_site, "").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "情報通信白書" in nav_ja and "日英デジタル・パートナーシップ" in nav_ja


def test_a_404_page_per_language(built_site: Path) -> None:
    ja = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    en = BeautifulSoup((built_site / "en" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert ja.html["lang"] == "ja" and en.html["lang"] == "en"


# --- parallel reading ---------------------------------------------------------------------

def xlinks(page: BeautifulSoup) -> dict[str, str]:
    """unit id -> href of its link to the other language."""
    out = {}
    for link in page.select("article a.unit-xlink"):
        out[link.parent["id"]] = link["href"]
    return out


def test_every_partnership_unit_links_to_its_counterpart_both_ways(built_site: Path) -> None:
    for lang, other in (("ja", "en"), ("en", "ja")):
        url = PARTNERSHIP if lang == "ja" else f"en/{PARTNERSHIP}"
        target = f"/en/{PARTNERSHIP}" if other == "en" else f"/{PARTNERSHIP}"
        page = soup(built_site, url)
        links = xlinks(page)
        assert sorted(links) == sorted(unit_ids(page)) and len(links) == 119
        for unit_id, href in links.items():
            assert urljoin(f"/{url}", href) == f"{target}#{unit_id}"


def test_label_difference_is_marked_not_reported(built_site: Path) -> None:
    ja = soup(built_site, PARTNERSHIP).select_one("#s-5-3-2-a")
    en = soup(built_site, f"en/{PARTNERSHIP}").select_one("#s-5-3-2-a")
    assert ja.get_text().startswith("b.") and en.get_text().startswith("a.")
    assert ja.select_one(".label-differs").get_text() == "英語版では「a.」"
    assert en.select_one(".label-differs").get_text() == "numbered “b.” in the Japanese text"
    assert len(soup(built_site, PARTNERSHIP).select(".label-differs")) == 1


def test_side_by_side_view_has_every_unit_in_both_languages(built_site: Path) -> None:
    for url in (f"parallel/{PARTNERSHIP}", f"en/parallel/{PARTNERSHIP}"):
        page = soup(built_site, url)
        rows = page.select(".parallel-row[id]")
        assert len(rows) == 119
        # A table a screen reader moves through by row, each column named in its language.
        table = page.select_one(".parallel[role=table]")
        assert table["aria-label"] in ("対訳表示", "Side by side")
        heads = table.select("[role=columnheader]")
        assert [(h["lang"], h.get_text()) for h in heads] == [("ja", "日本語"), ("en", "English")]
        assert all(r["role"] == "row" and len(r.select("[role=cell]")) == 2 for r in rows)
        row = page.select_one(".parallel-row#p-7")
        ja, en = row.select(".parallel-cell")
        assert ja["lang"] == "ja" and "日英関係省庁は、現在が急速な技術変化" in ja.get_text()
        assert en["lang"] == "en" and "Both Participants recognise" in en.get_text()
        assert page.select_one(".parallel-row#s-5-3-2-a")["class"] == [
            "parallel-row", "parallel-label-differs"]
        # Built without Markdown, the page still has one heading, its title, and the
        # theme's "skip to content" link leads to it.
        title = page.title.get_text()
        (heading,) = page.select("h1")
        assert title.startswith(heading.get_text()) and heading.get_text().endswith(
            "パートナーシップ" if url.startswith("parallel") else "Partnership")
        assert page.select_one("a.md-skip")["href"] == f"#{heading['id']}"


def test_document_page_links_to_its_side_by_side_view(built_site: Path) -> None:
    for url in (PARTNERSHIP, f"en/{PARTNERSHIP}"):
        href = soup(built_site, url).select_one(".doc-tools a")["href"]
        view = urljoin(f"/{url}", href)
        assert view == f"/{'en/' if url.startswith('en/') else ''}parallel/{PARTNERSHIP}"
        assert (built_site / view.strip("/") / "index.html").exists()
    parts = "white-papers/2020-ict-international-strategy"
    assert soup(built_site, f"{parts}/part-1/").select_one(".doc-tools") is not None
    assert (built_site / "parallel" / parts / "part-1" / "index.html").exists()
    assert soup(built_site, f"{parts}/").select_one(".doc-tools") is None  # no units to align


ORIGINALS = {  # sources/sources.yml: the URLs whose page text was matched against ours
    "dialogues/japan-us-dde-14": "https://www.soumu.go.jp/menu_news/s-news/01tsushin08_02000172.html",
    "white-papers/2013-bilateral-policy":
        "https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/h25/html/nc258220.html",
    "white-papers/2020-ict-international-strategy":
        "https://www.soumu.go.jp/johotsusintokei/whitepaper/ja/r02/html/nd268110.html",
    PARTNERSHIP.rstrip("/"): None,
}


@pytest.mark.parametrize("url", [u for u in PAGES if u not in ("", "en/")])
def test_every_document_page_says_where_its_original_is(built_site: Path, url: str) -> None:
    english = url.startswith("en/")
    document = next(d for d in ORIGINALS if url.removeprefix("en/").startswith(d))
    views = [f"{'en/' if english else ''}parallel/{url.removeprefix('en/')}"]
    for page in [url] + [v for v in views if (built_site / v / "index.html").exists()]:
        shown = soup(built_site, page).select_one(".provenance-original, .view-original")
        link = shown.select_one("a")
        if ORIGINALS[document] is None:
            assert link is None
            assert ("not confirmed" if english else "未確認") in shown.get_text(), page
        else:
            assert (link["href"], link["hreflang"]) == (ORIGINALS[document], "ja"), page
            label = "Japanese original" if english else "原文"
            assert shown.get_text(" ", strip=True).startswith(label), page


@pytest.mark.parametrize("url, expected", [
    ("status/", {"日英デジタル・パートナーシップ": ["公式", "公式", "100%"],
                 "デジタルエコノミーに関する日米対話(第14回会合)の結果": ["公式", "非公式訳", "100%"],
                 "情報通信白書 平成25年版 二国間関係における国際政策の展開": ["公式", "非公式訳", "100%"],
                 "情報通信白書 令和2年版 第8節 ICT国際戦略の推進": ["公式", "非公式訳", "100%"]}),
    ("en/status/", {"Japan-UK Digital Partnership": ["official", "official", "100%"],
                    "Results of the 14th Japan-US Dialogue on the Digital Economy":
                        ["official", "unofficial", "100%"],
                    "White Paper on Information and Communications 2020, Section 8: Promoting ICT "
                    "International Strategy": ["official", "unofficial", "100%"]}),
])
def test_translation_status_page(built_site: Path, url: str, expected: dict) -> None:
    rows = {r.select("td")[0].get_text(strip=True): [c.get_text(strip=True) for c in r.select("td")[1:4]]
            for r in soup(built_site, url).select("article table tr") if r.select("td")}
    assert len(rows) == 4 and all(cells[2] == "100%" for cells in rows.values())
    for title, cells in expected.items():
        assert rows[title] == cells


# --- pillars ------------------------------------------------------------------------------

JAPAN_UK_PILLAR_SECTIONS = {"infrastructure": "s-5-1", "data": "s-5-2", "regulation": "s-5-3",
                            "transformation": "s-5-4"}


@pytest.mark.parametrize("pillar, section", JAPAN_UK_PILLAR_SECTIONS.items())
def test_pillar_index_lists_the_japan_uk_section_in_both_languages(built_site: Path, pillar: str,
                                                                     section: str) -> None:
    for prefix in ("", "en/"):
        url = f"{prefix}pillars/{pillar}/"
        hrefs = [urljoin(f"/{url}", a["href"]) for a in soup(built_site, url).select("article li a")]
        assert f"/{prefix}{PARTNERSHIP}#{section}" in hrefs
        assert f"/{prefix}{PARTNERSHIP}" in hrefs  # the whole document too


def test_pillar_index_speaks_the_readers_language(built_site: Path) -> None:
    page = soup(built_site, "pillars/infrastructure/")
    pillar_one = next(li for li in page.select("ul.pillar-entries > li")
                      if li.a["href"].endswith(f"{PARTNERSHIP}#s-5-1"))
    assert [a.get_text() for a in pillar_one.select(".pillar-subsections a")] == [
        "ベンダ多様化", "サイバーレジリエンスの向上", "半導体", "AI"]
    assert pillar_one.select_one(".pillar-excerpt").get_text().endswith("。")
    article = page.select_one("article").get_text()
    assert "first pillar" not in article and "overseas deployment" not in article  # reasons
    counts = [p.get_text() for p in page.select("article h2 + p")]
    assert all(re.search(r" · \d+箇所$", c) for c in counts), counts


def test_english_index_links_translated_passages_in_english(built_site: Path) -> None:
    page = soup(built_site, "en/pillars/data/")
    g20 = next(li for li in page.select("article li")
               if "2020-ict-international-strategy/part-2/#s-2-1-1" in li.a["href"])
    assert g20.select_one(".only-ja") is None and g20.a.get("lang") is None
    assert "G7 and G20" in g20.a.get_text()
    assert urljoin("/en/pillars/data/", g20.a["href"]) == \
        "/en/white-papers/2020-ict-international-strategy/part-2/#s-2-1-1"
    cbpr = next(li for li in page.select("article li") if "japan-us-dde-14/#s-1-5" in li.a["href"])
    assert cbpr.select_one(".only-ja") is None and "Cross-Border Privacy Rules" in cbpr.get_text()
    for url in ("pillars/data/", "en/pillars/data/"):  # every document now has English text
        assert soup(built_site, url).select(".only-ja") == []


def test_pillar_overview_counts_and_navigation(built_site: Path) -> None:
    page = soup(built_site, "en/pillars/")
    data = page.select_one("h2 a[href='../data/'], h2 a[href='data/']").find_parent("h2")
    counts = data.find_next_sibling("p").find_next_sibling("p").get_text(strip=True)
    # Japan-UK: page + s-5-2; Japan-US: page + s-1-5 + s-1-6; white papers: page + 1 each.
    assert counts == "4 documents · 9 passages"
    nav = soup(built_site, "pillars/").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "四つの柱" in nav and "デジタルトランスフォーメーション" in nav
    nav_en = soup(built_site, "en/").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "The four pillars" in nav_en and "Digital transformation" in nav_en


def test_tagged_sections_show_badges_and_no_tag_attributes_leak(built_site: Path) -> None:
    page = soup(built_site, f"en/{PARTNERSHIP}")
    badge = page.select_one("h3#s-5-2 a.pillar-badge")
    assert badge.get_text() == "Pillar index: Data" and urljoin(f"/en/{PARTNERSHIP}", badge["href"]) == "/en/pillars/data/"
    assert len(page.select("h1 + p.pillar-badges a")) == 4
    for path in all_html(built_site):
        html = path.read_text(encoding="utf-8")
        assert ' pillars="' not in html and ' why="' not in html, path


# --- glossary -------------------------------------------------------------------------------

def test_glossary_pages_in_both_languages(built_site: Path) -> None:
    for url, expansion, other in (("glossary/", "信頼性のある自由なデータ流通", "Data Free Flow with Trust"),
                                  ("en/glossary/", "Data Free Flow with Trust", "信頼性のある自由なデータ流通")):
        page = soup(built_site, url)
        entry = page.select_one("h3#term-dfft")
        assert entry is not None and entry.find("abbr") is None
        text = entry.find_next_sibling("p").get_text(" ", strip=True)
        assert text.startswith(expansion) and other in text
        jump = [a["href"] for a in page.select(".glossary-jump a")]
        assert "#initial-d" in jump and all(page.select_one(h) for h in jump)
        used = next(p for p in entry.find_next_siblings("p")
                    if p.get_text().startswith(("Used in", "使用箇所")))
        assert re.search(r"(結果 \(\d箇所|Digital Economy \(\d passages): “?「?\(4\) ?",
                         used.get_text()), used.get_text()  # the passages, by heading
        defined = next(p for p in entry.find_next_siblings("p")
                       if p.get_text().startswith(("Defined in", "定義")))
        assert not re.search(r"\b[sp]-\d", defined.get_text())  # names, not unit ids


def test_acronyms_have_tooltips_in_the_page_language(built_site: Path) -> None:
    ja = soup(built_site, PARTNERSHIP)
    assert ja.select_one("#p-11 abbr")["title"] == "信頼性のある自由なデータ流通"
    en = soup(built_site, f"en/{PARTNERSHIP}")
    assert {a.get_text(): a["title"] for a in en.select("#p-2 abbr")} == {
        "CEPA": "Comprehensive Economic Partnership Agreement"}
    for path in all_html(built_site):
        html = path.read_text(encoding="utf-8")
        assert "ITU</abbr>-" not in html and "<a href" not in "".join(
            str(a) for a in BeautifulSoup(html, "html.parser").select("abbr"))


def test_no_link_keeps_the_resolved_mark(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 30
    assert not [p for p in pages if "resolved:" in p.read_text(encoding="utf-8")]


def test_japanese_text_on_english_pages_says_it_is_japanese(built_site: Path) -> None:
    """WCAG 3.1.2: a screen reader switches voice only where an element names the language."""
    from selectolax.lexbor import LexborHTMLParser

    from policydocs.extensions.langparts import JA_RUN

    unmarked = []
    for path in sorted((built_site / "en").rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for node in tree.body.traverse(include_text=True):
            if node.tag != "-text" or not JA_RUN.search(node.text_content or ""):
                continue
            holder = node.parent
            while holder is not None and "lang" not in (holder.attributes or {}) \
                    and holder.tag not in ("script", "style"):
                holder = holder.parent
            if holder is None or holder.attributes.get("lang") != "ja" and holder.tag not in (
                    "script", "style"):
                unmarked.append(f"{path.relative_to(built_site)}: {node.text_content.strip()[:40]}")
    assert unmarked == []


# --- open data ----------------------------------------------------------------------------

def test_feeds_and_document_files_are_published_and_linked(built_site: Path) -> None:
    import feedparser
    import jsonschema

    schema = json.loads((built_site / "exports" / "document.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for feed, lang in (("feed.xml", "ja"), ("en/feed.xml", "en")):
        parsed = feedparser.parse((built_site / feed).read_bytes())
        assert not parsed.bozo and parsed.version == "atom10" and len(parsed.entries) == 4
        for entry in parsed.entries:  # every entry opens a built page of its language
            path = urlparse(entry.link).path.strip("/")
            assert (built_site / path / "index.html").exists(), entry.link
            assert path.startswith("en/") == (lang == "en")
    for url in [u for u in PAGES if u not in ("", "en/")]:
        page = soup(built_site, url)
        head = {l["type"]: urljoin(f"/{url}", l["href"]) for l in
                page.select("head link[rel=alternate][type]")}
        assert head["application/atom+xml"] == ("/en/feed.xml" if url.startswith("en/")
                                                else "/feed.xml")
        data = head["application/json"]
        assert page.select_one(".provenance a[type='application/json']") is not None
        validator.validate(json.loads((built_site / data.strip("/")).read_text("utf-8")))
