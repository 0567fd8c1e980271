"""MkDocs adapter: which language pass of mkdocs-static-i18n is running."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from prerendered_page import Body, PrerenderedPage

from policydocs.errors import ContentError, capped
from policydocs.links import page_url

Event = TypeVar("Event", bound=Callable)


def stops_cleanly(event: Event) -> Event:
    """A hook event whose content errors (a data file that is not UTF-8, invalid YAML, a
    field of the wrong type) stop the build with their ``file:line`` message, as MkDocs
    reports a PluginError, instead of a traceback."""
    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as exc:
            raise PluginError(str(exc)) from None
    return run  # type: ignore[return-value]


def current_language(config: MkDocsConfig) -> tuple[str, str]:
    """(language of this build pass, default language)."""
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.current_language is None:
        language = config.theme.get("language", "ja")
        return language, language
    return plugin.current_language, plugin.default_language


def languages(config: MkDocsConfig) -> tuple[str, ...]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return (config.theme.get("language", "ja"),)
    return tuple(lang.locale for lang in plugin.config.languages if lang.build)


def generated_page(config: MkDocsConfig, rel: str, render: Callable[[str], str],
                   in_nav: bool) -> File:
    """A page generated at ``rel`` for the language of this pass, placed and linked to its
    other-language versions the way mkdocs-static-i18n places the pages it found in docs/
    (call after its on_files). ``render(language)`` gives the Markdown; it is called for
    this pass's language only."""
    language, _ = current_language(config)
    files = _generated_files(config, rel, {lang: render(lang) if lang == language else ""
                                           for lang in languages(config)}, in_nav)
    return files[language]


def generated_html_page(config: MkDocsConfig, rel: str, title: str, meta: dict,
                        render: Callable[[], Body]) -> File:
    """A page generated at ``rel``, out of the navigation, whose body the hook builds as HTML
    itself: ``render()`` gives it (see ``Body``), and is called when MkDocs
    renders the page. The theme renders around it as for any page; no Markdown runs. Call
    ``release_page`` from ``on_post_page`` so that its HTML is not kept to the build's end."""
    language, _ = current_language(config)
    file = _generated_files(config, rel, dict.fromkeys(languages(config), ""), False)[language]
    PrerenderedPage(title, file, config, meta, render)  # sets file.page: MkDocs uses it
    return file


def release_page(page: Page) -> None:
    """Drop the HTML of a page ``generated_html_page`` made, once the theme has used it."""
    if isinstance(page, PrerenderedPage):
        page.release()


def _generated_files(config: MkDocsConfig, rel: str, contents: dict[str, str],
                     in_nav: bool) -> dict[str, File]:
    _, default = current_language(config)
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    files = {}
    for lang, content in contents.items():
        file = File.generated(config, f"{lang}/{rel}", content=content, inclusion=inclusion)
        url = page_url(rel, lang, default)
        file.dest_uri = url + "index.html" if url.endswith("/") or not url else url
        file.url = url or "./"
        file.locale = file.localization = file.locale_alternate_of = lang
        file.norm_src_uri = rel
        files[lang] = file
    for file in files.values():
        file.alternates = dict(files)
    return files


def problem_logger(name: str) -> logging.Logger:
    """A logger for content problems. Its own level is WARNING, so ``mkdocs build -q`` (which
    raises the "mkdocs" logger to ERROR) cannot hide them from --strict's warning count."""
    logger = get_plugin_logger(name)
    logger.logger.setLevel(logging.WARNING)
    return logger


def report_once(config: MkDocsConfig, logger: logging.Logger, problems) -> None:
    """Log problems in the first language pass only: every pass sees the same corpus."""
    language, default = current_language(config)
    if language == default:
        for line in capped(problems):
            logger.warning(line)
