"""A page whose HTML a hook has already built.

A side-by-side view is HTML from end to end; sending it through MkDocs' Markdown pass cost
about 1.5 ms a page (a new ``markdown.Markdown`` with every extension, for one heading),
which at a thousand documents is seconds per build. MkDocs uses a ``Page`` that a plugin
sets on ``File.page`` before the navigation is built, and calls every page event on it as
usual; only reading the source and rendering Markdown are replaced.

MkDocs keeps every page's HTML until the build ends (and mkdocs-static-i18n keeps the pages
of the first language pass through the second): a thousand views of ~30 KB each is tens of
megabytes held for nothing. ``release`` drops a view's HTML once the theme has used it.
"""
from __future__ import annotations

import copy
import html
from collections.abc import Callable
from typing import Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class Body(Protocol):
    html: str
    ids: frozenset[str]  # every element id in the HTML
    title_id: str  # the id of its heading, which shows the page's title


class PrerenderedPage(Page):
    def __init__(self, title: str, file: File, config: MkDocsConfig, meta: dict,
                 render: Callable[[], Body]) -> None:
        super().__init__(title, file, config)
        self._meta = meta
        self._render = render

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", copy.deepcopy(self._meta)  # events may change it

    def render(self, config: MkDocsConfig, files: Files) -> None:
        body = self._render()
        self.content = body.html
        # The heading as the table of contents: the theme's "skip to content" link uses it.
        # Escaped, as the toc extension's names are: the theme prints them as HTML.
        self.toc = get_toc([{"level": 1, "id": body.title_id, "name": html.escape(self.title),
                             "children": []}])
        self.present_anchor_ids = set(body.ids)  # links to these ids are checked as usual

    def release(self) -> None:
        """Call once the theme has rendered the page (``on_post_page``): its HTML is in the
        output, and nothing later reads ``content``. Building the page again (``mkdocs
        serve``) renders it again."""
        self.content = ""
