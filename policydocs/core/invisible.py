"""The characters no text may hold, and how messages show them.

Controls other than tab and newline, C1 controls, noncharacters, and bidi overrides and
isolates: invisible in an editor, and a bidi override reorders what a terminal or a page
shows around it. ``characters`` finds them in pages and data; every message passes through
``visible`` so that quoting one cannot reorder the message itself.
"""
from __future__ import annotations

import re

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069" + _NONCHARACTERS + "]"
    "|\r(?!\n)")


def visible(text: str) -> str:
    """``text`` with each forbidden character written as ``<U+202E>``: safe to print in a
    terminal or a CI log, where a bidi override would reorder the message itself."""
    return FORBIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
