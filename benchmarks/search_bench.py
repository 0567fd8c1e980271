"""Search benchmark: every query of tests/search_queries.yml typed into the search box of the
built site in headless Chromium; prints recall, top-3 precision, passage hits and the bytes
downloaded for a first query.

    bash scripts/dev build && .venv/bin/python benchmarks/search_bench.py [site]
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from policydocs.search import searcheval  # noqa: E402
from search_driver import run_query  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def first_query_bytes(browser, address: str, folder: str, ask) -> int:
    """Bytes fetched from ``folder`` (index and engine; not the page itself) on a fresh page
    at ``address`` while ``ask(page)`` runs one query."""
    page = browser.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda r: folder in r.url and r.resource_type != "document"
            and sizes.append(r.sizes()["responseBodySize"]))
    page.goto(address)
    ask(page)
    page.close()
    return sum(sizes)


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    base = serve(site)
    queries = searcheval.load(ROOT / "tests" / "search_queries.yml")
    scores = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        pages = {}
        for lang in ("ja", "en"):
            pages[lang] = browser.new_page()
            pages[lang].goto(base + ("" if lang == "ja" else "en/"))
        for query in queries:
            results = run_query(pages[query.language], query.text)
            result = searcheval.score(query, results)
            scores.append(result)
            mark = "" if result.recall == 1 and result.precision == 1 else "  <--"
            print(f"{query.language} {query.text:<30} recall {result.recall:4.2f} "
                  f"top-k {result.precision:4.2f} passage {result.passage_hit} "
                  f"first {results[0] if results else '-'}{mark}")
        sizes = {lang: first_query_bytes(browser, base + ("" if lang == "ja" else "en/"),
                                         "/pagefind/", lambda page, q=q: run_query(page, q))
                 for lang, q in (("ja", "データ流通"), ("en", "data flows"))}
        browser.close()
    print()
    for lang in ("ja", "en"):
        s = searcheval.summary(scores, lang)
        print(f"{lang}: {s['queries']} queries, recall {s['recall']:.1%}, top-3 precision "
              f"{s['precision']:.1%}, passage hits {s['passages']:.1%}, first query "
              f"{sizes[lang] / 1024:.1f} KiB of index and engine")


if __name__ == "__main__":
    main()
