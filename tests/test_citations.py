"""The data a document page gives its cite tool."""
from __future__ import annotations

from pathlib import Path

from policydocs.pages import corpus
from policydocs.site import citations


def test_page_data_names_every_unit_in_the_pages_language(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "en" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Part\ndate: 2024-02-27\nissuer: MIC\n---\n\n"
                    "## Overview { #s-1 }\n\nText.\n{: #s-1-p1 .unit }\n", encoding="utf-8")
    record = corpus.scan(tmp_path / "docs").page("en", "a.md")
    data = citations.page_data(record, "The Document", "en")
    assert {k: data[k] for k in ("title", "issuer", "date", "names")} == {
        "title": "The Document", "issuer": "MIC", "date": "2024-02-27",
        "names": {"s-1": "“Overview”", "s-1-p1": "“Overview”, paragraph 1"}}
    assert set(data["text"]) == set(citations.TEXT["ja"])  # every word in both languages
    for words in citations.TEXT.values():
        for field in ("issuer", "title", "date", "name", "url"):
            assert "{" + field + "}" in words["citation_format"]
