"""``mkdocs serve --dirty`` on this site: a copy of the project built in one process as serve
builds it (``on_startup`` once, then a dirty build per change), an edit made, and the
dirty rebuild compared with a clean build of the edited texts, file by file."""
from __future__ import annotations

import gzip
import json
import logging
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from mkdocs.commands.build import build
from mkdocs.config import load_config

from policydocs.adapters import dirty

PAGE = Path("docs/ja/dialogues/japan-us-dde-14.md")
OTHER = Path("docs/ja/partnerships/japan-uk-digital-partnership.md")


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    for name in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / "project" / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "project" / "mkdocs.yml")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    yield tmp_path / "project"
    dirty.start(False)
    dirty.DIRTY.built_key = dirty.DIRTY.plan = None


def serve_build(project: Path, site: Path, dirty_build: bool, monkeypatch,
                caplog) -> list[str]:
    """One build as ``mkdocs serve [--dirty]`` runs it; the lines the build hook logged."""
    # mkdocs-static-i18n reads --dirty from the command line for its second language.
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", *(["--dirty"] if dirty_build else [])])
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty_build)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build(config, dirty=dirty_build)  # strict: true, so a warning would abort here
    return [r.getMessage() for r in caplog.records if "dirty build" in r.getMessage()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    later = path.stat().st_mtime + 2  # saved after the last build, as an editor saves
    os.utime(path, (later, later))


def differences(a: Path, b: Path) -> list[str]:
    """Files whose content differs; Pagefind's bundles (hashed names) by their page counts."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*")
                if p.is_file() and "pagefind/" not in p.relative_to(root).as_posix()}
    left, right = files(a), files(b)
    out = sorted(set(left) ^ set(right))
    for name in sorted(set(left) & set(right)):
        read = (lambda p: gzip.decompress(p.read_bytes())) if name.endswith(".gz") else (
            lambda p: p.read_bytes())
        if read(left[name]) != read(right[name]):
            out.append(name)
    entry = "pagefind/pagefind-entry.json"
    counts = [{k: v["page_count"] for k, v in json.loads((root / entry).read_text())[
        "languages"].items()} for root in (a, b)]
    if counts[0] != counts[1]:
        out.append(f"{entry}: {counts[0]} != {counts[1]}")
    return out


def test_a_dirty_rebuild_equals_a_clean_build_of_the_edited_texts(project, tmp_path,
                                                                   monkeypatch, caplog):
    served = tmp_path / "served"
    serve_build(project, served, True, monkeypatch, caplog)  # serve --dirty's first build
    # The unit's text, and a pillar tag that shows as a badge on both versions.
    edit(project / PAGE, "本対話は、産業界が参加する", "本対話は、編集確認のため、産業界が参加する")
    edit(project / PAGE, '{ #s-1-4 pillars="regulation"', '{ #s-1-4 pillars="regulation transformation"')
    logged = serve_build(project, served, True, monkeypatch, caplog)
    assert len(logged) == 2, logged  # one line per language pass
    for line in logged:  # the document's page and its view, in each language pass
        assert ": 2 of " in line, line
    clean = tmp_path / "clean"
    serve_build(project, clean, False, monkeypatch, caplog)
    assert differences(served, clean) == []
    page = (served / "dialogues" / "japan-us-dde-14" / "index.html").read_text(encoding="utf-8")
    view = (served / "parallel" / "dialogues" / "japan-us-dde-14" / "index.html").read_text(
        encoding="utf-8")
    english = (served / "en" / "dialogues" / "japan-us-dde-14" / "index.html").read_text(
        encoding="utf-8")
    assert "編集確認" in page and "編集確認" in view
    assert "pillars/transformation/" in english  # the badge on the English version too
    assert ">None<" not in page and "\n    None\n" not in page  # titles of the kept pages


def test_an_edit_every_page_shows_builds_every_page_again(project, tmp_path, monkeypatch,
                                                         caplog):
    served = tmp_path / "served"
    serve_build(project, served, True, monkeypatch, caplog)
    edit(project / OTHER, "\ntitle: ", "\ntitle: 改題 ")  # a title in every page's navigation
    logged = serve_build(project, served, True, monkeypatch, caplog)
    assert len(logged) == 2, logged
    for line in logged:
        again, total = re.search(r"(\d+) of (\d+) pages", line).groups()
        assert again == total, line
    clean = tmp_path / "clean"
    serve_build(project, clean, False, monkeypatch, caplog)
    assert differences(served, clean) == []
