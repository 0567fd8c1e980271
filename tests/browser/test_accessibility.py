"""WCAG 2.2 AA as axe-core audits it, on every page type (page_types.py) in both languages,
both colour schemes, on desktop and phone. A failure prints each violation with the
selectors of the nodes that fail it."""
from __future__ import annotations

import pytest
from page_types import LANGUAGES, PAGE_TYPES, SCHEMES, VIEWPORTS, url

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")
    return module.Axe()


def violations(axe, page) -> list[str]:
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    found = axe.run(page, options=options).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']}\n      "
            + "\n      ".join(" ".join(node["target"]) for node in v["nodes"][:8])
            for v in found]


def audit(browser, axe, address: str, prepare=None) -> list[str]:
    """The violations on ``address`` in both schemes, on desktop and phone; ``prepare(page)``
    brings the page to the state to audit (results shown, say)."""
    failures = []
    for scheme in SCHEMES:
        for device, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                          is_mobile=device == "phone")
            page = context.new_page()
            page.goto(address, wait_until="load")
            if prepare is not None:
                prepare(page)
            failures += [f"{scheme}/{device}: {v}" for v in violations(axe, page)]
            context.close()
    return failures


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations(browser, base_url, axe, page_type: str, lang: str) -> None:
    failures = audit(browser, axe, url(base_url, lang, page_type))
    assert not failures, f"{page_type} ({lang}):\n  " + "\n  ".join(failures)
