"""MkDocs hook: the data "cite this passage" needs on each document page that has text
(logic in policydocs.site.citations; the tool itself is assets/javascripts/cite.js)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from policydocs.adapters import state
from policydocs.site import citations


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    this_pass, site = state.current()
    record = site.corpus.page(this_pass.language,
                              getattr(page.file, "norm_src_uri", page.file.src_uri))
    if record is not None and record.units and record.translation != "none":
        title = site.document_titles.get((this_pass.language, record.document or record.rel),
                                         record.title)
        page.meta["cite"] = citations.page_data(record, title, this_pass.language)
    return context
