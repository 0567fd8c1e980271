"""How much of a received text its pages still hold: the "nothing lost" check.

Both sides are reduced to the characters a reader sees (NFKC, no whitespace, no Markdown or
extraction markup, footnote markers kept as their numbers) and every source line is looked
up in the pages. What cannot be found is listed by source line, so a lost sentence is seen
at once. Text dropped by the reviewed boilerplate rules is counted apart, not as content.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..pages import inline, pagefile, reader, units
from .manifest import Source
from .sourceurls import MD_LINK_RE, clean_url, find_urls
from . import footnotes, labelfidelity, rawtext

@dataclass
class Missing:
    line: int
    text: str


@dataclass
class Report:
    source: Source
    pages: list[Path]
    total: int = 0
    present: int = 0
    dropped_chars: int = 0
    missing: list[Missing] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    missing_urls: list[str] = field(default_factory=list)
    dropped: list[rawtext.Dropped] = field(default_factory=list)
    labels: labelfidelity.LabelReport = field(default_factory=labelfidelity.LabelReport)

    @property
    def share(self) -> float:
        return 100.0 * self.present / self.total if self.total else 100.0


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# --- the two sides, reduced to visible text ----------------------------------------------

def source_visible(line: str) -> str:
    """A received line without its markup (Markdown of the extraction, note markers)."""
    line = MD_LINK_RE.sub(lambda m: clean_url(m.group(2)), line)
    line = re.sub(r"<(https?://[^>\s]+)>", lambda m: clean_url(m.group(1)), line)
    line = re.sub(r"</?sup>", "", line)
    line = re.sub(r"\^\{\*(\d+)\}", r"\1", line)
    line = re.sub(r"^\s*\*(\d+)", r"\1", line)
    line = re.sub(r"^\s*(#{1,6}\s+|---\s*$|[-*+]\s+)", "", line)
    line = line.replace("**", "")
    return re.sub(r"\\+([_*\[\]()#+\-.!])", r"\1", line)


def page_visible(markdown: str) -> str:
    """A page's Markdown reduced to what a reader sees of it, read as the build reads it:
    no front matter, attribute lists or heading markers; footnote markers and definitions
    kept as their labels, to meet the source's note numbers."""
    page = pagefile.parse(markdown, "page")
    lines = []
    for _, line in reader.outside_fences(page.body, page.body_line):
        if units.ATTR_LINE.match(line):
            continue
        heading = units.match_heading(line)
        if heading:
            line = heading[1]
        elif line.startswith("#"):
            line = reader.HEADING.sub(r"\2", line)
        line = reader.FOOTNOTE_DEF.sub(r"[^\1] ", line)
        lines.append(line)
    return inline.plain("\n".join(lines), notes=True)


# --- matching ----------------------------------------------------------------------------

def _longest_present(segment: str, start: int, haystack: str) -> int:
    lo, hi = 0, len(segment) - start
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if segment[start:start + mid] in haystack:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _anchor(segment: str, haystack: str) -> int | None:
    """Where the segment's longest run (at least 8 characters) stands in the haystack."""
    best, best_at = 0, 0
    i = 0
    while i < len(segment):
        run = _longest_present(segment, i, haystack)
        if run > best:
            best, best_at = run, i
        i += max(run, 1)
    if best < min(8, len(segment)):
        return None
    return haystack.index(segment[best_at:best_at + best]) - best_at


def _uncovered(segment: str, haystack: str) -> list[str]:
    """Parts of the segment missing from the page, in order: the segment is aligned with
    the stretch of the page where its longest run stands (so words that merely recur
    elsewhere on the page do not hide a lost sentence). Matches under 4 characters count
    as chance."""
    at = _anchor(segment, haystack)
    if at is None:
        return [segment]
    window = haystack[max(0, at - len(segment)):at + 2 * len(segment)]
    matcher = difflib.SequenceMatcher(None, segment, window, autojunk=False)
    covered = [False] * len(segment)
    for a, _, size in matcher.get_matching_blocks():
        if size >= 4 or size == len(segment):
            covered[a:a + size] = [True] * size
    spans: list[str] = []
    current = ""
    for char, ok in zip(segment, covered):
        if ok and current:
            spans.append(current)
            current = ""
        elif not ok:
            current += char
    return spans + ([current] if current else [])


def check(source: Source, rules: list[rawtext.Rule], pages: list[Path]) -> Report:
    report = Report(source, pages)
    text = rawtext.read_text(source.file)
    lines, dropped = rawtext.strip_boilerplate(text, rules, source.url, source.drop)
    report.dropped_chars = sum(len(normalise(d.text)) for d in dropped)
    report.dropped = dropped
    texts = [p.read_text(encoding="utf-8") for p in pages]
    page_text = "\n".join(texts)
    report.labels = labelfidelity.check(footnotes.extract(lines).lines, texts)
    haystack = normalise(page_visible(page_text))
    for line in lines:
        segment = normalise(source_visible(line.text))
        if not segment:
            continue
        report.total += len(segment)
        if segment in haystack:
            report.present += len(segment)
            continue
        gaps = _uncovered(segment, haystack)
        lost = sum(len(g) for g in gaps)
        report.present += len(segment) - lost
        report.missing += [Missing(line.no, g) for g in gaps]
    report.urls = sorted(set(find_urls("\n".join(ln.text for ln in lines))))
    page_links = set(re.findall(r"<(https?://[^>\s]+)>", page_text))
    page_links |= {m.group(2) for m in re.finditer(r"\[([^\]]*)\]\((https?://[^)\s]+)\)",
                                                    page_text)}
    # The importer writes http links as https where the sources cite the host over https.
    secure = {re.sub(r"^http://", "https://", u) for u in page_links}
    report.missing_urls = [u for u in report.urls if u not in page_links
                           and re.sub(r"^http://", "https://", u) not in secure]
    return report


def pages_of(source: Source, docs_dir: Path) -> list[Path]:
    """The committed page(s) that hold a source's text."""
    single = docs_dir / source.language / f"{source.path}.md"
    if single.exists():
        return [single]
    folder = docs_dir / source.language / source.path
    return sorted(folder.glob("*.md")) if folder.is_dir() else []
