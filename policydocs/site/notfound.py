"""One 404 page per language.

mkdocs-static-i18n builds every language into the same site folder, and each pass writes
``404.html`` at the root, so the last language built would replace the default one. After
the default language's pass we keep its page; after any other pass we move that pass's page
into the language's folder and put the default one back.
"""
from __future__ import annotations

from pathlib import Path


class NotFoundPages:
    def __init__(self) -> None:
        self.default_page: bytes | None = None

    def after_language_build(self, site_dir: Path, language: str, default: str) -> None:
        page = site_dir / "404.html"
        if not page.exists():
            return
        if language == default:
            self.default_page = page.read_bytes()
            return
        target = site_dir / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        page.replace(target)
        if self.default_page is not None:
            page.write_bytes(self.default_page)
