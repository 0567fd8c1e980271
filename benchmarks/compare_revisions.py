"""Build the same synthetic corpus with the code of two or more git revisions, alternating
runs in one process run, and print each revision's median wall and CPU time and its ratio
to the first. On a shared machine a build varies by 15% from one run to the next, more than
most single changes save: only side-by-side runs show whether a change helped.

    .venv/bin/python benchmarks/compare_revisions.py REV [REV ...] [--size 1000]
        [--per-section 25] [--runs 3] [--variant "on, no search index"]

A revision is anything ``git rev-parse`` takes; ``WORKTREE`` is the working tree as it is.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import VARIANTS, build, variant_config
from make_corpus import ROOT, generate

WORKTREE = "WORKTREE"


def checkout(rev: str, into: Path) -> Path:
    """The files of ``rev`` (only what a corpus copies) in ``into``."""
    if rev == WORKTREE:
        return ROOT
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "hooks", "overrides",
                              "data", "policydocs", "mkdocs.yml", "docs/assets"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="+")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--per-section", type=int, default=25)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--variant", choices=VARIANTS, default="on, no search index")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    projects = {}
    for i, rev in enumerate(args.revisions):
        source = checkout(rev, work / f"source-{i}")
        project = generate(work / f"corpus-{i}", args.size, args.per_section, source)
        config = project / "mkdocs-bench.yml"
        base = (project / "mkdocs.yml").read_text(encoding="utf-8")
        config.write_text(variant_config(base, args.variant), encoding="utf-8")
        projects[rev] = (project, config)
    wall: dict[str, list[float]] = {rev: [] for rev in projects}
    cpu: dict[str, list[float]] = {rev: [] for rev in projects}
    for run in range(args.runs):  # alternate: a noisy machine hits every revision alike
        for rev, (project, config) in projects.items():
            elapsed, _, cpu_s, _ = build(project, config)
            wall[rev].append(elapsed)
            cpu[rev].append(cpu_s)
            print(f"  run {run + 1} {rev:<12} {elapsed:7.2f} s   CPU {cpu_s:7.2f} s", flush=True)
    first = args.revisions[0]
    for rev in projects:
        w, c = statistics.median(wall[rev]), statistics.median(cpu[rev])
        print(f"{rev:<12} median {w:7.2f} s ({w / statistics.median(wall[first]):.3f})   "
              f"CPU {c:7.2f} s ({c / statistics.median(cpu[first]):.3f})   "
              f"[{args.variant}, N={args.size}]")


if __name__ == "__main__":
    main()
