"""Extensions configured with what the build knows of the page being rendered.

MkDocs makes a new ``markdown.Markdown`` for every page, from ``markdown_extensions`` and
their ``mdx_configs``, so an extension's configuration is per page: the build puts the
page's context (a frozen dataclass) in the configuration before the page is rendered, and
the extension's processors read it from their own instance. No context: they do nothing.
"""
from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class PageContextExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"context": [None, "what the build knows of the page being rendered"]}
        super().__init__(**kwargs)

    def setConfig(self, key: str, value: Any) -> None:  # noqa: N802 - Markdown's API name
        if key == "context":  # as given: Markdown would read a None default as a boolean
            self.config[key][0] = value
        else:
            super().setConfig(key, value)

    @property
    def context(self) -> Any:
        return self.getConfig("context")


class PageContextTreeprocessor(Treeprocessor):
    """A treeprocessor that works on one page: its extension hands it the context."""

    def __init__(self, md: Markdown, context: Any) -> None:
        super().__init__(md)
        self.context = context
