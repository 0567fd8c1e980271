"""Is a term of the base rendered as the base says?

- A term's ``source``, if it has one, must be a unit of an official text whose Japanese holds the term
  and whose English holds its English (the base cites its evidence; a typo there is caught).
- In every aligned unit of an unofficial translation whose Japanese holds a term, the
  English must hold the preferred English or one of its variants, and none of the English to
  avoid. A Japanese term inside a longer term of the base counts as the longer one only.

Each problem names the English page's file and the unit's line, the term and what was
expected."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import ContentError
from ..pages.corpus import Corpus
from ..site.tmexport import AlignedPair
from . import matching
from .termbase import Term, TermBase


@dataclass(frozen=True)
class Finding:
    """A unit of an unofficial translation that renders a term otherwise than the base."""

    term: Term
    pair: AlignedPair
    avoided: str | None  # the English to avoid that the unit uses, if that is the problem


@dataclass
class Report:
    checked: int  # (unit, term) occurrences in unofficial translations
    findings: list[Finding]

    @property
    def consistent(self) -> float:
        return 1 - len(self.findings) / self.checked if self.checked else 1.0


def terms_in(base: TermBase, japanese: str) -> list[Term]:
    """The terms of the base that ``japanese`` holds, outermost only."""
    found = {}
    for term in base.terms.values():
        spans = [s for text in term.japanese for s in matching.japanese_spans(japanese, text)]
        if spans:
            found[term.id] = spans
    return [base.terms[key] for key in sorted(matching.outermost(found))]


def source_problems(base: TermBase, corpus: Corpus) -> list[ContentError]:
    problems = []
    for term in base.terms.values():
        if term.source is None:
            continue
        pages = {lang: corpus.page(lang, term.source_page) for lang in ("ja", "en")}
        units = {lang: p.ids.get(term.source_unit) if p else None for lang, p in pages.items()}
        where = f"term '{term.id}': source {term.source}"
        if not units["ja"] or not units["en"]:
            problems.append(ContentError(base.display, term.line, f"{where} is not a unit of "
                            "both languages", "give page.md#unit of an aligned unit"))
        elif str(pages["en"].translation or "official") != "official":
            problems.append(ContentError(base.display, term.line, f"{where} is an unofficial "
                            "translation", "cite an official text"))
        elif not any(matching.japanese_spans(units["ja"].text, t) for t in term.japanese):
            problems.append(ContentError(base.display, term.line,
                                         f"{where}: its Japanese does not hold '{term.ja}'"))
        elif not matching.has_english(units["en"].text, term.english):
            problems.append(ContentError(base.display, term.line,
                                         f"{where}: its English does not hold '{term.en}'"))
    return problems


def check(base: TermBase, aligned: list[AlignedPair]) -> Report:
    checked, findings = 0, []
    for pair in aligned:
        if pair.translation != "unofficial":
            continue
        for term in terms_in(base, pair.ja):
            checked += 1
            avoided = next((a for a in term.en_avoid if matching.has_english(pair.en, [a])), None)
            if avoided or not matching.has_english(pair.en, term.english):
                findings.append(Finding(term, pair, avoided))
    return Report(checked, findings)


def problem(finding: Finding, corpus: Corpus) -> ContentError:
    """The finding as ``docs/en/page.md:line: ...``."""
    pair, term = finding.pair, finding.term
    page = corpus.page("en", pair.page)
    unit = page.ids.get(pair.unit) if page else None
    expected = " or ".join(f"'{e}'" for e in term.english)
    what = (f"uses '{finding.avoided}', which the term base says to avoid"
            if finding.avoided else "does not use the term base's English")
    return ContentError(page.display if page else f"docs/en/{pair.page}",
                        unit.line if unit else None,
                        f"unit #{pair.unit}: the Japanese has '{term.ja}' but the English {what}; "
                        f"expected {expected}",
                        f"use it, or add the wording to en_variants of '{term.id}' in data/terms.yml")
