"""An Atom feed per language of the collection's documents: one entry per document, with
the date it was issued (``published``) and the date its text on the site last changed
(front matter ``updated``, else the issue date), newest first. Made with feedgen; the
entries' ids are the documents' first pages' URLs, which never change."""
from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from ..core.pageurls import page_url
from ..pages.corpus import Corpus, PageRecord
from ..pages import passages
from .opendata import Addresses

FEED = "feed.xml"
JST = dt.timezone(dt.timedelta(hours=9))  # the issuers' dates are Japanese dates
TEXT = {"ja": "新しい文書と更新された文書", "en": "New and updated documents"}


def feed_rel(language: str, default: str) -> str:
    """Where a language's feed is, under the site's root: beside its home page."""
    return page_url("index.md", language, default) + FEED


def _moment(value: object) -> dt.datetime | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(0), tzinfo=JST)
    return None


def _summary(pages: list[PageRecord], language: str) -> str | None:
    """The first sentence of the document's first paragraph in this language."""
    for page in pages:
        if page.translation == "none":
            return None
        block = next((u for u in page.units if u.kind == "block"), None)
        if block is not None:
            return passages.first_sentence(block, language)
    return None


def atom(corpus: Corpus, language: str, site_name: str, where: Addresses) -> str:
    """The feed of ``language`` as Atom 1.0 (RFC 4287)."""
    entries = []
    for document, languages in corpus.documents().items():
        pages = languages.get(language)
        if not pages:
            continue
        first = pages[0]
        published = _moment(first.meta.get("date"))
        updated = _moment(first.meta.get("updated")) or published
        if updated is None:
            continue  # not a dated document (the front-matter check reports it)
        entries.append((updated, document, first, published, _summary(pages, language)))
    entries.sort(key=lambda e: (e[0], e[1]))  # feedgen puts the last added first
    feed = FeedGenerator()
    url = where.file(feed_rel(language, where.default))
    feed.id(url)
    feed.title(f"{site_name}: {TEXT[language]}")
    feed.link(href=url, rel="self", type="application/atom+xml")
    feed.link(href=where.page("index.md", language), rel="alternate", type="text/html")
    feed.language(language)
    feed.updated(max((e[0] for e in entries), default=dt.datetime(2000, 1, 1, tzinfo=JST)))
    feed.author({"name": site_name})
    for updated, document, first, published, summary in entries:
        entry = feed.add_entry()
        link = where.page(first.rel, language)
        entry.id(link)
        entry.title(first.title)
        entry.link(href=link, rel="alternate", type="text/html", hreflang=language)
        entry.updated(updated)
        if published:
            entry.published(published)
        if first.meta.get("issuer"):
            entry.author({"name": str(first.meta["issuer"])})
        if summary:
            entry.summary(summary)
    return feed.atom_str(pretty=True).decode("utf-8")
