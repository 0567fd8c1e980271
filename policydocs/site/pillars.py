"""Pillars: the registry, the tags pages give themselves, and the generated indexes.

Tags come from the one corpus scan: a page's front matter (``pillars: {id: reason}``) and
the ``pillars="…"`` attribute of its sections and units. The two language versions of a
page are read together (a tag on either counts for both, by unit id), so an index lists a
passage once, in the reader's language when it exists there.
"""
from __future__ import annotations

import re

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..core import plaintext, yamlfile
from ..core.errors import ContentError
from ..core.markdowntext import escape_inline
from ..core.pageurls import generated_href, md_link, page_url, relative
from ..extensions.pillarbadges import BadgeContext
from ..extensions.prebuilthtml import block, element, markdown_element, text
from ..pages.corpus import Corpus, PageRecord

INDEX_DIR = "pillars"
TEXT = {
    "ja": {"overview": "四つの柱", "documents": "文書", "passages": "箇所",
           "only_ja": "日本語のみ", "whole": "文書全体", "intro":
           "日英デジタル・パートナーシップの四つの柱を軸に、収録文書の該当箇所を一覧にしています。",
           "none": "この柱に分類された箇所はまだありません。"},
    "en": {"overview": "The four pillars", "documents": "documents", "passages": "passages",
           "only_ja": "Japanese only", "whole": "whole document", "intro":
           "Every passage of the collection, listed under the four pillars of the Japan-UK "
           "Digital Partnership.", "none": "No passage is tagged with this pillar yet."},
}


@dataclass(frozen=True)
class Pillar:
    id: str
    name: dict[str, str]
    description: dict[str, str]


def load_registry(path: Path, display: str | None = None) -> list[Pillar]:
    name = display or str(path)
    data = yamlfile.load(path, name)
    data = yamlfile.expect(data, dict, name, 1, "the file", "a mapping with 'pillars:'")
    entries = yamlfile.expect(data.get("pillars"), list, name, yamlfile.line_of(data, "pillars", 1),
                              "'pillars'", "a list of pillars (- id: …)")
    pillars: list[Pillar] = []
    for entry in entries:
        pillar = _pillar(entry, name, yamlfile.line_of(data, "pillars", 1))
        if any(p.id == pillar.id for p in pillars):
            raise ContentError(name, entry.line, f"pillar id '{pillar.id}' is used twice")
        pillars.append(pillar)
    if not pillars:
        raise ContentError(name, 1, "no pillars defined under 'pillars'")
    return pillars


def _pillar(entry: object, name: str, line: int) -> Pillar:
    entry = yamlfile.expect(entry, dict, name, line, "a pillar", "a mapping (id, name, description)")
    for key in ("id", "name", "description"):
        if not entry.get(key):
            raise ContentError(name, entry.line, f"pillar: field '{key}' is required")
    pillar_id = str(entry["id"])
    if not re.fullmatch(r"[a-z][a-z0-9-]*", pillar_id):
        raise ContentError(name, entry.line_of("id"), f"pillar id '{pillar_id}' must be "
                           "lowercase letters, digits and -")
    texts = {}
    for key in ("name", "description"):
        where = entry.line_of(key)
        value = yamlfile.expect(entry[key], dict, name, where, f"pillar '{pillar_id}': '{key}'",
                                "a mapping of 'ja' and 'en' texts")
        if set(value) != {"ja", "en"}:
            raise ContentError(name, where, f"pillar '{pillar_id}': '{key}' needs 'ja' and "
                               "'en' texts")
        texts[key] = {lang: yamlfile.plain(text, name, value.line_of(lang),
                                           f"pillar '{pillar_id}': {key} ({lang})")
                      for lang, text in value.items()}
    return Pillar(pillar_id, texts["name"], texts["description"])


