"""wenku: web-scraped documents archived with every version, cleaned by filter plugins.

The Python package is thin over the Rust library the ``wenku`` command uses, and loads
the same plugin libraries (found through ``plugin_dirs``, ``WENKU_PLUGIN_PATH``, or the
directory of the running program). Records are the objects ``wenku export --format
jsonl`` writes: ``{"id", "version", "text", "metadata"}``.

    archive = wenku.Archive("corpus.wenku")
    for record in archive.iter_records(shard=(0, 4)):
        ...
    pipeline = wenku.Pipeline(["encoding-repair", "spam-trim", "script-convert"])
    pipeline.apply(b"<html>...")["text"]
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _wenku
from ._wenku import WenkuError, shard_of_key

__all__ = ["Archive", "Pipeline", "WenkuError", "shard_of_key", "ARROW_SCHEMA_FIELDS"]
__version__ = _wenku.__version__

#: Columns of the Arrow batches: id, version, text, and metadata as JSON text.
ARROW_SCHEMA_FIELDS = ("id", "version", "text", "metadata")

Shard = Tuple[int, int]


def _dirs(plugin_dirs: Optional[Sequence[Union[str, os.PathLike]]]) -> Optional[List[str]]:
    return None if plugin_dirs is None else [os.fspath(d) for d in plugin_dirs]


def _names(with_: Optional[Union[str, Sequence[str]]]) -> Optional[List[str]]:
    if with_ is None:
        return None
    if isinstance(with_, str):
        return [n for n in with_.split(",") if n]
    return list(with_)


class Archive:
    """An archive directory, opened for the life of the object (or until ``close()``).

    ``plugin_dirs``: extra directories to find plugin libraries in (searched first).
    ``write``: open it to import into (one writer at a time); otherwise it is opened
    read-only with its index copied into memory, so any number of processes (Ray
    tasks, other commands) read it at once. ``create``: make the archive if there is
    none (as ``wenku import`` does; implies ``write``). ``wait``: seconds to wait while
    another process holds what this one needs (a writer), then the "busy" error (at
    least half a second: a lock let go a moment ago can still be held by a child
    process another thread forked).
    """

    def __init__(
        self,
        path: Union[str, os.PathLike],
        plugin_dirs: Optional[Sequence[Union[str, os.PathLike]]] = None,
        create: bool = False,
        wait: float = 0.0,
        write: bool = False,
    ):
        self._path = os.fspath(path)
        self._plugin_dirs = _dirs(plugin_dirs)
        self._inner = _wenku.Archive(self._path, self._plugin_dirs, create, wait, write)

    # Pickling reopens the archive by path (for workers on the same machine or shared
    # storage).
    def __reduce__(self):
        return (Archive, (self._path, self._plugin_dirs, False))

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the archive and its lock."""
        self._inner.close()

    @property
    def path(self) -> str:
        return self._path

    def keys(self, prefix: str = "") -> List[str]:
        """Keys starting with ``prefix``, in key order."""
        return self._inner.keys(prefix)

    def versions(self, key: str) -> List[Dict[str, Any]]:
        """Every version of ``key``, oldest first: ``{version, imported_ms, size, blake3, source}``
        (``blake3`` is ``None`` when the version's bytes do not read)."""
        return json.loads(self._inner._versions_json(key))

    def read(
        self,
        key: str,
        version: Optional[int] = None,
        raw: bool = False,
        with_: Optional[Union[str, Sequence[str]]] = None,
    ) -> Union[bytes, Dict[str, Any]]:
        """One version (``None``: the latest).

        ``raw=True``: the stored bytes, exactly. Otherwise the record after the archive's
        pipeline (or exactly the plugins ``with_`` names): ``{id, version, text, metadata,
        verdict}`` with verdict ``"kept"``, or ``"dropped"`` (then ``text`` is None and
        ``metadata`` holds ``dropped_by`` and ``reason``).
        """
        if raw:
            return self._inner.read_raw(key, version)
        verdict, line, plugin, reason = self._inner._read_record(key, version, _names(with_))
        if verdict == "kept":
            record = json.loads(line)
        else:
            latest = version if version is not None else self.versions(key)[-1]["version"]
            record = {
                "id": key,
                "version": latest,
                "text": None,
                "metadata": {"dropped_by": plugin, "reason": reason},
            }
        record["verdict"] = verdict
        return record

    def _stream(self, prefix, snapshot, with_, shard, pipeline=None):
        if pipeline is not None and not isinstance(pipeline, Pipeline):
            pipeline = Pipeline(pipeline, plugin_dirs=self._plugin_dirs)
        native = None if pipeline is None else pipeline._inner
        return self._inner._stream(prefix or "", snapshot, _names(with_), _shard(shard), native)

    def iter_lines(
        self,
        prefix: Optional[str] = None,
        snapshot: Optional[str] = None,
        with_: Optional[Union[str, Sequence[str]]] = None,
        shard: Optional[Shard] = None,
        errors: str = "raise",
        chunk: int = 256,
        pipeline: Optional[Union["Pipeline", Sequence[str]]] = None,
    ) -> Iterator[str]:
        """The JSONL lines (without newline) ``wenku export --format jsonl`` writes, in key
        order. Records a plugin drops are left out; a record that fails raises
        ``WenkuError`` (``errors="skip"``: left out).
        """
        stream = self._stream(prefix, snapshot, with_, shard, pipeline)
        while True:
            lines = stream.next_lines(chunk)
            if not lines:
                return
            for kind, key, version, text in lines:
                if kind == "kept":
                    yield text
                elif kind == "failed" and errors == "raise":
                    raise WenkuError(f"{key}@{version}: {text}")

    def iter_records(
        self,
        prefix: Optional[str] = None,
        snapshot: Optional[str] = None,
        with_: Optional[Union[str, Sequence[str]]] = None,
        shard: Optional[Shard] = None,
        errors: str = "raise",
        pipeline: Optional[Union["Pipeline", Sequence[str]]] = None,
    ) -> Iterator[Dict[str, Any]]:
        """The records ``wenku export --format jsonl`` writes, as dicts, in key order,
        streamed a chunk at a time (the pipeline runs on all cores without the GIL).

        ``snapshot``: a snapshot's versions and pinned pipeline. ``with_``: exactly these
        plugins (``[]``: none — the stored text). ``shard=(i, n)``: only the keys of
        shard ``i`` of ``n`` (as ``wenku export --shard i/n``). ``pipeline``: a
        ``wenku.Pipeline`` to run instead of the archive's (on the stored bytes).
        """
        for line in self.iter_lines(prefix, snapshot, with_, shard, errors, pipeline=pipeline):
            yield json.loads(line)

    def iter_batches(
        self,
        prefix: Optional[str] = None,
        snapshot: Optional[str] = None,
        with_: Optional[Union[str, Sequence[str]]] = None,
        shard: Optional[Shard] = None,
        batch_size: int = 1024,
        errors: str = "raise",
        pipeline: Optional[Union["Pipeline", Sequence[str]]] = None,
    ):
        """The same records as ``pyarrow.RecordBatch`` es (``id``, ``version``, ``text``,
        ``metadata`` as JSON text), built from buffers the Rust side fills: no Python
        object per record.
        """
        from . import _arrow

        stream = self._stream(prefix, snapshot, with_, shard, pipeline)
        while True:
            chunk = stream.next_arrow(batch_size)
            if chunk is None:
                return
            batch, failed = _arrow.batch(chunk)
            if failed and errors == "raise":
                key, version, error = failed[0]
                raise WenkuError(f"{key}@{version}: {error}")
            if batch.num_rows:
                yield batch

    def to_arrow(self, **kwargs):
        """All the records (as ``iter_batches`` gives them) as one ``pyarrow.Table``."""
        from . import _arrow

        return _arrow.table(self.iter_batches(**kwargs))

    def import_paths(
        self,
        paths: Sequence[Union[str, os.PathLike]],
        format: str = "auto",
        prefix: str = "",
    ) -> Dict[str, Any]:
        """Import files and directories as ``wenku import`` does; its summary."""
        return json.loads(self._inner._import_paths([os.fspath(p) for p in paths], format, prefix))

    def import_records(self, records: Iterable[Mapping[str, Any]], prefix: str = "") -> Dict[str, Any]:
        """Import records as ``wenku import`` imports JSONL: ``id`` (else ``url``) is the
        key, ``text`` (else ``content``) the body, every other field metadata. Records
        from ``iter_records``/``read`` import as they were exported.
        """
        with tempfile.TemporaryDirectory(prefix="wenku-import-") as tmp:
            path = os.path.join(tmp, "records.jsonl")
            with open(path, "w", encoding="utf-8") as out:
                for r in records:
                    out.write(json.dumps(_importable(r), ensure_ascii=False))
                    out.write("\n")
            return self.import_paths([path], format="jsonl", prefix=prefix)

    def import_parquet(self, paths: Sequence[Union[str, os.PathLike]], prefix: str = "") -> Dict[str, Any]:
        """Import Parquet files (or directories of them, e.g. a shard set) with ``id``
        and ``text`` columns, as ``import_records`` imports their rows."""
        from . import _arrow

        return self.import_records(_arrow.parquet_rows(paths), prefix=prefix)

    def stats(self) -> Dict[str, Any]:
        """What ``wenku stats --json`` prints."""
        return json.loads(self._inner._stats_json())


