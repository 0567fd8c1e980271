"""Lighthouse on phones: accessibility, best practices, SEO and performance for every page
type (tests/browser/page_types.py) in both languages, with what delays the first paint.

    .venv/bin/python benchmarks/lighthouse.py [--site DIR] [--runs 2] [--lighthouse PATH]

Lighthouse 12 is an npm package; install it once outside the project:

    npm install --prefix ~/.cache/lighthouse lighthouse@12.2.3

It runs with its defaults (mobile form factor, simulated throttling) in Debian's Chromium.
The site is served on 127.0.0.1 with gzip, as any static host serves it (GitHub Pages,
Netlify, a CDN): Lighthouse's simulated network charges for the bytes on the wire, and an
uncompressed local server would charge the stylesheets three times over. Scores are the
median of ``--runs`` runs per page; the machine's load moves performance by a few points.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from page_types import LANGUAGES, PAGE_TYPES  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (text types only)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: D102 - http.server's hook
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # http.server redirects "/dir" to "/dir/"
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(into: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(into)],
                   cwd=ROOT, check=True, env=env)
    return into


def lighthouse(binary: str, url: str) -> dict:
    out = subprocess.run(
        [binary, url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", "--chrome-path=/usr/bin/chromium",
         f"--chrome-flags={FLAGS}"],
        capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def summary(report: dict) -> dict:
    audits = report["audits"]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted({a["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                      if ref["weight"] > 0 and (a := audits[ref["id"]])["score"] is not None
                      and a["score"] < 1 and c != "performance"})
    return {**scores, "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
            "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "kib": audits["total-byte-weight"]["numericValue"] / 1024, "failing": failing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--lighthouse", default=os.environ.get("LIGHTHOUSE") or shutil.which(
        "lighthouse") or str(Path.home() / ".cache/lighthouse/node_modules/.bin/lighthouse"))
    args = parser.parse_args()
    if not Path(args.lighthouse).exists():
        raise SystemExit(f"no Lighthouse at {args.lighthouse}: see this script's docstring")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp) / "site")
        server, base = serve(site)
        print(f"{'page':28} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'FCP s':>6} "
              f"{'LCP s':>6} {'KiB':>6}  below target")
        missed = 0
        for page_type, rel in PAGE_TYPES.items():
            for lang, prefix in LANGUAGES.items():
                runs = [summary(lighthouse(args.lighthouse, base + prefix + rel))
                        for _ in range(args.runs)]
                med = {k: statistics.median(r[k] for r in runs) for k in
                       (*CATEGORIES, "fcp", "lcp", "kib")}
                below = [c for c in CATEGORIES if med[c] < TARGETS[c]]
                missed += bool(below)
                notes = ", ".join(below + sorted({f for r in runs for f in r["failing"]}))
                print(f"{page_type + ' (' + lang + ')':28} {med['performance']:5.0f} "
                      f"{med['accessibility']:5.0f} {med['best-practices']:5.0f} "
                      f"{med['seo']:5.0f} {med['fcp']:6.2f} {med['lcp']:6.2f} "
                      f"{med['kib']:6.0f}  {notes}", flush=True)
        server.shutdown()
        print(f"pages below a target: {missed} of {len(PAGE_TYPES) * len(LANGUAGES)} "
              f"(targets: {TARGETS})")
        raise SystemExit(1 if missed else 0)


if __name__ == "__main__":
    main()
