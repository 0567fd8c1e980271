"""Pages the hooks generate, placed as mkdocs-static-i18n places the pages it finds."""
from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.languages import BuildPass
from ..core.pageurls import page_url
from .prerendered import Body, PrerenderedPage


def generated_page(config: MkDocsConfig, this_pass: BuildPass, rel: str,
                   render: Callable[[str], str], in_nav: bool) -> File:
    """A page generated at ``rel`` for the language of this pass, linked to its
    other-language versions (call after mkdocs-static-i18n's on_files). ``render(language)``
    gives the Markdown; it is called for this pass's language only."""
    contents = {lang: render(lang) if lang == this_pass.language else ""
                for lang in this_pass.listed}
    return _generated_files(config, this_pass, rel, contents, in_nav)[this_pass.language]


def generated_html_page(config: MkDocsConfig, this_pass: BuildPass, rel: str, title: str,
                        meta: dict, render: Callable[[], Body]) -> File:
    """A page generated at ``rel``, out of the navigation, whose body the hook builds as HTML
    itself: ``render()`` gives it (see ``Body``), and is called when MkDocs renders the
    page. The theme renders around it as for any page; no Markdown runs. Call
    ``release_page`` from ``on_post_page`` so that its HTML is not kept to the build's end."""
    contents = dict.fromkeys(this_pass.listed, "")
    file = _generated_files(config, this_pass, rel, contents, False)[this_pass.language]
    PrerenderedPage(title, file, config, meta, render)  # sets file.page: MkDocs uses it
    return file


def release_page(page: Page) -> None:
    """Drop the HTML of a page ``generated_html_page`` made, once the theme has used it."""
    if isinstance(page, PrerenderedPage):
        page.release()


def _generated_files(config: MkDocsConfig, this_pass: BuildPass, rel: str,
                     contents: dict[str, str], in_nav: bool) -> dict[str, File]:
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    files = {}
    for lang, content in contents.items():
        file = File.generated(config, f"{lang}/{rel}", content=content, inclusion=inclusion)
        url = page_url(rel, lang, this_pass.default)
        file.dest_uri = url + "index.html" if url.endswith("/") or not url else url
        file.url = url or "./"
        file.locale = file.localization = file.locale_alternate_of = lang
        file.norm_src_uri = rel
        files[lang] = file
    for file in files.values():
        file.alternates = dict(files)
    return files
