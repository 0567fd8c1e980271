"""Keeping translations honest: which aligned units changed on one side since the pair was
last confirmed as matching.

The lock file (``data/translation.lock.json``, committed) holds, for every aligned unit, a
hash of each language's text when the pair was confirmed. It is written one unit per line,
sorted, so a pull request shows exactly which units were re-confirmed.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError
from ..pages import inline
from ..pages.units import UnitRef
from .parity import ParityResult

LOCK = Path("data") / "translation.lock.json"


def plain_text(unit: UnitRef) -> str:
    """A unit's text as a reader sees it: no Markdown, no footnote markers."""
    return inline.plain(unit.text)


def text_hash(unit: UnitRef) -> str:
    normal = unicodedata.normalize("NFKC", plain_text(unit))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


Lock = dict[str, dict[str, dict[str, str]]]  # page -> unit id -> language -> hash


def read(path: Path) -> Lock:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ContentError(path, getattr(exc, "lineno", None), f"not valid JSON: {exc}",
                           "restore it from git, then confirm units again") from None
    return data.get("units", {})


def write(path: Path, lock: Lock) -> None:
    """Sorted, one unit per line: a re-confirmed unit is a one-line diff."""
    lines = ["{", '  "units": {']
    pages = sorted(p for p in lock if lock[p])
    for i, page in enumerate(pages):
        lines.append(f"    {json.dumps(page)}: {{")
        units = sorted(lock[page])
        for j, unit in enumerate(units):
            entry = json.dumps(dict(sorted(lock[page][unit].items())), separators=(", ", ": "))
            lines.append(f"      {json.dumps(unit)}: {entry}{',' if j < len(units) - 1 else ''}")
        lines.append("    }" + ("," if i < len(pages) - 1 else ""))
    lines += ["  }", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Stale:
    rel: str
    unit_id: str
    changed: tuple[str, ...]  # languages whose text changed since the confirmation
    display: str  # page of the changed side, for file:line
    line: int

    def message(self) -> str:
        langs = " and ".join(self.changed)
        other = "English" if self.changed == ("ja",) else "Japanese" if self.changed == ("en",) \
            else "translation"
        return (f"{self.display}:{self.line}: unit '{self.unit_id}' changed in {langs} since its "
                f"{other} was confirmed; check the other language, then run "
                f"scripts/confirm_units.py {self.rel}#{self.unit_id}")


def current(parity: ParityResult) -> Lock:
    """The hashes of every aligned unit as the pages are now."""
    lock: Lock = {}
    for rel, pair in parity.pairs.items():
        if not pair.comparable:
            continue
        ids = {lang: pair.pages[lang].ids for lang in ("ja", "en")}
        lock[rel] = {unit: {lang: text_hash(ids[lang][unit]) for lang in ("ja", "en")}
                     for unit in pair.aligned}
    return lock


def stale(parity: ParityResult, lock: Lock) -> list[Stale]:
    """Aligned units whose text differs from the confirmed hashes (units never confirmed
    are not stale: ``confirm`` records them)."""
    found = []
    now = current(parity)
    for rel, units in now.items():
        pair = parity.pairs[rel]
        for unit_id, hashes in units.items():
            confirmed = lock.get(rel, {}).get(unit_id)
            if not confirmed:
                continue
            changed = tuple(l for l in ("ja", "en") if confirmed.get(l) != hashes[l])
            if changed:
                page = pair.pages[changed[0]]
                found.append(Stale(rel, unit_id, changed, page.display, page.ids[unit_id].line))
    return found


def confirm(parity: ParityResult, lock: Lock, scope: str | None) -> tuple[Lock, list[str]]:
    """Record the current hashes for one unit (``page.md#p-7``), one page (``page.md``) or
    every aligned unit (``None``). Returns the new lock and the units it changed."""
    now = current(parity)
    page, _, unit = (scope or "").partition("#")
    if page and page not in now:
        raise ContentError(page, None, "no aligned page with this path",
                           f"pages: {', '.join(sorted(now))}")
    if unit and unit not in now[page]:
        raise ContentError(page, None, f"no aligned unit '{unit}' on this page")
    updated = {p: dict(units) for p, units in lock.items()}
    changed = []
    for rel, units in now.items():
        if page and rel != page:
            continue
        for unit_id, hashes in units.items():
            if unit and unit_id != unit:
                continue
            if updated.get(rel, {}).get(unit_id) != hashes:
                updated.setdefault(rel, {})[unit_id] = hashes
                changed.append(f"{rel}#{unit_id}")
    return updated, changed


def stale_ids(stale_units: list[Stale]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in stale_units:
        out.setdefault(s.rel, set()).add(s.unit_id)
    return out


def lock_path(project: Path) -> Path:
    return project / LOCK
