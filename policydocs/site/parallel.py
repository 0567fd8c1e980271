"""Generated pages for parallel reading: the side-by-side view and the translation status.

The status page is Markdown, rendered by MkDocs like any page; its table, one row per
document, is a prebuilt HTML block (see ``prebuilthtml``): text taken from pages stays
Markdown (it is content); text taken from metadata is escaped. The side-by-side view is
HTML: each unit's Markdown is converted on its own, and the page needs no Markdown pass.
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass

import markdown

from ..core.languages import NAMES, other
from ..core.markdowntext import MD_REF
from ..core.markdowntext import escape_inline
from ..core.pageurls import generated_href, md_link, page_url, relative
from ..extensions.prebuilthtml import as_plain, block, element, markdown_element, text
from ..extensions import langparts
from ..extensions.unitlinks import STALE_NOTES, UnitLinkContext
from ..pages.corpus import PageRecord
from ..pages.units import UnitRef
from ..pages.passages import heading_words
from .provenance import original_html
from .parity import DocumentStatus, PairStatus, ParityResult, label_of
from . import tmexport

VIEW_DIR = "parallel"
STATUS_PAGE = "status.md"
_CONVERTERS = {lang: markdown.Markdown(extensions=["attr_list",
                                                   langparts.makeExtension(context=lang)])
               for lang in ("ja", "en")}

TEXT = {
    "ja": {"view_title": "対訳表示", "only": "この言語のみ", "missing": "対応する箇所なし",
           "open": "本文で開く", "status_title": "翻訳状況", "document": "文書",
           "coverage": "対応率", "missing_units": "対応のない単位", "none": "なし",
           "no_text": "本文なし", "orphans": "対応するページのないページ",
           "side_by_side": "対訳表示", "stale": "要確認", "exports": "対訳データ",
           "state": {"official": "公式", "unofficial": "非公式訳", "none": "なし"}},
    "en": {"view_title": "Side by side", "only": "this language only", "missing": "no counterpart",
           "open": "open in the page", "status_title": "Translation status",
           "document": "Document", "coverage": "Aligned units", "missing_units":
           "Units without counterpart", "none": "none", "no_text": "no text",
           "orphans": "Pages without a counterpart page", "side_by_side": "side by side",
           "stale": "To re-check", "exports": "Aligned texts",
           "state": {"official": "official", "unofficial": "unofficial", "none": "none"}},
}


def view_rel(rel: str) -> str:
    return f"{VIEW_DIR}/{rel}"


def _cell_text(unit: UnitRef) -> str:
    text = MD_REF.sub("", unit.text)
    if unit.kind == "heading":
        return f"**{text}**"
    return text


def _rows(pair: PairStatus) -> list[tuple[str, UnitRef | None, UnitRef | None]]:
    """Units in reading order: the Japanese order, each English-only unit placed after
    its English predecessor (and after the Japanese-only units that follow that one)."""
    ja, en = pair.pages["ja"].units, pair.pages["en"].units
    en_ids = {u.id: u for u in en}
    ja_ids = {u.id for u in ja}
    rows: list[tuple[str, UnitRef | None, UnitRef | None]] = [
        (u.id, u, en_ids.get(u.id)) for u in ja]
    previous = None
    for unit in en:
        if unit.id not in ja_ids:
            at = next((i for i, row in enumerate(rows) if row[0] == previous), -1) + 1
            while at < len(rows) and rows[at][2] is None:
                at += 1
            rows.insert(at, (unit.id, None, unit))
        previous = unit.id
    return rows


VIEW_META = {"hide": ["navigation", "toc"], "search": {"exclude": True}}


def view_title(pair: PairStatus, language: str) -> str:
    return f"{TEXT[language]['view_title']}: {pair.pages[language].title}"


TITLE_ID = "view_title"  # unit ids are [a-z0-9-]: an underscore never clashes with a row


@dataclass(frozen=True)
class ViewBody:
    """The body of a side-by-side page, as HTML, with what the page around it needs."""
    html: str
    ids: frozenset[str]  # every element id in ``html``: links to them are checked
    title_id: str = TITLE_ID  # the heading, where the theme's "skip to content" link leads


def render_view(pair: PairStatus, language: str, default: str,
                stale: frozenset[str] = frozenset()) -> ViewBody:
    """The side-by-side page: its title, then one row per unit. It is HTML from the start:
    the cells are converted once each, and the page needs no Markdown pass."""
    rows = _rows(pair)
    title = view_title(pair, language)
    heading = f'<h1 id="{TITLE_ID}">{html.escape(title, quote=False)}</h1>\n'
    heading += original_html(pair.pages[language].meta, language)
    return ViewBody(heading + _rows_html(pair, rows, language, default, stale),
                    frozenset({TITLE_ID} | {unit_id for unit_id, _, _ in rows}))


def _rows_html(pair: PairStatus, rows: list[tuple[str, UnitRef | None, UnitRef | None]],
               language: str, default: str, stale: frozenset[str]) -> str:
    """Japanese and English side by side, links as plain URLs to the units in the normal
    pages."""
    here = page_url(view_rel(pair.rel), language, default)
    pages = {lang: relative(here, page_url(pair.rel, lang, default)) for lang in ("ja", "en")}
    out = [_head_row(language)]
    names = {lang: pair.pages[lang].passage_names for lang in ("ja", "en")}
    for unit_id, ja, en in rows:
        only = "ja" if en is None else "en" if ja is None else ""
        classes = "parallel-row" + (f" parallel-only-{only}" if only else "")
        if unit_id in pair.label_diffs:
            classes += " parallel-label-differs"
        note = ""
        if unit_id in stale:
            classes += " parallel-stale"
            note = (f'<p class="stale-note" lang="{language}">'
                    f"{html.escape(STALE_NOTES[language])}</p>")
        cells = "".join(_cell(pages[lang], lang, unit, language, note if lang == "ja" else "",
                              names[lang].get(unit_id, ""))
                        for lang, unit in (("ja", ja), ("en", en)))
        out.append(f'<div class="{classes}" id="{html.escape(unit_id)}" role="row">{cells}</div>')
    label = html.escape(TEXT[language]["view_title"])
    return (f'<div class="parallel" role="table" aria-label="{label}">\n'
            + "\n".join(out) + "\n</div>")


def _head_row(reader: str) -> str:
    """The column headers, one per language, each named in its own language: a screen
    reader moving along a row says which language it is in (hidden on phones, where the
    columns stack)."""
    heads = "".join(f'<div class="parallel-head" role="columnheader" lang="{lang}">'
                    f"{NAMES[lang]}</div>" for lang in ("ja", "en"))
    return f'<div class="parallel-row parallel-heads" role="row">{heads}</div>'


def href(from_rel: str, to_rel: str, to_lang: str, reader: str, default: str) -> str:
    return generated_href(from_rel, reader, to_rel, to_lang, default)


def _cell(page: str, lang: str, unit: UnitRef | None, reader: str, note: str = "",
          name: str = "") -> str:
    """One language's cell; ``page`` is the relative URL of that language's page, ``name``
    the passage's name in its language (its link's text; the id where it has none). What
    the site says about the text (no counterpart, one language only) is in the reader's
    language and marked so."""
    t = TEXT[reader]
    if unit is None:
        return (f'<div class="parallel-cell parallel-empty" role="cell" lang="{reader}">'
                f"{note}<p><em>{html.escape(t['missing'])}</em></p></div>")
    link = f"{page}#{unit.id}"
    only = (f' · <span lang="{reader}">{html.escape(t["only"])}</span>'
            if unit.lang_only else "")
    ref = (f'<p><a class="parallel-ref" href="{html.escape(link)}" hreflang="{lang}">'
           f"{html.escape(name or unit.id)}</a>{only}</p>")
    return (f'<div class="parallel-cell" role="cell" lang="{lang}">'
            f"{note}{ref}{cell_html(_cell_text(unit), lang)}</div>")


@functools.lru_cache(maxsize=65536)
def cell_html(markdown_text: str, lang: str = "ja") -> str:
    """A unit's Markdown as HTML (bold, links, escapes), converted once however often it
    is shown; plain text (most units) needs no Markdown parser. In an English cell the
    Japanese words quoted in it are marked as Japanese (``langparts``)."""
    plain = as_plain(markdown_text)
    if plain is not None:
        paragraphs = [p.strip() for p in plain.split("\n\n")]
        return "".join(f"<p>{_parts(html.escape(p, quote=False), lang)}</p>"
                       for p in paragraphs if p)
    converter = _CONVERTERS[lang]
    converter.reset()
    return converter.convert(markdown_text)


def _parts(escaped: str, lang: str) -> str:
    if lang != "en":
        return escaped
    return langparts.JA_RUN.sub(lambda m: f'<span lang="ja">{m.group(0)}</span>', escaped)


EXPORTS = tuple(f"exports/{name}" for name in tmexport.EXPORTS)


def render_status(result: ParityResult, language: str, default: str,
                  stale: dict[str, frozenset[str]] | None = None, exports: bool = False) -> str:
    t = TEXT[language]
    here = STATUS_PAGE
    stale = stale or {}
    head = "".join(element("th", text(label), style=_RIGHT if right else None) for label, right in (
        (t["document"], False), ("日本語", False), ("English", False), (t["coverage"], True),
        (t["stale"], True), (t["missing_units"], False)))
    rows = "".join(_status_row(doc, language, here, default, stale) for doc in result.documents)
    table = element("table", element("thead", element("tr", head)) + element("tbody", rows))
    out = [f"---\ntitle: {t['status_title']}\n---", f"# {t['status_title']}", block(table)]
    if exports:  # links between source files: MkDocs checks them and writes the URLs
        links = [f"[{name.rsplit('.', 1)[1].upper()}]({md_link(f'{language}/{here}', name)})"
                 for name in EXPORTS]
        out.append(f"{t['exports']}: " + " · ".join(links))
    if result.orphans:
        out.append(f"## {t['orphans']}")
        out.append("\n".join(f"- `{escape_inline(p.display)}`" for p in result.orphans))
    return "\n\n".join(out) + "\n"


_RIGHT = "text-align: right;"  # as Markdown's tables write a right-aligned column


def _status_row(doc: DocumentStatus, language: str, here: str, default: str,
                stale: dict[str, frozenset[str]]) -> str:
    t = TEXT[language]
    page = doc.page(language) or doc.page("ja") or doc.page("en")
    link_lang = language if doc.page(language) else page.language
    title = markdown_element("a", escape_inline(page.title),
                             href=href(here, doc.pairs[0].rel, link_lang, language, default))
    states = [t["state"].get(str((doc.page(lang) and doc.page(lang).translation) or "none"),
                             "?") for lang in ("ja", "en")]
    if all(p.comparable for p in doc.pairs):
        missing = [_unit_link(pair, lang, u, here, language, default)
                   for pair in doc.pairs for lang in ("ja", "en")
                   for u in pair.unmatched.get(lang, [])]
        gaps = ", ".join(missing) if missing else text(t["none"])
        view = href(here, view_rel(doc.pairs[0].rel), language, language, default)
        gaps += " · " + element("a", text(t["side_by_side"]), href=view)
    else:
        gaps = text(t["no_text"])
    count = sum(len(stale.get(p.rel, ())) for p in doc.pairs)
    cells = [element("td", title), *(element("td", text(s)) for s in states),
             element("td", f"{doc.coverage:.0f}%", style=_RIGHT),
             element("td", str(count), style=_RIGHT), element("td", gaps)]
    return element("tr", "".join(cells))


def _unit_link(pair: PairStatus, lang: str, unit: UnitRef, here: str, reader: str,
               default: str) -> str:
    link = href(here, pair.rel, lang, reader, default) + f"#{unit.id}"
    return element("a", text(f"{lang}:{unit.id}"), href=link)


def _passage_names(page: PageRecord, aligned: list[str]) -> tuple[tuple[str, str, str], ...]:
    """(id, kind, label) for the accessible names of the unit links: a block by its printed
    label ("7."), a heading by its words (cut short); a unit with neither has no entry."""
    names = []
    for uid in aligned:
        unit = page.ids.get(uid)
        if unit is None:
            continue
        if unit.kind == "heading":
            names.append((uid, "section", heading_words(unit.text)))
        elif label := label_of(unit).rstrip("."):
            names.append((uid, "paragraph", label))
    return tuple(names)


@dataclass(frozen=True)
class PageLinks:
    """What a page of a pair links to: its units' counterparts, the other language's page
    and the side-by-side view (each None when there is none)."""

    units: UnitLinkContext | None
    counterpart_url: str | None
    parallel_view: str | None


def page_links(pair: PairStatus | None, rel: str, language: str, default: str,
               stale: frozenset[str]) -> PageLinks:
    here = page_url(rel, language, default)
    there = relative(here, page_url(rel, other(language), default))
    if pair is None:
        return PageLinks(None, None, None)
    units = view = None
    if pair.comparable:
        units = UnitLinkContext(
            language, there, frozenset(pair.aligned),
            frozenset(u.id for u in pair.lang_only.get(language, [])),
            tuple((uid, labels[other(language)]) for uid, labels in sorted(pair.label_diffs.items())),
            stale, _passage_names(pair.pages[language], pair.aligned))
        view = relative(here, page_url(view_rel(rel), language, default))
    return PageLinks(units, there if all(pair.pages.values()) else None, view)
