"""MkDocs hook: the documents' sections of the navigation, made from the pages (a new
document needs no line in mkdocs.yml). The logic is in ``policydocs.site.navigation``."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from policydocs.adapters import passes, state
from policydocs.site import navigation


@event_priority(-106)  # after hooks/build.py (-105) has begun the pass
@passes.stops_cleanly
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every pass: the sections in the pass's language, after the home page of the nav. A
    site without a ``nav`` (MkDocs' automatic navigation) lists every page already."""
    if config.nav is None:
        return config
    this_pass, site = state.current()
    folders = {section.folder for section in site.sections}
    config.nav = navigation.with_documents(config.nav, site.document_nav(this_pass.language),
                                           folders)
    return config
