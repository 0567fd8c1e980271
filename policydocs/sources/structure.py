"""Finding a received text's structure: title, headings, numbered paragraphs and items.

The texts mark structure in many ways (Markdown headings, bold lines, bare short lines,
``1 …`` / ``ア …`` / ``(ア) …`` / ``A …`` markers, ``6.`` / ``a.`` / ``iv.`` / ``①`` labels)
and extraction damaged them (page breaks inside paragraphs, stray list markers, mixed
indentation). This module reads every line once, decides what it is, repairs the breaks,
and gives each heading a level in one consistent outline and each unit a stable id.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..core.errors import ContentError
from .model import Block, Document, Heading, Unit
from .rawtext import Line

KANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"
KANJI_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
ENGLISH_NUMBERS = {w: i for i, w in enumerate(
    ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"], start=1)}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[:：]?$")
LABEL = re.compile(
    r"^(?:[-*+]\s+)?(?P<label>\d{1,3}\.(?!\d)|(?:[a-z]|[ivx]{2,5})\.(?=\s)|[①-⑳])\s*(?P<rest>.*)$")
BULLET = re.compile(r"^[-*+]\s+(?P<rest>.+)$")
FIGURE = re.compile(r"^図表\s*(?P<no>[\d０-９][\d０-９\-－‐]*)")
DATELINE = re.compile(r"^(?:令和|平成|昭和)?[\d元]{1,4}年\d{1,2}月\d{1,2}日$|^\d{4}-\d{2}-\d{2}$")
ROMAN = re.compile(r"^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$")
FOOTNOTE_TAIL = re.compile(r"(\[\^[^\]]+\])+$")
TERMINAL = tuple("。．.!?！？:：;；」』）)]\"”’")

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
MAX_HEADING_CHARS = 60
MAX_PLAIN_HEADING_CHARS = 40


@dataclass
class Piece:
    """One logical line after classification, before outline and ids."""

    kind: str  # heading | label | bullet | text | figure | date
    text: str
    line: int
    label: str = ""
    marker: str = "plain"
    number: int | None = None
    more: list[str] = field(default_factory=list)


# --- small text helpers -------------------------------------------------------------

def join_text(left: str, right: str, language: str) -> str:
    """Join two pieces of one sentence cut by a line or page break."""
    left, right = left.rstrip(), right.lstrip()
    if re.search(r"[A-Za-z]-$", left) and right[:1].islower():
        return left + right  # "multi-" + "stakeholder": keep the hyphen, it may be real
    ascii_edge = left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() \
        and right[:1].isalnum()
    if language == "en" or ascii_edge:
        return f"{left} {right}"
    return left + right


def is_terminated(text: str) -> bool:
    """Does the text end a sentence (a trailing footnote reference counts as an end)?"""
    text = text.rstrip()
    if FOOTNOTE_TAIL.search(text):
        return True
    return text.endswith(TERMINAL) or text.endswith("**")


def strip_markup(text: str) -> str:
    text = text.strip()
    match = MD_HEADING.match(text)
    if match:
        text = match.group(1).strip()
    while text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    return text


def comparable(text: str) -> str:
    """A form of a title for matching: NFKC, case-folded, no spaces or markup."""
    text = unicodedata.normalize("NFKC", strip_markup(text)).casefold()
    return re.sub(r"[\s*#]", "", text)


def marker_of(text: str) -> tuple[str, int | None] | None:
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            return kind, _marker_number(kind, match.groupdict().get("n"))
    return None


def strip_marker(text: str) -> str:
    """The heading text without its outline marker: ``(2)二国間…`` gives ``二国間…``."""
    for _, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            return text[match.end():].strip()
    return text


def _marker_number(kind: str, raw: str | None) -> int | None:
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


def _is_plain_heading(text: str) -> bool:
    return (len(text) <= MAX_PLAIN_HEADING_CHARS
            and not re.search(r"[。．.!?！？、，,;；]", text)
            and not DATELINE.match(text)
            and not text.startswith(("http", "<http", "[^")))


# --- step 1: title, signatures, blocks --------------------------------------------------

def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _find_title(lines: list[Line], title: str, path: str) -> int:
    want = comparable(title)
    seen = 0
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        seen += 1
        got = comparable(strip_marker(strip_markup(line.text)))
        if got == want or (len(got) >= 4 and (got in want or want in got)):
            return i
        if seen >= 12:
            break
    raise ContentError(path, None, f"the title '{title}' from sources/sources.yml was not "
                       "found among the first lines of the text",
                       "make the manifest title match the text's title line")


def _split_signatures(lines: list[Line], start: str | None) -> tuple[list[Line], list[Line]]:
    if not start:
        return lines, []
    for i, line in enumerate(lines):
        if line.text.strip().startswith(start):
            return lines[:i], lines[i:]
    return lines, []


# --- step 2: classify lines ---------------------------------------------------------------

def _classify_line(text: str, first_in_block: bool, overrides: dict[str, int]) -> Piece:
    stripped = text.strip()
    if stripped in overrides:
        return Piece("heading", stripped, 0)
    if MD_HEADING.match(stripped) or BOLD_LINE.match(stripped):
        heading = strip_markup(stripped)
        marker = marker_of(heading)
        return Piece("heading", heading, 0, marker=marker[0] if marker else "plain",
                     number=marker[1] if marker else None)
    match = LABEL.match(stripped)
    if match and match.group("rest"):
        return Piece("label", match.group("rest").strip(), 0, label=match.group("label"))
    marker = marker_of(stripped)
    if marker and len(stripped) <= MAX_HEADING_CHARS and "。" not in stripped:
        return Piece("heading", stripped, 0, marker=marker[0], number=marker[1])
    match = FIGURE.match(stripped)
    if match:
        return Piece("figure", stripped, 0, label=match.group("no"))
    match = BULLET.match(stripped)
    if match:
        return Piece("bullet", match.group("rest").strip(), 0)
    if DATELINE.match(stripped):
        return Piece("date", stripped, 0)
    if first_in_block and _is_plain_heading(stripped):
        return Piece("heading", stripped, 0)
    return Piece("text", stripped, 0)


def _classify(blocks: list[list[Line]], language: str,
              overrides: dict[str, int]) -> list[list[Piece]]:
    """Pieces per blank-line block; lines that continue a unit are joined to it."""
    out: list[list[Piece]] = []
    for block in blocks:
        pieces: list[Piece] = []
        for i, line in enumerate(block):
            piece = _classify_line(line.text, i == 0, overrides)
            piece.line = line.no
            prev = pieces[-1] if pieces else None
            if piece.kind == "text" and prev is not None and _continues(prev, piece, language):
                prev.text = join_text(prev.text, piece.text, language)
                continue
            pieces.append(piece)
        out.append(pieces)
    return out


def _continues(prev: Piece, piece: Piece, language: str) -> bool:
    """Does an unlabelled line continue the line before it in the same block?"""
    if prev.kind in ("label", "bullet"):
        return True
    if prev.kind != "text":
        return False
    if language == "en":
        return not is_terminated(prev.text) and piece.text[:1].islower()
    return prev.text.rstrip().endswith(("、", "，"))


# --- step 3: repair page breaks -------------------------------------------------------------

def _join_page_breaks(blocks: list[list[Piece]], language: str) -> list[Piece]:
    """Rejoin a unit cut in two by a page break (and the footnotes dropped inside it)."""
    pieces: list[Piece] = []
    for block in blocks:
        first, rest = block[0], block[1:]
        prev = pieces[-1] if pieces else None
        if (prev is not None and prev.kind in ("label", "text", "bullet")
                and first.kind in ("text", "bullet") and not is_terminated(prev.text)):
            prev.text = join_text(prev.text, first.text, language)
        else:
            pieces.append(first)
        pieces.extend(rest)
    return pieces


# --- step 4: outline levels and ids ----------------------------------------------------

class Outline:
    """Gives headings levels from their markers, and outline ids (``s-2-1``)."""

    def __init__(self, overrides: dict[str, int]) -> None:
        self.stack: list[tuple[str, int, int | None]] = []  # (marker, level, last number)
        self.counters: list[int] = [0] * 8
        self.overrides = overrides
        self.plain_top = 1  # level of the last plain heading seen while no marker was open

    def level(self, piece: Piece) -> int:
        if piece.text in self.overrides:
            level = self.overrides[piece.text]
            self.stack = [e for e in self.stack if e[1] < level]
            return level
        deepest = self.stack[-1][1] if self.stack else 1
        if piece.marker == "plain":
            if not self.stack:
                self.plain_top = deepest + 1
            return deepest + 1
        if piece.marker in TOP_LEVEL_MARKERS:
            self.stack = [(piece.marker, 2, piece.number)]
            return 2
        for i in range(len(self.stack) - 1, -1, -1):
            marker, level, last = self.stack[i]
            if marker != piece.marker:
                continue
            if piece.number is None or last is None or piece.number == last + 1:
                self.stack[i + 1:] = []
                self.stack[i] = (marker, level, piece.number)
                return level
        same = [e for e in self.stack if e[0] == piece.marker]
        if same and piece.number != 1:
            # Out of sequence: keep it beside the last heading of its kind.
            marker, level, _ = same[-1]
            self.stack = self.stack[:self.stack.index(same[-1])] + [(marker, level, piece.number)]
            return level
        # A new kind of marker opens a level below the last marked heading; with none open,
        # below the plain heading that introduces it (JOINT ACTIONS > Pillar One).
        level = min(deepest + 1 if self.stack else self.plain_top + 1, 6)
        self.stack.append((piece.marker, level, piece.number))
        return level

    def make_id(self, level: int) -> str:
        self.counters[level] += 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        return "s-" + "-".join(str(self.counters[n]) for n in range(2, level + 1))


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


class UnitIds:
    """Stable ids for units: ``p-7`` for numbered paragraphs, ``<parent>-a`` / ``-ii`` /
    ``-n3`` (circled) / ``-b3`` (bullets) for items by their position (not their printed label, which may differ between the two
    language versions), ``<section>-p2`` for plain paragraphs."""

    def __init__(self) -> None:
        self.section = "intro"
        self.parents: dict[int, str] = {}
        self.counts: dict[str, int] = {}
        self.last_letter: dict[str, str] = {}

    def enter_section(self, section_id: str) -> None:
        self.section = section_id
        self.parents = {}

    def _next(self, key: str) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def numbered(self, number: str) -> str:
        unit_id = f"p-{number}"
        self.parents = {1: unit_id}
        return unit_id

    def item(self, label: str) -> tuple[str, int]:
        core = label.rstrip(".")
        parent1 = self.parents.get(1, self.section)
        is_roman = ROMAN.match(core) and not (
            len(core) == 1 and self.last_letter.get(parent1) == chr(ord(core) - 1))
        if core in CIRCLED or not is_roman:
            unit_id = f"{parent1}-{self._item_suffix(parent1, core)}"
            self.last_letter[parent1] = core
            self.parents[2] = unit_id
            return unit_id, 1
        parent2 = self.parents.get(2, parent1)
        return f"{parent2}-{_roman(self._next(parent2))}", 2

    def _item_suffix(self, parent: str, core: str) -> str:
        n = self._next(parent)
        # Circled items get "n1", "n2": a bare number would clash with subsection ids.
        return f"n{n}" if core in CIRCLED else chr(ord("a") + n - 1)

    def bullet(self) -> str:
        parent = self.parents.get(1, self.section)
        return f"{parent}-b{self._next(parent)}"

    def paragraph(self) -> str:
        self.parents = {}
        return f"{self.section}-p{self._next(self.section + '-p')}"


def _assemble(pieces: list[Piece], overrides: dict[str, int]) -> list[Block]:
    outline = Outline(overrides)
    ids = UnitIds()
    blocks: list[Block] = []
    for i, piece in enumerate(pieces):
        prev = blocks[-1] if blocks else None
        if piece.kind == "text" and _continues_item(prev, pieces[i + 1:i + 2]):
            prev.more.append(piece.text)
            continue
        if piece.kind == "heading":
            level = outline.level(piece)
            heading = Heading(level, piece.text, piece.line, outline.make_id(level))
            ids.enter_section(heading.id)
            blocks.append(heading)
        elif piece.kind == "label" and _is_number(piece.label):
            number = piece.label.rstrip(".")
            blocks.append(Unit("para", piece.text, piece.line, piece.label, 0,
                               ids.numbered(number)))
        elif piece.kind == "label":
            unit_id, depth = ids.item(piece.label)
            blocks.append(Unit("item", piece.text, piece.line, piece.label, depth, unit_id))
        elif piece.kind == "bullet":
            blocks.append(Unit("item", piece.text, piece.line, "", 1, ids.bullet()))
        elif piece.kind == "figure":
            fig_id = "fig-" + unicodedata.normalize("NFKC", piece.label).replace("－", "-")
            blocks.append(Unit("figure", piece.text, piece.line, id=fig_id))
        elif piece.kind == "date":
            blocks.append(Unit("date", piece.text, piece.line))
        else:
            blocks.append(Unit("para", piece.text, piece.line, "", 0, ids.paragraph()))
    return blocks


def _continues_item(prev: Block | None, following: list[Piece]) -> bool:
    """A plain paragraph between two items of one list is a further paragraph of the first
    (the Japanese text breaks some items into two paragraphs where the English does not)."""
    if not isinstance(prev, Unit) or prev.kind != "item" or not following:
        return False
    nxt = following[0]
    return nxt.kind == "bullet" or (nxt.kind == "label" and not _is_number(nxt.label))


def _is_number(label: str) -> bool:
    """An ASCII paragraph number ("7."); note that "①".isdigit() is true in Python."""
    return label[:1] in "0123456789" and label[:1] != ""


def _verbatim(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    for group in _blocks(lines):
        text = "  \n".join(line.text.strip() for line in group)
        blocks.append(Unit("verbatim", text, group[0].no))
    return blocks


# --- entry point ----------------------------------------------------------------------

def parse(lines: list[Line], *, title: str, language: str, path: str,
          options: dict | None = None) -> Document:
    """Build the document model of one received text (footnotes already extracted)."""
    options = options or {}
    at = _find_title(lines, title, path)
    before = [ln for ln in lines[:at] if ln.text.strip()]
    title_heading = Heading(1, strip_markup(lines[at].text), lines[at].no)
    signatures = options.get("signatures") or {}
    body, signature_lines = _split_signatures(lines[at + 1:], signatures.get("start"))

    blocks: list[Block] = []
    context = [ln for ln in before if not DATELINE.match(ln.text.strip())]
    if context:
        blocks.append(Unit("context", " › ".join(ln.text.strip() for ln in context),
                           context[0].no))
    blocks += [Unit("date", ln.text.strip(), ln.no) for ln in before
               if DATELINE.match(ln.text.strip())]
    overrides = {str(k): int(v) for k, v in (options.get("headings") or {}).items()}
    pieces = _join_page_breaks(_classify(_blocks(body), language, overrides), language)
    blocks += _assemble(pieces, overrides)
    if signature_lines:
        section = Heading(2, signatures.get("heading", "Signatures"), signature_lines[0].no)
        blocks.append(section)
        blocks += _verbatim(signature_lines)
    _number_signature_heading(blocks)
    return Document(title_heading, blocks)


def _number_signature_heading(blocks: list[Block]) -> None:
    """The signature heading was added after the outline ran: give it the next top id."""
    tops = [b for b in blocks if isinstance(b, Heading) and b.level == 2 and b.id]
    for block in blocks:
        if isinstance(block, Heading) and not block.id:
            block.id = f"s-{len(tops) + 1}"
