"""The reading tools by keyboard alone: a skip link first, then the header, the navigation
and the text's tools in that order; focus always visible, in both colour schemes."""
from __future__ import annotations

import pytest
from browser_helpers import screenshot
from page_types import PAGE_TYPES, PARTNERSHIP, SCHEMES, url

# What the focused element is, and whether a reader can see that it has focus: an outline
# or a box shadow of its own, inside the viewport. (Material's palette toggle is a hidden
# radio button whose label, next to it, shows the focus.)
FOCUSED = r"""async () => {
  // Material eases the skip link and the search box in: measure where they come to rest.
  await Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))),
                      new Promise((done) => setTimeout(done, 1000))]);
  const el = document.activeElement;
  const seen = el.matches('.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(seen), box = seen.getBoundingClientRect();
  const kind = el.matches('.md-skip') ? 'skip' : el.matches('.md-select__link') ? 'language'
    : el.matches('.md-search__input') ? 'search' : el.matches('.md-nav--primary a') ? 'nav'
    : el.matches('.doc-tools a') ? 'side-by-side' : el.matches('.unit-xlink') ? 'unit-link'
    : el.matches('.pillar-badge') ? 'pillar' : el.tagName.toLowerCase();
  const rgba = (c) => (c.match(/[\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const ring = rgba(style.outlineColor);
  const lum = (c) => c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  // The ring is drawn outside the element: at a point on each side of it, the contrast of
  // the ring with every layer there, composited from the bottom up (translucent overlays
  // included); the lowest of the four counts.
  // The canvas has the root's background, or the body's when the root has none (CSS 2.1
  // 14.2), also where the body's box does not reach.
  const root = document.documentElement;
  const canvas = getComputedStyle(root).backgroundColor === 'rgba(0, 0, 0, 0)' ? document.body : root;
  const contrastAt = ([x, y]) => {
    let bg = [255, 255, 255];
    for (const layer of [canvas, ...document.elementsFromPoint(x, y).reverse()
                                   .filter((e) => e !== document.body && e !== root)]) {
      const [r, g, b, a] = rgba(getComputedStyle(layer).backgroundColor);
      bg = [r, g, b].map((v, i) => v * a + bg[i] * (1 - a));
    }
    const mixed = ring.slice(0, 3).map((v, i) => v * ring[3] + bg[i] * (1 - ring[3]));
    const [hi, lo] = [lum(mixed), lum(bg)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  };
  const off = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2 || 2;
  const [midX, midY] = [box.left + box.width / 2, box.top + box.height / 2];
  const points = [[box.left - off, midY], [box.right + off, midY], [midX, box.top - off],
                  [midX, box.bottom + off]].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const contrast = Math.min(...points.map(contrastAt));
  return {kind, name: (el.getAttribute('aria-label') || el.innerText || '').trim().slice(0, 60),
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
                || style.boxShadow !== 'none',
          contrast: Math.round(contrast * 10) / 10,
          shown: box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < innerHeight,
          covered: !!document.querySelector('#__search:checked') && !el.closest('.md-search')};
}"""


def walk(page, presses: int) -> list[dict]:
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.parametrize("scheme", SCHEMES)
def test_tab_order_and_visible_focus_on_a_document(browser, base_url, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + "en/" + PARTNERSHIP)
    stops = walk(page, 120)
    kinds = [s["kind"] for s in stops]
    assert kinds[0] == "skip", kinds[:5]
    first = {kind: kinds.index(kind) for kind in
             ("skip", "language", "search", "nav", "side-by-side", "unit-link")}
    assert list(first) == sorted(first, key=first.get), first  # the order a reader expects
    assert kinds.index("pillar") > first["nav"]  # the badges are in the text
    hidden = [s for s in stops if not (s["ring"] and s["shown"]) or s["covered"]
              or s["kind"] != "input" and s["contrast"] < 3]
    assert not hidden, f"focus not visible on: {hidden}"
    toggle = next(s["name"] for s in stops if s["kind"] == "input")
    assert toggle == ("Switch to dark mode" if scheme == "light" else "Switch to light mode")
    unit = " ".join(stops[first["unit-link"]]["name"].split())
    assert unit.startswith("Read ") and unit.endswith(" in 日本語"), unit
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    screenshot(page, f"focus-unit-link-{scheme}")
    context.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_skip_link_comes_first_and_lands_on_the_text(page, base_url, page_type: str) -> None:
    page.goto(url(base_url, "ja", page_type))
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["kind"] == "skip"
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash.slice(1)")
    assert target and page.evaluate(
        "(id) => document.querySelector('article').contains(document.getElementById(decodeURIComponent(id)))",
        target)


def test_a_unit_link_works_by_keyboard(page, base_url) -> None:
    page.goto(base_url + PARTNERSHIP)
    page.focus("#p-14 .unit-xlink")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}en/{PARTNERSHIP}#p-14")


def test_the_search_shortcut_still_opens_search(page, base_url) -> None:
    page.goto(base_url + PARTNERSHIP)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.activeElement.matches('.md-search__input')")
