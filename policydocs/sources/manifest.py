"""The sources manifest (``sources/sources.yml``): what each raw text is and where it goes."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import plaintext, yamlfile
from ..core.errors import ContentError

LANGUAGES = ("ja", "en")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PATH = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$")
_IMPORT_OPTIONS = {"split", "signatures", "headings", "pillars", "translated", "drop", "accept"}


@dataclass(frozen=True)
class Source:
    """One received text and the metadata its pages carry."""

    id: str
    file: Path
    language: str
    path: str
    title: dict[str, str]
    issuer: dict[str, str]
    date: dt.date
    url: str | None
    counterpart: str | None
    origin: str
    options: dict[str, Any] = field(default_factory=dict)
    line: int = 0
    url_checked: str | None = None  # how the page at ``url`` was matched against the text

    @property
    def drop(self) -> tuple[str, ...]:
        """Lines of furniture no reviewed rule can recognise (a photo's description), as the
        manifest's ``import.drop`` lists them; the fidelity report shows each as dropped."""
        return tuple(str(line).strip() for line in self.options.get("drop") or ())

    @property
    def other_language(self) -> str:
        return "en" if self.language == "ja" else "ja"


@dataclass
class Manifest:
    path: Path
    sources: dict[str, Source]

    def get(self, source_id: str) -> Source:
        try:
            return self.sources[source_id]
        except KeyError:
            known = ", ".join(sorted(self.sources))
            raise ContentError(self.path, None, f"unknown source id '{source_id}'",
                               f"known ids: {known}") from None

    def documents(self) -> dict[str, list[Source]]:
        """Sources grouped by document path, in manifest order."""
        docs: dict[str, list[Source]] = {}
        for source in self.sources.values():
            docs.setdefault(source.path, []).append(source)
        return docs


def load(path: Path) -> Manifest:
    data = yamlfile.load(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ContentError(path, 1, "expected a mapping with a list under 'sources'")
    sources: dict[str, Source] = {}
    for entry in data["sources"]:
        source = _parse_entry(path, entry)
        if source.id in sources:
            raise ContentError(path, source.line, f"source id '{source.id}' is used twice")
        sources[source.id] = source
    _check_counterparts(path, sources)
    return Manifest(path, sources)


def _parse_entry(path: Path, entry: Any) -> Source:
    if not isinstance(entry, yamlfile.LineDict):
        raise ContentError(path, None, "each source must be a mapping of fields")

    def fail(key: str, message: str) -> ContentError:
        return ContentError(path, entry.line_of(key), f"field '{key}': {message}")

    for key in ("id", "file", "language", "path", "title", "issuer", "date", "origin"):
        if entry.get(key) in (None, ""):
            raise fail(key, "is required")
    unknown = set(entry) - {"id", "file", "language", "path", "title", "issuer", "date", "url",
                            "url_checked", "counterpart", "origin", "import"}
    if unknown:
        raise fail(sorted(unknown)[0], "unknown field")
    if not _ID.match(str(entry["id"])):
        raise fail("id", f"expected lowercase letters, digits and '-', got '{entry['id']}'")
    if entry["language"] not in LANGUAGES:
        raise fail("language", f"expected one of {', '.join(LANGUAGES)}, got '{entry['language']}'")
    if not _PATH.match(str(entry["path"])):
        raise fail("path", "expected a relative path of lowercase words without .md")
    for key in ("title", "issuer"):
        value = entry[key]
        if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGUAGES):
            raise fail(key, "expected both 'ja' and 'en' texts")
    if not isinstance(entry["date"], dt.date):
        raise fail("date", f"expected YYYY-MM-DD, got '{entry['date']}'")
    url = entry.get("url")
    if url is not None and not re.match(r"^https?://\S+$", str(url)):
        raise fail("url", f"expected an http(s) URL or null, got '{url}'")
    _check_url_checked(fail, url, entry.get("url_checked"))
    options = entry.get("import") or {}
    if not isinstance(options, dict) or set(options) - _IMPORT_OPTIONS:
        raise fail("import", f"expected a mapping of {', '.join(sorted(_IMPORT_OPTIONS))}")
    _check_pillar_tags(path, options.get("pillars"), entry)
    _check_import_lists(path, options, entry)
    file = _source_file(path, entry)
    for key in ("title", "issuer"):
        for lang in LANGUAGES:
            _plain(fail, key, entry[key][lang], f"{key}.{lang}")
    _plain(fail, "origin", entry["origin"], "origin")
    checked = " ".join(str(entry["url_checked"]).split()) if entry.get("url_checked") else None
    return Source(
        id=str(entry["id"]), file=file, language=entry["language"], path=str(entry["path"]),
        title={lang: str(entry["title"][lang]).strip() for lang in LANGUAGES},
        issuer={lang: " ".join(str(entry["issuer"][lang]).split()) for lang in LANGUAGES},
        date=entry["date"], url=url, counterpart=entry.get("counterpart"),
        origin=" ".join(str(entry["origin"]).split()), options=dict(options), line=entry.line,
        url_checked=checked,
    )


def _check_url_checked(fail, url: Any, checked: Any) -> None:
    """``url_checked`` says how a URL found after the text was received (by searching) was
    confirmed: a reviewer can repeat the comparison. It describes a URL, so it needs one."""
    if url is None and checked not in (None, ""):
        raise fail("url_checked", "describes a check of no URL: set 'url' or remove it")
    if checked is not None and not isinstance(checked, str):
        raise fail("url_checked", "expected a sentence of plain text")
    if checked:
        _plain(fail, "url_checked", checked, "url_checked")


def _check_import_lists(path: Path, options: dict, entry: yamlfile.LineDict) -> None:
    """``drop`` is a list of lines; ``headings`` maps a line to a level or 'paragraph'."""
    line = entry.line_of("import")
    for key in ("drop", "accept"):
        lines = options.get(key, [])
        if not isinstance(lines, list) or not all(isinstance(d, str) and d.strip() for d in lines):
            raise ContentError(path, line, f"field 'import.{key}': expected a list of lines of "
                               "the text, each as received")
    for text, level in (options.get("headings") or {}).items():
        if level != "paragraph" and not (isinstance(level, int) and 2 <= level <= 6):
            raise ContentError(path, line, f"field 'import.headings': '{text}' maps to "
                               f"'{level}'", "give a level from 2 to 6, or 'paragraph' for a "
                               "line that is not a heading")


def _source_file(path: Path, entry: yamlfile.LineDict) -> Path:
    """The received file, which must lie in the manifest's folder (``sources/``): a pull
    request cannot import /etc/passwd or a file linked from elsewhere into a page."""
    folder = path.parent.resolve()
    written = str(entry["file"])
    file = path.parent / written
    if Path(written).is_absolute() or not file.resolve().is_relative_to(folder):
        raise ContentError(path, entry.line_of("file"), f"field 'file': '{written}' is outside "
                           f"{path.parent.name}/", f"put the received text in "
                           f"{path.parent.name}/ and name it relative to it")
    return file


def _plain(fail, key: str, value: Any, shown: str) -> None:
    problem = plaintext.problem(str(value))
    if problem:
        raise fail(key, f"{shown} {problem}; {plaintext.HINT}")


def _check_counterparts(path: Path, sources: dict[str, Source]) -> None:
    for source in sources.values():
        if source.counterpart is None:
            continue
        other = sources.get(source.counterpart)
        if other is None:
            raise ContentError(path, source.line,
                               f"source '{source.id}': counterpart '{source.counterpart}' "
                               "is not a source id in this manifest")
        if other.language == source.language or other.path != source.path \
                or other.counterpart != source.id:
            raise ContentError(path, source.line,
                               f"source '{source.id}' and its counterpart '{other.id}' must name "
                               "each other, share 'path' and differ in 'language'")


def _check_pillar_tags(path: Path, tags: Any, entry: yamlfile.LineDict) -> None:
    """``pillars: {page: {id: why}, sections: {unit id: {id: why}}}``; the ids themselves are
    checked against data/pillars.yml when the site is built."""
    if tags is None:
        return
    line = entry.line_of("import")

    def reasons(value: Any, where: str) -> None:
        if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip()
                                                  for v in value.values()):
            raise ContentError(path, line, f"import.pillars.{where}: expected a mapping of "
                               "pillar id to a short reason")
        if any('"' in v for v in value.values()):
            raise ContentError(path, line, f"import.pillars.{where}: a reason cannot contain "
                               '\'"\'; use “ ” instead')

    if not isinstance(tags, dict) or set(tags) - {"page", "sections"}:
        raise ContentError(path, line, "import.pillars: expected 'page' and/or 'sections'")
    reasons(tags.get("page", {}), "page")
    for unit_id, value in (tags.get("sections") or {}).items():
        reasons(value, f"sections.{unit_id}")
