"""YAML loading that remembers line numbers, so validation errors can say ``file:line``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError


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
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.lines = {}
    yield data
    data.update(loader.construct_mapping(node, deep=True))
    data.lines = {
        str(key.value): value.start_mark.line + 1 for key, value in node.value
        if isinstance(key, yaml.ScalarNode)
    }


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


def load(path: Path) -> Any:
    """Read and parse a UTF-8 YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise ContentError(path, None, f"not valid UTF-8 ({exc.reason})",
                           "save the file as UTF-8") from None
    return loads(text, path)
