"""Finding a term in a unit's text, as a reader would: Japanese as a substring (it has no
spaces between words), English as whole words, ignoring case, width and the hyphen or
space inside compounds ("multi-stakeholder", "multistakeholder"), with a plural allowed."""
from __future__ import annotations

import functools
import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212\-]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width letters, half-width kana), one kind of hyphen and space, lower case."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", _DASHES.sub("-", text)).casefold().strip()


def japanese_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text``, both normalized; spaces inside Japanese text are
    ignored ("デジタル ID" is "デジタルID")."""
    hay, needle = normalize(text).replace(" ", ""), normalize(term).replace(" ", "")
    spans, start = [], hay.find(needle)
    while needle and start >= 0:
        spans.append((start, start + len(needle)))
        start = hay.find(needle, start + 1)
    return spans


@functools.lru_cache(maxsize=4096)
def _english(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[ -]", normalize(term)) if w]
    joined = r"[ -]?".join(words)
    return re.compile(rf"(?<![\w-]){joined}(?:s|es)?(?![\w])")


def english_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where ``term`` occurs in normalized ``text`` as whole words (plural allowed)."""
    return [m.span() for m in _english(term).finditer(normalize(text))]


def has_english(text: str, terms: list[str]) -> bool:
    return any(english_spans(text, t) for t in terms)


def outermost(found: dict[str, list[tuple[int, int]]]) -> set[str]:
    """The keys of ``found`` (key -> spans) with at least one span that no longer span of
    another key covers: データ流通 inside 信頼性のある自由なデータ流通 is that term, not
    a term of its own."""
    spans = [(s, e, key) for key, ss in found.items() for s, e in ss]
    kept = set()
    for s, e, key in spans:
        if not any(os <= s and e <= oe and (oe - os) > (e - s) for os, oe, k in spans if k != key):
            kept.add(key)
    return kept
