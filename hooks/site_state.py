"""What the hooks of one build share: the corpus cache (one scan per build)."""
from __future__ import annotations

from pathlib import Path

from i18n_adapter import languages
from mkdocs.config.defaults import MkDocsConfig

from policydocs.corpus import Corpus, CorpusCache

CACHE = CorpusCache()


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def corpus(config: MkDocsConfig) -> Corpus:
    data = sorted((project_dir(config) / "data").glob("*.yml"))
    return CACHE.get(Path(config.docs_dir), languages(config), extra=tuple(data))
