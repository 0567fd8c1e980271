"""The content policy, judged on the HTML a page became, not on lines of Markdown.

Pages come from pull requests and the site is public. Patterns over Markdown lines miss what
the parser and the browser see: a tag split over two lines, ``<svg/onload=…>``, attribute
lists (``{: onclick=… }``), reference definitions, schemes hidden by entities or tabs. So the
page's HTML, as Python-Markdown and every extension produced it, is parsed with an HTML5
parser (lexbor, through selectolax: the WHATWG algorithm a browser runs, in C, so a page
costs a fraction of a millisecond) and held against an allowlist of the elements and
attributes our Markdown and extensions emit. URLs are normalised as a browser does before it
reads the scheme: entities decoded (the parser does it), tabs and newlines removed, leading
and trailing controls and spaces stripped, case folded.

A problem names the page's source file and the line that holds the offending text, found by
searching the Markdown with the same decoding (``locate``).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.errors import ContentError

# Attributes any allowed element may carry: aria-label names a region or a table for
# screen readers; role only from ROLES.
GLOBAL = frozenset({"id", "class", "title", "lang", "aria-label", "role"})
# Structural roles (the side-by-side view is a table of divs, rows and cells); none that
# makes text look like the site's own controls or landmarks to assistive technology
# (button, dialog, alert, link, region, navigation, …).
ROLES = frozenset({"table", "row", "cell", "columnheader", "rowheader", "rowgroup", "note",
                   "list", "listitem", "group", "presentation", "none"})
# Element -> attributes it may carry besides GLOBAL: what Python-Markdown, its extensions
# (footnotes, tables, toc, abbr, def_list, admonition, details, attr_list) and ours emit.
ELEMENTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s", "del",
         "ins", "mark", "small", "sub", "sup", "code", "kbd", "samp", "var", "pre", "blockquote",
         "ul", "li", "dl", "dt", "dd", "hr", "br", "div", "span", "abbr", "summary", "figure",
         "figcaption", "caption", "thead", "tbody", "tfoot", "tr", "cite", "q", "dfn", "wbr",
         "ruby", "rt", "rp", "bdi", "section", "nav", "aside", "header", "footer", "article",
         "time", "address"),
        frozenset()),
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "table": frozenset(),
    "th": frozenset({"align", "style", "colspan", "rowspan", "scope"}),
    "td": frozenset({"align", "style", "colspan", "rowspan"}),
    "details": frozenset({"open"}),
    "colgroup": frozenset({"span"}),
    "col": frozenset({"span"}),
}
# The wrapper elements the parser adds around a fragment.
_DOCUMENT = frozenset({"html", "head", "body", "-text", "-comment", "_text", "_comment"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SCHEMES = frozenset({"http", "https", "mailto"})
# What an attribute outside the allowlist may still be: data-* that our extensions write.
DATA_ATTRIBUTES = frozenset({"data-markdown", "data-pagefind-ignore", "data-pagefind-body",
                             "data-pagefind-weight", "data-pagefind-meta", "data-unit",
                             "data-lang"})
_TABLE_ALIGN = re.compile(r"\s*text-align:\s*(left|right|center);?\s*", re.I)
# An id: one word of letters, digits and - _ . : (the footnotes' "fn:1"), no spaces or
# quotes; Material's own ids all begin with "__" (__search, __drawer, __palette_0, …).
ID = re.compile(r"[^\W_][\w.:-]*|_[^\W_][\w.:-]*", re.UNICODE)
RESERVED_ID_PREFIX = "__"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space, as the URL parser


@dataclass(frozen=True)
class Violation:
    message: str
    hint: str
    needles: tuple[str, ...]  # text to look for in the source, most specific first


def normalise_url(value: str) -> str:
    """A URL as the browser's URL parser reads it (entities are already decoded)."""
    return re.sub(r"[\t\n\r]", "", value).strip(_STRIP)


def scheme_of(url: str) -> str | None:
    match = _SCHEME.match(normalise_url(url))
    return match.group(1).lower() if match else None


def violations(fragment: str) -> list[Violation]:
    """Everything in ``fragment`` (a page's HTML) that the allowlist does not admit."""
    if not fragment.strip():
        return []
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><body>{fragment}</body></html>")
    found: list[Violation] = []
    root = tree.body
    if root is None:
        return found
    for node in root.traverse(include_text=False):
        if node is root:
            continue
        found += _element(node)
    return found


