"""The bilingual concordance's index: every aligned unit pair, searchable from either language.

Each pair becomes one record: the unit in both languages, the addresses of both units, the
document's titles and date and the English text's state. The records and an index of their
bigrams in each language are written to ``concordance/data/`` by
``policydocs.search.ngramindex`` (which says why it is not Pagefind), in a process of its
own that runs while MkDocs renders the site; the concordance page's script searches them.
"""
from __future__ import annotations

import dataclasses
import json
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
from . import concordancefilters

OUTPUT = "concordance/data"
LANGUAGES = ("ja", "en")
TIMEOUT = 600  # seconds; the indexer takes seconds for tens of thousands of records


@dataclass(frozen=True)
class Record:
    """One aligned pair, as the index holds it."""

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


def stage(items: list[Record], folder: Path) -> Path:
    """The records as the indexer reads them: one JSON file."""
    path = folder / "records.json"
    path.write_text(json.dumps([dataclasses.asdict(r) for r in items], ensure_ascii=False),
                    encoding="utf-8")
    return path


@dataclass
class Outcome:
    ok: bool
    log: str


def indexer_command(records: Path, output: Path) -> list[str]:
    """The indexer over the staged records, in a process of its own (the build's second
    core is idle while MkDocs renders)."""
    return [sys.executable, "-m", "policydocs.search.ngramindex", str(records), str(output)]


class ConcordanceIndex:
    """The index, built in the background from the moment the records are known (the
    first language pass), and copied into the site when its last pass is written: again by
    every rebuild of ``mkdocs serve`` while the records stay the same. The staged records
    and the index live in a temporary folder as long as this object."""

    def __init__(self, items: list[Record]) -> None:
        self.records = len(items)
        self._folder = tempfile.TemporaryDirectory(prefix="concordance-")
        self._root = Path(self._folder.name)
        # The filters' files, copied beside the index; their sections are what the page lists.
        self.sections = concordancefilters.write(items, self._root / "filters")
        self._job: subprocess.Popen | None = None
        self._outcome: Outcome | None = None
        try:
            self._job = subprocess.Popen(
                indexer_command(stage(items, self._root), self._root / "out"),
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                cwd=Path(__file__).resolve().parents[2])  # where the package is importable
        except OSError as exc:
            self._outcome = Outcome(False, f"could not run the concordance indexer: {exc}")

    def wait(self) -> Outcome:
        """The index written, or why not (asked once; later calls give the same)."""
        if self._outcome is None:
            self._outcome = self._finish()
        return self._outcome

    def _finish(self) -> Outcome:
        job = self._job
        assert job is not None  # else the outcome was set when it could not start
        try:
            log, _ = job.communicate(timeout=TIMEOUT)
            if job.returncode != 0 or not (self._root / "out" / "index.json").exists():
                reason = log.strip().splitlines()[-1] if log.strip() else "no output"
                return Outcome(False, f"the concordance index failed "
                                      f"(exit {job.returncode}): {reason}")
        except subprocess.TimeoutExpired:
            self.close()
            return Outcome(False, f"the concordance index took over {TIMEOUT} s: stopped")
        return Outcome(True, f"concordance: {self.records} unit pairs indexed")

    def copy_to(self, site_dir: Path) -> Outcome:
        """Wait for the index and copy it to ``site_dir/concordance/data/``."""
        outcome = self.wait()
        if not outcome.ok:
            return outcome
        try:
            target = site_dir / OUTPUT
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(self._root / "out", target)
            shutil.copytree(self._root / "filters", target, dirs_exist_ok=True)
        except OSError as exc:
            return Outcome(False, f"could not copy the concordance index: {exc}")
        return outcome

    def close(self) -> None:
        """Stop what still runs (a build that failed half-way); twice is harmless."""
        if self._job is not None and self._job.poll() is None:
            self._job.kill()
            self._job.communicate()


def term_forms(terms: TermBase) -> list[dict[str, list[str]]]:
    """Each term's forms in each language (preferred first, then allowed variants), for the
    page to mark a term's counterpart in the other column."""
    return [{"ja": [term.ja, *term.ja_variants], "en": [term.en, *term.en_variants]}
            for term in terms.terms.values()]
