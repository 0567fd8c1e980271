"""Cite this passage, as a reader uses it: by keyboard, into the real clipboard."""
from __future__ import annotations

import pytest
from page_types import PARTNERSHIP


@pytest.fixture
def clipboard_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def tab_to(page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("lang, prefix, name, citation", [
    ("ja", "", "「背景」第7項を引用",
     "総務省・経済産業省・デジタル庁、英国デジタル・文化・メディア・スポーツ省『日英デジタル・"
     "パートナーシップ』（2022-12-07）「背景」第7項、"),
    ("en", "en/", "Cite “BACKGROUND”, paragraph 7",
     "Ministry of Internal Affairs and Communications, Ministry of Economy, Trade and Industry "
     "and Digital Agency of Japan; Department for Digital, Culture, Media and Sport of the UK, "
     "“Japan-UK Digital Partnership” (2022-12-07), “BACKGROUND”, paragraph 7, "),
])
def test_copy_link_and_citation_by_keyboard(clipboard_page, base_url, lang, prefix, name,
                                            citation) -> None:
    page = clipboard_page
    address = f"{base_url}{prefix}{PARTNERSHIP}#p-7"
    page.goto(base_url + prefix + PARTNERSHIP)
    button = page.locator("#p-7 .unit-cite")
    assert button.get_attribute("aria-label") == name
    assert page.locator(".unit-cite").count() >= 119  # one per unit
    tab_to(page, "#p-7 .unit-cite")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.matches('.cite-panel__link')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.cite-panel__status').textContent !== ''")
    assert clipboard(page) == address
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.includes('#p-7') "
                           "&& t.length > 80)")
    assert clipboard(page) == citation + address
    # the panel lies beside the unit: the paragraph's text does not take in its words
    assert "コピー" not in page.locator("#p-7").inner_text().replace("引用", "")
    page.keyboard.press("Escape")
    assert page.locator("#cite-panel").is_hidden()
    assert page.evaluate("document.activeElement.closest('#p-7') !== null")
    assert button.get_attribute("aria-expanded") == "false"


def test_a_heading_cites_by_its_words_and_a_page_without_units_has_no_button(
        clipboard_page, base_url) -> None:
    page = clipboard_page
    page.goto(base_url + "en/" + PARTNERSHIP)
    assert page.locator("#s-5-1 .unit-cite").get_attribute("aria-label") == \
        "Cite “Pillar One: Digital Infrastructure & Te…”"
    page.goto(base_url + "en/glossary/")
    assert page.locator(".unit-cite").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_panel_passes_the_audit(browser, base_url, scheme: str) -> None:
    from test_accessibility import violations

    axe = pytest.importorskip("axe_playwright_python.sync_playwright",
                              reason="axe-playwright-python is not installed").Axe()
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + "en/" + PARTNERSHIP)
    page.locator("#s-5-1 .unit-cite").click()
    page.locator(".cite-panel__citation").click()
    assert page.locator("#cite-panel").is_visible()
    assert violations(axe, page) == []
    context.close()
