"""Exporting every aligned pair of the site for translators' tools: TMX 1.4b (one
translation unit per aligned unit, ja and en segments) and JSON Lines.

Segments are plain text (no Markdown, no footnote markers); the URLs of the unit's
footnotes, the document, the unit id and the translation state are properties.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from ..core import characters
from ..core.markdowntext import MD_REF
from ..pages.corpus import PageRecord
from ..sources.sourceurls import find_urls
from .parity import ParityResult
from .translock import plain_text

TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


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
    return {note.label: find_urls(note.text)
            for note in page.reading.definitions}


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


_HEADER = {"creationtool": "policydocs", "creationtoolversion": "0.1", "segtype": "paragraph",
           "o-tmf": "policydocs-markdown", "adminlang": "en", "srclang": "ja",
           "datatype": "plaintext"}


def _shown(text: str) -> str:
    """U+FFFD for a character the build refuses (controls XML cannot hold, bidi overrides):
    the build reports it, but a refused build still writes its exports, which must stay
    well-formed and must not reorder what a translator reads."""
    return characters.FORBIDDEN.sub("\ufffd", text)


def _element(indent: int, tag: str, attrs: dict[str, str], text: str) -> str:
    """One element on its own line, written as ElementTree with ``indent`` writes it."""
    opening = tag + "".join(f" {k}={_attr(v)}" for k, v in attrs.items())
    body = escape(_shown(text)) if text else ""
    return " " * indent + (f"<{opening}>{body}</{tag}>" if body else f"<{opening} />")


def _attr(value: str) -> str:
    return '"' + escape(_shown(value), {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}) + '"'


def tmx_lines(aligned: list[AlignedPair]) -> Iterator[str]:
    """The TMX document line by line: a 1,000-document site exports tens of megabytes, and
    building an element tree of it first would cost more than the rest of the export."""
    yield from ('<?xml version="1.0" encoding="UTF-8"?>', TMX_DOCTYPE, '<tmx version="1.4">',
                _element(2, "header", _HEADER, ""), "  <body>")
    for pair in aligned:
        yield f"    <tu tuid={_attr(f'{pair.page}#{pair.unit}')}>"
        props = [("x-document", pair.document), ("x-unit", pair.unit),
                 ("x-translation", pair.translation)]
        props += [("x-footnote-url", url) for url in pair.footnote_urls]
        for name, value in props:
            yield _element(6, "prop", {"type": name}, value)
        for lang in ("ja", "en"):
            yield f'      <tuv xml:lang="{lang}">'
            yield _element(8, "seg", {}, getattr(pair, lang))
            yield "      </tuv>"
        yield "    </tu>"
    yield from ("  </body>", "</tmx>")


def jsonl_lines(aligned: list[AlignedPair]) -> Iterator[str]:
    encoder = json.JSONEncoder(ensure_ascii=False)
    return (_shown(encoder.encode(vars(p))) for p in aligned)


def _ended(lines: Iterator[str]) -> Iterator[str]:
    return (f"{line}\n" for line in lines)


def to_tmx(aligned: list[AlignedPair]) -> str:
    return "".join(_ended(tmx_lines(aligned)))


def to_jsonl(aligned: list[AlignedPair]) -> str:
    return "".join(_ended(jsonl_lines(aligned)))


EXPORTS: dict[str, Callable[[list[AlignedPair]], Iterator[str]]] = {
    "aligned-units.tmx": tmx_lines, "aligned-units.jsonl": jsonl_lines}


def write(aligned: list[AlignedPair], folder: Path) -> dict[str, Path]:
    """Both exports as files in ``folder``, written as they are made: neither is ever held
    whole in memory. Returns file name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, lines in EXPORTS.items():
        paths[name] = folder / name
        with paths[name].open("w", encoding="utf-8", newline="\n") as out:
            out.writelines(_ended(lines(aligned)))
    return paths


class StagedExports:
    """The exports of one corpus, written once into a temporary folder that lives as long
    as this object: each language pass of a build copies the same files from it."""

    def __init__(self, aligned: list[AlignedPair]) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="policydocs-exports-")
        self.paths = write(aligned, Path(self._folder.name))
