"""Nothing lost: the pages hold at least 99.5% of every source and all its URLs."""
from pathlib import Path

import pytest
from helpers import ROOT

from policydocs.sources import fidelity, manifest, rawtext

MANIFEST = manifest.load(ROOT / "sources" / "sources.yml")
RULES = rawtext.load_rules(ROOT / "sources" / "boilerplate.yml")


@pytest.mark.parametrize("source_id", sorted(MANIFEST.sources))
def test_real_source_fidelity(source_id: str) -> None:
    source = MANIFEST.get(source_id)
    report = fidelity.check(source, RULES, fidelity.pages_of(source, ROOT / "docs"))
    assert report.pages
    assert report.share >= 99.5, report.missing[:10]
    assert report.missing_urls == []


def test_every_footnote_url_of_the_sources_is_counted() -> None:
    counts = {sid: len(fidelity.check(MANIFEST.get(sid), RULES,
                                      fidelity.pages_of(MANIFEST.get(sid), ROOT / "docs")).urls)
              for sid in MANIFEST.sources}
    # 002: 5 notes holding 12 URLs; 001: 1 link; 003: 9 URLs in 13 notes; 004: 5.
    assert counts == {"japan-uk-digital-partnership-ja": 0, "japan-uk-digital-partnership-en": 12,
                      "japan-us-dde-14-ja": 1, "white-paper-2020-ict-international-strategy-ja": 9,
                      "white-paper-2013-bilateral-policy-ja": 5}


def test_lost_sentence_and_broken_url_are_reported(tmp_path: Path) -> None:
    source = MANIFEST.get("japan-uk-digital-partnership-en")
    page = tmp_path / "page.md"
    text = fidelity.pages_of(source, ROOT / "docs")[0].read_text(encoding="utf-8")
    text = text.replace(" Nothing in this Partnership will alter or affect any existing agreements"
                        " between the Participants.", "")
    text = text.replace("page22_003344.html", "page22\\_003344.html")
    page.write_text(text, encoding="utf-8")
    report = fidelity.check(source, RULES, [page])
    assert report.share < 100
    lost = "".join(m.text for m in report.missing if m.line == 10)
    deleted = "NothinginthisPartnershipwillalteroraffectanyexistingagreementsbetweentheParticipants."
    # Words that recur in the next paragraph may align there; the rest is reported, in order.
    assert "alteroraffectanyexisting" in lost and len(lost) > len(deleted) / 2
    assert report.missing_urls == ["https://www.mofa.go.jp/mofaj/ecm/ie/page22_003344.html"]


def test_page_visible_strips_markup() -> None:
    md = "---\ntitle: x\n---\n\n## 見出し { #s-1 }\n\n1\\. 本文[^3]。\n{: #p-1 .unit }\n\n[^3]: <https://a.example/>\n"
    assert fidelity.normalise(fidelity.page_visible(md)) == "見出し1.本文3。3https://a.example/"
