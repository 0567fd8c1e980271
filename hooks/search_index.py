"""MkDocs hook: the Pagefind search index, fed the document pages in batches as the build
writes them (both language passes of one build share one index) and written once the last
pass is done, under ``mkdocs build`` and after every rebuild of ``mkdocs serve``."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from policydocs.adapters import state
from policydocs.adapters.dirty import DIRTY
from policydocs.adapters.passes import problem_logger
from policydocs.search.pagefind import StreamingIndex, build_index

log = problem_logger("search")
_pass: dict[str, dict[str, str]] = {"pages": {}}  # this pass's pages not yet fed: uri -> path


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


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _pass["pages"] = {f.dest_uri: f.abs_dest_path for f in files.documentation_pages()}
    return files


@event_priority(-200)  # the final HTML: after every other plugin and hook
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if state.STATE.search is not None:
        state.STATE.search.add(page.file.dest_uri, output)
    _pass["pages"].pop(page.file.dest_uri, None)
    return output


def _feed_kept_pages() -> None:
    """The pages a dirty build did not render, as the last build wrote them."""
    index, kept = state.STATE.search, _pass["pages"]
    _pass["pages"] = {}
    if index is None or not DIRTY.on:
        return
    for uri, path in kept.items():
        if Path(path).is_file():
            index.add(uri, Path(path).read_text(encoding="utf-8"))


def on_post_build(config: MkDocsConfig) -> None:
    """Before mkdocs-static-i18n's (-100) starts the next pass: flush this pass's pages;
    after the last pass, write the index."""
    this_pass, _ = state.current()
    _feed_kept_pages()
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
