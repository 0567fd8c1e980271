"""Check every external URL of the site's pages: ``python scripts/check_links.py``.

Answers are cached (``--cache``, one week by default), so a rerun sends no request for
links checked recently. Exits 1 only for the outcomes listed in ``fail_on`` (broken by
default); with no network, links are reported as unchecked and the exit code is 0.

No request goes to a loopback, private, link-local or otherwise non-global address (links
come from pull requests); only ``--allow-loopback`` and ``--allow-private`` change that,
never data/linkcheck.yml.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from policydocs.core.errors import ContentError
from policydocs.linkcheck import config as settings
from policydocs.linkcheck import report
from policydocs.linkcheck.addresses import AddressPolicy
from policydocs.linkcheck.cache import Cache
from policydocs.linkcheck.checker import Checker
from policydocs.linkcheck.collect import collect
from policydocs.pages import corpus

ROOT = Path(__file__).resolve().parent.parent


@click.command()
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path), default=ROOT / "docs",
              show_default=True)
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              default=ROOT / "data" / "linkcheck.yml", show_default=True)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path),
              default=ROOT / ".cache" / "linkcheck.json", show_default=True)
@click.option("--no-cache", is_flag=True, help="Check everything again; keep no answers.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "github"]),
              default="table", show_default=True)
@click.option("--fail-on", help="Comma-separated outcomes that make the exit code 1.")
@click.option("--verbose", is_flag=True, help="List ok and excluded URLs too.")
@click.option("--url", "urls", multiple=True, help="Check these URLs instead of the pages'.")
@click.option("--allow-loopback", is_flag=True,
              help="Also check links to loopback addresses (127.0.0.0/8, ::1).")
@click.option("--allow-private", is_flag=True,
              help="Also check links to private (10/8, 172.16/12, 192.168/16, fc00::/7), "
                   "link-local (169.254/16, fe80::/10), shared (100.64/10) and reserved "
                   "addresses.")
def main(docs_dir: Path, config_path: Path, cache_path: Path, no_cache: bool, fmt: str,
         fail_on: str | None, verbose: bool, urls: tuple[str, ...], allow_loopback: bool,
         allow_private: bool) -> None:
    """Check the external links of the pages of both languages."""
    try:
        config = settings.load(config_path)
        places = {u: [] for u in urls} if urls else collect(corpus.scan(docs_dir))
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    cache = Cache(None if no_cache else cache_path, config.cache_max_age)
    bar = tqdm(total=len(places), unit="URL", file=sys.stderr, disable=not sys.stderr.isatty())
    policy = AddressPolicy(allow_loopback=allow_loopback, allow_private=allow_private)
    checker = Checker(config, cache, on_result=lambda result: bar.update(1), policy=policy)
    results = checker.check(list(places))
    bar.close()
    cache.save()
    if fmt == "json":
        click.echo(report.as_json(results, places))
    elif fmt == "github":
        click.echo(report.github(results, places))
    else:
        click.echo(report.table(results, places, verbose))
    click.echo(f"{checker.requests} requests sent", err=True)
    outcomes = fail_on.split(",") if fail_on else config.fail_on
    sys.exit(report.exit_code(results, outcomes))


if __name__ == "__main__":
    main()
