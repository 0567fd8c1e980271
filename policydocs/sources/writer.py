"""Writing the document model as Markdown pages with front matter.

Every unit carries its id in an attribute list (``{: #p-7 }``), so the two language
versions can be cross-linked unit by unit; printed labels stay as the source has them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..core.errors import ContentError
from ..core.markdowntext import MD_REF, escape_inline
from .footnotes import Note
from .manifest import Source
from .model import Block, Document, Heading, Unit
from .sourceurls import linkify

# Front matter keys, in the order pages show them.
FRONT_MATTER_KEYS = ("title", "document", "source", "language", "date", "issuer", "url",
                     "translation", "counterpart", "origin", "part", "pillars")

NO_TEXT_NOTICE = {
    "en": ("No English text yet",
           "This document exists only in Japanese: no English text was received, and no "
           "translation has been made yet. Read the [Japanese original]({link})."),
    "ja": ("日本語の本文はまだありません",
           "この文書は英語でのみ存在します。[英語の原文]({link})をご覧ください。"),
}
META_LABELS = {
    "en": {"issuer": "Issuer", "date": "Date", "url": "Original", "origin": "Origin"},
    "ja": {"issuer": "発行", "date": "日付", "url": "原文", "origin": "出典"},
}


@dataclass
class Page:
    """A page to write: its path under ``docs/`` and its full text."""

    path: str  # e.g. "ja/partnerships/japan-uk-digital-partnership.md"
    text: str


def front_matter(fields: dict) -> str:
    ordered = {k: fields[k] for k in FRONT_MATTER_KEYS if fields.get(k) is not None}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n"


def page_fields(source: Source, language: str, translation: str, title: str,
                part: int | None = None) -> dict:
    page_tags = (source.options.get("pillars") or {}).get("page") or None
    return {
        "pillars": dict(page_tags) if page_tags and part is None else None,
        "title": title, "document": source.path, "source": source.id, "language": language,
        "date": source.date, "issuer": source.issuer[language], "url": source.url,
        "translation": translation, "counterpart": source.counterpart is not None,
        "origin": source.origin, "part": part,
    }


def _escape_start(text: str) -> str:
    """Keep a unit's first characters from being read as Markdown block syntax."""
    text = re.sub(r"^(\d+)\.", r"\1\\.", text)
    return re.sub(r"^([#>+\-])", r"\\\1", text)


Tags = dict[str, dict[str, str]]  # unit id -> pillar id -> reason


def _attrs(unit_id: str, classes: list[str], tags: Tags | None = None) -> str:
    parts = ([f"#{unit_id}"] if unit_id else []) + [f".{c}" for c in classes]
    parts += _tag_attrs((tags or {}).get(unit_id, {}))
    return "{: " + " ".join(parts) + " }"


def _tag_attrs(pillars: dict[str, str]) -> list[str]:
    if not pillars:
        return []
    why = "; ".join(dict.fromkeys(pillars.values()))
    return [f'pillars="{" ".join(pillars)}"', f'why="{why}"']


def render_block(block: Block, shift: int = 0, tags: Tags | None = None) -> str:
    if isinstance(block, Heading):
        level = max(1, block.level - shift)
        parts = [f"#{block.id}"] + ([".lang-only"] if block.lang_only else [])
        parts += _tag_attrs((tags or {}).get(block.id, {}))
        attrs = f" {{ {' '.join(parts)} }}" if block.id else ""
        return f"{'#' * level} {block.text}{attrs}"
    return _render_unit(block, tags)


def _render_unit(unit: Unit, tags: Tags | None = None) -> str:
    text = linkify(unit.text)
    if unit.kind == "verbatim":
        return _escape_start(text) + "\n" + _attrs("", ["verbatim"])
    if unit.kind in ("context", "date"):
        return _escape_start(text) + "\n" + _attrs("", [unit.kind])
    if unit.kind == "figure":
        return _escape_start(text) + "\n" + _attrs(unit.id, ["figure-missing"])
    label = f"{unit.label} " if unit.label else ""
    classes = ["unit"] + ([f"depth-{unit.depth}"] if unit.depth else [])
    classes += ["lang-only"] if unit.lang_only else []
    parts = [_escape_start(f"{label}{text}") + "\n" + _attrs(unit.id, classes, tags)]
    for more in unit.more:
        cont = ["cont"] + ([f"depth-{unit.depth}"] if unit.depth else [])
        parts.append(_escape_start(linkify(more)) + "\n" + _attrs("", cont))
    return "\n\n".join(parts)


def render_notes(notes: list[Note], used: set[str]) -> str:
    out = []
    for note in notes:
        if note.label not in used:
            continue
        first, *rest = note.parts or [""]
        text = f"[^{note.label}]: {first}"
        for part in rest:
            text += f"\n\n    {part}"
        out.append(text)
    return "\n\n".join(out)


def _used_labels(texts: list[str]) -> set[str]:
    return {m.group(1) for text in texts for m in MD_REF.finditer(text)}


