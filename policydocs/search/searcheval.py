"""Scoring search results against the query set (tests/search_queries.yml).

- recall: the share of a query's expected pages found among its results;
- top-k precision: the share of the first k results that are expected pages, where
  k = min(3, number of expected pages), so a query with one right answer asks for it first;
- passage hit: the first result links to one of the listed unit anchors.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml


@dataclass
class Query:
    language: str
    text: str
    pages: list[str]
    passages: list[str]


@dataclass
class Score:
    query: Query
    results: list[str]  # result URLs (paths, with #anchors), best first
    recall: float
    precision: float
    passage_hit: bool | None  # None when the query lists no passage


def load(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, entry["q"], entry["pages"], entry.get("passages", []))
            for lang in ("ja", "en") for entry in data.get(lang, [])]


def page_key(url: str, language: str) -> str:
    path = urlsplit(url).path.strip("/")
    if language != "ja" and path.startswith(f"{language}/"):
        path = path[len(language) + 1:]
    return path


def score(query: Query, results: list[str]) -> Score:
    pages = [page_key(u, query.language) for u in results]
    unique = list(dict.fromkeys(pages))
    expected = set(query.pages)
    recall = len(expected & set(unique)) / len(expected)
    k = min(3, len(expected))
    precision = sum(p in expected for p in unique[:k]) / k
    hit = None
    if query.passages:
        hit = bool(results) and urlsplit(results[0]).fragment in query.passages
    return Score(query, results, recall, precision, hit)


def summary(scores: list[Score], language: str) -> dict[str, float]:
    chosen = [s for s in scores if s.query.language == language]
    passages = [s for s in chosen if s.passage_hit is not None]
    return {
        "queries": len(chosen),
        "recall": sum(s.recall for s in chosen) / len(chosen),
        "precision": sum(s.precision for s in chosen) / len(chosen),
        "passages": sum(bool(s.passage_hit) for s in passages) / len(passages) if passages else 1.0,
    }
