"""Finding URLs in extracted text and repairing the damage extraction did to them."""
from __future__ import annotations

import re

# Characters allowed in a URL as written in these texts (RFC 3986, ASCII only): anything
# else, such as Japanese text glued to the end of a link, ends the URL.
_URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\\"
URL_RE = re.compile(rf"https?://[{_URL_CHARS}]+")
# [text](url) where the text is itself a URL: the extraction's way of writing a link.
MD_LINK_RE = re.compile(r"\[(https?://[^\]\s]+)\]\((https?://[^)\s]+)\)")
AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")


def clean_url(raw: str) -> str:
    """Undo Markdown escapes and strip punctuation that belongs to the sentence."""
    url = raw.strip().strip("<>")
    url = re.sub(r"\\+([_*\[\]()#+\-.!])", r"\1", url)
    while url and url[-1] in ".,;:!?'":
        url = url[:-1]
    # A closing bracket belongs to the URL only if the URL opened one.
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    while url.endswith("]") and url.count("[") < url.count("]"):
        url = url[:-1]
    return url


def linkify(text: str) -> str:
    """Turn every URL in the text into a clean Markdown autolink ``<url>``."""
    text = MD_LINK_RE.sub(lambda m: f"<{clean_url(m.group(2))}>", text)
    out: list[str] = []
    pos = 0
    for match in re.finditer(rf"<https?://[^>\s]+>|{URL_RE.pattern}", text):
        raw = match.group(0)
        url = clean_url(raw)
        out.append(text[pos:match.start()])
        out.append(f"<{url}>")
        rest = raw.strip("<>")[len(url):] if not raw.startswith("<") else ""
        out.append(rest.replace("\\", ""))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def find_urls(text: str) -> list[str]:
    """Every URL in a piece of text or Markdown, cleaned, in order of appearance."""
    return [m.group(1) for m in AUTOLINK_RE.finditer(linkify(text))]
