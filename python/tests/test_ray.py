"""wenku.ray on a local Ray cluster gives exactly the records of `wenku export`."""

from __future__ import annotations

import glob
import json

import pytest

ray = pytest.importorskip("ray")

import wenku  # noqa: E402
import wenku.ray  # noqa: E402
from conftest import PLUGINS, generated_corpus  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def export_lines(cli, archive, *args):
    return cli.run("export", "--format", "jsonl", "--out", "-", *args, archive=archive).stdout.decode().splitlines()


def read_jsonl_dir(path):
    out = []
    for f in sorted(glob.glob(f"{path}/*.json*")):
        with open(f, encoding="utf-8") as fh:
            out.extend(json.loads(l) for l in fh if l.strip())
    return out


def as_export(rows):
    """Ray's rows (metadata as JSON text) as export's records, in key order."""
    return sorted(
        ({"id": r["id"], "version": r["version"], "text": r["text"], "metadata": json.loads(r["metadata"])} for r in rows),
        key=lambda r: r["id"],
    )


def test_clean_archive_shards_equals_export(local_ray, cli, seed_archive, plugin_dirs, tmp_path):
    cli.run("import", generated_corpus(tmp_path / "gen", 200), "--prefix", "gen", archive=seed_archive)
    expected = [json.loads(l) for l in export_lines(cli, seed_archive)]
    out = tmp_path / "out-parquet"
    wenku.ray.clean([str(seed_archive)], shards=3, output=str(out), format="parquet", plugin_dirs=plugin_dirs)
    import pyarrow.parquet as pq

    rows = pq.read_table(str(out)).to_pylist()
    assert as_export(rows) == expected
    out = tmp_path / "out-jsonl"
    wenku.ray.clean([str(seed_archive)], shards=2, output=str(out), format="jsonl", plugin_dirs=plugin_dirs)
    assert sorted(read_jsonl_dir(out), key=lambda r: r["id"]) == expected


def test_clean_jsonl_shards_with_a_pipeline_equals_filter(local_ray, cli, seed_archive, plugin_dirs, tmp_path):
    # Raw text exported in shards, cleaned by Ray with the pipeline, equals the
    # pipeline applied record by record in this process.
    shards = tmp_path / "raw"
    shards.mkdir()
    for i in range(2):
        cli.run("export", "--format", "jsonl", "--raw", "--out", shards / f"part-{i}.jsonl", "--shard", f"{i}/2", archive=seed_archive)
    raw = [json.loads(l) for f in sorted(shards.glob("*.jsonl")) for l in f.read_text().splitlines()]
    pipeline = wenku.Pipeline(PLUGINS, plugin_dirs=plugin_dirs)
    expected = {}
    for r in raw:
        res = pipeline.apply(r["text"], r["metadata"])
        if res["verdict"] == "kept":
            expected[r["id"]] = res["text"]
    ds = wenku.ray.clean([str(f) for f in sorted(shards.glob("*.jsonl"))], pipeline)
    got = {r["id"]: r["text"] for r in ds.take_all()}
    assert got == expected
