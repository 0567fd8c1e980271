"""Shared fixtures: the repository root and helpers to run the importer on small texts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from policydocs import footnotes, rawtext, structure
from policydocs.manifest import Source
from policydocs.model import Document

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


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the real site, shared by every test that inspects its HTML."""
    import os
    import re
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert not re.search(r"^\s*(WARNING|ERROR)\b", log, re.M), log
    return site
