import datetime as dt
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from policydocs.pages import corpus
from policydocs.site import parity
from policydocs.sources.scaffold import NewDocument, create
from policydocs.validation.checks import check


def doc(**changes) -> NewDocument:
    base = dict(path="dialogues/new-dialogue", title={"ja": "新しい対話 <&>", "en": "A new dialogue"},
                issuer={"ja": "総務省", "en": "MIC"}, date=dt.date(2025, 3, 1))
    base.update(changes)
    return NewDocument(**base)


def test_new_pages_pass_every_check_and_parity(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    written = create(doc(pillars={"data": "a reason"}), docs)
    assert [p.relative_to(docs).as_posix() for p in written] == [
        "ja/dialogues/new-dialogue.md", "en/dialogues/new-dialogue.md"]
    scanned = corpus.scan(docs)
    assert check(scanned, "ja", set()) == []
    result = parity.compare(scanned)
    assert result.problems == [] and result.pairs["dialogues/new-dialogue.md"].aligned == ["s-1", "p-1"]
    assert "# 新しい対話 &lt;&amp;&gt;" in written[0].read_text(encoding="utf-8")


def test_english_without_text_gets_the_notice(tmp_path: Path) -> None:
    written = create(doc(translation_en="none"), tmp_path / "docs")
    text = written[1].read_text(encoding="utf-8")
    assert "translation: none" in text and "[Japanese original](../../../dialogues/new-dialogue/)" in text


def test_cli_refuses_to_overwrite_and_reports_bad_dates(tmp_path: Path) -> None:
    args = [sys.executable, str(ROOT / "scripts" / "new_page.py"), "dialogues/x", "--title-ja", "x",
            "--title-en", "x", "--issuer-ja", "x", "--issuer-en", "x", "--docs", str(tmp_path)]
    bad = subprocess.run(args + ["--date", "2024/2/27"], capture_output=True, text=True)
    assert bad.returncode == 2 and "expected YYYY-MM-DD, got '2024/2/27'" in bad.stderr
    assert subprocess.run(args + ["--date", "2024-02-27"], capture_output=True).returncode == 0
    again = subprocess.run(args + ["--date", "2024-02-27"], capture_output=True, text=True)
    assert again.returncode == 1 and "a page already exists here" in again.stderr
    assert "Traceback" not in again.stderr
