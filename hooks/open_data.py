"""MkDocs hook: open data beside the pages (logic in policydocs.site.opendata and feeds).

Every pass copies the documents' JSON files and their schema into exports/, and writes its
language's Atom feed beside its home page; each page gets the links the theme prints in
its head (rel="alternate") and a document page the link to its JSON file."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from policydocs.adapters import state
from policydocs.core.pageurls import page_url, relative
from policydocs.site import feeds, opendata


def _where(config: MkDocsConfig) -> opendata.Addresses:
    this_pass, _ = state.current()
    return opendata.Addresses(config.site_url or "http://127.0.0.1:8000/", this_pass.default)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    this_pass, site = state.current()
    where = _where(config)
    for rel, path in site.open_data(where).paths.items():
        files.append(File.generated(config, rel, abs_src_path=str(path)))
    feed = site.feed(this_pass.language, config.site_name, where)
    files.append(File.generated(config, feeds.feed_rel(this_pass.language, this_pass.default),
                                content=feed))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """The page's links to the feed of its language and, on a document's page, its data
    (every page, generated ones too, has a context)."""
    this_pass, _ = state.current()
    here = page_url(getattr(page.file, "norm_src_uri", page.file.src_uri), this_pass.language,
                    this_pass.default)
    page.meta["feed_url"] = relative(here, feeds.feed_rel(this_pass.language,
                                                          this_pass.default))
    document = page.meta.get("document")
    if isinstance(document, str):
        page.meta["data_url"] = relative(here, opendata.export_rel(document))
    return context
