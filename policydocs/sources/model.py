"""The document model the importer builds: headings and units, before they become Markdown."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Heading:
    level: int  # 1 = the document title
    text: str
    line: int
    id: str = ""
    lang_only: bool = False  # the other language's version has no heading with this id


@dataclass
class Unit:
    """A block of text: a numbered paragraph, a lettered/roman item, or a plain paragraph.

    ``kind`` is one of: ``para`` (numbered or plain paragraph), ``item`` (lettered, roman,
    circled or bulleted), ``figure`` (a figure whose picture was not received), ``context``
    (where the text sits in a larger work), ``verbatim`` (kept line by line, e.g. signatures).
    """

    kind: str
    text: str
    line: int
    label: str = ""
    depth: int = 0
    id: str = ""
    more: list[str] = field(default_factory=list)  # further paragraphs of the same unit
    lang_only: bool = False  # the other language's version has no unit with this id


Block = Heading | Unit


@dataclass
class Document:
    title: Heading
    blocks: list[Block]
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (source line, message)
    title_from_manifest: bool = False  # the text has no title line
