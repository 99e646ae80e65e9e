#!/usr/bin/env python3
"""Draw a held-out sample of the picker archive for the cleaning benchmark.

The bench corpus picker-1500 is 1,524 pages of the public repository
chainreactors/picker (branch `archive`). This draws N other pages of the same
archive (seeded, so the sample is the same on every machine), none of them in the
bench corpus, and writes them as DIR/picker/archive/.../NAME.md — the layout of the
bench corpus — so the cleaning benchmark reads both alike:

    git clone --bare https://github.com/chainreactors/picker picker.git
    scripts/held-out-picker.py picker.git /path/to/picker-1500 DIR [N] [SEED]
    cargo bench -p wenku-tests --bench cleaning -- DIR

PICKER_1500 is the unpacked bench corpus (the folder holding `picker/`).
"""

import os
import random
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    repo, bench, out = sys.argv[1], sys.argv[2], sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1500
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 2026
    listing = subprocess.run(
        ["git", "-C", repo, "-c", "core.quotepath=off", "ls-tree", "-r", "-z",
         "--name-only", "archive"],
        check=True, capture_output=True,
    ).stdout.decode("utf-8", "surrogateescape").split("\0")
    pages = sorted(p for p in listing if p.startswith("archive/") and "/daily/" in p
                   and p.endswith(".md"))
    seen = set()
    root = os.path.join(bench, "picker")
    for d, _, files in os.walk(root):
        for f in files:
            seen.add(os.path.relpath(os.path.join(d, f), root))
    others = [p for p in pages if p not in seen]
    if len(others) < n:
        print(f"only {len(others)} pages outside {bench}", file=sys.stderr)
        return 1
    random.seed(seed)
    for p in sorted(random.sample(others, n)):
        data = subprocess.run(["git", "-C", repo, "show", f"archive:{p}"],
                              check=True, capture_output=True).stdout
        dest = os.path.join(out, "picker", p)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(data)
    print(f"{n} pages of {len(others)} outside the bench corpus written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
