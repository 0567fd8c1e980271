from pathlib import Path

import pytest
from helpers import ROOT, build_project, copy_project

from policydocs.pages import corpus, frontmatter


def write(docs: Path, rel: str, text: str | bytes) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _theme() -> frontmatter.Theme:
    import material
    return frontmatter.Theme((ROOT / "overrides", Path(material.__file__).parent / "templates"))


THEME = _theme()


def validate(tmp_path: Path, front: str, theme: frontmatter.Theme = frontmatter.Theme()
             ) -> list[str]:
    write(tmp_path / "docs", "ja/a.md", f"---\n{front}---\n\n# x\n")
    page = corpus.scan(tmp_path / "docs").page("ja", "a.md")
    return [str(p) for p in frontmatter.validate(page, theme)]


def test_each_violation_names_field_line_and_expectation(tmp_path: Path) -> None:
    got = validate(tmp_path, "title: x\ndocument: d\nlanguage: en\ndate: 2024/2/27\nissuer: MIC\n"
                             "translation: partial\ncolour: red\n")
    assert got == [
        "docs/ja/a.md:5: field 'date': expected YYYY-MM-DD, got '2024/2/27'",
        "docs/ja/a.md:7: field 'translation': expected one of official, unofficial, none, got 'partial'",
        "docs/ja/a.md:8: field 'colour': unknown field; known fields: title, document, source, "
        "language, date, updated, issuer, url, translation, counterpart, origin, part, pillars, "
        "description, subtitle, tags, hide, search, template, icon, status",
        "docs/ja/a.md:4: field 'language': the page is in docs/ja/ but says 'en'"]


def test_document_pages_need_their_metadata(tmp_path: Path) -> None:
    assert validate(tmp_path, "title: x\ndocument: d\n") == [
        f"docs/ja/a.md:1: field '{k}' is required on a document page"
        for k in ("language", "date", "issuer", "translation")]


def test_malformed_yaml_and_non_utf8_are_unreadable_not_tracebacks(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "ja/a.md", "---\ntitle: [unclosed\n---\n\n# x\n")
    write(docs, "ja/b.md", "---\ntitle: b\n---\n\n".encode() + "日本".encode("shift_jis"))
    scanned = corpus.scan(docs)
    assert [str(p).split(":")[0:2] for p in scanned.unreadable] == [["docs/ja/a.md", "3"],
                                                                    ["docs/ja/b.md", "5"]]


@pytest.mark.parametrize("front, message", [
    ('title: "X</title><script>alert(1)</script>"\n', "field 'title': expected plain text, "
     "but it holds an HTML tag"),
    ('title: "&lt;b&gt;x"\n', "holds an HTML character reference"),
    ('title: x\ndescription: "[c](javascript:alert(1))"\n', "field 'description': expected "
     "plain text, but it holds a Markdown link"),
    ("title: x\nsubtitle: \"<img src=x onerror=alert(1)>\"\n", "field 'subtitle'"),
    ("title: x\ntags: [a, '<b>']\n", "field 'tags': expected a list of plain texts"),
    ("title: x\npillars: {data: '<img src=x>'}\n", "field 'pillars': expected reasons in plain"),
    ("title: x\ntemplate: nothing.html\n", "field 'template': expected the name of a template"),
    ("title: x\ntemplate: ../../etc/passwd\n", "field 'template'"),
    ("title: x\nicon: material/no-such-icon\n", "field 'icon': expected the name of an icon"),
    ("title: x\nhide: [navigation, sidebar]\n", "field 'hide': expected a list of navigation"),
    ("title: x\nsearch: {exclude: maybe}\n", "field 'search'"),
    ("title: x\nstatus: new\n", "no page statuses are configured"),
])
def test_fields_the_theme_prints_or_acts_on(tmp_path: Path, front: str, message: str) -> None:
    got = validate(tmp_path, front, THEME)
    assert len(got) == 1 and message in got[0], got


def test_fields_the_theme_offers_are_accepted(tmp_path: Path) -> None:
    assert validate(tmp_path, "title: R&D \"quoted\" 1 < 2\ntemplate: main.html\n"
                              "icon: material/file-document\nhide: [toc, footer]\n"
                              "search: {exclude: true}\n", THEME) == []


def test_a_template_or_icon_that_does_not_exist_is_dropped_before_rendering() -> None:
    meta = {"title": "x", "template": "nothing.html", "icon": "material/file-document"}
    assert frontmatter.unsafe_to_render(meta, THEME) == ["template"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project to break on purpose."""
    return copy_project(tmp_path)


def build(project: Path):
    return build_project(project)


def test_broken_pages_fail_the_strict_build_with_file_and_line(project: Path) -> None:
    page = project / "docs" / "ja" / "partnerships" / "japan-uk-digital-partnership.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("date: 2022-12-07", "date: 2022/12/7").replace(
        "{: #p-9 .unit }", "{: #p-99 .unit }").replace("{: #p-10 .unit }", "{: #p-10 .unit }\n\n"
                                                       "未定義の注[^77]。<script>x()</script>\n{: #p-10-x .unit }")
    page.write_text(text, encoding="utf-8")
    done = build(project)
    log = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in log
    where = "docs/ja/partnerships/japan-uk-digital-partnership.md"
    for message in ("field 'date': expected YYYY-MM-DD, got '2022/12/7'",
                    "unit 'p-99' has no counterpart in docs/en/partnerships/japan-uk-digital-partnership.md",
                    "footnote reference [^77] has no definition",
                    "element <script> is not allowed in content"):
        assert any(where in line and message in line for line in log.splitlines()), (message, log)


def test_unreadable_page_stops_the_build_without_a_traceback(project: Path) -> None:
    (project / "docs" / "ja" / "index.md").write_bytes("---\ntitle: x\n---\n\n".encode() +
                                                     "日本語".encode("shift_jis"))
    done = build(project)
    log = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in log
    assert "docs/ja/index.md:5: not valid UTF-8 (byte 18); save the page as UTF-8" in log
