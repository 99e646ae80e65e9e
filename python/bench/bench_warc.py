"""WARC import (`wenku import`) vs warcio's own iteration, on one multi-megabyte WARC
built with warcio from a bench corpus (one `response` record per file, gzipped per
record, as crawlers write them).

    python python/bench/bench_warc.py [CORPUS_DIR] [--wenku PATH] [--runs N]

Without CORPUS_DIR (or when it is absent) the WARC is built from generated pages.
Three figures: warcio's iteration (read every response and its decoded payload),
wenku's reader doing the same (the package's `_read_web_archive`, nothing stored), and
the whole `wenku import` (read, hash, deduplicate, compress, write durably). Needs the
package built with `maturin develop --release`. The README quotes a run.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def pages(corpus: Path):
    if corpus and corpus.is_dir():
        for f in sorted(p for p in corpus.rglob("*") if p.is_file()):
            yield f.relative_to(corpus).as_posix(), f.read_bytes()
    else:
        for i in range(6000):
            yield f"gen/{i}.html", ("<html><body><p>" + "生成的新聞頁面。" * (50 + i % 200) + "</p></body></html>").encode()


def build_warc(corpus: Path, out: Path) -> int:
    n = 0
    with open(out, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for name, data in pages(corpus):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data)))], protocol="HTTP/1.1"
            )
            rec = w.create_warc_record(f"http://bench.example/{name}", "response", payload=io.BytesIO(data), http_headers=headers)
            w.write_record(rec)
            n += 1
    return n


def warcio_iterate(path: Path) -> int:
    """What a Python pipeline does with warcio: every response's decoded payload."""
    n = 0
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type == "response":
                rec.content_stream().read()
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="/work/bench/hkcnews-6000")
    ap.add_argument("--wenku", default=shutil.which("wenku") or "target/release/wenku")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wenku-bench-warc-"))
    try:
        warc = tmp / "bench.warc.gz"
        n = build_warc(Path(args.corpus), warc)
        size = warc.stat().st_size
        print(f"WARC: {n} response records, {size / 1e6:.1f} MB gzipped ({args.corpus})")
        import wenku._wenku as native

        best_warcio = best_wenku = best_wenku1 = best_parse = float("inf")
        for run in range(args.runs):
            t = time.perf_counter()
            assert warcio_iterate(warc) == n
            best_warcio = min(best_warcio, time.perf_counter() - t)
            t = time.perf_counter()
            docs, _, bad = native._read_web_archive(str(warc))
            assert (docs, bad) == (n, 0), (docs, bad)
            best_parse = min(best_parse, time.perf_counter() - t)
            for jobs, slot in (("2", "all"), ("1", "one")):
                archive = tmp / f"a{run}{jobs}"
                t = time.perf_counter()
                subprocess.run([args.wenku, "-q", "-A", str(archive), "import", "--jobs", jobs, str(warc)], check=True)
                dt = time.perf_counter() - t
                if slot == "all":
                    best_wenku = min(best_wenku, dt)
                else:
                    best_wenku1 = min(best_wenku1, dt)
                shutil.rmtree(archive)
        print(f"warcio iteration (read + decode every payload, 1 core): {best_warcio:.2f} s, {n / best_warcio:.0f} records/s")
        print(f"wenku's WARC reader alone (same work as the warcio loop, 1 core): {best_parse:.2f} s, {n / best_parse:.0f} records/s; {best_warcio / best_parse:.2f}x warcio's speed")
        print(f"wenku import --jobs 1 (parse + store, compressed, durable): {best_wenku1:.2f} s, {n / best_wenku1:.0f} records/s")
        print(f"wenku import --jobs 2: {best_wenku:.2f} s, {n / best_wenku:.0f} records/s")
        print(f"ratio warcio time / wenku time: jobs 1 {best_warcio / best_wenku1:.2f}x, jobs 2 {best_warcio / best_wenku:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
