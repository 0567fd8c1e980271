"""Hostile page content, judged on the HTML the site's own Markdown configuration produces.

Payloads are the classes of the XSS literature (OWASP's filter-evasion cheat sheet, the
PortSwigger XSS cheat sheet): handlers, split tags, SVG, obfuscated schemes, attribute
lists, reference definitions, elements that act without script.
"""
from __future__ import annotations

import functools
import re

import markdown
import pytest
from bs4 import BeautifulSoup
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydocs.validation import htmlpolicy


@functools.lru_cache(maxsize=1)
def _site_config():
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))


def render(text: str) -> str:
    """``text`` as the site renders a page body (every extension of mkdocs.yml)."""
    config = _site_config()
    return markdown.Markdown(extensions=config.markdown_extensions,
                             extension_configs=config.mdx_configs).convert(text)


def policy(text: str, first_line: int = 5) -> list[str]:
    lines = list(enumerate(text.split("\n"), first_line))
    return [str(p) for p in htmlpolicy.problems(render(text), "docs/ja/a.md", lines, first_line)]


CASES = [
    # (Markdown, line of the problem counted from 5, part of the message)
    ("<script>alert(1)</script>", 5, "element <script> is not allowed"),
    ("text\n\n<img src=x\nonerror=alert(1)>", 8, "event handler 'onerror' on <img>"),
    ("<svg/onload=alert(1)>", 5, "element <svg> is not allowed"),
    ("para\n{: onclick=\"alert(1)\" }", 6, "event handler 'onclick' on <p>"),
    ("para\n{: tabindex=1 autofocus onfocus=\"alert(1)\" }", 6, "event handler 'onfocus'"),
    ("[x](https://e.org){: href=\"&#106;avascript:alert(1)\" }", 5, "scheme 'javascript:'"),
    ("[evil]\n\n[evil]: javascript:alert(1)", 7, "scheme 'javascript:'"),
    ("[x](javascript&#58;alert(1))", 5, "scheme 'javascript:'"),
    ("<a href=\"java&#9;script:alert(1)\">x</a>", 5, "scheme 'javascript:'"),
    ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", 5, "scheme 'javascript:'"),
    ("<a href=\"vbscript:msgbox\">x</a>", 5, "scheme 'vbscript:'"),
    ("<a href=\"data:text/html,<script>x</script>\">x</a>", 5, "scheme 'data:'"),
    ("<svg><animate attributeName=href values=javascript:alert(1) /></svg>", 5,
     "element <svg>"),
    ("<style>body{display:none}</style>", 5, "element <style>"),
    ("<form action=https://evil.example><input name=q></form>", 5, "element <form>"),
    ("<meta http-equiv=refresh content=\"0;url=https://evil.example\">", 5, "element <meta>"),
    ("<base href=https://evil.example/>", 5, "element <base>"),
    ("<div markdown>\n<iframe src=https://evil.example></iframe>\n</div>", 6,
     "element <iframe>"),
    ("<object data=x></object>", 5, "element <object>"),
    ("<embed src=x>", 5, "element <embed>"),
    ("<math><mtext><a href=javascript:alert(1)>x</a></mtext></math>", 5, "element <math>"),
    ("![x](https://evil.example/pixel.png)", 5, "loaded from another site"),
    ("para\n{: #s 6 p3 .unit }", 6, "attribute '6' on <p>"),
    ("para\n{: #__search }", 6, "id '__search' is reserved"),
    ("<p style=\"position:fixed;top:0\">x</p>", 5, "attribute 'style' on <p>"),
    ("<table><tr><td style=\"position:fixed\">x</td></tr></table>", 5,
     "style 'position:fixed' on <td>"),
    ("<details open ontoggle=alert(1)>x</details>", 5, "event handler 'ontoggle'"),
    ("<a href=\"https://e.org\" target=_blank>x</a>", 5, "attribute 'target' on <a>"),
    ("<span data-md-component=\"search\">x</span>", 5, "attribute 'data-md-component'"),
    ("para\n{: role=\"button\" }", 6, "role 'button' on <p>"),
    ("<div role=\"alertdialog\" aria-label=\"Session expired\">x</div>", 5, "role 'alertdialog'"),
    ("<div role=\"region\" aria-label=\"Site navigation\">x</div>", 5, "role 'region'"),
]


