"""Finding acronym definitions and uses in running text, in English and Japanese.

Definitions the texts give:

- English ``Full Name (ACR)``: the long form is found by matching the acronym's letters
  against the words before the bracket (Schwartz & Hearst's algorithm);
- Japanese ``日本語名（ACR）``, ``日本語名（ACR：English Name）``, ``日本語名（ACR。読み）``;
- ``ACR（English Name）`` and ``ACR（日本語名）``;
- ``ACR：English Name`` in running text;

with full- or half-width brackets and colons. Uses are found without word boundaries, which
Japanese text does not have (``DFFTの推進``), but never inside a longer token (``ITU`` is
not in ``ITU-R``).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# An acronym: letters and digits (optionally joined by hyphens, or ending in a plural "s"),
# with at least two capitals, or a capital and a digit: DFFT, ITU-R, PETs, vRAN, 5G, TPP11,
# WCIT-12, G7, gTLD.
ACRONYM = r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
_BEFORE = r"(?<![A-Za-z0-9\-.])"
_AFTER = r"(?![A-Za-z0-9]|-[A-Za-z0-9])"
TOKEN_RE = re.compile(_BEFORE + "(" + ACRONYM + ")" + _AFTER)
OPEN, CLOSE = "（(", "）)"
COLON = "：:"
PAREN_RE = re.compile(r"[（(]\s*(" + ACRONYM + r")\s*(?:([：:])\s*([^（）()]+?)|。([^（）()]+?))?\s*[）)]")
AFTER_ACRONYM_RE = re.compile(_BEFORE + "(" + ACRONYM + r")[（(]([^（）()]{2,80})[）)]")
RUNNING_RE = re.compile(_BEFORE + "(" + ACRONYM + r")[：:]\s?([A-Z][A-Za-z\-]+(?: [A-Za-z\-]+){1,8})")
# Long-form boundaries in Japanese: punctuation and brackets; a space only between two
# Japanese characters ("ASEAN 経済共同体" keeps its space, "西田 幸博氏" does not).
_JA_STOP = re.compile(r"[、。，．,「」『』（）()\[\]【】：:;；]|(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_JA_OPENING = ("「", "『")
_HIRAGANA_RUNS = re.compile(r"[\u3040-\u309f]+|[^\u3040-\u309f]+")
# Hiragana that can stand inside an official name (also "の" after a Japanese word, and
# "な" after 的 or 自由: 包括的な, 自由な).
_JA_CONNECTORS = ("に関する", "における", "のための", "のある", "向け")
_JA_PREFIXES = re.compile(r"^(?:(?:令和|平成|昭和)?[\d元]+年(?:度)?(?:[\d]+月)?(?:の|に)?|"
                          r"第\d+回|\d+度|各|新たな|いわゆる|我が国の|日本の|英国の|米国の|両国の|"
                          r"株式会社\s?|一般社団法人\s?|国立研究開発法人\s?)+")


_SHAPE = re.compile(ACRONYM)


@functools.lru_cache(maxsize=65536)
def is_acronym(token: str) -> bool:
    if not _SHAPE.fullmatch(token):
        return False
    capitals = sum(c.isupper() for c in token)
    digits = any(c.isdigit() for c in token)
    if len(token) > 14 or token.isdigit():
        return False
    return capitals >= 2 or (capitals >= 1 and digits)


@dataclass(frozen=True)
class Found:
    acronym: str
    expansion: str
    language: str  # language of the expansion
    column: int


def _script(text: str) -> str:
    return "en" if all(ord(c) < 0x3000 for c in text) else "ja"


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip(" 「」『』\"'“”").strip()


# --- English long forms ----------------------------------------------------------------

def english_long_form(acronym: str, before: str) -> str | None:
    """Schwartz & Hearst: the shortest run of preceding words whose letters contain the
    acronym's letters in order, the first one starting a word."""
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*|&", before)
    letters = [c.lower() for c in acronym if c.isalnum()]
    limit = min(len(letters) + 5, len(letters) * 2)
    for count in range(1, min(limit, len(words)) + 1):
        candidate = " ".join(words[-count:])
        if _letters_match(letters, candidate):
            while count > 1 and words[-count].lower() in ("the", "a", "an"):
                count -= 1
            return " ".join(words[-count:])
    return None


