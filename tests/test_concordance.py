"""The bilingual concordance: its records and their index (the real indexer, small records),
the page each language gets, the query set against the current texts, and the built site."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from selectolax.lexbor import LexborHTMLParser

from policydocs.search import concordance, concordanceeval, concordancefilters, ngramindex
from policydocs.site import concordancepage
from policydocs.terms import termbase

QUERIES = ROOT / "tests" / "concordance_queries.yml"
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)> & \\"}]\u2028'


def record(order: int = 0, ja: str = "信頼性のある自由なデータ流通", en: str = "Data Free Flow with "
           "Trust", translation: str = "official", document: str = "docs/x") -> concordance.Record:
    return concordance.Record(
        order=order, document=document, page=f"{document}.md", unit=f"p-{order}",
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


def test_each_documents_records_are_consecutive_with_one_translation(site_corpus, aligned):
    # The page's filters take a document as the span of its records.
    records = concordance.records(site_corpus, aligned, site_corpus.document_titles(), "ja")
    spans = concordancefilters.document_spans(records)
    for r in records:
        span = spans[r.document]
        assert span.first <= r.order <= span.last and span.translation == r.translation
    assert sum(s.last - s.first + 1 for s in spans.values()) == len(records)
    sections = concordancefilters.sections(spans)
    assert [s.folder for s in sections] == ["dialogues", "partnerships", "white-papers"]
    assert sorted(d for s in sections for d in s.documents) == sorted(spans)


def test_the_filters_files_list_each_sections_documents_and_the_translation_runs(tmp_path):
    # Documents of two sections, the translation state changing between documents.
    layout = [("a/one", "official", 3), ("a/two", "official", 2), ("b/three", "unofficial", 2),
              ("b/four", "official", 1), ("a/five", "unofficial", 2)]
    items, order = [], 0
    for document, translation, count in layout:
        for _ in range(count):
            items.append(record(order, translation=translation, document=document))
            order += 1
    concordancefilters.write(items, tmp_path)
    first = json.loads((tmp_path / "sections" / "0.json").read_text(encoding="utf-8"))
    assert first == [["a/one", "文書", "Document", 0, 2, "official"],
                     ["a/two", "文書", "Document", 3, 4, "official"],
                     ["a/five", "文書", "Document", 8, 9, "unofficial"]]
    second = json.loads((tmp_path / "sections" / "1.json").read_text(encoding="utf-8"))
    assert [row[0] for row in second] == ["b/three", "b/four"]
    runs = json.loads((tmp_path / "translations.json").read_text(encoding="utf-8"))
    assert runs == {"official": [[0, 4], [7, 7]], "unofficial": [[5, 6], [8, 9]]}


def test_the_index_cuts_text_as_the_rule_reads_it():
    assert ngramindex.key("Multi-Stakeholder  ＡＩ") == "multistakeholderai"
    assert ngramindex.key("デジタル ID") == "デジタルid"
    assert ngramindex.grams("abab") == ["ab", "ba"] and ngramindex.grams("x") == []
    assert ngramindex.bucket("a", 2 ** 32) == 0xE40C292C  # FNV-1a 32-bit of "a"
    assert 0 <= ngramindex.bucket("𠮷野", 7) < 7


def test_every_pair_the_rule_matches_is_a_candidate(aligned):
    # The bigrams never miss what the rule finds, so recall rests on the rule alone.
    for query in concordanceeval.load(QUERIES):
        wanted = set(ngramindex.grams(query.text))
        for pair in aligned:
            text = pair.ja if query.language == "ja" else pair.en
            if concordanceeval.holds(text, query.text, query.language):
                assert wanted <= set(ngramindex.grams(text)), (query.text, pair.unit)


def small_index(tmp_path: Path, count: int = 3000) -> Path:
    items = [record(i, ja=f"第{i}項" + ("データ流通" if i % 1000 == 7 else ""),
                    en=f"Item {i}" + (" data flows" if i % 1000 == 7 else "")) for i in range(count)]
    items.append(record(count, ja=HOSTILE, en=HOSTILE, translation="unofficial"))
    outcome = concordance.ConcordanceIndex(items).copy_to(tmp_path)
    assert outcome.ok, outcome.log
    return tmp_path / "concordance" / "data"


def test_the_index_finds_records_across_windows_and_keeps_text_as_written(tmp_path):
    folder = small_index(tmp_path)
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["records"] == 3001 and manifest["window"] < 3001  # several windows
    assert ngramindex.candidates(folder, "ja", "データ流通") == [7, 1007, 2007]
    assert ngramindex.candidates(folder, "en", "DATA-FLOWS") == [7, 1007, 2007]
    assert ngramindex.candidates(folder, "en", "no such words") == []
    chunk = manifest["chunk"]
    last = json.loads((folder / "records" / f"{3000 // chunk}.json").read_text(encoding="utf-8"))
    row = last["records"][3000 % chunk]
    assert row[4] == row[5] == HOSTILE and row[3] == "unofficial"  # as written, as data
    assert last["documents"]["docs/x"] == ["文書", "Document", "2024-02-27"]
    biggest = max(p.stat().st_size for p in folder.rglob("*.json"))
    assert biggest < 4 * ngramindex.FILE_BYTES, biggest  # every file stays small


def test_a_rebuild_copies_the_same_index_again(tmp_path):
    index = concordance.ConcordanceIndex([record(0), record(1)])
    assert index.copy_to(tmp_path / "one").ok and index.copy_to(tmp_path / "two").ok
    assert (tmp_path / "two" / "concordance" / "data" / "index.json").is_file()


def test_a_failing_indexer_is_reported_with_its_last_line(tmp_path, monkeypatch):
    monkeypatch.setattr(concordance, "indexer_command", lambda records, out: [
        sys.executable, "-c", "import sys; print('reading'); print('no space left'); sys.exit(3)"])
    outcome = concordance.ConcordanceIndex([record()]).copy_to(tmp_path)
    assert not outcome.ok
    assert outcome.log == "the concordance index failed (exit 3): no space left"
    assert not (tmp_path / "concordance").exists()


def test_a_missing_indexer_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.setattr(concordance, "indexer_command",
                        lambda records, out: [str(tmp_path / "no-such-binary")])
    outcome = concordance.ConcordanceIndex([record()]).copy_to(tmp_path)
    assert not outcome.ok and outcome.log.startswith("could not run the concordance indexer:")


def test_the_terms_forms_list_preferred_then_allowed_variants():
    base = termbase.load(ROOT / "data" / "terms.yml")
    forms = concordance.term_forms(base)
    assert len(forms) == len(base.terms)
    dfft = next(f for f in forms if f["ja"][0] == "信頼性のある自由なデータ流通")
    assert dfft["en"] == ["Data Free Flow with Trust", "DFFT"]


def test_the_page_names_its_template_and_lists_the_sections(site_corpus, aligned):
    page = concordancepage.render_page("en")
    assert page.startswith("---\ntitle: Bilingual concordance\ntemplate: concordance.html\n---")
    assert (ROOT / "overrides" / concordancepage.TEMPLATE).is_file()
    base = termbase.load(ROOT / "data" / "terms.yml")
    titles = site_corpus.document_titles()
    spans = concordancefilters.document_spans(
        concordance.records(site_corpus, aligned, titles, "ja"))
    found = concordancefilters.sections(spans)
    data = concordancepage.template_data(found, {"partnerships": "二国間パートナーシップ"}, base,
                                         "ja")
    assert sorted(s["index"] for s in data["sections"]) == list(range(len(found)))
    assert data["sections"][0]["title"] == "二国間パートナーシップ"  # the navigation's order first
    named = {s["title"]: s["documents"] for s in data["sections"]}
    assert "二国間パートナーシップ" in named and "dialogues" in named  # no title: the folder
    assert sum(named.values()) == len(spans)
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


def test_the_built_site_has_the_page_and_its_index(built_site, aligned):
    for url, lang in (("concordance/index.html", "ja"), ("en/concordance/index.html", "en")):
        page = LexborHTMLParser((built_site / url).read_text(encoding="utf-8"))
        form = page.css_first("form.concordance")
        data = json.loads(form.attributes["data-concordance"])
        assert len(data["terms"]) > 40 and data["strings"]["none"]
        query = page.css_first("#concordance-query")
        assert page.css_first('label[for="concordance-query"]').text().strip()
        assert query.attributes["type"] == "search"
        sections = [o.text().strip() for o in page.css("#concordance-section option")]
        assert sections[1] == ("二国間パートナーシップ" if lang == "ja" else "Bilateral partnerships")
        assert len(sections) == 4  # all, then the three sections; their documents load later
        assert "disabled" in page.css_first("#concordance-document").attributes
        assert page.css_first("html").attributes["lang"] == lang
        assert page.css_first(".concordance__status").attributes["role"] == "status"
    folder = built_site / "concordance" / "data"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["records"] == len(aligned) and set(manifest["languages"]) == {"ja", "en"}
    rows = [row for k in range(3) for row in json.loads(
        (folder / "sections" / f"{k}.json").read_text(encoding="utf-8"))]
    assert sum(row[4] - row[3] + 1 for row in rows) == len(aligned)
    runs = json.loads((folder / "translations.json").read_text(encoding="utf-8"))
    assert set(runs) == {"official", "unofficial"}
