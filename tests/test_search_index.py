"""The streamed Pagefind index equals the one the command-line Pagefind makes of the
finished site, and its failures are reported, never raised."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from policydocs.search.pagefind import BODY_END, OUTPUT, StreamingIndex, build_index, search_copy

PAGES = {
    "index.html": ("ja", "ホーム", False),
    "a/index.html": ("ja", "信頼性のある自由なデータ流通を推進する。", True),
    "b/index.html": ("ja", "国際標準化を推進する。", True),
    "odd, name!/index.html": ("ja", "名前に記号がある頁。", True),  # not literal in a glob
    "en/a/index.html": ("en", "We promote Data Free Flow with Trust.", True),
    "en/index.html": ("en", "Home", False),
}


def html(lang: str, text: str, body: bool) -> str:
    """A page as the theme writes it: navigation around the body, the body's end marked."""
    mark = " data-pagefind-body" if body else ""
    return (f'<!doctype html><html class="no-js" lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{text[:8]}</title></head><body><nav>menu</nav><article{mark}>'
            f'<h1 id="s-1">{text[:8]}</h1><p id="p-1">{text}</p><a class="headerlink">¶</a>'
            f'</article>{BODY_END if body else ""}<footer>foot</footer></body></html>')


def fragments(index_dir: Path) -> dict[str, dict]:
    """Every indexed page's record (text, title, anchors, word count...) by URL."""
    out = {}
    for path in (index_dir / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        out[data["url"]] = data
    return out


def test_the_copy_for_the_index_keeps_language_title_and_body_only() -> None:
    page = html("ja", "本文です。", True)
    assert search_copy(page) == (
        '<!doctype html><html lang="ja"><head><title>本文です。</title></head><body>'
        '<article data-pagefind-body><h1 id="s-1">本文です。</h1><p id="p-1">本文です。</p>'
        '<a class="headerlink">¶</a></article></body></html>')
    unmarked = page.replace(BODY_END, "")
    assert search_copy(unmarked) == unmarked  # no end mark: Pagefind reads the whole page


def test_streamed_index_equals_the_command_line_index(tmp_path: Path) -> None:
    streamed, cli = tmp_path / "streamed", tmp_path / "cli"
    index = StreamingIndex(streamed, batch=2)
    for rel, (lang, text, body) in PAGES.items():
        index.add(rel, html(lang, text, body))  # as MkDocs does: announced, then written
        (streamed / rel).parent.mkdir(parents=True, exist_ok=True)
        (streamed / rel).write_text(html(lang, text, body), encoding="utf-8")
    shutil.copytree(streamed, cli)
    assert build_index(cli).ok
    result = index.write()
    assert result.ok and result.log == "4 pages indexed", result.log
    found = fragments(streamed / OUTPUT)
    assert found == fragments(cli / OUTPUT)  # the cut-down copies index as the pages do
    assert set(found) == {"/a/", "/b/", "/odd, name!/", "/en/a/"}
    assert "データ\u200b流通" in found["/a/"]["content"]  # segmented Japanese: the extended build
    assert "menu" not in found["/en/a/"]["content"] and "¶" not in found["/en/a/"]["content"]
    assert found["/en/a/"]["meta"]["title"] == "We promo"
    entry = json.loads((streamed / OUTPUT / "pagefind-entry.json").read_text())
    assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == {"ja": 3, "en": 1}


def test_pages_are_indexed_from_copies_that_are_removed_after(tmp_path: Path) -> None:
    index = StreamingIndex(tmp_path / "site")
    staging = index._staging
    index.add("a/index.html", html("en", "Text of a page.", True))  # never written to the site
    result = index.write()
    assert result.ok and result.log == "1 pages indexed", result.log
    assert "/a/" in fragments(tmp_path / "site" / OUTPUT) and not staging.exists()


def test_a_dead_service_is_reported_not_raised(tmp_path: Path) -> None:
    index = StreamingIndex(tmp_path)
    index.close()  # as if the process had gone away
    index.add("a/index.html", html("en", "text", True))
    result = index.write()
    assert not result.ok and "stopped before 1 page(s) were added" in result.log


def test_a_missing_binary_is_one_line_not_a_traceback(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    result = build_index(tmp_path)
    assert not result.ok and "Traceback" not in result.log and "\n" not in result.log
    assert result.log.startswith("Pagefind failed")