def _letters_match(letters: list[str], long_form: str) -> bool:
    text = long_form.lower()
    i = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        char = letters[k]
        while i >= 0 and (text[i] != char or (k == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return long_form.split()[0][0].lower() == letters[0]


# --- Japanese long forms ---------------------------------------------------------------

def japanese_long_form(before: str) -> str | None:
    """The name just before a bracket: back to the last punctuation; then, walking back in
    runs of script, only through hiragana that can stand inside a name (に関する, のある,
    及び, 的な...). A name in quotes is kept whole. Leading dates, counts and legal forms go
    (2020年の包括的経済連携協定 -> 包括的経済連携協定)."""
    text = before[-80:]
    quoted = re.search(r"[「『]([^「」『』]+)[」』]$", text)
    if quoted:
        name = quoted.group(1)
    else:
        cut = [m for m in _JA_STOP.finditer(text)]
        name = text[cut[-1].end():] if cut else text
        if not (cut and cut[-1].group(0) in _JA_OPENING):
            name = _name_suffix(name)
    name = _JA_PREFIXES.sub("", name).strip()
    if not name or name.isascii() or re.match(r"[\u3040-\u309f]", name) or len(name) < 2:
        return None
    return name


def _name_suffix(fragment: str) -> str:
    pos = len(fragment)
    while pos > 0:
        run = re.search(r"[^\u3040-\u309f]+$", fragment[:pos])
        if run:
            pos = run.start()
            continue
        connector = _connector_before(fragment[:pos])
        if not connector:
            break
        pos -= len(connector)
    return re.sub(r"^[\u3040-\u309f]+", "", fragment[pos:])


_PARTICLES = set("をがはにでとのへやもかなたるて")


def _connector_before(head: str) -> str | None:
    """The hiragana that ``head`` ends with, if it can stand inside a name: a connector,
    or okurigana (one kana that is not a particle, after a kanji: 枠組み, 取り組み)."""
    if head.endswith(("及び", "並びに", "又は")):  # conjunctions join two names
        return None
    if len(head) > 1 and head[-1] not in _PARTICLES and re.match(r"[\u4e00-\u9fff]", head[-2]):
        return head[-1]
    for connector in _JA_CONNECTORS:
        if head.endswith(connector) and len(head) > len(connector):
            return connector
    if head.endswith("な") and head[:-1].endswith(("的", "自由")):
        return "な"
    if head.endswith("の") and len(head) > 1 and not re.match(r"[\u3040-\u309f\x00-\x7f]",
                                                             head[-2]):
        return "の"
    return None


def _long_form_before(acronym: str, before: str) -> tuple[str, str] | None:
    tail = before.rstrip()
    if re.search(r"[A-Za-z][A-Za-z ,'&\-]*$", tail) and tail[-1:].isascii():
        english = english_long_form(acronym, tail)
        return (english, "en") if english else None
    japanese = japanese_long_form(before)
    return (japanese, "ja") if japanese else None


_DEFINITION_MARK = re.compile(r"[（(：:]")


def definitions(line: str) -> list[Found]:
    """Every definition of an acronym that a line of text gives."""
    found: list[Found] = []
    if not _DEFINITION_MARK.search(line):  # every form needs a bracket or a colon
        return found
    for match in PAREN_RE.finditer(line):
        acronym = match.group(1)
        if not is_acronym(acronym):
            continue
        inside = match.group(3) or match.group(4)  # English name, or the reading after 。
        before = _long_form_before(acronym, line[:match.start()])
        if before:
            found.append(Found(acronym, _clean(before[0]), before[1], match.start()))
        if inside:
            inside = re.split(r"[、（(]", inside)[0]
            found.append(Found(acronym, _clean(inside), _script(inside), match.start()))
    for match in AFTER_ACRONYM_RE.finditer(line):
        acronym, inside = match.group(1), match.group(2)
        if not is_acronym(acronym) or is_acronym(inside.strip()) or TOKEN_RE.fullmatch(inside):
            continue
        inside = re.split(r"[、。（(]", inside)[0]
        found.append(Found(acronym, _clean(inside), _script(inside), match.start()))
    japanese_line = not line.isascii() and not line.lstrip().startswith("#")
    for match in RUNNING_RE.finditer(line if japanese_line else ""):
        acronym = match.group(1)
        if is_acronym(acronym) and not _inside_brackets(line, match.start()):
            found.append(Found(acronym, _clean(match.group(2)), "en", match.start()))
    return found


def _inside_brackets(line: str, at: int) -> bool:
    depth = 0
    for char in line[:at]:
        if char in OPEN:
            depth += 1
        elif char in CLOSE and depth:
            depth -= 1
    return depth > 0


@functools.lru_cache(maxsize=65536)
def looks_like_acronym_use(token: str) -> bool:
    """Stricter than ``is_acronym``, for reporting undefined acronyms: every hyphenated part
    is itself acronym-like (not Japan-UK or Cross-Border), and a leading digit only in the
    form 5G / 6G."""
    if not is_acronym(token):
        return False
    if token[0].isdigit():
        return re.fullmatch(r"\d[A-Z]", token) is not None
    parts = token.split("-")
    return all(p.isdigit() or len(p) == 1 or is_acronym(p) for p in parts)


_HAS_CAPITAL = re.compile(r"[A-Z]")  # every acronym has one; most Japanese text has none

# Japanese official English writes family names in capitals: "KONO Taro", "Mr. MATSUMOTO
# Takeaki", "Commissioner BRETON", "Thierry BRETON". A word in capitals is such a name when a
# Japanese given name follows it, a given name comes before it (and no further capitalised
# word after it, as in "Japan ICT Fund"), or a title or honorific comes before it.
_TITLES = (r"Mr|Mrs|Ms|Dr|Prof|H\.E|Minister|Commissioner|Vice-President|President|Ambassador|"
           r"Secretary|Chair|Chairman|Chairperson|Director|Director-General|Governor|Mayor|"
           r"Professor|Senator|Commissioners|Ministers")
_NAME_WORD = r"[A-Z][A-Z'\-]{2,}"
_GIVEN = r"[A-Z][a-z][a-z'\-]+"
_END = r"(?![A-Za-z0-9\-])"
# A Japanese given name in Hepburn romanisation (Taro, Takeaki, Yasutoshi): syllables only,
# so "ICT Policy" or "OECD Council" is not taken for a name.
_SYLLABLE = r"(?:(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|ts|[kgsztdnhbpmyrwfj])?[aiueo]|n)"
_JAPANESE_GIVEN = rf"(?=[A-Z][a-z])(?i:{_SYLLABLE})+"
_NAME_RES = (
    re.compile(rf"(?<![A-Za-z\-])({_NAME_WORD}) {_JAPANESE_GIVEN}{_END}"),  # KONO Taro
    re.compile(rf"(?<![A-Za-z\-]){_GIVEN} ([A-Z][A-Z'\-]{{3,}}){_END}(?! [A-Z])"),  # Thierry BRETON
    re.compile(rf"(?<![A-Za-z])(?:{_TITLES})\.? ({_NAME_WORD}){_END}"),    # Commissioner BRETON
)


def personal_names(text: str) -> set[str]:
    """The words in capitals of a line that are people's family names, not acronyms."""
    if not _HAS_CAPITAL.search(text):
        return set()
    return {match.group(1) for pattern in _NAME_RES for match in pattern.finditer(text)}


def tokens(text: str) -> list[str]:
    """The tokens of a text that could be acronyms (those with a capital), in order: the
    glossary scans each line once, then keeps those that look like acronym uses
    (``looks_like_acronym_use``) and those that are known terms."""
    if not _HAS_CAPITAL.search(text):
        return []
    return [t for t in TOKEN_RE.findall(text) if not t.islower()]


def occurrences(text: str, known: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of every known acronym in the text."""
    if not _HAS_CAPITAL.search(text):
        return []
    return [(m.start(1), m.end(1), m.group(1)) for m in TOKEN_RE.finditer(text)
            if m.group(1) in known]
