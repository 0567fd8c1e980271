"""Where a page says its original is, in the reader's language."""
from __future__ import annotations

import pytest

from policydocs.site.provenance import original, original_html

URL = "https://www.soumu.go.jp/a.html"


@pytest.mark.parametrize("meta, reader, label, lang", [
    ({"language": "ja", "translation": "official", "url": URL}, "ja", "原文", "ja"),
    ({"language": "en", "translation": "unofficial", "url": URL}, "en", "Japanese original", "ja"),
    ({"language": "en", "translation": "none", "url": URL}, "en", "Japanese original", "ja"),
    ({"language": "en", "translation": "official", "url": URL}, "en", "Original", "en"),
    ({"language": "ja", "translation": "none", "url": URL}, "ja", "英語の原文", "en"),
])
def test_the_original_is_in_the_language_it_was_published_in(meta, reader, label, lang) -> None:
    got = original(meta, reader)
    assert (got.label, got.language, got.url) == (label, lang, URL)


def test_without_a_url_the_original_is_not_confirmed() -> None:
    assert original({"language": "ja", "translation": "official"}, "ja").url is None
    assert original_html({"language": "en", "translation": "official"}, "en") == (
        '<p class="view-original"><strong>Original</strong>: not confirmed (where this text '
        'was published has not been checked yet)</p>\n')


def test_the_line_escapes_what_it_prints() -> None:
    line = original_html({"language": "ja", "translation": "official",
                          "url": 'https://x.example/?a="><script>'}, "ja")
    assert "<script>" not in line and "&quot;&gt;&lt;script&gt;" in line
