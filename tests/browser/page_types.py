"""The page types every accessibility and performance check covers, listed once.

A new kind of page joins the axe audit, the keyboard walk and the Lighthouse benchmark by
being added here. Paths are relative to the language root ("" for Japanese, "en/").
"""
from __future__ import annotations

PARTNERSHIP = "partnerships/japan-uk-digital-partnership/"

PAGE_TYPES: dict[str, str] = {
    "home": "",
    "document": PARTNERSHIP,
    "side-by-side": "parallel/" + PARTNERSHIP,
    "pillar-overview": "pillars/",
    "pillar": "pillars/data/",
    "glossary": "glossary/",
    "concordance": "concordance/",
    "status": "status/",
    "white-paper-part": "white-papers/2020-ict-international-strategy/part-1/",
    "not-found": "404.html",
}
LANGUAGES = {"ja": "", "en": "en/"}
SCHEMES = ("light", "dark")
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def url(base_url: str, lang: str, page_type: str) -> str:
    return base_url + LANGUAGES[lang] + PAGE_TYPES[page_type]
