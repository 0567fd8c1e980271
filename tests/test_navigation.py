"""The documents' sections of the navigation come from the pages, not from mkdocs.yml."""
from __future__ import annotations

from pathlib import Path

import pytest

from policydocs.core.errors import ContentError
from policydocs.pages import corpus
from policydocs.site import navigation

SECTIONS = """sections:
  - folder: dialogues
    title: {ja: 政策対話, en: Policy dialogues}
  - folder: white-papers
    title: {ja: 白書, en: White papers}
    documents:
      white-papers/wp: {ja: 第8節, en: Section 8}
"""


def page(docs: Path, rel: str, document: str | None, date: str = "2024-01-01",
         title: str = "題名") -> None:
    for lang in ("ja", "en"):
        path = docs / lang / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = f"document: {document}\ndate: {date}\n" if document else ""
        path.write_text(f"---\ntitle: {title}\n{meta}---\n\n本文。\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path):
    docs = tmp_path / "docs"
    page(docs, "index.md", None)
    page(docs, "dialogues/later.md", "dialogues/later", "2024-05-01")
    page(docs, "dialogues/earlier.md", "dialogues/earlier", "2019-12-17")
    for rel in ("index.md", "part-2.md", "part-1.md"):
        page(docs, f"white-papers/wp/{rel}", "white-papers/wp")
    (tmp_path / "sections.yml").write_text(SECTIONS, encoding="utf-8")
    return corpus.scan(docs), navigation.load_sections(tmp_path / "sections.yml")


def test_documents_are_filed_by_folder_in_order_of_date_in_the_pass_language(site) -> None:
    pages, sections = site
    assert navigation.document_sections(pages, sections, "en") == [
        {"Policy dialogues": ["dialogues/earlier.md", "dialogues/later.md"]},
        {"White papers": [{"Section 8": ["white-papers/wp/index.md", "white-papers/wp/part-1.md",
                                         "white-papers/wp/part-2.md"]}]},
    ]


def test_the_sections_go_after_the_home_page_and_are_replaced_in_every_pass(site) -> None:
    pages, sections = site
    folders = {s.folder for s in sections}
    nav = ["index.md", {"用語集": "glossary.md"}]
    ja = navigation.with_documents(nav, navigation.document_sections(pages, sections, "ja"),
                                   folders)
    en = navigation.with_documents(ja, navigation.document_sections(pages, sections, "en"),
                                   folders)
    assert [next(iter(e)) if isinstance(e, dict) else e for e in en] == [
        "index.md", "Policy dialogues", "White papers", "用語集"]


def test_a_document_in_a_folder_without_a_section_is_a_clear_error(site, tmp_path) -> None:
    _, sections = site
    page(tmp_path / "docs", "press/new.md", "press/new")
    with pytest.raises(ContentError, match=r"docs/ja/press/new.md:3: no section in "
                       r"data/sections.yml for the folder 'press'"):
        navigation.document_sections(corpus.scan(tmp_path / "docs"), sections, "ja")


def test_a_section_without_both_titles_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sections.yml"
    path.write_text("sections:\n  - folder: press\n    title: {ja: 報道}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"data/sections.yml:3: a title needs both"):
        navigation.load_sections(path)
