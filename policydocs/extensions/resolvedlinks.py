"""Markdown extension: links that generated pages write already resolved.

Generated pages (pillar indexes, glossary, translation status) hold thousands of links,
built from the corpus scan, so they cannot point at a missing page. MkDocs would still look
every relative link up among the site's files (slowly, through mkdocs-static-i18n's lookup).
They are written as ``resolved:<relative URL>``, which MkDocs leaves alone as it does any
URL with a scheme, and this treeprocessor, run after MkDocs' own, drops the prefix.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..core.pageurls import RESOLVED as PREFIX


class ResolvedLinksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(PREFIX):
                link.set("href", href[len(PREFIX):])


class ResolvedLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # MkDocs registers its relative-path processor at priority 0: run after it.
        md.treeprocessors.register(ResolvedLinksTreeprocessor(md), "resolved_links", -2)


def makeExtension(**kwargs) -> ResolvedLinksExtension:  # noqa: N802 - Markdown's API name
    return ResolvedLinksExtension(**kwargs)
