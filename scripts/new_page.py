"""Create a new document in both languages:

    .venv/bin/python scripts/new_page.py dialogues/japan-us-dde-15 \\
        --title-ja "…" --title-en "…" --issuer-ja 総務省 \\
        --issuer-en "Ministry of Internal Affairs and Communications" --date 2025-03-01

Writes docs/ja/<path>.md and docs/en/<path>.md with valid front matter, the counterpart in
place and the same first unit ids; then add the page to the nav in mkdocs.yml.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from policydocs.core.errors import ContentError
from policydocs.sources.scaffold import NewDocument, create

ROOT = Path(__file__).resolve().parent.parent


def _date(ctx, param, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got '{value}'") from None


@click.command()
@click.argument("path")
@click.option("--title-ja", required=True)
@click.option("--title-en", required=True)
@click.option("--issuer-ja", required=True)
@click.option("--issuer-en", required=True)
@click.option("--date", required=True, callback=_date, help="YYYY-MM-DD")
@click.option("--url", help="Where the original was published.")
@click.option("--english", type=click.Choice(["official", "unofficial", "none"]),
              default="official", show_default=True, help="State of the English text.")
@click.option("--pillar", "pillars", multiple=True, metavar="ID=REASON",
              help="A pillar tag with its reason, e.g. data='cross-border data flows'.")
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path), default=ROOT / "docs")
def main(path: str, title_ja: str, title_en: str, issuer_ja: str, issuer_en: str,
         date: dt.date, url: str | None, english: str, pillars: tuple[str, ...],
         docs_dir: Path) -> None:
    """Create docs/ja/PATH.md and docs/en/PATH.md."""
    tags = dict(p.split("=", 1) for p in pillars if "=" in p)
    doc = NewDocument(path.removesuffix(".md"), {"ja": title_ja, "en": title_en},
                      {"ja": issuer_ja, "en": issuer_en}, date, english, url, tags or None)
    try:
        written = create(doc, docs_dir)
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for target in written:
        click.echo(f"created {target}")
    click.echo(f"next: add '{doc.path}.md' to the nav in mkdocs.yml, then write the text")


if __name__ == "__main__":
    main()
