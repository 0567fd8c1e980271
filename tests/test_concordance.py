"""The bilingual concordance: its records and their index (real Pagefind, small records),
the page each language gets, the query set against the current texts, and the built site."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from selectolax.lexbor import LexborHTMLParser

from policydocs.search import concordance, concordanceeval
from policydocs.site import concordancepage
from policydocs.terms import termbase

QUERIES = ROOT / "tests" / "concordance_queries.yml"
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)> & </p><p data-pagefind-body>'


def record(order: int = 0, ja: str = "信頼性のある自由なデータ流通", en: str = "Data Free Flow with "
           "Trust", translation: str = "official") -> concordance.Record:
    return concordance.Record(
        order=order, document="docs/x", page="docs/x.md", unit=f"p-{order}",
        translation=translation, text={"ja": ja, "en": en},
        url={"ja": f"docs/x/#p-{order}", "en": f"en/docs/x/#p-{order}"},
        title={"ja": "文書", "en": "Document"}, date="2024-02-27")


def test_records_carry_both_units_addresses_titles_and_date(site_corpus, aligned):
    records = concordance.records(site_corpus, aligned, site_corpus.document_titles(), "ja")
    assert len(records) == len(aligned) > 300
    first = next(r for r in records if r.page == "partnerships/japan-uk-digital-partnership.md")
    assert first.url == {"ja": f"partnerships/japan-uk-digital-partnership/#{first.unit}",
                         "en": f"en/partnerships/japan-uk-digital-partnership/#{first.unit}"}
    assert first.title["en"] != first.title["ja"] and first.date[:2] == "20"
    assert [r.order for r in records] == list(range(len(records)))
    assert {r.translation for r in records} == {"official", "unofficial"}


def test_a_record_page_holds_hostile_text_as_text():
    page = LexborHTMLParser(concordance.record_html(record(ja=HOSTILE, en=HOSTILE), "ja"))
    assert page.css("script") == [] and page.css("img") == []
    bodies = page.css("[data-pagefind-body]")
    assert [b.text() for b in bodies] == [HOSTILE]  # the text, once, as written
    meta = {n.attributes["data-pagefind-meta"]: n.text() for n in page.css("[data-pagefind-meta]")}
    assert meta["other"] == HOSTILE and meta["en_url"] == "en/docs/x/#p-0"
    assert page.css_first("html").attributes["lang"] == "ja"
    assert page.css_first('[data-pagefind-sort="order"]').text() == "000000000"


def entry(bundle: Path) -> dict:
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_the_index_is_one_pagefind_bundle_per_language(tmp_path):
    index = concordance.ConcordanceIndex([record(0), record(1, ja=HOSTILE, en=HOSTILE,
                                                        translation="unofficial")])
    outcome = index.copy_to(tmp_path)
    assert outcome.ok, outcome.log
    for lang in ("ja", "en"):
        bundle = tmp_path / "concordance" / lang
        assert (bundle / "pagefind.js").is_file()
        assert {k: v["page_count"] for k, v in entry(bundle)["languages"].items()} == {lang: 2}
        assert len(list((bundle / "filter").glob("*.pf_filter"))) == 2  # document, translation
    # A later rebuild with the same records copies the same bundles again.
    assert index.copy_to(tmp_path / "again").ok
    assert (tmp_path / "again" / "concordance" / "en" / "pagefind.js").is_file()


def test_a_failing_indexer_is_reported_with_its_last_line(tmp_path, monkeypatch):
    monkeypatch.setattr(concordance, "pagefind_command", lambda pages, out: [
        sys.executable, "-c", "import sys; print('reading'); print('no space left'); sys.exit(3)"])
    outcome = concordance.ConcordanceIndex([record()]).copy_to(tmp_path)
    assert not outcome.ok
    assert outcome.log == "the concordance index (ja) failed (exit 3): no space left"
    assert not (tmp_path / "concordance").exists()


def test_a_missing_indexer_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.setattr(concordance, "pagefind_command",
                        lambda pages, out: [str(tmp_path / "no-such-binary")])
    outcome = concordance.ConcordanceIndex([record()]).copy_to(tmp_path)
    assert not outcome.ok and outcome.log.startswith("could not run Pagefind:")


def test_the_terms_forms_list_preferred_then_allowed_variants():
    base = termbase.load(ROOT / "data" / "terms.yml")
    forms = concordance.term_forms(base)
    assert len(forms) == len(base.terms)
    dfft = next(f for f in forms if f["ja"][0] == "信頼性のある自由なデータ流通")
    assert dfft["en"] == ["Data Free Flow with Trust", "DFFT"]


def test_the_page_names_its_template_and_lists_the_bilingual_documents(site_corpus):
    page = concordancepage.render_page("en")
    assert page.startswith("---\ntitle: Bilingual concordance\ntemplate: concordance.html\n---")
    assert (ROOT / "overrides" / concordancepage.TEMPLATE).is_file()
    base = termbase.load(ROOT / "data" / "terms.yml")
    data = concordancepage.template_data(site_corpus.document_titles(), base, "ja")
    ids = [d["id"] for d in data["documents"]]
    assert "partnerships/japan-uk-digital-partnership" in ids and ids == sorted(ids)
    assert set(data["data"]["strings"]) == set(concordancepage.SCRIPT_TEXT["en"])
    assert set(concordancepage.TEXT["ja"]) == set(concordancepage.TEXT["en"])


def test_the_query_set_lists_what_each_query_must_return_on_the_current_texts(aligned):
    queries = concordanceeval.load(QUERIES)
    assert sum(q.language == "ja" for q in queries) >= 30
    assert sum(q.language == "en" for q in queries) >= 20
    for query in queries:
        assert list(query.pairs) == concordanceeval.expected(query.text, query.language, aligned), (
            f"{QUERIES.name}: the pairs of {query.text!r} no longer match the texts; list "
            f"every pair whose {query.language} text holds it")


@pytest.mark.parametrize("text,query,language,holds", [
    ("デジタル ID の相互運用", "デジタルID", "ja", True),
    ("ＤＦＦＴを推進", "DFFT", "ja", True),
    ("multistakeholder approaches", "multi-stakeholder", "en", True),
    ("the Multi-Stakeholder model", "multi-stakeholder approach", "en", False),
    ("maintain it", "AI", "en", False),
    ("semiconductors and more", "semiconductor", "en", True),
])
def test_the_matching_rule(text, query, language, holds):
    assert concordanceeval.holds(text, query, language) is holds


def test_scores_count_what_was_shown_against_what_was_expected():
    query = concordanceeval.Query("ja", "q", ("a#1", "a#2"))
    score = concordanceeval.score(query, ["a#1", "b#9"])
    assert (score.recall, score.precision) == (0.5, 0.5)
    assert concordanceeval.score(query, []).precision == 0.0
    assert concordanceeval.summary([score], "ja") == {"queries": 1, "recall": 0.5,
                                                      "precision": 0.5}


def test_the_built_site_has_the_page_and_both_bundles(built_site, aligned):
    for url, lang in (("concordance/index.html", "ja"), ("en/concordance/index.html", "en")):
        page = LexborHTMLParser((built_site / url).read_text(encoding="utf-8"))
        form = page.css_first("form.concordance")
        data = json.loads(form.attributes["data-concordance"])
        assert len(data["terms"]) > 40 and data["strings"]["none"]
        query = page.css_first("#concordance-query")
        assert page.css_first('label[for="concordance-query"]').text().strip()
        assert query.attributes["type"] == "search"
        options = page.css("#concordance-document option")
        assert len(options) > 4 and options[0].attributes["value"] == ""
        assert page.css_first("html").attributes["lang"] == lang
        assert page.css_first(".concordance__status").attributes["role"] == "status"
    for lang in ("ja", "en"):
        languages = entry(built_site / "concordance" / lang)["languages"]
        assert {k: v["page_count"] for k, v in languages.items()} == {lang: len(aligned)}
