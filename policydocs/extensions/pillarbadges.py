"""Markdown extension: pillar badges on tagged pages, sections and units.

Each badge links to its pillar's index. The ``pillars``/``why`` attributes that editors put
in attribute lists are tags for the build, not HTML: they are removed from the output.
Like ``unitlinks``, the page being rendered is described by a context the build sets.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown

from .pagecontext import PageContextExtension, PageContextTreeprocessor

TAG_ATTRIBUTES = ("pillars", "why")


@dataclass(frozen=True)
class BadgeContext:
    names: tuple[tuple[str, str], ...]  # (pillar id, name in the page's language)
    hrefs: tuple[tuple[str, str], ...]  # (pillar id, relative URL of its index)
    page: tuple[str, ...]  # pillars of the whole page
    units: tuple[tuple[str, tuple[str, ...]], ...]  # (unit id, its pillars)
    language: str = ""  # the page's: what the badges' hidden lead words are written in


# Said before a badge's name by a screen reader: the badge opens the pillar's index.
LEADS = {"ja": "柱の索引：", "en": "Pillar index: "}


def _badges(context: BadgeContext, ids: tuple[str, ...], tag: str) -> etree.Element:
    names, hrefs = dict(context.names), dict(context.hrefs)
    holder = etree.Element(tag, {"class": "pillar-badges", "data-pagefind-ignore": "all"})
    for pillar_id in ids:
        link = etree.SubElement(holder, "a", {"class": f"pillar-badge pillar-{pillar_id}",
                                              "href": hrefs[pillar_id]})
        if context.language in LEADS:
            etree.SubElement(link, "span", {"class": "sr-only"}).text = LEADS[context.language]
            link[-1].tail = names[pillar_id]
        else:
            link.text = names[pillar_id]
        link.tail = " "
    return holder


class PillarBadgesTreeprocessor(PageContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in TAG_ATTRIBUTES:
                element.attrib.pop(name, None)
        context = self.context
        if context is None:
            return
        units = dict(context.units)
        for element in list(root.iter()):
            unit_id = element.get("id")
            if unit_id in units:
                element.append(_badges(context, units[unit_id], "span"))
        if context.page:
            for i, element in enumerate(root):
                if element.tag == "h1":
                    root.insert(i + 1, _badges(context, context.page, "p"))
                    break


class PillarBadgesExtension(PageContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After MkDocs' relative-path processor (0), like unitlinks: badge links are built
        # from the registry and need no lookup.
        md.treeprocessors.register(PillarBadgesTreeprocessor(md, self.context), "pillar_badges",
                                   -2)


def makeExtension(**kwargs) -> PillarBadgesExtension:  # noqa: N802 - Markdown's API name
    return PillarBadgesExtension(**kwargs)
