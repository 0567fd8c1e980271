"""The documents' part of the navigation, made from the pages themselves.

A new document needs no line in ``mkdocs.yml``: every page whose front matter names a
``document`` is filed under the section of its top folder (``data/sections.yml`` gives each
folder its title in both languages), the documents of a section in order of date, a document
split into parts as a subsection of its index and parts. ``mkdocs.yml`` keeps the pages that
are not documents (home, pillars, glossary, status); the sections go after the home page.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import plaintext, yamlfile
from ..core.errors import ContentError
from ..core.languages import LANGUAGES
from ..pages.corpus import Corpus, PageRecord

SECTIONS_FILE = "data/sections.yml"
NavEntry = Any  # what mkdocs.yml's nav holds: a path, or {title: path | [entries]}


@dataclass(frozen=True)
class Section:
    folder: str
    title: dict[str, str]
    documents: dict[str, dict[str, str]]  # nav titles of documents split into parts


def load_sections(path: Path) -> list[Section]:
    data = yamlfile.load(path, SECTIONS_FILE)
    data = yamlfile.expect(data, dict, SECTIONS_FILE, 1, "the file",
                           "a mapping with 'sections:'")
    entries = yamlfile.expect(data.get("sections"), list, SECTIONS_FILE,
                              yamlfile.line_of(data, "sections", 1), "'sections'",
                              "a list of sections (- folder: …)")
    sections = [_section(entry) for entry in entries]
    seen: set[str] = set()
    for section, entry in zip(sections, entries):
        if section.folder in seen:
            raise ContentError(SECTIONS_FILE, entry.line, f"folder '{section.folder}' is "
                               "listed twice")
        seen.add(section.folder)
    return sections


def _section(entry: Any) -> Section:
    line = getattr(entry, "line", 1)
    if not isinstance(entry, dict) or not isinstance(entry.get("folder"), str):
        raise ContentError(SECTIONS_FILE, line, "each section needs a 'folder' and a 'title'",
                           "e.g. - folder: dialogues\n    title: {ja: 政策対話, en: Policy "
                           "dialogues}")
    documents = entry.get("documents") or {}
    if not isinstance(documents, dict):
        raise ContentError(SECTIONS_FILE, entry.line_of("documents"), "'documents' must map "
                           "a document path to its title in the navigation")
    return Section(entry["folder"], _titles(entry.get("title"), entry.line_of("title")),
                   {str(k): _titles(v, entry.line_of("documents")) for k, v in documents.items()})


def _titles(value: Any, line: int) -> dict[str, str]:
    if not isinstance(value, dict) or any(not isinstance(value.get(lang), str)
                                          for lang in LANGUAGES):
        raise ContentError(SECTIONS_FILE, line, "a title needs both 'ja' and 'en' texts")
    for lang in LANGUAGES:
        problem = plaintext.problem(value[lang])
        if problem:
            raise ContentError(SECTIONS_FILE, line, f"title.{lang} {problem}; {plaintext.HINT}")
    return {lang: value[lang] for lang in LANGUAGES}


def document_sections(corpus: Corpus, sections: list[Section], language: str
                      ) -> list[NavEntry]:
    """The sections of the navigation that list the documents, in the pass's language."""
    by_folder: dict[str, dict[str, list[PageRecord]]] = {s.folder: {} for s in sections}
    for page in corpus.pages.values():
        if page.language != language or not page.document:
            continue
        folder = page.document.split("/", 1)[0]
        if folder not in by_folder:
            raise ContentError(page.display, page.meta_lines.get("document"),
                               f"no section in {SECTIONS_FILE} for the folder '{folder}' of "
                               f"document '{page.document}'",
                               f"add '- folder: {folder}' with its title in both languages")
        by_folder[folder].setdefault(page.document, []).append(page)
    out = []
    for section in sections:
        documents = sorted(by_folder[section.folder].items(),
                           key=lambda item: (_date(item[1]), item[0]))
        entries = [_document_entry(doc, pages, section, language) for doc, pages in documents]
        if entries:
            out.append({section.title[language]: entries})
    return out


def _date(pages: list[PageRecord]) -> dt.date:
    value = pages[0].meta.get("date")
    return value if isinstance(value, dt.date) else dt.date.max


def _document_entry(document: str, pages: list[PageRecord], section: Section,
                    language: str) -> NavEntry:
    if len(pages) == 1 and pages[0].rel == f"{document}.md":
        return pages[0].rel
    ordered = sorted(pages, key=lambda p: (p.rel != f"{document}/index.md", _part(p.rel)))
    title = section.documents.get(document, {}).get(language) or ordered[0].title
    return {title: [p.rel for p in ordered]}


def _part(rel: str) -> tuple[int, str]:
    match = re.search(r"part-(\d+)\.md$", rel)
    return (int(match.group(1)) if match else 0, rel)


def with_documents(nav: list[NavEntry], documents: list[NavEntry],
                   folders: set[str]) -> list[NavEntry]:
    """``nav`` with the document sections after its first entry (the home page); sections a
    pass added before are taken out first, so every language pass starts from the same."""
    kept = [entry for entry in nav if not _is_documents(entry, folders)]
    return kept[:1] + documents + kept[1:]


def _is_documents(entry: NavEntry, folders: set[str]) -> bool:
    paths = list(_paths(entry))
    return bool(paths) and all(p.split("/", 1)[0] in folders for p in paths)


def _paths(entry: NavEntry):
    if isinstance(entry, str):
        yield entry
    elif isinstance(entry, dict):
        for value in entry.values():
            yield from _paths(value)
    elif isinstance(entry, list):
        for item in entry:
            yield from _paths(item)
