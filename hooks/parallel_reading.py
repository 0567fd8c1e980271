"""MkDocs hook for parallel reading: parity check, side-by-side views, status page and
per-unit links (logic in policydocs: corpus, parity, parallel, unitlinks, translock)."""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from policydocs.adapters import pagecontext, state
from policydocs.adapters.generated import generated_html_page, generated_page, release_page
from policydocs.adapters.passes import problem_logger, report_once
from policydocs.site import parallel

log = problem_logger("parallel")


def _exports(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("export_translation_memory"))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The problems (first pass), the exports, the status page and the side-by-side views."""
    this_pass, site = state.current()
    if this_pass.first:
        if site.corpus.unreadable:
            # MkDocs would stop on these pages with a traceback: stop first, clearly.
            raise PluginError("\n".join(str(p) for p in site.corpus.unreadable))
        report_once(this_pass, log, site.corpus.problems + site.parity.problems)
        strict_stale = os.environ.get("STALE_UNITS") == "error"  # CI may require it
        for unit in site.stale:
            (log.warning if strict_stale else log.info)(unit.message())
    if _exports(config):  # real files of the site, so the status page's links are checked
        for name, path in site.exports.paths.items():
            files.append(File.generated(config, f"exports/{name}", abs_src_path=str(path)))
    files.append(generated_page(config, this_pass, parallel.STATUS_PAGE, lambda lang: (
        parallel.render_status(site.parity, lang, this_pass.default, site.stale_ids,
                               _exports(config))), True))
    for pair in site.parity.pairs.values():
        if pair.comparable:
            files.append(generated_html_page(
                config, this_pass, parallel.view_rel(pair.rel),
                parallel.view_title(pair, this_pass.language), parallel.VIEW_META,
                lambda p=pair: parallel.render_view(p, this_pass.language, this_pass.default,
                                                    site.stale_ids.get(p.rel, frozenset()))))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """This page's links to the other language, unit by unit, and to its views."""
    this_pass, site = state.current()
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    links = parallel.page_links(site.parity.pairs.get(rel), rel, this_pass.language,
                                this_pass.default, site.stale_ids.get(rel, frozenset()))
    for key in ("parallel_view", "counterpart_url"):
        if getattr(links, key) is not None:
            page.meta[key] = getattr(links, key)
    pagecontext.give(config, "unitlinks", links.units)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is rendered: its context goes."""
    pagecontext.clear(config, "unitlinks")
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    release_page(page)  # a side-by-side view's HTML is in ``output`` now
    return output
