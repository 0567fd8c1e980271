"""The bilingual concordance as readers use it, in Chromium on desktop and phone: Japanese
typed without spaces and English, the pairs side by side (stacked on phones), the match and
the term base's counterpart marked, grouped by document, filtered, linked to both units,
more on request; hostile queries stay text; axe finds nothing with results on the page."""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import screenshot
from concordance_driver import DONE, run_query, shown
from page_types import VIEWPORTS
from test_accessibility import audit

from policydocs.search import concordanceeval

QUERIES = {q.text: q for q in concordanceeval.load(
    Path(__file__).resolve().parents[1] / "concordance_queries.yml")}
BUDGET = 300_000  # bytes a first query may download (issue: ≤ 300 KB)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("text", ["信頼性のある自由なデータ流通", "サイバーセキュリティ", "デジタルID",
                                  "multi-stakeholder", "both Participants", "Open RAN"])
def test_queries_return_exactly_their_pairs_from_either_page(page, base_url, lang, text) -> None:
    page.goto(base_url + ("" if lang == "ja" else "en/") + "concordance/")
    query = QUERIES.get(text) or QUERIES["デジタル ID"]  # typed without the space the texts have
    score = concordanceeval.score(query, run_query(page, text))
    assert (score.recall, score.precision) == (1.0, 1.0), score


def test_match_and_counterpart_are_marked_and_grouped_by_document(page, base_url) -> None:
    page.goto(base_url + "concordance/")
    run_query(page, "信頼性のある自由なデータ流通")
    hits = page.locator(".concordance__cell:lang(ja) mark.concordance__hit").all_inner_texts()
    assert hits and set(hits) == {"信頼性のある自由なデータ流通"}
    terms = page.locator(".concordance__cell:lang(en) mark.concordance__term").all_inner_texts()
    assert "Data Free Flow with Trust" in terms
    heads = page.locator(".concordance__doc-title").all_inner_texts()
    assert len(heads) == len(set(heads)) == 3  # one group per document
    assert "非公式の英訳" in page.inner_text(".concordance__doc-meta >> nth=0")
    assert page.inner_text(".concordance__status") == "6 組の対応単位（3 文書）"
    screenshot(page, "concordance-ja-desktop")


def test_each_unit_links_to_its_place_on_both_pages(page, base_url) -> None:
    page.goto(base_url + "en/concordance/?q=Hiroshima%20AI%20Process")
    page.wait_for_function(DONE, arg="Hiroshima AI Process")
    links = page.eval_on_selector_all(".concordance__pair >> nth=0 >> a",
                                      "els => els.map(e => e.href)")
    assert [link.removeprefix(base_url) for link in links] == [
        "dialogues/japan-us-dde-14/#s-1-4-p1", "en/dialogues/japan-us-dde-14/#s-1-4-p1"]
    page.click(".concordance__pair >> nth=0 >> .concordance__cell:lang(en) a")
    page.wait_for_url(links[1])
    assert page.locator("#s-1-4-p1").count() == 1


def test_filters_by_section_document_and_translation(page, base_url) -> None:
    page.goto(base_url + "en/concordance/")
    everything = run_query(page, "multi-stakeholder")
    assert page.locator(".concordance__document").is_disabled()
    page.select_option(".concordance__section", label="Policy dialogues")
    page.wait_for_function("() => [...document.querySelectorAll('.concordance__pair')].every("
                           "e => e.dataset.unit.startsWith('dialogues/'))")
    section = shown(page)
    assert section and set(section) < set(everything)
    # The section's documents are loaded when it is chosen, titled in the page's language.
    page.wait_for_function("() => document.querySelectorAll('.concordance__document option')"
                           ".length > 1")
    assert "Japan-US Dialogue" in page.inner_text(".concordance__document")
    page.select_option(".concordance__document", "dialogues/japan-us-dde-14")
    page.wait_for_function("() => [...document.querySelectorAll('.concordance__pair')].every("
                           "e => e.dataset.unit.startsWith('dialogues/'))")
    one = shown(page)
    assert one and set(one) <= set(section)
    page.select_option(".concordance__section", "")
    assert page.locator(".concordance__document").is_disabled()
    page.select_option(".concordance__translation", "official")
    page.wait_for_function("() => document.querySelectorAll('.concordance__pair').length > 0 && "
                           "[...document.querySelectorAll('.concordance__doc-meta')].every("
                           "e => e.textContent.includes('official English'))")
    assert set(shown(page)) < set(everything)
    # Both filters at once: the white papers have no official English.
    page.select_option(".concordance__section", label="White papers")
    page.wait_for_function("() => document.querySelectorAll('.concordance__pair').length === 0")
    assert "No aligned unit" in page.inner_text(".concordance__status")


def test_show_more_continues_where_focus_lands(page, base_url) -> None:
    page.goto(base_url + "concordance/")
    first = run_query(page, "日英関係省庁", everything=False)
    assert len(first) == 20 and page.is_visible(".concordance__more")
    assert "続きがあります" in page.inner_text(".concordance__status")
    page.click(".concordance__more")
    page.wait_for_function("() => document.querySelectorAll('.concordance__pair').length > 20")
    assert page.evaluate("document.activeElement.dataset.unit") == shown(page)[20]


def test_phone_stacks_the_languages_and_desktop_puts_them_side_by_side(browser, base_url) -> None:
    for device, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, is_mobile=device == "phone")
        page = context.new_page()
        page.goto(base_url + "en/concordance/")
        run_query(page, "semiconductor", everything=False)
        ja = page.locator(".concordance__cell:lang(ja) >> nth=0").bounding_box()
        en = page.locator(".concordance__cell:lang(en) >> nth=0").bounding_box()
        if device == "phone":
            assert en["y"] >= ja["y"] + ja["height"] and abs(en["x"] - ja["x"]) < 2
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"]  # nothing wider than the screen
            screenshot(page, "concordance-en-phone")
        else:
            assert abs(en["y"] - ja["y"]) < 2 and en["x"] > ja["x"] + ja["width"]
        context.close()


@pytest.mark.parametrize("query", ['<img src=x onerror="window.pwned=1">',
                                   '"><svg/onload=window.pwned=1>', "</mark><script>window.pwned=1</script>"])
def test_hostile_queries_stay_text(page, base_url, query) -> None:
    page.goto(base_url + "en/concordance/")
    page.fill(".concordance__query", query)
    page.wait_for_function(DONE, arg=query)
    assert page.evaluate("window.pwned") is None
    assert page.locator(":is(.concordance, .concordance__status, .concordance__results) :is(img, svg, script)").count() == 0
    assert query in page.inner_text(".concordance__status")  # "No aligned unit holds …"


def test_a_first_query_downloads_under_the_budget(browser, base_url) -> None:
    for lang, query in (("ja", "信頼性のある自由なデータ流通"), ("en", "Data Free Flow with Trust")):
        page = browser.new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda r: "/concordance/" in r.url and r.resource_type != "document"
                and sizes.append(r.sizes()["responseBodySize"]))
        page.goto(base_url + ("" if lang == "ja" else "en/") + "concordance/")
        run_query(page, query, everything=False)
        page.close()
        assert 0 < sum(sizes) <= BUDGET, (lang, sum(sizes))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_axe_violations_with_results_shown(browser, base_url, lang) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright",
                              reason="axe-playwright-python is not installed").Axe()
    query = "データ保護" if lang == "ja" else "data protection"
    failures = audit(browser, axe, base_url + ("" if lang == "ja" else "en/") + "concordance/",
                     lambda page: run_query(page, query, everything=False))
    assert not failures, "\n  ".join(failures)
