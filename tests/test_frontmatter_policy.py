from pathlib import Path

import pytest
from helpers import build_project, copy_project

from policydocs import checks, corpus, frontmatter


def write(docs: Path, rel: str, text: str | bytes) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def validate(tmp_path: Path, front: str) -> list[str]:
    write(tmp_path / "docs", "ja/a.md", f"---\n{front}---\n\n# x\n")
    page = corpus.scan(tmp_path / "docs").page("ja", "a.md")
    return [str(p) for p in frontmatter.validate(page)]


def test_each_violation_names_field_line_and_expectation(tmp_path: Path) -> None:
    got = validate(tmp_path, "title: x\ndocument: d\nlanguage: en\ndate: 2024/2/27\nissuer: MIC\n"
                             "translation: partial\ncolour: red\n")
    assert got == [
        "docs/ja/a.md:5: field 'date': expected YYYY-MM-DD, got '2024/2/27'",
        "docs/ja/a.md:7: field 'translation': expected one of official, unofficial, none, got 'partial'",
        "docs/ja/a.md:8: field 'colour': unknown field; known fields: title, document, source, "
        "language, date, issuer, url, translation, counterpart, origin, part, pillars",
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


@pytest.mark.parametrize("line, message", [
    ('<script>alert(1)</script>', "raw <script> is not allowed in content pages"),
    ('<iframe src="https://x.example/"></iframe>', "raw <iframe> is not allowed"),
    ('<OBJECT data="x"></OBJECT>', "raw <object> is not allowed"),
    ('<embed src="x">', "raw <embed> is not allowed"),
    ('<span onclick="steal()">x</span>', "inline event handler 'onclick=' is not allowed"),
    ('[x](javascript:alert(1))', "'javascript:' URL is not allowed"),
    ('[x](VBScript:msgbox)', "'vbscript:' URL is not allowed"),
    ('<a href="data:text/html,x">x</a>', "'data:' URL is not allowed"),
])
def test_content_policy(tmp_path: Path, line: str, message: str) -> None:
    docs = tmp_path / "docs"
    write(docs, "ja/a.md", f"---\ntitle: a\n---\n\n{line}\n")
    write(docs, "en/a.md", "---\ntitle: a\n---\n\ntext\n")
    got = [str(p) for p in checks.check(corpus.scan(docs), "ja", set())]
    assert len(got) == 1 and got[0].startswith("docs/ja/a.md:5: ") and message in got[0]


def test_code_may_show_forbidden_markup(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "ja/a.md", "---\ntitle: a\n---\n\nUse `<script>` never.\n\n```\n<iframe>\n```\n")
    write(docs, "en/a.md", "---\ntitle: a\n---\n\ntext\n")
    assert checks.check(corpus.scan(docs), "ja", set()) == []


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
                    "raw <script> is not allowed in content pages"):
        assert any(where in line and message in line for line in log.splitlines()), (message, log)


def test_unreadable_page_stops_the_build_without_a_traceback(project: Path) -> None:
    (project / "docs" / "ja" / "index.md").write_bytes("---\ntitle: x\n---\n\n".encode() +
                                                     "日本語".encode("shift_jis"))
    done = build(project)
    log = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in log
    assert "docs/ja/index.md:5: not valid UTF-8; save the page as UTF-8" in log
