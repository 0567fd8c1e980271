"""The editor's wait under ``mkdocs serve``: the synthetic corpus served at each size, with and
without ``--dirty``; one Japanese page is edited a few times and the time from saving it to
the served page holding the edit is printed (the served HTML polled every 50 ms), with
whether the generated page that quotes it (its side-by-side view) holds the edit too.

MkDocs watches the files only with live reload on (``--no-livereload`` serves without
rebuilding), so the server runs as an editor runs it; the polling reads the HTML as is.

    .venv/bin/python benchmarks/serve_wait.py [--sizes 100,1000] [--edits 3]
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import generate  # noqa: E402

PAGE = Path("docs/ja/docs/s000/d3.md")  # a document with a counterpart
SERVED = "docs/s000/d3/"
VIEW = "parallel/docs/s000/d3/"  # its side-by-side view (by the page's path)
TIMEOUT = 300.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, marker: str, start: float, log: Path) -> float:
    while time.perf_counter() - start < TIMEOUT:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
    raise SystemExit(f"{url} did not show {marker!r} within {TIMEOUT:.0f} s; the server's "
                     f"log ends:\n{tail}")


def serve(project: Path, dirty: bool, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
               *(["--dirty"] if dirty else [])]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(command, cwd=project, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}/"


def measure(project: Path, dirty: bool, edits: int) -> tuple[float, list[float], list[bool]]:
    """Seconds to the first served page, each edit's wait, and whether its view followed."""
    source = project / PAGE
    original = source.read_text(encoding="utf-8")
    log = project.parent / f"serve-{'dirty' if dirty else 'full'}.log"
    proc, base = serve(project, dirty, log)
    try:
        first = wait_for(base + SERVED, "<html", time.perf_counter(), log)
        waits, views = [], []
        for i in range(edits):
            marker = f"編集確認{i}{'d' if dirty else 'f'}{time.time_ns()}"
            text = original.replace("\n1\\. ", f"\n1\\. {marker}", 1)
            time.sleep(1.0)  # a save well after the last build, as an editor's would be
            start = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            waits.append(wait_for(base + SERVED, marker, start, log))
            views.append(marker in fetch(base + VIEW))
        return first, waits, views
    finally:
        source.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="serve-wait-") as folder:
            project = generate(Path(folder) / "corpus", n, 25)
            for dirty in (False, True):
                first, waits, views = measure(project, dirty, args.edits)
                label = "serve --dirty" if dirty else "serve"
                print(f"N={n:<5} {label:<14} first page {first:6.1f} s; after an edit "
                      f"median {statistics.median(waits):6.2f} s (each: "
                      f"{', '.join(f'{w:.2f}' for w in waits)}); side-by-side view holds "
                      f"the edit {sum(views)}/{len(views)}", flush=True)


if __name__ == "__main__":
    main()
