"""Every page as a reader's browser loads it: nothing from other hosts, no console errors;
tooltips, glossary and pillar pages render; screenshots to look at."""
from pathlib import Path

import pytest
from browser_helpers import screenshot

PARTNERSHIP = "partnerships/japan-uk-digital-partnership/"


def site_urls(site: Path) -> list[str]:
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel[:-len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def test_every_page_stays_on_127_0_0_1_without_console_errors(browser, base_url, built_site) -> None:
    from conftest import Guarded

    urls = site_urls(built_site)
    assert len(urls) > 30
    context = browser.new_context()
    guarded = Guarded(context.new_page())
    for url in urls:
        guarded.page.goto(base_url + url)
        guarded.page.wait_for_load_state("networkidle")
    context.close()
    assert guarded.outside == []
    # The 404 pages are fetched as pages here, so the server answers 200: no error expected.
    assert guarded.errors == []


def test_acronym_tooltip_shows_on_hover(page, base_url) -> None:
    page.goto(base_url + PARTNERSHIP + "#p-11")
    abbr = page.locator("#p-11 abbr >> nth=0")
    abbr.hover()
    tooltip = page.locator(".abbr-tip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == "信頼性のある自由なデータ流通"
    assert abbr.get_attribute("aria-describedby") == "abbr-tip"
    screenshot(page, "tooltip-ja")
    # The pointer can move onto the tooltip (WCAG 1.4.13); Escape dismisses it and the
    # acronym keeps its title.
    tooltip.hover()
    assert tooltip.is_visible()
    page.keyboard.press("Escape")
    assert tooltip.is_hidden()
    assert abbr.get_attribute("title") == "信頼性のある自由なデータ流通"


@pytest.mark.parametrize("url, heading", [
    ("glossary/", "用語集"), ("en/glossary/", "Glossary"),
    ("pillars/data/", "データ"), ("en/pillars/data/", "Data"),
])
def test_generated_pages_render(page, base_url, url: str, heading: str) -> None:
    page.goto(base_url + url)
    assert page.locator("article h1").inner_text().startswith(heading)
    assert page.locator("article a").count() > 10


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshots(page, base_url, lang: str) -> None:
    prefix = "" if lang == "ja" else "en/"
    for name, url in (("home", ""), ("document", PARTNERSHIP), ("glossary", "glossary/"),
                      ("pillar", "pillars/data/"), ("side-by-side", "parallel/" + PARTNERSHIP)):
        page.goto(base_url + prefix + url)
        page.wait_for_load_state("networkidle")
        assert screenshot(page, f"{name}-{lang}").stat().st_size > 10_000
