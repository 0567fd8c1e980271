"""Build-time checks of footnotes and links: offline, deterministic, ``file:line`` messages.

MkDocs validates links between pages of one language pass (``validation`` in mkdocs.yml);
these checks add what it lacks: footnotes (Python-Markdown leaves an undefined ``[^3]`` as
literal text without a word), URL syntax, and links into the other language's pages and
their unit anchors.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..core.errors import ContentError
from ..core.languages import original_language
from ..core.pageurls import page_url
from ..pages import inline
from ..pages.corpus import Corpus, PageRecord
from ..pages.frontmatter import Theme, validate

SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Link:
    page: PageRecord
    line: int
    target: str
    kind: str  # autolink | link


def footnote_problems(page: PageRecord) -> list[ContentError]:
    if "[^" not in page.reading.text:
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
    return [Link(page, line_no, target, kind) for line_no, target, kind in page.reading.links]


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
    if not inline.BARE_URL.search(page.reading.text):
        return problems
    for line_no, line in page.reading.text_lines:
        for url in inline.bare_urls(line):
            problems.append(ContentError(page.display, line_no, f"URL '{url}' is not a link",
                                         f"write it as <{url}>"))
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


def original_url_problems(corpus: Corpus) -> list[ContentError]:
    """The pages that stand for one original (a document's official pages in one language,
    and the translations or notices made from them) link the same ``url``: a translation
    kept by hand must not drift from the pages the importer writes."""
    groups: dict[tuple[str, str], list[PageRecord]] = {}
    for page in corpus.pages.values():
        if isinstance(page.meta.get("document"), str):
            lang = original_language(page.language, page.meta.get("translation"))
            groups.setdefault((page.meta["document"], lang), []).append(page)
    problems = []
    for (document, lang), pages in groups.items():
        pages.sort(key=lambda p: (p.language != lang, p.rel))  # the original's own first
        first = pages[0]
        for page in pages[1:]:
            if page.meta.get("url") != first.meta.get("url"):
                problems.append(ContentError(
                    page.display, page.meta_lines.get("url") or page.meta_lines.get("document"),
                    f"front matter 'url' is {_shown(page.meta.get('url'))} but "
                    f"{first.display} has {_shown(first.meta.get('url'))}: these pages of "
                    f"document '{document}' stand for the same original (in {_ENGLISH_NAMES[lang]})",
                    "give them the same url (the one in sources/sources.yml)"))
    return problems


_ENGLISH_NAMES = {"ja": "Japanese", "en": "English"}


def _shown(url: object) -> str:
    return f"'{url}'" if url else "none"


def _heading_slugs(page: PageRecord) -> set[str]:
    from pymdownx.slugs import slugify  # the toc slugify mkdocs.yml configures

    slug = slugify(case="lower")
    return {slug(text, "-") for _, _, text in page.reading.headings
            if not re.search(r"\{:?\s*#", text)}


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
    problems += original_url_problems(corpus)
    return sorted(problems, key=lambda p: (p.path, p.line or 0))
