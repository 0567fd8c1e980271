"""Build-time checks of footnotes and links: offline, deterministic, ``file:line`` messages.

MkDocs validates links between pages of one language pass (``validation`` in mkdocs.yml);
these checks add what it lacks: footnotes (Python-Markdown leaves an undefined ``[^3]`` as
literal text without a word), URL syntax, and links into the other language's pages and
their unit anchors.
"""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..core.errors import ContentError
from ..core.pageurls import page_url
from ..pages import reader
from ..pages.corpus import Corpus, PageRecord
from ..pages.frontmatter import Theme, validate

# Every pattern here runs on lines an editor wrote, so each runs in time linear in the line:
# a run of characters that may not hold the next opener ("[^\[\]]" after "[") stops where
# the next match could begin, so a line of a million openers is not scanned a million times.
# (Footnotes and code spans are read once, by ``pages.reader``.)
# The "](target)" half of a Markdown link; ``md_links`` finds the "[" that opens its text.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>\]]+(?:\s[^)\]]*)?)>?\s*\)")
# One run of [^>]* after the scheme: two adjacent runs of overlapping classes backtrack in
# time quadratic in a long line with no '>'.
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^<>]*)>")
# A URL not opened by <, (, [, a quote or =, nor glued to a word. The checks of the
# character before come after the literal "http", so the search jumps from one "http"
# to the next instead of testing every position (30 times faster on a large site).
BARE_URL = re.compile(r"https?://(?<![\w<(\[\"'=]https://)(?<![\w<(\[\"'=]http://)\S+")
SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Link:
    page: PageRecord
    line: int
    target: str
    kind: str  # autolink | link


def md_links(line: str) -> list[tuple[int, int, str]]:
    """(start, end, target) of each Markdown link of ``line``, images left out. The text's
    opening bracket is found by walking back from "](" no further than the previous link,
    so the work is linear in the line (one pattern for the whole link backtracks from every
    "[" of a line full of brackets)."""
    found, floor = [], 0
    for match in _LINK_TARGET.finditer(line):
        start = _opening_bracket(line, match.start(), floor)
        if start is None:
            continue
        if start > 0 and line[start - 1] == "!":
            continue  # an image: it may sit inside a link's text, so the floor stays
        found.append((start, match.end(), match.group(1).strip()))
        floor = match.end()
    return found


def _opening_bracket(line: str, close: int, floor: int) -> int | None:
    depth = 0
    for i in range(close - 1, floor - 1, -1):
        if line[i] == "]":
            depth += 1
        elif line[i] == "[":
            if depth == 0:
                return i
            depth -= 1
    return None


def _without_links(line: str) -> str:
    """``line`` with its Markdown links and autolinks blanked out."""
    parts, last = [], 0
    for start, end, _ in md_links(line):
        parts += [line[last:start], " "]
        last = end
    return AUTOLINK.sub(" ", "".join(parts) + line[last:])


def _lines(page: PageRecord) -> tuple[tuple[int, str], ...]:
    """(line number, text without code spans) of every line outside code fences."""
    return _text_lines(page.body, page.body_line)