@dataclass
class Entry:
    """A tagged document or passage, with what an index shows of it."""

    document: str
    rel: str  # page inside the language folders
    unit_id: str | None  # None: the whole page
    order: tuple  # stable order: document date, page, position in the page
    pages: dict[str, PageRecord]  # language -> page holding the passage's text
    why: str = ""

    def text_in(self, language: str) -> tuple[str, str]:
        """(language, heading or title) in the reader's language when it exists there."""
        for lang in (language, "ja" if language == "en" else "en"):
            page = self.pages.get(lang)
            if page is None or page.translation == "none":
                continue
            if self.unit_id is None:
                return lang, page.title
            unit = page.ids.get(self.unit_id)
            if unit is not None:
                return lang, unit.text.split("\n")[0]
        page = self.pages.get("ja") or next(iter(self.pages.values()))
        return page.language, page.title


@dataclass
class PillarIndex:
    pillars: list[Pillar]
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    unit_pillars: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # rel->id->ids
    page_pillars: dict[str, list[str]] = field(default_factory=dict)  # rel -> ids
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # document -> lang -> title


def _ids(value: object) -> list[str]:
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return str(value or "").split()


def _check_reason(index: PillarIndex, page: PageRecord, unit) -> None:
    """A unit's why="…" is shown on the pillar pages: plain text, like every reason."""
    markup = plaintext.problem(unit.attrs.get("why", ""))
    if markup:
        index.problems.append(ContentError(page.display, unit.line,
                                           f"the reason why=\"…\" of #{unit.id} {markup}",
                                           plaintext.HINT))


def collect(corpus: Corpus, pillars: list[Pillar]) -> PillarIndex:
    index = PillarIndex(pillars, {p.id: [] for p in pillars})
    valid = [p.id for p in pillars]

    def check(page: PageRecord, line: int, ids: list[str]) -> list[str]:
        good = []
        for pillar_id in ids:
            if pillar_id in valid:
                good.append(pillar_id)
            else:
                index.problems.append(ContentError(
                    page.display, line, f"unknown pillar '{pillar_id}'",
                    f"valid pillars: {', '.join(valid)} (data/pillars.yml)"))
        return good

    for rel in corpus.rels():
        pages = {lang: p for lang in ("ja", "en") if (p := corpus.page(lang, rel))}
        base = next(iter(pages.values()))
        order = (_date(base.meta.get("date")), base.document or rel, rel)
        page_tags: dict[str, str] = {}
        unit_tags: dict[str, dict[str, str]] = {}
        positions: dict[str, int] = {}
        for page in pages.values():
            meta = page.meta.get("pillars")
            reasons = meta if isinstance(meta, dict) else {}
            for pid in check(page, page.meta_lines.get("pillars", 1), _ids(meta)):
                page_tags.setdefault(pid, str(reasons.get(pid) or ""))
            for pos, unit in enumerate(page.units):
                positions.setdefault(unit.id, pos)
                _check_reason(index, page, unit)
                for pid in check(page, unit.line, _ids(unit.attrs.get("pillars"))):
                    unit_tags.setdefault(unit.id, {}).setdefault(pid, unit.attrs.get("why", ""))
        document = base.document or rel
        if rel in (f"{document}.md", f"{document}/index.md"):
            index.titles[document] = {lang: page.title for lang, page in pages.items()}
        for pid, why in page_tags.items():
            index.entries[pid].append(Entry(document, rel, None, order + (-1,), pages, why))
        for unit_id, tags in unit_tags.items():
            for pid, why in tags.items():
                index.entries[pid].append(Entry(document, rel, unit_id,
                                                order + (positions[unit_id],), pages, why))
        index.page_pillars[rel] = list(page_tags)
        index.unit_pillars[rel] = {u: list(t) for u, t in unit_tags.items()}
    for entries in index.entries.values():
        entries.sort(key=lambda e: e.order)
    return index


def _date(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value or "9999")


def empty_pillars(index: PillarIndex) -> list[Pillar]:
    return [p for p in index.pillars if not index.entries[p.id]]


def empty_pillar_problems(index: PillarIndex, display: str = "data/pillars.yml"
                          ) -> list[ContentError]:
    return [ContentError(display, None, f"pillar '{p.id}' has no entries: no page or section "
                         "is tagged with it") for p in empty_pillars(index)]


