"""Small pieces of Markdown that both the importer and the build write or read."""
from __future__ import annotations

import re

# A footnote reference, [^label], as Python-Markdown's footnotes extension reads it.
MD_REF = re.compile(r"\[\^([^\]\s]+)\]")


def escape_inline(text: str) -> str:
    """Text from data files placed in Markdown: shown as written, never read as HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
