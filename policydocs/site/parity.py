"""Counterpart parity: do the two language versions of a page carry the same units?"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import ContentError
from ..pages.corpus import Corpus, PageRecord
from ..pages.units import UnitRef, label_of  # noqa: F401 - label_of: its users import it here

def other(language: str) -> str:
    return "en" if language == "ja" else "ja"


@dataclass
class PairStatus:
    """One page and its counterpart (either may be missing)."""

    rel: str
    pages: dict[str, PageRecord | None]
    aligned: list[str] = field(default_factory=list)  # ids in both, in Japanese order
    unmatched: dict[str, list[UnitRef]] = field(default_factory=dict)  # no counterpart
    lang_only: dict[str, list[UnitRef]] = field(default_factory=dict)  # declared so
    label_diffs: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> lang -> label

    @property
    def comparable(self) -> bool:
        """Both pages exist and both hold text (neither is a 'no text yet' notice)."""
        return all(p is not None and p.translation != "none" and p.units
                   for p in self.pages.values())

    @property
    def coverage(self) -> float:
        missing = sum(len(v) for v in self.unmatched.values())
        total = len(self.aligned) + missing
        return 100.0 * len(self.aligned) / total if total else 0.0


@dataclass
class DocumentStatus:
    """A document (front-matter key ``document``) with all its page pairs."""

    document: str
    pairs: list[PairStatus]

    def page(self, language: str) -> PageRecord | None:
        """The document's first page (its index when it is split) in a language."""
        return self.pairs[0].pages.get(language)

    @property
    def coverage(self) -> float:
        aligned = sum(len(p.aligned) for p in self.pairs)
        missing = sum(len(u) for p in self.pairs for u in p.unmatched.values())
        # A pair with no units on either side (the list of a split document's parts) has
        # nothing to align; a notice page or a missing page leaves the document at 0%.
        with_units = [p for p in self.pairs if any(r is not None and r.units for r in p.pages.values())]
        if not with_units or not all(p.comparable for p in with_units):
            return 0.0
        return 100.0 * aligned / (aligned + missing) if aligned + missing else 100.0


@dataclass
class ParityResult:
    pairs: dict[str, PairStatus]
    documents: list[DocumentStatus]
    problems: list[ContentError]
    orphans: list[PageRecord]  # pages without a counterpart page


def compare(corpus: Corpus) -> ParityResult:
    pairs: dict[str, PairStatus] = {}
    problems: list[ContentError] = []
    orphans: list[PageRecord] = []
    for rel in corpus.rels():
        pages = {lang: corpus.page(lang, rel) for lang in ("ja", "en")}
        pair = PairStatus(rel, pages)
        pairs[rel] = pair
        present = [p for p in pages.values() if p is not None]
        if len(present) == 1:
            page = present[0]
            orphans.append(page)
            problems.append(ContentError(page.display, 1, "page has no counterpart: "
                                         f"expected docs/{other(page.language)}/{rel}",
                                         "create it (scripts/new_page.py) or move the page"))
            continue
        if pair.comparable:
            problems += _compare_units(pair)
    return ParityResult(pairs, _documents(pairs), problems, orphans)


def _compare_units(pair: PairStatus) -> list[ContentError]:
    problems = []
    ja, en = pair.pages["ja"], pair.pages["en"]
    ids = {"ja": ja.ids, "en": en.ids}
    pair.aligned = [i for i, u in ids["ja"].items()
                    if i in ids["en"] and not u.lang_only and not ids["en"][i].lang_only]
    for unit_id in pair.aligned:
        labels = {lang: label_of(ids[lang][unit_id]) for lang in ("ja", "en")}
        if labels["ja"] != labels["en"]:
            pair.label_diffs[unit_id] = labels
    for lang in ("ja", "en"):
        page, mine, theirs = pair.pages[lang], ids[lang], ids[other(lang)]
        pair.unmatched[lang], pair.lang_only[lang] = [], []
        for unit in mine.values():
            there = f"docs/{other(lang)}/{pair.rel}"
            if unit.lang_only:
                pair.lang_only[lang].append(unit)
                if unit.id in theirs:
                    problems.append(ContentError(page.display, unit.line,
                                                 f"unit '{unit.id}' is marked .lang-only but "
                                                 f"{there} has it too",
                                                 "remove the marker or one of the units"))
            elif unit.id not in theirs:
                pair.unmatched[lang].append(unit)
                problems.append(ContentError(page.display, unit.line,
                                             f"unit '{unit.id}' has no counterpart in {there}",
                                             "add it there, fix the id, or mark it .lang-only"))
    return problems


def _documents(pairs: dict[str, PairStatus]) -> list[DocumentStatus]:
    grouped: dict[str, list[PairStatus]] = {}
    for pair in pairs.values():
        page = pair.pages["ja"] or pair.pages["en"]
        if page is None or not page.document:
            continue
        grouped.setdefault(page.document, []).append(pair)
    for doc_pairs in grouped.values():  # index.md sorts before part-1.md
        doc_pairs.sort(key=lambda p: p.rel)
    return [DocumentStatus(doc, grouped[doc]) for doc in sorted(grouped)]
