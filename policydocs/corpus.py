"""One scan of every page of both languages, shared by everything computed at build time.

mkdocs-static-i18n runs a whole MkDocs build once per language, so a build asks for the
corpus once per language pass. ``CorpusCache`` scans again only when a page changed (its
size or modification time), so the passes of one build share one scan, and an edit under
``mkdocs serve`` is always seen by the next rebuild.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import bounds, pagefile, units
from .errors import ContentError

LANGUAGES = ("ja", "en")


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

    @property
    def translation(self) -> str | None:
        return self.meta.get("translation")

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.rel)

    @property
    def document(self) -> str | None:
        return self.meta.get("document")


@dataclass
class Corpus:
    docs_dir: Path
    pages: dict[tuple[str, str], PageRecord] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    unreadable: list[ContentError] = field(default_factory=list)  # not UTF-8, broken YAML
    _derived: dict[str, Any] = field(default_factory=dict)

    def page(self, language: str, rel: str) -> PageRecord | None:
        return self.pages.get((language, rel))

    def counterpart(self, page: PageRecord) -> PageRecord | None:
        other = "en" if page.language == "ja" else "ja"
        return self.pages.get((other, page.rel))

    def rels(self) -> list[str]:
        return sorted({rel for _, rel in self.pages})

    def derived(self, key: str, compute: Callable[["Corpus"], Any]) -> Any:
        """A value computed from this corpus once, then reused (e.g. parity, glossary)."""
        if key not in self._derived:
            self._derived[key] = compute(self)
        return self._derived[key]


def _markdown_files(docs_dir: Path, languages: tuple[str, ...]) -> list[tuple[str, Path]]:
    out = []
    for lang in languages:
        root = docs_dir / lang
        out += [(lang, p) for p in sorted(root.rglob("*.md"))] if root.is_dir() else []
    return out


def scan(docs_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> Corpus:
    corpus = Corpus(docs_dir)
    for lang, path in _markdown_files(docs_dir, languages):
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


class CorpusCache:
    """Scans once per build: again only when a page under docs/ changed."""

    def __init__(self) -> None:
        self.signature: tuple | None = None
        self.corpus: Corpus | None = None
        self.scans = 0  # how many real scans were made (the benchmark prints it)

    @staticmethod
    def _signature(docs_dir: Path, languages: tuple[str, ...], extra: tuple[Path, ...]) -> tuple:
        stats = []
        for path in [p for _, p in _markdown_files(docs_dir, languages)] + list(extra):
            st = path.stat()
            stats.append((str(path), st.st_mtime_ns, st.st_size))
        return tuple(stats)

    def get(self, docs_dir: Path, languages: tuple[str, ...] = LANGUAGES,
            extra: tuple[Path, ...] = ()) -> Corpus:
        """The corpus, scanned again only if a page (or one of the ``extra`` data files
        that derived values depend on) changed since the last scan."""
        signature = self._signature(docs_dir, languages, extra)
        if self.corpus is None or signature != self.signature:
            self.corpus = scan(docs_dir, languages)
            self.signature = signature
            self.scans += 1
        return self.corpus
