"""Build benchmark: the same synthetic corpus built with the project's hooks on and off, for
N = 100 and N = 1000 documents per language, runs alternating, printing median wall time,
peak memory, the on/off ratio, the growth from 100 to 1000, and how many times the corpus
was scanned per build. It also prints the CPU time of each build (the process and the
processes it waited for, such as Pagefind), which leaves out the time a build waits for a
busy machine; it varies a little less than wall time from one build to the next, not much
(the machine's own speed varies too). The targets are stated in wall time.

    .venv/bin/python benchmarks/build_bench.py [--sizes 100,1000] [--runs 3] [--per-section 25]

"on" is the project as configured; "on, no search index" leaves out the Pagefind step (to
show where the time goes); "off" removes every hook and the project's Markdown extensions;
"anchor" is what a user would build instead: plain Material, mkdocs-static-i18n and
Material's built-in search, without the project's hooks, extensions, templates or assets.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import generate  # noqa: E402

VARIANTS = ("on", "on, no search index", "off", "anchor")


def variant_config(base: str, variant: str) -> str:
    if variant == "anchor":
        # What a user would pick instead: plain Material with mkdocs-static-i18n and
        # Material's built-in search plugin (its default), none of the project's hooks,
        # extensions, templates, stylesheets or scripts.
        base = variant_config(base, "off")
        base = re.sub(r"\n  custom_dir: .*", "", base)
        base = re.sub(r"\nextra_(css|javascript):\n(  - .*\n)+", "\n", base)
        base = base.replace("reconfigure_search: false", "reconfigure_search: true")
        return base.replace("\nplugins:\n", "\nplugins:\n  - search\n", 1)
    if variant == "off":
        base = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", base)
        return re.sub(r"\n  - policydocs\.\w+.*", "", base)
    if variant == "on, no search index":
        return base.replace("  - hooks/search_index.py\n", "")
    return base


def build(project: Path, config: Path) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS in MiB, CPU seconds and log of one build in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(config),
                                 "-d", str(project / "site")], cwd=project, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        log.seek(0)
        text = log.read()
    if status != 0:
        raise SystemExit(f"build failed:\n{text[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-section", type=int, default=0,
                        help="documents per nav section (0: all in one folder)")
    args = parser.parse_args()
    medians: dict[tuple[int, str], float] = {}
    for n in [int(s) for s in args.sizes.split(",")]:
        project = generate(Path(tempfile.mkdtemp()) / f"corpus-{n}", n, args.per_section)
        base = (project / "mkdocs.yml").read_text(encoding="utf-8")
        configs = {}
        for variant in VARIANTS:
            configs[variant] = project / f"mkdocs-{variant.replace(', ', '-').replace(' ', '-')}.yml"
            configs[variant].write_text(variant_config(base, variant), encoding="utf-8")
        times: dict[str, list[float]] = {v: [] for v in VARIANTS}
        memory: dict[str, list[float]] = {v: [] for v in VARIANTS}
        cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
        scans = set()
        for run in range(args.runs):  # alternate the variants: a noisy machine hits all alike
            for variant in VARIANTS:
                elapsed, rss, cpu_s, log = build(project, configs[variant])
                times[variant].append(elapsed)
                memory[variant].append(rss)
                cpu[variant].append(cpu_s)
                found = re.search(r"corpus scans in this build: (\d+) \((\d+) pages", log)
                if found:
                    scans.add((int(found.group(1)), int(found.group(2))))
                print(f"  N={n} run {run + 1} {variant:<22} {elapsed:7.2f} s {rss:7.0f} MiB"
                      f"   CPU {cpu_s:7.2f} s", flush=True)
        for variant in VARIANTS:
            medians[(n, variant)] = statistics.median(times[variant])
            print(f"N={n:<5} {variant:<22} median {medians[(n, variant)]:7.2f} s   peak "
                  f"{max(memory[variant]):6.0f} MiB   CPU {statistics.median(cpu[variant]):7.2f} s")
        off = medians[(n, "off")]
        print(f"N={n:<5} hooks on / off: {medians[(n, 'on')] / off:.3f}   "
              f"(without the search index: {medians[(n, 'on, no search index')] / off:.3f})")
        cpu_off = statistics.median(cpu["off"])
        print(f"N={n:<5} CPU time on / off: {statistics.median(cpu['on']) / cpu_off:.3f}   "
              f"(without the search index: "
              f"{statistics.median(cpu['on, no search index']) / cpu_off:.3f})")
        anchor = medians[(n, "anchor")]
        print(f"N={n:<5} project / anchor: {medians[(n, 'on')] / anchor:.3f}   "
              f"(CPU time: {statistics.median(cpu['on']) / statistics.median(cpu['anchor']):.3f})")
        print(f"N={n:<5} corpus scans per build: {sorted(scans)}  (scans, pages)")
    sizes = sorted({n for n, _ in medians})
    if len(sizes) == 2:
        small, large = sizes
        for variant in VARIANTS:
            print(f"growth {large}/{small} ({variant}): "
                  f"{medians[(large, variant)] / medians[(small, variant)]:.2f}")


if __name__ == "__main__":
    main()
