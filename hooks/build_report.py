"""MkDocs hook: say, once a build is complete, how many times the corpus was scanned for it
(once, however many language passes and pages): the benchmark reads this line."""
from __future__ import annotations

from i18n_adapter import current_language, languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from site_state import CACHE

log = get_plugin_logger("build")
_start = {"scans": 0}


def on_pre_build(config: MkDocsConfig) -> None:
    language, default = current_language(config)
    if language == default:
        _start["scans"] = CACHE.scans


def on_post_build(config: MkDocsConfig) -> None:
    language, _ = current_language(config)
    if language == languages(config)[-1] and CACHE.corpus is not None:
        log.info(f"corpus scans in this build: {CACHE.scans - _start['scans']} "
                 f"({len(CACHE.corpus.pages)} pages, {len(languages(config))} language passes)")
