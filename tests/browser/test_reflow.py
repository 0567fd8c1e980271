"""400% zoom: at 320 CSS pixels wide nothing needs horizontal scrolling (tables scroll in
their own box, as WCAG 1.4.10 allows) and the side-by-side view stacks its columns."""
from __future__ import annotations

import pytest
from browser_helpers import screenshot
from page_types import PAGE_TYPES, url

# Elements wider than the viewport that are not inside a table's scrolling box.
OVERFLOWING = """() => [...document.querySelectorAll('body *')].filter(el => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.right > innerWidth + 1 && !el.closest('.md-typeset__scrollwrap, table, pre')
    && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden], .md-sidebar, .md-search');
}).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''))"""


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_horizontal_scrolling_at_320_css_pixels(browser, base_url, page_type: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url(base_url, lang, page_type), wait_until="load")
    width = page.evaluate("document.documentElement.scrollWidth")
    overflowing = page.evaluate(OVERFLOWING)
    screenshot(page, f"reflow-{page_type}-{lang}")
    context.close()
    assert width <= 320 and not overflowing, (width, overflowing[:10])


def test_the_side_by_side_view_stacks_at_320_css_pixels(browser, base_url) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url(base_url, "en", "side-by-side") + "#p-7")
    ja, en = (page.locator(f".parallel-row#p-7 .parallel-cell[lang={lang}]").bounding_box()
              for lang in ("ja", "en"))
    screenshot(page, "reflow-side-by-side-stacked")
    context.close()
    assert abs(ja["x"] - en["x"]) < 1 and en["y"] >= ja["y"] + ja["height"] - 1
