"""The site's two languages, and which of them a build pass is for."""
from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("ja", "en")
NAMES = {"ja": "日本語", "en": "English"}  # each in its own language, as switchers show it


def other(language: str) -> str:
    """The other language of the pair."""
    return "en" if language == "ja" else "ja"


def original_language(page_language: str, translation: object) -> str:
    """The language of the original a page stands for: its own for an official text, the
    other one for a translation made for this site or a notice that no text exists."""
    return page_language if translation == "official" else other(page_language)


@dataclass(frozen=True)
class BuildPass:
    """One language pass of a build. mkdocs-static-i18n builds the default language first,
    then each other language in the order the configuration lists them (``listed``);
    ``order`` is the order of the passes, so the first and last pass are known, not guessed
    from the list."""

    language: str
    default: str
    listed: tuple[str, ...]

    @property
    def order(self) -> tuple[str, ...]:
        return (self.default, *(lang for lang in self.listed if lang != self.default))

    @property
    def first(self) -> bool:
        """The pass that reports what concerns the whole build (once, not per language)."""
        return self.language == self.order[0]

    @property
    def last(self) -> bool:
        """The pass after which the whole site is written (the search index waits for it)."""
        return self.language == self.order[-1]

    @property
    def other(self) -> str:
        return other(self.language)
