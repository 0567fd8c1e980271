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
from .labels import (BULLET, LONE_GLYPH, NUM_DOT_BEFORE_DIGIT, label_of, marker_label,
                     marker_of, strip_marker, without_glyph)
from .model import Block, Document, Heading, Unit
from .outline import Outline, UnitIds
from .rawtext import Line


MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[:：]?$")
FIGURE = re.compile(r"^図表\s*(?P<no>[\d０-９][\d０-９\-－‐]*)")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)")
_DATE = (r"(?:令和|平成|昭和)?[\d元]{1,4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}"
         rf"|{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}")
# A dateline: the date alone, or after a place ("Takasaki, Gunma, April 30, 2023").
DATELINE = re.compile(rf"^(?:[A-Z][\w .'-]*, |Published(?: on)?:? |(?:公開日|掲載日|更新日)[:：]?\s*)*"
                      rf"(?:{_DATE})$")
DATE_BEFORE_TITLE = re.compile(rf"^(?P<date>{_DATE})[ \u3000]+(?P<title>\S.*)$")
FOOTNOTE_TAIL = re.compile(r"(\[\^[^\]]+\])+$")
TERMINAL = tuple("。．.!?！？:：;；」』）)]\"”’")

MAX_HEADING_CHARS = 60
MAX_PLAIN_HEADING_CHARS = 40
TITLE_WINDOW = 12  # non-blank lines searched for the title line
CUT_LINE = 60  # an unfinished text longer than this before a blank line was cut
SHORT_LINE = 40  # a line alone shorter than this is a caption or a title, not a cut unit


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
    explicit: bool = False  # marked by the text (Markdown, bold) or settled by the manifest
    source: str = ""  # the line as printed, for a label read as a heading
    glued: bool = False  # an unmarked short line with text straight under it: maybe a heading


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
            and not re.search(r"[:：]$|^\w{1,4}[:：]", text)  # "See:" introduces, "場所:…" is a field
            and not re.fullmatch(r"[(（].*[)）]", text)  # a parenthetical
            and not re.search(r"\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}", text)  # when something happens
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


def _without_blank_lines(blocks: list[list[Line]]) -> bool:
    """A text whose extraction kept no blank lines (one line per paragraph): its lines are
    its blocks. Ten lines or more in a block on average, and no more than two blocks."""
    lines = sum(len(b) for b in blocks)
    return len(blocks) <= 2 and lines >= 10


def _find_title(lines: list[Line], title: str) -> int | None:
    """The title line among the first lines: equal to the manifest's title, else a part of
    it, else a line holding it that is not a breadcrumb. None when the text has none."""
    want = comparable(title)
    first = [(i, comparable(strip_marker(strip_markup(ln.text))), ln.text)
             for i, ln in enumerate(lines) if ln.text.strip()][:TITLE_WINDOW]
    for i, got, _ in first:
        if got == want:
            return i
    for i, got, _ in first:
        if len(got) >= 4 and got in want:
            return i
    for i, got, raw in first:
        if len(got) >= 4 and want in got and not re.search(r"[>›»|]", raw):
            return i
    return None


def _split_dated_title(lines: list[Line], at: int) -> tuple[Line, Line | None]:
    """"December 17, 2019 Results of …": the date and the title share a line."""
    line = lines[at]
    match = DATE_BEFORE_TITLE.match(strip_markup(line.text))
    if not match:
        return line, None
    return Line(line.no, match.group("title")), Line(line.no, match.group("date"))


def _split_signatures(lines: list[Line], start: str | None) -> tuple[list[Line], list[Line]]:
    if not start:
        return lines, []
    for i, line in enumerate(lines):
        if line.text.strip().startswith(start):
            return lines[:i], lines[i:]
    return lines, []


# --- step 2: classify lines ---------------------------------------------------------------

def _join_lone_labels(lines: list[Line]) -> list[Line]:
    """A label (or bullet glyph) alone on its line labels the next line of text: join them,
    across blank lines, so ``•  1.`` / ``The Japan-EU …`` is one numbered unit."""
    out: list[Line] = []
    pending: Line | None = None
    for line in lines:
        stripped = line.text.strip()
        if pending is not None:
            if not stripped:
                continue
            if not _is_lone_label(stripped):
                out.append(Line(pending.no, f"{pending.text.strip()} {stripped}"))
                pending = None
                continue
            out.append(pending)
        if _is_lone_label(stripped):
            pending = line
            continue
        pending = None
        out.append(line)
    if pending is not None:
        out.append(pending)
    return out


def _is_lone_label(stripped: str) -> bool:
    if LONE_GLYPH.match(stripped):
        return True
    label = label_of(stripped)
    if label is not None:
        return not label[3]
    marker = marker_of(stripped)
    return marker is not None and marker[1] is not None and marker[0] in SETTLED \
        and not strip_marker(stripped)


