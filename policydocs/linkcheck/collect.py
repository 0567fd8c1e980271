"""Every external URL of the pages of both languages, with the places that use it."""
from __future__ import annotations

from dataclasses import dataclass

from ..pages.corpus import Corpus
from ..validation.checks import links


@dataclass(frozen=True)
class Place:
    file: str
    line: int


def collect(corpus: Corpus) -> dict[str, list[Place]]:
    urls: dict[str, list[Place]] = {}
    for _, page in sorted(corpus.pages.items()):
        for link in links(page):
            if link.target.startswith(("http://", "https://")):
                urls.setdefault(link.target, []).append(Place(page.display, link.line))
    return dict(sorted(urls.items()))