def badge_context(index: PillarIndex, rel: str, language: str,
                  default: str) -> BadgeContext | None:
    """What the badges extension needs for page ``rel``, or None if nothing on it is tagged."""
    page_ids = tuple(index.page_pillars.get(rel, ()))
    unit_ids = index.unit_pillars.get(rel, {})
    if not page_ids and not unit_ids:
        return None
    here = page_url(rel, language, default)
    return BadgeContext(
        names=tuple((p.id, p.name[language]) for p in index.pillars),
        hrefs=tuple((p.id, relative(here, page_url(index_rel(p.id), language, default)))
                    for p in index.pillars),
        page=page_ids,
        units=tuple((u, tuple(ids)) for u, ids in unit_ids.items()),
        language=language)


# --- pages ---------------------------------------------------------------------------------

def index_rel(pillar_id: str) -> str:
    return f"{INDEX_DIR}/{pillar_id}.md"


def render_overview(index: PillarIndex, language: str) -> str:
    t = TEXT[language]
    here = f"{INDEX_DIR}/index.md"
    out = [f"---\ntitle: {t['overview']}\n---", f"# {t['overview']}", t["intro"]]
    for pillar in index.pillars:
        entries = index.entries[pillar.id]
        docs = len({e.document for e in entries})
        link = md_link(here, index_rel(pillar.id))
        out.append(f"## [{escape_inline(pillar.name[language])}]({link})\n\n"
                   f"{escape_inline(pillar.description[language])}\n\n"
                   f"{docs} {t['documents']} · {len(entries)} {t['passages']}")
    return "\n\n".join(out) + "\n"


def render_pillar(index: PillarIndex, pillar: Pillar, language: str, default: str) -> str:
    t = TEXT[language]
    here = index_rel(pillar.id)
    name = escape_inline(pillar.name[language])
    out = [f"---\ntitle: \"{_yaml(pillar.name[language])}\"\n---", f"# {name}",
           escape_inline(pillar.description[language])]
    entries = index.entries[pillar.id]
    if not entries:
        out.append(f"*{t['none']}*")
    for group in _by_document(entries):
        out.append(_document_heading(group[0], language, index.titles))
        out.append(block(element("ul", "".join(_entry_item(entry, here, language, default)
                                               for entry in group))))
    return "\n\n".join(out) + "\n"


def _by_document(entries: list[Entry]) -> list[list[Entry]]:
    """Entries in index order, one list per run of the same document."""
    groups: list[list[Entry]] = []
    for entry in entries:
        if not groups or groups[-1][0].document != entry.document:
            groups.append([])
        groups[-1].append(entry)
    return groups


def _document_heading(entry: Entry, language: str,
                      index_titles: dict[str, dict[str, str]]) -> str:
    page = entry.pages.get(language) or next(iter(entry.pages.values()))
    titles = index_titles.get(entry.document, {})
    title = escape_inline(titles.get(language) or titles.get("ja") or page.title)
    date = _date(page.meta.get("date"))
    issuer = escape_inline(str(page.meta.get("issuer") or ""))
    return f"## {title}\n\n{date} · {issuer}"


def _entry_item(entry: Entry, here: str, language: str, default: str) -> str:
    """One passage: a link to it, in the page's words (Markdown), and why it is listed."""
    t = TEXT[language]
    lang, label = entry.text_in(language)
    label = escape_inline(_plain(label))
    anchor = f"#{entry.unit_id}" if entry.unit_id else ""
    link = generated_href(here, language, entry.rel, lang, default) + anchor
    other = lang if lang != language else None
    item = markdown_element("a", label if entry.unit_id else f"{label} ({t['whole']})",
                            href=link, lang=other)
    if other:
        item += " " + element("span", text(t["only_ja"]), class_="only-ja")
    if entry.why:
        item += f" — {text(entry.why)}"
    return element("li", item)


def _plain(text: str) -> str:
    return text.replace("**", "").strip()


def _yaml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
