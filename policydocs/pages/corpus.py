"""One scan of every page of both languages, shared by everything computed at build time
(``sitebuild`` scans once per state of the inputs, however many passes ask)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import ContentError
from ..core.languages import LANGUAGES, other
from . import bounds, pagefile, passages, reader, units



@dataclass
class PageRecord:
    rel: str  # path inside the language folder, e.g. "partnerships/x.md"
    language: str
    display: str  # path to show in messages, e.g. "docs/ja/partnerships/x.md"
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    units: list[units.UnitRef]
    body: str = ""
    body_line: int = 1
    withheld: bool = False  # past the limits of ``bounds``: rendered as a notice, not parsed

    @functools.cached_property
    def ids(self) -> dict[str, units.UnitRef]:
        """Unit id -> unit. Built once: the exports, the stale-unit check and the link checks
        look units up one by one (a page's units never change after the scan)."""
        return {u.id: u for u in self.units}

    @functools.cached_property
    def reading(self) -> reader.Reading:
        """Its body read once for the checks, the exports and the glossary."""
        return reader.read(self.body, self.body_line)

    @functools.cached_property
    def passage_names(self) -> dict[str, str]:
        """Unit id -> how a reader names the passage, in the page's language (``passages``):
        made once, for the glossary, the pillar indexes, the views, the exports and the
        cite tool alike."""
        return passages.names(self, self.language)

    @property
    def translation(self) -> str | None:
        return self.meta.get("translation")

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.rel)

    @property
    def document(self) -> str | None:
        return self.meta.get("document")

    @property
    def is_first_page(self) -> bool:
        """The page a document opens on: ``<document>.md`` or ``<document>/index.md``."""
        return self.rel in (f"{self.document}.md", f"{self.document}/index.md")


@dataclass
class Corpus:
    docs_dir: Path
    pages: dict[tuple[str, str], PageRecord] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    unreadable: list[ContentError] = field(default_factory=list)  # not UTF-8, broken YAML

    def page(self, language: str, rel: str) -> PageRecord | None:
        return self.pages.get((language, rel))

    def counterpart(self, page: PageRecord) -> PageRecord | None:
        return self.pages.get((other(page.language), page.rel))

    def rels(self) -> list[str]:
        return sorted({rel for _, rel in self.pages})

    def documents(self) -> dict[str, dict[str, list[PageRecord]]]:
        """Document path -> language -> its pages, its first page (``<document>.md`` or
        ``<document>/index.md``) first, in path order."""
        out: dict[str, dict[str, list[PageRecord]]] = {}
        for page in self.pages.values():
            if isinstance(page.document, str):
                out.setdefault(page.document, {}).setdefault(page.language, []).append(page)
        for languages in out.values():
            for pages in languages.values():
                pages.sort(key=lambda p: (not p.is_first_page, p.rel))
        return dict(sorted(out.items()))

    def document_titles(self) -> dict[tuple[str, str], str]:
        """(language, document path) -> the title of the document's first page."""
        return {(lang, document): pages[0].title
                for document, languages in self.documents().items()
                for lang, pages in languages.items()}


def markdown_files(docs_dir: Path, languages: tuple[str, ...]) -> list[tuple[str, Path]]:
    out = []
    for lang in languages:
        root = docs_dir / lang
        out += [(lang, p) for p in sorted(root.rglob("*.md"))] if root.is_dir() else []
    return out


def scan(docs_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> Corpus:
    corpus = Corpus(docs_dir)
    for lang, path in markdown_files(docs_dir, languages):
        rel = path.relative_to(docs_dir / lang).as_posix()
        display = f"{docs_dir.name}/{lang}/{rel}"
        try:
            text = pagefile.read(path, display)
        except ContentError as exc:
            corpus.unreadable.append(exc)
            continue
        limits = bounds.problems(text.body, text.body_line, display)
        found, problems = units.scan(text.body, text.body_line, display)
        corpus.problems += text.problems + limits + problems
        corpus.pages[(lang, rel)] = PageRecord(rel, lang, display, text.meta, text.meta_lines,
                                               found, text.body, text.body_line, bool(limits))
    return corpus
