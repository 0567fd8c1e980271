"""Reading a received text safely and dropping reviewed web-page furniture from it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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


KINDS = ("line", "line_pattern", "suffix", "block")
HEAD_LINES = 12  # a "head" rule looks only at the first non-blank lines: the page header


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # line | line_pattern | suffix | block (a pattern: the line and the rest of its block)
    value: str
    hosts: tuple[str, ...] = ()  # publishers it is scoped to (host or parent domain); () = all
    head: bool = False  # only in the page header

    def drops_line(self, stripped: str) -> bool:
        if self.kind == "line":
            return stripped == self.value
        if self.kind in ("line_pattern", "block"):
            return re.search(self.value, stripped) is not None
        return False

    def applies_to(self, url: str | None) -> bool:
        if not self.hosts:
            return True
        host = (urlsplit(url).hostname or "") if url else ""
        return any(host == h or host.endswith("." + h) for h in self.hosts)


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
        kinds = [k for k in KINDS if k in entry]
        if len(kinds) != 1 or "id" not in entry or "why" not in entry:
            raise ContentError(path, entry.line, "each rule needs an 'id', a 'why' and exactly "
                               "one of " + ", ".join(f"'{k}'" for k in KINDS))
        unknown = set(entry) - set(KINDS) - {"id", "why", "hosts", "head"}
        if unknown:
            raise ContentError(path, entry.line_of(sorted(unknown)[0]),
                               f"unknown rule field '{sorted(unknown)[0]}'",
                               "a rule may also have 'hosts' (a list) and 'head' (true/false)")
        if kinds[0] in ("line_pattern", "block"):
            try:
                re.compile(entry[kinds[0]])
            except re.error as exc:
                raise ContentError(path, entry.line_of(kinds[0]),
                                   f"invalid regular expression: {exc}") from None
        hosts = entry.get("hosts") or []
        if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
            raise ContentError(path, entry.line_of("hosts"), "'hosts' must be a list of host "
                               "names, e.g. [meti.go.jp]")
        rules.append(Rule(entry["id"], kinds[0], str(entry[kinds[0]]), tuple(hosts),
                          bool(entry.get("head", False))))
    return rules


def strip_boilerplate(text: str, rules: list[Rule], url: str | None = None,
                      drop: tuple[str, ...] = ()) -> tuple[list[Line], list[Dropped]]:
    """Split into numbered lines, removing lines and glued suffixes the rules name (those
    scoped to the source's publisher, ``url``) and the lines the manifest's ``drop`` lists."""
    rules = [r for r in rules if r.applies_to(url)]
    rules += [Rule("manifest-drop", "line", line.strip()) for line in drop]
    lines: list[Line] = []
    dropped: list[Dropped] = []
    seen = 0  # non-blank lines so far, for the header rules
    in_block: Rule | None = None  # a block rule dropping the rest of its block
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        seen += bool(stripped)
        in_block = in_block if stripped else None
        rule = in_block or next((r for r in rules if (not r.head or seen <= HEAD_LINES)
                                 and r.drops_line(stripped)), None)
        if rule is not None:
            in_block = rule if rule.kind == "block" else None
            dropped.append(Dropped(no, stripped, rule.id))
            lines.append(Line(no, ""))
            continue
        for suffix in (r for r in rules if r.kind == "suffix" and r.value in raw):
            dropped.extend(Dropped(no, suffix.value, suffix.id)
                           for _ in range(raw.count(suffix.value)))
            raw = raw.replace(suffix.value, "")
        lines.append(Line(no, raw.rstrip("\n")))
    return lines, dropped
