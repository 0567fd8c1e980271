"""Holding the importer to outlines an editor wrote by hand, for a corpus of real texts.

A folder holds a manifest (``sources.yml``), the received texts beside it, and under
``expected/`` one file per source: the title, the furniture lines that must not reach the
page, the footnote markers, and every block of the body in order (see
``tests/fixtures/new_sources/README.md``). ``check`` imports each source in memory and
says, per text, how much of the expected outline it found and where it differs.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..core import yamlfile
from ..core.errors import ContentError
from . import importer, labelfidelity, manifest, outlinereport, rawtext


@dataclass
class TextScore:
    id: str
    expected: int = 0
    matched: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refused: str = ""
    labels: labelfidelity.LabelReport = field(default_factory=labelfidelity.LabelReport)

    @property
    def share(self) -> float:
        return 100.0 * self.matched / self.expected if self.expected else 0.0

    @property
    def perfect(self) -> bool:
        return not self.refused and not self.problems and self.matched == self.expected


def check(folder: Path, rules_path: Path) -> list[TextScore]:
    sources = manifest.load(folder / "sources.yml")
    rules = rawtext.load_rules(rules_path)
    hosts = importer.https_hosts(list(sources.sources.values()), rules)
    return [_score(source, folder / "expected" / f"{source.id}.yml", rules, hosts)
            for source in sources.sources.values()]


def _score(source: manifest.Source, expected_path: Path, rules: list[rawtext.Rule],
           hosts: frozenset[str]) -> TextScore:
    want = yamlfile.load(expected_path)
    score = TextScore(source.id, expected=len(want["outline"]) + 1)
    try:
        result = importer.convert(source, rules, hosts)
    except ContentError as exc:
        score.refused = str(exc)
        return score
    doc = result.document
    rows = outlinereport.entries(doc)
    comparison = outlinereport.compare(rows, list(want["outline"]))
    score.matched = comparison.matched
    score.problems += comparison.misses
    if _norm(doc.title.text) == _norm(str(want["title"])):
        score.matched += 1
    else:
        score.problems.append(f"title '{doc.title.text}', expected '{want['title']}'")
    if bool(want.get("title_in_text", True)) == doc.title_from_manifest:
        score.problems.append("title line " + ("not found" if doc.title_from_manifest
                                                else "found where the text has none"))
    blocks = [_norm(f"{row.label}{row.text}") for row in rows]
    score.problems += [f"furniture kept: {line}" for line in want.get("furniture") or []
                       if _kept(_norm(str(line)), blocks)]
    score.warnings = [f"{line}: {message}" for line, message in result.warnings]
    pages = [page.text for page in result.pages if page.path.startswith(source.language + "/")]
    score.labels = labelfidelity.check(result.lines, pages)
    score.problems += [f"numbered point '{p.label}' (line {p.line}) is not a unit of its own"
                       for p in score.labels.missing]
    return score


def _kept(line: str, blocks: list[str]) -> bool:
    """Is a furniture line on the page: a block of its own, or (when long enough to be
    unmistakable) inside one?"""
    return any(block == line or (len(line) >= 12 and line in block) for block in blocks)


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()
