"""Score the importer against hand-written outlines: ``python scripts/check_outlines.py [FOLDER]``.

FOLDER (default: tests/fixtures/new_sources) holds a manifest, the texts and ``expected/``.
Prints, per text, the share of the expected outline found and every difference; exits 1
when any text differs.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from policydocs.core.errors import ContentError
from policydocs.sources import outlinecheck

ROOT = Path(__file__).resolve().parent.parent


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False),
                default=ROOT / "tests" / "fixtures" / "new_sources")
@click.option("--quiet", is_flag=True, help="Only the score line of each text.")
def main(folder: Path, quiet: bool) -> None:
    try:
        scores = outlinecheck.check(folder, ROOT / "sources" / "boilerplate.yml")
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for score in scores:
        state = "refused" if score.refused else f"{score.share:5.1f}%"
        points = f"{score.labels.total - len(score.labels.missing)}/{score.labels.total}"
        click.echo(f"{state:>8}  {score.matched:>3}/{score.expected:<3} numbered {points:>5}  "
                   f"{score.id}"
                   f"{'  (' + str(len(score.warnings)) + ' warnings)' if score.warnings else ''}")
        if quiet:
            continue
        for line in ([score.refused] if score.refused else []) + score.problems:
            click.echo(f"          {line}")
        for line in score.warnings:
            click.echo(f"          warning {line}")
    matched = sum(s.matched for s in scores)
    expected = sum(s.expected for s in scores)
    perfect = sum(s.perfect for s in scores)
    points = sum(s.labels.total for s in scores)
    kept = points - sum(len(s.labels.missing) for s in scores)
    click.echo(f"{perfect}/{len(scores)} texts match their outline; "
               f"{matched}/{expected} entries ({100.0 * matched / expected:.1f}%); "
               f"structural fidelity {kept}/{points} numbered points "
               f"({100.0 * kept / points if points else 100.0:.1f}%)")
    sys.exit(0 if perfect == len(scores) else 1)


if __name__ == "__main__":
    main()
