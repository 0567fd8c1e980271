"""A document without English text, built in a copy of the site: every real document now has
English, so a scaffolded Japanese-only one keeps the notice path under test."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from helpers import build_project, copy_project

from policydocs.sources.scaffold import NewDocument, create

DOC = "dialogues/japanese-only"
TITLE = {"ja": "日本語だけの対話", "en": "A dialogue in Japanese only"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("untranslated"))
    create(NewDocument(path=DOC, title=TITLE, issuer={"ja": "総務省", "en": "MIC"},
                       date=dt.date(2025, 3, 1), translation_en="none",
                       pillars={"data": "a fixture tagged for the data pillar"}), project / "docs")
    done = build_project(project)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_notice_page_links_to_the_japanese_original(site: Path) -> None:
    url = f"en/{DOC}/"
    page = soup(site, url)
    assert page.select_one("h1").get_text(strip=True).startswith(TITLE["en"])
    assert "No English text yet" in page.select_one(".admonition-title").get_text()
    link = page.select_one(".admonition a")
    assert urljoin(f"/{url}", link["href"]) == f"/{DOC}/"


def test_notice_page_is_not_indexed_and_has_no_side_by_side_view(site: Path) -> None:
    assert soup(site, f"en/{DOC}/").select_one("[data-pagefind-body]") is None
    assert soup(site, f"{DOC}/").select_one("[data-pagefind-body]") is not None
    assert soup(site, f"{DOC}/").select_one(".doc-tools") is None
    assert not (site / "parallel" / DOC).exists()


def test_english_pillar_index_marks_the_document_as_japanese_only(site: Path) -> None:
    entry = next(li for li in soup(site, "en/pillars/data/").select("article li")
                 if f"{DOC}/" in li.a["href"])
    assert entry.select_one(".only-ja").get_text() == "Japanese only"
    assert entry.a["lang"] == "ja" and TITLE["ja"] in entry.a.get_text()
    assert urljoin("/en/pillars/data/", entry.a["href"]) == f"/{DOC}/"
    assert soup(site, "pillars/data/").select(".only-ja") == []


@pytest.mark.parametrize("url, cells", [("status/", ["公式", "なし", "0%"]),
                                        ("en/status/", ["official", "none", "0%"])])
def test_status_page_shows_the_gap(site: Path, url: str, cells: list[str]) -> None:
    rows = {r.select("td")[0].get_text(strip=True): [c.get_text(strip=True) for c in r.select("td")[1:4]]
            for r in soup(site, url).select("article table tr") if r.select("td")}
    title = TITLE["ja"] if url == "status/" else TITLE["en"]
    assert rows[title] == cells
