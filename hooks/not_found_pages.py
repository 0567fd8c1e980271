"""MkDocs hook: keep a 404 page per language (see policydocs.site.notfound)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from policydocs.adapters import state


def on_post_build(config: MkDocsConfig) -> None:
    """Each pass (before mkdocs-static-i18n's, -100, starts the next): this pass's 404 page."""
    this_pass, _ = state.current()
    state.STATE.not_found.after_language_build(Path(config.site_dir), this_pass.language,
                                               this_pass.default)
