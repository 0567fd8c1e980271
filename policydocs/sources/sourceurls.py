"""Finding URLs in extracted text and repairing the damage extraction did to them."""
from __future__ import annotations

import re

# Characters allowed in a URL as written in these texts (RFC 3986, ASCII only): anything
# else, such as Japanese text glued to the end of a link, ends the URL.
_URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\\"
URL_RE = re.compile(rf"https?://[{_URL_CHARS}]+")
# [text](url) where the text is itself a URL: the extraction's way of writing a link. No
# part may hold the bracket that opens another, so every scan ends where the next one
# starts and the patterns stay linear on text such as "[http://[http://[http://…".
MD_LINK_RE = re.compile(r"\[(https?://[^\[\]\s]+)\]\((https?://[^)\[\]\s]+)\)")
AUTOLINK_RE = re.compile(r"<(https?://[^<>\s]+)>")
_ANY_URL = re.compile(rf"<https?://[^<>\s]+>|{URL_RE.pattern}")
_ESCAPE = re.compile(r"\\+([_*\[\]()#+\-.!])")
_SENTENCE_END = ".,;:!?'"


def _unescape(raw: str) -> tuple[str, list[int]]:
    """``raw`` without Markdown escapes, and for each character kept, the index in ``raw``
    just after it (so a length in the result maps back to a length in ``raw``)."""
    out: list[str] = []
    ends: list[int] = []
    pos = 0
    for match in _ESCAPE.finditer(raw):
        out.extend(raw[pos:match.start()])
        ends.extend(range(pos + 1, match.start() + 1))
        out.append(match.group(1))
        ends.append(match.end())
        pos = match.end()
    out.extend(raw[pos:])
    ends.extend(range(pos + 1, len(raw) + 1))
    return "".join(out), ends


def _trim(url: str) -> str:
    """Strip punctuation that belongs to the sentence; a closing bracket belongs to the URL
    only if the URL opened one. One pass from the end, with the counts kept as it goes."""
    end = len(url)
    opened = {")": url.count("("), "]": url.count("[")}
    closed = {")": url.count(")"), "]": url.count("]")}
    while end:
        last = url[end - 1]
        if last in _SENTENCE_END or (last in closed and opened[last] < closed[last]):
            if last in closed:
                closed[last] -= 1
            end -= 1
        else:
            break
    return url[:end]


def split_url(raw: str) -> tuple[str, str]:
    """The clean URL in ``raw`` and the text after it that belongs to the sentence."""
    text, ends = _unescape(raw)
    url = _trim(text)
    used = ends[len(url) - 1] if url else 0
    return url, raw[used:]


def clean_url(raw: str) -> str:
    """Undo Markdown escapes and strip punctuation that belongs to the sentence."""
    return split_url(raw.strip().strip("<>"))[0]


def linkify(text: str) -> str:
    """Turn every URL in the text into a clean Markdown autolink ``<url>``."""
    text = MD_LINK_RE.sub(lambda m: f"<{clean_url(m.group(2))}>", text)
    out: list[str] = []
    pos = 0
    for match in _ANY_URL.finditer(text):
        raw = match.group(0)
        if raw.startswith("<"):
            url, rest = clean_url(raw), ""
        else:
            url, rest = split_url(raw)
        out.append(text[pos:match.start()])
        out.append(f"<{url}>")
        out.append(rest.replace("\\", ""))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def find_urls(text: str) -> list[str]:
    """Every URL in a piece of text or Markdown, cleaned, in order of appearance."""
    return [m.group(1) for m in AUTOLINK_RE.finditer(linkify(text))]
