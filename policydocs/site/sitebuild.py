"""The site's derived data, computed once per state of its inputs.

A build asks for the corpus, the parity of the two languages, the stale units, the pillars,
the glossary, the checks and the exports from several hooks, and once per language pass
(mkdocs-static-i18n runs the whole build once per language). ``SiteBuild`` computes each
of them once, when first asked. ``Builds`` hands out the same ``SiteBuild`` as long as no
input changed; its key lists every file any of them reads (the pages, ``data/*.yml`` and
the translation lock), so an edit to any of them under ``mkdocs serve`` is seen by the
next rebuild. Nothing here knows MkDocs: the hooks adapt it.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError
from ..pages import corpus
from ..pages.corpus import Corpus
from ..pages.frontmatter import Theme
from ..search import concordance
from ..terms import consistency, tbx, termbase
from ..validation import checks
from . import feeds, glossary, navigation, opendata, parity, pillars, tmexport, translock

PILLARS = Path("data") / "pillars.yml"
GLOSSARY = Path("data") / "glossary.yml"
SECTIONS = Path("data") / "sections.yml"
TERMS = termbase.PATH


@dataclass(frozen=True)
class Inputs:
    """Where a build reads from: the project, its docs folder and the languages built."""

    project: Path
    docs_dir: Path
    languages: tuple[str, ...] = corpus.LANGUAGES

    def files(self) -> list[Path]:
        """Every file the derived data reads."""
        pages = [path for _, path in corpus.markdown_files(self.docs_dir, self.languages)]
        return pages + self.data_files()

    def data_files(self) -> list[Path]:
        """The inputs that are not pages: the data files and the translation lock."""
        return sorted((self.project / "data").glob("*.yml")) + [translock.lock_path(self.project)]

    def key(self) -> tuple:
        """What changes when any input changes: each file's size and modification time
        (a file that is missing, such as a lock not yet written, counts as such)."""
        return tuple(stamp(path) for path in self.files())


def stamp(path: Path) -> tuple[str, int, int] | tuple[str, None, None]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return str(path), None, None
    return str(path), st.st_mtime_ns, st.st_size


class SiteBuild:
    """The derived data of one state of the inputs, each value computed when first asked."""

    def __init__(self, inputs: Inputs) -> None:
        self.inputs = inputs
        self._checks: dict[tuple, list[ContentError]] = {}
        self._titles: dict[str, tuple[tuple[str, str], ...]] = {}
        self._open_data: dict[opendata.Addresses, opendata.StagedDocuments] = {}
        self._feeds: dict[tuple[str, str, opendata.Addresses], str] = {}
        self._tbx: dict[tuple[opendata.Addresses, str], bytes] = {}
        self._concordance: dict[str, concordance.ConcordanceIndex] = {}

    @functools.cached_property
    def corpus(self) -> Corpus:
        return corpus.scan(self.inputs.docs_dir, self.inputs.languages)

    @functools.cached_property
    def parity(self) -> parity.ParityResult:
        return parity.compare(self.corpus)

    @functools.cached_property
    def stale(self) -> list[translock.Stale]:
        return translock.stale(self.parity, translock.read(translock.lock_path(
            self.inputs.project)))

    @functools.cached_property
    def stale_ids(self) -> dict[str, frozenset[str]]:
        return {rel: frozenset(ids) for rel, ids in translock.stale_ids(self.stale).items()}

    @functools.cached_property
    def pillars(self) -> pillars.PillarIndex:
        registry = pillars.load_registry(self.inputs.project / PILLARS, PILLARS.as_posix())
        return pillars.collect(self.corpus, registry)

    @functools.cached_property
    def glossary(self) -> glossary.Glossary:
        curated = glossary.load_curated(self.inputs.project / GLOSSARY, GLOSSARY.as_posix())
        return glossary.build(self.corpus, curated)

    @functools.cached_property
    def sections(self) -> list[navigation.Section]:
        return navigation.load_sections(self.inputs.project / SECTIONS)

    def document_nav(self, language: str) -> list[navigation.NavEntry]:
        """The documents' sections of the navigation, in ``language``."""
        return navigation.document_sections(self.corpus, self.sections, language)

    def glossary_titles(self, language: str) -> tuple[tuple[str, str], ...]:
        """(acronym, expansion) for the tooltips of every page of ``language``."""
        if language not in self._titles:
            self._titles[language] = tuple(
                (t.acronym, t.title(language)) for t in self.glossary.terms.values()
                if t.title(language))
        return self._titles[language]

    @functools.cached_property
    def document_titles(self) -> dict[tuple[str, str], str]:
        """(language, document path) -> the title of the document's first page."""
        return self.corpus.document_titles()

    @functools.cached_property
    def exports(self) -> tmexport.StagedExports:
        """Written once; every language pass copies the same files."""
        return tmexport.StagedExports(self.aligned)

    @functools.cached_property
    def aligned(self) -> list[tmexport.AlignedPair]:
        """Every unit aligned across the languages, as the exports and open data write it."""
        return tmexport.pairs(self.parity)

    @functools.cached_property
    def terms(self) -> termbase.TermBase:
        return termbase.load(self.inputs.project / TERMS, TERMS.as_posix())

    @functools.cached_property
    def term_sources(self) -> list[ContentError]:
        """Terms whose cited official unit does not use them."""
        return consistency.source_problems(self.terms, self.corpus)

    @functools.cached_property
    def term_report(self) -> consistency.Report:
        """How the unofficial translations render the terms of the base."""
        return consistency.check(self.terms, self.aligned)

    def term_findings(self) -> list[ContentError]:
        return [consistency.problem(f, self.corpus) for f in self.term_report.findings]

    def tbx(self, where: opendata.Addresses, title: str) -> bytes:
        """The term base as TBX, made once for both passes."""
        if (where, title) not in self._tbx:
            self._tbx[where, title] = tbx.to_tbx(self.terms, self.corpus, where.page, title)
        return self._tbx[where, title]

    def concordance(self, default: str) -> concordance.ConcordanceIndex:
        """The concordance's index, started when first asked and built in the background;
        every later pass and rebuild of the same inputs copies the same bundles."""
        if default not in self._concordance:
            self._concordance[default] = concordance.ConcordanceIndex(
                concordance.records(self.corpus, self.aligned, self.document_titles, default))
        return self._concordance[default]

    def open_data(self, where: opendata.Addresses) -> opendata.StagedDocuments:
        """The documents' JSON files, written once; every language pass copies them."""
        if where not in self._open_data:
            self._open_data[where] = opendata.StagedDocuments(
                opendata.documents(self.corpus, self.aligned, where))
        return self._open_data[where]

    def feed(self, language: str, site_name: str, where: opendata.Addresses) -> str:
        key = (language, site_name, where)
        if key not in self._feeds:
            self._feeds[key] = feeds.atom(self.corpus, language, site_name, where)
        return self._feeds[key]

    def checks(self, default: str, generated: Iterable[str], theme: Theme) -> list[ContentError]:
        """Every page's problems, given the URLs of the generated pages and the theme."""
        key = (default, frozenset(generated), theme)
        if key not in self._checks:
            self._checks[key] = checks.check(self.corpus, default, set(key[1]), theme)
        return self._checks[key]


class Builds:
    """The current ``SiteBuild``: the same object until an input changes."""

    def __init__(self) -> None:
        self.current: SiteBuild | None = None
        self._key: tuple | None = None
        self.made = 0  # how many were made, i.e. corpus scans (the build report prints it)

    def get(self, inputs: Inputs) -> SiteBuild:
        key = (inputs, inputs.key())
        if self.current is None or key != self._key:
            self.current, self._key = SiteBuild(inputs), key
            self.made += 1
        return self.current
