"""Where one build's time goes, page by page and hook by hook: one in-process build of a
project, with timers around MkDocs' two page steps and every hook event.

    .venv/bin/python benchmarks/page_costs.py PROJECT [--config mkdocs.yml] [--dirty PAGE]

For each kind of page (documents, side-by-side views, other generated pages) it prints how
many there are and the milliseconds per page to prepare them (reading, Markdown, page
events) and to build them (theme template, writing the file); then the seconds of every
hook and plugin event. Timers cost far less than a profiler, so the shares stay true; the
figures still vary with the machine, so compare them within one run.

With ``--dirty PAGE`` (a source path under the project, e.g. docs/ja/docs/s000/d3.md) it
times the rebuild ``mkdocs serve --dirty`` makes after that page is saved: one dirty build
untimed, the page's modification time moved on, then the dirty build it triggers.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

SECONDS: defaultdict[tuple[str, str], float] = defaultdict(float)
CALLS: Counter[tuple[str, str]] = Counter()


def kind(page: Page | None) -> str:
    if page is None:
        return "no page"  # the 404 page and the sitemap
    if getattr(page.file, "norm_src_uri", "").startswith("parallel/"):
        return "side-by-side"
    return "generated" if page.file.generated_by is not None else "document"


def page_of(args: tuple, kwargs: dict) -> Page | None:
    """The page an event or step is for (a template gets it inside its context)."""
    for value in (kwargs.get("page"), *args):
        if isinstance(value, Page):
            return value
        if isinstance(value, dict) and isinstance(value.get("page"), Page):
            return value["page"]
    return None


def timer(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        page = page_of(args, kwargs)
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            key = (label, kind(page))
            SECONDS[key] += time.perf_counter() - start
            CALLS[key] += 1
    return timed


def instrument(config: Any) -> None:
    mkdocs_build._populate_page = timer("prepare", mkdocs_build._populate_page)
    mkdocs_build._build_page = timer("build", mkdocs_build._build_page)
    Page.render = timer("  of which Markdown", Page.render)
    jinja2.Template.render = timer("  of which template", jinja2.Template.render)
    instrument_events(config)


def instrument_events(config: Any) -> None:
    for event, methods in config.plugins.events.items():
        for i, method in enumerate(methods):
            name = f"{getattr(method, '__module__', '?')}.{getattr(method, '__name__', '?')}"
            methods[i] = timer(f"event {event}: {name}", method)


def report(min_seconds: float) -> None:
    print(f"{'step':<30} {'pages':<13} {'count':>6} {'ms each':>8} {'total':>8}")
    steps = [k for k in SECONDS if not k[0].startswith("event")]
    order = ["prepare", "  of which Markdown", "build", "  of which template"]
    for key in sorted(steps, key=lambda k: (k[1], order.index(k[0]))):
        print(f"{key[0]:<30} {key[1]:<13} {CALLS[key]:>6} "
              f"{1000 * SECONDS[key] / CALLS[key]:>8.2f} {SECONDS[key]:>7.2f}s")
    events: defaultdict[str, float] = defaultdict(float)
    for (label, _), seconds in SECONDS.items():
        if label.startswith("event"):
            events[label] += seconds
    print("\nhook and plugin events, whole build (both language passes):")
    for label, seconds in sorted(events.items(), key=lambda kv: -kv[1]):
        holds_pass_2 = "mkdocs_static_i18n" in label and "post_build" in label
        if seconds >= min_seconds and not holds_pass_2:
            print(f"  {seconds:7.2f}s  {label.removeprefix('event ')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--min-seconds", type=float, default=0.01,
                        help="leave out events that took less in the whole build")
    parser.add_argument("--dirty", type=Path, metavar="PAGE",
                        help="time the dirty rebuild after PAGE is saved")
    args = parser.parse_args()
    project = args.project.resolve()
    os.chdir(project)
    sys.path.insert(0, str(project))  # the project's own hooks and policydocs
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    def configured() -> Any:
        return load_config(str(project / args.config), site_dir=str(project / "site"))

    config = configured()
    if args.dirty:
        sys.argv.append("--dirty")  # mkdocs-static-i18n reads it for its second language
        config.plugins.on_startup(command="serve", dirty=True)
        mkdocs_build.build(config, dirty=True)
        saved = project / args.dirty
        later = saved.stat().st_mtime + 1
        os.utime(saved, (later, later))
        config = configured()  # serve loads the configuration again for every rebuild
    instrument(config)
    start = time.perf_counter()
    mkdocs_build.build(config, dirty=bool(args.dirty))
    print(f"{'dirty re' if args.dirty else ''}build: {time.perf_counter() - start:.2f} s")
    report(args.min_seconds)


if __name__ == "__main__":
    main()
