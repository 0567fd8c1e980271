"""How a reader names a passage: by the heading it sits under and its printed label or its
place under that heading, never by its unit id (which is for links, not for reading).

``「(2) 二国間関係における国際政策の展開」第1段落`` · ``“Summary”, paragraph 7``
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from . import inline
from .units import UnitRef, label_of

if TYPE_CHECKING:
    from .corpus import PageRecord

_LONGEST = 40  # characters of a heading quoted in a name


def heading_words(unit_text: str, cut: bool = True) -> str:
    """A heading's words as a reader sees them, cut short to be quoted within a name."""
    words = inline.plain(unit_text)
    return words if not cut or len(words) <= _LONGEST else words[:_LONGEST - 1] + "…"


def _name(heading: str, label: str, count: int, language: str) -> str:
    numeric = label[:1].isdigit()
    if language == "ja":
        where = f"第{label}項" if numeric else label if label else f"第{count}段落"
        return f"「{heading}」{where}" if heading else where
    where = (f"paragraph {label}" if numeric else f"item {label}" if label
             else f"paragraph {count}")
    return f"“{heading}”, {where}" if heading else where


def _depth(classes: list[str]) -> int:
    return next((int(c[6:]) for c in classes if c.startswith("depth-") and c[6:].isdigit()), 0)


def _cited(labels: dict[int, str], depth: int, label: str) -> dict[int, str]:
    """The labels from the outermost item down to this one, by depth: 6, then a beneath it."""
    kept = {d: l for d, l in labels.items() if d < depth}
    return {**kept, depth: label}


def _joined(labels: dict[int, str]) -> str:
    """6, 6(a), a(ii): the outermost label as printed, the inner ones in brackets."""
    parts = [labels[d] for d in sorted(labels)]
    return parts[0] + "".join(f"({p})" for p in parts[1:])


def names(page: "PageRecord", language: str) -> dict[str, str]:
    """Unit id -> the passage's name in ``language``, for every unit of the page. A block
    unit without a printed label is counted among the blocks under its heading."""
    out: dict[str, str] = {}
    heading, count, labels = "", 0, {}
    for unit in page.units:
        if unit.kind == "heading":
            heading, count, labels = heading_words(unit.text), 0, {}
            out[unit.id] = f"「{heading}」" if language == "ja" else f"“{heading}”"
            continue
        count += 1
        label = label_of(unit).rstrip(".")
        if label:  # an item of a list keeps the labels of the items it is nested in
            labels = _cited(labels, _depth(unit.classes), label)
        out[unit.id] = _name(heading, _joined(labels) if label else "", count, language)
    return out


_EN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
_OPENING, _CLOSING = "「『（(【〔", "」』）)】〕"
_EXCERPT = 140  # characters of a first sentence shown as an excerpt


def first_sentence(unit: UnitRef, language: str) -> str:
    """The first sentence of a block unit as a reader sees it, without its printed label,
    cut short where a sentence runs long."""
    words = inline.plain(unit.text)
    label = label_of(unit)
    if label and words.startswith(label):
        words = words[len(label):].lstrip()
    sentence = (_ja_sentence(words) if language == "ja" else
                _EN_SENTENCE_END.split(words, maxsplit=1)[0]).strip()
    return sentence if len(sentence) <= _EXCERPT else sentence[:_EXCERPT - 1] + "…"


def _ja_sentence(words: str) -> str:
    """Up to the first 。！？ outside brackets: 「以下「省庁」という。」 does not end one."""
    depth = 0
    for i, char in enumerate(words):
        depth += (char in _OPENING) - (char in _CLOSING and depth > 0)
        if char in "。！？" and depth == 0:
            return words[:i + 1]
    return words


def section_units(page: "PageRecord", unit_id: str) -> list[UnitRef]:
    """The units a heading's section holds, up to the next heading of its level or above
    (a block unit: none)."""
    units = page.units
    start = next((i for i, u in enumerate(units) if u.id == unit_id), None)
    if start is None or units[start].kind != "heading":
        return []
    level, out = units[start].level, []
    for unit in units[start + 1:]:
        if unit.kind == "heading" and unit.level <= level:
            break
        out.append(unit)
    return out
