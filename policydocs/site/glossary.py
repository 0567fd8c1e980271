"""The glossary: acronyms the texts define, completed and corrected by a curated file.

Built once per build from the corpus scan: every definition the pages of both languages
give (see ``acronyms``), every use, the curated ``data/glossary.yml`` (which wins, and
says so), and the problems an editor must see: acronyms used but defined nowhere, and
acronyms defined differently in two places.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..core import acronyms
from ..core import yamlfile
from ..core.errors import ContentError
from ..core.markdowntext import escape_inline
from ..core.pageurls import generated_href
from ..extensions.prebuilthtml import block, element, markdown_element
from ..extensions.prebuilthtml import text as html_text
from ..pages.corpus import Corpus, PageRecord

PAGE = "glossary.md"
# Spans of a Markdown line that are not running text.
# (Each run excludes its own opener too: linear on a line of a million unclosed "<".)
_NOT_TEXT = re.compile(r"`[^`]*`|<[^<>]+>|\]\([^()]*\)|\{[:#][^{}]*\}|\[\^[^\[\]]*\]:?|"
                       r"https?://\S+")
_ATTR_LINE = re.compile(r"\{:[^{}]*\}")  # a line that is only an attribute list


@dataclass(frozen=True)
class Place:
    page: PageRecord
    line: int
    unit_id: str | None

    @property
    def where(self) -> str:
        return f"{self.page.display}:{self.line}"


@dataclass
class Curated:
    expansions: dict[str, str]
    why: str
    line: int


@dataclass
class CuratedFile:
    path: str
    terms: dict[str, Curated]
    exclude: dict[str, str]


@dataclass
class Term:
    acronym: str
    expansions: dict[str, str] = field(default_factory=dict)  # language -> expansion
    curated: dict[str, bool] = field(default_factory=dict)  # language -> from the curated file
    definitions: list[tuple[str, str, Place]] = field(default_factory=list)  # (lang, text, place)
    uses: dict[tuple[str, str], int] = field(default_factory=dict)  # (language, rel) -> count
    passages: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # -> unit ids

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.acronym.lower()).strip("-")

    def title(self, language: str) -> str:
        other = "en" if language == "ja" else "ja"
        return self.expansions.get(language) or self.expansions.get(other, "")


@dataclass
class Glossary:
    terms: dict[str, Term]
    problems: list[ContentError]
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, rel) -> title
    documents: dict[tuple[str, str], str] = field(default_factory=dict)  # -> its document's title
    names: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # -> passage names

    def known(self) -> frozenset[str]:
        return frozenset(self.terms)


def load_curated(path: Path, display: str | None = None) -> CuratedFile:
    name = display or str(path)
    data = yamlfile.load(path, name) or {}
    data = yamlfile.expect(data, dict, name, 1, "the file", "a mapping with 'terms:' and "
                           "'exclude:'")
    terms = {}
    entries = yamlfile.expect(data.get("terms") or {}, dict, name,
                              yamlfile.line_of(data, "terms", 1), "'terms'",
                              "a mapping of acronym to {ja, en, why}")
    for acronym, entry in entries.items():
        line = yamlfile.line_of(entries, acronym, 1)
        if not isinstance(entry, dict) or not (entry.get("ja") or entry.get("en")):
            raise ContentError(name, line, f"term '{acronym}': give 'ja' and/or 'en'")
        if not acronyms.is_acronym(str(acronym)):
            raise ContentError(name, line, f"term '{acronym}' does not look like an acronym")
        unknown = set(entry) - {"ja", "en", "why"}
        if unknown:
            raise ContentError(name, line, f"term '{acronym}': unknown field "
                               f"'{sorted(map(str, unknown))[0]}'", "use ja, en and why")
        texts = {k: yamlfile.plain(entry[k], name, yamlfile.line_of(entry, k, line),
                                   f"term '{acronym}': {k}")
                 for k in ("ja", "en", "why") if entry.get(k)}
        terms[str(acronym)] = Curated({k: v for k, v in texts.items() if k != "why"},
                                      texts.get("why", ""), line)
    excluded = yamlfile.expect(data.get("exclude") or {}, dict, name,
                               yamlfile.line_of(data, "exclude", 1), "'exclude'",
                               "a mapping of token to the reason it is not a term")
    exclude = {str(k): yamlfile.plain(v, name, yamlfile.line_of(excluded, str(k), 1),
                                      f"exclude '{k}'") for k, v in excluded.items()}
    return CuratedFile(name, terms, exclude)


_HEADING_MARK = re.compile(r"^#{1,6}\s+")  # "# 名称（ACR）": the name begins after the marks


def text_lines(page: PageRecord):
    """(line number, running text) of a page body, without code and markup spans."""
    for no, line in page.reading.lines:
        if not line.startswith("    ") and not _ATTR_LINE.fullmatch(line.strip()):
            yield no, _NOT_TEXT.sub(" ", line)


def _units_by_line(page: PageRecord):
    """A function of a line number, asked in increasing order, to the unit it lies in:
    one walk over the page's units (a page has thousands of lines and of units)."""
    units, state = page.units, {"next": 0, "current": None}

    def unit_at(line: int) -> str | None:
        while state["next"] < len(units) and units[state["next"]].line <= line:
            state["current"] = units[state["next"]].id
            state["next"] += 1
        return state["current"]
    return unit_at


