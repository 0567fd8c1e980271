"""What the "cite this passage" tool (assets/javascripts/cite.js) needs on a document page:
the document's title, issuer and date, every unit's name as a reader cites it, and the
words of the tool in the page's language. The page carries it as one JSON block; the
script adds a cite button to each unit, so a page without JavaScript has none."""
from __future__ import annotations

import datetime as dt

from ..pages.corpus import PageRecord

TEXT = {
    "ja": {"short": "引用", "cite": "{name}を引用", "link": "リンクをコピー", "citation": "引用をコピー",
           "copied": "コピーしました", "failed": "コピーできませんでした。下の文字列を選択してコピーしてください。",
           "close": "閉じる", "citation_format": "{issuer}『{title}』（{date}）{name}、{url}"},
    "en": {"short": "Cite", "cite": "Cite {name}", "link": "Copy link", "citation": "Copy citation",
           "copied": "Copied", "failed": "Could not copy: select the text below and copy it.",
           "close": "Close", "citation_format": "{issuer}, “{title}” ({date}), {name}, {url}"},
}


def page_data(page: PageRecord, document_title: str, language: str) -> dict:
    """The JSON object of one document page in ``language``."""
    date = page.meta.get("date")
    return {"title": document_title, "issuer": str(page.meta.get("issuer") or ""),
            "date": date.isoformat() if isinstance(date, dt.date) else "",
            "names": page.passage_names, "text": TEXT[language]}
