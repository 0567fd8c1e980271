"""Shared fixtures: the repository root, the real site's corpus and aligned pairs (scanned
once per session), and one strict build of the real site."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site_corpus():
    """The real site's pages, scanned once for every test that reads them."""
    from policydocs.pages import corpus
    return corpus.scan(ROOT / "docs")


@pytest.fixture(scope="session")
def aligned(site_corpus):
    """Every unit of the real site aligned across the languages."""
    from policydocs.site import parity, tmexport
    return tmexport.pairs(parity.compare(site_corpus))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the real site, shared by every test that inspects its HTML."""
    import os
    import re
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert not re.search(r"^\s*(WARNING|ERROR)\b", log, re.M), log
    return site
