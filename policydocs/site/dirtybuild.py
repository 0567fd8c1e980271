"""What a dirty rebuild (``mkdocs serve --dirty``) must build again on this site.

MkDocs' rule for ``--dirty`` builds a page again only when its own source is newer than its
output. A page here shows more than its source: a Japanese edit marks the English units it
made out of date and moves pillar badges on both versions, and every page shows the
navigation's titles and the glossary's expansions as tooltips. So the rule here is:

- a page is built again when any page of its document, in either language, is newer than
  its output (or it has none);
- every page is built again when something every page shows changed since the last build:
  the navigation's titles, the glossary's expansions, the data files, the translation lock,
  the templates or the configuration (``site_key``).

A side-by-side view follows the same rule as the page it shows (``viewed_page``). The other
generated pages (glossary, pillar and status pages) list every document, so they are built
on every build: MkDocs counts generated content as modified.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from ..pages.corpus import Corpus
from .parallel import VIEW_DIR
from .sitebuild import SiteBuild, stamp


def site_key(site: SiteBuild, languages: Iterable[str], watched: Iterable[Path]) -> str:
    """A digest of what every page shows, and of the files (``watched``: templates and the
    configuration) whose change may alter any page."""
    stamps = sorted(stamp(path) for path in _files(watched))
    data = [stamp(path) for path in site.inputs.data_files()]
    tooltips = {lang: site.glossary_titles(lang) for lang in languages}
    # What the navigation is made of: each page's title, document and date.
    nav = sorted((lang, rel, page.title, str(page.document), str(page.meta.get("date")))
                 for (lang, rel), page in site.corpus.pages.items())
    text = json.dumps([tooltips, nav, data, stamps], ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_sources(corpus: Corpus, docs_dir: Path) -> dict[tuple[str, str], list[Path]]:
    """(language, page path) -> the sources a page is made from: every page of its document
    in every language (a page of no document: its own source)."""
    documents = corpus.documents()
    out: dict[tuple[str, str], list[Path]] = {}
    for (lang, rel), page in corpus.pages.items():
        family = documents.get(page.document, {}) if isinstance(page.document, str) else {}
        pages = [p for pages in family.values() for p in pages] or [page]
        out[lang, rel] = [docs_dir / p.language / p.rel for p in pages]
    return out


def viewed_page(rel: str) -> str | None:
    """The page a side-by-side view at ``rel`` shows (None: not a view)."""
    prefix = f"{VIEW_DIR}/"
    return rel[len(prefix):] if rel.startswith(prefix) else None


def out_of_date(output: Path, sources: Iterable[Path]) -> bool:
    """Whether ``output`` is missing or older than any of ``sources``."""
    try:
        built = output.stat().st_mtime
    except FileNotFoundError:
        return True
    return any(_mtime(source) > built for source in sources)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")  # a source gone: its document's pages change


def _files(paths: Iterable[Path]) -> Iterable[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file())
        else:
            yield path