def _norm(text: str) -> str:
    return re.sub(r"[\s・\-‐]", "", unicodedata.normalize("NFKC", text)).casefold()


def build(corpus: Corpus, curated: CuratedFile) -> Glossary:
    terms: dict[str, Term] = {}
    first_use: dict[str, Place] = {}
    pages = [p for _, p in sorted(corpus.pages.items()) if p.translation != "none"]
    # every acronym-like token of each page, with the unit it is in
    tokens: dict[tuple[str, str], list[tuple[str | None, str]]] = {}
    for page in pages:
        found_on_page = tokens.setdefault((page.language, page.rel), [])
        unit_of = _units_by_line(page)
        for line_no, text in text_lines(page):
            unit_id = unit_of(line_no)
            for found in acronyms.definitions(_HEADING_MARK.sub("", text)):
                if found.acronym in curated.exclude:
                    continue
                term = terms.setdefault(found.acronym, Term(found.acronym))
                place = Place(page, line_no, unit_id)
                term.definitions.append((found.language, found.expansion, place))
            line_tokens = acronyms.tokens(text)
            found_on_page += [(unit_id, token) for token in line_tokens]
            if not text.lstrip().startswith("#"):  # headings: "## SUMMARY" is not an acronym
                names = acronyms.personal_names(text)
                for token in line_tokens:
                    if acronyms.looks_like_acronym_use(token) and token not in names:
                        first_use.setdefault(token, Place(page, line_no, None))
    for acronym, entry in curated.terms.items():
        terms.setdefault(acronym, Term(acronym))
    _fold_plurals(terms)
    problems = _settle(terms, curated)
    for key, found_on_page in tokens.items():
        for unit_id, token in found_on_page:
            if token in terms:
                term = terms[token]
                term.uses[key] = term.uses.get(key, 0) + 1
                seen = term.passages.setdefault(key, [])
                if unit_id and unit_id not in seen:
                    seen.append(unit_id)
    for token, place in sorted(first_use.items(), key=lambda kv: (kv[1].where, kv[0])):
        if not _known(token, terms, curated):
            problems.append(ContentError(place.page.display, place.line,
                                         f"acronym '{token}' is used but defined nowhere",
                                         f"add it to {curated.path} (terms or exclude)"))
    titles = {(p.language, p.rel): p.title for p in pages}
    names = {(p.language, p.rel): p.passage_names for p in pages}
    return Glossary(dict(sorted(terms.items(), key=lambda kv: kv[0].casefold())), problems,
                    titles, _document_titles(corpus, pages), names)


def _document_titles(corpus: Corpus, pages: list[PageRecord]) -> dict[tuple[str, str], str]:
    """(language, rel) -> the title of the document the page belongs to (its own title
    when it belongs to none)."""
    documents = corpus.document_titles()
    return {(p.language, p.rel): documents.get((p.language, p.document or ""), p.title)
            for p in pages}


def _fold_plurals(terms: dict[str, Term]) -> None:
    """'Free Trade Agreements (FTAs)' defines FTA when FTA is a term too: its definitions
    join the singular's, after them, so a singular wording is preferred for display."""
    for plural in [a for a in terms if a.endswith("s") and a[:-1] in terms]:
        terms[plural[:-1]].definitions.extend(terms.pop(plural).definitions)


def _same(a: str, b: str) -> bool:
    """Equal up to spacing, width, case and an English plural of the last word."""
    return _norm(a) == _norm(b) or _norm(re.sub(r"s$", "", a)) == _norm(re.sub(r"s$", "", b))


