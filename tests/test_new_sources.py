"""The importer on real texts of other publishers (tests/fixtures/new_sources/README.md).

Each text's outline was written by hand, from the original page, before the importer ran on
it; these tests hold the importer to those outlines.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from policydocs.sources import outlinecheck

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "new_sources"
SCORES = {s.id: s for s in outlinecheck.check(CORPUS, ROOT / "sources" / "boilerplate.yml")}


def test_the_corpus_has_a_dozen_texts_from_six_publishers_and_two_pairs() -> None:
    publishers = {text.split("-")[0] for text in SCORES}
    pairs = {text.rsplit("-", 1)[0] for text in SCORES if text.endswith("-en")} & {
        text.rsplit("-", 1)[0] for text in SCORES if text.endswith("-ja")}
    assert len(SCORES) >= 12 and len(publishers) >= 6 and len(pairs) >= 2


@pytest.mark.parametrize("text", sorted(SCORES))
def test_text_imports_to_its_expected_outline_without_warnings(text: str) -> None:
    score = SCORES[text]
    assert not score.refused, score.refused
    assert score.problems == [], "\n".join(score.problems)
    assert score.warnings == [], "\n".join(score.warnings)
    assert score.matched == score.expected
