"""Concordance benchmark: every query of tests/concordance_queries.yml typed into the
concordance page of the built site in headless Chromium, from the page of each language,
every pair collected ("Show more" until the end); prints recall and precision per query
language, and the bytes of index and engine a first query downloads.

    bash scripts/dev build && .venv/bin/python benchmarks/concordance_bench.py [site]
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from concordance_driver import run_query  # noqa: E402
from search_bench import FLAGS, first_query_bytes, serve  # noqa: E402

from policydocs.search import concordanceeval  # noqa: E402

FIRST = {"ja": "信頼性のある自由なデータ流通", "en": "Data Free Flow with Trust"}


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    base = serve(site)
    queries = concordanceeval.load(ROOT / "tests" / "concordance_queries.yml")
    scores: dict[str, list[concordanceeval.Score]] = {"ja": [], "en": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for page_lang in ("ja", "en"):
            page = browser.new_page()
            page.goto(base + ("" if page_lang == "ja" else "en/") + "concordance/")
            for query in queries:
                result = concordanceeval.score(query, run_query(page, query.text))
                scores[page_lang].append(result)
                if result.recall < 1 or result.precision < 1:
                    missed = sorted(set(query.pairs) - set(result.shown))[:3]
                    print(f"{page_lang} page, {query.language} {query.text!r}: recall "
                          f"{result.recall:.2f} precision {result.precision:.2f} missed {missed}")
            page.close()
        sizes = {lang: first_query_bytes(
            browser, base + ("" if lang == "ja" else "en/") + "concordance/", "/concordance/",
            lambda page, q=FIRST[lang]: run_query(page, q, everything=False))
            for lang in ("ja", "en")}
        browser.close()
    print()
    for page_lang, chosen in scores.items():
        for lang in ("ja", "en"):
            s = concordanceeval.summary(chosen, lang)
            print(f"{page_lang} page, {lang} queries: {s['queries']}, recall {s['recall']:.3f}, "
                  f"precision {s['precision']:.3f}")
    for lang, size in sizes.items():
        print(f"first query on the {lang} page: {size / 1024:.1f} KiB of index and engine")


if __name__ == "__main__":
    main()
