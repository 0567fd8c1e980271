"""URLs between built pages: the default language at the root, the other under its code."""
from __future__ import annotations

import pytest

from policydocs.core.pageurls import generated_href, md_link, page_url, relative


@pytest.mark.parametrize(("rel", "language", "url"), [
    ("partnerships/x.md", "ja", "partnerships/x/"),
    ("partnerships/x.md", "en", "en/partnerships/x/"),
    ("index.md", "ja", ""),
    ("index.md", "en", "en/"),
    ("white-papers/2020/index.md", "en", "en/white-papers/2020/"),
    ("glossary.md", "en", "en/glossary/"),
])
def test_page_url(rel: str, language: str, url: str) -> None:
    assert page_url(rel, language, "ja") == url


def test_the_default_language_is_whichever_is_configured() -> None:
    assert page_url("x.md", "en", default="en") == "x/"
    assert page_url("x.md", "ja", default="en") == "ja/x/"


@pytest.mark.parametrize(("here", "there", "href"), [
    ("partnerships/x/", "en/partnerships/x/", "../../en/partnerships/x/"),
    ("en/partnerships/x/", "partnerships/x/", "../../../partnerships/x/"),
    ("", "en/", "en/"),
    ("en/", "", ".."),  # relpath of the root: the browser reads ".." as "../"
    ("a/b/", "a/b/", "./"),
    ("a/", "a/b/", "b/"),
])
def test_relative_hrefs_between_directory_urls(here: str, there: str, href: str) -> None:
    assert relative(here, there) == href


def test_md_link_and_generated_href() -> None:
    assert md_link("pillars/data.md", "partnerships/x.md") == "../partnerships/x.md"
    assert md_link("glossary.md", "x.md") == "x.md"
    assert generated_href("glossary.md", "en", "partnerships/x.md", "ja") == (
        "resolved:../../partnerships/x/")
