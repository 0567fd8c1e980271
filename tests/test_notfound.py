from pathlib import Path

from policydocs.site.notfound import NotFoundPages


def test_each_language_keeps_its_own_404(tmp_path: Path) -> None:
    pages = NotFoundPages()
    (tmp_path / "404.html").write_text("ja page")
    pages.after_language_build(tmp_path, "ja", "ja")
    (tmp_path / "404.html").write_text("en page")  # the English pass overwrites it
    pages.after_language_build(tmp_path, "en", "ja")
    assert (tmp_path / "404.html").read_text() == "ja page"
    assert (tmp_path / "en" / "404.html").read_text() == "en page"
