"""The bilingual concordance's index: every aligned unit pair, searchable from either language.

Each pair becomes one record in a Pagefind bundle of each language (``concordance/ja/``,
``concordance/en/``): the record's text is the unit in that language, and its metadata the
unit in the other language, the addresses of both units, the document's titles, date and
the English text's state. A query typed on the concordance page is run against both bundles
(English words occur in Japanese text too: ICANN, 5G), so a Latin-script query finds the
pairs whose either side holds it.

Why Pagefind and not an index of our own: it already splits an index into chunks the browser
loads only as a query needs them (what the site search relies on), its extended build
segments Japanese, and its filters and sort keys give the document and translation filters
and the document order for nothing. Why records as small staged HTML pages and not
``add_custom_record``: the Python client answers about ten requests a second, so one request
per record took 72 s for the site's 344 pairs; the command line indexes the staged pages of
both languages in under 3 s, and runs in its own processes while MkDocs renders the site.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.pageurls import page_url
from ..pages.corpus import Corpus
from ..site.tmexport import AlignedPair
from ..terms.termbase import TermBase

OUTPUT = "concordance"
LANGUAGES = ("ja", "en")
TIMEOUT = 600  # seconds; Pagefind takes seconds for thousands of records


@dataclass(frozen=True)
class Record:
    """One aligned pair, as both bundles index it."""

    order: int  # the pair's place in the collection: documents, then units, in order
    document: str
    page: str  # the page's path in each language's folder (a document may have several)
    unit: str
    translation: str  # of the English text: official, unofficial
    text: dict[str, str]  # language -> plain text of the unit
    url: dict[str, str]  # language -> site-relative address of the unit (page#unit)
    title: dict[str, str]  # language -> the document's title
    date: str


def records(corpus: Corpus, aligned: list[AlignedPair], titles: dict[tuple[str, str], str],
            default: str) -> list[Record]:
    """The records of every aligned pair (``aligned``: the build's pairs, in page order;
    ``titles``: (language, document) -> title, as ``Corpus.document_titles`` gives them)."""
    dates = {document: _date(languages) for document, languages in corpus.documents().items()}
    return [Record(
        order=i, document=pair.document, page=pair.page, unit=pair.unit, translation=pair.translation,
        text={"ja": pair.ja, "en": pair.en},
        url={lang: f"{page_url(pair.page, lang, default)}#{pair.unit}" for lang in LANGUAGES},
        title={lang: titles.get((lang, pair.document), pair.document) for lang in LANGUAGES},
        date=dates.get(pair.document, ""),
    ) for i, pair in enumerate(aligned)]


def _date(languages: dict) -> str:
    first = (languages.get("ja") or languages.get("en") or [None])[0]
    value = first.meta.get("date") if first is not None else None
    return value.isoformat() if hasattr(value, "isoformat") else ""


def record_html(record: Record, language: str) -> str:
    """The page Pagefind reads for one record in ``language``: the unit's text is the
    indexed body; everything else is metadata (Pagefind reads it outside the body too),
    filters (document, translation) and the sort key (the collection's order)."""
    other = "en" if language == "ja" else "ja"
    e = html.escape
    meta = {"other": record.text[other], "document": record.document,
            "page": record.page, "unit": record.unit,
            "ja_url": record.url["ja"], "en_url": record.url["en"],
            "title_ja": record.title["ja"], "title_en": record.title["en"],
            "date": record.date, "translation": record.translation,
            "order": str(record.order)}
    spans = "".join(f'<span data-pagefind-meta="{key}">{e(value)}</span>'
                    for key, value in meta.items() if value)
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
            f"<title>{e(record.title[language])}</title></head><body>"
            f"<p data-pagefind-body>{e(record.text[language])}</p>{spans}"
            f'<span data-pagefind-filter="document">{e(record.document)}</span>'
            f'<span data-pagefind-filter="translation">{e(record.translation)}</span>'
            f'<span data-pagefind-sort="order">{record.order:09d}</span></body></html>')


def stage(items: list[Record], folder: Path) -> dict[str, Path]:
    """The records as pages, one folder per language: language -> folder."""
    out = {}
    for lang in LANGUAGES:
        root = folder / "pages" / lang
        root.mkdir(parents=True)
        for record in items:
            (root / f"{record.order:09d}.html").write_text(record_html(record, lang),
                                                          encoding="utf-8")
        out[lang] = root
    return out


@dataclass
class Outcome:
    ok: bool
    log: str


def pagefind_command(pages: Path, output: Path) -> list[str]:
    """The binary that ``pagefind[extended]`` ships, over one language's staged pages."""
    return [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path",
            str(output), "--quiet"]


class ConcordanceIndex:
    """Both bundles, built in the background from the moment the records are known (the
    first language pass), and copied into the site when its last pass is written: again by
    every rebuild of ``mkdocs serve`` while the records stay the same. The staged pages and
    bundles live in a temporary folder as long as this object."""

    def __init__(self, items: list[Record]) -> None:
        self.records = len(items)
        self._folder = tempfile.TemporaryDirectory(prefix="concordance-")
        self._root = Path(self._folder.name)
        self._jobs: dict[str, subprocess.Popen] = {}
        self._outcome: Outcome | None = None
        try:
            for lang, pages in stage(items, self._root).items():
                self._jobs[lang] = subprocess.Popen(
                    pagefind_command(pages, self._root / "out" / lang),
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        except OSError as exc:
            self._outcome = Outcome(False, f"could not run Pagefind: {exc}")

    def wait(self) -> Outcome:
        """Both bundles written, or why not (asked once; later calls give the same)."""
        if self._outcome is None:
            self._outcome = self._finish()
        return self._outcome

    def _finish(self) -> Outcome:
        try:
            for lang, job in self._jobs.items():
                log, _ = job.communicate(timeout=TIMEOUT)
                if job.returncode != 0 or not (self._root / "out" / lang / "pagefind.js").exists():
                    reason = log.strip().splitlines()[-1] if log.strip() else "no output"
                    self.close()
                    return Outcome(False, f"the concordance index ({lang}) failed "
                                          f"(exit {job.returncode}): {reason}")
        except subprocess.TimeoutExpired:
            self.close()
            return Outcome(False, f"the concordance index took over {TIMEOUT} s: stopped")
        return Outcome(True, f"concordance: {self.records} unit pairs indexed")

    def copy_to(self, site_dir: Path) -> Outcome:
        """Wait for both bundles and copy them to ``site_dir/concordance/<language>/``."""
        outcome = self.wait()
        if not outcome.ok:
            return outcome
        try:
            for lang in LANGUAGES:
                target = site_dir / OUTPUT / lang
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(self._root / "out" / lang, target)
        except OSError as exc:
            return Outcome(False, f"could not copy the concordance index: {exc}")
        return outcome

    def close(self) -> None:
        """Stop what still runs (a build that failed half-way); twice is harmless."""
        for job in self._jobs.values():
            if job.poll() is None:
                job.kill()
                job.communicate()


def term_forms(terms: TermBase) -> list[dict[str, list[str]]]:
    """Each term's forms in each language (preferred first, then allowed variants), for the
    page to mark a term's counterpart in the other column."""
    return [{"ja": [term.ja, *term.ja_variants], "en": [term.en, *term.en_variants]}
            for term in terms.terms.values()]
