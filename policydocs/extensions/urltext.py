"""Markdown extension: a link whose words are its own address is marked ``url-text``.

Printed, a link is followed by its address (site.css, ``@media print``), so that a reader
of paper can follow it; a bare URL (``<https://…>``, the way the received texts cite their
sources in footnotes) would print twice. The mark lets the print stylesheet leave it.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "url-text"


class UrlTextTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href")
            if href and len(link) == 0 and (link.text or "").strip() == href:
                link.set("class", " ".join(filter(None, [link.get("class"), CLASS])))


class UrlTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After the inline patterns (priority 20) have made the links.
        md.treeprocessors.register(UrlTextTreeprocessor(md), "urltext", 1)


def makeExtension(**kwargs) -> UrlTextExtension:  # noqa: N802 - Markdown's API name
    return UrlTextExtension(**kwargs)
