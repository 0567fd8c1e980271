"""Scoring the concordance against its query set (tests/concordance_queries.yml).

A query must return every aligned pair whose text in the query's language holds it, by the
rule the page states and the term base uses (``policydocs.terms.matching``): Japanese as a
substring, width and spaces ignored; English as whole words, case ignored, a hyphen or space
between words optional, a plural allowed. The set lists those pairs (``page.md#unit``);
``expected`` finds them again on the current texts, so a test notices when an edit changes
what a query must return.

- recall: the share of a query's expected pairs that the page showed;
- precision: the share of the pairs it showed that are expected.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..site.tmexport import AlignedPair
from ..terms import matching


@dataclass(frozen=True)
class Query:
    language: str  # the language of the text it is looked up in (ja: it holds Japanese)
    text: str
    pairs: tuple[str, ...]  # page.md#unit


@dataclass(frozen=True)
class Score:
    query: Query
    shown: tuple[str, ...]
    recall: float
    precision: float


def load(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, str(entry["q"]), tuple(entry["pairs"]))
            for lang in ("ja", "en") for entry in data.get(lang) or []]


def key(pair: AlignedPair) -> str:
    return f"{pair.page}#{pair.unit}"


def holds(text: str, query: str, language: str) -> bool:
    """Whether ``text`` (in ``language``) holds ``query``, by the concordance's rule."""
    if language == "ja":
        return bool(matching.japanese_spans(text, query))
    return bool(matching.english_spans(text, query))


def expected(query: str, language: str, aligned: list[AlignedPair]) -> list[str]:
    """The pairs a query must return, in the collection's order."""
    return [key(p) for p in aligned if holds(p.ja if language == "ja" else p.en, query, language)]


def score(query: Query, shown: list[str]) -> Score:
    wanted, got = set(query.pairs), set(shown)
    recall = len(wanted & got) / len(wanted) if wanted else float(not got)
    precision = len(wanted & got) / len(got) if got else float(not wanted)
    return Score(query, tuple(shown), recall, precision)


def summary(scores: list[Score], language: str) -> dict[str, float]:
    chosen = [s for s in scores if s.query.language == language]
    if not chosen:
        return {"queries": 0, "recall": 0.0, "precision": 0.0}
    return {"queries": len(chosen),
            "recall": sum(s.recall for s in chosen) / len(chosen),
            "precision": sum(s.precision for s in chosen) / len(chosen)}