def _shard(shard: Optional[Shard]) -> Optional[Tuple[int, int]]:
    if shard is None:
        return None
    if isinstance(shard, str):
        i, _, n = shard.partition("/")
        return (int(i), int(n))
    i, n = shard
    return (int(i), int(n))


def _importable(r: Mapping[str, Any]) -> Dict[str, Any]:
    """A record as a JSONL import line: metadata fields flattened next to id/text."""
    out: Dict[str, Any] = {}
    meta = r.get("metadata")
    if isinstance(meta, str):
        meta = json.loads(meta) if meta else {}
    for k, v in (meta or {}).items():
        out[k] = v
    for k, v in r.items():
        if k not in ("metadata", "verdict", "version"):
            out[k] = v
    return out


class Pipeline:
    """Plugins in order, run on bytes without an archive — what ``wenku filter`` does.

    ``config``: ``{"script-convert": {"config": "s2t"}}`` (or ``{"script-convert.config":
    "s2t"}``, as ``--set`` spells it). A pipeline pickles as its spec (names, config,
    plugin_dirs), so Ray and multiprocessing workers rebuild it where they run.
    """

    def __init__(
        self,
        plugins: Union[str, Sequence[str]],
        config: Optional[Mapping[str, Any]] = None,
        plugin_dirs: Optional[Sequence[Union[str, os.PathLike]]] = None,
    ):
        self.plugins = _names(plugins) or []
        self.config = {k: dict(v) if isinstance(v, Mapping) else v for k, v in (config or {}).items()}
        self.plugin_dirs = _dirs(plugin_dirs)
        stages = []
        settings = _settings(self.plugins, self.config)
        for name in self.plugins:
            stages.append((name, [(k, str(v)) for k, v in settings.get(name, {}).items()]))
        self._inner = _wenku.Pipeline(stages, self.plugin_dirs)

    def __reduce__(self):
        return (Pipeline, (self.plugins, self.config, self.plugin_dirs))

    def __repr__(self) -> str:
        return f"wenku.Pipeline({self.plugins!r}, config={self.config!r})"

    def apply(self, data: Union[bytes, str], metadata: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Run the plugins on one input: ``{text, bytes, metadata, verdict}`` — ``bytes``
        exactly what ``wenku filter`` writes to stdout, ``text`` them decoded as UTF-8;
        a dropped record has ``verdict == "dropped"``, ``text``/``bytes`` None and
        ``metadata["dropped_by"]``/``["reason"]``. A plugin error raises ``WenkuError``.
        """
        return _result(self._inner.apply(_bytes(data), _pairs(metadata)))

    def apply_batch(self, inputs: Iterable[Any]) -> List[Dict[str, Any]]:
        """Run the plugins on many inputs on all cores (without the GIL); results in
        input order. An input is bytes/str, ``(data, metadata)``, or a record dict
        (``text`` and ``metadata``). A failed input gives ``verdict == "failed"`` and
        ``error`` instead of raising.
        """
        prepared = []
        for x in inputs:
            if isinstance(x, (bytes, bytearray, memoryview, str)):
                prepared.append((_bytes(x), []))
            elif isinstance(x, Mapping):
                meta = x.get("metadata") or {}
                if isinstance(meta, str):
                    meta = json.loads(meta) if meta else {}
                prepared.append((_bytes(x.get("text") or ""), _pairs(meta)))
            else:
                data, meta = x
                prepared.append((_bytes(data), _pairs(meta)))
        return [_result(r, raise_failed=False) for r in self._inner.apply_batch(prepared)]


def _settings(plugins: Sequence[str], config: Mapping[str, Any]) -> Dict[str, Dict[str, Any]]:
    out: Dict[str, Dict[str, Any]] = {}
    for k, v in config.items():
        if isinstance(v, Mapping):
            name, values = k, v
        else:
            name, sep, key = k.partition(".")
            if not sep:
                raise WenkuError(
                    f"config {k!r} must be NAME.key (e.g. script-convert.config) or NAME: {{key: value}}"
                )
            values = {key: v}
        if name not in plugins:
            raise WenkuError(f"config names plugin {name!r}, which is not in the pipeline {','.join(plugins)}")
        out.setdefault(name, {}).update(values)
    return out


def _bytes(data: Union[bytes, bytearray, memoryview, str]) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _pairs(meta: Optional[Mapping[str, Any]]) -> List[Tuple[str, str]]:
    if not meta:
        return []
    return [(str(k), v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)) for k, v in meta.items()]


def _result(r, raise_failed: bool = True) -> Dict[str, Any]:
    verdict, data, meta, plugin, reason = r
    if verdict == "failed":
        if raise_failed:
            raise WenkuError(reason)
        return {"text": None, "bytes": None, "metadata": {}, "verdict": "failed", "error": reason}
    if verdict == "dropped":
        meta["dropped_by"] = plugin
        meta["reason"] = reason
        return {"text": None, "bytes": None, "metadata": meta, "verdict": "dropped"}
    return {"text": data.decode("utf-8", errors="replace"), "bytes": data, "metadata": meta, "verdict": "kept"}
