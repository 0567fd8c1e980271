"""The front matter of a page: one schema, checked field by field with file:line messages.

Document pages (those with ``document``) carry the document's metadata; other pages need
only a title. Material's own keys (hide, search, ...) are allowed.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from .corpus import PageRecord
from .errors import ContentError

TRANSLATION_STATES = ("official", "unofficial", "none")
MATERIAL_KEYS = {"hide", "search", "icon", "status", "subtitle", "template", "description",
                 "tags"}
DOCUMENT_REQUIRED = ("title", "document", "language", "date", "issuer", "translation")


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "a non-empty text"


def _date(value: Any) -> str | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return None
    return "YYYY-MM-DD"


def _path(value: Any) -> str | None:
    ok = isinstance(value, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*", value)
    return None if ok else "a path of lowercase words joined by / (no .md)"


def _url(value: Any) -> str | None:
    ok = isinstance(value, str) and re.fullmatch(r"https?://[^\s]+", value)
    return None if ok else "an http(s) URL"


def _one_of(*choices: str) -> Callable[[Any], str | None]:
    return lambda value: None if value in choices else f"one of {', '.join(choices)}"


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "true or false"


def _part(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else "a positive whole number"


def _pillars(value: Any) -> str | None:
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return None
    if isinstance(value, list) and all(isinstance(k, str) for k in value):
        return None
    return "a mapping of pillar id to reason (or a list of pillar ids)"


SCHEMA: dict[str, Callable[[Any], str | None]] = {
    "title": _text, "document": _path, "source": _text, "language": _one_of("ja", "en"),
    "date": _date, "issuer": _text, "url": _url, "translation": _one_of(*TRANSLATION_STATES),
    "counterpart": _bool, "origin": _text, "part": _part, "pillars": _pillars,
}


def _shown(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def validate(page: PageRecord) -> list[ContentError]:
    problems = []
    meta, lines = page.meta, page.meta_lines
    for key, value in meta.items():
        line = lines.get(key, 1)
        check = SCHEMA.get(key)
        if check is None:
            if key not in MATERIAL_KEYS:
                problems.append(ContentError(page.display, line, f"field '{key}': unknown field",
                                             f"known fields: {', '.join(SCHEMA)}"))
            continue
        expected = check(value)
        if expected:
            problems.append(ContentError(page.display, line, f"field '{key}': expected "
                                         f"{expected}, got '{_shown(value)}'"))
    if "title" not in meta:
        problems.append(ContentError(page.display, 1, "field 'title' is required",
                                     "add 'title: …' to the front matter"))
    if "document" in meta:
        for key in DOCUMENT_REQUIRED:
            if key not in meta:
                problems.append(ContentError(page.display, 1, f"field '{key}' is required on a "
                                             "document page"))
    if meta.get("language") in ("ja", "en") and meta["language"] != page.language:
        problems.append(ContentError(page.display, lines.get("language", 1),
                                     f"field 'language': the page is in docs/{page.language}/ "
                                     f"but says '{meta['language']}'"))
    return problems
