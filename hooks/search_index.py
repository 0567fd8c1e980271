"""MkDocs hook: build the Pagefind search index once both languages are written (under
``mkdocs build`` and after every rebuild of ``mkdocs serve``)."""
from __future__ import annotations

from pathlib import Path

from i18n_adapter import current_language, languages, problem_logger
from mkdocs.config.defaults import MkDocsConfig

from policydocs.search import build_index

log = problem_logger("search")


def on_post_build(config: MkDocsConfig) -> None:
    language, _ = current_language(config)
    if language != languages(config)[-1]:  # mkdocs-static-i18n builds the others first
        return
    result = build_index(Path(config.site_dir))
    if not result.ok:
        log.warning(result.log + " (install the pinned requirements: pagefind[extended])")
