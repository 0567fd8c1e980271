import markdown
import pytest

from policydocs.extensions import abbrtips, prebuilthtml
from policydocs.extensions.prebuilthtml import block, element, markdown_element, text

EXTENSIONS = ["attr_list", "toc", "policydocs.extensions.abbrtips", "policydocs.extensions.prebuilthtml"]


def convert(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def test_a_block_takes_its_place_between_markdown_blocks() -> None:
    items = element("ul", element("li", element("a", text("*A* & <b>"), href="x/")))
    html = convert(f"# Title\n\n{block(items)}\n\nAfter *this*.\n")
    assert html.split("\n") == ['<h1 id="title">Title</h1>', "<ul>",
                                '<li><a href="x/">*A* &amp; &lt;b&gt;</a></li>', "</ul>",
                                "<p>After <em>this</em>.</p>"]


def test_text_is_read_as_markdown_only_where_marked() -> None:
    items = (markdown_element("p", "1\\. *Passage* [^1]") + markdown_element("p", "2\\. Plain.")
             + element("p", text("*as written*")))
    html = convert(block(items))
    assert "<p>1. <em>Passage</em> [^1]</p>" in html
    assert "<p>2. Plain.</p>" in html and "<p>*as written*</p>" in html
    assert "data-markdown" not in html


def test_tree_processors_still_see_the_block() -> None:
    tips = abbrtips.makeExtension(context=abbrtips.AbbrContext(
        (("DFFT", "Data Free Flow with Trust"),)))
    html = markdown.markdown(block(element("p", element("a", "DFFT", href="x/") + " — DFFTの推進")),
                             extensions=["attr_list", "toc", tips, prebuilthtml.makeExtension()])
    assert html == ('<p><a href="x/">DFFT</a> — <abbr title="Data Free Flow with Trust">DFFT'
                    '</abbr>の推進</p>')  # never inside the link, as in any page


def test_a_page_without_the_key_cannot_open_a_block() -> None:
    forged = block(element("p", "x")).replace(prebuilthtml.KEY, "0" * 16)
    html = convert(forged)
    assert "prebuilt" in html and "<p>x</p>" in html  # left to Markdown as raw HTML, as it was
    assert "0" * 16 in html


def test_malformed_html_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="prebuilt HTML block is not well-formed"):
        convert(block("<p>unclosed"))
    with pytest.raises(ValueError, match="no end marker"):
        convert(block("<p>x</p>").rsplit("\n", 1)[0])


def test_each_conversion_starts_with_no_blocks() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    first = md.convert(block(element("p", "one")))
    md.reset()
    second = md.convert(block(element("p", "two")))
    assert (first, second) == ("<p>one</p>", "<p>two</p>")


def test_characters_xml_cannot_hold_show_as_replacement_characters() -> None:
    title = "Title\x07 with a bell\x0b and a form feed\x0c"  # pasted from a PDF, say
    html = convert(block(element("p", element("a", text(title), href="x/\x01"))))
    assert html == '<p><a href="x/\ufffd">Title\ufffd with a bell\ufffd and a form feed\ufffd</a></p>'