def _classify_line(text: str, first_in_block: bool, overrides: dict[str, int],
                   next_number: int) -> Piece:
    stripped = text.strip()
    if stripped in overrides:
        kind = "heading" if overrides[stripped] else "text"
        return Piece(kind, stripped, 0, explicit=True)
    if MD_HEADING.match(stripped) or BOLD_LINE.match(stripped):
        heading = strip_markup(stripped)
        marker = marker_of(heading)
        return Piece("heading", heading, 0, marker=marker[0] if marker else "plain",
                     number=marker[1] if marker else None, explicit=True)
    label = label_of(stripped)
    if label is not None and label[3]:
        kind, printed, number, rest = label
        return Piece("label", rest, 0, label=printed, marker=kind, number=number,
                     source=without_glyph(stripped))
    match = NUM_DOT_BEFORE_DIGIT.match(stripped)
    if match and int(match.group("n")) == next_number:
        printed = without_glyph(stripped[:match.start("rest")]).strip()
        return Piece("label", match.group("rest"), 0, label=printed, marker="num-dot",
                     number=next_number, source=without_glyph(stripped))
    marker = marker_of(stripped)
    if marker and _title_like(strip_marker(stripped)):
        return Piece("heading", stripped, 0, marker=marker[0], number=marker[1])
    if marker:
        # Too long for a heading: a labelled paragraph unless its siblings say otherwise.
        return Piece("text", stripped, 0, marker=marker[0], number=marker[1])
    match = FIGURE.match(stripped)
    if match:
        return Piece("figure", stripped, 0, label=match.group("no"))
    match = BULLET.match(stripped)
    if match:
        return Piece("bullet", match.group("rest").strip(), 0)
    if DATELINE.match(stripped):
        return Piece("date", stripped, 0)
    if first_in_block and _is_plain_heading(stripped):
        return Piece("heading", stripped, 0, marker="plain")
    return Piece("text", stripped, 0)


def _title_like(text: str) -> bool:
    """Short, and not a sentence: what a heading's text looks like."""
    return (len(text) <= MAX_HEADING_CHARS and "。" not in text
            and not text.endswith((".", ":", "：")))


def _classify(blocks: list[list[Line]], language: str,
              overrides: dict[str, int]) -> list[list[Piece]]:
    """Pieces per blank-line block; lines that continue a unit are joined to it."""
    out: list[list[Piece]] = []
    last_number = 0
    for block in blocks:
        pieces: list[Piece] = []
        for i, line in enumerate(block):
            piece = _classify_line(line.text, i == 0, overrides, last_number + 1)
            piece.line = line.no
            piece.glued = piece.kind == "heading" and not piece.explicit \
                and piece.marker == "plain" and len(block) > 1
            if piece.marker == "num-dot" and piece.number is not None:
                last_number = piece.number
            prev = pieces[-1] if pieces else None
            if piece.kind == "text" and piece.marker == "plain" and prev is not None \
                    and _continues(prev, piece, language):
                prev.text = join_text(prev.text, piece.text, language)
                continue
            pieces.append(piece)
        out.append(pieces)
    return out


def _continues(prev: Piece, piece: Piece, language: str) -> bool:
    """Does an unlabelled line continue the line before it in the same block? Not when the
    line before is a label with a title ("1. Vendor Diversification") and this line begins
    a sentence of its own: that is the text under the title."""
    if prev.kind == "label" and _title_like(prev.text) and _begins_sentence(prev.text,
                                                                           piece.text, language):
        return False
    if prev.kind in ("label", "bullet"):
        return True
    if prev.kind != "text":
        return False
    if language == "en":
        return not is_terminated(prev.text) and piece.text[:1].islower()
    return prev.text.rstrip().endswith(("、", "，"))


def _begins_sentence(title: str, text: str, language: str) -> bool:
    if re.search(r"[、，,]$", title):
        return False
    if language == "en":
        return text[:1].isupper() and len(title) <= MAX_PLAIN_HEADING_CHARS
    return len(title) <= MAX_PLAIN_HEADING_CHARS and len(text) > len(title) and (
        text.rstrip().endswith("。") or "、" in text)


# --- step 3: repair page breaks -------------------------------------------------------------

def _join_page_breaks(blocks: list[list[Piece]], language: str) -> list[Piece]:
    """Rejoin a unit cut in two by a page break (and the footnotes dropped inside it).
    A short line standing alone (a caption, an alt text) is not a cut unit."""
    pieces: list[Piece] = []
    alone = False
    for block in blocks:
        first, rest = block[0], block[1:]
        prev = pieces[-1] if pieces else None
        if (prev is not None and prev.kind in ("label", "text", "bullet")
                and first.kind in ("text", "bullet") and first.marker == "plain"
                and _cut_between(prev.text, first.text, language)
                and not (alone and prev.kind == "text" and len(prev.text) < SHORT_LINE)):
            prev.text = join_text(prev.text, first.text, language)
        else:
            pieces.append(first)
        pieces.extend(rest)
        alone = len(block) == 1 and not rest
    return pieces


