"""MkDocs hook: keep a 404 page per language (see policydocs.notfound)."""
from __future__ import annotations

from pathlib import Path

from i18n_adapter import current_language  # hooks/ is on sys.path while MkDocs loads hooks
from mkdocs.config.defaults import MkDocsConfig

from policydocs.notfound import NotFoundPages

_pages = NotFoundPages()


def on_post_build(config: MkDocsConfig) -> None:
    language, default = current_language(config)
    _pages.after_language_build(Path(config.site_dir), language, default)
