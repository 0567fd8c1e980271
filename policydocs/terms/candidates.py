"""Candidate pairs for the term base, for an editor to confirm (scripts/term_candidates.py).

Two sources, both already aligned:
- the glossary's expansions: an acronym's Japanese and English expansions are a pair;
- the definitions the texts make in both languages: 「以下「日英関係省庁」という。」 in a
  unit whose English says (hereafter “both Participants”).

Each candidate is scored on the aligned units: in how many units both sides hold it
(support), and in how many the Japanese holds it but the English does not (against). A pair
the base already has (by its Japanese) is not proposed again."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..site.glossary import Glossary
from ..site.tmexport import AlignedPair
from . import matching
from .termbase import TermBase

_JA_HEREAFTER = re.compile(r"以下「([^」]{2,40})」という")
_EN_HEREAFTER = re.compile(r"\(hereafter [\"“]([^\"”]{2,60})[\"”]\)", re.I)


@dataclass
class Candidate:
    ja: str
    en: str
    origin: str  # "glossary ACR" or "definition"
    support: list[AlignedPair] = field(default_factory=list)
    against: list[AlignedPair] = field(default_factory=list)

    @property
    def source(self) -> AlignedPair | None:
        """The first supporting unit of an official text, if any."""
        return next((p for p in self.support if p.translation == "official"), None)


def _from_glossary(glossary: Glossary) -> list[Candidate]:
    return [Candidate(t.expansions["ja"], t.expansions["en"], f"glossary {t.acronym}")
            for t in glossary.terms.values() if t.expansions.get("ja") and t.expansions.get("en")]


def _from_definitions(aligned: list[AlignedPair]) -> list[Candidate]:
    found = []
    for pair in aligned:
        ja, en = _JA_HEREAFTER.findall(pair.ja), _EN_HEREAFTER.findall(pair.en)
        if len(ja) == len(en):  # paired in order only when both sides define as many
            found += [Candidate(j, e, "definition") for j, e in zip(ja, en)]
    return found


def _score(candidate: Candidate, aligned: list[AlignedPair]) -> None:
    for pair in aligned:
        if matching.japanese_spans(pair.ja, candidate.ja):
            (candidate.support if matching.has_english(pair.en, [candidate.en])
             else candidate.against).append(pair)


def propose(base: TermBase, glossary: Glossary, aligned: list[AlignedPair]) -> list[Candidate]:
    """New candidates, best supported first; only those that some unit uses."""
    known = {matching.normalize(t).replace(" ", "")
             for term in base.terms.values() for t in term.japanese}
    out: dict[str, Candidate] = {}
    for candidate in _from_definitions(aligned) + _from_glossary(glossary):
        key = matching.normalize(candidate.ja).replace(" ", "")
        if key in known or key in out:
            continue
        _score(candidate, aligned)
        if candidate.support:
            out[key] = candidate
    return sorted(out.values(), key=lambda c: (-len(c.support), len(c.against), c.ja))


def term_id(english: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-")[:40] or "term"


def as_yaml(candidate: Candidate) -> str:
    """The candidate as an entry to paste into data/terms.yml, its evidence as comments."""
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = [f"  {term_id(candidate.en)}:  # {candidate.origin}; in {len(candidate.support)} "
             f"aligned units, {len(candidate.against)} with other English",
             f"    ja: {quoted(candidate.ja)}", f"    en: {quoted(candidate.en)}"]
    if candidate.source:
        lines.append(f"    source: {candidate.source.page}#{candidate.source.unit}")
    lines += [f"    # other English in {p.page}#{p.unit}" for p in candidate.against[:3]]
    return "\n".join(lines)