def _cut_between(left: str, right: str, language: str) -> bool:
    """Was one sentence cut between these two blocks? The left is unfinished, and the right
    goes on with it (a lower-case word; in Japanese a particle or a comma) or the left is a
    long run of text that stops mid-sentence, as at a page break."""
    if is_terminated(left):
        return False
    if len(left) > CUT_LINE or re.search(r"[、，]|, ", left):
        return True
    if language == "en":
        return right[:1].islower() or left.rstrip().endswith((",", "-", "("))
    return bool(re.match(r"[\u3041-\u309f、，]", right)) or left.rstrip().endswith(("、", "，"))


# --- step 4: siblings of one kind are all headings or all units ----------------------------

SETTLED = {"num", "num-dot", "paren", "kana", "paren-kana", "latin", "bullet", "dai",
           "dai-chapter", "dai-section", "annex"}


# Outline markers whose number is the heading's place among its siblings.
NUMBERED_OUTLINE = {"num", "num-dot", "paren", "dai", "dai-chapter", "dai-section"}


def _sibling_groups(pieces: list[Piece]) -> list[list[int]]:
    """Runs of one marker kind numbered in sequence (1, 2, 3 …): the siblings of a list."""
    groups: dict[str, list[int]] = {}
    out: list[list[int]] = []
    for i, piece in enumerate(pieces):
        if piece.marker not in SETTLED or piece.explicit:
            continue
        current = groups.get(piece.marker)
        last = pieces[current[-1]].number if current else None
        if current is None or piece.number == 1 or (
                piece.number is not None and last is not None and piece.number <= last):
            current = groups[piece.marker] = []
            out.append(current)
        current.append(i)
    return out


def _settle_siblings(pieces: list[Piece], warnings: list[tuple[int, str]]) -> None:
    """Headings when every sibling reads as a title and some have text under them; else
    units (numbered paragraphs or items), with a warning when the siblings disagree."""
    for group in _sibling_groups(pieces):
        members = [pieces[i] for i in group]
        _check_sequence(members, warnings)
        titles = [_title_like(_rest_of(p)) for p in members]
        # Each has text of its own under it (a list of short items has none).
        body = all(i + 1 == len(pieces) or (i + 1 not in group and _is_body(pieces[i + 1]))
                   for i in group) and group[0] + 1 < len(pieces)
        as_headings = all(titles) and body
        if not as_headings and any(titles) and not all(titles) and _some_with_body(group, pieces):
            warnings.append((members[0].line, f"the siblings {_labels(members)} are partly "
                             "short titles with text under them, partly sentences: all are read "
                             "as paragraphs; settle a heading with 'headings' in "
                             "sources/sources.yml"))
        for piece in members:
            _make_heading(piece) if as_headings else _make_unit(piece)


def _check_sequence(members: list[Piece], warnings: list[tuple[int, str]]) -> None:
    """A jump in a numbering (3 after 1) means a point was lost or merged, or the text
    skips one: say so at the line."""
    for before, piece in zip(members, members[1:]):
        if before.number is not None and piece.number is not None \
                and piece.number != before.number + 1:
            warnings.append((piece.line, f"'{piece.label or marker_label(piece.text)}' follows "
                             f"'{before.label or marker_label(before.text)}' (line {before.line})"
                             ": a point between them is missing or merged into another; check "
                             "the text, or list the line under 'accept' in sources/sources.yml "
                             "if the original numbers it so"))


def _some_with_body(group: list[int], pieces: list[Piece]) -> bool:
    return any(i + 1 < len(pieces) and i + 1 not in group and _is_body(pieces[i + 1])
               and _title_like(_rest_of(pieces[i])) for i in group)


def _is_body(piece: Piece) -> bool:
    """Text under a heading: a paragraph, a figure, or a heading of a level below."""
    if piece.kind in ("text", "heading", "figure"):
        return True
    if piece.kind == "label":  # numbered paragraphs under it, or headings of a level below
        return not _title_like(_rest_of(piece)) or piece.marker in SETTLED
    return False


def _rest_of(piece: Piece) -> str:
    return piece.text if piece.kind == "label" else strip_marker(piece.text)


def _labels(members: list[Piece]) -> str:
    shown = [p.label or marker_label(p.text) for p in members]
    return ", ".join(shown[:3]) + (" …" if len(shown) > 3 else "")


def _make_heading(piece: Piece) -> None:
    if piece.kind == "label":
        piece.kind, piece.text, piece.label = "heading", piece.source, ""


