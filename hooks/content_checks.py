"""MkDocs hook: footnote, URL and cross-language link checks (logic in policydocs.checks).
Each problem is a warning with file:line, reported once per build, so --strict fails."""
from __future__ import annotations

from i18n_adapter import current_language, problem_logger
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from site_state import corpus, refresh

from policydocs import checks

log = problem_logger("checks")
# The generated pages need them: their links are written resolved, their lists as HTML.
REQUIRED_EXTENSIONS = ("policydocs.resolvedlinks", "policydocs.prebuilthtml")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    missing = [e for e in REQUIRED_EXTENSIONS if e not in config.markdown_extensions]
    if missing:
        raise PluginError(f"{config.config_file_path}: markdown_extensions lacks "
                          f"{', '.join(missing)}; the pages the hooks generate need it: add it")
    return config


@event_priority(-120)  # after the hooks that add generated pages to this pass's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    refresh(config)  # once per pass: is the corpus still current?
    language, default = current_language(config)
    if language != default:  # the first pass of every build: check once per build
        return files
    generated = {"/" + f.url if f.url != "./" else "/" for f in files
                 if f.generated_by is not None}
    for problem in corpus(config).derived(
            "checks", lambda c: checks.check(c, default, generated)):
        log.warning(str(problem))
    return files
