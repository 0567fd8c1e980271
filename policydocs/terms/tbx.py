"""The term base as TBX-Basic (ISO 30042, the ``martif`` form that TBX-Basic 2.x and CAT
tools such as OmegaT read): one ``termEntry`` per term, a ``langSet`` per language, one
``tig`` per term form with its administrative status (preferred, admitted, deprecated),
the official unit that uses the pair as each form's context, and the unit's address as an
external cross-reference."""
from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..pages import inline
from ..pages.corpus import Corpus
from .termbase import Term, TermBase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = ("preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                   "deprecatedTerm-admn-sts")
EXPORT_REL = "exports/terms.tbx"
TITLE = "用語対訳集 / Term base: International Digital Policy Archive"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", ""): v for k, v in attrs.items()})
    element.text = text
    return element


def _tig(lang_set: etree._Element, text: str, status: str, context: str | None,
         url: str | None) -> None:
    tig = _sub(lang_set, "tig")
    _sub(tig, "term", text)
    _sub(tig, "termNote", status, type="administrativeStatus")
    if context and status == PREFERRED:
        _sub(tig, "descrip", context, type="context")
    if url and status == PREFERRED:
        _sub(tig, "xref", "official text using the term", type="externalCrossReference",
             target=url)


def _entry(body: etree._Element, term: Term, contexts: dict[str, str | None],
           urls: dict[str, str | None]) -> None:
    entry = _sub(body, "termEntry", id=f"term-{term.id}")
    if term.note:
        _sub(entry, "note", term.note)
    forms = {"ja": [(term.ja, PREFERRED)] + [(v, ADMITTED) for v in term.ja_variants],
             "en": [(term.en, PREFERRED)] + [(v, ADMITTED) for v in term.en_variants]
             + [(v, DEPRECATED) for v in term.en_avoid]}
    for lang, texts in forms.items():
        lang_set = _sub(entry, "langSet")
        lang_set.set(XML_LANG, lang)
        for text, status in texts:
            _tig(lang_set, text, status, contexts.get(lang), urls[lang])


def to_tbx(base: TermBase, corpus: Corpus, unit_url: Callable[[str, str, str], str],
           title: str) -> bytes:
    """The TBX document; ``unit_url(page, language, unit)`` gives a unit's address."""
    root = etree.Element("martif", type="TBX-Basic")
    root.set(XML_LANG, "en")
    header = _sub(root, "martifHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "sourceDesc"), "p", "data/terms.yml: preferred Japanese-English "
         "pairs of the archive's texts, each with the official unit that uses it")
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    for term in base.terms.values():
        contexts: dict[str, str | None] = {}
        urls: dict[str, str | None] = {}
        for lang in ("ja", "en"):
            page = corpus.page(lang, term.source_page) if term.source else None
            unit = page.ids.get(term.source_unit) if page else None
            contexts[lang] = inline.plain(unit.text) if unit else None
            urls[lang] = unit_url(term.source_page, lang, term.source_unit) if unit else None
        _entry(body, term, contexts, urls)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
