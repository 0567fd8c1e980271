"""Importing a received text: raw file -> repaired, structured Markdown page(s).

Conversion is pure (``convert``); writing (``write``) checks everything first and then
replaces files atomically, so a failed run leaves nothing half-written. A lock file records
what the importer wrote, so a page edited by hand is never overwritten without ``force``.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..core import atomicwrite
from ..core import characters
from ..core.errors import ContentError
from .manifest import Manifest, Source
from .model import Document
from .rawtext import Dropped, Rule
from .sourceurls import find_urls
from . import footnotes, rawtext, structure, writer

LOCK_NAME = "import.lock.json"


@dataclass
class ImportResult:
    source: Source
    pages: list[writer.Page]
    dropped: list[Dropped]
    warnings: list[tuple[int, str]] = field(default_factory=list)
    document: Document | None = None
    unpaired: list[str] = field(default_factory=list)  # ids the other version does not share
    lines: list[rawtext.Line] = field(default_factory=list)  # the text the model was read from


@dataclass
class Parsed:
    """A received text read into its document model, before its pages are written."""

    source: Source
    document: Document
    notes: list[footnotes.Note]
    dropped: list[Dropped]
    warnings: list[tuple[int, str]]
    lines: list[rawtext.Line]  # the text without its furniture and footnotes


def parse(source: Source, rules: list[Rule]) -> Parsed:
    text = rawtext.read_text(source.file)
    characters.check(text, source.file, what="the source")  # never copied into a page
    lines, dropped = rawtext.strip_boilerplate(text, rules, source.url, source.drop)
    notes = footnotes.extract(lines)
    doc = structure.parse(notes.lines, title=source.title[source.language],
                          language=source.language, path=str(source.file),
                          options=source.options)
    return Parsed(source, doc, notes.notes, dropped, sorted(notes.warnings + doc.warnings),
                  notes.lines)


def render(parsed: Parsed, https_hosts: frozenset[str] = frozenset(),
           unpaired: list[str] | None = None) -> ImportResult:
    """The pages of one parsed source. Links to ``https_hosts`` are written with https even
    where the source wrote http (the sources cite those hosts over https)."""
    source = parsed.source
    pages = writer.document_pages(parsed.document, parsed.notes, source)
    if source.counterpart is None and not source.options.get("translated"):
        # No text in the other language: a page that says so. Once a translation exists
        # (import option "translated"), those pages belong to the translators.
        pages += writer.notice_pages(pages, source)
    pages = [writer.Page(p.path, upgrade_http(p.text, https_hosts)) for p in pages]
    return ImportResult(source, pages, parsed.dropped, parsed.warnings, parsed.document,
                        unpaired or [], parsed.lines)


def convert(source: Source, rules: list[Rule], https_hosts: frozenset[str] = frozenset()
            ) -> ImportResult:
    """Build the pages of one source in memory (on its own, not paired)."""
    return render(parse(source, rules), https_hosts)


def pair(one: Document, other: Document) -> tuple[list[str], list[str]]:
    """Mark the headings and units of each version whose id the other version lacks as
    existing in one language only; the ids of each side so marked."""
    ids = [{b.id for b in doc.blocks if b.id} for doc in (one, other)]
    marked: tuple[list[str], list[str]] = ([], [])
    for doc, others, out in ((one, ids[1], marked[0]), (other, ids[0], marked[1])):
        for block in doc.blocks:
            if block.id and block.id not in others:
                block.lang_only = True
                out.append(block.id)
    return marked


def upgrade_http(text: str, hosts: frozenset[str]) -> str:
    return re.sub(r"<http://([^/>\s]+)", lambda m: f"<https://{m.group(1)}"
                  if m.group(1).lower() in hosts else m.group(0), text)


def https_hosts(sources: list[Source], rules: list[Rule]) -> frozenset[str]:
    """Hosts that some source cites over https."""
    hosts = set()
    for source in sources:
        for url in find_urls(rawtext.read_text(source.file)):
            if url.startswith("https://"):
                hosts.add(urlsplit(url).hostname or "")
    return frozenset(h for h in hosts if h)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class WritePlan:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # changed by hand since the last import

    @property
    def changes(self) -> list[str]:
        return self.created + self.updated


def plan(results: list[ImportResult], docs_dir: Path, lock: dict[str, str]) -> WritePlan:
    out = WritePlan()
    for page in (p for r in results for p in r.pages):
        target = docs_dir / page.path
        if target.is_dir():
            raise ContentError(target, None, "a folder is where this page should be written",
                               "move or delete the folder, then run again")
        if not target.exists():
            out.created.append(page.path)
            continue
        current = target.read_text(encoding="utf-8")
        if current == page.text:
            out.unchanged.append(page.path)
        elif lock.get(page.path) != sha256(current):
            out.edited.append(page.path)
        else:
            out.updated.append(page.path)
    return out


def read_lock(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))["pages"]
    except (ValueError, KeyError, TypeError):
        raise ContentError(path, None, "import lock file is damaged",
                           "restore it from git (git checkout -- sources/import.lock.json)")


def write(results: list[ImportResult], docs_dir: Path, lock_path: Path,
          force: bool = False) -> WritePlan:
    """Write the pages and the lock, all or nothing: refuse (writing nothing) when a page was
    edited by hand, and replace no file until every one of them is written beside it."""
    lock = read_lock(lock_path)
    todo = plan(results, docs_dir, lock)
    if todo.edited and not force:
        raise ContentError(docs_dir / todo.edited[0], None,
                           f"{len(todo.edited)} page(s) were edited by hand since the last "
                           f"import ({', '.join(todo.edited)})",
                           "keep the edits, or re-run with --force to overwrite them")
    pages = {p.path: p for r in results for p in r.pages}
    lock.update({path: sha256(page.text) for path, page in pages.items()})
    body = json.dumps({"pages": dict(sorted(lock.items()))}, indent=2, ensure_ascii=False)
    files = [(docs_dir / path, pages[path].text) for path in todo.changes + todo.edited]
    atomicwrite.write_all(files + [(lock_path, body + "\n")])  # the lock last
    return todo


def convert_all(manifest: Manifest, ids: list[str], rules: list[Rule]) -> list[ImportResult]:
    """Convert the sources named (all when none); the two versions of a text are paired, so
    what one of them does not share with the other is marked and listed."""
    chosen = [manifest.get(i) for i in ids] if ids else list(manifest.sources.values())
    hosts = https_hosts(list(manifest.sources.values()), rules)
    wanted = {s.id for s in chosen} | {s.counterpart for s in chosen if s.counterpart}
    parsed = {s.id: parse(s, rules) for s in manifest.sources.values() if s.id in wanted}
    unpaired: dict[str, list[str]] = {}
    for source in chosen:
        other = source.counterpart
        if other in parsed and source.id not in unpaired:
            unpaired[source.id], unpaired[other] = pair(parsed[source.id].document,
                                                        parsed[other].document)
    return [render(parsed[s.id], hosts, unpaired.get(s.id)) for s in chosen]
