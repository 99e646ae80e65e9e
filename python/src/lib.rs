//! `wenku._wenku`: the native half of the Python package, thin over `wenku-core`.
//!
//! Every call that reads the archive or runs plugins lets go of the GIL while it works,
//! so Python threads (and Ray's or datatrove's workers in one process) run alongside.
//! Errors are `wenku.WenkuError` with the message `wenku` prints after `wenku: error: `.
//! The Python-facing API (dicts, Arrow batches, import from iterables) is in `wenku/`.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};
use rayon::prelude::*;
use wenku_core::archive::{Access, Opening};
use wenku_core::exchange::Format;
use wenku_core::import::{ImportOptions, NoProgress};
use wenku_core::ops::shard::Shard;
use wenku_core::ops::stream::{Item, Stream, StreamOptions};
use wenku_core::plugin::{Outcome, Pipeline as CorePipeline, PluginHost};
use wenku_core::store::lock::Wait;
use wenku_core::wenku_plugin::Config;

create_exception!(
    _wenku,
    WenkuError,
    PyException,
    "An error of wenku: the message names the input and the next step."
);

fn err(e: impl std::fmt::Display) -> PyErr {
    WenkuError::new_err(e.to_string())
}

fn host(plugin_dirs: &[PathBuf]) -> PluginHost {
    PluginHost::new(PluginHost::default_search_path(plugin_dirs))
}

/// An open archive (holding its lock until `close()` or garbage collection).
#[pyclass(module = "wenku._wenku")]
struct Archive {
    inner: Option<Arc<wenku_core::Archive>>,
    host: Arc<PluginHost>,
}

impl Archive {
    fn open(&self) -> PyResult<Arc<wenku_core::Archive>> {
        self.inner.clone().ok_or_else(|| {
            WenkuError::new_err("the archive is closed; open it again with wenku.Archive(path)")
        })
    }
}

fn shard_of(shard: Option<(u64, u64)>) -> PyResult<Option<Shard>> {
    shard
        .map(|(i, n)| Shard::new(i, n))
        .transpose()
        .map_err(err)
}

#[pymethods]
impl Archive {
    /// `write`: open to change it (one writer at a time); else read-only, with the
    /// index copied into memory so other processes (other readers, a writer) can use the
    /// archive meanwhile, as `wenku export` does. `create` implies `write`. `wait`:
    /// seconds to wait while another process holds what this one needs.
    #[new]
    #[pyo3(signature = (path, plugin_dirs=None, create=false, wait=0.0, write=false))]
    fn new(
        py: Python<'_>,
        path: PathBuf,
        plugin_dirs: Option<Vec<PathBuf>>,
        create: bool,
        wait: f64,
        write: bool,
    ) -> PyResult<Self> {
        let access = match (create, write) {
            (true, _) => Access::Create,
            (false, true) => Access::Write,
            (false, false) => Access::Read,
        };
        let archive = py
            .allow_threads(|| -> wenku_core::Result<wenku_core::Archive> {
                let mut archive = wenku_core::Archive::open_with(
                    &path,
                    &Opening {
                        access,
                        command: "python",
                        wait: Wait {
                            timeout: std::time::Duration::from_secs_f64(wait.clamp(0.0, 86_400.0)),
                            notify: None,
                        },
                    },
                )?;
                if access == Access::Read {
                    archive.detach()?;
                }
                Ok(archive)
            })
            .map_err(err)?;
        Ok(Archive {
            inner: Some(Arc::new(archive)),
            host: Arc::new(host(&plugin_dirs.unwrap_or_default())),
        })
    }

    /// Let go of the archive (and its lock). Iterators still running keep it open.
    fn close(&mut self) {
        self.inner = None;
    }

    /// The archive directory.
    #[getter]
    fn path(&self) -> PyResult<PathBuf> {
        Ok(self.open()?.dir().to_path_buf())
    }

    /// Keys starting with `prefix`, in key order.
    #[pyo3(signature = (prefix=""))]
    fn keys(&self, py: Python<'_>, prefix: &str) -> PyResult<Vec<String>> {
        let a = self.open()?;
        let list = py.allow_threads(|| a.list(prefix)).map_err(err)?;
        Ok(list.into_iter().map(|(k, _)| k).collect())
    }

