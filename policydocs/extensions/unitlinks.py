"""Markdown extension: a link from every aligned unit to the same unit in the other language.

It works on the element tree, after ``attr_list`` has set the ids and ``toc`` has read the
headings (so the link never shows in a table of contents). The page being rendered is
described by a ``UnitLinkContext`` that the build sets before each page is rendered; with
none set, the extension does nothing.
"""
from __future__ import annotations

import functools
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown

from ..core.languages import NAMES, other
from .pagecontext import PageContextExtension, PageContextTreeprocessor

# What a screen reader says for a unit's link: the passage and the language it opens in,
# around the visible language name (kept in the name, so "click English" works by voice).
READ_IN = {"ja": ("{what}を", "で読む"), "en": ("Read {what} in ", "")}
PASSAGE = {"ja": {"paragraph": "第{label}項", "section": "見出し「{label}」", "": "この箇所"},
           "en": {"paragraph": "paragraph {label}", "section": "section “{label}”",
                  "": "this passage"}}
ONLY_LABELS = {"ja": "日本語版のみ", "en": "English only"}
LABEL_NOTES = {"ja": "英語版では「{label}」", "en": "numbered “{label}” in the Japanese text"}
ONLY_TITLES = {"ja": "この単位は日本語版にのみあります",
               "en": "This passage exists in the English version only"}


@dataclass(frozen=True)
class UnitLinkContext:
    language: str  # the page's language
    href: str  # relative URL of the counterpart page, without fragment
    aligned: frozenset[str]
    lang_only: frozenset[str]
    other_labels: tuple[tuple[str, str], ...] = ()  # (id, label in the other language)
    stale: frozenset[str] = frozenset()  # units whose two versions may no longer match
    # (id, kind, label) of units with a name to say: ("p-7", "paragraph", "7"),
    # ("s-2", "section", "Pillar 1"); others are "this passage"
    names: tuple[tuple[str, str, str], ...] = ()

    @property
    def other(self) -> str:
        return other(self.language)

    @functools.cached_property
    def name_of(self) -> dict[str, tuple[str, str]]:
        """Unit id -> (kind, label): asked once per unit, so a dict, not a scan of names."""
        return {uid: (kind, label) for uid, kind, label in self.names}


class UnitLinksTreeprocessor(PageContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        context = self.context
        if context is None:
            return
        for element in root.iter():
            unit_id = element.get("id")
            if unit_id in context.aligned:
                _append(element, _link(context, unit_id))
                label = dict(context.other_labels).get(unit_id)
                if label is not None:
                    _append(element, _label_note(context, label))
                if unit_id in context.stale:
                    _append(element, _stale_note(context))
            elif unit_id in context.lang_only:
                _append(element, _badge(context))


def _append(parent: etree.Element, child: etree.Element) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + " "
    else:
        parent.text = (parent.text or "") + " "
    parent.append(child)


def _link(context: UnitLinkContext, unit_id: str) -> etree.Element:
    """The link, named "Read paragraph 7 in 日本語" with the language name in its own
    language and the rest in the page's (visually hidden: the mark stays one word)."""
    link = etree.Element("a", {"class": "unit-xlink", "href": f"{context.href}#{unit_id}",
                               "hreflang": context.other, "data-pagefind-ignore": "all"})
    kind, label = context.name_of.get(unit_id, ("", ""))
    before, after = READ_IN[context.language]
    what = PASSAGE[context.language][kind].format(label=label)
    _hidden(link, before.format(what=what))
    name = etree.SubElement(link, "span", {"lang": context.other})
    name.text = NAMES[context.other]
    if after:
        _hidden(link, after)
    return link


def _hidden(parent: etree.Element, text: str) -> None:
    etree.SubElement(parent, "span", {"class": "sr-only"}).text = text


STALE_NOTES = {"ja": "この段落の英語は古くなっている可能性があります",
               "en": "the English of this paragraph may be out of date"}


def _stale_note(context: UnitLinkContext) -> etree.Element:
    note = etree.Element("span", {"class": "stale-note", "data-pagefind-ignore": "all"})
    note.text = STALE_NOTES[context.language]
    return note


def _label_note(context: UnitLinkContext, label: str) -> etree.Element:
    """Where the two versions print different labels (b. here, a. there), say so."""
    note = etree.Element("span", {"class": "label-differs", "data-pagefind-ignore": "all"})
    note.text = LABEL_NOTES[context.language].format(label=label or "—")
    return note


def _badge(context: UnitLinkContext) -> etree.Element:
    badge = etree.Element("span", {"class": "lang-only-badge", "title":
                                   ONLY_TITLES[context.language], "data-pagefind-ignore": "all"})
    badge.text = ONLY_LABELS[context.language]
    return badge


class UnitLinksExtension(PageContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After attr_list (8), toc (5) and MkDocs' relative-path processor (0): these links
        # are built right from the corpus, and MkDocs would look each one up again.
        md.treeprocessors.register(UnitLinksTreeprocessor(md, self.context), "unit_links", -1)


def makeExtension(**kwargs) -> UnitLinksExtension:  # noqa: N802 - Markdown's API name
    return UnitLinksExtension(**kwargs)
