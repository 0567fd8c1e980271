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
from ..pages import passages

INDEX_DIR = "pillars"
TEXT = {
    "ja": {"overview": "四つの柱", "documents": "文書", "passages": "箇所",
           "count": ("{n}箇所", "{n}箇所"),
           "only_ja": "日本語のみ", "whole": "文書全体", "intro":
           "日英デジタル・パートナーシップの四つの柱を軸に、収録文書の該当箇所を一覧にしています。",
           "none": "この柱に分類された箇所はまだありません。"},
    "en": {"overview": "The four pillars", "documents": "documents", "passages": "passages",
           "count": ("{n} passages", "{n} passage"),
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
    """A unit's why="…" is for the editors who review the tags: plain text, like every
    reason."""
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
        if base.is_first_page:
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
    """A pillar's index for readers: per document, its tagged passages by heading or label,
    each with its first sentence, a tagged section with its subsections beneath it. The
    editors' reasons for a tag stay in the manifest and front matter: they are written for
    review, in English, not for readers."""
    t = TEXT[language]
    here = index_rel(pillar.id)
    name = escape_inline(pillar.name[language])
    out = [f"---\ntitle: \"{_yaml(pillar.name[language])}\"\n---", f"# {name}",
           escape_inline(pillar.description[language])]
    entries = index.entries[pillar.id]
    if not entries:
        out.append(f"*{t['none']}*")
    for group in _by_document(entries):
        out.append(_document_heading(group, language, index.titles))
        items = _Items(here, language, default, {e.unit_id for e in group if e.unit_id})
        out.append(block(element("ul", "".join(items.render(group)), class_="pillar-entries")))
    return "\n\n".join(out) + "\n"


def _by_document(entries: list[Entry]) -> list[list[Entry]]:
    """Entries in index order, one list per run of the same document."""
    groups: list[list[Entry]] = []
    for entry in entries:
        if not groups or groups[-1][0].document != entry.document:
            groups.append([])
        groups[-1].append(entry)
    return groups


def _document_heading(group: list[Entry], language: str,
                      index_titles: dict[str, dict[str, str]]) -> str:
    entry = group[0]
    page = entry.pages.get(language) or next(iter(entry.pages.values()))
    titles = index_titles.get(entry.document, {})
    title = escape_inline(titles.get(language) or titles.get("ja") or page.title)
    date = _date(page.meta.get("date"))
    issuer = escape_inline(str(page.meta.get("issuer") or ""))
    passages_count = sum(1 for e in group if e.unit_id)
    count = (" · " + TEXT[language]["count"][passages_count == 1].format(n=passages_count)
             if passages_count else "")
    return f"## {title}\n\n{date} · {issuer}{count}"


@dataclass
class _Items:
    """The list items of one document's entries on a pillar's index."""

    here: str
    language: str
    default: str
    tagged: set[str]  # unit ids tagged with the pillar in this document

    def render(self, group: list[Entry]) -> list[str]:
        items, beneath = [], set()
        for entry in group:
            if entry.unit_id in beneath:
                continue  # listed beneath the tagged section that holds it
            lang, page = self._page(entry)
            held = passages.section_units(page, entry.unit_id) if entry.unit_id else []
            beneath |= {u.id for u in held}
            items.append(self._item(entry, lang, page, held))
        return items

    def _page(self, entry: Entry) -> tuple[str, PageRecord]:
        """The page in the reader's language when the passage exists there."""
        lang, _ = entry.text_in(self.language)
        return lang, entry.pages[lang]

    def _item(self, entry: Entry, lang: str, page: PageRecord, held: list) -> str:
        t = TEXT[self.language]
        other = lang if lang != self.language else None
        unit = page.ids.get(entry.unit_id) if entry.unit_id else None
        if unit is None:
            label, excerpt_from = f"{page.title} ({t['whole']})", _first_block(page.units)
        elif unit.kind == "heading":
            label, excerpt_from = passages.heading_words(unit.text, cut=False), _first_block(held)
        else:
            label, excerpt_from = self._name(page, unit.id), unit
        item = markdown_element("a", escape_inline(label), href=self._href(entry, lang),
                                lang=other)
        if other:
            item += " " + element("span", text(t["only_ja"]), class_="only-ja")
        if excerpt_from is not None:
            item += element("p", text(passages.first_sentence(excerpt_from, lang)),
                            class_="pillar-excerpt", lang=other)
        beneath = [u for u in held if u.id in self.tagged or
                   (u.kind == "heading" and u.level == unit.level + 1)]
        if beneath:
            item += element("ul", "".join(self._beneath(entry, lang, page, u) for u in beneath),
                            class_="pillar-subsections")
        return element("li", item)

    def _beneath(self, entry: Entry, lang: str, page: PageRecord, unit) -> str:
        """A subsection (by its heading) or a tagged passage (by its name) of a section."""
        label = (passages.heading_words(unit.text, cut=False) if unit.kind == "heading"
                 else self._name(page, unit.id))
        return element("li", markdown_element(
            "a", escape_inline(label), href=self._href(entry, lang, unit.id),
            lang=lang if lang != self.language else None))

    def _href(self, entry: Entry, lang: str, unit_id: str | None = None) -> str:
        anchor = unit_id or entry.unit_id
        return generated_href(self.here, self.language, entry.rel, lang, self.default) + (
            f"#{anchor}" if anchor else "")

    def _name(self, page: PageRecord, unit_id: str) -> str:
        return page.passage_names.get(unit_id, unit_id)


def _first_block(units: list):
    return next((u for u in units if u.kind == "block"), None)


def _plain(text: str) -> str:
    return text.replace("**", "").strip()


def _yaml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
