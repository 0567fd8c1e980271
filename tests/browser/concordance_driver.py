"""Typing a query into the concordance page in a real browser and reading the pairs shown."""
from __future__ import annotations

DONE = "q => document.querySelector('.concordance').getAttribute('data-concordance-done') === q"


def shown(page) -> list[str]:
    """The pairs on the page (page.md#unit), in order."""
    return page.eval_on_selector_all(".concordance__pair",
                                     "els => els.map(e => e.getAttribute('data-unit'))")


def run_query(page, query: str, everything: bool = True, timeout: float = 20000) -> list[str]:
    """The pairs a query returns; with ``everything``, after "Show more" until no more."""
    page.fill(".concordance__query", query)
    page.wait_for_function(DONE, arg=query, timeout=timeout)
    for _ in range(1000):  # a button that never hides fails here, not by hanging
        if not (everything and page.is_visible(".concordance__more")):
            break
        count = len(shown(page))
        page.click(".concordance__more")
        page.wait_for_function(
            "n => document.querySelectorAll('.concordance__pair').length > n "
            "|| document.querySelector('.concordance__more').hidden", arg=count, timeout=timeout)
    else:
        raise AssertionError(f"{query!r}: 'Show more' still shown after 1000 clicks")
    return shown(page)
