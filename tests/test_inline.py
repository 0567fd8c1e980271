"""Inline Markdown as every consumer reads it: links, bare URLs and plain text."""
from __future__ import annotations

import time

from policydocs.pages import inline


def test_links_keep_nested_brackets_and_leave_images_out() -> None:
    line = "See [the [2023] plan](https://a.example/p) and ![logo](x.png) [ok](<b.md#id>)."
    targets = [target for _, _, target in inline.links(line)]
    assert targets == ["https://a.example/p", "b.md#id"]
    start, end, _ = inline.links(line)[0]
    assert line[start:end] == "[the [2023] plan](https://a.example/p)"


def test_an_image_inside_link_text_is_part_of_the_link() -> None:
    line = "[![badge](b.svg) Status](status.md)"
    assert [t for _, _, t in inline.links(line)] == ["status.md"]


def test_bare_urls_are_those_outside_links_and_autolinks() -> None:
    line = ("Read https://bare.example/x, [a](https://linked.example) "
            "<https://auto.example> href=\"https://attr.example\" xhttps://glued.example")
    assert inline.bare_urls(line) == ["https://bare.example/x,"]
    assert inline.bare_urls("no address here") == []


def test_plain_text_is_what_a_reader_sees() -> None:
    text = ("**Data** [free flow](https://x.example) with trust[^3] "
            "&lt;tag&gt; \\*not emphasis\\* <https://y.example>\n  next")
    assert inline.plain(text) == "Data free flow with trust <tag> *not emphasis* https://y.example next"
    assert inline.plain("note[^3] here", notes=True) == "note3 here"


def test_plain_text_reduces_links_on_every_line() -> None:
    assert inline.plain("[one](a)\n[two](b) and [three](c)") == "one two and three"


def test_without_links_blanks_links_and_autolinks() -> None:
    assert inline.without_links("a [b](c) <d:e> f").split() == ["a", "f"]


def test_long_lines_of_openers_are_read_in_linear_time() -> None:
    start = time.perf_counter()
    inline.links("[" * 200_000 + "](x)")
    inline.links("](" * 100_000)
    inline.bare_urls("<http://" * 50_000)
    inline.plain("[" * 100_000 + "](" * 100_000 + "&\\")
    assert time.perf_counter() - start < 2
