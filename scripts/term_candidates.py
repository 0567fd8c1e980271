"""Propose pairs for the term base: ``python scripts/term_candidates.py [--limit N]``.

Prints YAML entries (with their evidence as comments) from the glossary's expansions and
the definitions the aligned texts make, for an editor to check and paste into
data/terms.yml; pairs the base already holds are left out.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydocs.core.errors import ContentError  # noqa: E402
from policydocs.site.sitebuild import Inputs, SiteBuild  # noqa: E402
from policydocs.terms import candidates  # noqa: E402


@click.command()
@click.option("--limit", type=int, default=0, help="At most this many candidates (0: all).")
def main(limit: int) -> None:
    try:
        site = SiteBuild(Inputs(ROOT, ROOT / "docs"))
        found = candidates.propose(site.terms, site.glossary, site.aligned)
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    found = found[:limit] if limit else found
    click.echo(f"# {len(found)} candidate pairs; check each before adding it under 'terms:'")
    for candidate in found:
        click.echo(candidates.as_yaml(candidate))


if __name__ == "__main__":
    main()
