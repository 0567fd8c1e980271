"""The importer on the five real sources, and its safety rules on small fixtures."""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, make_source

from policydocs.core.errors import ContentError
from policydocs.sources import importer, manifest, rawtext

MANIFEST = manifest.load(ROOT / "sources" / "sources.yml")
RULES = rawtext.load_rules(ROOT / "sources" / "boilerplate.yml")
UNIT_ID = re.compile(r"\{: #([a-z0-9-]+) |\{ #([a-z0-9-]+)[ }]")


@pytest.fixture(scope="module")
def results() -> dict[str, importer.ImportResult]:
    return {r.source.id: r for r in importer.convert_all(MANIFEST, [], RULES)}


def page(results, source_id: str, path: str) -> str:
    return next(p.text for p in results[source_id].pages if p.path == path)


def ids_in(text: str) -> list[str]:
    return [a or b for a, b in UNIT_ID.findall(text)]


def test_committed_pages_are_what_the_importer_writes(results, tmp_path: Path) -> None:
    for result in results.values():
        for p in result.pages:
            assert (ROOT / "docs" / p.path).read_text(encoding="utf-8") == p.text, p.path


def test_import_is_deterministic(results) -> None:
    again = {r.source.id: r for r in importer.convert_all(MANIFEST, [], RULES)}
    assert {k: [p.text for p in v.pages] for k, v in again.items()} == \
           {k: [p.text for p in v.pages] for k, v in results.items()}


def test_real_sources_import_without_warnings(results) -> None:
    assert {k: r.warnings for k, r in results.items()} == {k: [] for k in results}


def test_partnership_unit_ids_are_identical_in_both_languages(results) -> None:
    path = "partnerships/japan-uk-digital-partnership.md"
    ja = ids_in(page(results, "japan-uk-digital-partnership-ja", f"ja/{path}"))
    en = ids_in(page(results, "japan-uk-digital-partnership-en", f"en/{path}"))
    assert ja == en
    assert len(ja) == len(set(ja)) == 119
    for unit in ("p-1", "p-24", "s-5-1", "s-5-3-2-a-ii", "s-5-4-1-a-vi", "s-6"):
        assert unit in ja


def test_ids_are_unique_and_valid_on_every_page(results) -> None:
    for result in results.values():
        for p in result.pages:
            ids = ids_in(p.text)
            assert len(ids) == len(set(ids)), p.path
            assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), p.path


def test_partnership_keeps_real_differences_visible(results) -> None:
    path = "partnerships/japan-uk-digital-partnership.md"
    ja = page(results, "japan-uk-digital-partnership-ja", f"ja/{path}")
    en = page(results, "japan-uk-digital-partnership-en", f"en/{path}")
    # Digital Markets: the Japanese item is lettered b., the English a.; same id.
    assert "b. 本パートナーシップにより、日英関係省庁は、競争を促進し" in ja
    assert "a. Through this Partnership, both Participants decide" in en
    assert ja.count("{: #s-5-3-2-a .unit .depth-1 }") == en.count("{: #s-5-3-2-a .unit .depth-1 }") == 1


def test_page_breaks_are_repaired_in_real_sources(results) -> None:
    path = "partnerships/japan-uk-digital-partnership.md"
    ja = page(results, "japan-uk-digital-partnership-ja", f"ja/{path}")
    en = page(results, "japan-uk-digital-partnership-en", f"en/{path}")
    assert "10\\. 日英関係省庁は、言論の自由、民主主義及び法の支配を含む基本的価値を共有する。" in ja
    assert "New technologies are redefining the way in which people live" in en
    assert "研究開発協力、技能交流及び産学連携" in ja
    wp = page(results, "white-paper-2020-ict-international-strategy-ja",
              "ja/white-papers/2020-ict-international-strategy/part-2.md")
    assert "その検討結果が取りまとめられ" in wp


def test_footnotes_have_clean_links(results) -> None:
    en = page(results, "japan-uk-digital-partnership-en",
              "en/partnerships/japan-uk-digital-partnership.md")
    assert "[^2]: <https://www.gov.uk/government/collections/uk-japan-comprehensive-economic-partnership-agreement>" in en
    assert "<https://www.mofa.go.jp/mofaj/ecm/ie/page22_003344.html>" in en
    assert "\\_" not in en
    wp13 = page(results, "white-paper-2013-bilateral-policy-ja", "ja/white-papers/2013-bilateral-policy.md")
    assert "一致した[^10]。" in wp13 and "物聯網[^15]分野" in wp13
    assert "[^14]: 日仏ICT政策協議(第16回)の結果:<https://www.soumu.go.jp/menu_news/s-news/01tsushin06_02000044.html>" in wp13
    assert "別ウィンドウ" not in wp13 and "ページトップへ戻る" not in wp13


