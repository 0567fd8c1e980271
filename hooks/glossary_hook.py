"""MkDocs hook for the glossary: report undefined and conflicting acronyms, generate the
glossary page in each language, and set the tooltips of each page (logic in
policydocs.glossary and policydocs.abbrtips)."""
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

from policydocs import abbrtips, glossary

log = problem_logger("glossary")


def _glossary(config: MkDocsConfig) -> glossary.Glossary:
    curated = project_dir(config) / "data" / "glossary.yml"
    return corpus(config).derived(
        "glossary", lambda c: glossary.build(c, glossary.load_curated(curated, "data/glossary.yml")))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    refresh(config)  # once per pass: is the corpus still current?
    language, default = current_language(config)
    terms = _glossary(config)
    report_once(config, log, terms.problems)
    files.append(generated_page(config, glossary.PAGE,
                                lambda lang: glossary.render_page(terms, lang, default), True))
    return files


@stops_cleanly
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language, _ = current_language(config)
    titles = corpus(config).derived(f"glossary-titles-{language}", lambda c: tuple(
        (t.acronym, t.title(language)) for t in _glossary(config).terms.values()
        if t.title(language)))  # once per language, not per page
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    abbrtips.set_context(abbrtips.AbbrContext(titles, skip_headings=rel == glossary.PAGE))
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    abbrtips.set_context(None)
    return output
