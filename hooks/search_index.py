"""MkDocs hook: the Pagefind search index, fed the document pages in batches as the build
writes them (both language passes of one build share one index) and written once the last
pass is done, under ``mkdocs build`` and after every rebuild of ``mkdocs serve``."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from policydocs.adapters import state
from policydocs.adapters.passes import problem_logger
from policydocs.search.pagefind import StreamingIndex, build_index

log = problem_logger("search")


def on_pre_build(config: MkDocsConfig) -> None:
    """The first pass starts the indexing service; later passes feed the same index."""
    this_pass, _ = state.current()
    if not this_pass.first:
        return
    _close()
    try:
        state.STATE.search = StreamingIndex(Path(config.site_dir))
    except Exception as exc:  # no binary, or it would not start
        log.info(f"Pagefind service unavailable ({exc!r}); indexing after the build")


@event_priority(-200)  # the final HTML: after every other plugin and hook
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if state.STATE.search is not None:
        state.STATE.search.add(page.file.dest_uri, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Before mkdocs-static-i18n's (-100) starts the next pass: flush this pass's pages;
    after the last pass, write the index."""
    this_pass, _ = state.current()
    index = state.STATE.search
    if not this_pass.last:
        if index is not None:
            index.flush()
        return
    result = index.write() if index is not None else build_index(Path(config.site_dir))
    state.STATE.search = None
    if not result.ok:
        log.warning(result.log + " (install the pinned requirements: pagefind[extended])")


def on_build_error(error: Exception) -> None:
    _close()


def _close() -> None:
    if state.STATE.search is not None:
        state.STATE.search.close()
        state.STATE.search = None
