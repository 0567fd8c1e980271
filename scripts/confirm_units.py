"""Confirm aligned units after review: ``python scripts/confirm_units.py [PAGE[#UNIT]]``.

With no argument every aligned unit is confirmed. The lock file data/translation.lock.json
is rewritten sorted, one unit per line, so the pull request shows exactly what changed.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from policydocs.core.errors import ContentError
from policydocs.pages import corpus
from policydocs.site import parity, translock

ROOT = Path(__file__).resolve().parent.parent


@click.command()
@click.argument("scope", required=False)
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path), default=ROOT / "docs")
@click.option("--lock", "lock_file", type=click.Path(path_type=Path),
              default=ROOT / translock.LOCK)
def main(scope: str | None, docs_dir: Path, lock_file: Path) -> None:
    """Record the current text of the units in SCOPE (a page, page#unit, or all)."""
    try:
        result = parity.compare(corpus.scan(docs_dir))
        lock, changed = translock.confirm(result, translock.read(lock_file), scope)
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    translock.write(lock_file, lock)
    click.echo(f"{len(changed)} unit(s) confirmed" + "".join(f"\n  {c}" for c in changed[:50]))


if __name__ == "__main__":
    main()
