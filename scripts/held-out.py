#!/usr/bin/env python3
"""Draw a held-out sample of a bench corpus's source archive for the cleaning benchmark.

A bench corpus (../shared/corpus/bench/) is a sample of a public repository: picker-1500
of chainreactors/picker (branch `archive`), hkcnews-6000 of
hkarchivist/hkcnews-article-archive. This draws N other Markdown pages of the same
repository (seeded, so the sample is the same on every machine), none of them in the
bench corpus and placed as its pages are (same first folder, depth and kind of parent
folder), and writes them in the bench corpus's layout
(DIR/TOP/PATH, TOP being the corpus's one top folder), so the cleaning benchmark reads
both alike:

    git clone --bare https://github.com/chainreactors/picker picker.git
    scripts/held-out.py picker.git archive /path/to/picker-1500 picker-held
    git clone --bare https://github.com/hkarchivist/hkcnews-article-archive hkc.git
    scripts/held-out.py hkc.git HEAD /path/to/hkcnews-6000 hkcnews-held 6000
    cargo bench -p wenku-tests --bench cleaning -- picker-held hkcnews-held

usage: held-out.py REPO REF BENCH_DIR OUT_DIR [N=1500] [SEED=2026]
BENCH_DIR is the unpacked bench corpus (the folder holding TOP/).
"""

import os
import random
import re
import subprocess
import sys


def shape(path: str):
    """Where a page sits: its first folder, its depth and its parent folder's name with
    numbers blanked (`archive`, 5, `daily`; `articles`, 2, `#-#`)."""
    parts = path.split("/")
    parent = parts[-2] if len(parts) > 1 else ""
    return parts[0], len(parts), re.sub(r"[0-9]+", "#", parent)


def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    repo, ref, bench, out = sys.argv[1:5]
    n = int(sys.argv[5]) if len(sys.argv) > 5 else 1500
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 2026
    tops = [d for d in os.listdir(bench) if os.path.isdir(os.path.join(bench, d))]
    if len(tops) != 1:
        print(f"{bench} should hold one folder, it holds {tops}", file=sys.stderr)
        return 1
    top = tops[0]
    seen = set()
    root = os.path.join(bench, top)
    for d, _, files in os.walk(root):
        for f in files:
            seen.add(os.path.relpath(os.path.join(d, f), root))
    shapes = {shape(p) for p in seen}
    listing = subprocess.run(
        ["git", "-C", repo, "-c", "core.quotepath=off", "ls-tree", "-r", "-z",
         "--name-only", ref],
        check=True, capture_output=True,
    ).stdout.decode("utf-8", "surrogateescape").split("\0")
    # The repository may hold the corpus's top folder itself (picker's `archive` branch
    # keeps its pages under `archive/`): paths are then compared without it.
    prefix = f"{top}/"
    pages = [p for p in listing if p.endswith(".md")]
    if pages and all(p.startswith(prefix) for p in pages):
        pages = [p[len(prefix):] for p in pages]
    else:
        prefix = ""
    others = sorted(p for p in pages if p not in seen and shape(p) in shapes)
    if len(others) < n:
        print(f"only {len(others)} pages outside {bench}", file=sys.stderr)
        return 1
    random.seed(seed)
    written = 0
    for p in sorted(random.sample(others, n)):
        # A name longer than the file system allows (255 bytes) cannot be written as a
        # file: such a page is left out, and said so.
        if any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in p.split("/")):
            print(f"left out (name too long for a file): {p[:80]}...", file=sys.stderr)
            continue
        data = subprocess.run(["git", "-C", repo, "show", f"{ref}:{prefix}{p}"],
                              check=True, capture_output=True).stdout
        dest = os.path.join(out, top, p)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(data)
        written += 1
    print(f"{written} pages of {len(others)} outside {bench} written under {out}/{top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
