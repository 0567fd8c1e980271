"""The benchmark tools still work: a tiny synthetic corpus has what the generator promises,
and the per-step timer runs over it. (The figures themselves come from running them.)"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from policydocs.pages import corpus
from policydocs.site import parity

sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import generate


def test_generated_corpus_is_aligned_and_filed_in_sections(tmp_path: Path) -> None:
    project = generate(tmp_path / "corpus", 5, per_section=2)
    ja = sorted(p.relative_to(project / "docs" / "ja").as_posix()
                for p in (project / "docs" / "ja" / "docs").rglob("*.md"))
    assert ja == ["docs/s000/d0.md", "docs/s000/d1.md", "docs/s001/d2.md", "docs/s001/d3.md",
                  "docs/s002/d4.md"]
    result = parity.compare(corpus.scan(project / "docs"))
    documents = [pair for rel, pair in result.pairs.items() if rel.startswith("docs/")]
    assert len(documents) == 5 and all(p.comparable and p.aligned for p in documents)
    assert all(not p.unmatched.get("ja") and not p.unmatched.get("en") for p in documents)
    text = (project / "docs" / "ja" / "docs" / "s000" / "d0.md").read_text(encoding="utf-8")
    assert "（DFFT）" in text and "[^4]: <https://" in text and "pillars:" in text


def test_build_steps_times_every_step(tmp_path: Path) -> None:
    project = generate(tmp_path / "corpus", 3)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "build_steps.py"),
                           str(project)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    steps = [line.split("  ")[0] for line in done.stdout.splitlines()]
    assert steps == ["corpus scan", "parity", "glossary", "checks", "stale units",
                     "export: aligned pairs", "export: TMX", "export: JSON Lines", "total"]
    assert "(8 pages," in done.stdout  # three documents and a home page per language


def test_a_corpus_is_made_with_the_code_of_another_revision(tmp_path: Path) -> None:
    from compare_revisions import checkout
    source = checkout("HEAD", tmp_path / "source")
    assert (source / "hooks" / "parallel_reading.py").is_file()
    assert (source / "policydocs" / "site" / "parity.py").is_file() and (source / "mkdocs.yml").is_file()
    project = generate(tmp_path / "corpus", 2, root=source)
    assert (project / "hooks" / "parallel_reading.py").read_bytes() == (
        source / "hooks" / "parallel_reading.py").read_bytes()
    assert "strict: false" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def test_page_costs_times_each_kind_of_page_and_every_hook(tmp_path: Path) -> None:
    project = generate(tmp_path / "corpus", 3)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "page_costs.py"),
                           str(project), "--min-seconds", "0"],  # every event, however fast
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()]
    counts = {(r[0], r[1]): int(r[2]) for r in rows if r[:1] in (["prepare"], ["build"])}
    # 3 documents and a home page, 3 views, 8 generated pages (status, glossary, concordance,
    # pillar overview and four pillars), in each language
    assert counts[("prepare", "document")] == counts[("build", "document")] == 8
    assert counts[("prepare", "side-by-side")] == 6 and counts[("prepare", "generated")] == 16
    assert "files: hooks/parallel_reading.py.on_files" in done.stdout


def test_every_build_variant_builds_a_tiny_corpus(tmp_path: Path) -> None:
    """The benchmark's variants stay buildable: "off" and "anchor" run without the hooks,
    so a template that needs what a hook gives must do without it."""
    import build_bench

    project = generate(tmp_path / "corpus", 3)
    base = (project / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = build_bench.variant_config(base, "anchor")
    assert "hooks:" not in anchor and "custom_dir" not in anchor and "extra_css" not in anchor
    assert "\n  - search\n" in anchor and "policydocs." not in anchor
    for variant in build_bench.VARIANTS:
        config = project / f"mkdocs-{variant.replace(', ', '-').replace(' ', '-')}.yml"
        config.write_text(build_bench.variant_config(base, variant), encoding="utf-8")
        build_bench.build(project, config)  # raises SystemExit with the log if it fails
    assert (project / "site" / "search" / "search_index.json").exists()  # the anchor's, last
