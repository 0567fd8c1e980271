"""Which language pass of mkdocs-static-i18n is running, and how hooks report problems."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..core.errors import ContentError, capped
from ..core.languages import BuildPass

Event = TypeVar("Event", bound=Callable)


def build_pass(config: MkDocsConfig) -> BuildPass:
    """The pass mkdocs-static-i18n is running (after its on_config, priority -100)."""
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.current_language is None:
        language = config.theme.get("language", "ja")
        return BuildPass(language, language, (language,))
    listed = tuple(lang.locale for lang in plugin.config.languages if lang.build)
    return BuildPass(plugin.current_language, plugin.default_language, listed)


def languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages built, as the configuration lists them."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return (config.theme.get("language", "ja"),)
    return tuple(lang.locale for lang in plugin.config.languages if lang.build)


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


def problem_logger(name: str) -> logging.Logger:
    """A logger for content problems. Its own level is WARNING, so ``mkdocs build -q`` (which
    raises the "mkdocs" logger to ERROR) cannot hide them from --strict's warning count."""
    logger = get_plugin_logger(name)
    logger.logger.setLevel(logging.WARNING)
    return logger


def report_once(this_pass: BuildPass, logger: logging.Logger,
                problems: Iterable[ContentError]) -> None:
    """Log problems in the first pass only: every pass sees the same data."""
    if this_pass.first:
        for line in capped(problems):
            logger.warning(line)
