"""Export every aligned pair as TMX 1.4b and JSON Lines: ``python scripts/export_tm.py OUT``."""
from __future__ import annotations

from pathlib import Path

import click

from policydocs.pages import corpus
from policydocs.site import parity, tmexport

ROOT = Path(__file__).resolve().parent.parent


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path), default=ROOT / "docs")
def main(out: Path, docs_dir: Path) -> None:
    """Write OUT/aligned-units.tmx and OUT/aligned-units.jsonl."""
    aligned = tmexport.pairs(parity.compare(corpus.scan(docs_dir)))
    tmexport.write(aligned, out)
    click.echo(f"{len(aligned)} aligned units written to {out}")


if __name__ == "__main__":
    main()
