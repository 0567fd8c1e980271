"""Markdown extension: ``<abbr title="…">`` on every known acronym, also inside Japanese text.

Python-Markdown's ``abbr`` matches on word boundaries, which Japanese text does not have
(``DFFTの推進`` is never tagged). This tree processor walks the text of the rendered
element tree instead and wraps each occurrence found by ``acronyms.occurrences`` (which
never matches inside a longer token: ``ITU`` is not in ``ITU-R``). It leaves alone code,
links (their text may be a URL), existing abbreviations, and, on the glossary page, the
headings. The build sets the context (acronym -> title in the page's language).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown

from ..core.acronyms import occurrences
from .pagecontext import PageContextExtension, PageContextTreeprocessor

SKIP = {"code", "pre", "a", "abbr", "script", "style", "kbd", "samp"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class AbbrContext:
    titles: tuple[tuple[str, str], ...]  # (acronym, title)
    skip_headings: bool = False


def _pieces(text: str, known: frozenset[str], titles: dict[str, str]):
    """Split text into a leading string and (abbr element, following text) pairs."""
    found = occurrences(text, known)
    if not found:
        return None
    lead = text[:found[0][0]]
    pairs = []
    for i, (start, end, acronym) in enumerate(found):
        abbr = etree.Element("abbr", {"title": titles[acronym]})
        abbr.text = acronym
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        pairs.append((abbr, text[end:stop]))
    return lead, pairs


class AbbrTooltipsTreeprocessor(PageContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        context = self.context
        if context is None:
            return
        titles = dict(context.titles)
        known = frozenset(titles)
        skip = SKIP | (HEADINGS if context.skip_headings else set())
        self._walk(root, known, titles, skip)

    def _walk(self, parent: etree.Element, known, titles, skip) -> None:
        if parent.tag in skip or "data-pagefind-ignore" in parent.attrib:
            return
        if parent.text:
            split = _pieces(parent.text, known, titles)
            if split:
                parent.text = split[0]
                for i, (abbr, tail) in enumerate(split[1]):
                    abbr.tail = tail
                    parent.insert(i, abbr)
        for child in list(parent):
            if child.tag != "abbr" or child.get("title") is None or child.text not in known:
                self._walk(child, known, titles, skip)
            if child.tail:
                split = _pieces(child.tail, known, titles)
                if split:
                    child.tail = split[0]
                    at = list(parent).index(child) + 1
                    for i, (abbr, tail) in enumerate(split[1]):
                        abbr.tail = tail
                        parent.insert(at + i, abbr)


class AbbrTooltipsExtension(PageContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After toc (5) so headings keep plain text in the table of contents, and before
        # the per-unit links (-1) and badges (-2) so their labels are never tagged.
        md.treeprocessors.register(AbbrTooltipsTreeprocessor(md, self.context), "abbr_tooltips",
                                   4.5)


def makeExtension(**kwargs) -> AbbrTooltipsExtension:  # noqa: N802 - Markdown's API name
    return AbbrTooltipsExtension(**kwargs)