def test_long_source_is_split_by_top_level_section(results) -> None:
    paths = [p.path for p in results["white-paper-2020-ict-international-strategy-ja"].pages]
    base = "white-papers/2020-ict-international-strategy"
    assert paths == [f"ja/{base}/index.md", f"ja/{base}/part-1.md", f"ja/{base}/part-2.md"]
    part1 = page(results, "white-paper-2020-ict-international-strategy-ja", f"ja/{base}/part-1.md")
    assert part1.split("---\n", 2)[2].lstrip().startswith("# 1 国際政策における重点推進課題 { #s-1 }")
    assert "###### " not in part1  # levels shift up by one on a part page


def test_japanese_only_sources_get_an_english_notice_page() -> None:
    # The 2020 white paper as it was imported before its translation: one notice per part.
    real = MANIFEST.get("white-paper-2020-ict-international-strategy-ja")
    options = {k: v for k, v in real.options.items() if k != "translated"}
    result = importer.convert(dataclasses.replace(real, options=options), RULES)
    base = "white-papers/2020-ict-international-strategy"
    texts = {p.path: p.text for p in result.pages}
    en = texts[f"en/{base}/index.md"]
    assert "translation: none" in en
    assert "# White Paper on Information and Communications 2020, Section 8" in en
    assert f"[Japanese original](../../../{base}/)" in en
    assert f"[Japanese original](../../../../{base}/part-1/)" in texts[f"en/{base}/part-1.md"]
    ja = texts[f"ja/{base}/index.md"]
    assert "translation: official" in ja and "counterpart: false" in ja


def test_translated_source_leaves_its_english_pages_to_the_translators(results) -> None:
    for source in ("japan-us-dde-14-ja", "white-paper-2013-bilateral-policy-ja",
                   "white-paper-2020-ict-international-strategy-ja"):
        assert all(p.path.startswith("ja/") for p in results[source].pages), source


# --- safety rules -----------------------------------------------------------------------

def test_hand_edited_page_is_not_overwritten_without_force(tmp_path: Path) -> None:
    source = make_source(tmp_path, "題名\n\n本文。")
    docs, lock = tmp_path / "docs", tmp_path / "import.lock.json"
    result = importer.convert(source, [])
    assert importer.write([result], docs, lock).created == [p.path for p in result.pages]
    target = docs / result.pages[0].path
    target.write_text(target.read_text(encoding="utf-8") + "\n手で加えた注記。\n", encoding="utf-8")
    with pytest.raises(ContentError, match="edited by hand"):
        importer.write([result], docs, lock)
    assert "手で加えた注記" in target.read_text(encoding="utf-8")
    assert importer.write([result], docs, lock, force=True).edited == [result.pages[0].path]
    assert "手で加えた注記" not in target.read_text(encoding="utf-8")


def test_rerun_reports_unchanged(tmp_path: Path) -> None:
    result = importer.convert(make_source(tmp_path, "題名\n\n本文。"), [])
    importer.write([result], tmp_path / "docs", tmp_path / "lock.json")
    todo = importer.write([result], tmp_path / "docs", tmp_path / "lock.json")
    assert todo.changes == [] and len(todo.unchanged) == 2


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "import_source.py"), *args],
                          capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A copy of sources/ and docs/ to run the command on."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def cli_in(sandbox: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli("--manifest", str(sandbox / "sources" / "sources.yml"),
                   "--docs", str(sandbox / "docs"), *args)


def test_cli_check_passes_on_the_repository() -> None:
    result = run_cli("--check")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("damage, message", [
    (None, "unknown source id 'no-such-source'"),
    (b"", "source file is empty"),
    ("\u65e5\u672c".encode("shift_jis"), "not valid UTF-8"),
    ("missing", "source file not found"),
])
def test_cli_bad_input_is_one_line_and_writes_nothing(sandbox: Path, damage, message) -> None:
    target = sandbox / "sources" / "japan-us-dde-14.ja.txt"
    if damage == "missing":
        target.unlink()
    elif damage is not None:
        target.write_bytes(damage)
    before = {p: p.read_bytes() for p in (sandbox / "docs").rglob("*.md")}
    ids = ["no-such-source"] if damage is None else []
    result = cli_in(sandbox, *ids)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (sandbox / "docs").rglob("*.md")} == before


