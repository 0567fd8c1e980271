from pathlib import Path

from policydocs.pages import corpus
from policydocs.validation import checks


def write(docs: Path, rel: str, text: str) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def problems(tmp_path: Path, ja: str, en: str = "") -> list[str]:
    docs = tmp_path / "docs"
    write(docs, "ja/a.md", "---\ntitle: a\n---\n\n" + ja)
    write(docs, "en/a.md", "---\ntitle: a\n---\n\n" + (en or "## One { #s-1 }\n\nText.\n{: #p-1 }\n"))
    return [str(p) for p in checks.check(corpus.scan(docs), "ja", set())]


def test_footnotes_defined_used_and_unique(tmp_path: Path) -> None:
    assert problems(tmp_path, "本文[^1][^2]。\n\n[^1]: a\n[^1]: b\n[^3]: c\n") == [
        "docs/ja/a.md:5: footnote reference [^2] has no definition; add a line '[^2]: …' at "
        "the end of the page",
        "docs/ja/a.md:8: footnote [^1] is defined twice (first on line 7); merge or renumber them",
        "docs/ja/a.md:9: footnote [^3] is defined but never referenced; reference it with [^3] "
        "or remove it"]


def test_footnote_markers_in_code_are_not_references(tmp_path: Path) -> None:
    assert problems(tmp_path, "Use `[^1]` like this.\n\n```\n[^2]\n```\n") == []


def test_url_syntax(tmp_path: Path) -> None:
    text = ("<http://www.soumu.go.jp/a.html別ウィンドウで開きます>\n"
            "[x](https://a.example/menu\\_news/)\n"
            "[y](ftp://a.example/f)\n"
            "[z](https:///path)\n"
            "see https://bare.example/page for more\n")
    got = problems(tmp_path, text)
    assert got == [
        "docs/ja/a.md:5: URL 'http://www.soumu.go.jp/a.html別ウィンドウで開きます' has text glued "
        "to it: '別ウィンドウで開きます'; end the URL before that text",
        "docs/ja/a.md:6: URL 'https://a.example/menu\\_news/' contains a Markdown escape; remove "
        "the backslash (\\_ is just _ in a URL)",
        "docs/ja/a.md:7: URL 'ftp://a.example/f': scheme 'ftp:' is not allowed; use http, https "
        "or mailto",
        "docs/ja/a.md:8: URL 'https:///path' has no host",
        "docs/ja/a.md:9: URL 'https://bare.example/page' is not a link; write it as "
        "<https://bare.example/page>"]


def test_bare_urls_are_those_not_opened_by_markup_or_glued_to_a_word(tmp_path: Path) -> None:
    text = ("http://start.example at the start, and after a space https://space.example\n"
            "<https://auto.example/> (https://paren.example/) [https://bracket.example/]\n"
            "\"https://quote.example/\" 'https://single.example/' =https://equals.example/\n"
            "xhttps://glued.example/ 本文https://glued-ja.example/ 。http://after-stop.example\n")
    got = [p.split("URL ", 1)[1].split(" is not a link")[0] for p in problems(tmp_path, text)
           if "is not a link" in p]
    assert got == ["'http://start.example'", "'https://space.example'",
                   "'http://after-stop.example'"]


def test_http_where_the_host_serves_https(tmp_path: Path) -> None:
    got = problems(tmp_path, "<http://www.soumu.go.jp/a.html> <http://only-http.example/>\n",
                   "<https://www.soumu.go.jp/b.html>\n")
    assert got == ["docs/ja/a.md:5: URL 'http://www.soumu.go.jp/a.html' uses http:// but "
                   "www.soumu.go.jp is linked over https elsewhere; use https://"]


def test_links_into_the_other_language_resolve_to_page_and_unit(tmp_path: Path) -> None:
    got = problems(tmp_path, "[ok](../en/a/#p-1) [page](../en/a/) [heading](../en/a/#two)\n"
                             "[gone](../en/b/) [anchor](../en/a/#p-9) [id](../en/a/#one)\n",
                   "## One { #s-1 }\n\nText.\n{: #p-1 }\n\n## Two\n")
    assert got == [
        "docs/ja/a.md:6: link '../en/b/' goes to /en/b/, which is not a page of the site; fix "
        "the path, or link the Markdown file (…/page.md)",
        "docs/ja/a.md:6: link '../en/a/#p-9': docs/en/a.md has no unit or heading '#p-9'",
        "docs/ja/a.md:6: link '../en/a/#one': docs/en/a.md has no unit or heading '#one'"]


def test_pages_that_stand_for_one_original_link_the_same_url(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    ja, en = "https://www.soumu.go.jp/a.html", "https://www.soumu.go.jp/eng/a.html"
    pages = {  # d: a Japanese original with an unofficial English translation, by parts
        "ja/d/index.md": ("official", ja), "ja/d/part-1.md": ("official", ja),
        "en/d/index.md": ("unofficial", ja), "en/d/part-1.md": ("unofficial", None),
        "en/d/part-2.md": ("unofficial", "https://www.soumu.go.jp/b.html"),
        # p: an original in each language, each with its own URL
        "ja/p.md": ("official", ja), "en/p.md": ("official", en),
    }
    for rel, (state, url) in pages.items():
        doc = rel.split("/")[1].removesuffix(".md")
        write(docs, rel, f"---\ntitle: a\ndocument: {doc}\ntranslation: {state}\n"
                         + (f"url: {url}\n" if url else "") + "---\n\nText.\n")
    assert [str(p) for p in checks.original_url_problems(corpus.scan(docs))] == [
        f"docs/en/d/part-1.md:3: front matter 'url' is none but docs/ja/d/index.md has '{ja}': "
        "these pages of document 'd' stand for the same original (in Japanese); give them "
        "the same url (the one in sources/sources.yml)",
        "docs/en/d/part-2.md:5: front matter 'url' is 'https://www.soumu.go.jp/b.html' but "
        f"docs/ja/d/index.md has '{ja}': these pages of document 'd' stand for the same "
        "original (in Japanese); give them the same url (the one in sources/sources.yml)"]
