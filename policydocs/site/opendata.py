"""Open data: one JSON file per document with its aligned units, for reuse without
scraping the pages, and the JSON Schema the files follow (``document.schema.json``).

A file holds the document's metadata (titles, issuers, date, originals), the addresses of
its pages, and every unit aligned across the two languages: id, the passage's name in each
language, plain text in each language, the English text's state and the URLs its footnotes
cite. URLs are absolute, from the site's ``site_url``.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..core.languages import original_language
from ..core.pageurls import page_url
from ..pages.corpus import Corpus, PageRecord
from .tmexport import AlignedPair

SCHEMA = Path(__file__).with_name("document.schema.json")
EXPORT_DIR = "exports/documents"
SCHEMA_REL = "exports/document.schema.json"
LANGUAGES = ("ja", "en")


def export_rel(document: str) -> str:
    """Where a document's file is, under the site's root."""
    return f"{EXPORT_DIR}/{document}.json"


@dataclass(frozen=True)
class Addresses:
    site_url: str
    default: str

    def page(self, rel: str, language: str, unit: str | None = None) -> str:
        url = urljoin(self.site_url, page_url(rel, language, self.default))
        return f"{url}#{unit}" if unit else url

    def file(self, rel: str) -> str:
        return urljoin(self.site_url, rel)


def _date(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def document_data(document: str, pages: dict[str, list[PageRecord]],
                  aligned: list[AlignedPair], where: Addresses) -> dict:
    """The JSON object of one document (see ``document.schema.json``)."""
    first = {lang: ps[0] for lang, ps in pages.items()}
    base = first.get("ja") or first["en"]
    originals: dict[str, str | None] = dict.fromkeys(LANGUAGES)
    for page in first.values():
        lang = original_language(page.language, page.meta.get("translation"))
        originals[lang] = originals[lang] or page.meta.get("url")
    names = {(p.language, p.rel): p.passage_names
             for ps in pages.values() for p in ps}
    english = first.get("en")
    return {
        "document": document,
        "title": {lang: first[lang].title if lang in first else None for lang in LANGUAGES},
        "issuer": {lang: str(first[lang].meta.get("issuer")) if lang in first
                   and first[lang].meta.get("issuer") else None for lang in LANGUAGES},
        "date": _date(base.meta.get("date")),
        "updated": _date(base.meta.get("updated")) or _date(base.meta.get("date")),
        "original": originals,
        "translation": str(english.translation) if english and english.translation else "none",
        "pages": {lang: [where.page(p.rel, lang) for p in pages.get(lang, [])]
                  for lang in LANGUAGES},
        "units": [{
            "id": pair.unit,
            "url": {lang: where.page(pair.page, lang, pair.unit) for lang in LANGUAGES},
            "label": {lang: names.get((lang, pair.page), {}).get(pair.unit) for lang in LANGUAGES},
            "ja": pair.ja, "en": pair.en, "translation": pair.translation,
            "footnote_urls": pair.footnote_urls,
        } for pair in aligned],
    }


def documents(corpus: Corpus, aligned: list[AlignedPair], where: Addresses) -> dict[str, dict]:
    """Document path -> its JSON object, for every document of the corpus; ``aligned`` is
    the corpus's aligned pairs (``tmexport.pairs``, made once per build for both exports)."""
    by_document: dict[str, list[AlignedPair]] = {}
    for pair in aligned:
        by_document.setdefault(pair.document, []).append(pair)
    return {document: document_data(document, languages, by_document.get(document, []), where)
            for document, languages in corpus.documents().items()}


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


class StagedDocuments:
    """The files of one corpus, written once into a temporary folder that lives as long as
    this object: each language pass copies the same files. ``paths``: site rel -> file."""

    def __init__(self, data: dict[str, dict]) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="policydocs-documents-")
        root = Path(self._folder.name)
        self.paths: dict[str, Path] = {SCHEMA_REL: SCHEMA}
        for document, value in data.items():
            path = root / f"{document}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dumps(value), encoding="utf-8", newline="\n")
            self.paths[export_rel(document)] = path
