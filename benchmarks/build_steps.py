"""Time each once-per-build step of the hooks on one project, without a profiler: the corpus
scan, parity, glossary, checks, stale units and the translation-memory export. It answers
"which step grew?" in seconds, where cProfile would slow every step down unevenly.

    .venv/bin/python benchmarks/build_steps.py [PROJECT]   # default: this repository

PROJECT is a directory with docs/ and data/, such as a corpus from make_corpus.py.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from policydocs.pages import corpus
from policydocs.site import glossary, parity, tmexport, translock
from policydocs.validation import checks


def timed(label: str, step: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = step()
    print(f"{label:<22} {time.perf_counter() - start:7.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT)
    project = parser.parse_args().project.resolve()
    start = time.perf_counter()
    pages = timed("corpus scan", lambda: corpus.scan(project / "docs"))
    result = timed("parity", lambda: parity.compare(pages))
    curated = glossary.load_curated(project / "data" / "glossary.yml")
    timed("glossary", lambda: glossary.build(pages, curated))
    timed("checks", lambda: checks.check(pages, "ja", set()))
    timed("stale units", lambda: translock.stale(
        result, translock.read(translock.lock_path(project))))
    aligned = timed("export: aligned pairs", lambda: tmexport.pairs(result))
    timed("export: TMX", lambda: tmexport.to_tmx(aligned))
    timed("export: JSON Lines", lambda: tmexport.to_jsonl(aligned))
    print(f"{'total':<22} {time.perf_counter() - start:7.2f} s   ({len(pages.pages)} pages, "
          f"{len(aligned)} aligned units)")


if __name__ == "__main__":
    main()