def _known(token: str, terms: dict[str, Term], curated: CuratedFile) -> bool:
    """Defined, excluded, or the English plural of a defined term (KPIs, ISPs)."""
    plural_of = token[:-1] if token.endswith("s") else None
    return any(t in terms or t in curated.exclude for t in (token, plural_of) if t)


def _settle(terms: dict[str, Term], curated: CuratedFile) -> list[ContentError]:
    """Choose each term's expansion per language; report conflicts the curated file does
    not settle."""
    problems = []
    for acronym, term in terms.items():
        entry = curated.terms.get(acronym)
        for lang in ("ja", "en"):
            found = [(text, place) for l, text, place in term.definitions if l == lang]
            if entry and lang in entry.expansions:
                term.expansions[lang] = entry.expansions[lang]
                term.curated[lang] = True
                continue
            if not found:
                continue
            term.expansions[lang], first = found[0]
            term.curated[lang] = False
            for text, place in found[1:]:
                if not _same(text, found[0][0]):
                    problems.append(ContentError(
                        place.page.display, place.line,
                        f"acronym '{acronym}' is defined as '{text}' here but as "
                        f"'{found[0][0]}' at {first.where}",
                        f"settle it in {curated.path}"))
    return problems


# --- the glossary page ---------------------------------------------------------------------

TEXT = {
    "ja": {"title": "用語集", "intro": "収録文書で使われている略語の一覧です。名称は本文中の定義から"
           "抽出し、本文に定義のないものや表記の揺れは編集部が補っています。本文中の略語にポインタを"
           "合わせると名称が表示されます。",
           "defined": "定義", "used": "使用箇所", "written": "本文での表記", "none": "—",
           "lang": {"ja": "日本語", "en": "英語"},
           "from_text": ("{lang}の名称は本文中の定義によります。",
                         "日本語・英語の名称とも本文中の定義によります。"),
           "from_editors": ("{lang}の名称は編集部によります。", "日本語・英語の名称とも編集部によります。"),
           "missing": ("{lang}の名称はまだありません。", ""),
           "passages": ("{n}箇所", "{n}箇所"), "more": "ほか{n}箇所", "in_other": "（英語のページ）"},
    "en": {"title": "Glossary", "intro": "The acronyms used in the collection. Their names are "
           "taken from the definitions the texts give; the editors supply those the texts do not "
           "define and settle those they spell differently. Point at an acronym in a "
           "text to see its name.",
           "defined": "Defined in", "used": "Used in", "written": "As written in the texts",
           "none": "—", "lang": {"ja": "Japanese", "en": "English"},
           "from_text": ("The {lang} name is as the text defines it.",
                         "Both names are as the texts define them."),
           "from_editors": ("The {lang} name is supplied by the editors.",
                            "Both names are supplied by the editors."),
           "missing": ("There is no {lang} name yet.", ""),
           "passages": ("{n} passages", "{n} passage"), "more": "and {n} more", "in_other": " (Japanese pages)"},
}
_SHOWN_PASSAGES = 6  # links per document under "used in"; the rest are counted


def _initial(acronym: str) -> str:
    first = acronym[0].upper()
    return first if first.isalpha() else "0-9"


def render_page(glossary: Glossary, language: str, default: str) -> str:
    t = TEXT[language]
    other = "en" if language == "ja" else "ja"
    groups: dict[str, list[Term]] = {}
    for term in glossary.terms.values():
        groups.setdefault(_initial(term.acronym), []).append(term)
    letters = sorted(groups, key=lambda k: (k == "0-9", k))
    jump = " · ".join(f"[{k}](#initial-{k.lower()})" for k in letters)
    out = [f"---\ntitle: {t['title']}\n---", f"# {t['title']}", t["intro"],
           f"{jump}\n{{: .glossary-jump }}"]
    for letter in letters:
        out.append(f"## {letter} {{ #initial-{letter.lower()} }}")
        for term in groups[letter]:
            out.append(_render_term(term, language, other, default, glossary))
    return "\n\n".join(out) + "\n"


def _render_term(term: Term, language: str, other: str, default: str,
                 glossary: Glossary) -> str:
    t = TEXT[language]
    lines = [f"### {escape_inline(term.acronym)} {{ #{term.anchor} }}"]
    mine = escape_inline(term.expansions.get(language, t["none"]))
    theirs = term.expansions.get(other)
    lines.append(f"**{mine}**" + (f" · *{escape_inline(theirs)}*{{: lang=\"{other}\" }}"
                                  if theirs else ""))
    lines.append(origin_sentence(term, language))
    written = sorted({text for lang, text, _ in term.definitions
                      if term.curated.get(lang) and _norm(text) != _norm(term.expansions[lang])})
    if written:  # what the texts wrote where the curated file corrects or settles it
        lines.append(f"{t['written']}: " + " · ".join(escape_inline(w) for w in written))
    places = _places(term, language, default, glossary)
    if places:
        lines.append(block(element("p", f"{html_text(t['defined'])}: {places}")))
    used = _uses(term, language, default, glossary)
    if used:
        lines.append(block(element("p", f"{html_text(t['used'])}: {used}")))
    return "\n\n".join(lines)


