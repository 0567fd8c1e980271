"""`mkdocs serve`: after one page is edited, the next rebuild shows the change in the pages
generated from the corpus (glossary, pillar index, side-by-side view) and in the search
index, so no cache can serve stale data."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import ROOT

PAGE = "partnerships/japan-uk-digital-partnership"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def index_hashes(base: str) -> dict[str, str]:
    entry = json.loads(fetch(base + "pagefind/pagefind-entry.json"))
    return {lang: value["hash"] for lang, value in entry["languages"].items()}


@pytest.fixture
def server(tmp_path: Path):
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "docs", "policydocs"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        yield tmp_path, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_an_edit_reaches_every_generated_page(server) -> None:
    project, base = server
    wait_for(base + "glossary/", "DFFT")
    assert "ZQN" not in fetch(base + "glossary/")
    search_before = index_hashes(base)
    edits = {
        "ja": ("日英関係省庁は、現在が急速な技術変化",
               "日英関係省庁は、ゼータ量子網（ZQN）の時代にあって、現在が急速な技術変化"),
        "en": ("Both Participants recognise that this is",
               "Both Participants, in the age of the Zeta Quantum Network (ZQN), recognise that this is"),
    }
    for lang, (old, new) in edits.items():
        path = project / "docs" / lang / f"{PAGE}.md"
        text = path.read_text(encoding="utf-8").replace(old, new, 1)
        if lang == "ja":
            text = text.replace("## ガバナンス { #s-3 }", '## ガバナンス { #s-3 pillars="data" why="test" }')
        path.write_text(text, encoding="utf-8")
    glossary = wait_for(base + "en/glossary/", "Zeta Quantum Network")
    assert 'id="term-zqn"' in glossary
    wait_for(base + f"parallel/{PAGE}/", "ゼータ量子網")
    pillar = wait_for(base + "pillars/data/", f"{PAGE}/#s-3")
    assert "ガバナンス" in pillar
    assert 'title="Zeta Quantum Network"' in fetch(base + f"en/{PAGE}/")
    deadline = time.monotonic() + 60  # the index of both languages was rebuilt too
    while index_hashes(base) == search_before and time.monotonic() < deadline:
        time.sleep(0.5)
    after = index_hashes(base)
    assert all(after[lang] != search_before[lang] for lang in ("ja", "en")), after


def test_a_change_to_the_lock_file_alone_changes_the_stale_marks(server) -> None:
    project, base = server
    view = base + f"parallel/{PAGE}/"
    wait_for(view, "p-1")
    assert "parallel-stale" not in fetch(view)
    lock = project / "data" / "translation.lock.json"
    confirmed = lock.read_text(encoding="utf-8")
    entry = '"p-1": {"en": "0fb9512507c3a050", "ja": "939004b16e1b8bb6"}'
    assert entry in confirmed
    # As if the English of p-1 had been confirmed for another text: it is stale now.
    lock.write_text(confirmed.replace(entry, entry.replace("0fb9512507c3a050", "0" * 16)),
                    encoding="utf-8")
    wait_for(view, "parallel-stale")
    lock.write_text(confirmed, encoding="utf-8")  # confirmed again (scripts/confirm_units.py)
    deadline = time.monotonic() + 60
    while "parallel-stale" in fetch(view) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "parallel-stale" not in fetch(view)
