"""Handing an extension the context of the page MkDocs renders next.

MkDocs renders each page with a new ``markdown.Markdown`` made from ``mdx_configs``: a
context set there in ``on_page_markdown`` configures that page's extension instance
(``extensions.pagecontext``), and ``clear`` takes it back once the page is rendered.
"""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

PREFIX = "policydocs.extensions."


def give(config: MkDocsConfig, extension: str, context: Any) -> None:
    """``extension`` (e.g. "unitlinks") reads ``context`` while the next page is rendered."""
    config.mdx_configs.setdefault(PREFIX + extension, {})["context"] = context


def clear(config: MkDocsConfig, extension: str) -> None:
    config.mdx_configs.get(PREFIX + extension, {}).pop("context", None)
