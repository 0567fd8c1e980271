"""MkDocs hook: front matter, footnote, URL and cross-language link checks, and the content
policy on each page's HTML (logic in policydocs.validation.checks, frontmatter and htmlpolicy).
Each problem is a warning with file:line, reported once per build, so --strict fails."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from policydocs.adapters import state
from policydocs.adapters.passes import problem_logger, report_once, stops_cleanly
from policydocs.core.errors import capped
from policydocs.pages import bounds, frontmatter
from policydocs.validation import htmlpolicy

log = problem_logger("checks")
# The generated pages need them: their links are written resolved, their lists as HTML.
REQUIRED_EXTENSIONS = ("policydocs.extensions.resolvedlinks", "policydocs.extensions.prebuilthtml")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse a configuration without the extensions the generated pages rely on."""
    missing = [e for e in REQUIRED_EXTENSIONS if e not in config.markdown_extensions]
    if missing:
        raise PluginError(f"{config.config_file_path}: markdown_extensions lacks "
                          f"{', '.join(missing)}; the pages the hooks generate need it: add it")
    return config


def _theme(config: MkDocsConfig) -> frontmatter.Theme:
    statuses = (config.extra.get("status") or {}) if isinstance(config.extra, dict) else {}
    return frontmatter.Theme(tuple(Path(d) for d in config.theme.dirs), frozenset(statuses))


@event_priority(-120)  # after the hooks (-110) that add generated pages to this pass's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Check every page of both languages, once per build (in the first pass)."""
    this_pass, site = state.current()
    if this_pass.first:
        generated = ["/" + f.url if f.url != "./" else "/" for f in files
                     if f.generated_by is not None]
        report_once(this_pass, log, site.checks(this_pass.default, generated, _theme(config)))
    return files


@event_priority(-150)  # last: what it returns is what Markdown reads
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Drop the front-matter keys the theme would fail on (a template or icon that does not
    exist), and put a notice in place of a page past the limits Markdown can parse (deep
    nesting): on_files has reported both, and the build goes on to say so instead of
    stopping with a traceback or running for minutes."""
    for key in frontmatter.unsafe_to_render(page.meta, _theme(config)):
        del page.meta[key]
    this_pass, site = state.current()
    record = site.corpus.page(this_pass.language,
                              getattr(page.file, "norm_src_uri", page.file.src_uri))
    return bounds.NOTICE[this_pass.language] if record is not None and record.withheld \
        else markdown


@event_priority(-150)  # after every extension and hook has written the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The content policy, on what the parser produced (each page once: its own pass)."""
    this_pass, site = state.current()
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    record = site.corpus.page(this_pass.language, rel)
    if record is not None:
        body, first, display = record.body, record.body_line, record.display
    else:  # a generated page: its text comes from data/*.yml and the pages it lists
        body, first = page.markdown or "", 1
        display = f"the generated page {this_pass.language}/{rel}"
    lines = list(enumerate(body.split("\n"), first))
    problems = htmlpolicy.problems(html, display, lines, first)
    for line in capped(problems):
        log.warning(line)
    return htmlpolicy.withheld(page.title or rel, problems, this_pass.language) if problems \
        else html