def origin_sentence(term: Term, reader: str) -> str:
    """Where each name comes from, in words: a definition in the texts (the curated file may
    have chosen it among several), or the editors (the texts define it otherwise or not)."""
    t = TEXT[reader]
    in_text = {l for l, text, _ in term.definitions
               if l in term.expansions and _norm(text) == _norm(term.expansions[l])}
    groups = {"from_text": [l for l in ("ja", "en") if l in in_text],
              "from_editors": [l for l in ("ja", "en") if l in term.expansions and l not in in_text],
              "missing": [l for l in ("ja", "en") if l not in term.expansions]}
    said = [t[key][1] if len(langs) == 2 else t[key][0].format(lang=t["lang"][langs[0]])
            for key, langs in groups.items() if langs]
    return ("" if reader == "ja" else " ").join(said)


def _link(rel: str, lang: str, reader: str, default: str, anchor: str | None) -> str:
    frag = f"#{anchor}" if anchor else ""
    return generated_href(PAGE, reader, rel, lang, default) + frag


def _passage(glossary: Glossary, lang: str, rel: str, unit_id: str | None) -> str:
    """『Document』 and the passage's name, as the Markdown of a link's text."""
    document = glossary.documents.get((lang, rel)) or glossary.titles.get((lang, rel), rel)
    name = glossary.names.get((lang, rel), {}).get(unit_id or "", "")
    return _label(f"『{document}』{name}" if lang == "ja" else
                  f"{document}{', ' + name if name else ''}")


def _mine_first(keys: list[tuple[str, str]], reader: str) -> list[tuple[str, str]]:
    """The reader's language only, where it has any; else the other's."""
    mine = [k for k in keys if k[0] == reader]
    return mine or keys


def _places(term: Term, reader: str, default: str, glossary: Glossary) -> str:
    seen, out = set(), []
    definitions = sorted(term.definitions, key=lambda d: d[2].where)
    langs = {place.page.language for _, _, place in definitions}
    for _, _, place in definitions:
        page = place.page
        if reader in langs and page.language != reader:
            continue
        key = (page.language, page.rel, place.unit_id)
        if key in seen:
            continue
        seen.add(key)
        mark = "" if page.language == reader else TEXT[reader]["in_other"]
        out.append(markdown_element("a", _passage(glossary, page.language, page.rel,
                                                  place.unit_id),
                                    href=_link(page.rel, page.language, reader, default,
                                               place.unit_id)) + html_text(mark))
    return " · ".join(out)


def _uses(term: Term, reader: str, default: str, glossary: Glossary) -> str:
    """Per document, the passages that use the term (the first few linked)."""
    t, out = TEXT[reader], []
    documents: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (lang, title) -> pages
    for lang, rel in _mine_first(sorted(term.uses), reader):
        title = glossary.documents.get((lang, rel), rel)
        documents.setdefault((lang, title), []).append((lang, rel))
    for (lang, title), pages in documents.items():
        ids = [(rel, uid) for _, rel in pages for uid in term.passages.get((lang, rel), [])]
        links = [markdown_element("a", _label(glossary.names[(lang, rel)].get(uid, uid)),
                                  href=_link(rel, lang, reader, default, uid))
                 for rel, uid in ids[:_SHOWN_PASSAGES]]
        if len(ids) > _SHOWN_PASSAGES:
            links.append(html_text(t["more"].format(n=len(ids) - _SHOWN_PASSAGES)))
        heading = markdown_element("a", _label(title),
                                   href=_link(pages[0][1], lang, reader, default, None))
        mark = html_text("" if lang == reader else t["in_other"])
        count = t["passages"][len(ids) == 1].format(n=len(ids))
        out.append(f"{heading}{mark}" + (f" ({html_text(count)}: {', '.join(links)})"
                                          if ids else ""))
    return " · ".join(out)


def _label(title: str) -> str:
    """A page title as the Markdown of a link's text."""
    return escape_inline(title).replace("[", "\\[").replace("]", "\\]")
