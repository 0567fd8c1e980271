"""MkDocs hook: the theme's templates escape whatever they print, unless it is known HTML.

MkDocs and Material render with Jinja's autoescape off, so a front-matter title went into
``<title>``, the header and every navigation entry as it was written. Turned on here,
every template, Material's own included, escapes each value; what MkDocs hands over as
HTML (the page body, the table of contents, a title taken from the first heading, which
Markdown has already escaped) is marked as such. Built with and without it, the real site
differs only in the apostrophe of one meta description, now written ``&#39;``.
"""
from __future__ import annotations

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Templates are compiled when first loaded, after this event: all of them escape."""
    env.autoescape = True
    return env


def _mark_toc(items: list[AnchorLink]) -> None:
    for item in items:
        item.title = Markup(item.title)  # the toc extension's names are escaped HTML
        _mark_toc(item.children)


@event_priority(-200)  # last: a later hook returning a str would undo the mark
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The body, its table of contents and a title from its first heading are HTML."""
    if page._title_from_render:  # MkDocs' own name: the first heading's inner HTML
        page._title_from_render = Markup(page._title_from_render)
    _mark_toc(page.toc)
    return Markup(html)
