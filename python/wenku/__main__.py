"""`python -m wenku`: what the `wenku` command leaves to the Python package — Parquet.

    python -m wenku export -A ARCHIVE --out part-0.parquet --shard 0/4
    python -m wenku import -A ARCHIVE shards/            # Parquet (or JSONL) shard sets

`export` writes the records `wenku export --format jsonl` writes (same selection,
pipeline, shard hash) as Parquet columns id, version, text, metadata (JSON text).
Errors print as `wenku: error: MESSAGE` with exit status 2, as the command does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import wenku


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m wenku")
    ap.add_argument("-A", "--archive", default=os.environ.get("WENKU_ARCHIVE") or ".wenku")
    ap.add_argument("--plugin-dir", action="append", default=[])
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="export records as Parquet (or JSONL)")
    ex.add_argument("--out", required=True)
    ex.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    ex.add_argument("--prefix", default="")
    ex.add_argument("--snapshot")
    ex.add_argument("--shard", metavar="I/N")
    ex.add_argument("--force", action="store_true")
    im = sub.add_parser("import", help="import Parquet files or directories of them (other files as `wenku import`)")
    im.add_argument("paths", nargs="+")
    im.add_argument("--prefix", default="")
    args = ap.parse_args(argv)
    try:
        if args.command == "export":
            if os.path.exists(args.out) and not args.force:
                raise wenku.WenkuError(f"{args.out} exists; choose another --out or add --force to overwrite it")
            archive = wenku.Archive(args.archive, plugin_dirs=args.plugin_dir)
            shard = None
            if args.shard:
                i, _, n = args.shard.partition("/")
                if not (i.strip().isdigit() and n.strip().isdigit()):
                    raise wenku.WenkuError(f"shard {args.shard!r} is not I/N (two whole numbers, for example 0/4)")
                shard = (int(i), int(n))
            if args.format == "parquet":
                from . import _arrow

                rows = _arrow.write_parquet(
                    archive.iter_batches(prefix=args.prefix, snapshot=args.snapshot, shard=shard), args.out
                )
            else:
                rows = 0
                with open(args.out, "w", encoding="utf-8") as out:
                    for line in archive.iter_lines(prefix=args.prefix, snapshot=args.snapshot, shard=shard):
                        out.write(line + "\n")
                        rows += 1
            print(f"{rows} exported to {args.out}", file=sys.stderr)
        else:
            archive = wenku.Archive(args.archive, plugin_dirs=args.plugin_dir, create=True)
            parquet = [p for p in args.paths if p.endswith(".parquet") or os.path.isdir(p)]
            others = [p for p in args.paths if p not in parquet]
            summaries = []
            if parquet:
                summaries.append(archive.import_parquet(parquet, prefix=args.prefix))
            if others:
                summaries.append(archive.import_paths(others, prefix=args.prefix))
            failed = [f for s in summaries for f in s["failed"]]
            for f in failed:
                print(f"failed: {f['input']}: {f['error']}", file=sys.stderr)
            print(json.dumps({k: sum(s[k] for s in summaries) for k in ("new_documents", "new_versions", "unchanged")}))
            return 1 if failed else 0
    except wenku.WenkuError as e:
        print(f"wenku: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
