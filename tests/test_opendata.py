"""Open data as its consumers read it: the documents' JSON files against their JSON Schema
(jsonschema), the Atom feeds through feedparser, on the real corpus and a small fixture."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import jsonschema
import pytest
from helpers import ROOT

from policydocs.pages import corpus
from policydocs.site import feeds, opendata, parity, tmexport

SCHEMA = json.loads(opendata.SCHEMA.read_text(encoding="utf-8"))
WHERE = opendata.Addresses("https://example.org/archive/", "ja")
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def real() -> corpus.Corpus:
    return corpus.scan(ROOT / "docs")


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_document_file_follows_the_schema(real) -> None:
    documents = opendata.documents(real, tmexport.pairs(parity.compare(real)), WHERE)
    assert sorted(documents) == ["dialogues/japan-us-dde-14",
                                 "partnerships/japan-uk-digital-partnership",
                                 "white-papers/2013-bilateral-policy",
                                 "white-papers/2020-ict-international-strategy"]
    for document, data in documents.items():
        VALIDATOR.validate(json.loads(opendata.dumps(data)))
        assert data["units"], document
    uk = documents["partnerships/japan-uk-digital-partnership"]
    p6a = next(u for u in uk["units"] if u["id"] == "p-6-a")
    assert p6a["label"] == {"ja": "「概要」第6(a)項", "en": "“SUMMARY”, paragraph 6(a)"}
    assert p6a["url"]["en"] == ("https://example.org/archive/en/partnerships/"
                                "japan-uk-digital-partnership/#p-6-a")
    assert uk["original"] == {"ja": None, "en": None} and uk["translation"] == "official"
    dde = documents["dialogues/japan-us-dde-14"]
    assert dde["original"]["ja"].startswith("https://www.soumu.go.jp/")
    assert dde["translation"] == "unofficial"
    parts = documents["white-papers/2020-ict-international-strategy"]["pages"]["ja"]
    assert parts[0].endswith("/2020-ict-international-strategy/") and len(parts) == 3


def test_a_file_missing_a_field_or_with_a_bad_url_is_refused(real) -> None:
    data = opendata.documents(real, tmexport.pairs(parity.compare(real)), WHERE)["dialogues/japan-us-dde-14"]
    broken = {**data, "units": [{**data["units"][0], "url": {"ja": "javascript:x", "en": "x"}}]}
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(broken)
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate({k: v for k, v in data.items() if k != "units"})


def write(docs: Path, rel: str, text: str) -> None:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_feeds_parse_as_atom_with_dates_newest_first(tmp_path: Path, real) -> None:
    for language in ("ja", "en"):
        parsed = feedparser.parse(feeds.atom(real, language, "Archive", WHERE))
        assert not parsed.bozo and parsed.version == "atom10"
        assert parsed.feed.language == language
        assert parsed.feed.links[0].href.endswith(("/archive/feed.xml", "/archive/en/feed.xml"))
        updated = [e.updated_parsed for e in parsed.entries]
        assert len(updated) == 4 and updated == sorted(updated, reverse=True)
        assert all(e.published and e.author and e.summary for e in parsed.entries)
    docs = tmp_path / "docs"
    fm = "---\ntitle: '{t}'\ndocument: {d}\ndate: {date}\n{extra}issuer: 省\ntranslation: official\n---\n\n"
    write(docs, "ja/a.md", fm.format(t="<b>古い</b> & 文書", d="a", date="2020-01-01",
                                     extra="updated: 2025-03-01\n") + "本文。\n{: #p-1 .unit }\n")
    write(docs, "ja/b.md", fm.format(t="新しい文書", d="b", date="2024-01-01", extra=""))
    parsed = feedparser.parse(feeds.atom(corpus.scan(docs), "ja", "Archive", WHERE))
    assert not parsed.bozo
    # a later update puts an older document first; its title is text, escaped, not markup
    assert [e.title for e in parsed.entries] == ["<b>古い</b> & 文書", "新しい文書"]
    first = parsed.entries[0]
    assert (first.published[:10], first.updated[:10]) == ("2020-01-01", "2025-03-01")
    assert first.summary == "本文。" and first.link == "https://example.org/archive/a/"
    assert dt.datetime(*parsed.feed.updated_parsed[:6]).date() == dt.date(2025, 2, 28)  # UTC
