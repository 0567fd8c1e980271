"""MkDocs hook for the bilingual concordance: its page in each language, and its index,
started in the first pass (it builds in other processes while MkDocs renders the site) and
copied into the site after the last (logic in policydocs.search.concordance and
policydocs.site.concordancepage)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from policydocs.adapters import state
from policydocs.adapters.generated import generated_page
from policydocs.adapters.passes import problem_logger, stops_cleanly
from policydocs.site import concordancepage

log = problem_logger("concordance")


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    this_pass, site = state.current()
    site.concordance(this_pass.default)  # starts the index, once for both passes
    files.append(generated_page(config, this_pass, concordancepage.PAGE,
                                concordancepage.render_page, True))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    this_pass, site = state.current()
    if getattr(page.file, "norm_src_uri", page.file.src_uri) == concordancepage.PAGE:
        titles = {s.folder: s.title[this_pass.language] for s in site.sections}
        page.meta["concordance"] = concordancepage.template_data(
            site.concordance(this_pass.default).sections, titles, site.terms,
            this_pass.language)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """After the last pass, before mkdocs-static-i18n's (-100) ends it."""
    this_pass, site = state.current()
    if this_pass.last:
        outcome = site.concordance(this_pass.default).copy_to(Path(config.site_dir))
        if not outcome.ok:
            log.warning(outcome.log + " (install the pinned requirements: pagefind[extended])")