    /// Versions of `key`, oldest first, as JSON text (one object per version).
    fn _versions_json(&self, py: Python<'_>, key: &str) -> PyResult<String> {
        let a = self.open()?;
        let versions = py.allow_threads(|| a.versions(key)).map_err(err)?;
        let list: Vec<serde_json::Value> = versions
            .iter()
            .map(|(n, r)| {
                serde_json::json!({
                    "version": n,
                    "imported_ms": r.imported_ms,
                    "size": r.raw_len,
                    // A near-copy's record keeps only a check: its hash from its bytes
                    // (`null` when they do not read).
                    "blake3": py
                        .allow_threads(|| a.content_hash(key, *n, r))
                        .map(|h| wenku_core::records::hex(&h))
                        .ok(),
                    "source": a.source(key, r),
                })
            })
            .collect();
        Ok(serde_json::Value::Array(list).to_string())
    }

    /// The stored bytes of one version (`None`: the latest), byte-exact.
    #[pyo3(signature = (key, version=None))]
    fn read_raw<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        version: Option<u32>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let a = self.open()?;
        let doc = py.allow_threads(|| a.read(key, version)).map_err(err)?;
        Ok(PyBytes::new(py, &doc.bytes))
    }

    /// One version through the archive's pipeline (or exactly `with_`): a tuple
    /// (verdict, JSONL line or None, plugin, reason).
    #[pyo3(signature = (key, version=None, with_=None))]
    fn _read_record(
        &self,
        py: Python<'_>,
        key: &str,
        version: Option<u32>,
        with_: Option<Vec<String>>,
    ) -> PyResult<(String, Option<String>, String, String)> {
        let a = self.open()?;
        let host = self.host.clone();
        let item = py
            .allow_threads(|| -> wenku_core::Result<Item> {
                let mut s = Stream::one(&a, &host, key, version, with_)?;
                Ok(s.next_chunk(&a, 1).pop().expect("one record"))
            })
            .map_err(err)?;
        Ok(match item {
            Item::Kept { .. } => ("kept".into(), item.jsonl(), String::new(), String::new()),
            Item::Dropped { plugin, reason, .. } => ("dropped".into(), None, plugin, reason),
            // As `wenku cat` reports it: the error names the key and version.
            Item::Failed { error, .. } => return Err(WenkuError::new_err(error)),
        })
    }

    /// A stream of the records `wenku export --format jsonl` writes.
    #[pyo3(signature = (prefix="", snapshot=None, with_=None, shard=None, pipeline=None))]
    fn _stream(
        &self,
        py: Python<'_>,
        prefix: &str,
        snapshot: Option<String>,
        with_: Option<Vec<String>>,
        shard: Option<(u64, u64)>,
        pipeline: Option<PyRef<'_, Pipeline>>,
    ) -> PyResult<RecordStream> {
        let pipeline = pipeline.map(|p| p.inner.clone());
        let a = self.open()?;
        let host = self.host.clone();
        let opts = StreamOptions {
            prefix: prefix.to_string(),
            snapshot,
            with: with_,
            shard: shard_of(shard)?,
        };
        let stream = py
            .allow_threads(|| match pipeline {
                Some(p) => Stream::with_pipeline(&a, &host, &opts, p),
                None => Stream::new(&a, &host, &opts),
            })
            .map_err(err)?;
        Ok(RecordStream { archive: a, stream })
    }

    /// Import files as `wenku import` does; the summary as JSON text.
    #[pyo3(signature = (paths, format="auto", prefix=""))]
    fn _import_paths(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        format: &str,
        prefix: &str,
    ) -> PyResult<String> {
        let a = self.open()?;
        if !a.writable() {
            return Err(WenkuError::new_err(
                "this Archive is open for reading; open it with wenku.Archive(path, write=True) (or create=True) to import",
            ));
        }
        let format = match format {
            "auto" => Format::Auto,
            "file" => Format::File,
            "jsonl" => Format::Jsonl,
            "warc" => Format::Warc,
            "arc" => Format::Arc,
            other => {
                return Err(WenkuError::new_err(format!(
                    "format {other:?} is not one of auto, file, jsonl, warc, arc"
                )))
            }
        };
        let opts = ImportOptions {
            prefix: prefix.to_string(),
            format,
            ..ImportOptions::default()
        };
        let summary = py
            .allow_threads(|| wenku_core::import::import_paths(&a, &paths, &opts, &NoProgress))
            .map_err(err)?;
        serde_json::to_string(&summary).map_err(err)
    }

    /// `wenku stats --json` as JSON text.
    fn _stats_json(&self, py: Python<'_>) -> PyResult<String> {
        let a = self.open()?;
        let stats = py.allow_threads(|| a.stats()).map_err(err)?;
        serde_json::to_string(&stats).map_err(err)
    }
}