@pytest.mark.parametrize(("char", "name"), [("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
                                            ("\u0007", "U+0007")])
def test_invisible_characters_in_a_source_are_refused_at_their_line(tmp_path: Path, char,
                                                                    name) -> None:
    source = make_source(tmp_path, f"題名\n\n本文。\n二行目{char}です。\n")
    with pytest.raises(ContentError, match=rf"fixture.txt:4: the source holds .*{re.escape(name)}"):
        importer.convert(source, [])


def test_escaped_underscores_in_a_url_keep_the_url_whole(tmp_path: Path) -> None:
    source = make_source(tmp_path, "題名\n\n詳細は https://example.org/a\\_b\\_c/page を参照。\n")
    text = importer.convert(source, []).pages[0].text
    assert "<https://example.org/a_b_c/page>" in text and "page>ge" not in text


@pytest.mark.parametrize(("block", "message"), [
    (lambda en: en.mkdir(parents=True), "a folder is where this page should be written"),
    (lambda en: en.parent.parent.write_text("x"), "is a file, but fixture.md needs it to be"),
])
def test_a_blocked_target_writes_nothing(tmp_path: Path, block, message) -> None:
    result = importer.convert(make_source(tmp_path, "題名\n\n本文。"), [])
    docs, lock = tmp_path / "docs", tmp_path / "import.lock.json"
    ja, en = (docs / p.path for p in result.pages)
    en.parent.parent.parent.mkdir(parents=True)
    block(en)  # a folder where the English page goes, or a file where its folder goes
    with pytest.raises(ContentError, match=message):
        importer.write([result], docs, lock)
    assert not ja.exists() and not lock.exists()
    assert [p.name for p in tmp_path.rglob(".*.tmp")] == []


def test_a_failed_write_leaves_the_previous_import_in_place(tmp_path: Path,
                                                            monkeypatch) -> None:
    docs, lock = tmp_path / "docs", tmp_path / "import.lock.json"
    first = importer.convert(make_source(tmp_path, "題名\n\n本文。"), [])
    importer.write([first], docs, lock)
    before = {p: p.read_bytes() for p in [*docs.rglob("*.md"), lock]}
    second = importer.convert(make_source(tmp_path, "題名\n\n新しい本文。"), [])
    calls = []
    real = importer.atomicwrite._stage

    def fail_on_the_lock(path, text):
        calls.append(path)
        if path == lock:  # the changed page is staged, then the lock cannot be written
            raise OSError(28, "No space left on device")
        return real(path, text)

    monkeypatch.setattr(importer.atomicwrite, "_stage", fail_on_the_lock)
    with pytest.raises(ContentError, match="import.lock.json: cannot write: No space left"):
        importer.write([second], docs, lock)
    assert len(calls) == 2 and {p: p.read_bytes() for p in before} == before
    assert [p.name for p in tmp_path.rglob(".*.tmp")] == []


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    import os
    result = importer.convert(make_source(tmp_path, "題名\n\n本文。"), [])
    old = os.umask(0o022)
    try:
        importer.write([result], tmp_path / "docs", tmp_path / "lock.json")
    finally:
        os.umask(old)
    modes = {p.stat().st_mode & 0o777 for p in [*tmp_path.glob("docs/**/*.md"),
                                                  tmp_path / "lock.json"]}
    assert modes == {0o644}


def test_cli_outline_prints_the_outline_and_dropped_lines_and_writes_nothing(sandbox: Path
                                                                             ) -> None:
    before = sorted(p.read_bytes() for p in (sandbox / "docs").rglob("*.md"))
    result = run_cli("japan-us-dde-14-ja", "--outline", "--manifest",
                     str(sandbox / "sources" / "sources.yml"), "--docs", str(sandbox / "docs"))
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert any(re.match(r"\s+20\s+h3\s+\(1\)\s+s-1-2\s+5G及び", row) for row in rows)
    assert any("dropped  breadcrumb-soumu: 総務省トップ" in row for row in rows)
    assert sorted(p.read_bytes() for p in (sandbox / "docs").rglob("*.md")) == before


def test_cli_outline_lists_what_a_pair_does_not_share() -> None:
    corpus = ROOT / "tests" / "fixtures" / "new_sources"
    result = run_cli("mic-eu-ict-dialogue-25-ja", "mic-eu-ict-dialogue-25-en", "--outline",
                     "--manifest", str(corpus / "sources.yml"))
    assert "6 numbered points pair" in result.stdout
    assert re.search(r"en only\s+4\. s-1-2-4 Standardization", result.stdout)
