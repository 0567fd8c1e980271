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
from .labels import BULLET, LABEL, marker_of, strip_marker
from .model import Block, Document, Heading, Unit
from .outline import Outline, UnitIds
from .rawtext import Line


MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[:：]?$")
FIGURE = re.compile(r"^図表\s*(?P<no>[\d０-９][\d０-９\-－‐]*)")
DATELINE = re.compile(r"^(?:令和|平成|昭和)?[\d元]{1,4}年\d{1,2}月\d{1,2}日$|^\d{4}-\d{2}-\d{2}$")
FOOTNOTE_TAIL = re.compile(r"(\[\^[^\]]+\])+$")
TERMINAL = tuple("。．.!?！？:：;；」』）)]\"”’")

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
            level = outline.level(piece.text, piece.marker, piece.number)
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
