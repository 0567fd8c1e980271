"""Parallel reading as a reader uses it, in a real browser."""
from browser_helpers import in_viewport, screenshot

PARTNERSHIP = "partnerships/japan-uk-digital-partnership/"


def test_unit_link_lands_on_the_same_unit(page, base_url) -> None:
    page.goto(base_url + PARTNERSHIP)
    # Click the word a reader sees: the link's hidden spoken words are 1 px boxes that
    # Playwright would otherwise aim at.
    page.click("#p-14 .unit-xlink [lang]")
    page.wait_for_url(f"{base_url}en/{PARTNERSHIP}#p-14")
    assert in_viewport(page, "#p-14")
    assert page.locator("#p-14").inner_text().startswith("14. This Partnership will establish")
    page.click("#p-14 .unit-xlink [lang]")
    page.wait_for_url(f"{base_url}{PARTNERSHIP}#p-14")
    assert in_viewport(page, "#p-14")


def test_header_language_switch_keeps_the_passage(page, base_url) -> None:
    page.goto(base_url + PARTNERSHIP)
    # Read paragraph 20: it is the first one below the header.
    page.evaluate("window.scrollBy(0, document.getElementById('p-20').getBoundingClientRect().top - 90)")
    page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').click()")
    page.wait_for_url(f"{base_url}en/{PARTNERSHIP}#p-20")
    assert in_viewport(page, "#p-20")


def test_language_switch_on_a_page_without_units_goes_to_the_page(page, base_url) -> None:
    page.goto(base_url)
    page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').click()")
    page.wait_for_url(f"{base_url}en/")


def test_side_by_side_view_shows_both_texts_and_stacks_on_phones(page, phone, base_url) -> None:
    page.goto(base_url + "parallel/" + PARTNERSHIP)
    row = page.locator(".parallel-row#p-7")
    assert "技術変化" in row.locator("[lang=ja]").inner_text()
    assert "technological change" in row.locator("[lang=en]").inner_text()
    ja_box = row.locator("[lang=ja]").bounding_box()
    en_box = row.locator("[lang=en]").bounding_box()
    assert ja_box["x"] < en_box["x"] and abs(ja_box["y"] - en_box["y"]) < 2  # side by side
    screenshot(page, "parallel-ja-desktop")
    phone.goto(base_url + "en/parallel/" + PARTNERSHIP)
    row = phone.locator(".parallel-row#p-7")
    ja_box = row.locator("[lang=ja]").bounding_box()
    en_box = row.locator("[lang=en]").bounding_box()
    assert en_box["y"] > ja_box["y"] + ja_box["height"] - 1  # stacked
    screenshot(phone, "parallel-en-phone")


def test_side_by_side_cell_links_open_the_unit(page, base_url) -> None:
    page.goto(base_url + "parallel/" + PARTNERSHIP)
    page.click(".parallel-row#p-12-b [lang=en] a.parallel-ref")
    page.wait_for_url(f"{base_url}en/{PARTNERSHIP}#p-12-b")
    assert in_viewport(page, "#p-12-b")
