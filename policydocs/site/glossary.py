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


def _unit_at(page: PageRecord, line: int) -> str | None:
    current = None
    for unit in page.units:
        if unit.line > line:
            break
        current = unit.id
    return current


def _norm(text: str) -> str:
    return re.sub(r"[\s・\-‐]", "", unicodedata.normalize("NFKC", text)).casefold()


def build(corpus: Corpus, curated: CuratedFile) -> Glossary:
    terms: dict[str, Term] = {}
    first_use: dict[str, Place] = {}
    pages = [p for _, p in sorted(corpus.pages.items()) if p.translation != "none"]
    tokens: dict[tuple[str, str], list[str]] = {}  # every acronym-like token of each page
    for page in pages:
        found_on_page = tokens.setdefault((page.language, page.rel), [])
        for line_no, text in text_lines(page):
            for found in acronyms.definitions(_HEADING_MARK.sub("", text)):
                if found.acronym in curated.exclude:
                    continue
                term = terms.setdefault(found.acronym, Term(found.acronym))
                place = Place(page, line_no, _unit_at(page, line_no))
                term.definitions.append((found.language, found.expansion, place))
            line_tokens = acronyms.tokens(text)
            found_on_page += line_tokens
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
        for token in found_on_page:
            if token in terms:
                terms[token].uses[key] = terms[token].uses.get(key, 0) + 1
    for token, place in sorted(first_use.items(), key=lambda kv: (kv[1].where, kv[0])):
        if not _known(token, terms, curated):
            problems.append(ContentError(place.page.display, place.line,
                                         f"acronym '{token}' is used but defined nowhere",
                                         f"add it to {curated.path} (terms or exclude)"))
    titles = {(p.language, p.rel): p.title for p in pages}
    return Glossary(dict(sorted(terms.items(), key=lambda kv: kv[0].casefold())), problems,
                    titles)


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
    "ja": {"title": "用語集", "intro": "収録文書で使われている略語の一覧です。本文中の定義から自動的に"
           "抽出し、編集部の補足（「編集部」）で補っています。本文中の略語にポインタを合わせると説明が表示されます。",
           "defined": "定義箇所", "used": "使用箇所", "text": "本文", "curated": "編集部",
           "source": "出典", "none": "—", "other": "English", "written": "本文での表記"},
    "en": {"title": "Glossary", "intro": "The acronyms used in the collection, extracted from the "
           "definitions the texts give and completed by the editors (“editors”). Point at an "
           "acronym in a text to see its expansion.", "defined": "Defined in", "used": "Used in",
           "text": "the text", "curated": "editors", "source": "Source", "none": "—",
           "other": "日本語", "written": "As written in the texts"},
}


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
            out.append(_render_term(term, language, other, default, glossary.titles))
    return "\n\n".join(out) + "\n"


def _render_term(term: Term, language: str, other: str, default: str,
                 titles: dict[tuple[str, str], str]) -> str:
    t = TEXT[language]
    lines = [f"### {escape_inline(term.acronym)} {{ #{term.anchor} }}"]
    mine = escape_inline(term.expansions.get(language, t["none"]))
    theirs = term.expansions.get(other)
    lines.append(f"**{mine}**" + (f" · *{escape_inline(theirs)}*{{: lang=\"{other}\" }}"
                                  if theirs else ""))
    sources = [f"{l}: {t['curated'] if term.curated.get(l) else t['text']}"
               for l in ("ja", "en") if l in term.expansions]
    lines.append(f"{t['source']}: {', '.join(sources)}")
    written = sorted({text for lang, text, _ in term.definitions
                      if term.curated.get(lang) and _norm(text) != _norm(term.expansions[lang])})
    if written:  # what the texts wrote where the curated file corrects or settles it
        lines.append(f"{t['written']}: " + " · ".join(escape_inline(w) for w in written))
    places = _places(term, language, default)
    if places:
        lines.append(block(element("p", f"{html_text(t['defined'])}: {places}")))
    used = _uses(term, language, default, titles)
    if used:
        lines.append(block(element("p", f"{html_text(t['used'])}: {used}")))
    return "\n\n".join(lines)


def _link(rel: str, lang: str, reader: str, default: str, anchor: str | None) -> str:
    frag = f"#{anchor}" if anchor else ""
    return generated_href(PAGE, reader, rel, lang, default) + frag


def _places(term: Term, reader: str, default: str) -> str:
    seen, out = set(), []
    for lang, _, place in sorted(term.definitions, key=lambda d: (d[0] != reader, d[2].where)):
        key = (place.page.language, place.page.rel, place.unit_id)
        if key in seen:
            continue
        seen.add(key)
        title = _label(place.page.title)
        label = f"{title} {place.unit_id}" if place.unit_id else title
        out.append(markdown_element("a", label, href=_link(
            place.page.rel, place.page.language, reader, default, place.unit_id)))
    return " · ".join(out)


def _uses(term: Term, reader: str, default: str, titles: dict[tuple[str, str], str]) -> str:
    out = []
    for (lang, rel), count in sorted(term.uses.items(), key=lambda kv: (kv[0][0] != reader, kv[0])):
        mark = "" if lang == reader else f" ({TEXT[reader]['other']})"
        link = markdown_element("a", _label(titles.get((lang, rel), rel)),
                                href=_link(rel, lang, reader, default, None))
        out.append(f"{link}{html_text(mark)} ({count})")
    return " · ".join(out)


def _label(title: str) -> str:
    """A page title as the Markdown of a link's text."""
    return escape_inline(title).replace("[", "\\[").replace("]", "\\]")
