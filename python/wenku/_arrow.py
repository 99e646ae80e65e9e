"""Arrow batches from the buffers the Rust side fills, Parquet in and out (pyarrow)."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Sequence, Union

import pyarrow as pa
import pyarrow.parquet as pq

#: The schema of every batch: large strings (64-bit offsets), so one batch may hold
#: more than 2 GiB of text.
SCHEMA = pa.schema(
    [
        ("id", pa.large_string()),
        ("version", pa.uint32()),
        ("text", pa.large_string()),
        ("metadata", pa.large_string()),
    ]
)


def _strings(rows: int, offsets: bytes, data: bytes) -> pa.Array:
    return pa.Array.from_buffers(pa.large_string(), rows, [None, pa.py_buffer(offsets), pa.py_buffer(data)])


def batch(chunk) -> "tuple[pa.RecordBatch, list]":
    """A record batch from ``RecordStream.next_arrow``'s tuple, and the chunk's failures."""
    rows, id_off, id_data, versions, text_off, text_data, meta_off, meta_data, failed = chunk
    columns = [
        _strings(rows, id_off, id_data),
        pa.Array.from_buffers(pa.uint32(), rows, [None, pa.py_buffer(versions)]),
        _strings(rows, text_off, text_data),
        _strings(rows, meta_off, meta_data),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=SCHEMA), failed


def table(batches: Iterable[pa.RecordBatch]) -> pa.Table:
    return pa.Table.from_batches(list(batches), schema=SCHEMA)


def write_parquet(batches: Iterable[pa.RecordBatch], path: Union[str, os.PathLike], compression: str = "zstd") -> int:
    """Write batches to one Parquet file; the number of rows written."""
    rows = 0
    with pq.ParquetWriter(os.fspath(path), SCHEMA, compression=compression) as w:
        for b in batches:
            w.write_batch(b)
            rows += b.num_rows
    return rows


def parquet_files(paths: Sequence[Union[str, os.PathLike]]) -> List[str]:
    """The Parquet files among ``paths`` (directories searched, in name order)."""
    out = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".parquet"))
        else:
            out.append(p)
    return out


def parquet_rows(paths: Sequence[Union[str, os.PathLike]]) -> Iterator[Dict[str, Any]]:
    """Rows of Parquet files as record dicts (``metadata`` JSON text decoded)."""
    for f in parquet_files(paths):
        pf = pq.ParquetFile(f)
        names = pf.schema_arrow.names
        if "id" not in names and "url" not in names:
            raise ValueError(f"{f}: no 'id' or 'url' column; a wenku Parquet file has id, version, text, metadata")
        for b in pf.iter_batches(batch_size=1024):
            for row in b.to_pylist():
                meta = row.get("metadata")
                if isinstance(meta, str):
                    row["metadata"] = json.loads(meta) if meta else {}
                yield row
