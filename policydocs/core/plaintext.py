"""Fields that are plain text: titles, names, descriptions, issuers, reasons.

They are printed by templates (page titles, the navigation, meta tags) and by the generated
pages, where markup would either run or show as code. Templates escape what they print; these
fields are also refused when they hold markup, so an editor learns of it at the field's line
instead of reading ``&lt;b&gt;`` on the site.
"""
from __future__ import annotations

import re
from typing import Any

_MARKUP = (
    (re.compile(r"<[A-Za-z/!?]"), "an HTML tag"),
    (re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
     "an HTML character reference"),
    (re.compile(r"\]\(|\]\[|^\s*\[[^\]]*\]:"), "a Markdown link"),
    (re.compile(r"`"), "a Markdown code span"),
)
HINT = "write plain text: this field is printed as it is, not read as Markdown or HTML"


def problem(value: Any) -> str | None:
    """What makes ``value`` not plain text, or None."""
    if not isinstance(value, str):
        return None
    for pattern, what in _MARKUP:
        match = pattern.search(value)
        if match:
            return f"holds {what} ('{_excerpt(value, match.start())}')"
    return None  # invisible characters: every file is checked whole (``characters``)


def _excerpt(value: str, at: int) -> str:
    start = max(0, at - 10)
    return ("…" if start else "") + value[start:at + 30] + ("…" if at + 30 < len(value) else "")
