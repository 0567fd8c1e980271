"""MkDocs hook for parallel reading: parity check, side-by-side views, status page and
per-unit links. The logic lives in policydocs (corpus, parity, parallel, unitlinks)."""
from __future__ import annotations

import os

from i18n_adapter import (
    current_language,
    generated_html_page,
    generated_page,
    problem_logger,
    release_page,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from site_state import corpus as site_corpus
from site_state import project_dir, refresh

from policydocs import parallel, parity, tmexport, translock, unitlinks
from policydocs.corpus import Corpus
from policydocs.errors import capped
from policydocs.links import page_url, relative

log = problem_logger("parallel")


def _parity(config: MkDocsConfig) -> parity.ParityResult:
    return parity.of(site_corpus(config))


def _stale(config: MkDocsConfig) -> list[translock.Stale]:
    return site_corpus(config).derived(
        "stale", lambda c: translock.for_corpus(c, project_dir(config)))


def _stale_ids(config: MkDocsConfig) -> dict[str, set[str]]:
    return site_corpus(config).derived("stale-ids", lambda c: translock.stale_ids(_stale(config)))


def _export_files(corpus: Corpus) -> tmexport.StagedExports:
    """Once per build: every language pass copies the same files."""
    return tmexport.StagedExports(tmexport.pairs(parity.of(corpus)))


def _exports(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("export_translation_memory"))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language, default = current_language(config)
    corpus = refresh(config)  # once per pass: is the corpus still current?
    result = _parity(config)
    if language == default:  # the first pass of every build: report once per build
        if corpus.unreadable:
            # MkDocs would stop on these pages with a traceback: stop first, clearly.
            raise PluginError("\n".join(str(p) for p in corpus.unreadable))
        for line in capped(corpus.problems + result.problems):
            log.warning(line)
        strict_stale = os.environ.get("STALE_UNITS") == "error"  # CI may require it
        for unit in _stale(config):
            (log.warning if strict_stale else log.info)(unit.message())
    stale = _stale_ids(config)
    if _exports(config):  # real files of the site, so the status page's links are checked
        for name, path in site_corpus(config).derived("exports", _export_files).paths.items():
            files.append(File.generated(config, f"exports/{name}", abs_src_path=str(path)))
    files.append(generated_page(config, parallel.STATUS_PAGE, lambda lang: parallel.render_status(
        result, lang, default, stale, _exports(config)), True))
    for pair in result.pairs.values():
        if pair.comparable:
            files.append(generated_html_page(
                config, parallel.view_rel(pair.rel), parallel.view_title(pair, language),
                parallel.VIEW_META, lambda p=pair: parallel.render_view(
                    p, language, default, frozenset(stale.get(p.rel, ())))))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language, default = current_language(config)
    result = _parity(config)
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    pair = result.pairs.get(rel)
    context = None
    if pair is not None and pair.comparable:
        other = "en" if language == "ja" else "ja"
        here = page_url(rel, language, default)
        context = unitlinks.UnitLinkContext(
            language, relative(here, page_url(rel, other, default)), frozenset(pair.aligned),
            frozenset(u.id for u in pair.lang_only.get(language, [])),
            tuple((uid, labels[other]) for uid, labels in sorted(pair.label_diffs.items())),
            frozenset(_stale_ids(config).get(rel, ())))
        page.meta["parallel_view"] = relative(here, page_url(parallel.view_rel(rel), language,
                                                             default))
    if pair is not None and all(pair.pages.values()):
        other = "en" if language == "ja" else "ja"
        here = page_url(rel, language, default)
        page.meta["counterpart_url"] = relative(here, page_url(rel, other, default))
    unitlinks.set_context(context)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    unitlinks.set_context(None)
    release_page(page)  # a side-by-side view's HTML is in ``output`` now
    return output

