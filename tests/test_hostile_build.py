"""Hostile input through a whole build of a project copy: what the templates print is text,
what the policy refuses is named at its line and withheld, and nothing ends in a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_project, copy_project
from selectolax.lexbor import LexborHTMLParser

DIALOGUE = "docs/ja/dialogues/japan-us-dde-14.md"
WHITE_PAPER = "docs/ja/white-papers/2013-bilateral-policy.md"
TITLE = 'R&D "x" onmouseover=\'alert(1)\' 1 < 2'  # plain text that means harm in raw HTML


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One strict build with a quoting title, a script, and a list nested 500 deep."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    edit(project, DIALOGUE, "title: デジタルエコノミーに関する日米対話(第14回会合)の結果",
         "title: " + repr(TITLE).replace("\\'", "''"))
    append(project, WHITE_PAPER,
           "\n\n<img src=x\nonerror=alert(1)>\n")
    append(project, "docs/en/index.md",
           "\n\n" + "\n".join("  " * i + "- x" for i in range(500)) + "\n")
    done = build_project(project)
    return project / "site", done.stdout + done.stderr


def test_the_build_fails_with_each_error_at_its_line(hostile: tuple[Path, str]) -> None:
    _, log = hostile
    assert "Traceback" not in log
    assert WHITE_PAPER + ":" in log and "onerror" in log
    assert "docs/en/index.md:" in log and "indented" in log


def test_a_title_is_printed_as_text_in_the_head_and_the_navigation(
        hostile: tuple[Path, str]) -> None:
    site, _ = hostile
    page = site / "dialogues" / "japan-us-dde-14" / "index.html"  # Japanese is at the root
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    assert tree.css_first("title").text().startswith(TITLE)
    assert TITLE in [a.text(strip=True) for a in tree.css("nav a")]
    assert not [n for n in tree.root.traverse() if "onmouseover" in n.attributes]


def test_refused_content_is_withheld_not_published(hostile: tuple[Path, str]) -> None:
    site, _ = hostile
    for rel, notice in (("white-papers/2013-bilateral-policy/index.html", "公開されていません"),
                        ("en/index.html", "This page cannot be published")):
        tree = LexborHTMLParser((site / rel).read_text(encoding="utf-8"))
        assert notice in tree.css_first("article").text(), rel
        assert not tree.css("article img, article ul ul ul ul ul ul ul ul"), rel


def test_a_data_file_error_is_its_line_not_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "data" / "glossary.yml").write_text("terms:\n  AI: [\n", encoding="utf-8")
    done = build_project(project)
    log = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in log
    assert "data/glossary.yml:3" in log or "data/glossary.yml:2" in log, log
