"""MkDocs hook for pillars: validate tags, generate the overview and one index per pillar
in each language, and decorate tagged pages with badges (logic in policydocs.pillars)."""
from __future__ import annotations

from i18n_adapter import (
    current_language,
    generated_page,
    problem_logger,
    report_once,
    stops_cleanly,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from site_state import corpus, project_dir, refresh

from policydocs import pillarbadges, pillars
from policydocs.links import page_url, relative

log = problem_logger("pillars")


def _index(config: MkDocsConfig) -> pillars.PillarIndex:
    registry = project_dir(config) / "data" / "pillars.yml"
    return corpus(config).derived(
        "pillars", lambda c: pillars.collect(c, pillars.load_registry(registry, "data/pillars.yml")))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    refresh(config)  # once per pass: is the corpus still current?
    language, default = current_language(config)
    index = _index(config)
    report_once(config, log, index.problems + [
        f"data/pillars.yml: pillar '{p.id}' has no entries: no page or section is tagged with it"
        for p in pillars.empty_pillars(index)])
    files.append(generated_page(config, f"{pillars.INDEX_DIR}/index.md",
                                lambda lang: pillars.render_overview(index, lang), True))
    for pillar in index.pillars:
        files.append(generated_page(
            config, pillars.index_rel(pillar.id),
            lambda lang, p=pillar: pillars.render_pillar(index, p, lang, default), True))
    return files


@stops_cleanly
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language, default = current_language(config)
    index = _index(config)
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    page_ids = tuple(index.page_pillars.get(rel, ()))
    unit_ids = index.unit_pillars.get(rel, {})
    context = None
    if page_ids or unit_ids:
        here = page_url(rel, language, default)
        context = pillarbadges.BadgeContext(
            names=tuple((p.id, p.name[language]) for p in index.pillars),
            hrefs=tuple((p.id, relative(here, page_url(pillars.index_rel(p.id), language,
                                                       default))) for p in index.pillars),
            page=page_ids,
            units=tuple((u, tuple(ids)) for u, ids in unit_ids.items()))
    pillarbadges.set_context(context)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    pillarbadges.set_context(None)
    return output
