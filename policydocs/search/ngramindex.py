"""The concordance's own index: character bigrams of every unit pair's text, in pieces a
browser loads only as a query needs them, so that what a first query downloads does not
grow with the collection (docs/assets/javascripts/concordance.js reads it).

Why not Pagefind, which the site search uses: measured on the benchmark's corpus of 1,000
documents per language (23,000 pairs), a Pagefind bundle of one record per pair makes a first
query download its metadata file of every record (205 KiB, ten times the 100-document
figure), a whole word's postings in one chunk (1.1 MiB for "trust"), and, for a phrase,
one fragment per candidate it must check (1,013 requests for 信頼性のある自由なデータ流通).

The layout, under ``concordance/data/``:

- ``index.json``: the sizes below, and how many records there are;
- ``records/<k>.json``: records ``k * CHUNK`` to ``(k + 1) * CHUNK - 1``, in the collection's
  order (documents, then units), with the titles and dates of their documents;
- ``<lang>/dict/<d>.json``: for each bigram of that language's texts, how many records hold
  it and which windows (runs of ``WINDOW`` records) do; a bigram's file is its hash modulo
  the number of files;
- ``<lang>/post/<w>/<s>.json``: the records of window ``w`` that hold each bigram (as gaps
  from the window's start), a bigram's file again chosen by its hash.

The filters' files (``sections/``, ``translations.json``) sit beside these; they are written
by ``policydocs.search.concordancefilters``.

A query is cut into the same bigrams (``key`` and ``grams``, mirrored in the script); the
windows where all of them occur are read in order, a few of the rarest bigrams' postings
intersected, and the candidates' records held against the matching rule. The bigrams are
of the text with spaces and hyphens taken out, so every text the rule matches is found
("multi-stakeholder" in "multistakeholder", "デジタル ID" in "デジタルID").

    python -m policydocs.search.ngramindex records.json output-folder
"""
from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

LANGUAGES = ("ja", "en")
WINDOW = 1024  # records per window: a window's postings of one bigram are one small list
CHUNK = 8  # records per records file: a hit's neighbours in its document come with it
FILE_BYTES = 4096  # the size dictionary and postings files aim at
_DROP = re.compile(r"[\s\u2010-\u2015\u2212\-]")


def key(text: str) -> str:
    """The text as the index cuts it: each character NFKC and lower case (as the script
    does it, one character at a time), without spaces or hyphens."""
    return "".join(_DROP.sub("", unicodedata.normalize("NFKC", ch).lower()) for ch in text)


def grams(text: str) -> list[str]:
    """The distinct bigrams of ``key(text)``, in order of first occurrence."""
    k = key(text)
    return list(dict.fromkeys(k[i:i + 2] for i in range(len(k) - 1)))


def bucket(gram: str, buckets: int) -> int:
    """FNV-1a over the code points, modulo ``buckets`` (the script computes the same)."""
    h = 2166136261
    for ch in gram:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h % buckets


def postings(texts: list[str]) -> dict[str, list[int]]:
    """Bigram -> the records (indexes of ``texts``) that hold it, ascending."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        for gram in grams(text):
            out[gram].append(i)
    return out


def _files(total_bytes: int) -> int:
    return max(1, math.ceil(total_bytes / FILE_BYTES))


def _dump(path: Path, data) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _gaps(ids: list[int], start: int) -> list[int]:
    return [b - a for a, b in zip([start - 1, *ids], ids)]  # the first is id - start + 1


def write_language(texts: list[str], folder: Path) -> dict[str, int]:
    """One language's dictionary and postings; returns their file counts."""
    lists = postings(texts)
    split_ids: dict[str, dict[int, list[int]]] = {}
    for g, ids in lists.items():
        split_ids[g] = defaultdict(list)
        for i in ids:
            split_ids[g][i // WINDOW].append(i)
    entries = {g: [len(ids), list(split_ids[g])] for g, ids in lists.items()}
    dict_files = _files(len(json.dumps(entries, ensure_ascii=False)))
    shards: dict[int, dict] = defaultdict(dict)
    for g, entry in entries.items():
        shards[bucket(g, dict_files)][g] = entry
    for d, shard in shards.items():
        _dump(folder / "dict" / f"{d}.json", shard)
    by_window: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for g, per_window in split_ids.items():
        for w, ids in per_window.items():
            by_window[w][g] = _gaps(ids, w * WINDOW)
    sizes = [len(json.dumps(p)) for p in by_window.values()]
    post_files = _files(max(sizes, default=0))
    for w, grams_of in by_window.items():
        split: dict[int, dict] = defaultdict(dict)
        for g, gaps in grams_of.items():
            split[bucket(g, post_files)][g] = gaps
        for s, part in split.items():
            _dump(folder / "post" / str(w) / f"{s}.json", part)
    return {"dict": dict_files, "post": post_files}


def write_records(records: list[dict], folder: Path) -> None:
    """The records in files of ``CHUNK``, each with its documents' titles and date."""
    for k in range(0, len(records), CHUNK):
        part = records[k:k + CHUNK]
        documents = {r["document"]: [r["title"]["ja"], r["title"]["en"], r["date"]] for r in part}
        rows = [[r["document"], r["page"], r["unit"], r["translation"], r["text"]["ja"],
                 r["text"]["en"], r["url"]["ja"], r["url"]["en"]] for r in part]
        _dump(folder / "records" / f"{k // CHUNK}.json", {"documents": documents, "records": rows})


def write(records: list[dict], folder: Path) -> dict:
    """The whole index of ``records`` (``Record`` as dicts, in order) in ``folder``."""
    sizes = {lang: write_language([r["text"][lang] for r in records], folder / lang)
             for lang in LANGUAGES}
    write_records(records, folder)
    manifest = {"version": 1, "records": len(records), "window": WINDOW, "chunk": CHUNK,
                "languages": sizes}
    _dump(folder / "index.json", manifest)
    return manifest


def candidates(folder: Path, language: str, query: str) -> list[int]:
    """The records a query's bigrams all occur in, read from the files as the script reads
    them (for tests and for looking into an index)."""
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    sizes, out = manifest["languages"][language], []
    wanted = grams(query)
    if not wanted:
        return out
    entries = []
    for g in wanted:
        shard = folder / language / "dict" / f"{bucket(g, sizes['dict'])}.json"
        entry = json.loads(shard.read_text(encoding="utf-8")).get(g) if shard.exists() else None
        if entry is None:
            return out
        entries.append(entry)
    for w in sorted(set.intersection(*(set(e[1]) for e in entries))):
        lists = []
        for g in wanted:
            path = folder / language / "post" / str(w) / f"{bucket(g, sizes['post'])}.json"
            gaps = json.loads(path.read_text(encoding="utf-8"))[g]
            ids, at = [], w * manifest["window"] - 1
            for gap in gaps:
                at += gap
                ids.append(at)
            lists.append(set(ids))
        out += sorted(set.intersection(*lists))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m policydocs.search.ngramindex records.json output-folder",
              file=sys.stderr)
        return 2
    records = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    manifest = write(records, Path(argv[1]))
    print(f"{manifest['records']} records indexed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
