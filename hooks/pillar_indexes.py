"""MkDocs hook for pillars: validate tags, generate the overview and one index per pillar
in each language, and give tagged pages their badges (logic in policydocs.site.pillars and
policydocs.extensions.pillarbadges)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from policydocs.adapters import pagecontext, state
from policydocs.adapters.generated import generated_page
from policydocs.adapters.passes import problem_logger, report_once, stops_cleanly
from policydocs.site import pillars

log = problem_logger("pillars")


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The problems (first pass), the overview and each pillar's index of this language."""
    this_pass, site = state.current()
    index = site.pillars
    report_once(this_pass, log, index.problems + pillars.empty_pillar_problems(index))
    files.append(generated_page(config, this_pass, f"{pillars.INDEX_DIR}/index.md",
                                lambda lang: pillars.render_overview(index, lang), True))
    for pillar in index.pillars:
        files.append(generated_page(
            config, this_pass, pillars.index_rel(pillar.id),
            lambda lang, p=pillar: pillars.render_pillar(index, p, lang, this_pass.default),
            True))
    return files


@stops_cleanly
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The badges of this page and its sections, if any is tagged."""
    this_pass, site = state.current()
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    pagecontext.give(config, "pillarbadges", pillars.badge_context(
        site.pillars, rel, this_pass.language, this_pass.default))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is rendered: its context goes."""
    pagecontext.clear(config, "pillarbadges")
    return html
