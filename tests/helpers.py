"""Helpers shared by the tests: the repository root and the importer on small texts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from policydocs.sources import footnotes, rawtext, structure
from policydocs.sources.manifest import Source
from policydocs.sources.model import Document

ROOT = Path(__file__).resolve().parent.parent


def lines_of(text: str) -> list[rawtext.Line]:
    return [rawtext.Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


def parse_text(text: str, *, title: str, language: str = "ja", **options) -> Document:
    notes = footnotes.extract(lines_of(text))
    return structure.parse(notes.lines, title=title, language=language, path="fixture.txt",
                           options=options)


def make_source(tmp_path: Path, text: str | bytes, **fields) -> Source:
    path = tmp_path / "fixture.txt"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    base = dict(id="fixture-ja", file=path, language="ja", path="docs-group/fixture",
                title={"ja": "題名", "en": "Title"}, issuer={"ja": "総務省", "en": "MIC"},
                date=dt.date(2024, 2, 27), url=None, counterpart=None, origin="A fixture.")
    base.update(fields)
    return Source(**base)


def generated_html(page: str) -> str:
    """A generated page's Markdown as HTML, with the extensions its blocks and attributes
    need (links keep their ``resolved:`` mark)."""
    import markdown
    return markdown.markdown(page, extensions=["meta", "attr_list", "policydocs.extensions.prebuilthtml"])


def copy_project(target: Path) -> Path:
    """A copy of the project (config, hooks, templates, data, pages, package) to change."""
    import shutil
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "docs", "policydocs"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / name)
    return target


def build_project(project: Path, **env: str):
    """A strict build of a project copy, in a fresh process."""
    import os
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                           str(project / "site")], cwd=project, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", ""),
                               "PYTHONPATH": str(project), **env})