/// Records of an archive, pulled a chunk at a time (each chunk runs the pipeline on all
/// cores without the GIL).
#[pyclass(module = "wenku._wenku")]
struct RecordStream {
    archive: Arc<wenku_core::Archive>,
    stream: Stream,
}

/// Arrow buffers of one chunk: `(rows, ids offsets, ids data, versions, text offsets,
/// text data, metadata offsets, metadata data)`; offsets are little-endian i64.
type ArrowChunk = (
    usize,
    Vec<u8>,
    Vec<u8>,
    Vec<u8>,
    Vec<u8>,
    Vec<u8>,
    Vec<u8>,
    Vec<u8>,
);

struct StringColumn {
    offsets: Vec<u8>,
    data: Vec<u8>,
}

impl StringColumn {
    fn new() -> Self {
        StringColumn {
            offsets: 0i64.to_le_bytes().to_vec(),
            data: Vec::new(),
        }
    }
    fn push(&mut self, s: &[u8]) {
        self.data.extend_from_slice(s);
        self.offsets
            .extend_from_slice(&(self.data.len() as i64).to_le_bytes());
    }
}

#[pymethods]
impl RecordStream {
    /// Versions not yet streamed (kept, dropped and failed ones alike).
    fn remaining(&self) -> usize {
        self.stream.remaining()
    }

    /// The next chunk: a list of (kind, key, version, JSONL line or message) with kind
    /// "kept", "dropped" ("plugin: reason") or "failed"; empty at the end.
    #[pyo3(signature = (n=256))]
    fn next_lines(&mut self, py: Python<'_>, n: usize) -> Vec<(&'static str, String, u32, String)> {
        let (archive, stream) = (&self.archive, &mut self.stream);
        py.allow_threads(|| {
            stream
                .next_chunk(archive, n)
                .into_iter()
                .map(|item| {
                    let line = item.jsonl();
                    match item {
                        Item::Kept { key, version, .. } => {
                            ("kept", key, version, line.unwrap_or_default())
                        }
                        Item::Dropped {
                            key,
                            version,
                            plugin,
                            reason,
                        } => ("dropped", key, version, format!("{plugin}: {reason}")),
                        Item::Failed {
                            key,
                            version,
                            error,
                        } => ("failed", key, version, error),
                    }
                })
                .collect()
        })
    }

