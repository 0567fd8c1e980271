"""MkDocs hook for the term base (logic in policydocs.terms): its problems, the consistency
of the unofficial translations with it, and its TBX export in exports/.

A term whose cited official unit does not use it is a warning (--strict fails); an
unofficial unit that renders a term otherwise is a note, and a warning when TERMS=error
(as STALE_UNITS=error does for stale units)."""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from policydocs.adapters import state
from policydocs.adapters.passes import problem_logger, report_once, stops_cleanly
from policydocs.core.errors import capped
from policydocs.site import opendata
from policydocs.terms import tbx

log = problem_logger("terms")
notes = get_plugin_logger("term-base")  # its own name: "terms" is set to WARNING


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
@stops_cleanly
def on_files(files: Files, config: MkDocsConfig) -> Files:
    this_pass, site = state.current()
    report_once(this_pass, log, site.term_sources)
    if this_pass.first:
        strict = os.environ.get("TERMS") == "error"
        for line in capped(site.term_findings()):
            (log.warning if strict else notes.info)(line)
        report = site.term_report
        notes.info(f"term base: {len(site.terms.terms)} terms; the unofficial translations "
                   f"use them as it says in {report.checked - len(report.findings)} of "
                   f"{report.checked} places ({report.consistent:.1%})")
    where = opendata.Addresses(config.site_url or "http://127.0.0.1:8000/", this_pass.default)
    # The same file in every pass (one address for both languages).
    files.append(File.generated(config, tbx.EXPORT_REL, content=site.tbx(where, tbx.TITLE)))
    return files
