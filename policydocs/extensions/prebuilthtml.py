"""Markdown extension: blocks of HTML that generated pages build themselves.

The generated pages (translation status, pillar indexes, glossary) list every document of
the site: thousands of links whose text is already known. Written as Markdown, each link
goes through Python-Markdown's inline patterns, which take most of those pages' build
time. ``block(html)`` wraps such a list instead; this extension parses it (with the
standard library's XML parser, in C) into the element tree at its place, with its text
marked atomic so the inline patterns skip it. Every tree processor still sees the block:
MkDocs' link checks, ``resolvedlinks``, the acronym tooltips, the table of contents.

An element whose text is Markdown (a passage quoted from a page, which may hold emphasis
or escapes) carries ``data-markdown``: its text is left to the inline patterns.

The markers hold a key made when the process starts, so a page an editor writes can never
open such a block: only code that imports this module can.
"""
from __future__ import annotations

import html
import re
import secrets
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

KEY = secrets.token_hex(8)
_BEGIN, _END = f"<!-- prebuilt {KEY} -->", f"<!-- /prebuilt {KEY} -->"
_SLOT = f"prebuilt-{KEY}-"
MARKDOWN_TEXT = "data-markdown"


def block(html_text: str) -> str:
    """Markdown that puts ``html_text`` (well-formed XHTML: escaped text, quoted
    attributes, closed tags) into the page as it is."""
    return f"{_BEGIN}\n{html_text}\n{_END}"


# Characters XML cannot hold, even escaped (C0 controls but tab, newline and return, lone
# surrogates): a control character pasted from a PDF into a title must not stop the build.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str, quote: bool = False) -> str:
    """Text for a block: shown as written (a character XML cannot hold shows as U+FFFD)."""
    return html.escape(_NOT_XML.sub("\ufffd", value), quote=quote)


def element(tag: str, content: str = "", **attrs: str | None) -> str:
    """``<tag attr="value">content</tag>``; ``content`` is HTML already (see ``text``),
    attributes whose value is None are left out, ``class_`` is ``class``."""
    attributes = "".join(f' {name.rstrip("_").replace("_", "-")}="{text(value, quote=True)}"'
                         for name, value in attrs.items() if value is not None)
    return f"<{tag}{attributes}>{content}</{tag}>"


# Characters that may make Markdown of a text: anything else reads as it is written.
_MARKUP = re.compile(r"[*_`<>\[\]!&|#~{]|\\[^.]")


def as_plain(source: str) -> str | None:
    """What a Markdown text reads as when it has no markup (most passages: a numbered
    paragraph's ``1\\.`` is its only escape); None when it needs a Markdown parser."""
    return None if _MARKUP.search(source) else source.replace("\\.", ".")


def markdown_element(tag: str, source: str, **attrs: str | None) -> str:
    """An element whose text is Markdown (a passage quoted from a page): text without
    markup is set as it reads, the rest is left to Markdown's inline patterns."""
    plain = as_plain(source)
    if plain is None:
        return element(tag, text(source), data_markdown="", **attrs)
    return element(tag, text(plain), **attrs)


Blocks = list[list[etree.Element]]  # the blocks of the page being converted, by slot number


class PrebuiltPreprocessor(Preprocessor):
    """Takes each block out of the text (before Markdown's raw-HTML step would) and
    leaves a one-line slot in its place."""

    def __init__(self, md: Markdown, blocks: Blocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        if not any(line == _BEGIN for line in lines):
            return lines
        out: list[str] = []
        inside: list[str] | None = None
        for line in lines:
            if inside is None and line == _BEGIN:
                inside = []
            elif inside is not None and line == _END:
                out += ["", f"{_SLOT}{len(self.blocks)}", ""]
                self.blocks.append(_parse("\n".join(inside)))
                inside = None
            elif inside is not None:
                inside.append(line)
            else:
                out.append(line)
        if inside is not None:
            raise ValueError("a prebuilt HTML block has no end marker")
        return out


def _parse(html_text: str) -> list[etree.Element]:
    try:
        root = etree.fromstring(f"<div>{html_text}</div>")
    except etree.ParseError as error:  # a bug in a page generator, never in a page
        raise ValueError(f"prebuilt HTML block is not well-formed: {error}") from None
    for element in root.iter():
        if element.attrib.pop(MARKDOWN_TEXT, None) is None and element.text:
            element.text = AtomicString(element.text)
        if element.tail:
            element.tail = AtomicString(element.tail)
    return list(root)


class PrebuiltBlockProcessor(BlockProcessor):
    """Puts a block's elements where its slot is."""

    def __init__(self, parser: BlockParser, blocks: Blocks) -> None:
        super().__init__(parser)
        self.blocks = blocks

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith(_SLOT)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        parent.extend(self.blocks[int(blocks.pop(0)[len(_SLOT):])])


class PrebuiltHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        self.blocks: Blocks = []  # shared by both processors, emptied for each page
        md.registerExtension(self)
        # After whitespace normalising (30), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(PrebuiltPreprocessor(md, self.blocks), "prebuilt_html", 28)
        md.parser.blockprocessors.register(
            PrebuiltBlockProcessor(md.parser, self.blocks), "prebuilt_html", 105)

    def reset(self) -> None:
        self.blocks.clear()


def makeExtension(**kwargs) -> PrebuiltHtmlExtension:  # noqa: N802 - Markdown's API name
    return PrebuiltHtmlExtension(**kwargs)
