"""The corpus of other publishers' texts, added as an editor would, builds strictly.

The project is copied, the texts and their manifest entries are added, and the one import
command is run; beside it the editor gives the new folders their section titles and the
acronyms the texts use undefined their expansions (tests/fixtures/new_sources/editor/).
Nothing else is edited: mkdocs.yml is not touched.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

from policydocs.pages import corpus
from policydocs.search import concordanceeval, ngramindex
from policydocs.site import parity, tmexport

CORPUS = ROOT / "tests" / "fixtures" / "new_sources"
PROJECT = ("data", "docs", "hooks", "overrides", "policydocs", "scripts", "sources", "mkdocs.yml")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = tmp_path_factory.mktemp("corpus")
    for name in PROJECT:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, project / name)
    for text in CORPUS.glob("*.txt"):
        shutil.copy(text, project / "sources" / text.name)
    entries = (CORPUS / "sources.yml").read_text(encoding="utf-8").split("sources:\n", 1)[1]
    with open(project / "sources" / "sources.yml", "a", encoding="utf-8") as manifest:
        manifest.write("\n" + entries)
    with open(project / "data" / "sections.yml", "a", encoding="utf-8") as sections:
        sections.write((CORPUS / "editor" / "sections.yml").read_text(encoding="utf-8"))
    glossary = (project / "data" / "glossary.yml").read_text(encoding="utf-8")
    glossary = glossary.replace("\nterms:\n", "\nterms:\n" + _body("glossary-terms.yml"), 1)
    glossary = glossary.replace("\nexclude:\n", "\nexclude:\n" + _body("glossary-exclude.yml"), 1)
    (project / "data" / "glossary.yml").write_text(glossary, encoding="utf-8")
    imported = _run([sys.executable, "scripts/import_source.py"], project)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    built = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], project)
    return project, imported.stdout + imported.stderr + built.stdout + built.stderr + \
        f"\nmkdocs exit status {built.returncode}"


def _body(name: str) -> str:
    lines = (CORPUS / "editor" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("#"))


def test_the_corpus_imports_without_warnings_and_builds_strictly(corpus_site) -> None:
    _, log = corpus_site
    assert "mkdocs exit status 0" in log, log
    assert not re.search(r"warning:|^\s*(WARNING|ERROR)\b", log, re.M), log


def test_every_new_document_is_in_the_navigation_of_both_languages(corpus_site) -> None:
    project, _ = corpus_site
    home = {lang: (project / "site" / ("" if lang == "ja" else "en") / "index.html")
            .read_text(encoding="utf-8") for lang in ("ja", "en")}
    assert "報道発表" in home["ja"] and "Press releases" in home["en"]
    page = project / "site" / "en" / "press" / "mic-eu-ict-dialogue-25" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../meti-g20-digital-economy-salta-2018/"' in html  # its section's sibling


@pytest.mark.parametrize("language, query", [
    ("ja", "デジタル経済"), ("ja", "欧州"), ("ja", "サイバーセキュリティ"),
    ("en", "digital economy"), ("en", "G20"), ("en", "EU")])
def test_the_concordance_finds_the_new_aligned_pairs(corpus_site, language, query) -> None:
    # The other publishers' bilingual texts (METI, MIC) are aligned and searchable: the
    # built index's candidates, held against the rule, are exactly what the rule expects.
    project, _ = corpus_site
    aligned = tmexport.pairs(parity.compare(corpus.scan(project / "docs")))
    expected = concordanceeval.expected(query, language, aligned)
    assert any(k.startswith("press/") for k in expected)  # the new documents hold it
    folder = project / "site" / "concordance" / "data"
    found = []
    for i in ngramindex.candidates(folder, language, query):
        chunk = json.loads((folder / "records" / f"{i // ngramindex.CHUNK}.json").read_text(
            encoding="utf-8"))
        row = chunk["records"][i % ngramindex.CHUNK]
        if concordanceeval.holds(row[4] if language == "ja" else row[5], query, language):
            found.append(f"{row[1]}#{row[2]}")
    assert found == expected