def _element(node: LexborNode) -> list[Violation]:
    tag = node.tag or ""
    if tag in _DOCUMENT:
        return []
    allowed = ELEMENTS.get(tag)
    if allowed is None:
        return [Violation(f"element <{tag}> is not allowed in content",
                          "remove it; pages may hold text, links, lists, tables and images",
                          (f"<{tag}", tag))]
    out: list[Violation] = []
    for name, value in node.attributes.items():
        out += _attribute(tag, name, value or "", allowed)
    return out


def _attribute(tag: str, name: str, value: str, allowed: frozenset[str]) -> list[Violation]:
    # The attribute as written first: a short value alone ("1") matches too many lines.
    needles = (f"{name}={value}", f'{name}="{value}"', f"{name}='{value}'", f"{name}=", name)
    if name.startswith("on"):
        return [Violation(f"event handler '{name}' on <{tag}> is not allowed",
                          "remove it; pages cannot run code", (f"{name}=", name))]
    if name not in GLOBAL and name not in allowed and name not in DATA_ATTRIBUTES:
        return [Violation(f"attribute '{name}' on <{tag}> is not allowed",
                          _attribute_hint(name), needles)]
    if name == "id":
        return _id(value)
    if name == "role" and value.strip().lower() not in ROLES:
        return [Violation(f"role '{value}' on <{tag}> is not allowed",
                          "remove it; pages may use only the structural roles "
                          + ", ".join(sorted(ROLES)), needles)]
    if name == "style" and not _TABLE_ALIGN.fullmatch(value):
        return [Violation(f"style '{value}' on <{tag}> is not allowed",
                          "styles belong in the site's stylesheet", needles)]
    if name in URL_ATTRIBUTES:
        return _url(tag, name, value)
    return []


def _attribute_hint(name: str) -> str:
    if not name.startswith("data-") and re.fullmatch(r"[\w-]+", name):
        return ("remove it: pages carry only id, class, title and lang, and what links, "
                "images and tables need (in an attribute list {: … }, check the spelling)")
    return "remove it"


def _id(value: str) -> list[Violation]:
    if value.startswith(RESERVED_ID_PREFIX):
        return [Violation(f"id '{value}' is reserved for the theme (ids beginning with "
                          f"'{RESERVED_ID_PREFIX}')", "choose another id", (f"#{value}", value))]
    if not ID.fullmatch(value):
        return [Violation(f"id '{value}' is not a valid id", "use letters, digits and -",
                          (value,))]
    return []


def _url(tag: str, name: str, value: str) -> list[Violation]:
    scheme = scheme_of(value)
    shown = normalise_url(value)
    if scheme is not None and scheme not in SCHEMES:
        return [Violation(f"URL '{shown}' in {name}= of <{tag}>: scheme '{scheme}:' is not "
                          "allowed", "link to an http(s) page instead", (value, shown))]
    if tag == "img" and (scheme is not None or shown.startswith("//")):
        return [Violation(f"image '{shown}' is loaded from another site",
                          "the site loads nothing from third parties: put the image under "
                          "docs/assets/ and link it relatively", (value, shown))]
    return []


# --- where in the source ----------------------------------------------------------------

def _fold(text: str) -> str:
    return re.sub(r"[\t\n\r]", "", html.unescape(text)).casefold()


def locate(lines: Iterable[tuple[int, str]], needles: Iterable[str]) -> int | None:
    """The line of the first needle found, decoding the Markdown as the browser would."""
    folded = [(number, _fold(line)) for number, line in lines]
    for needle in needles:
        target = _fold(needle).strip()
        if not target:
            continue
        for number, line in folded:
            if target in line:
                return number
    return None


def problems(fragment: str, display: str, lines: list[tuple[int, str]],
             first_line: int = 1) -> list[ContentError]:
    """The policy's problems of one page's HTML as ``file:line`` errors, one per kind and
    line (a list of a hundred bad links is one message per line, not a hundred)."""
    out: dict[tuple[int, str], ContentError] = {}
    for found in violations(fragment):
        line = locate(lines, found.needles) or first_line
        out.setdefault((line, found.message), ContentError(display, line, found.message,
                                                           found.hint))
    return sorted(out.values(), key=lambda e: e.line or 0)


def withheld(title: str, problems: list[ContentError], language: str) -> str:
    """What a refused page shows instead of its content: the problems, as text. A build
    that refuses a page fails (--strict), but its site/ is written all the same, and a
    preview of it must not run what was refused."""
    heading = "This page was withheld" if language == "en" else "このページは公開されていません"
    items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
    return (f"<h1>{html.escape(title)}</h1><div class=\"admonition failure\">"
            f"<p class=\"admonition-title\">{heading}</p><ul>{items}</ul></div>")
