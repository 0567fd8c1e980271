"""The concordance's filters, as spans of the collection's order (a document's records are
consecutive, with one translation state).

The page lists only the sections (the top folders of the documents, as the navigation files
them), so it stays small however many documents there are; choosing a section loads the
list of its documents, and choosing a translation state loads the runs of records in that
state. Both are small files beside the index, under ``concordance/data/``:

- ``sections/<k>.json``: the documents of the k-th section in the collection's order, each
  ``[document, Japanese title, English title, first record, last record, translation]``;
- ``translations.json``: for each translation state, the runs ``[first, last]`` of records
  in that state.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class Item(Protocol):  # what a ``concordance.Record`` gives the filters
    order: int
    document: str
    translation: str
    title: dict[str, str]


@dataclass(frozen=True)
class DocumentSpan:
    """A document's records: consecutive, from ``first`` to ``last`` in the order."""

    first: int
    last: int
    translation: str


@dataclass(frozen=True)
class Section:
    """A top folder and its documents, in the collection's order; ``index`` names its file."""

    index: int
    folder: str
    documents: tuple[str, ...]


def document_spans(items: Iterable[Item]) -> dict[str, DocumentSpan]:
    spans: dict[str, DocumentSpan] = {}
    for r in items:
        first = spans[r.document].first if r.document in spans else r.order
        spans[r.document] = DocumentSpan(first, r.order, r.translation)
    return spans


def folder_of(document: str) -> str:
    """The section a document is filed under: its top folder (as the navigation does)."""
    return document.split("/", 1)[0]


def sections(spans: dict[str, DocumentSpan]) -> list[Section]:
    """The sections in order of their first record, each with its documents in order."""
    by_folder: dict[str, list[str]] = {}
    for document in sorted(spans, key=lambda d: spans[d].first):
        by_folder.setdefault(folder_of(document), []).append(document)
    return [Section(k, folder, tuple(documents))
            for k, (folder, documents) in enumerate(by_folder.items())]


def translation_runs(spans: dict[str, DocumentSpan]) -> dict[str, list[list[int]]]:
    """For each state, its runs of records; neighbouring documents in one state are one run."""
    runs: dict[str, list[list[int]]] = {}
    for span in sorted(spans.values(), key=lambda s: s.first):
        own = runs.setdefault(span.translation, [])
        if own and own[-1][1] + 1 == span.first:
            own[-1][1] = span.last
        else:
            own.append([span.first, span.last])
    return runs


def write(items: list[Item], folder: Path) -> list[Section]:
    """The section files and the translation runs of ``items`` (in order) into ``folder``;
    returns the sections, as the page lists them."""
    spans = document_spans(items)
    titles = {r.document: r.title for r in items}
    found = sections(spans)
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    for section in found:
        rows = [[d, titles[d].get("ja", d), titles[d].get("en", d), spans[d].first,
                 spans[d].last, spans[d].translation] for d in section.documents]
        _dump(folder / "sections" / f"{section.index}.json", rows)
    _dump(folder / "translations.json", translation_runs(spans))
    return found


def _dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
