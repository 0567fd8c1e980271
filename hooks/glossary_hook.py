"""MkDocs hook for the glossary: report undefined and conflicting acronyms, generate the
glossary page in each language, and give each page its tooltips (logic in
policydocs.site.glossary and policydocs.extensions.abbrtips)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from policydocs.adapters import pagecontext, state
from policydocs.adapters.generated import generated_page
from policydocs.adapters.passes import problem_logger, report_once, stops_cleanly
from policydocs.extensions import abbrtips
from policydocs.site import glossary

log = problem_logger("glossary")


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The problems (first pass) and the glossary page of this language."""
    this_pass, site = state.current()
    report_once(this_pass, log, site.glossary.problems)
    files.append(generated_page(config, this_pass, glossary.PAGE, lambda lang: glossary.render_page(
        site.glossary, lang, this_pass.default), True))
    return files


@stops_cleanly
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The tooltips of this page's language (the glossary page's headings stay plain)."""
    this_pass, site = state.current()
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    pagecontext.give(config, "abbrtips", abbrtips.AbbrContext(
        site.glossary_titles(this_pass.language), skip_headings=rel == glossary.PAGE))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page is rendered: its context goes."""
    pagecontext.clear(config, "abbrtips")
    return html
