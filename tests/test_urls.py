import pytest

from policydocs.sources.sourceurls import clean_url, find_urls, linkify


@pytest.mark.parametrize("raw, clean", [
    ("https://www.mofa.go.jp/mofaj/ecm/ie/page22\\\\_003344.html",
     "https://www.mofa.go.jp/mofaj/ecm/ie/page22_003344.html"),
    ("https://www.soumu.go.jp/menu\\_news/s-news/x.html", "https://www.soumu.go.jp/menu_news/s-news/x.html"),
    ("<https://goingdigital.oecd.org/en/>", "https://goingdigital.oecd.org/en/"),
    ("https://example.org/a.html.", "https://example.org/a.html"),
    ("https://example.org/wiki/A_(b)", "https://example.org/wiki/A_(b)"),
    ("https://example.org/a)", "https://example.org/a"),
])
def test_clean_url(raw: str, clean: str) -> None:
    assert clean_url(raw) == clean


def test_glued_japanese_text_ends_the_url() -> None:
    text = "結果:http://www.soumu.go.jp/menu_news/s-news/01tsushin06_02000041.html別ウィンドウ"
    assert linkify(text) == ("結果:<http://www.soumu.go.jp/menu_news/s-news/"
                             "01tsushin06_02000041.html>別ウィンドウ")


def test_markdown_link_with_escaped_text_becomes_clean_autolink() -> None:
    text = "[https://www.soumu.go.jp/menu\\\\_news/x.html](https://www.soumu.go.jp/menu_news/x.html)"
    assert linkify(text) == "<https://www.soumu.go.jp/menu_news/x.html>"


def test_existing_autolinks_are_kept_and_found_in_order() -> None:
    text = "see <https://a.example/x> and https://b.example/y."
    assert linkify(text) == "see <https://a.example/x> and <https://b.example/y>."
    assert find_urls(text) == ["https://a.example/x", "https://b.example/y"]


@pytest.mark.parametrize("text", ["[http://" * 100_000, "<http://" * 100_000,
                                  "[http://a](http://" * 50_000, "http://a" + ")" * 200_000,
                                  "https://e.org/" + "\\_" * 200_000])
def test_pathological_text_is_read_in_linear_time(text: str) -> None:
    import time
    start = time.perf_counter()
    find_urls(text)
    assert time.perf_counter() - start < 2  # each took minutes before (quadratic scans)


def test_text_after_an_escaped_url_is_kept_as_it_was() -> None:
    assert linkify(r"see https://e.org/a\_b\_c/page\_x. next") == "see <https://e.org/a_b_c/page_x>. next"
    assert linkify(r"(https://e.org/a\_(b)) end") == "(<https://e.org/a_(b)>) end"
