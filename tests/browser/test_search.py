"""Search as readers use it: Japanese typed without spaces, English, the reader's language
only unless widened, passages linked, Material's keyboard shortcuts."""
from pathlib import Path

import pytest
from browser_helpers import screenshot
from search_driver import run_query

from policydocs.search import searcheval

QUERIES = {q.text: q for q in searcheval.load(
    Path(__file__).resolve().parents[1] / "search_queries.yml")}


@pytest.mark.parametrize("text", ["データ流通", "サイバー", "信頼性のある自由なデータ流通",
                                  "デジタルトランスフォーメーション", "物聯網"])
def test_japanese_queries(page, base_url, text: str) -> None:
    page.goto(base_url)
    results = run_query(page, text)
    score = searcheval.score(QUERIES[text], results)
    assert score.recall == 1.0 and score.precision == 1.0, results
    assert score.passage_hit in (True, None)
    assert not any(r.startswith("/en/") for r in results)  # the reader's language only


def test_english_query_finds_the_english_partnership_passage(page, base_url) -> None:
    page.goto(base_url + "en/")
    results = run_query(page, "data flows")
    assert results[0] == "/en/partnerships/japan-uk-digital-partnership/#p-23-d"
    assert all(r.startswith("/en/") for r in results)
    assert page.locator(".site-search mark").first.inner_text().lower() == "data flows"


def test_result_opens_the_passage(page, base_url) -> None:
    page.goto(base_url)
    run_query(page, "広島AIプロセス")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}dialogues/japan-us-dde-14/#s-1-4-p1")


def test_keyboard_shortcuts_and_both_languages(page, base_url) -> None:
    page.goto(base_url + "en/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("DFFT")
    page.wait_for_function("document.querySelector('.site-search').getAttribute('data-search-done') === 'DFFT'")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")  # opens it again
    page.check(".site-search__both-input")
    results = run_query(page, "データ流通")
    assert any(not r.startswith("/en/") for r in results)
    assert page.locator(".site-search__lang").first.inner_text() == "日本語"
    screenshot(page, "search-en-both-languages")


def test_search_works_on_a_phone(phone, base_url) -> None:
    phone.goto(base_url)
    phone.click("label.md-header__button[for=__search]")
    results = run_query(phone, "半導体")
    assert results and results[0].startswith("/partnerships/japan-uk-digital-partnership/")
    screenshot(phone, "search-ja-phone")
