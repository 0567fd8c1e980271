"""Import received texts into Markdown pages: ``python scripts/import_source.py [ID ...]``.

With no id, every source in sources/sources.yml is imported. Re-running gives the same
bytes; a page edited by hand since the last import is left alone unless --force is given.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from policydocs.core.errors import ContentError
from policydocs.sources import importer, manifest, outlinereport, rawtext

ROOT = Path(__file__).resolve().parent.parent


@click.command()
@click.argument("ids", nargs=-1)
@click.option("--force", is_flag=True, help="Overwrite pages that were edited by hand.")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if importing would change any page.")
@click.option("--outline", "show_outline", is_flag=True,
              help="Write nothing; print the outline found in each text, for review.")
@click.option("--manifest", "manifest_path", type=click.Path(path_type=Path),
              default=ROOT / "sources" / "sources.yml", show_default=True)
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path),
              default=ROOT / "docs", show_default=True)
def main(ids: tuple[str, ...], force: bool, check: bool, show_outline: bool,
         manifest_path: Path,
         docs_dir: Path) -> None:
    """Import sources (by id; all when none is given) into docs/<language>/."""
    try:
        sources = manifest.load(manifest_path)
        rules = rawtext.load_rules(_rules_beside(manifest_path))
        results = importer.convert_all(sources, list(ids), rules)
        lock_path = manifest_path.parent / importer.LOCK_NAME
        for result in results:
            for line, message in result.warnings:
                click.echo(f"{_rel(result.source.file)}:{line}: warning: {message}", err=True)
            if result.unpaired:
                click.echo(f"{_rel(result.source.file)}: not in the {result.source.other_language}"
                           f" version, marked .lang-only: {', '.join(result.unpaired)}")
        if show_outline:
            for result in results:
                _print_outline(result)
            _print_pairing(results)
            return
        if check:
            todo = importer.plan(results, docs_dir, importer.read_lock(lock_path))
            for path in todo.changes + todo.edited:
                click.echo(f"would change: docs/{path}")
            sys.exit(1 if todo.changes or todo.edited else 0)
        todo = importer.write(results, docs_dir, lock_path, force=force)
    except ContentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for status in ("created", "updated", "edited", "unchanged"):
        for path in getattr(todo, status):
            click.echo(f"{status:>9}  docs/{path}")


def _print_outline(result: importer.ImportResult) -> None:
    doc = result.document
    click.echo(f"# {result.source.id} ({_rel(result.source.file)})")
    if doc.title_from_manifest:
        click.echo("# the text has no title line: the page is titled from the manifest")
    click.echo(outlinereport.render(outlinereport.entries(doc)))
    for drop in result.dropped:
        click.echo(f"{drop.line:>5}  dropped  {drop.rule}: {drop.text}")
    click.echo()


def _print_pairing(results: list[importer.ImportResult]) -> None:
    """For each ja/en pair imported together: the numbered points that do not pair."""
    by_id = {r.source.id: r for r in results}
    for result in results:
        other = by_id.get(result.source.counterpart or "")
        if other is None or result.source.language != "ja":
            continue
        ja, en = (outlinereport.entries(r.document) for r in (result, other))
        only_ja, only_en = outlinereport.unpaired(ja, en)
        click.echo(f"# pairing {result.source.id} / {other.source.id}: "
                   f"{len(outlinereport.numbered_ids(ja)) - len(only_ja)} numbered points pair")
        for side, rows in (("ja only", only_ja), ("en only", only_en)):
            for row in rows:
                click.echo(f"{row.line:>5}  {side}  {row.label} {row.id} {row.text[:30]}")


def _rules_beside(manifest_path: Path) -> Path:
    """The furniture rules beside the manifest, else the project's (a test corpus has none)."""
    beside = manifest_path.parent / "boilerplate.yml"
    return beside if beside.exists() else ROOT / "sources" / "boilerplate.yml"


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    main()
