"""A page whose HTML a hook builds: rendered when MkDocs reads it, dropped once the theme has
used it, so a build never holds every side-by-side view at once."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from policydocs.adapters.generated import release_page
from policydocs.adapters.prerendered import PrerenderedPage


@dataclass(frozen=True)
class Body:
    html: str
    ids: frozenset[str]
    title_id: str = "t"


def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    cfg = MkDocsConfig()
    cfg.load_dict({"site_name": "test", "docs_dir": str(tmp_path / "docs"),
                   "site_dir": str(tmp_path / "site")})
    errors, _ = cfg.validate()
    assert not errors
    return cfg


def test_a_view_is_rendered_when_read_and_released_once_the_theme_used_it(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    file = File("parallel/doc.md", cfg.docs_dir, cfg.site_dir, use_directory_urls=True)
    renders = []

    def render() -> Body:
        renders.append(1)
        return Body('<h1 id="t">Doc</h1><div id="p-1">text</div>', frozenset({"t", "p-1"}))

    page = PrerenderedPage("Doc", file, cfg, {"hide": ["navigation"]}, render)
    assert file.page is page and page.content is None and renders == []
    page.read_source(cfg)
    page.render(cfg, Files([file]))
    assert page.content.startswith('<h1 id="t">') and page.present_anchor_ids == {"t", "p-1"}
    assert [item.id for item in page.toc] == ["t"]

    release_page(page)
    assert page.content == ""  # the HTML is in the written output, not kept to the build's end
    assert page.present_anchor_ids == {"t", "p-1"}  # links to it are still checked

    page.render(cfg, Files([file]))  # the next build (mkdocs serve) renders it again
    assert "p-1" in page.content and len(renders) == 2
