"""What the hooks of one build share: the corpus cache (one scan per build).

``refresh`` checks that the corpus is current (a stat of every page) and runs once per
language pass, in ``on_files``; every later event of the pass uses ``corpus``, which does
not look at the files again: checking per page would cost pages x pages stats.
"""
from __future__ import annotations

import functools
from pathlib import Path

from i18n_adapter import current_language, languages
from mkdocs.config.defaults import MkDocsConfig

from policydocs.corpus import Corpus, CorpusCache

CACHE = CorpusCache()


def project_dir(config: MkDocsConfig) -> Path:
    return _parent(config.config_file_path)


@functools.lru_cache(maxsize=8)
def _parent(config_file: str) -> Path:
    """Resolved once: page events ask for it, and resolving is a system call per part."""
    return Path(config_file).resolve().parent


_checked: dict[str, tuple] = {"pass": ()}


def refresh(config: MkDocsConfig) -> Corpus:
    """Scan again if a page or data file changed; checked once per language pass."""
    this_pass = (id(config), current_language(config)[0], id(config.plugins))
    if CACHE.corpus is not None and _checked["pass"] == this_pass:
        return CACHE.corpus
    _checked["pass"] = this_pass
    data = sorted((project_dir(config) / "data").glob("*.yml"))
    return CACHE.get(Path(config.docs_dir), languages(config), extra=tuple(data))


def corpus(config: MkDocsConfig) -> Corpus:
    """The corpus of this pass (refreshed by the first on_files of the pass)."""
    return CACHE.corpus if CACHE.corpus is not None else refresh(config)
