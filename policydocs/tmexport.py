"""Exporting every aligned pair of the site for translators' tools: TMX 1.4b (one
translation unit per aligned unit, ja and en segments) and JSON Lines.

Segments are plain text (no Markdown, no footnote markers); the URLs of the unit's
footnotes, the document, the unit id and the translation state are properties.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from dataclasses import asdict, dataclass, field

from .corpus import PageRecord
from .footnotes import MD_REF
from .parity import ParityResult
from .translock import plain_text
from .urls import find_urls

TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")


@dataclass
class AlignedPair:
    document: str
    page: str
    unit: str
    translation: str
    ja: str
    en: str
    footnote_urls: list[str] = field(default_factory=list)


def footnotes(page: PageRecord) -> dict[str, list[str]]:
    """Footnote label -> the URLs of its definition (continuation lines included)."""
    notes: dict[str, list[str]] = {}
    current = None
    for line in page.body.split("\n"):
        match = _DEF.match(line)
        if match:
            current = match.group(1)
            notes[current] = find_urls(match.group(2))
        elif current and line.startswith("    "):
            notes[current] += find_urls(line)
        elif line.strip():
            current = None
    return notes


def pairs(parity: ParityResult) -> list[AlignedPair]:
    out = []
    for rel, pair in sorted(parity.pairs.items()):
        if not pair.comparable:
            continue
        ja, en = pair.pages["ja"], pair.pages["en"]
        notes = {lang: footnotes(pair.pages[lang]) for lang in ("ja", "en")}
        for unit_id in pair.aligned:
            units = {"ja": ja.ids[unit_id], "en": en.ids[unit_id]}
            labels = [m.group(1) for lang in ("ja", "en") for m in MD_REF.finditer(units[lang].text)]
            urls = list(dict.fromkeys(u for lang in ("ja", "en") for label in labels
                                      for u in notes[lang].get(label, [])))
            out.append(AlignedPair(ja.document or rel, rel, unit_id,
                                   str(en.translation or "official"),
                                   plain_text(units["ja"]), plain_text(units["en"]), urls))
    return out


def to_tmx(aligned: list[AlignedPair]) -> str:
    root = etree.Element("tmx", {"version": "1.4"})
    etree.SubElement(root, "header", {
        "creationtool": "policydocs", "creationtoolversion": "0.1", "segtype": "paragraph",
        "o-tmf": "policydocs-markdown", "adminlang": "en", "srclang": "ja",
        "datatype": "plaintext"})
    body = etree.SubElement(root, "body")
    for pair in aligned:
        tu = etree.SubElement(body, "tu", {"tuid": f"{pair.page}#{pair.unit}"})
        for name, value in (("x-document", pair.document), ("x-unit", pair.unit),
                            ("x-translation", pair.translation)):
            etree.SubElement(tu, "prop", {"type": name}).text = value
        for url in pair.footnote_urls:
            etree.SubElement(tu, "prop", {"type": "x-footnote-url"}).text = url
        for lang in ("ja", "en"):
            tuv = etree.SubElement(tu, "tuv", {"xml:lang": lang})
            etree.SubElement(tuv, "seg").text = getattr(pair, lang)
    etree.indent(root)
    xml = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{TMX_DOCTYPE}\n{xml}\n'


def to_jsonl(aligned: list[AlignedPair]) -> str:
    return "".join(json.dumps(asdict(p), ensure_ascii=False) + "\n" for p in aligned)
