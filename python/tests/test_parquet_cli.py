"""`python -m wenku`: Parquet export by shard and import of the shard set; the `wenku`
command points there."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pq = pytest.importorskip("pyarrow.parquet")


def py_wenku(*args, plugin_dir):
    env = dict(os.environ, WENKU_PLUGIN_PATH=str(plugin_dir))
    return subprocess.run([sys.executable, "-m", "wenku", *map(str, args)], capture_output=True, env=env)


def test_parquet_shards_hold_the_export_and_import_back(cli, seed_archive, bin_dir, tmp_path):
    expected = [json.loads(l) for l in cli.run("export", "--format", "jsonl", "--out", "-", archive=seed_archive).stdout.decode().splitlines()]
    shards = tmp_path / "shards"
    shards.mkdir()
    for i in range(2):
        p = py_wenku("-A", seed_archive, "export", "--out", shards / f"part-{i}.parquet", "--shard", f"{i}/2", plugin_dir=bin_dir)
        assert p.returncode == 0, p.stderr.decode()
    rows = [r for i in range(2) for r in pq.read_table(shards / f"part-{i}.parquet").to_pylist()]
    got = sorted(({**r, "metadata": json.loads(r["metadata"])} for r in rows), key=lambda r: r["id"])
    assert got == expected
    copy = tmp_path / "copy.wenku"
    p = py_wenku("-A", copy, "import", shards, plugin_dir=bin_dir)
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(p.stdout)["new_documents"] == len(expected)
    for r in expected:
        assert cli.run("cat", "--raw", r["id"], archive=copy).stdout == r["text"].encode()
    # An existing output is not overwritten; errors read as the command's.
    p = py_wenku("-A", seed_archive, "export", "--out", shards / "part-0.parquet", plugin_dir=bin_dir)
    assert p.returncode == 2
    assert p.stderr.decode().strip() == f"wenku: error: {shards / 'part-0.parquet'} exists; choose another --out or add --force to overwrite it"


def test_the_command_points_to_the_python_package_for_parquet(cli, seed_archive, tmp_path):
    p = cli.run("export", "--format", "parquet", "--out", tmp_path / "x.parquet", archive=seed_archive, check=False)
    assert p.returncode == 2
    assert "python -m wenku export -A ARCHIVE --out FILE.parquet" in p.stderr.decode()
    f = tmp_path / "x.parquet"
    f.write_bytes(b"PAR1")
    p = cli.run("import", f, archive=tmp_path / "a", check=False)
    assert p.returncode == 1
    assert p.stderr.decode().splitlines()[0] == (
        f"failed: {f}: Parquet is imported by the Python package: `python -m wenku import -A ARCHIVE FILE...` (pip install ./python)"
    )
