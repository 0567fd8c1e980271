from pathlib import Path

import pytest
from helpers import ROOT, generated_html

from policydocs.core.errors import ContentError
from policydocs.pages import corpus
from policydocs.site import pillars

REGISTRY = pillars.load_registry(ROOT / "data" / "pillars.yml")


def test_project_registry_has_the_four_pillars_in_order() -> None:
    assert [p.id for p in REGISTRY] == ["infrastructure", "data", "regulation", "transformation"]
    assert REGISTRY[1].name == {"ja": "データ", "en": "Data"}


def test_registry_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "pillars.yml"
    path.write_text("pillars:\n  - id: data\n    name: {ja: データ}\n    description: {ja: a, en: b}\n")
    with pytest.raises(ContentError, match=r"pillars.yml:3: pillar 'data': 'name' needs 'ja' and 'en'"):
        pillars.load_registry(path)


def write(docs: Path, rel: str, text: str) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def fixture_site(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    fm = "---\ntitle: {t}\ndocument: {d}\ndate: {date}\nissuer: {i}\ntranslation: {tr}\n{extra}---\n\n"
    write(docs, "ja/b.md", fm.format(t="'後の文書'", d="b", date="2024-01-01", i="総務省", tr="official",
                                     extra="pillars:\n  data: データ流通\n")
          + "## 節 { #s-1 pillars=\"regulation\" why=\"規制\" }\n")
    write(docs, "en/b.md", fm.format(t="No text", d="b", date="2024-01-01", i="MIC", tr="none", extra=""))
    write(docs, "ja/a.md", fm.format(t="'A <&|> 文書'", d="a", date="2020-05-01", i="A & B", tr="official",
                                     extra="pillars: [data]\n")
          + "## 一 { #s-1 }\n\n1\\. 本文。\n{: #p-1 pillars=\"data\" }\n")
    write(docs, "en/a.md", fm.format(t="'A <&|> doc'", d="a", date="2020-05-01", i="A & B", tr="official",
                                     extra="")
          + "## One { #s-1 }\n\n1\\. Text.\n{: #p-1 }\n")
    return docs


def test_tags_from_front_matter_and_attributes_in_date_order(tmp_path: Path) -> None:
    index = pillars.collect(corpus.scan(fixture_site(tmp_path)), REGISTRY)
    assert index.problems == []
    assert [(e.document, e.unit_id) for e in index.entries["data"]] == [
        ("a", None), ("a", "p-1"), ("b", None)]
    assert [(e.document, e.unit_id, e.why) for e in index.entries["regulation"]] == [("b", "s-1", "規制")]
    assert index.unit_pillars["a.md"] == {"p-1": ["data"]}  # the English page shows it too
    assert [p.id for p in pillars.empty_pillars(index)] == ["infrastructure", "transformation"]


def test_unknown_pillar_is_an_error_with_line_and_valid_ids(tmp_path: Path) -> None:
    docs = fixture_site(tmp_path)
    write(docs, "ja/a.md", "---\ntitle: x\npillars:\n  dataa: typo\n---\n\n## 一 { #s-1 pillars=\"infra\" }\n")
    index = pillars.collect(corpus.scan(docs), REGISTRY)
    assert [str(p) for p in index.problems] == [
        f"{docs.name}/ja/a.md:4: unknown pillar 'dataa'; valid pillars: infrastructure, data, "
        "regulation, transformation (data/pillars.yml)",
        f"{docs.name}/ja/a.md:7: unknown pillar 'infra'; valid pillars: infrastructure, data, "
        "regulation, transformation (data/pillars.yml)"]


def test_index_pages_escape_titles_and_mark_japanese_only_passages(tmp_path: Path) -> None:
    index = pillars.collect(corpus.scan(fixture_site(tmp_path)), REGISTRY)
    data = next(p for p in REGISTRY if p.id == "data")
    en = generated_html(pillars.render_pillar(index, data, "en", "ja"))
    assert "<h2>A &lt;&amp;|&gt; doc</h2>\n<p>2020-05-01 · A &amp; B · 1 passage</p>" in en
    assert ('<li><a href="resolved:../../a/">A &lt;&amp;|&gt; doc (whole document)</a>'
            '<p class="pillar-excerpt">Text.</p>') in en
    # a passage by its heading and label, with its first sentence
    assert ('<li><a href="resolved:../../a/#p-1">“One”, paragraph 1</a>'
            '<p class="pillar-excerpt">Text.</p>') in en
    assert ('<li><a href="resolved:../../../b/" lang="ja">後の文書 (whole document)</a> '
            '<span class="only-ja">Japanese only</span></li>') in en
    assert en.index("<h2>A &lt;") < en.index("<h2>No text")  # date order
    ja = generated_html(pillars.render_pillar(index, data, "ja", "ja"))
    assert '<li><a href="resolved:../../b/">後の文書 (文書全体)</a></li>' in ja
    assert "only-ja" not in ja
    for page in (en, ja):  # the editors' reasons are for review, not for readers
        assert "データ流通" not in page.replace("データ流通（DFFT）", "")
    overview = pillars.render_overview(index, "en")
    assert "## [Data](data.md)" in overview and "2 documents · 3 passages" in overview


def test_a_tagged_section_lists_its_subsections_beneath_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    fm = "---\ntitle: 文書\ndocument: c\ndate: 2022-12-07\nissuer: 省\ntranslation: official\n---\n\n"
    write(docs, "ja/c.md", fm + "## 柱 { #s-1 pillars=\"data\" }\n\n"
          "a. 柱の本文。次の文。\n{: #s-1-a .unit }\n\n### 甲 { #s-1-1 }\n\n本文。\n{: #s-1-1-a .unit }\n\n"
          "#### 甲の下 { #s-1-1-1 }\n\n### 乙 { #s-1-2 pillars=\"data\" }\n\n"
          "## 次の節 { #s-2 }\n\n### 丙 { #s-2-1 }\n")
    index = pillars.collect(corpus.scan(docs), REGISTRY)
    data = next(p for p in REGISTRY if p.id == "data")
    ja = generated_html(pillars.render_pillar(index, data, "ja", "ja"))
    assert "<p>2022-12-07 · 省 · 2箇所</p>" in ja
    assert ('<li><a href="resolved:../../c/#s-1">柱</a><p class="pillar-excerpt">柱の本文。</p>'
            '<ul class="pillar-subsections"><li><a href="resolved:../../c/#s-1-1">甲</a></li>'
            '<li><a href="resolved:../../c/#s-1-2">乙</a></li></ul></li>') in ja.replace("\n", "")
    assert ja.count("#s-1-2") == 1  # listed beneath its section, not again on its own
    assert "甲の下" not in ja and "丙" not in ja
