"""YAML loading that remembers line numbers, so validation errors can say ``file:line``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError
from . import characters, plaintext, textfile


class LineDict(dict):
    """A mapping from YAML that knows the line of itself and of each of its keys."""

    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


# libyaml's loader when PyYAML has it (its wheels do): front matter is parsed for every page
# of every build, and the C scanner is several times faster. Both keep line marks.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    _refuse_duplicate_keys(node)
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.lines = {}
    yield data
    data.update(loader.construct_mapping(node, deep=True))
    data.lines = {
        str(key.value): value.start_mark.line + 1 for key, value in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def _refuse_duplicate_keys(node: yaml.MappingNode) -> None:
    """YAML keeps the last of two equal keys and drops the first without a word: a term or
    pillar given twice would lose its first entry. Refused at the second one's line."""
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key.value}' is given twice (first on line "
                    f"{seen[key.value]})", key.start_mark)
            seen[key.value] = key.start_mark.line + 1


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def loads(text: str, path: str | Path, first_line: int = 1) -> Any:
    """Parse YAML text; a syntax error becomes a ContentError at the right line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(path, line, f"invalid YAML: {problem}",
                           "check indentation, colons and quotes") from None
    except yaml.YAMLError as exc:
        raise ContentError(path, first_line, f"invalid YAML: {exc}") from None


def load(path: Path, display: str | None = None) -> Any:
    """Read and parse a UTF-8 YAML file; ``display`` names it in messages (data/x.yml)."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(name, None, "file not found") from None
    except OSError as exc:
        raise ContentError(name, None, f"cannot be read ({exc.strerror})") from None
    text = textfile.decode(raw, name, "save the file as UTF-8")
    characters.check(text, name)
    return loads(text, name)


def expect(value: Any, kind: type | tuple[type, ...], path: str, line: int, what: str,
           shown: str) -> Any:
    """``value`` if it is of ``kind``, else a ContentError at ``line``: 'what' must be
    ``shown`` (e.g. "a mapping of ja and en texts")."""
    if isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool):
        return value
    got = type(value).__name__ if value is not None else "nothing"
    raise ContentError(path, line, f"{what} must be {shown}, not {got}")


def plain(value: Any, path: str, line: int, what: str) -> str:
    """A non-empty plain text (``plaintext``), else a ContentError at ``line``."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or \
            not str(value).strip():
        raise ContentError(path, line, f"{what} must be a non-empty text")
    markup = plaintext.problem(str(value))
    if markup:
        raise ContentError(path, line, f"{what} {markup}", plaintext.HINT)
    return str(value)


def line_of(data: Any, key: str, default: int) -> int:
    return data.line_of(key) if isinstance(data, LineDict) else default
