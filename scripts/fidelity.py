"""Report how much of each received text its pages hold: ``python scripts/fidelity.py [ID ...]``.

Prints, per source, the share of its content characters present in its page(s), every
missing span with its source line, footnote URLs that are not links on the pages, the share
of its numbered points (1, 2 …; (1), (2) …; ア, イ …) that are units of their own on the page
with each miss, and every line dropped as web-page furniture with the rule that dropped it.
Exits 1 when a source is below --min, a URL is missing or a numbered point is merged or lost.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from policydocs.core.errors import ContentError
from policydocs.sources import fidelity, manifest, rawtext

ROOT = Path(__file__).resolve().parent.parent


@click.command()
@click.argument("ids", nargs=-1)
@click.option("--min", "minimum", type=float, default=99.5, show_default=True,
              help="Lowest acceptable share of a source's characters, in per cent.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@click.option("--manifest", "manifest_path", type=click.Path(path_type=Path),
              default=ROOT / "sources" / "sources.yml", show_default=True)
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path),
              default=ROOT / "docs", show_default=True)
def main(ids: tuple[str, ...], minimum: float, as_json: bool, manifest_path: Path,
         docs_dir: Path) -> None:
    """Check that no text of the sources was lost on the way to the pages."""
    try:
        sources = manifest.load(manifest_path)
        rules = rawtext.load_rules(manifest_path.parent / "boilerplate.yml")
        chosen = [sources.get(i) for i in ids] if ids else list(sources.sources.values())
        reports = [fidelity.check(s, rules, fidelity.pages_of(s, docs_dir)) for s in chosen]
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([_as_dict(r) for r in reports], ensure_ascii=False, indent=2))
    else:
        _print_table(reports)
    failed = [r for r in reports if r.share < minimum or r.missing_urls or not r.pages
              or r.labels.missing]
    sys.exit(1 if failed else 0)


def _as_dict(report: fidelity.Report) -> dict:
    return {
        "source": report.source.id, "pages": [str(p) for p in report.pages],
        "characters": report.total, "present": report.present,
        "share": round(report.share, 3), "boilerplate_dropped": report.dropped_chars,
        "missing": [{"line": m.line, "text": m.text} for m in report.missing],
        "urls": len(report.urls), "missing_urls": report.missing_urls,
        "numbered_points": report.labels.total,
        "numbered_share": round(report.labels.share, 3),
        "numbered_missing": [{"line": s.line, "label": s.label} for s in report.labels.missing],
        "dropped": [{"line": d.line, "rule": d.rule, "text": d.text} for d in report.dropped],
    }


def _print_table(reports: list[fidelity.Report]) -> None:
    click.echo(f"{'source':<48} {'chars':>7} {'present':>8} {'share':>8} {'dropped':>8}"
               f" {'urls':>9} {'numbered':>9} {'share':>8}")
    for r in reports:
        urls = f"{len(r.urls) - len(r.missing_urls)}/{len(r.urls)}"
        points = f"{r.labels.total - len(r.labels.missing)}/{r.labels.total}"
        click.echo(f"{r.source.id:<48} {r.total:>7} {r.present:>8} {r.share:>7.2f}%"
                   f" {r.dropped_chars:>8} {urls:>9} {points:>9} {r.labels.share:>7.2f}%")
    for r in reports:
        name = r.source.file.name
        if not r.pages:
            click.echo(f"sources/{name}: no page found; run scripts/import_source.py "
                       f"{r.source.id}")
        for m in r.missing:
            click.echo(f"sources/{name}:{m.line}: missing: {m.text}")
        for url in r.missing_urls:
            click.echo(f"sources/{name}: URL not linked on any page: {url}")
        for point in r.labels.missing:
            click.echo(f"sources/{name}:{point.line}: numbered point '{point.label}' does not "
                       "begin a unit of its own on the page (merged into another, or lost)")
        for drop in r.dropped:
            click.echo(f"sources/{name}:{drop.line}: dropped ({drop.rule}): {drop.text}")


if __name__ == "__main__":
    main()
