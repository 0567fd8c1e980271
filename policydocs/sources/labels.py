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

DIGITS = "0-9０-９"
# A bullet glyph of the extraction before a label ("- b. …", "• 1."): the label counts.
_GLYPH = r"(?:[-*+](?=\s)|[•・◦▪])?\s*"
# Unit labels: a numbered paragraph or a list item begins with one of these.
UNIT_LABELS: list[tuple[str, str]] = [
    ("num-dot", rf"(?P<n>[{DIGITS}]{{1,3}})[.．](?![{DIGITS}])"),
    ("lower-dot", r"(?P<n>[a-z]|[ivx]{2,5})\.(?=\s)"),
    ("circled", r"(?P<n>[①-⑳])"),
    ("paren-lower", r"[(（](?P<n>[a-z]|[ivx]{2,5})[)）](?=\s)"),
]
LABEL = re.compile(
    rf"^{_GLYPH}(?P<label>{'|'.join(p for _, p in UNIT_LABELS).replace('?P<n>', '')})"
    r"\s*(?P<rest>.*)$")
# "7.5Gネットワーク…" after item 6 is item 7 whose text starts with a digit.
NUM_DOT_BEFORE_DIGIT = re.compile(rf"^{_GLYPH}(?P<n>[{DIGITS}]{{1,3}})[.．](?P<rest>[{DIGITS}].*)$")
BULLET = re.compile(r"^(?:[-*+](?=\s)|[•・◦▪○])\s*(?P<rest>\S.*)$")
_LEADING_GLYPH = re.compile("^" + _GLYPH)


def without_glyph(text: str) -> str:
    """The line without the bullet glyph the extraction put before its label."""
    return _LEADING_GLYPH.sub("", text, count=1)


LONE_GLYPH = re.compile(r"^(?:[-*+•・◦▪○●■◆])$")
ROMAN = re.compile(r"^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$")

# Heading markers: a line that starts with one of these and is short and has no full stop
# is a heading; the kind decides its place in the outline.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("pillar", re.compile(r"^第(?P<n>[一二三四五六七八九十]+)の柱")),
    ("pillar", re.compile(r"^Pillar (?P<n>One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b")),
    ("num", re.compile(rf"^(?P<n>[{DIGITS}]{{1,2}})[ \u3000]+(?=\S)")),
    ("paren", re.compile(rf"^[(（](?P<n>[{DIGITS}]{{1,2}})[)）]")),
    ("paren", re.compile(r"^[(（](?:参考|別紙|注)[)）]")),
    ("kana", re.compile(rf"^(?P<n>[{KANA_ORDER}])[ \u3000]+(?=\S)")),
    ("paren-kana", re.compile(rf"^[(（](?P<n>[{KANA_ORDER}])[)）]")),
    ("latin", re.compile(r"^(?P<n>[A-Z])[ \u3000]+(?=[^\x00-\x7f])")),
    ("bullet", re.compile(r"^[●◆■]")),
    ("appendix", re.compile(r"^【(?:別紙|別添|参考|関係報道資料|添付資料|資料|連絡先|問い?合わせ先|お問い?合わせ先)[^】]*】")),
    ("bracket", re.compile(r"^【[^】]+】")),
    ("annex", re.compile(
        r"^(?:Annex|ANNEX|Appendix|APPENDIX)\s+(?P<n>\d{1,2}|[A-Z]|[IVX]{1,4})\b[:.]?")),
    ("dai", re.compile(rf"^第(?P<n>[{DIGITS}]{{1,2}}|[一二三四五六七八九十]{{1,3}})(?=[ \u3000]|$)")),
    ("dai-chapter", re.compile(rf"^第(?P<n>[{DIGITS}]{{1,2}}|[一二三四五六七八九十]{{1,3}})章")),
    ("dai-section", re.compile(rf"^第(?P<n>[{DIGITS}]{{1,2}}|[一二三四五六七八九十]{{1,3}})節")),
]
# The appendix blocks of a press release (【別紙】, 【参考】, 【関係報道資料】) stand at the top
# level wherever they come; other 【】 headings take their place from the outline.
TOP_LEVEL_MARKERS = {"appendix"}


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


def label_of(text: str) -> tuple[str, str, int | None, str] | None:
    """A unit label at the start of a line: (kind, label as printed, number, rest)."""
    match = LABEL.match(text)
    if not match:
        return None
    label = match.group("label")
    for kind, pattern in UNIT_LABELS:
        inner = re.fullmatch(pattern.replace("(?=\\s)", ""), label)
        if inner:
            return kind, label, marker_number(kind, inner.group("n")), match.group("rest").strip()
    return None


def marker_label(text: str) -> str:
    """The outline marker a heading starts with, as printed (``(2)`` of ``(2)二国間…``)."""
    rest = strip_marker(text)
    return text[:len(text) - len(rest)].strip() if rest != text else ""


def marker_number(kind: str, raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw in CIRCLED:
        return CIRCLED.index(raw) + 1
    if raw.isdigit():
        return int(raw)
    if kind in ("lower-dot", "paren-lower"):
        return ord(raw) - ord("a") + 1 if len(raw) == 1 else None
    if kind == "annex":
        return ord(raw) - ord("A") + 1 if len(raw) == 1 and raw.isalpha() else None
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
