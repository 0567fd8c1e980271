"""Stale-unit tracking and the aligned-corpus export."""
from __future__ import annotations

import difflib
import json
import xml.etree.ElementTree as etree
from pathlib import Path

from helpers import ROOT, build_project, copy_project

from policydocs.pages import corpus
from policydocs.site import parity, tmexport, translock

PAGE = "partnerships/japan-uk-digital-partnership"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def edit(docs: Path, lang: str, old: str, new: str) -> None:
    path = docs / lang / f"{PAGE}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_editing_one_unit_makes_exactly_it_stale_and_confirming_clears_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    docs, lock_file = project / "docs", project / translock.LOCK
    before = lock_file.read_text(encoding="utf-8")
    assert translock.stale(parity.compare(corpus.scan(docs)), translock.read(lock_file)) == []
    edit(docs, "ja", "8\\. COVID-19のパンデミックは", "8\\. 新型コロナウイルス感染症（COVID-19）のパンデミックは")
    stale = translock.stale(parity.compare(corpus.scan(docs)), translock.read(lock_file))
    assert [(s.unit_id, s.changed) for s in stale] == [("p-8", ("ja",))]
    assert stale[0].message().startswith(
        f"docs/ja/{PAGE}.md:57: unit 'p-8' changed in ja since its English was confirmed")
    lock, changed = translock.confirm(parity.compare(corpus.scan(docs)), translock.read(lock_file),
                                      f"{PAGE}.md#p-8")
    translock.write(lock_file, lock)
    assert changed == [f"{PAGE}.md#p-8"]
    assert translock.stale(parity.compare(corpus.scan(docs)), translock.read(lock_file)) == []
    diff = [line for line in difflib.unified_diff(before.splitlines(), lock_file.read_text(
        encoding="utf-8").splitlines(), lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert len(diff) == 2 and all('"p-8"' in line for line in diff)  # one line out, one in


def test_stale_unit_is_marked_for_readers_and_counted(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / "docs", "en", "8\\. The COVID-19 pandemic highlighted",
         "8\\. The COVID-19 pandemic clearly highlighted")
    done = build_project(project)
    assert done.returncode == 0, done.stdout + done.stderr  # a warning only with the switch
    from bs4 import BeautifulSoup
    site = project / "site"
    for url in (f"{PAGE}/", f"en/{PAGE}/"):
        page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("#p-8 .stale-note") is not None
        assert len(page.select(".stale-note")) == 1
    view = BeautifulSoup((site / "parallel" / PAGE / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert "parallel-stale" in view.select_one(".parallel-row#p-8")["class"]
    status = BeautifulSoup((site / "en" / "status" / "index.html").read_text(encoding="utf-8"),
                           "html.parser")
    row = next(r for r in status.select("tr") if "Japan-UK" in r.get_text())
    assert [c.get_text(strip=True) for c in row.select("td")][4] == "1"
    strict = build_project(project, STALE_UNITS="error")
    assert strict.returncode == 1 and "unit 'p-8' changed in en since its Japanese was confirmed" in \
        strict.stdout + strict.stderr


def test_export_has_every_aligned_unit_and_parses(tmp_path: Path) -> None:
    aligned = tmexport.pairs(parity.compare(corpus.scan(ROOT / "docs")))
    xml = tmexport.to_tmx(aligned)
    root = etree.fromstring(xml.split("\n", 2)[2])
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang",
                 "datatype"):
        assert header.get(attr), attr
    result = parity.compare(corpus.scan(ROOT / "docs"))
    assert len(root.findall("body/tu")) == sum(len(p.aligned) for p in result.pairs.values())
    units = [tu for tu in root.findall("body/tu") if tu.get("tuid").startswith(f"{PAGE}.md#")]
    ids = [tu.find("prop[@type='x-unit']").text for tu in units]
    assert ids == result.pairs[f"{PAGE}.md"].aligned and len(ids) == 119
    dde = [tu for tu in root.findall("body/tu") if tu.get("tuid").startswith("dialogues/")]
    assert {p.text for tu in dde for p in tu.findall("prop[@type='x-translation']")} == {"unofficial"}
    p2 = units[ids.index("p-2")]
    assert [tuv.get(XML_LANG) for tuv in p2.findall("tuv")] == ["ja", "en"]
    segs = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in p2.findall("tuv")}
    assert segs["en"].startswith("2. This bilateral partnership") and "[^" not in segs["en"]
    assert "**" not in "".join(tu.find("tuv/seg").text for tu in units)
    urls = [p.text for p in p2.findall("prop[@type='x-footnote-url']")]
    assert "https://www.mofa.go.jp/mofaj/files/000436826.pdf" in urls and len(urls) == 8
    lines = tmexport.to_jsonl(aligned).splitlines()
    assert len(lines) == len(aligned) and json.loads(lines[0])["unit"] == "intro-p1"


def test_export_escapes_markup_quotes_and_line_breaks() -> None:
    """The TMX is written as text, not through an XML library: every value must still come
    back from a parser exactly as it went in, and an empty segment stay an element."""
    tricky = 'a & <b> "c" \'d\'\tline\nnext'
    pair = tmexport.AlignedPair(tricky, "p&q.md", 'u"1', "official", "", tricky,
                                ['https://x.example/?a=1&b="2"'])
    root = etree.fromstring(tmexport.to_tmx([pair]).split("\n", 2)[2])
    tu = root.find("body/tu")
    assert tu.get("tuid") == 'p&q.md#u"1'
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props["x-document"] == tricky and props["x-unit"] == 'u"1'
    assert props["x-footnote-url"] == 'https://x.example/?a=1&b="2"'
    segs = {tuv.get(XML_LANG): tuv.find("seg") for tuv in tu.findall("tuv")}
    assert segs["ja"] is not None and segs["ja"].text is None and segs["en"].text == tricky
    assert json.loads(tmexport.to_jsonl([pair]))["en"] == tricky


def test_exports_written_as_files_equal_the_texts_and_are_staged_per_corpus(
        tmp_path: Path) -> None:
    """The build writes the exports as it makes them (never whole in memory) into a folder
    that lives as long as its corpus; the files hold exactly the texts."""
    import gc

    aligned = tmexport.pairs(parity.compare(corpus.scan(ROOT / "docs")))
    paths = tmexport.write(aligned, tmp_path / "out")
    assert paths["aligned-units.tmx"].read_text(encoding="utf-8") == tmexport.to_tmx(aligned)
    assert paths["aligned-units.jsonl"].read_bytes() == tmexport.to_jsonl(aligned).encode()
    staged = tmexport.StagedExports(aligned)
    folder = staged.paths["aligned-units.tmx"].parent
    assert sorted(p.name for p in folder.iterdir()) == sorted(tmexport.EXPORTS)
    del staged
    gc.collect()
    assert not folder.exists()  # a rebuild after an edit leaves no old exports behind


def test_built_site_links_the_exports(built_site: Path) -> None:
    from bs4 import BeautifulSoup
    page = BeautifulSoup((built_site / "status" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    hrefs = [a["href"] for a in page.select("article a") if "exports/" in a["href"]]
    assert hrefs == ["../exports/aligned-units.tmx", "../exports/aligned-units.jsonl"]
    en = BeautifulSoup((built_site / "en" / "status" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in en.select("article a") if "exports/" in a["href"]][0] == "../../exports/aligned-units.tmx"
    assert (built_site / "exports" / "aligned-units.tmx").stat().st_size > 50_000


# --- unofficial translations ------------------------------------------------------------

TRANSLATED = ["dialogues/japan-us-dde-14.md", "white-papers/2013-bilateral-policy.md",
              "white-papers/2020-ict-international-strategy/part-1.md",
              "white-papers/2020-ict-international-strategy/part-2.md"]


def test_translated_documents_have_full_parity() -> None:
    result = parity.compare(corpus.scan(ROOT / "docs"))
    for rel in TRANSLATED:
        pair = result.pairs[rel]
        assert pair.comparable and pair.coverage == 100.0
        assert pair.pages["en"].translation == "unofficial"
        assert not any(pair.unmatched.values())


def test_every_japanese_url_is_on_the_english_side() -> None:
    from policydocs.sources.sourceurls import find_urls
    scanned = corpus.scan(ROOT / "docs")
    for rel in TRANSLATED:
        ja, en = scanned.page("ja", rel), scanned.page("en", rel)
        assert set(find_urls(ja.body)) <= set(find_urls(en.body)), rel
        assert find_urls(ja.body)


def test_banner_on_every_unofficial_page_and_no_official_one(built_site: Path) -> None:
    from bs4 import BeautifulSoup
    scanned = corpus.scan(ROOT / "docs")
    checked = banners = 0
    for (lang, rel), page in scanned.pages.items():
        if not page.document:
            continue
        url = ("" if lang == "ja" else "en/") + rel.removesuffix(".md").removesuffix("index") \
            + ("" if rel.endswith("index.md") else "/")
        html = BeautifulSoup((built_site / url / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        banner = html.select_one(".translation-banner")
        assert (banner is not None) == (page.translation == "unofficial"), url
        if banner is not None:
            banners += 1
            link = banner.select_one("a[hreflang=ja]")
            assert link is not None and "Read the Japanese original" in banner.get_text()
        checked += 1
    assert (checked, banners) == (12, 5)  # 2020: the list of parts and both parts


def test_export_stays_well_formed_when_a_unit_holds_refused_characters() -> None:
    """The build refuses controls and bidi overrides, but still writes its exports: they
    must parse, and show U+FFFD where the character was."""
    pair = tmexport.AlignedPair("d", "p.md", "u1", "official", "a\x00b\x07", "x\u202ey\x85",
                                [])
    root = etree.fromstring(tmexport.to_tmx([pair]).split("\n", 2)[2])
    segs = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in root.findall("body/tu/tuv")}
    assert segs == {"ja": "a\ufffdb\ufffd", "en": "x\ufffdy\ufffd"}
    assert json.loads(tmexport.to_jsonl([pair]))["en"] == "x\ufffdy\ufffd"
