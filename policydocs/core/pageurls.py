"""URLs between built pages (directory URLs: ``partnerships/x.md`` -> ``partnerships/x/``)."""
from __future__ import annotations

import functools
import posixpath

# A link a generated page writes already resolved (extensions.resolvedlinks drops it).
RESOLVED = "resolved:"


def resolved(url: str) -> str:
    return RESOLVED + url


def page_url(rel: str, language: str, default: str = "ja") -> str:
    """Site-relative URL of a page, e.g. ``en/partnerships/x/`` (no leading slash)."""
    stem = rel[:-3] if rel.endswith(".md") else rel
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-5]
    else:
        stem += "/"
    prefix = "" if language == default else f"{language}/"
    return prefix + stem


@functools.lru_cache(maxsize=65536)  # a side-by-side page asks the same pair per row
def relative(from_url: str, to_url: str) -> str:
    """Relative href from one directory URL to another."""
    start = "/" + from_url
    target = "/" + to_url
    rel = posixpath.relpath(target, start if start.endswith("/") else posixpath.dirname(start))
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def md_link(from_rel: str, to_rel: str) -> str:
    """Relative link between two Markdown pages of one language (MkDocs validates it)."""
    return posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")


def generated_href(from_rel: str, from_lang: str, to_rel: str, to_lang: str,
                   default: str = "ja") -> str:
    """A link from a generated page to any page, for its Markdown: a relative URL marked
    as resolved (see ``resolvedlinks``). Generated lists hold thousands of links; MkDocs
    would look each up among the site's files, and they are built from the corpus scan,
    so they cannot point at a missing page."""
    return resolved(relative(page_url(from_rel, from_lang, default),
                             page_url(to_rel, to_lang, default)))