    /// The kept records of the next chunk as Arrow buffers (see `wenku._arrow`), and the
    /// failures of the chunk as (key, version, error); `None` at the end.
    #[pyo3(signature = (n=1024))]
    fn next_arrow<'py>(
        &mut self,
        py: Python<'py>,
        n: usize,
    ) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let (archive, stream) = (&self.archive, &mut self.stream);
        if stream.remaining() == 0 {
            return Ok(None);
        }
        let (chunk, failed): (ArrowChunk, Vec<(String, u32, String)>) = py.allow_threads(|| {
            let items = stream.next_chunk(archive, n);
            let (mut ids, mut texts, mut metas) = (
                StringColumn::new(),
                StringColumn::new(),
                StringColumn::new(),
            );
            let mut versions = Vec::new();
            let mut rows = 0;
            let mut failed = Vec::new();
            for item in items {
                match &item {
                    Item::Kept { .. } => {
                        let (text, metadata) = item.text_and_metadata().unwrap_or_default();
                        if let Item::Kept { key, version, .. } = &item {
                            ids.push(key.as_bytes());
                            versions.extend_from_slice(&version.to_le_bytes());
                        }
                        texts.push(text.as_bytes());
                        metas.push(metadata.as_bytes());
                        rows += 1;
                    }
                    Item::Dropped { .. } => {}
                    Item::Failed {
                        key,
                        version,
                        error,
                    } => failed.push((key.clone(), *version, error.clone())),
                }
            }
            (
                (
                    rows,
                    ids.offsets,
                    ids.data,
                    versions,
                    texts.offsets,
                    texts.data,
                    metas.offsets,
                    metas.data,
                ),
                failed,
            )
        });
        let (rows, io, id, v, to, td, mo, md) = chunk;
        let bufs = [io, id, v, to, td, mo, md].map(|b| PyBytes::new(py, &b).into_any());
        let failed = PyList::new(py, failed)?;
        let mut items = vec![rows.into_pyobject(py)?.into_any()];
        items.extend(bufs);
        items.push(failed.into_any());
        Ok(Some(PyTuple::new(py, items)?))
    }
}

/// A pipeline of plugins, run on bytes without an archive (`wenku filter`).
#[pyclass(module = "wenku._wenku")]
struct Pipeline {
    inner: Arc<CorePipeline>,
}

/// The metadata `wenku filter` starts a record with, then `extra` on top.
fn filter_meta(input: &[u8], extra: &[(String, String)]) -> Vec<(String, String)> {
    let mut meta = wenku_core::plugin::record::metadata_of_stdin(input);
    wenku_core::plugin::pipeline::merge_meta(&mut meta, extra.to_vec());
    meta
}

/// One input of a batch: bytes and the metadata pairs to start with.
type Input = (Vec<u8>, Vec<(String, String)>);

/// One result: (verdict, bytes or None, metadata pairs, plugin, reason-or-error).
type Applied = (
    &'static str,
    Option<Vec<u8>>,
    Vec<(String, String)>,
    String,
    String,
);

fn apply_one(
    p: &CorePipeline,
    runner: &mut wenku_core::plugin::pipeline::Runner<'_>,
    data: &[u8],
    extra: &[(String, String)],
) -> Applied {
    let _ = p;
    match runner.run_with_corpus(data, filter_meta(data, extra), None) {
        Ok(done) => match done.outcome {
            Outcome::Kept(bytes) => (
                "kept",
                Some(bytes.to_vec()),
                done.meta,
                String::new(),
                String::new(),
            ),
            Outcome::Dropped { plugin, reason } => ("dropped", None, done.meta, plugin, reason),
        },
        Err(e) => ("failed", None, Vec::new(), String::new(), e.to_string()),
    }
}

fn applied_to_py<'py>(py: Python<'py>, a: Applied) -> PyResult<Bound<'py, PyTuple>> {
    let (verdict, bytes, meta, plugin, reason) = a;
    let bytes = bytes.map(|b| PyBytes::new(py, &b));
    let meta = {
        let d = PyDict::new(py);
        for (k, v) in meta {
            d.set_item(k, v)?;
        }
        d
    };
    (verdict, bytes, meta, plugin, reason).into_pyobject(py)
}

#[pymethods]
impl Pipeline {
    /// `stages`: (plugin name, [(key, value)]) in order.
    #[new]
    #[pyo3(signature = (stages, plugin_dirs=None))]
    fn new(
        py: Python<'_>,
        stages: Vec<(String, Vec<(String, String)>)>,
        plugin_dirs: Option<Vec<PathBuf>>,
    ) -> PyResult<Self> {
        let dirs = plugin_dirs.unwrap_or_default();
        let pipeline = py
            .allow_threads(|| -> wenku_core::Result<CorePipeline> {
                let host = host(&dirs);
                let mut loaded = Vec::new();
                for (name, config) in stages {
                    loaded.push((host.get(&name)?, Config::from_pairs(config)));
                }
                CorePipeline::new(loaded)
            })
            .map_err(err)?;
        Ok(Pipeline {
            inner: Arc::new(pipeline),
        })
    }