@functools.lru_cache(maxsize=4)  # the checks of one page run one after another
def _text_lines(body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    return reader.read(body, first_line).text_lines


def _text(page: PageRecord) -> str:
    """All of ``_lines`` in one string: a check whose marker is nowhere in it (most pages
    have no raw HTML, most lines no link) skips the line-by-line pass."""
    return _joined(page.body, page.body_line)


@functools.lru_cache(maxsize=4)
def _joined(body: str, first_line: int) -> str:
    return "\n".join(line for _, line in _text_lines(body, first_line))


def footnote_problems(page: PageRecord) -> list[ContentError]:
    if "[^" not in _text(page):
        return []
    reading = page.reading
    refs: dict[str, int] = {}
    defs: dict[str, int] = {}
    problems = []
    for note in reading.definitions:
        if note.label in defs:
            problems.append(ContentError(page.display, note.line,
                                         f"footnote [^{note.label}] is defined twice (first on "
                                         f"line {defs[note.label]})", "merge or renumber them"))
        defs.setdefault(note.label, note.line)
    for label, line_no in reading.references:
        refs.setdefault(label, line_no)
    for label, line_no in refs.items():
        if label not in defs:
            problems.append(ContentError(page.display, line_no,
                                         f"footnote reference [^{label}] has no definition",
                                         f"add a line '[^{label}]: …' at the end of the page"))
    for label, line_no in defs.items():
        if label not in refs:
            problems.append(ContentError(page.display, line_no,
                                         f"footnote [^{label}] is defined but never referenced",
                                         f"reference it with [^{label}] or remove it"))
    return sorted(problems, key=lambda p: p.line or 0)


def links(page: PageRecord) -> list[Link]:
    return [Link(page, line_no, target, kind)
            for line_no, target, kind in _links(page.body, page.body_line)]


@functools.lru_cache(maxsize=4)  # the content policy and the link checks both ask
def _links(body: str, first_line: int) -> tuple[tuple[int, str, str], ...]:
    found: list[tuple[int, str, str]] = []
    text = _joined(body, first_line)
    if "](" not in text and "<" not in text:
        return ()
    for line_no, line in _text_lines(body, first_line):
        if "](" in line:  # most lines have no link: skip the regex
            found += [(line_no, target, "link") for _, _, target in md_links(line)]
        if "<" in line:
            found += [(line_no, m.group(1), "autolink") for m in AUTOLINK.finditer(line)]
    return tuple(found)


def url_problems(link: Link) -> list[ContentError]:
    """Syntax of an absolute URL: scheme, host, nothing glued to it, no escapes left."""
    where = (link.page.display, link.line)
    url = link.target
    scheme = url.split(":", 1)[0].lower()
    if scheme not in SCHEMES:
        return [ContentError(*where, f"URL '{url}': scheme '{scheme}:' is not allowed",
                             "use http, https or mailto")]
    problems = []
    if re.search(r"\s", url):
        problems.append(ContentError(*where, f"URL '{url}' contains whitespace",
                                     "encode it as %20 or end the URL there"))
    glued = re.search(r"[^\x00-\x7f].*$", url)
    if glued:
        problems.append(ContentError(*where, f"URL '{url}' has text glued to it: "
                                     f"'{glued.group(0)}'", "end the URL before that text"))
    if "\\" in url:
        problems.append(ContentError(*where, f"URL '{url}' contains a Markdown escape",
                                     "remove the backslash (\\_ is just _ in a URL)"))
    if scheme in ("http", "https") and not urlsplit(url).hostname:
        problems.append(ContentError(*where, f"URL '{url}' has no host"))
    return problems


def bare_url_problems(page: PageRecord) -> list[ContentError]:
    problems: list[ContentError] = []
    if not BARE_URL.search(_text(page)):
        return problems
    for line_no, line in _lines(page):
        text = _without_links(line)
        for match in BARE_URL.finditer(text):
            problems.append(ContentError(page.display, line_no,
                                         f"URL '{match.group(0)}' is not a link",
                                         f"write it as <{match.group(0)}>"))
    return problems


def https_hosts(all_links: list[Link]) -> set[str]:
    return {urlsplit(l.target).hostname for l in all_links
            if l.target.lower().startswith("https://") and urlsplit(l.target).hostname}


def http_warnings(all_links: list[Link]) -> list[ContentError]:
    secure = https_hosts(all_links)
    return [ContentError(l.page.display, l.line, f"URL '{l.target}' uses http:// but "
                         f"{urlsplit(l.target).hostname} is linked over https elsewhere",
                         "use https://")
            for l in all_links if l.target.lower().startswith("http://")
            and urlsplit(l.target).hostname in secure]


def _url_map(corpus: Corpus, default: str) -> dict[str, PageRecord]:
    return {"/" + page_url(p.rel, p.language, default): p for p in corpus.pages.values()}


def cross_language_problems(link: Link, urls: dict[str, PageRecord], default: str,
                            generated: set[str]) -> list[ContentError]:
    """A relative URL (not a .md file) into the site: the page and its anchor must exist."""
    target = link.target
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:|^#|^/|\.md(#|$)", target) or not target:
        return []
    path, _, anchor = target.partition("#")
    base = "/" + page_url(link.page.rel, link.page.language, default)
    resolved = posixpath.normpath(posixpath.join(base, unquote(path)))
    resolved += "/" if not resolved.endswith("/") and "." not in resolved.rsplit("/", 1)[-1] \
        else ""
    if resolved in generated or "." in resolved.rsplit("/", 1)[-1]:
        return []
    page = urls.get(resolved)
    if page is None:
        return [ContentError(link.page.display, link.line, f"link '{target}' goes to "
                             f"{resolved}, which is not a page of the site",
                             "fix the path, or link the Markdown file (…/page.md)")]
    if anchor and anchor not in page.ids and anchor not in _heading_slugs(page):
        return [ContentError(link.page.display, link.line, f"link '{target}': "
                             f"{page.display} has no unit or heading '#{anchor}'")]
    return []


def _heading_slugs(page: PageRecord) -> set[str]:
    from pymdownx.slugs import slugify  # the toc slugify mkdocs.yml configures

    slug = slugify(case="lower")
    headings = re.findall(r"^#{1,6}[ \t]+(.+)$", page.body, re.M)  # no lazy run: linear
    return {slug(text.strip(), "-") for text in headings if not re.search(r"\{:?\s*#", text)}


# Schemes the content policy refuses (``htmlpolicy``): the URL checks leave them to it.
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


def check(corpus: Corpus, default: str, generated: set[str],
          theme: Theme | None = None) -> list[ContentError]:
    """Every problem of every page, in file and line order. (What the page's HTML may hold
    is checked on the HTML itself, by ``htmlpolicy``, as each page is rendered.)"""
    problems: list[ContentError] = []
    all_links: list[Link] = []
    urls = _url_map(corpus, default)
    for page in corpus.pages.values():
        problems += validate(page, theme or Theme())
        problems += footnote_problems(page)
        problems += bare_url_problems(page)
        for link in links(page):
            all_links.append(link)
            if _BAD_SCHEME.match(link.target):
                continue  # reported by the content policy (htmlpolicy), on the HTML
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", link.target):
                problems += url_problems(link)
            else:
                problems += cross_language_problems(link, urls, default, generated)
    problems += http_warnings([l for l in all_links if l.target.startswith("http")])
    return sorted(problems, key=lambda p: (p.path, p.line or 0))
