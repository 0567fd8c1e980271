"""The numbering conventions of the received texts: outline markers and unit labels.

Japanese official texts number their outline 第1 → 1 → (1) → ア → (ア) → a → (a), with ①,
【】 blocks and ●■ bullets beside; English ones use 1., (a), (i), Annex N and bullets. This
module knows how each is written and which number it stands for; ``structure`` decides what
a labelled line is and ``outline`` where it sits.
"""
from __future__ import annotations

import re

KANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"
KANJI_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
ENGLISH_NUMBERS = {w: i for i, w in enumerate(
    ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"], start=1)}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

LABEL = re.compile(
    r"^(?:[-*+]\s+)?(?P<label>\d{1,3}\.(?!\d)|(?:[a-z]|[ivx]{2,5})\.(?=\s)|[①-⑳])\s*(?P<rest>.*)$")
BULLET = re.compile(r"^[-*+]\s+(?P<rest>.+)$")
ROMAN = re.compile(r"^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$")

# Heading markers: a line that starts with one of these and is short and has no full stop
# is a heading; the kind decides its place in the outline.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("pillar", re.compile(r"^第(?P<n>[一二三四五六七八九十]+)の柱")),
    ("pillar", re.compile(r"^Pillar (?P<n>One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b")),
    ("num", re.compile(r"^(?P<n>\d{1,2})[ \u3000]+(?=\S)")),
    ("paren", re.compile(r"^[(（](?P<n>\d{1,2})[)）]")),
    ("paren", re.compile(r"^[(（](?:参考|別紙|注)[)）]")),
    ("kana", re.compile(rf"^(?P<n>[{KANA_ORDER}])[ \u3000]+(?=\S)")),
    ("paren-kana", re.compile(rf"^[(（](?P<n>[{KANA_ORDER}])[)）]")),
    ("latin", re.compile(r"^(?P<n>[A-Z])[ \u3000]+(?=[^\x00-\x7f])")),
    ("bullet", re.compile(r"^[●◆■]")),
    ("bracket", re.compile(r"^【[^】]+】")),
]
TOP_LEVEL_MARKERS = {"bracket"}  # appendix blocks of press releases: always top level


def marker_of(text: str) -> tuple[str, int | None] | None:
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            return kind, marker_number(kind, match.groupdict().get("n"))
    return None


def strip_marker(text: str) -> str:
    """The heading text without its outline marker: ``(2)二国間…`` gives ``二国間…``."""
    for _, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            return text[match.end():].strip()
    return text


def marker_number(kind: str, raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    if kind in ("kana", "paren-kana"):
        return KANA_ORDER.index(raw) + 1
    if kind == "latin":
        return ord(raw) - ord("A") + 1
    if raw in ENGLISH_NUMBERS:
        return ENGLISH_NUMBERS[raw]
    return sum(KANJI_NUMBERS.get(c, 0) for c in raw) if len(raw) <= 2 else None



def roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out
