"""The front matter of a page: one schema, checked field by field with file:line messages.

Document pages (those with ``document``) carry the document's metadata; other pages need
only a title. The keys MkDocs and Material act on (template, icon, hide, …) are in the schema
too: a template or icon that does not exist would stop the build with a traceback, and a
value they print is printed as it is. Text fields are plain text (``plaintext``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..core import plaintext
from ..core.errors import ContentError
from .corpus import PageRecord

TRANSLATION_STATES = ("official", "unofficial", "none")
DOCUMENT_REQUIRED = ("title", "document", "language", "date", "issuer", "translation")
HIDE = ("navigation", "toc", "footer", "feedback", "tags", "path")
_TEMPLATE = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.html")
_ICON = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)+")


@dataclass(frozen=True)
class Theme:
    """What the theme offers that front matter may name: templates, icons, page statuses."""
    dirs: tuple[Path, ...] = ()
    statuses: frozenset[str] = field(default_factory=frozenset)

    def has(self, relative: str) -> bool:
        return any((d / relative).is_file() for d in self.dirs)


def _text(value: Any) -> str | None:
    if not (isinstance(value, str) and value.strip()):
        return "a non-empty text"
    markup = plaintext.problem(value)
    return f"plain text, but it {markup}; {plaintext.HINT}" if markup else None


def _texts(value: Any) -> str | None:
    if isinstance(value, list) and all(_text(v) is None for v in value):
        return None
    return "a list of plain texts"


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
        bad = next((r for r in value.values() if r is not None and _text(r)), None)
        return f"reasons in {_text(bad)}" if bad is not None else None
    if isinstance(value, list) and all(isinstance(k, str) for k in value):
        return None
    return "a mapping of pillar id to reason (or a list of pillar ids)"


def _hide(value: Any) -> str | None:
    ok = isinstance(value, list) and all(v in HIDE for v in value)
    return None if ok else f"a list of {', '.join(HIDE)}"


def _search(value: Any) -> str | None:
    ok = isinstance(value, dict) and set(value) <= {"exclude", "boost"} and \
        isinstance(value.get("exclude", False), bool) and \
        isinstance(value.get("boost", 1), (int, float)) and not isinstance(value.get("boost"), bool)
    return None if ok else "a mapping with 'exclude: true|false' and/or 'boost: a number'"


SCHEMA: dict[str, Callable[[Any], str | None]] = {
    "title": _text, "document": _path, "source": _text, "language": _one_of("ja", "en"),
    "date": _date, "updated": _date, "issuer": _text, "url": _url, "translation": _one_of(*TRANSLATION_STATES),
    "counterpart": _bool, "origin": _text, "part": _part, "pillars": _pillars,
    # MkDocs' and Material's own keys that need no theme to check.
    "description": _text, "subtitle": _text, "tags": _texts, "hide": _hide, "search": _search,
}


def _theme_checks(theme: Theme) -> dict[str, Callable[[Any], str | None]]:
    """The keys whose values name files of the theme (or its configuration)."""
    def template(value: Any) -> str | None:
        ok = isinstance(value, str) and _TEMPLATE.fullmatch(value) and theme.has(value)
        return None if ok else "the name of a template in overrides/ or the theme (e.g. main.html)"

    def icon(value: Any) -> str | None:
        ok = isinstance(value, str) and _ICON.fullmatch(value) and theme.has(f".icons/{value}.svg")
        return None if ok else "the name of an icon of the theme (e.g. material/file-document)"

    def status(value: Any) -> str | None:
        if value in theme.statuses:
            return None
        known = ", ".join(sorted(theme.statuses))
        return f"one of {known} (extra.status in mkdocs.yml)" if known else \
            "nothing: no page statuses are configured (extra.status in mkdocs.yml)"

    return {"template": template, "icon": icon, "status": status}


def unsafe_to_render(meta: dict[str, Any], theme: Theme) -> list[str]:
    """The keys of ``meta`` the theme would fail on (a missing template or icon): the hook
    drops them before rendering, so the build ends with their message, not a traceback."""
    return [key for key, check in _theme_checks(theme).items()
            if key in meta and check(meta[key])]


def _shown(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def validate(page: PageRecord, theme: Theme = Theme()) -> list[ContentError]:
    problems = []
    meta, lines = page.meta, page.meta_lines
    schema = {**SCHEMA, **_theme_checks(theme)}
    for key, value in meta.items():
        line = lines.get(key, 1)
        check = schema.get(key)
        if check is None:
            problems.append(ContentError(page.display, line, f"field '{key}': unknown field",
                                         f"known fields: {', '.join(schema)}"))
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
