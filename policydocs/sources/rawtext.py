"""Reading a received text safely and dropping reviewed web-page furniture from it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core import textfile, yamlfile
from ..core.errors import ContentError


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the received file
    text: str


@dataclass(frozen=True)
class Dropped:
    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # line | line_pattern | suffix
    value: str

    def drops_line(self, stripped: str) -> bool:
        if self.kind == "line":
            return stripped == self.value
        if self.kind == "line_pattern":
            return re.search(self.value, stripped) is not None
        return False


def read_text(path: Path) -> str:
    """The file's text with newlines normalised; a clear error when it cannot be used."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(path, None, "source file not found",
                           "check the 'file' field in sources/sources.yml") from None
    except IsADirectoryError:
        raise ContentError(path, None, "expected a text file, found a folder") from None
    text = textfile.decode(data, path, "convert the file to UTF-8, e.g. iconv -f SHIFT_JIS "
                           "-t UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError(path, None, "source file is empty")
    return text


def load_rules(path: Path) -> list[Rule]:
    data = yamlfile.load(path)
    rules = []
    for entry in (data or {}).get("rules", []):
        kinds = [k for k in ("line", "line_pattern", "suffix") if k in entry]
        if len(kinds) != 1 or "id" not in entry or "why" not in entry:
            raise ContentError(path, entry.line, "each rule needs an 'id', a 'why' and exactly "
                               "one of 'line', 'line_pattern', 'suffix'")
        if kinds[0] == "line_pattern":
            try:
                re.compile(entry["line_pattern"])
            except re.error as exc:
                raise ContentError(path, entry.line_of("line_pattern"),
                                   f"invalid regular expression: {exc}") from None
        rules.append(Rule(entry["id"], kinds[0], str(entry[kinds[0]])))
    return rules


def strip_boilerplate(text: str, rules: list[Rule]) -> tuple[list[Line], list[Dropped]]:
    """Split into numbered lines, removing lines and glued suffixes the rules name."""
    lines: list[Line] = []
    dropped: list[Dropped] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        rule = next((r for r in rules if r.drops_line(raw.strip())), None)
        if rule is not None:
            dropped.append(Dropped(no, raw.strip(), rule.id))
            lines.append(Line(no, ""))
            continue
        for suffix in (r for r in rules if r.kind == "suffix" and r.value in raw):
            dropped.extend(Dropped(no, suffix.value, suffix.id)
                           for _ in range(raw.count(suffix.value)))
            raw = raw.replace(suffix.value, "")
        lines.append(Line(no, raw.rstrip("\n")))
    return lines, dropped