def render_body(title: Heading | None, blocks: list[Block], notes: list[Note],
                shift: int = 0, tags: Tags | None = None) -> str:
    parts = [f"# {title.text}"] if title else []
    parts += [render_block(b, shift, tags) for b in blocks]
    notes_md = render_notes(notes, _used_labels(parts))
    if notes_md:
        parts.append(notes_md)
    return "\n\n".join(parts) + "\n"


def document_pages(doc: Document, notes: list[Note], source: Source) -> list[Page]:
    """The page(s) of one source in its own language, split by top-level section on request."""
    lang = source.language
    split = source.options.get("split")
    fields = page_fields(source, lang, "official", source.title[lang])
    tags = _section_tags(doc, source)
    if not split:
        body = render_body(doc.title, doc.blocks, notes, tags=tags)
        return [Page(f"{lang}/{source.path}.md", front_matter(fields) + "\n" + body)]
    intro, parts = split_parts(doc.blocks, int(split))
    pages = []
    toc = "\n".join(f"{i}. [{h.text}](part-{i}.md)" for i, (h, _) in enumerate(parts, start=1))
    index_body = render_body(doc.title, intro, notes, tags=tags).rstrip("\n") + "\n\n" + toc + "\n"
    pages.append(Page(f"{lang}/{source.path}/index.md", front_matter(fields) + "\n" + index_body))
    for i, (heading, blocks) in enumerate(parts, start=1):
        part_fields = page_fields(source, lang, "official", heading.text, part=i)
        body = render_body(None, [heading] + blocks, notes, shift=int(split) - 1, tags=tags)
        pages.append(Page(f"{lang}/{source.path}/part-{i}.md", front_matter(part_fields)
                          + "\n" + body))
    return pages


def _section_tags(doc: Document, source: Source) -> Tags:
    """Pillar tags for sections and units, checked against the ids the document has."""
    tags = (source.options.get("pillars") or {}).get("sections") or {}
    ids = {b.id for b in doc.blocks if b.id}
    unknown = sorted(set(tags) - ids)
    if unknown:
        raise ContentError("sources/sources.yml", source.line,
                           f"source '{source.id}': import.pillars.sections names "
                           f"'{unknown[0]}', which is not a unit of the imported text")
    return {k: dict(v) for k, v in tags.items()}


def split_parts(blocks: list[Block], level: int) -> tuple[list[Block],
                                                          list[tuple[Heading, list[Block]]]]:
    intro: list[Block] = []
    parts: list[tuple[Heading, list[Block]]] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == level:
            parts.append((block, []))
        elif parts:
            parts[-1][1].append(block)
        else:
            intro.append(block)
    return intro, parts


def notice_pages(pages: list[Page], source: Source) -> list[Page]:
    """For a text that exists in one language only: a page at each counterpart path in the
    other language, with the title, the metadata, and a notice linking to the original."""
    lang = source.other_language
    out = []
    for page in pages:
        rel = page.path.split("/", 1)[1]
        fields = yaml.safe_load(page.text.split("---\n")[1])
        title = source.title[lang] if "part" not in fields else fields["title"]
        fields = page_fields(source, lang, "none", title, fields.get("part"))
        out.append(Page(f"{lang}/{rel}", front_matter(fields) + "\n" + notice_body(
            source, lang, title, _link_to_original(rel, source.language))))
    return out


def _link_to_original(rel: str, original_language: str) -> str:
    """Relative URL of the same page in the other language's built site."""
    depth = rel.count("/") + (0 if rel.endswith("index.md") else 1) + 1  # + language folder
    target = re.sub(r"(index)?\.md$", "", rel)
    prefix = "" if original_language == "ja" else f"{original_language}/"
    if target and not target.endswith("/"):
        target += "/"
    return "../" * depth + prefix + target


def _cell(text: str) -> str:
    """Text from data files placed in a Markdown table cell: no markup, no cell breaks; a
    URL in it (an origin may name the page it came from) is written as a link."""
    parts = re.split(r"(https?://[^\s<>()|]*[^\s<>()|.,;:])", text)
    return "".join(f"<{part}>" if i % 2 else escape_inline(part).replace("|", "\\|")
                   for i, part in enumerate(parts))


def notice_body(source: Source, lang: str, title: str, link: str) -> str:
    heading, text = NO_TEXT_NOTICE[lang]
    labels = META_LABELS[lang]
    rows = [f"| {labels['issuer']} | {_cell(source.issuer[lang])} |",
            f"| {labels['date']} | {source.date.isoformat()} |"]
    if source.url:
        rows.append(f"| {labels['url']} | <{source.url}> |")
    rows.append(f"| {labels['origin']} | {_cell(source.origin)} |")
    table = "| | |\n|---|---|\n" + "\n".join(rows)
    notice = f'!!! warning "{heading}"\n\n    {text.format(link=link)}'
    return f"# {escape_inline(title)}\n\n{notice}\n\n{table}\n"
