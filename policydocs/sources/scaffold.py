"""A new document in both languages: the two pages at matching paths, with front matter
that passes the schema and the same first unit ids, so parity holds from the start."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ContentError
from ..core.markdowntext import escape_inline
from ..core.pageurls import page_url, relative
from ..pages import frontmatter
from ..pages.corpus import PageRecord
from . import writer

STARTER = {
    "ja": "## 概要 { #s-1 }\n\n1\\. ここに本文の第1段落を書きます。\n{: #p-1 .unit }\n",
    "en": "## Summary { #s-1 }\n\n1\\. The first paragraph of the text goes here.\n{: #p-1 .unit }\n",
}


@dataclass
class NewDocument:
    path: str  # e.g. "dialogues/japan-us-dde-15"
    title: dict[str, str]
    issuer: dict[str, str]
    date: dt.date
    translation_en: str = "official"  # official | unofficial | none
    url: str | None = None
    pillars: dict[str, str] | None = None


def pages(doc: NewDocument) -> dict[str, str]:
    """docs-relative path -> text of each page."""
    out = {}
    for lang in ("ja", "en"):
        state = "official" if lang == "ja" else doc.translation_en
        fields = {"title": doc.title[lang], "document": doc.path, "language": lang,
                  "date": doc.date, "issuer": doc.issuer[lang], "url": doc.url,
                  "translation": state, "counterpart": True,
                  "pillars": doc.pillars or None}
        if state == "none":
            here = page_url(f"{doc.path}.md", "en")
            link = relative(here, page_url(f"{doc.path}.md", "ja"))
            body = (f"# {escape_inline(doc.title[lang])}\n\n"
                    f'!!! warning "{writer.NO_TEXT_NOTICE["en"][0]}"\n\n    '
                    + writer.NO_TEXT_NOTICE["en"][1].format(link=link) + "\n")
        else:
            body = f"# {escape_inline(doc.title[lang])}\n\n{STARTER[lang]}"
        out[f"{lang}/{doc.path}.md"] = writer.front_matter(fields) + "\n" + body
    return out


def create(doc: NewDocument, docs_dir: Path) -> list[Path]:
    """Write both pages; refuse if either exists or the front matter would be invalid."""
    texts = pages(doc)
    for rel, text in texts.items():
        target = docs_dir / rel
        if target.exists():
            raise ContentError(target, None, "a page already exists here",
                               "choose another path, or edit the existing page")
        lang = rel.split("/", 1)[0]
        meta = {k: v for k, v in _meta(text).items()}
        problems = frontmatter.validate(PageRecord(rel, lang, f"docs/{rel}", meta, {}, []))
        if problems:
            raise problems[0]
    written = []
    for rel, text in texts.items():
        target = docs_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def _meta(text: str) -> dict:
    import yaml
    return yaml.safe_load(text.split("---\n")[1]) or {}
