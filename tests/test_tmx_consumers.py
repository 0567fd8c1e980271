"""The TMX export against the real TMX 1.4 DTD and a real CAT tool's import.

Both come from Debian's ``omegat`` package (the OmegaT CAT tool ships ``tmx14.dtd`` in its
jar); .ci/run installs it, and the tests skip with the reason when it is absent.
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from lxml import etree

from policydocs.pages import corpus
from policydocs.site import parity, tmexport

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
needs_omegat = pytest.mark.skipif(not OMEGAT_JAR.is_file() or not shutil.which("java"),
                                  reason="OmegaT is not installed (apt-get install omegat)")
PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
  <source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir>
  <tm_dir>__DEFAULT__</tm_dir><glossary_dir>__DEFAULT__</glossary_dir>
  <glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
  <source_lang>ja</source_lang><target_lang>en</target_lang>
  <source_tok>org.omegat.tokenizer.LuceneJapaneseTokenizer</source_tok>
  <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
  <sentence_seg>false</sentence_seg>
  <support_default_translations>true</support_default_translations>
  <remove_tags>false</remove_tags>
</project></omegat>
"""


@pytest.fixture(scope="module")
def aligned() -> list[tmexport.AlignedPair]:
    return tmexport.pairs(parity.compare(corpus.scan(ROOT / "docs")))


@pytest.fixture(scope="module")
def dtd() -> etree.DTD:
    with zipfile.ZipFile(OMEGAT_JAR) as jar, jar.open("schemas/tmx14.dtd") as handle:
        return etree.DTD(handle)


@needs_omegat
def test_export_is_valid_against_the_tmx14_dtd(aligned, dtd) -> None:
    document = etree.fromstring(tmexport.to_tmx(aligned).encode("utf-8"))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    # The validator is not lenient: a unit without its segment is rejected.
    document.find("body/tu/tuv").remove(document.find("body/tu/tuv/seg"))
    assert not dtd.validate(document)


@needs_omegat
def test_omegat_imports_the_export_and_translates_with_it(aligned, tmp_path: Path) -> None:
    # One unit of every page, and a sentence the memory does not hold.
    first = {}
    for pair in aligned:
        if pair.page not in first and "\n" not in pair.ja and len(pair.ja) > 20:
            first[pair.page] = pair
    units = list(first.values())
    unknown = "これは翻訳メモリにない文です。"
    for name in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "omegat.project").write_text(PROJECT_FILE, encoding="utf-8")
    (tmp_path / "tm" / "auto" / "aligned-units.tmx").write_text(tmexport.to_tmx(aligned), encoding="utf-8")
    (tmp_path / "source" / "sample.txt").write_text(
        "\n\n".join([u.ja for u in units] + [unknown]) + "\n", encoding="utf-8")
    run = subprocess.run(["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(tmp_path),
                          "--mode=console-translate"], capture_output=True, text=True, timeout=300)
    log = run.stdout + run.stderr
    assert run.returncode == 0 and "Reading of TMX file complete" in log, log[-2000:]
    target = (tmp_path / "target" / "sample.txt").read_text(encoding="utf-8").split("\n\n")
    assert [t.strip() for t in target] == [u.en for u in units] + [unknown]
    assert len(units) == 5  # every page with aligned units
