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


PAIRS = {
    # The Japanese page was received up to its point ウ; the English one has a point 4.
    ("mic-eu-ict-dialogue-25-ja", "mic-eu-ict-dialogue-25-en"): ([], ["s-1-2-4"]),
    ("meti-g20-digital-salta-2018-ja", "meti-g20-digital-salta-2018-en"): ([], []),
}


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_two_versions_of_a_text_give_its_numbered_points_the_same_ids(pair) -> None:
    from policydocs.sources import importer, manifest, outlinereport, rawtext

    sources = manifest.load(CORPUS / "sources.yml")
    rules = rawtext.load_rules(ROOT / "sources" / "boilerplate.yml")
    ja, en = (outlinereport.entries(importer.convert(sources.get(i), rules).document)
              for i in pair)
    only_ja, only_en = outlinereport.unpaired(ja, en)
    assert ([r.id for r in only_ja], [r.id for r in only_en]) == PAIRS[pair]
    assert len(outlinereport.numbered_ids(ja)) >= 1
