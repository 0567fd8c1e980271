import markdown

from policydocs.extensions import urltext


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", urltext.makeExtension()])


def test_only_links_whose_words_are_their_address_are_marked() -> None:
    assert render("<https://www.soumu.go.jp/a.html>") == (
        '<p><a class="url-text" href="https://www.soumu.go.jp/a.html">'
        'https://www.soumu.go.jp/a.html</a></p>')
    assert render("[the press release](https://www.soumu.go.jp/a.html)") == (
        '<p><a href="https://www.soumu.go.jp/a.html">the press release</a></p>')
    assert render("[https://x.example/ *and more*](https://x.example/)") == (
        '<p><a href="https://x.example/">https://x.example/ <em>and more</em></a></p>')
    assert 'class="note url-text"' in render("[https://x.example/](https://x.example/){: .note }")
