"""``mkdocs serve --dirty`` made correct on this site: MkDocs' side of the rule in
``policydocs.site.dirtybuild``.

MkDocs asks ``File.is_modified()`` whether to read and build a page again, and leaves the
pages it skips unread, so their titles are missing from the navigation of the pages it does
build ("None", and no footer link); and it counts every generated page as modified, so
every side-by-side view would be built again. Here, in each pass of a dirty build, the
pages and views the rule names are marked modified, the others kept, and every kept page is
given the title the corpus scan has already read from its front matter.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.languages import BuildPass
from ..site import dirtybuild
from ..site.sitebuild import SiteBuild

NOTICE = "A 'dirty' build is being performed"


@dataclass
class Plan:
    """What one build's passes share: the state of the inputs they rebuild against."""

    site: SiteBuild
    key: str  # ``site_key`` when the build began
    sources: dict[tuple[str, str], list[Path]]  # ``document_sources``


@dataclass
class Dirty:
    on: bool = False  # this process builds with --dirty (serve --dirty, build --dirty)
    built_key: str | None = None  # ``site_key`` of the last complete build
    plan: Plan | None = None  # this build's, made in its first pass


DIRTY = Dirty()


class _Notice(logging.Filter):
    """MkDocs warns on every dirty build that the navigation may be wrong. Here it is kept
    right, and under ``strict: true`` the warning would abort every rebuild of ``mkdocs
    serve --dirty``; it is logged as information instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and str(record.msg).startswith(NOTICE):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


_NOTICE = _Notice()


def start(dirty: bool) -> None:
    """From ``on_startup``: whether this process's builds are dirty."""
    DIRTY.on = dirty
    build_logger = logging.getLogger("mkdocs.commands.build")
    if dirty and _NOTICE not in build_logger.filters:
        build_logger.addFilter(_NOTICE)


def watched(config: MkDocsConfig) -> list[Path]:
    """The files whose change may alter any page: the configuration and the templates."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    custom = config.theme.custom_dir
    return paths + ([Path(custom)] if custom else [])


def plan(site: SiteBuild, this_pass: BuildPass, config: MkDocsConfig) -> Plan:
    """This build's plan: made in its first pass (a plan a failed build left is never
    used), used by the others."""
    if this_pass.first or DIRTY.plan is None or DIRTY.plan.site is not site:
        DIRTY.plan = Plan(site, dirtybuild.site_key(site, this_pass.listed, watched(config)),
                          dirtybuild.document_sources(site.corpus, site.inputs.docs_dir))
    return DIRTY.plan


def prepare(files: Files, plan: Plan, language: str) -> tuple[int, int]:
    """In a dirty build, after the navigation is made: the pages and side-by-side views to
    build again marked modified, the others kept (pages titled). Returns (again, kept)."""
    everything = plan.key != DIRTY.built_key
    again = kept = 0
    for file in files.documentation_pages():
        rel = getattr(file, "norm_src_uri", file.src_uri)
        view = dirtybuild.viewed_page(rel) if file.abs_src_path is None else None
        if file.page is None or (file.abs_src_path is None and view is None):
            continue  # the glossary, pillar and status pages: always built
        own = plan.sources.get((language, view or rel), [])
        if file.abs_src_path:
            own = [Path(file.abs_src_path), *own]
        if everything or dirtybuild.out_of_date(Path(file.abs_dest_path), own):
            file.is_modified = _modified  # type: ignore[method-assign]  # MkDocs asks the file
            again += 1
        else:
            file.is_modified = _kept  # type: ignore[method-assign]
            if view is None:
                _title(file, plan.site, language, rel)
            kept += 1
    return again, kept


def finish() -> None:
    """After the last pass of a build: the next dirty build compares with the state this
    one began from (an edit saved while it ran is still new to the next)."""
    if DIRTY.plan is not None:
        DIRTY.built_key, DIRTY.plan = DIRTY.plan.key, None


def _modified() -> bool:
    return True


def _kept() -> bool:
    return False


def _title(file: File, site: SiteBuild, language: str, rel: str) -> None:
    record = site.corpus.page(language, rel)
    page = file.page
    if record is not None and page is not None and page.markdown is None:
        # What ``Page.title`` reads: the front matter's title, as the scan found it.
        page.markdown, page.meta = "", {"title": record.title}