def _make_unit(piece: Piece) -> None:
    if piece.kind == "label":
        return
    rest = strip_marker(piece.text)
    if piece.marker == "bullet":
        piece.kind, piece.text, piece.label = "bullet", rest, ""
        return
    piece.kind, piece.label, piece.text = "label", marker_label(piece.text), rest


def _assemble(pieces: list[Piece], overrides: dict[str, int],
              warnings: list[tuple[int, str]]) -> list[Block]:
    outline = Outline(overrides)
    ids = UnitIds(per_section=_numbering_restarts(pieces))
    blocks: list[Block] = []
    for i, piece in enumerate(pieces):
        prev = blocks[-1] if blocks else None
        if piece.kind == "text" and _continues_item(prev, pieces[i + 1:i + 2]):
            prev.more.append(piece.text)
            continue
        if piece.kind == "heading":
            level = outline.level(piece.text, piece.marker, piece.number)
            number = piece.number if piece.marker in NUMBERED_OUTLINE else None
            heading = Heading(level, piece.text, piece.line, outline.make_id(level, number))
            ids.enter_section(heading.id)
            if piece.glued:
                warnings.append((piece.line, f"'{piece.text}' is read as a heading: a short "
                                 "line with text straight under it; if it is not one, settle it "
                                 f"with headings: {{{piece.text}: paragraph}} in "
                                 "sources/sources.yml (or give its level)"))
            blocks.append(heading)
        elif piece.kind == "label" and piece.marker in ("num-dot", "num"):
            blocks.append(Unit("para", piece.text, piece.line, piece.label, 0,
                               ids.numbered(str(piece.number))))
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


def _numbering_restarts(pieces: list[Piece]) -> bool:
    """Do the numbered paragraphs start again from 1 somewhere (one numbering per section)?"""
    numbers = [p.number for p in pieces if p.kind == "label" and p.marker in ("num-dot", "num")
               and p.number is not None]
    return any(b <= a for a, b in zip(numbers, numbers[1:]))


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
    at = _find_title(lines, title)
    if at is None:  # no title line: the manifest names the document, the text is all body
        title_heading, before, rest = Heading(1, title, 0), [], lines
    else:
        title_line, dateline = _split_dated_title(lines, at)
        title_heading = Heading(1, strip_markup(title_line.text), title_line.no)
        before = [ln for ln in lines[:at] if ln.text.strip()] + ([dateline] if dateline else [])
        rest = lines[at + 1:]
    signatures = options.get("signatures") or {}
    body, signature_lines = _split_signatures(rest, signatures.get("start"))

    blocks: list[Block] = []
    context = [ln for ln in before if not DATELINE.match(ln.text.strip())]
    if context:
        blocks.append(Unit("context", " › ".join(ln.text.strip() for ln in context),
                           context[0].no))
    blocks += [Unit("date", ln.text.strip(), ln.no) for ln in before
               if DATELINE.match(ln.text.strip())]
    overrides = heading_overrides(options)
    warnings: list[tuple[int, str]] = []
    blocks_of_lines = _blocks(_join_lone_labels(body))
    if _without_blank_lines(blocks_of_lines):
        blocks_of_lines = [[line] for block in blocks_of_lines for line in block]
    pieces = _join_page_breaks(_classify(blocks_of_lines, language, overrides), language)
    _settle_siblings(pieces, warnings)
    blocks += _assemble(pieces, overrides, warnings)
    if signature_lines:
        section = Heading(2, signatures.get("heading", "Signatures"), signature_lines[0].no)
        blocks.append(section)
        blocks += _verbatim(signature_lines)
    _number_signature_heading(blocks)
    return Document(title_heading, blocks, _unsettled(warnings, lines, options),
                    title_from_manifest=at is None)


def _unsettled(warnings: list[tuple[int, str]], lines: list[Line], options: dict
               ) -> list[tuple[int, str]]:
    """The warnings an editor has not settled: ``accept`` lists the lines (or their first
    words) whose reading was reviewed and found right."""
    accepted = [str(a).strip() for a in options.get("accept") or []]
    text = {line.no: line.text.strip() for line in lines}
    return sorted(w for w in warnings
                  if not any(text.get(w[0], "").startswith(a) for a in accepted if a))


def heading_overrides(options: dict) -> dict[str, int]:
    """The manifest's ``headings``: line -> level, or 0 for a line that is not a heading."""
    out = {}
    for text, value in (options.get("headings") or {}).items():
        out[str(text)] = 0 if value == "paragraph" else int(value)
    return out


def _number_signature_heading(blocks: list[Block]) -> None:
    """The signature heading was added after the outline ran: give it the next top id."""
    tops = [b for b in blocks if isinstance(b, Heading) and b.level == 2 and b.id]
    for block in blocks:
        if isinstance(block, Heading) and not block.id:
            block.id = f"s-{len(tops) + 1}"
