"""MkDocs hook, listed first: begins each language pass (which language, and the site's data,
read again only if an input changed) and reports, once the build is complete, how many
times the corpus was scanned for it (once, however many passes): the benchmark reads it."""
from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.plugins import event_priority, get_plugin_logger

from policydocs.adapters import pagecontext, state
from policydocs.site import provenance

log = get_plugin_logger("build")
_made_before = {"count": 0}


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


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """What the templates compute from a page's front matter, from the core package."""
    env.globals["provenance_original"] = provenance.original
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """After the last pass: one line with the scans of this build."""
    this_pass, site = state.current()
    if this_pass.last:
        scans = state.STATE.builds.made - _made_before["count"]
        log.info(f"corpus scans in this build: {scans} ({len(site.corpus.pages)} pages, "
                 f"{len(this_pass.order)} language passes)")
