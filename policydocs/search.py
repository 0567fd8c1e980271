"""Building the search index with Pagefind's extended build (it segments Japanese).

Pagefind reads the built HTML once every language is written: it makes one index per
``<html lang>``, so readers search their own language, and splits it into chunks that the
browser loads only as a query needs them. Only document pages are indexed (they carry
``data-pagefind-body``); permalinks, footnote blocks and the reading tools are left out.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

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
    if done.returncode != 0:
        return IndexResult(False, f"Pagefind failed (exit {done.returncode}): {log}")
    if not (site_dir / OUTPUT / "pagefind.js").exists():
        return IndexResult(False, f"Pagefind wrote no index: {log}")
    return IndexResult(True, log)