@pytest.mark.parametrize("text, line, message", CASES, ids=[c[2] for c in CASES])
def test_each_class_of_payload_is_refused_at_its_line(text: str, line: int, message: str) -> None:
    got = policy(text)
    assert any(p.startswith(f"docs/ja/a.md:{line}: ") and message in p for p in got), got


def test_what_the_site_writes_is_allowed() -> None:
    text = ("# Title { #s-1 }\n\nA [link](https://example.org/a_b) and <https://e.org/x>, a "
            "note[^1], **bold**, `<script>` as code.\n{: #p-1 .unit }\n\n| a | b |\n|:--|--:|\n"
            "| 1 | 2 |\n\n!!! note\n    text\n\n??? info \"more\"\n    hidden\n\n```\n"
            "<iframe src=x></iframe>\n```\n\nterm\n:   definition\n\n*[DFFT]: Data Free Flow\n"
            "\nDFFT.\n\n![chart](../assets/chart.png)\n\n[^1]: A note <https://e.org>.\n")
    assert policy(text) == []


def test_structural_roles_and_accessible_names_are_allowed() -> None:
    assert policy('<div role="table" aria-label="対訳">\n<div role="row">'
                  '<div role="cell" lang="en">x</div></div>\n</div>') == []


def test_text_that_looks_like_markup_stays_text() -> None:
    assert policy("1 < 2 and a &lt;script&gt; written as text; \\<b> escaped") == []


def test_one_message_per_line_and_kind() -> None:
    got = policy(" ".join("<b onclick=x>y</b>" for _ in range(50)))
    assert len(got) == 1


# --- property: nothing live survives unreported ------------------------------------------

_BENIGN = st.sampled_from(["text", "日本語の段落。", "**bold**", "[a](https://e.org)", "- item",
                           "# H", "> quote", "`code`", "| a |\n|---|\n| b |", "", "\n"])
_SCHEME = st.sampled_from(["javascript:", "JaVaScRiPt:", "java\tscript:", "java&#9;script:",
                           "javascript&#58;", "&#106;avascript:", "&#x6A;avascript:",
                           " javascript:", "vbscript:", "data:text/html,", "java\nscript:"])
_HANDLER = st.sampled_from(["onclick", "onerror", "onload", "ONMOUSEOVER", "onfocus",
                            "ontoggle", "onanimationstart"])
_TAG = st.sampled_from(["img", "svg", "a", "p", "details", "div", "span", "video", "iframe",
                        "script", "style", "form", "base", "meta", "object", "math", "b"])


@st.composite
def _payload(draw) -> str:
    scheme, handler, tag = draw(_SCHEME), draw(_HANDLER), draw(_TAG)
    sep = draw(st.sampled_from([" ", "\n", "/", "\t"]))
    return draw(st.sampled_from([
        f"<{tag}{sep}{handler}=alert(1)>x</{tag}>",
        f"<{tag} src=x{sep}{handler}=\"alert(1)\">",
        f"[x]({scheme}alert(1))",
        f"[x][r]\n\n[r]: {scheme}alert(1)",
        f"<a href=\"{scheme}alert(1)\">x</a>",
        f"para\n{{: {handler}=\"alert(1)\" }}",
        f"[x](https://e.org){{: href=\"{scheme}alert(1)\" }}",
        f"<{tag}>alert(1)</{tag}>",
        f"<div markdown>\n<{tag} {handler}=x>\n</div>",
        f"<svg><animate attributeName=href values={scheme}alert(1) /></svg>",
    ]))


def _live(html: str) -> list[str]:
    """An oracle independent of the policy (another parser, its own rules): what a browser
    would run or act on."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for el in soup.find_all(True):
        if el.name in {"script", "style", "iframe", "object", "embed", "form", "base", "meta",
                       "svg", "math", "frame", "link"}:
            found.append(el.name)
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(name)
            # As the URL parser: tabs and newlines removed, leading controls and spaces cut.
            plain = re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(33)))).lower()
            if plain.startswith(("javascript:", "vbscript:", "data:")):
                found.append(f"{name}={value}")
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_BENIGN, _payload()), min_size=1, max_size=6))
def test_nothing_live_survives_unreported(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    html = render(text)
    live = _live(html)
    if live:
        assert htmlpolicy.problems(html, "a.md", list(enumerate(text.split("\n"), 1))), (
            text, live)


def test_the_line_is_that_of_the_attribute_not_of_its_value_elsewhere() -> None:
    got = policy("1 and 1\n\npara\n{: tabindex=1 }")
    assert [p.split(": ")[0] for p in got] == ["docs/ja/a.md:8"]