    /// The plugin names in order.
    fn names(&self) -> Vec<String> {
        self.inner.names().into_iter().map(str::to_string).collect()
    }

    /// Run the plugins on one input.
    #[pyo3(signature = (data, metadata=None))]
    fn apply<'py>(
        &self,
        py: Python<'py>,
        data: &[u8],
        metadata: Option<Vec<(String, String)>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let p = self.inner.clone();
        let extra = metadata.unwrap_or_default();
        let out = py.allow_threads(|| apply_one(&p, &mut p.runner(), data, &extra));
        applied_to_py(py, out)
    }

    /// Run the plugins on many inputs, on all cores; results in input order.
    fn apply_batch<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<Input>,
    ) -> PyResult<Bound<'py, PyList>> {
        let p = self.inner.clone();
        let out: Vec<Applied> = py.allow_threads(|| {
            inputs
                .par_iter()
                .map_init(
                    || p.runner(),
                    |runner, (data, extra)| apply_one(&p, runner, data, extra),
                )
                .collect()
        });
        let items = out
            .into_iter()
            .map(|a| applied_to_py(py, a))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// Seconds the plugins take on `inputs` in-process, results dropped in Rust (no
    /// Python objects): what `apply` and `apply_batch` cost without the bindings, for
    /// the benchmark. `parallel`: on all cores, as `apply_batch` runs.
    fn _time_native(&self, py: Python<'_>, inputs: Vec<Vec<u8>>, parallel: bool) -> f64 {
        let p = self.inner.clone();
        py.allow_threads(|| {
            let start = std::time::Instant::now();
            if parallel {
                let kept = inputs
                    .par_iter()
                    .map_init(|| p.runner(), |r, x| apply_one(&p, r, x, &[]).1.is_some())
                    .filter(|k| *k)
                    .count();
                std::hint::black_box(kept);
            } else {
                let mut r = p.runner();
                for x in &inputs {
                    std::hint::black_box(apply_one(&p, &mut r, x, &[]));
                }
            }
            start.elapsed().as_secs_f64()
        })
    }
}

/// The shard of `count` that `key` falls in (see `wenku export --shard`).
#[pyfunction]
fn shard_of_key(key: &str, count: u64) -> u64 {
    wenku_core::ops::shard::of(key, count)
}

/// Read a WARC, ARC or WET file as `wenku import` does without storing anything: the
/// number of documents, their bytes and the number of failures (for the benchmark
/// against warcio's iteration).
#[pyfunction]
fn _read_web_archive(py: Python<'_>, path: PathBuf) -> PyResult<(u64, u64, u64)> {
    py.allow_threads(|| {
        let mut reader = wenku_core::exchange::open(&path)
            .map_err(|e| err(format!("{}: {e}", path.display())))?;
        let name = path.display().to_string();
        let (mut n, mut bytes, mut bad) = (0u64, 0u64, 0u64);
        let mut each =
            |r: Result<wenku_core::exchange::Record, wenku_core::exchange::BadRecord>| match r {
                Ok(rec) => {
                    n += 1;
                    bytes += rec.body.len() as u64;
                }
                Err(_) => bad += 1,
            };
        match wenku_core::exchange::detect(&path, Format::Auto) {
            Format::Arc => wenku_core::exchange::arc::read(&mut reader, &name, &mut each),
            _ => wenku_core::exchange::warc::read(&mut reader, &name, &mut each),
        }
        .map_err(|e| err(format!("{name}: {e}")))?;
        Ok((n, bytes, bad))
    })
}

#[pymodule]
fn _wenku(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("WenkuError", m.py().get_type::<WenkuError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Archive>()?;
    m.add_class::<RecordStream>()?;
    m.add_class::<Pipeline>()?;
    m.add_function(wrap_pyfunction!(shard_of_key, m)?)?;
    m.add_function(wrap_pyfunction!(_read_web_archive, m)?)?;
    Ok(())
}
