"""Write a synthetic bilingual site for benchmarks: N documents per language, Japanese and
English text of 2-8 KB, numbered paragraphs and items with aligned ids, footnotes with
URLs, acronyms with and without definitions, pillar tags, and a few pages without a
counterpart. The project's own mkdocs.yml, hooks, templates and data are copied beside it.

    .venv/bin/python benchmarks/make_corpus.py /tmp/corpus 100 [documents per section]
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
JA_WORDS = ["デジタル", "データ流通", "信頼性", "国際協力", "標準化", "通信網", "サイバーセキュリティ",
            "人材育成", "政策対話", "経済連携", "海底ケーブル", "半導体", "人工知能", "電子政府"]
JA_GLUE = ["の", "に関する", "を推進する", "と", "における", "を確保する", "について"]
EN_WORDS = ["digital", "data flows", "trust", "cooperation", "standards", "networks", "cyber security",
            "skills", "policy dialogue", "partnership", "submarine cables", "semiconductors",
            "artificial intelligence", "government", "resilience", "innovation"]
ACRONYMS = [("Data Free Flow with Trust", "信頼性のある自由なデータ流通", "DFFT"),
            ("Quantum Key Distribution", "量子鍵配送", "QKD"),
            ("Internet Governance Forum", "インターネット・ガバナンス・フォーラム", "IGF"),
            ("Open Radio Access Network", "オープン無線アクセスネットワーク", "ORAN")]
UNDEFINED = ["ZQX", "WVU"]  # used but defined nowhere: exercises the warnings
PILLARS = ["infrastructure", "data", "regulation", "transformation"]


def sentence(rng: random.Random, lang: str) -> str:
    if lang == "ja":
        parts = [rng.choice(JA_WORDS) + rng.choice(JA_GLUE) for _ in range(rng.randint(3, 6))]
        return "".join(parts) + rng.choice(JA_WORDS) + "を進める。"
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(6, 12))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, lang: str, n: int) -> str:
    return "".join(sentence(rng, lang) + ("" if lang == "ja" else " ") for _ in range(n)).strip()


def document(seed: int, lang: str, paragraphs: int) -> str:
    rng = random.Random(seed * 7919)  # the same structure in both languages
    text_rng = random.Random(seed * 104729 + (0 if lang == "ja" else 1))
    full, ja_name, acr = ACRONYMS[seed % len(ACRONYMS)]
    pillar = PILLARS[seed % len(PILLARS)]
    front = {"title": f"{'文書' if lang == 'ja' else 'Document'} {seed}", "document": f"docs/d{seed}",
             "language": lang, "date": dt.date(2010 + seed % 15, 1 + seed % 9, 10 + seed % 9),
             "issuer": "総務省" if lang == "ja" else "MIC", "translation": "official",
             "counterpart": True, "pillars": {pillar: "synthetic tag"}}
    out = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).strip(), "---", "",
           f"# {front['title']}", ""]
    number, notes = 0, []
    for section in range(1, rng.randint(2, 4) + 1):
        tag = f' pillars="{PILLARS[(seed + section) % 4]}" why="synthetic"' if section == 1 else ""
        out += [f"## {'節' if lang == 'ja' else 'Section'} {section} {{ #s-{section}{tag} }}", ""]
        for _ in range(max(1, paragraphs // 3)):
            number += 1
            body = paragraph(text_rng, lang, rng.randint(2, 5))
            if number == 1:
                body += (f"{ja_name}（{acr}）を推進する。" if lang == "ja" else f" {full} ({acr}) matters.")
            if number % 4 == 0:
                body += f" {acr} {UNDEFINED[seed % 2] if seed % 10 == 0 else acr}"
                notes.append(number)
                body += f"[^{number}]"
            out += [f"{number}\\. {body}", f"{{: #p-{number} .unit }}", ""]
            if rng.random() < 0.3:
                for letter in "ab":
                    out += [f"{letter}. {paragraph(text_rng, lang, 1)}",
                            f"{{: #p-{number}-{letter} .unit .depth-1 }}", ""]
    out += [f"[^{n}]: <https://www.example.go.jp/policy/{seed}/{n}.html>" for n in notes]
    return "\n".join(out) + "\n"


def generate(target: Path, n: int, per_section: int = 0, root: Path = ROOT) -> Path:
    """``per_section`` > 0 files the documents in sections of that many (as a real
    collection is filed by series or year); 0 puts them all in one folder. The code and
    configuration are copied from ``root`` (another checkout, to compare revisions)."""
    if target.exists():
        shutil.rmtree(target)
    for name in ("hooks", "overrides", "data", "policydocs"):
        shutil.copytree(root / name, target / name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nnav:\n")[0] + "\n"  # the generated site uses the automatic nav
    config = config.replace("strict: true", "strict: false")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    for lang in ("ja", "en"):
        docs = target / "docs" / lang
        (docs / "docs").mkdir(parents=True)
        (docs / "index.md").write_text(f"---\ntitle: {'ホーム' if lang == 'ja' else 'Home'}\n---\n\n# Home\n")
        for seed in range(n):
            if lang == "en" and seed % 50 == 49:
                continue  # a few pages without a counterpart
            size = 6 + seed % 18  # 2-8 KB of text
            folder = docs / "docs" / (f"s{seed // per_section:03d}" if per_section else "")
            folder.mkdir(exist_ok=True)
            (folder / f"d{seed}.md").write_text(document(seed, lang, size), encoding="utf-8")
    shutil.copytree(root / "docs" / "assets", target / "docs" / "assets")
    return target


if __name__ == "__main__":
    out = generate(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    sizes = [p.stat().st_size for p in (out / "docs").rglob("d*.md")]
    print(f"{len(sizes)} pages, {min(sizes)}-{max(sizes)} bytes, in {out}")
