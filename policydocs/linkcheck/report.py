"""Reporting link-check results: a readable table, JSON, GitHub Actions annotations."""
from __future__ import annotations

import json
from collections import Counter

from .collect import Place
from .config import OUTCOMES
from .results import Result

ANNOTATION = {"broken": "error", "timeout": "warning", "rate-limited": "warning",
              "transient": "warning", "redirected": "notice", "unchecked": "warning"}


def summary(results: dict[str, Result]) -> str:
    counts = Counter(r.outcome for r in results.values())
    parts = [f"{counts[o]} {o}" for o in OUTCOMES if counts[o]]
    line = f"{len(results)} URLs: " + ", ".join(parts) if parts else "no URLs"
    unchecked = [r for r in results.values() if r.outcome == "unchecked"]
    if unchecked and len(unchecked) == len([r for r in results.values()
                                            if r.outcome != "excluded"]):
        line += "\nno URL could be reached: the network looks unavailable, so nothing was checked"
    return line


def table(results: dict[str, Result], places: dict[str, list[Place]], verbose: bool) -> str:
    rows = []
    for url, result in results.items():
        if result.outcome in ("ok", "excluded") and not verbose:
            continue
        where = ", ".join(f"{p.file}:{p.line}" for p in places.get(url, []))
        cached = " (cached)" if result.cached else ""
        rows.append(f"{result.outcome:<12} {url}\n{'':<12} {result.detail}{cached}"
                    + (f"\n{'':<12} used at {where}" if where else ""))
    return "\n".join(rows + [summary(results)])


def as_json(results: dict[str, Result], places: dict[str, list[Place]]) -> str:
    return json.dumps([{"url": url, **r.to_dict(), "cached": r.cached,
                        "places": [{"file": p.file, "line": p.line} for p in places.get(url, [])]}
                       for url, r in results.items()], ensure_ascii=False, indent=2)


def github(results: dict[str, Result], places: dict[str, list[Place]]) -> str:
    lines = []
    for url, result in results.items():
        level = ANNOTATION.get(result.outcome)
        if level is None:
            continue
        message = f"{result.outcome}: {url} {result.detail}".strip().replace("\n", " ")
        for place in places.get(url, []):
            lines.append(f"::{level} file={place.file},line={place.line}::{message}")
    return "\n".join(lines + [summary(results).replace("\n", " — ")])


def exit_code(results: dict[str, Result], fail_on: list[str]) -> int:
    return 1 if any(r.outcome in fail_on for r in results.values()) else 0
