"""Python-side figures: the per-record cost of `Pipeline.apply_batch` over the same
pipeline run in-process in Rust, and the Ray pipeline with 1 and 2 workers vs `wenku
export` on the news pages.

    python python/bench/bench_python.py [CORPUS_DIR] --bin-dir target/release [--runs N]

Needs the release `wenku`, the plugin libraries beside it, and the package installed
with `maturin develop --release` (or `pip install ./python`). Workers run one Rust
thread each (RAYON_NUM_THREADS=1) so "1 worker" is one core.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLUGINS = ["encoding-repair", "spam-trim", "script-convert"]


def best(fn, runs):
    b = float("inf")
    out = None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        b = min(b, time.perf_counter() - t)
    return b, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="/work/bench/hkcnews-6000")
    ap.add_argument("--bin-dir", default="target/release")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    bin_dir = Path(args.bin_dir).resolve()
    wenku_bin = str(bin_dir / "wenku")
    env = dict(os.environ, WENKU_PLUGIN_PATH=str(bin_dir))
    os.environ["WENKU_PLUGIN_PATH"] = str(bin_dir)
    import wenku

    corpus = Path(args.corpus)
    tmp = Path(tempfile.mkdtemp(prefix="wenku-bench-py-"))
    try:
        if not corpus.is_dir():
            corpus = tmp / "gen"
            for i in range(3000):
                (corpus / str(i % 10)).mkdir(parents=True, exist_ok=True)
                (corpus / str(i % 10) / f"{i}.html").write_text("<p>" + "新聞頁面。" * (100 + i % 300) + "</p>", encoding="utf-8")
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        inputs = [f.read_bytes() for f in files]
        mb = sum(map(len, inputs)) / 1e6
        print(f"corpus: {len(inputs)} files, {mb:.1f} MB ({corpus})")

        # 1. apply_batch vs the same pipeline in-process in Rust (same threads).
        p = wenku.Pipeline(PLUGINS)
        for threads in ("1", "2"):
            if threads == "1":
                py_run = lambda: [p.apply(x) for x in inputs]  # noqa: E731
                what = "Pipeline.apply in a Python loop"
            else:
                py_run = lambda: p.apply_batch(inputs)  # noqa: E731
                what = "Pipeline.apply_batch"
            # Interleaved, best of each: the machine's load drifts less between them.
            t_rust = t_py = float("inf")
            for _ in range(args.runs + 2):
                t_rust = min(t_rust, best(lambda: p._inner._time_native(inputs, threads == "2"), 1)[0])
                t_py = min(t_py, best(py_run, 1)[0])
            over = (t_py - t_rust) / len(inputs) * 1e6
            print(
                f"{what} ({threads} thread{'s' if threads == '2' else ''}): {t_py:.3f} s vs Rust in-process {t_rust:.3f} s; "
                f"{over:.1f} µs per record overhead ({t_py / t_rust:.3f}x)"
            )

        # 2. Ray 1 and 2 workers vs wenku export. Two archives (one per half of the
        # files: the one-directory-per-shard layout) so two workers read in parallel.
        halves = [tmp / "half0", tmp / "half1"]
        for i, h in enumerate(halves):
            for f in files[i::2]:
                dst = h / f.relative_to(corpus)
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, dst)
        archives = []
        for i, h in enumerate(halves):
            a = tmp / f"archive{i}.wenku"
            subprocess.run([wenku_bin, "-q", "-A", str(a), "import", str(h)], check=True, env=env)
            for pl in PLUGINS:
                subprocess.run([wenku_bin, "-q", "-A", str(a), "plugin", "enable", pl], check=True, env=env)
            archives.append(a)

        def export(jobs):
            for i, a in enumerate(archives):
                out = tmp / f"export{i}.jsonl"
                subprocess.run(
                    [wenku_bin, "-q", "-A", str(a), "export", "--format", "jsonl", "--force", "--jobs", jobs, "--out", str(out)],
                    check=True,
                    env=env,
                )
            return sum(len(open(tmp / f"export{i}.jsonl", encoding="utf-8").readlines()) for i in range(2))

        t_exp1, n = best(lambda: export("1"), args.runs)
        t_exp2, _ = best(lambda: export("2"), args.runs)
        print(f"wenku export --jobs 1 (both archives, one after the other): {t_exp1:.2f} s, {n / t_exp1:.0f} records/s")
        print(f"wenku export --jobs 2: {t_exp2:.2f} s, {n / t_exp2:.0f} records/s")

        import ray
        import wenku.ray

        # The whole corpus in one archive too, read by two shard tasks at once.
        whole = tmp / "whole.wenku"
        subprocess.run([wenku_bin, "-q", "-A", str(whole), "import", *map(str, halves)], check=True, env=env)
        for pl in PLUGINS:
            subprocess.run([wenku_bin, "-q", "-A", str(whole), "plugin", "enable", pl], check=True, env=env)

        configs = [
            (1, archives, 1, "2 archives"),
            (2, archives, 1, "2 archives"),
            (2, [whole], 2, "1 archive, shards=2"),
        ]
        for workers, paths, shards, what in configs:
            ray.init(
                num_cpus=workers,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
                runtime_env={"env_vars": {"RAYON_NUM_THREADS": "1", "WENKU_PLUGIN_PATH": str(bin_dir)}},
            )
            try:
                # A first run starts the workers; the timed runs follow.
                wenku.ray.clean([str(a) for a in paths], shards=shards).count()

                def run():
                    out = tmp / f"ray{workers}"
                    shutil.rmtree(out, ignore_errors=True)
                    wenku.ray.clean([str(a) for a in paths], shards=shards, output=str(out), format="parquet")
                    import pyarrow.parquet as pq

                    return pq.read_table(str(out)).num_rows

                t_ray, rows = best(run, args.runs)
                assert rows == n, (rows, n)
                print(
                    f"Ray, {workers} worker{'s' if workers > 1 else ''} ({what} -> Parquet): {t_ray:.2f} s, "
                    f"{rows / t_ray:.0f} records/s; vs wenku export --jobs {workers}: "
                    f"{(t_exp1 if workers == 1 else t_exp2) / t_ray:.2f}x"
                )
            finally:
                ray.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
