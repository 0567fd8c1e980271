"""The term base: reading data/terms.yml, matching terms, the consistency check of the
unofficial translations, candidate pairs, and the TBX export against the TBX core schema,
TBX-Basic's data categories and a real consumer (OmegaT's TBX reader and glossary pane)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from lxml import etree

from policydocs.core.errors import ContentError
from policydocs.pages import corpus
from policydocs.site import glossary, tmexport
from policydocs.site.opendata import Addresses
from policydocs.terms import candidates, consistency, matching, tbx, termbase

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
needs_omegat = pytest.mark.skipif(not OMEGAT_JAR.is_file() or not shutil.which("java"),
                                  reason="OmegaT is not installed (apt-get install omegat)")


@pytest.fixture(scope="module")
def base() -> termbase.TermBase:
    return termbase.load(ROOT / "data" / "terms.yml")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "terms.yml"
    path.write_text(text, encoding="utf-8")
    return path


def pair(ja: str, en: str, translation: str = "unofficial") -> tmexport.AlignedPair:
    return tmexport.AlignedPair("doc", "doc.md", "p-1", translation, ja, en)


# Reading the file ------------------------------------------------------------------------

def test_the_seed_base_reads_and_cites_official_units(base, site_corpus) -> None:
    assert len(base.terms) >= 40
    assert base.terms["dfft"].en == "Data Free Flow with Trust"
    assert consistency.source_problems(base, site_corpus) == []
    cited = [t for t in base.terms.values() if t.source]
    assert len(cited) >= 40 and all("japan-uk" in t.source for t in cited)


@pytest.mark.parametrize("text, line, words", [
    ("terms:\n  a:\n    ja: 用語\n    en: term\n    colour: red\n", 5, "colour"),
    ("terms:\n  a:\n    ja: 用語\n    en: [term]\n", 4, "is not of type 'string'"),
    ("terms:\n  a:\n    en: term\n", 3, "'ja' is a required property"),
    ("terms:\n  Bad Id:\n    ja: 用語\n    en: term\n", 3, "does not match"),
    ("terms:\n  a:\n    ja: 用語\n    en: term\n    source: page.md\n", 5, "does not match"),
    ("terms:\n  a: {ja: 用語, en: term}\n  b: {ja: 用 語, en: word}\n", 3, "already a Japanese of term 'a'"),
    ("terms:\n  a: {ja: 用語, en: term}\n  a: {ja: 語, en: word}\n", 3, "given twice"),
])
def test_a_bad_entry_is_named_with_its_line(tmp_path, text, line, words) -> None:
    with pytest.raises(ContentError) as caught:
        termbase.load(write(tmp_path, text), "data/terms.yml")
    assert caught.value.path == "data/terms.yml" and caught.value.line == line
    assert words in str(caught.value)


def test_no_file_is_an_empty_base(tmp_path) -> None:
    assert termbase.load(tmp_path / "absent.yml").terms == {}


def test_a_source_that_does_not_use_the_pair_is_reported(tmp_path, site_corpus) -> None:
    bad = termbase.load(write(tmp_path, (
        "terms:\n"
        "  a: {ja: 半導体, en: semiconductor, source: partnerships/japan-uk-digital-partnership.md#p-1}\n"
        "  b: {ja: 総務省, en: Home Office, source: partnerships/japan-uk-digital-partnership.md#p-1}\n"
        "  c: {ja: 外務省, en: MOFA, source: partnerships/japan-uk-digital-partnership.md#p-999}\n"
        "  d: {ja: ICT, en: ICT, source: white-papers/2013-bilateral-policy.md#s-1}\n")), "t.yml")
    messages = [str(p) for p in consistency.source_problems(bad, site_corpus)]
    assert [m.split(":")[1] for m in messages] == ["2", "3", "4", "5"]
    assert "Japanese does not hold '半導体'" in messages[0]
    assert "English does not hold 'Home Office'" in messages[1]
    assert "not a unit of both languages" in messages[2]
    assert "unofficial translation" in messages[3]


# Matching --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, term, found", [
    ("Both countries promote cybersecurity.", "cybersecurity", True),
    ("CYBERSECURITY matters", "cybersecurity", True),
    ("supply chains were hit", "supply chain", True),
    ("multi-stakeholder and multistakeholder", "multi stakeholder", True),
    ("the Internet Governance Forum", "internet governance", True),
    ("data centres and clouds", "data centre", True),
    ("semiconductors", "semiconductor", True),
    ("supplychainsx", "supply chain", False),
    ("the DFFTs", "DFFT", True),
    ("NEDFFT", "DFFT", False),
])
def test_english_matches_whole_words(text, term, found) -> None:
    assert matching.has_english(text, [term]) is found


def test_japanese_matches_inside_text_ignoring_width_and_spaces() -> None:
    assert matching.japanese_spans("デジタルIDの普及", "デジタル ID") == [(0, 6)]
    assert matching.japanese_spans("ＡＩ戦略", "AI") == [(0, 2)]
    assert matching.japanese_spans("なし", "データ") == []


def test_a_term_inside_a_longer_term_is_the_longer_one(tmp_path) -> None:
    base = termbase.load(write(tmp_path, "terms:\n  a: {ja: データ流通, en: data flows}\n"
                               "  b: {ja: 信頼性のある自由なデータ流通, en: Data Free Flow with Trust}\n"))
    assert [t.id for t in consistency.terms_in(base, "信頼性のある自由なデータ流通とデータ流通")] == ["a", "b"]
    assert [t.id for t in consistency.terms_in(base, "信頼性のある自由なデータ流通の推進")] == ["b"]


# The consistency check -------------------------------------------------------------------

def test_the_check_names_the_unit_the_term_and_the_expected_english(tmp_path) -> None:
    base = termbase.load(write(tmp_path, (
        "terms:\n  dfft:\n    ja: 信頼性のある自由なデータ流通\n    en: Data Free Flow with Trust\n"
        "    en_variants: [DFFT]\n    en_avoid: [free flow of data with trust]\n")))
    report = consistency.check(base, [
        pair("信頼性のある自由なデータ流通を推進", "promote Data Free Flow with Trust"),
        pair("信頼性のある自由なデータ流通を推進", "promote DFFT"),
        pair("信頼性のある自由なデータ流通を推進", "promote trusted data flows"),
        pair("信頼性のある自由なデータ流通を推進", "DFFT, the free flow of data with trust"),
        pair("信頼性のある自由なデータ流通を推進", "anything", "official"),  # not checked
    ])
    assert report.checked == 4 and len(report.findings) == 2
    assert report.consistent == 0.5
    assert report.findings[0].avoided is None
    assert report.findings[1].avoided == "free flow of data with trust"
    problem = str(consistency.problem(report.findings[0], corpus.Corpus({})))
    assert problem.startswith("docs/en/doc.md: unit #p-1: the Japanese has '信頼性のある自由なデータ流通'")
    assert "expected 'Data Free Flow with Trust' or 'DFFT'" in problem


def test_the_unofficial_translations_follow_the_base(base, aligned, site_corpus) -> None:
    report = consistency.check(base, aligned)
    assert report.checked >= 150
    assert [str(consistency.problem(f, site_corpus)) for f in report.findings] == []


def test_a_finding_points_at_the_english_units_line(base, aligned, site_corpus) -> None:
    unit = next(p for p in aligned if p.translation == "unofficial" and "総務省" in p.ja)
    changed = tmexport.AlignedPair(unit.document, unit.page, unit.unit, unit.translation,
                                   unit.ja, "The ministry did it.")
    finding = consistency.check(base, [changed]).findings[0]
    problem = consistency.problem(finding, site_corpus)
    page = site_corpus.page("en", unit.page)
    assert problem.path == page.display and problem.line == page.ids[unit.unit].line


# Candidates ------------------------------------------------------------------------------

def test_candidates_come_from_definitions_and_the_glossary(base, aligned, site_corpus) -> None:
    found = candidates.propose(base, glossary.build(site_corpus, glossary.load_curated(
        ROOT / "data" / "glossary.yml")), aligned)
    by_ja = {c.ja: c for c in found}
    assert by_ja["本パートナーシップ"].en == "this Partnership"
    assert by_ja["本パートナーシップ"].origin == "definition"
    assert by_ja["本パートナーシップ"].source.unit == "p-3"
    assert "信頼性のある自由なデータ流通" not in by_ja  # already in the base
    assert all(c.support for c in found)
    entry = candidates.as_yaml(by_ja["本パートナーシップ"])
    assert "ja: \"本パートナーシップ\"" in entry and "source: partnerships/" in entry


def test_the_candidates_script_prints_yaml() -> None:
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists()
                           else "python", str(ROOT / "scripts" / "term_candidates.py"),
                           "--limit", "3"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n    ja: ") == 3


# TBX -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tbx_bytes(base, site_corpus) -> bytes:
    return tbx.to_tbx(base, site_corpus, Addresses("https://example.org/", "ja").page, tbx.TITLE)


@pytest.fixture(scope="module")
def core_schema(tmp_path_factory) -> etree.XMLSchema:
    """The TBX core structure (martif) schema that OmegaT ships in its jar."""
    if not OMEGAT_JAR.is_file():
        pytest.skip("OmegaT is not installed (apt-get install omegat)")
    folder = tmp_path_factory.mktemp("tbx-schema")
    with zipfile.ZipFile(OMEGAT_JAR) as jar:
        for name in ("schemas/tbx.xsd", "schemas/xml.xsd"):
            (folder / Path(name).name).write_bytes(jar.read(name))
    return etree.XMLSchema(etree.parse(str(folder / "tbx.xsd")))


@needs_omegat
def test_the_tbx_is_valid_against_the_core_schema(tbx_bytes, core_schema) -> None:
    document = etree.fromstring(tbx_bytes)
    assert core_schema.validate(document), core_schema.error_log
    document.find(".//tig").remove(document.find(".//tig/term"))
    assert not core_schema.validate(document)  # the validator is not lenient


# TBX-Basic's data categories, the level each may stand at and its picklists (TBX-Basic 2.x
# specification, ISO 30042 dialect): a core-valid file that uses others is not TBX-Basic.
BASIC = {
    ("termEntry", "descrip"): {"subjectField", "definition"},
    ("langSet", "descrip"): {"definition"},
    ("tig", "termNote"): {"partOfSpeech", "administrativeStatus", "termType",
                          "grammaticalGender", "geographicalUsage", "termLocation"},
    ("tig", "descrip"): {"context"},
    ("tig", "admin"): {"source", "customerSubset", "projectSubset"},
    ("tig", "xref"): {"externalCrossReference", "xGraphic"},
}
STATUSES = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
            "supersededTerm-admn-sts"}


def basic_problems(document: etree._Element) -> list[str]:
    problems = []
    if document.get("type") != "TBX-Basic":
        problems.append("martif type is not TBX-Basic")
    for element in document.iter("descrip", "termNote", "admin", "xref"):
        level = element.getparent().tag
        allowed = BASIC.get((level, element.tag))
        if allowed is None or element.get("type") not in allowed:
            problems.append(f"{element.tag} type={element.get('type')} in {level}")
        if element.get("type") == "administrativeStatus" and element.text not in STATUSES:
            problems.append(f"administrativeStatus {element.text}")
    return problems


def test_the_tbx_uses_only_tbx_basic_data_categories(tbx_bytes, base) -> None:
    document = etree.fromstring(tbx_bytes)
    assert basic_problems(document) == []
    entries = document.findall("text/body/termEntry")
    assert len(entries) == len(base.terms)
    dfft = document.find("text/body/termEntry[@id='term-dfft']")
    english = {t.findtext("term"): t.findtext("termNote") for t in dfft.find(
        "langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']")}
    assert english == {"Data Free Flow with Trust": "preferredTerm-admn-sts",
                       "DFFT": "admittedTerm-admn-sts",
                       "free flow of data with trust": "deprecatedTerm-admn-sts"}
    xref = dfft.find(".//xref").get("target")
    assert xref == "https://example.org/partnerships/japan-uk-digital-partnership/#s-5-2-a"
    assert "信頼性のある自由なデータ流通" in dfft.find(".//descrip").text
    # The check is not lenient either.
    dfft.find(".//termNote").set("type", "usageNote")
    assert basic_problems(document) == ["termNote type=usageNote in tig"]


PROJECT_FILE = re.search(r'PROJECT_FILE = """(.*?)"""', (ROOT / "tests" / "test_tmx_consumers.py")
                         .read_text(encoding="utf-8"), re.S).group(1)


@needs_omegat
def test_omegat_shows_the_terms_in_its_glossary_pane(tbx_bytes, tmp_path: Path) -> None:
    for name in ("source", "target", "tm", "omegat", "glossary", "dictionary"):
        (tmp_path / name).mkdir()
    (tmp_path / "omegat.project").write_text(PROJECT_FILE, encoding="utf-8")
    (tmp_path / "glossary" / "terms.tbx").write_bytes(tbx_bytes)
    segments = ["日英関係省庁は、信頼性のある自由なデータ流通を推進する。",
                "両国はサイバーセキュリティと半導体で協力する。", "この文には用語がない。"]
    (tmp_path / "source" / "sample.txt").write_text("\n\n".join(segments) + "\n", encoding="utf-8")
    run = subprocess.run(["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(tmp_path),
                          "--mode=console-translate", "--quiet",
                          f"--script={ROOT / 'tests' / 'omegat_glossary.groovy'}"],
                         capture_output=True, text=True, timeout=300)
    log = run.stdout + run.stderr
    assert run.returncode == 0 and "TBX ENTRIES" in log, log[-2000:]
    shown: dict[str, set[str]] = {}
    for line in log.splitlines():
        if line.startswith("GLOSSARY\t"):
            _, segment, source, target = line.split("\t")
            shown.setdefault(segment, set()).add(f"{source} = {target}")
    assert shown == {
        segments[0]: {"信頼性のある自由なデータ流通 = Data Free Flow with Trust",
                      "日英関係省庁 = both Participants"},
        segments[1]: {"サイバーセキュリティ = cyber security", "半導体 = semiconductor"},
    }
