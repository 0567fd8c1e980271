"""The concordance page of each language (対訳検索 / Bilingual concordance): its Markdown (a
title and what the page does) and what its template needs (overrides/concordance.html):
the words of the form, the sections to filter by (each section's documents are loaded when
it is chosen: policydocs.search.concordancefilters), and, for the script, its strings and
the term base's forms. The index it searches is ``policydocs.search.concordance``."""
from __future__ import annotations

from ..search.concordance import term_forms
from ..search.concordancefilters import Section
from ..terms.termbase import TermBase

PAGE = "concordance.md"
TEMPLATE = "concordance.html"

TEXT = {
    "ja": {
        "title": "対訳検索",
        "intro": "語句を入力すると、それを含む日英の対応単位を、日本語と英語を並べて示します。"
                 "用語集（用語ベース）にある語は、もう一方の言語の訳語にも印が付きます。"
                 "各単位から、その箇所の本文へ移れます。",
        "query": "語句",
        "submit": "検索",
        "hint": "日本語の文字を含む語句は日本語の本文から、それ以外は英語の本文から探します。"
                "日本語は区切らずに入力できます。",
        "filters": "絞り込み",
        "section": "分類",
        "all_sections": "すべての分類",
        "document": "文書",
        "all_documents": "分類内のすべての文書",
        "translation": "英語の本文",
        "all_translations": "公式・非公式とも",
        "official": "公式の英語版",
        "unofficial": "非公式の英訳",
        "more": "さらに表示",
        "noscript": "対訳検索には JavaScript が必要です。対応単位はすべて、"
                    "オープンデータ（exports/documents/）と翻訳メモリ（exports/）でも入手できます。",
    },
    "en": {
        "title": "Bilingual concordance",
        "intro": "Type a word or phrase to see every aligned pair of units that holds it, the "
                 "Japanese and the English side by side. Where the term base knows the term, "
                 "its rendering in the other language is marked too. Each unit links to its "
                 "place in the text.",
        "query": "Word or phrase",
        "submit": "Search",
        "hint": "A phrase with Japanese characters is looked up in the Japanese texts, any "
                "other in the English texts. Japanese can be typed without spaces.",
        "filters": "Filters",
        "section": "Section",
        "all_sections": "All sections",
        "document": "Document",
        "all_documents": "All documents of the section",
        "translation": "English text",
        "all_translations": "Official and unofficial",
        "official": "Official English",
        "unofficial": "Unofficial translation",
        "more": "Show more",
        "noscript": "The concordance needs JavaScript. Every aligned unit is also in the open "
                    "data (exports/documents/) and the translation memory (exports/).",
    },
}

# The script's strings: "#" is the count (or the query), "%" the number of documents.
SCRIPT_TEXT = {
    "ja": {"searching": "検索しています…", "short": "2 文字以上入力してください。", "failed": "検索できませんでした:",
           "none": "「#」を含む対応単位はありません。",
           "count": "# 組の対応単位（% 文書）", "count_more": "# 組の対応単位（% 文書）。続きがあります",
           "link_ja": "日本語の本文", "link_en": "英語の本文",
           "translation_official": "公式の英語版", "translation_unofficial": "非公式の英訳"},
    "en": {"searching": "Searching…", "short": "Type at least two characters.", "failed": "The search failed:",
           "none": "No aligned unit holds “#”.",
           "count": "# aligned pairs in % documents", "count_more":
           "# aligned pairs in % documents so far; there are more",
           "link_ja": "Japanese text", "link_en": "English text",
           "translation_official": "official English", "translation_unofficial":
           "unofficial translation"},
}


def render_page(language: str) -> str:
    """The page's Markdown; the form and the results come from its template."""
    t = TEXT[language]
    return (f"---\ntitle: {t['title']}\ntemplate: {TEMPLATE}\n---\n\n"
            f"# {t['title']}\n\n{t['intro']}\n")


def sections(found: list[Section], titles: dict[str, str]) -> list[dict]:
    """The sections the concordance holds, titled and ordered as the navigation has them
    (``titles``: folder -> title in the page's language, in the order of data/sections.yml),
    each with the number of its file."""
    order = {folder: i for i, folder in enumerate(titles)}
    return [{"index": s.index, "title": titles.get(s.folder, s.folder),
             "documents": len(s.documents)}
            for s in sorted(found, key=lambda s: (order.get(s.folder, len(order)), s.index))]


def template_data(found: list[Section], titles: dict[str, str], terms: TermBase,
                  language: str) -> dict:
    """``page.meta.concordance`` for the template."""
    return {"text": TEXT[language], "sections": sections(found, titles),
            "data": {"strings": SCRIPT_TEXT[language], "terms": term_forms(terms)}}
