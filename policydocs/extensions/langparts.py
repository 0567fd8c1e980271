"""Markdown extension: Japanese words inside an English page carry ``lang="ja"``.

English pages quote Japanese: names (河野宇博), terms (物聯網), the titles of Japanese
passages the glossary links to. A screen reader reads text in the page's language unless an
element says otherwise (WCAG 3.1.2, language of parts), so each run of Japanese script in
an English page's text becomes ``<span lang="ja">…</span>``, unless an element around it
already names its language. The context is the page's language; on Japanese pages, and
with no context, the extension does nothing (Latin script in Japanese text is mostly
acronyms and names that read the same).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown

from .pagecontext import PageContextExtension, PageContextTreeprocessor

# Kana, CJK ideographs, the CJK punctuation and full-width forms; a run may hold spaces
# and the middle dot between its words ("日英 デジタル", "デジタル・パートナーシップ").
_JA_CHARS = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
JA_RUN = re.compile(f"[{_JA_CHARS}]+(?:[ ・][{_JA_CHARS}]+)*")
_SKIP = frozenset({"code", "pre", "script", "style", "kbd", "samp"})


class LangPartsTreeprocessor(PageContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        if self.context != "en":
            return
        _mark(root)


def _mark(element: etree.Element) -> None:
    """Wrap the Japanese runs of ``element``'s own text and of its children's tails, and
    go down into the children that do not name a language of their own."""
    children: list[etree.Element] = []
    if element.text:
        element.text, spans = _split(element.text)
        children += spans
    for child in list(element):
        if child.get("lang") is None and child.tag not in _SKIP:
            _mark(child)
        children.append(child)
        if child.tail:
            child.tail, spans = _split(child.tail)
            children += spans
    element[:] = children


def _split(text: str) -> tuple[str, list[etree.Element]]:
    """``text`` cut at its Japanese runs: the text before the first run, and one span per
    run whose tail holds what follows it up to the next run."""
    matches = list(JA_RUN.finditer(text))
    if not matches:
        return text, []
    spans = []
    for i, match in enumerate(matches):
        span = etree.Element("span", {"lang": "ja"})
        span.text = match.group(0)
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        span.tail = text[match.end():end]
        spans.append(span)
    return text[:matches[0].start()], spans


class LangPartsExtension(PageContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # Last of all (after unitlinks at -1): the marks the other extensions add are
        # already in the tree and say their own language.
        md.treeprocessors.register(LangPartsTreeprocessor(md, self.context), "lang_parts", -10)


def makeExtension(**kwargs) -> LangPartsExtension:  # noqa: N802 - Markdown's API name
    return LangPartsExtension(**kwargs)
