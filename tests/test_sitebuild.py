"""The site's derived data: one object per state of the inputs, and every input in its key."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from policydocs.core.languages import BuildPass
from policydocs.pages.frontmatter import Theme
from policydocs.site import translock
from policydocs.site.sitebuild import Builds, Inputs

FM = "---\ntitle: {title}\ndocument: d\nlanguage: {lang}\ntranslation: official\n---\n\n"


def project(tmp_path: Path) -> Inputs:
    for lang, text in (("ja", "1\\. 一。\n{: #p-1 }\n"), ("en", "1\\. One.\n{: #p-1 }\n")):
        page = tmp_path / "docs" / lang / "d.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(FM.format(title="D", lang=lang) + text, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text("terms: {}\n", encoding="utf-8")
    return Inputs(tmp_path, tmp_path / "docs")


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a new mtime even on a coarse clock


def test_the_same_build_until_a_page_changes(tmp_path: Path) -> None:
    inputs, builds = project(tmp_path), Builds()
    first = builds.get(inputs)
    assert builds.get(inputs) is first and first.corpus is first.corpus and builds.made == 1
    page = tmp_path / "docs" / "en" / "d.md"
    touch(page, page.read_text(encoding="utf-8") + "\n2\\. Two.\n{: #p-2 .lang-only }\n")
    second = builds.get(inputs)
    assert second is not first and builds.made == 2
    assert [u.id for u in second.corpus.page("en", "d.md").units] == ["p-1", "p-2"]


def test_the_lock_file_is_an_input_stale_marks_follow_it(tmp_path: Path) -> None:
    inputs, builds = project(tmp_path), Builds()
    lock_file = translock.lock_path(tmp_path)
    lock_file.parent.mkdir(exist_ok=True)
    translock.write(lock_file, {"d.md": {"p-1": {"ja": "0" * 16, "en": "0" * 16}}})
    before = builds.get(inputs)
    assert before.stale_ids == {"d.md": frozenset({"p-1"})}  # confirmed for another text
    lock, changed = translock.confirm(before.parity, translock.read(lock_file), None)
    assert changed == ["d.md#p-1"]
    translock.write(lock_file, lock)  # what scripts/confirm_units.py does; no page changed
    os.utime(lock_file, ns=(2, 2))
    after = builds.get(inputs)
    assert after is not before and after.stale_ids == {}


def test_a_data_file_is_an_input(tmp_path: Path) -> None:
    inputs, builds = project(tmp_path), Builds()
    before = builds.get(inputs)
    assert before.glossary.terms == {}
    touch(tmp_path / "data" / "glossary.yml",
          "terms:\n  ZQN:\n    ja: ゼータ量子網\n    en: Zeta Quantum Network\n")
    assert "ZQN" in builds.get(inputs).glossary.terms


def test_checks_are_computed_once_for_the_same_question(tmp_path: Path) -> None:
    site = Builds().get(project(tmp_path))
    theme = Theme()
    first = site.checks("ja", ["/glossary/"], theme)
    assert site.checks("ja", ("/glossary/",), theme) is first
    assert site.checks("ja", [], theme) is not first


@pytest.mark.parametrize(("listed", "default", "order"), [
    (("ja", "en"), "ja", ("ja", "en")),
    (("en", "ja"), "ja", ("ja", "en")),  # the default is built first wherever it is listed
    (("en", "fr", "ja"), "ja", ("ja", "en", "fr")),
])
def test_passes_run_default_first_then_as_listed(listed, default, order) -> None:
    passes = [BuildPass(lang, default, listed) for lang in order]
    assert passes[0].order == order
    assert [p.first for p in passes] == [True] + [False] * (len(order) - 1)
    assert [p.last for p in passes] == [False] * (len(order) - 1) + [True]
    assert passes[0].other == "en"
