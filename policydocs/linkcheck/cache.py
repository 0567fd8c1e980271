"""Answers kept between runs, each valid for a maximum age. Only lasting answers are kept
(ok, redirected, broken such as 404 or 410): a timeout, a rate limit, a dropped
connection, a 502-504, an unreachable network or an excluded address says nothing lasting
about the link."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from .results import Result

CACHEABLE = {"ok", "redirected", "broken"}


class Cache:
    def __init__(self, path: Path | None, max_age: float) -> None:
        self.path = path
        self.max_age = max_age
        self.entries: dict[str, dict] = {}
        if path is not None and path.exists():
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8")).get("results", {})
            except (ValueError, AttributeError):
                self.entries = {}  # a damaged cache is only a slower run

    def get(self, url: str, now: float | None = None) -> Result | None:
        entry = self.entries.get(url)
        now = time.time() if now is None else now
        if not entry or now - entry.get("checked_at", 0) > self.max_age:
            return None
        return Result.from_dict(url, entry, cached=True)

    def put(self, result: Result) -> None:
        if result.outcome in CACHEABLE:
            self.entries[result.url] = result.to_dict()

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".linkcheck.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"version": 1, "results": dict(sorted(self.entries.items()))}, handle,
                      indent=1, ensure_ascii=False)
        os.replace(tmp, self.path)
