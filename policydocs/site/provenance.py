"""Where a document's original is, as the reader's language says it: the page's provenance
block (``overrides/partials/provenance.html``) and the side-by-side view both show it.

The original is the text as its publisher serves it, in the language it was published in:
the page's own language for an official text, the other language where the page is a
translation made for this site or a notice that no text exists. A document without a
``url`` says that its original is not confirmed, rather than saying nothing.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Mapping

from ..core.languages import original_language

LABELS = {  # reader's language -> the original's language -> label
    "ja": {"ja": "原文", "en": "英語の原文"},
    "en": {"ja": "Japanese original", "en": "Original"},
}
NOT_CONFIRMED = {
    "ja": "未確認（公表元のページをまだ確認できていません）",
    "en": "not confirmed (where this text was published has not been checked yet)",
}


@dataclass(frozen=True)
class Original:
    label: str
    language: str  # of the original, for hreflang
    url: str | None
    note: str  # what to say when there is no url


def original(meta: Mapping[str, Any], reader: str) -> Original:
    """The original of the page whose front matter is ``meta``, for a reader of ``reader``."""
    page_lang = meta.get("language") if meta.get("language") in LABELS else reader
    lang = original_language(page_lang, meta.get("translation"))
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    return Original(LABELS[reader][lang], lang, url, NOT_CONFIRMED[reader])


def original_html(meta: Mapping[str, Any], reader: str) -> str:
    """One line for a generated page (the side-by-side view) that has no provenance block."""
    o = original(meta, reader)
    value = (f'<a href="{html.escape(o.url)}" hreflang="{o.language}" class="url-text">'
             f'{html.escape(o.url)}</a>'
             if o.url else html.escape(o.note))
    return f'<p class="view-original"><strong>{html.escape(o.label)}</strong>: {value}</p>\n'
