"""MkDocs adapter: which language pass of mkdocs-static-i18n is running."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def current_language(config: MkDocsConfig) -> tuple[str, str]:
    """(language of this build pass, default language)."""
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.current_language is None:
        language = config.theme.get("language", "ja")
        return language, language
    return plugin.current_language, plugin.default_language
