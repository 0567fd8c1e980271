"""Building the search index with Pagefind's extended build (it segments Japanese).

Pagefind makes one index per ``<html lang>``, so readers search their own language, and
splits it into chunks that the browser loads only as a query needs them. Only document pages
are indexed (they carry ``data-pagefind-body``); permalinks, footnote blocks and the reading
tools are left out.

``StreamingIndex`` feeds Pagefind's indexing service each page as the build renders it:
the service is a process of its own, so indexing runs on another core while MkDocs renders
the rest of the site, and only writing the index is left for the end. It hands Pagefind a
copy of each page cut down to what Pagefind reads of it (``search_copy``): the language,
the title and the indexed body, not the navigation, which is most of a page's bytes and,
with all documents in one folder, grows with the site. ``build_index`` runs the
command-line Pagefind over a finished site (the fallback, and the reference the streamed
index is tested against).
"""
from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OUTPUT = "pagefind"
EXCLUDE = ".headerlink, .footnote, .footnote-ref, .doc-tools, .unit-xlink, .pillar-badges"


@dataclass
class IndexResult:
    ok: bool
    log: str


def build_index(site_dir: Path) -> IndexResult:
    """Run Pagefind (the binary that ``pagefind[extended]`` ships) over the built site."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
               "--output-subdir", OUTPUT, "--exclude-selectors", EXCLUDE, "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return IndexResult(False, f"could not run Pagefind: {exc}")
    log = (done.stdout + done.stderr).strip()
    if done.returncode != 0:  # its last line says why; the rest may be a Python traceback
        reason = log.splitlines()[-1] if log else "no output"
        return IndexResult(False, f"Pagefind failed (exit {done.returncode}): {reason}")
    if not (site_dir / OUTPUT / "pagefind.js").exists():
        return IndexResult(False, f"Pagefind wrote no index: {log}")
    return IndexResult(True, log)


BODY_MARK = "data-pagefind-body"
# Written by the theme (overrides/main.html) right after the element that holds the body.
BODY_END = "<!-- /pagefind-body -->"
_LANG = re.compile(r'<html\b[^>]*?\slang="([^"]*)"')
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)


def search_copy(html: str) -> str:
    """The page as Pagefind needs it: ``<html lang>``, ``<title>`` and the element that
    holds the body (up to ``BODY_END``). A page without the end mark is passed whole."""
    mark = html.find(BODY_MARK)
    start = html.rfind("<", 0, mark)
    end = html.find(BODY_END, mark)
    if mark < 0 or start < 0 or end < 0:
        return html
    lang = _LANG.search(html, 0, start)
    title = _TITLE.search(html, 0, start)
    return (f'<!doctype html><html lang="{lang.group(1) if lang else ""}"><head>'
            f'{title.group(0) if title else ""}</head><body>{html[start:end]}</body></html>')


# Paths written literally inside a Pagefind (wax) glob; others are sent as files.
_GLOB_SAFE = re.compile(r"[^{}\[\]<>*?,$!\\#:]+")


class StreamingIndex:
    """A Pagefind index built in the background while the build writes the site.

    Each page is copied, cut down (``search_copy``), into a staging folder as it is
    rendered, and handed over in batches: one request per batch (Pagefind's Python client
    answers at most ten requests a second, so one request per page would be slower than
    the command line). The staging folder mirrors the site, so the URLs are the site's."""

    def __init__(self, site_dir: Path, batch: int = 100, timeout: float = 600) -> None:
        from pagefind.index import IndexConfig
        from pagefind.service import PagefindService
        self._site, self._batch, self._timeout = site_dir, batch, timeout
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind",
                                        daemon=True)
        self._thread.start()
        self._queued: list[str] = []
        self._jobs: list[Future] = []
        self.pages = self._lost = 0

        async def launch() -> PagefindService:  # the service binds to the running loop
            return await PagefindService().launch()

        try:
            self._service = self._wait(launch())
            config = IndexConfig(exclude_selectors=[s.strip() for s in EXCLUDE.split(",")])
            self._index = self._wait(self._service.create_index(config))
        except BaseException:
            self._stop()
            raise
        self._staging = Path(tempfile.mkdtemp(prefix="pagefind-pages-"))

    def add(self, path: str, html: str) -> None:
        """A page of the site at ``path`` (relative to the site directory). Pages without
        document text are not indexed, as the command-line run skips them."""
        if BODY_MARK not in html:
            return
        self.pages += 1
        if self._loop.is_closed():  # stopped early: write() reports it
            self._lost += 1
            return
        copy = self._staging / path
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(search_copy(html), encoding="utf-8")
        self._queued.append(path)
        if len(self._queued) >= self._batch:
            self.flush()

    def flush(self) -> None:
        """Hand over every queued page (at the end of a language pass, say)."""
        self._submit(self._queued)
        self._queued = []

    def write(self) -> IndexResult:
        """Wait for the batches, write the index into the site, stop the service."""
        self.flush()
        if self._lost:
            self.close()
            return IndexResult(False, f"Pagefind indexing failed: the service had stopped "
                                      f"before {self._lost} page(s) were added")
        try:
            indexed = sum(_count(job.result(self._timeout)) for job in self._jobs)
            self._wait(self._index.write_files(output_path=str(self._site / OUTPUT)))
        except Exception as exc:  # the service's own errors, timeouts, a dead process
            return IndexResult(False, f"Pagefind indexing failed: {exc!r}")
        finally:
            self.close()
        if indexed != self.pages or not (self._site / OUTPUT / "pagefind.js").exists():
            return IndexResult(False, f"Pagefind indexed {indexed} of {self.pages} pages")
        return IndexResult(True, f"{indexed} pages indexed")

    def close(self) -> None:
        """Stop the service (also when a build fails half-way); stopping twice is harmless."""
        shutil.rmtree(self._staging, ignore_errors=True)
        if self._loop.is_closed():
            return
        for job in self._jobs:
            job.cancel()
        try:
            self._wait(self._service.close())
        except Exception:  # already gone: nothing left to stop
            pass
        self._stop()

    def _submit(self, paths: list[str]) -> None:
        if not paths:
            return
        if self._loop.is_closed():  # stopped early: write() reports it
            self._lost += len(paths)
            return
        literal = [p for p in paths if _GLOB_SAFE.fullmatch(p)]
        jobs = [self._index.add_directory(str(self._staging),
                                          glob="{" + ",".join(literal) + "}")] if literal else []
        jobs += [self._index.add_html_file(
            content=(self._staging / p).read_text(encoding="utf-8"),
            url="/" + p.removesuffix("index.html")) for p in paths if p not in literal]
        self._jobs += [asyncio.run_coroutine_threadsafe(job, self._loop) for job in jobs]

    def _wait(self, job: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(job, self._loop).result(self._timeout)

    def _stop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(self._timeout)
        if not self._loop.is_running() and not self._loop.is_closed():
            self._loop.close()


def _count(response: dict) -> int:
    """Pages a batch (IndexedDir) or a single file (IndexedFile) added to the index."""
    return response.get("page_count", 1) if response.get("type") == "IndexedDir" else 1
