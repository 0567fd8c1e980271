"""The term base: what data/terms.yml holds, read with its lines so that every problem is
reported as ``data/terms.yml:line``, and checked against the texts it cites.

Each term is a preferred Japanese-English pair, with the variants a text may also use, the
English to avoid, a note, and the unit of an official text where the pair is used (its
``source``: ``page.md#unit``; a term that no official text uses has none). The file's shape is ``terms.schema.json``."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from ..core import yamlfile
from ..core.errors import ContentError
from . import matching

SCHEMA = Path(__file__).with_name("terms.schema.json")
PATH = Path("data") / "terms.yml"
HINT = "see the comment at the top of data/terms.yml"


@dataclass(frozen=True)
class Term:
    id: str
    ja: str
    en: str
    source: str | None  # "page.md#unit" of an official text using the pair, if one does
    line: int
    ja_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    en_avoid: tuple[str, ...] = ()
    note: str = ""

    @property
    def japanese(self) -> list[str]:
        return [self.ja, *self.ja_variants]

    @property
    def english(self) -> list[str]:
        return [self.en, *self.en_variants]

    @property
    def source_page(self) -> str:
        return (self.source or "#").split("#", 1)[0]

    @property
    def source_unit(self) -> str:
        return (self.source or "#").split("#", 1)[1]


@dataclass
class TermBase:
    display: str
    terms: dict[str, Term] = field(default_factory=dict)


def _line(data: object, path: list) -> int:
    """The line of the deepest mapping key of ``path`` that the YAML remembers."""
    line, node = 1, data
    for key in path:
        if isinstance(node, yamlfile.LineDict) and isinstance(key, str):
            line = node.line_of(key)
        try:
            node = node[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _schema_problem(data: object, display: str) -> ContentError | None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "the file"
    return ContentError(display, _line(data, _path_to_blame(error)),
                        f"{where}: {error.message}", HINT)


def _path_to_blame(error: jsonschema.ValidationError) -> list:
    """An unexpected key or a bad term id is reported on its own line, not its parent's."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        path += [key for key in error.instance if key not in known][:1]
    if "propertyNames" in error.relative_schema_path and isinstance(error.instance, str):
        path.append(error.instance)  # a badly formed term id: blame its entry
    return path


def load(path: Path, display: str = PATH.as_posix()) -> TermBase:
    """The term base of ``path``; an absent file is an empty base."""
    if not path.exists():
        return TermBase(display)
    data = yamlfile.load(path, display) or {"terms": {}}
    problem = _schema_problem(data, display)
    if problem:
        raise problem
    base = TermBase(display)
    seen: dict[str, str] = {}
    for key, entry in data["terms"].items():
        line = yamlfile.line_of(data["terms"], key, 1)
        for text in (entry["ja"], *entry.get("ja_variants", [])):
            norm = matching.normalize(text).replace(" ", "")
            if norm in seen:
                other = "this term" if seen[norm] == key else f"term '{seen[norm]}'"
                raise ContentError(display, line, f"term '{key}': '{text}' is already a "
                                   f"Japanese of {other} (spaces, width and case do not count)",
                                   "remove it, or merge the two terms")
            seen[norm] = key
        base.terms[key] = Term(key, entry["ja"], entry["en"], entry.get("source"), line,
                               tuple(entry.get("ja_variants", ())),
                               tuple(entry.get("en_variants", ())),
                               tuple(entry.get("en_avoid", ())), entry.get("note", ""))
    return base
