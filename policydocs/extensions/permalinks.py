"""Markdown extension: the ``¶`` link after each heading is named in the reader's language.

The ``toc`` extension writes ``<a class="headerlink" title="Permanent link">¶</a>``: a
screen reader says "pilcrow", the title is English on Japanese pages too, and Material's
``content.tooltips`` builds a tooltip for every title in the text, which on a long page
(the glossary's 138 headings) costs a third of a second of main-thread time on a phone.
So the link gets an ``aria-label`` in the page's language and loses its title. The context
is the page's language; with none, the links are left as ``toc`` made them.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown

from .pagecontext import PageContextExtension, PageContextTreeprocessor

NAMES = {"ja": "この見出しへのリンク", "en": "Link to this heading"}


class PermalinksTreeprocessor(PageContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        name = NAMES.get(self.context or "")
        if name is None:
            return
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.attrib.pop("title", None)
                link.set("aria-label", name)


class PermalinksExtension(PageContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After toc (priority 5), which adds the links.
        md.treeprocessors.register(PermalinksTreeprocessor(md, self.context), "permalinks", 0)


def makeExtension(**kwargs) -> PermalinksExtension:  # noqa: N802 - Markdown's API name
    return PermalinksExtension(**kwargs)
