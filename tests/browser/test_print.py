"""Printing, as Chromium prints: a document without the site's furniture, its labels and
its footnotes' addresses kept; the side-by-side view on A4 turned sideways."""
from __future__ import annotations

import re

import pytest
from page_types import PARTNERSHIP

HIDDEN = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".doc-tools", ".unit-xlink", ".unit-cite", ".pillar-badges", ".provenance-data")
DISPLAY = """(selectors) => Object.fromEntries(selectors.map((s) => {
  const el = document.querySelector(s);
  return [s, el ? getComputedStyle(el).display : 'absent'];
}))"""


@pytest.fixture
def printed(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("url, label", [
    ("white-papers/2020-ict-international-strategy/part-2/", r"^ア G7・G20"),
    ("en/" + PARTNERSHIP, r"^7\. ")])
def test_a_document_prints_without_navigation_or_tools(printed, base_url, url, label) -> None:
    printed.goto(base_url + url)
    shown = printed.evaluate(DISPLAY, list(HIDDEN))
    assert {s: d for s, d in shown.items() if d not in ("none", "absent")} == {}
    assert printed.evaluate(DISPLAY, [".md-header"])[".md-header"] == "none"  # never absent
    text = printed.locator("article").inner_text()
    assert re.search(label, text, re.M)  # the printed labels stay
    # a link is followed by its address, once: a bare URL is its own address
    after = printed.evaluate("""() => [...document.querySelectorAll('.footnote a[href^="http"]')]
        .map((a) => [a.classList.contains('url-text'), getComputedStyle(a, '::after').content])""")
    assert after and all((content == "none") == bare for bare, content in after), after
    assert printed.evaluate(DISPLAY, [".footnote"])[".footnote"] != "none"


def test_the_side_by_side_view_prints_on_a4_landscape_in_two_columns(printed, base_url) -> None:
    printed.goto(base_url + "parallel/" + PARTNERSHIP)
    assert printed.evaluate("getComputedStyle(document.body).page") == "side-by-side"
    columns = printed.evaluate(
        "getComputedStyle(document.querySelector('.parallel-row:not(.parallel-heads)'))"
        ".gridTemplateColumns")
    assert len(columns.split()) == 2, columns
    pdf = printed.pdf(prefer_css_page_size=True)
    sizes = {tuple(round(float(v)) for v in box.split()[2:]) for box in
             re.findall(rb"/MediaBox\s*\[([\d.\s]+)\]", pdf) for box in [box.decode()]}
    assert sizes == {(842, 595)}, sizes  # every page: A4, landscape
