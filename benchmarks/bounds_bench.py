"""What the page limits cost and what they spare: pathological texts beside ordinary text.

    .venv/bin/python benchmarks/bounds_bench.py [--size 1000000] [--markdown-size 4000]

For each kind of text it prints the seconds the limits (``bounds.problems`` with the
``openers`` budgets, and ``characters.problems``) take on a page of ``--size`` characters,
whether the page is refused and at which line; then the seconds Python-Markdown, configured
as the site is, takes on ``--markdown-size`` characters and on twice as many. A ratio near
4 is quadratic growth: at ``--size`` those texts would take hours, which is why they are
refused. Ordinary text is timed through Markdown at full size too, for comparison. All in
one process, so compare the figures within one run.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydocs.core import characters  # noqa: E402
from policydocs.pages import bounds  # noqa: E402

# A paragraph as the site's pages have them: a link and an emphasis in 300 characters.
ORDINARY = ("日英両国は、データの自由な流通とサイバーセキュリティの確保に向けて協力を進める。" * 6
            + "詳しくは[共同声明](https://example.org/a)の**第2節**を参照。\n\n")


def repeat(unit: str, size: int, lead: str = "") -> str:
    """``size`` characters of ``unit`` in paragraphs of lines under the line limit."""
    line = (unit * (90_000 // len(unit) + 1))[:90_000]
    text = "\n\n".join([lead + line] * (size // 90_000 + 1))
    return "text\n\n" + text[:size]


def heading_spaces(size: int) -> str:
    """Headings of one word, a long run of spaces and another word (attr_list scans each)."""
    width = min(size, 90_000)
    return "\n\n".join(["# x" + " " * (width - 4) + "y"] * max(1, size // width))


KINDS: dict[str, Callable[[int], str]] = {
    "ordinary text": lambda n: (ORDINARY * (n // len(ORDINARY) + 1))[:n],
    "unclosed [": lambda n: repeat("[a", n),
    "unclosed [^": lambda n: repeat("[^a", n),
    "unclosed ](": lambda n: repeat("](x ", n),
    "unclosed <a": lambda n: repeat("<a", n),
    "runs of <": lambda n: repeat("< ", n),
    "emphasis *_": lambda n: repeat("*_ ", n),
    "heading spaces": lambda n: heading_spaces(n),
    "nested lists": lambda n: "\n".join("  " * (i % 400) + "- x" for i in range(n // 400)),
    "nested quotes": lambda n: "\n\n".join(["> " * 200 + "x"] * (n // 400)),
}


def site_markdown() -> markdown.Markdown:
    logging.disable(logging.WARNING)  # loading the config names the plugins it finds
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"],
                             extension_configs=config["mdx_configs"])


def seconds(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def check(text: str) -> tuple[float, str]:
    found: list = []
    spent = seconds(lambda: found.extend(
        bounds.problems(text, 1, "page.md") + characters.problems(text, "page.md")))
    return spent, f"refused at line {found[0].line}" if found else "passes"


def convert(md: markdown.Markdown, text: str) -> float:
    md.reset()
    return seconds(lambda: md.convert(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--markdown-size", type=int, default=4_000)
    args = parser.parse_args()
    md = site_markdown()
    small = args.markdown_size
    print(f"{'text':16} {'check s':>8}  {'verdict':22} {f'md {small:,} s':>12} "
          f"{f'md {2 * small:,} s':>12} {'ratio':>6}")
    for name, make in KINDS.items():
        spent, verdict = check(make(args.size))
        one, two = convert(md, make(small)), convert(md, make(2 * small))
        print(f"{name:16} {spent:8.3f}  {verdict:22} {one:12.3f} {two:12.3f} "
              f"{two / max(one, 1e-9):6.1f}")
    full = convert(md, KINDS["ordinary text"](args.size))
    print(f"\nordinary text, {args.size:,} characters through Markdown: {full:.2f} s")


if __name__ == "__main__":
    main()
