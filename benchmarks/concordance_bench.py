"""Concordance benchmark: every query of tests/concordance_queries.yml typed into the
concordance page of the built site in headless Chromium, from the page of each language,
every pair collected ("Show more" until the end); prints recall and precision per query
language, and the bytes of index a first query downloads.

With ``--corpus``, it builds the benchmark's synthetic corpus (benchmarks/make_corpus.py) at
each size instead, with and without the concordance (runs alternating), and prints the build
time the concordance adds and the bytes a first query downloads for a few queries: the
figure must not grow with the collection.

    bash scripts/dev build && .venv/bin/python benchmarks/concordance_bench.py [site]
    .venv/bin/python benchmarks/concordance_bench.py --corpus 100,1000 [--runs 2]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from build_bench import build  # noqa: E402
from concordance_driver import run_query  # noqa: E402
from make_corpus import generate  # noqa: E402
from search_bench import FLAGS, first_query_bytes, serve  # noqa: E402

from policydocs.search import concordanceeval  # noqa: E402

FIRST = {"ja": "信頼性のある自由なデータ流通", "en": "Data Free Flow with Trust"}
# The corpus's words: a phrase in a quarter of its documents, a word in most units, an acronym.
CORPUS_QUERIES = (("ja", "信頼性のある自由なデータ流通"), ("ja", "デジタル"), ("ja", "海底ケーブル"),
                  ("en", "Data Free Flow with Trust"), ("en", "digital"), ("en", "QKD"))


def address(base: str, lang: str) -> str:
    return base + ("" if lang == "ja" else "en/") + "concordance/"


def first_queries(site: Path, queries) -> dict[tuple[str, str], int]:
    """Bytes of index each query downloads on a fresh concordance page of its language."""
    base = serve(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        sizes = {(lang, q): first_query_bytes(
            browser, address(base, lang), "/concordance/",
            lambda page, q=q: run_query(page, q, everything=False, timeout=60000))
            for lang, q in queries}
        browser.close()
    return sizes


def corpus(sizes: list[int], runs: int) -> None:
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="concordance-bench-") as folder:
            project = generate(Path(folder) / "corpus", n, 25)
            full = project / "mkdocs.yml"
            without = project / "mkdocs-no-concordance.yml"
            without.write_text(re.sub(r"\n  - hooks/concordance_hook\.py.*", "",
                                      full.read_text(encoding="utf-8")), encoding="utf-8")
            times: dict[str, list[float]] = {"with": [], "without": []}
            cpu: dict[str, list[float]] = {"with": [], "without": []}
            for _ in range(runs):  # alternating: a noisy machine slows both alike
                for label, config in (("without", without), ("with", full)):
                    elapsed, _, cpu_s, _ = build(project, config)
                    times[label].append(elapsed)
                    cpu[label].append(cpu_s)
            for name, figures in (("wall", times), ("CPU", cpu)):
                with_, without_ = (statistics.median(figures[k]) for k in ("with", "without"))
                print(f"N={n}: build {name} time {without_:.1f} s without the concordance, "
                      f"{with_:.1f} s with it ({with_ - without_:+.1f} s, {with_ / without_:.2f}x)")
            page = project / "site" / "concordance" / "index.html"
            sections = LexborHTMLParser(page.read_text(encoding="utf-8")).css(
                "#concordance-section option[value]:not([value=''])")
            lists = list((project / "site" / "concordance" / "data" / "sections").glob("*.json"))
            print(f"N={n}: the concordance page is {page.stat().st_size / 1024:.1f} KiB of HTML; "
                  f"its filter lists {len(sections)} sections, whose document lists load when "
                  f"one is chosen (largest {max(f.stat().st_size for f in lists) / 1024:.1f} KiB)")
            for (lang, q), size in first_queries(project / "site", CORPUS_QUERIES).items():
                print(f"N={n}: first query {q!r} on the {lang} page: {size / 1024:.1f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--corpus", help="sizes of the synthetic corpus, as 100,1000")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if args.corpus:
        corpus([int(n) for n in args.corpus.split(",")], args.runs)
        return
    site = args.site
    base = serve(site)
    queries = concordanceeval.load(ROOT / "tests" / "concordance_queries.yml")
    scores: dict[str, list[concordanceeval.Score]] = {"ja": [], "en": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for page_lang in ("ja", "en"):
            page = browser.new_page()
            page.goto(address(base, page_lang))
            for query in queries:
                result = concordanceeval.score(query, run_query(page, query.text))
                scores[page_lang].append(result)
                if result.recall < 1 or result.precision < 1:
                    missed = sorted(set(query.pairs) - set(result.shown))[:3]
                    print(f"{page_lang} page, {query.language} {query.text!r}: recall "
                          f"{result.recall:.2f} precision {result.precision:.2f} missed {missed}")
            page.close()
        browser.close()
    sizes = {lang: size for (lang, _), size in first_queries(site, FIRST.items()).items()}
    print()
    for page_lang, chosen in scores.items():
        for lang in ("ja", "en"):
            s = concordanceeval.summary(chosen, lang)
            print(f"{page_lang} page, {lang} queries: {s['queries']}, recall {s['recall']:.3f}, "
                  f"precision {s['precision']:.3f}")
    for lang, size in sizes.items():
        print(f"first query on the {lang} page: {size / 1024:.1f} KiB of index")


if __name__ == "__main__":
    main()
