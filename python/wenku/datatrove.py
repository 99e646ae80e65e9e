"""A datatrove pipeline step that runs a wenku pipeline on each document's text.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from wenku.datatrove import WenkuFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("export/"),                       # e.g. `wenku export --format jsonl --shard I/N`
        WenkuFilter(["encoding-repair", "spam-trim", "script-convert"]),
        JsonlWriter("clean/"),
    ], tasks=4).run()

Documents a plugin drops are left out (counted as ``dropped``); kept documents get the
cleaned text and the plugins' metadata updates.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence

from datatrove.pipeline.base import PipelineStep

import wenku


class WenkuFilter(PipelineStep):
    name = "wenku"
    type = "🧹 - CLEAN"

    def __init__(
        self,
        plugins: Sequence[str],
        config: Optional[Mapping[str, Any]] = None,
        plugin_dirs: Optional[Sequence[str]] = None,
        batch_size: int = 256,
    ):
        super().__init__()
        self.spec = (list(plugins), dict(config or {}), plugin_dirs)
        self.batch_size = batch_size
        self._pipeline = None

    @property
    def pipeline(self) -> "wenku.Pipeline":
        # Built where the step runs (each datatrove task), from its spec.
        if self._pipeline is None:
            plugins, config, dirs = self.spec
            self._pipeline = wenku.Pipeline(plugins, config=config, plugin_dirs=dirs)
        return self._pipeline

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_pipeline"] = None
        return state

    def run(self, data, rank: int = 0, world_size: int = 1):
        batch = []
        for doc in data:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._clean(batch)
                batch = []
        if batch:
            yield from self._clean(batch)

    def _clean(self, docs):
        results = self.pipeline.apply_batch(
            [(d.text, {k: v for k, v in (d.metadata or {}).items() if isinstance(v, str)}) for d in docs]
        )
        for doc, res in zip(docs, results):
            self.stat_update(res["verdict"])
            if res["verdict"] == "failed":
                raise wenku.WenkuError(f"{doc.id}: {res['error']}")
            if res["verdict"] != "kept":
                continue
            doc.text = res["text"]
            for k, v in res["metadata"].items():
                if k not in ("key", "source") or k in (doc.metadata or {}):
                    doc.metadata[k] = v
            yield doc
