"""The datatrove step gives what Pipeline.apply gives, record by record."""

from __future__ import annotations

import json
import pickle

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402

import wenku  # noqa: E402
from wenku.datatrove import WenkuFilter  # noqa: E402
from conftest import PLUGINS  # noqa: E402


def test_step_cleans_like_pipeline_apply(cli, seed_archive, plugin_dirs):
    raw = [json.loads(l) for l in cli.run("export", "--format", "jsonl", "--raw", "--out", "-", archive=seed_archive).stdout.decode().splitlines()]
    docs = [Document(text=r["text"], id=r["id"], metadata=dict(r["metadata"])) for r in raw]
    step = pickle.loads(pickle.dumps(WenkuFilter(PLUGINS, plugin_dirs=plugin_dirs, batch_size=2)))
    out = {d.id: d.text for d in step.run(iter(docs))}
    pipeline = wenku.Pipeline(PLUGINS, plugin_dirs=plugin_dirs)
    expected = {}
    for r in raw:
        res = pipeline.apply(r["text"], r["metadata"])
        if res["verdict"] == "kept":
            expected[r["id"]] = res["text"]
    assert out == expected
    assert len(out) >= 3
