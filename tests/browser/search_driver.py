"""Typing a query into the site's search box in a real browser and reading the results."""
from __future__ import annotations


def run_query(page, query: str, timeout: float = 15000) -> list[str]:
    """Result links (paths with #anchors), best first, for a query typed in the box."""
    page.fill(".site-search .md-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('.site-search').getAttribute('data-search-done') === q",
        arg=query, timeout=timeout)
    return page.eval_on_selector_all(".site-search .md-search-result__link",
                                     "els => els.map(e => e.getAttribute('href'))")
