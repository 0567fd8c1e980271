"""MkDocs hook, listed first: begins each language pass (which language, and the site's data,
read again only if an input changed), makes dirty rebuilds build what an edit changed
(policydocs.adapters.dirty), and reports, once the build is complete, how many times the
corpus was scanned for it (once, however many passes): the benchmark reads it."""
from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.plugins import event_priority, get_plugin_logger

from policydocs.adapters import dirty as dirty_builds
from policydocs.adapters import pagecontext, state
from policydocs.site import provenance

log = get_plugin_logger("build")
_made_before = {"count": 0}


def on_startup(command: str, dirty: bool) -> None:
    dirty_builds.start(dirty)


@event_priority(-105)  # after mkdocs-static-i18n's on_config (-100) has chosen the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every pass: the pass object and the site's data, for every later event to use."""
    made = state.STATE.builds.made
    state.begin_pass(config)
    this_pass, _ = state.current()
    if this_pass.first:
        _made_before["count"] = made
    for extension in ("langparts", "permalinks"):  # every page of the pass
        pagecontext.give(config, extension, this_pass.language)
    return config


@event_priority(-110)  # the navigation as every plugin left it
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """In a dirty build: what an edit changed is built again, the rest keeps its titles."""
    if dirty_builds.DIRTY.on:
        this_pass, site = state.current()
        plan = dirty_builds.plan(site, this_pass, config)
        again, kept = dirty_builds.prepare(files, plan, this_pass.language)
        log.info(f"dirty build ({this_pass.language}): {again} of {again + kept} pages and "
                 "side-by-side views built again (what an edit changed; the glossary, pillar "
                 "and status pages always)")
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """What the templates compute from a page's front matter, from the core package."""
    env.globals["provenance_original"] = provenance.original
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """After the last pass: one line with the scans of this build."""
    this_pass, site = state.current()
    if this_pass.last and dirty_builds.DIRTY.on:
        dirty_builds.finish()
    if this_pass.last:
        scans = state.STATE.builds.made - _made_before["count"]
        log.info(f"corpus scans in this build: {scans} ({len(site.corpus.pages)} pages, "
                 f"{len(this_pass.order)} language passes)")
