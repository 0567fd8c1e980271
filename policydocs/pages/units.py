"""The aligned units a page declares: every explicit id in an attribute list.

Units are written by the importer (and kept by editors) as Markdown attribute lists:
``## Heading { #s-1 }`` for sections and a ``{: #p-7 .unit }`` line after a paragraph.
A unit that exists in one language only carries the marker class ``.lang-only``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.errors import ContentError
from . import reader

LANG_ONLY = "lang-only"
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HEADING_START = re.compile(r"#{1,6}\s")
_ATTR_TAIL = re.compile(r"\{:?([^{}]*)\}\s*$")  # no "\s*" before the group: it would overlap
ATTR_LINE = re.compile(r"^\{:?([^}]*)\}\s*$")


@dataclass(slots=True)  # a thousand-document site holds ~100,000 of them
class UnitRef:
    id: str
    line: int
    kind: str  # heading | block
    text: str  # the unit's Markdown (heading text, or its paragraphs)
    classes: list[str] = field(default_factory=list)
    level: int = 0
    attrs: dict[str, str] = field(default_factory=dict)  # key="value" pairs

    @property
    def lang_only(self) -> bool:
        return LANG_ONLY in self.classes


_TOKEN = re.compile(r"""([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|([#.]?[^\s"'=]+)""")


def match_heading(line: str) -> tuple[int, str, str] | None:
    """Level, text and attribute list of a heading line ending in ``{ … }``, or None.

    The attribute list holds no brace, so it starts at the line's last "{": found with
    ``rfind`` rather than by a lazy pattern, which would rescan the blanks before it for
    every character of the heading (quadratic on a heading padded with spaces).
    """
    start = _HEADING_START.match(line)
    brace = line.rfind("{")
    if start is None or brace < start.end() - 1:
        return None
    tail = _ATTR_TAIL.match(line, brace)
    if tail is None:
        return None
    return start.end() - 1, line[start.end():brace].strip(), tail.group(1)


def parse_attrs(text: str) -> tuple[str | None, list[str], dict[str, str]]:
    """The id, classes and key="value" pairs of an attribute list, as attr_list reads them."""
    unit_id, classes, attrs = None, [], {}
    for match in _TOKEN.finditer(text):
        key, dq, sq, bare, word = match.groups()
        if key:
            attrs[key] = next(v for v in (dq, sq, bare) if v is not None)
        elif word.startswith("#"):
            unit_id = word[1:]
        elif word.startswith("."):
            classes.append(word[1:])
    return unit_id, classes, attrs


def scan(body: str, first_line: int, path: str) -> tuple[list[UnitRef], list[ContentError]]:
    """Units of a page body, with problems (duplicate or malformed ids, stray markers)."""
    units: list[UnitRef] = []
    problems: list[ContentError] = []
    seen: dict[str, int] = {}
    block: list[str] = []
    block_line = first_line
    last_unit: UnitRef | None = None

    def add(unit_id: str | None, classes: list[str], line: int, kind: str, text: str,
            level: int = 0, attrs: dict[str, str] | None = None) -> UnitRef | None:
        if unit_id is None:
            if LANG_ONLY in classes:
                problems.append(ContentError(path, line, f"marker '.{LANG_ONLY}' is on a block "
                                             "without an id", "give the unit an id (#p-7) "
                                             "or remove the marker"))
            return None
        if not VALID_ID.match(unit_id):
            problems.append(ContentError(path, line, f"id '{unit_id}' is not a valid anchor",
                                         "use lowercase letters, digits and single hyphens"))
            return None
        if unit_id in seen:
            problems.append(ContentError(path, line, f"id '{unit_id}' is used twice on this "
                                         f"page (first on line {seen[unit_id]})"))
            return None
        seen[unit_id] = line
        unit = UnitRef(unit_id, line, kind, text, classes, level, attrs or {})
        units.append(unit)
        return unit

    for line, raw in reader.outside_fences(body, first_line):  # code fences are not units
        if not raw.strip():
            block = []
            continue
        # Most lines are text: try each pattern only on a line that starts as it must.
        heading = match_heading(raw) if raw.startswith("#") else None
        attrs = ATTR_LINE.match(raw) if raw.startswith("{") else None
        if heading and not block:
            level, text, attr_list = heading
            unit_id, classes, attrs = parse_attrs(attr_list)
            last_unit = add(unit_id, classes, line, "heading", text, level, attrs) or last_unit
            continue
        if attrs and block:
            unit_id, classes, pairs = parse_attrs(attrs.group(1))
            text = "\n".join(block)
            if unit_id is None and "cont" in classes and last_unit is not None:
                last_unit.text += "\n\n" + text  # a further paragraph of the unit before
            else:
                last_unit = add(unit_id, classes, block_line, "block", text, 0,
                                pairs) or last_unit
            block = []
            continue
        if not block:
            block_line = line
        block.append(raw)
    return units, problems


_LABEL = re.compile(r"^(\d{1,3}\\?\.|[a-z]{1,5}\.|[①-⑳])(?=\s)")


def label_of(unit: UnitRef) -> str:
    """The printed label a block unit starts with ("7.", "b.", "iv."), or ""."""
    if unit.kind != "block":
        return ""
    match = _LABEL.match(unit.text)
    return match.group(1).replace("\\", "") if match else ""
