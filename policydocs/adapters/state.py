"""What the hooks of one build share: this language pass and the site's derived data.

MkDocs hooks are modules, so something must hold the build between events. It is held
here, once: ``begin_pass`` runs in the on_config of every language pass (hooks/build.py,
after mkdocs-static-i18n has chosen the language) and checks whether any input changed;
every later event of the pass asks ``current()``, which looks at no file.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..core.languages import BuildPass
from ..search.pagefind import StreamingIndex
from ..site.notfound import NotFoundPages
from ..site.sitebuild import Builds, Inputs, SiteBuild
from .passes import build_pass


@dataclass
class State:
    builds: Builds = field(default_factory=Builds)
    build_pass: BuildPass | None = None
    site: SiteBuild | None = None
    search: StreamingIndex | None = None  # the index both passes feed (None: index after)
    not_found: NotFoundPages = field(default_factory=NotFoundPages)  # each pass's 404 page


STATE = State()


def begin_pass(config: MkDocsConfig) -> None:
    """Which language this pass builds; the site's data, again only if an input changed."""
    STATE.build_pass = this_pass = build_pass(config)
    STATE.site = STATE.builds.get(Inputs(project_dir(config.config_file_path),
                                         Path(config.docs_dir), this_pass.listed))


def current() -> tuple[BuildPass, SiteBuild]:
    """This pass and the site's data (``begin_pass`` has run)."""
    if STATE.build_pass is None or STATE.site is None:
        raise RuntimeError("hooks/build.py must be the first hook in mkdocs.yml")
    return STATE.build_pass, STATE.site


@functools.lru_cache(maxsize=8)
def project_dir(config_file: str) -> Path:
    """Resolved once: resolving is a system call per part of the path."""
    return Path(config_file).resolve().parent
