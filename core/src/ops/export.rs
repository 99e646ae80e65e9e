//! Export: the cleaned (or raw) records of the archive as a folder of files, a JSONL
//! file or a tar stream, with a manifest beside them.
//!
//! Records are read and run through the pipeline on all cores, a bounded chunk at a
//! time, and written in key order by one writer, so the output is the same on every run
//! and memory stays bounded. A record a filter drops is left out and counted with its
//! reason; a record that fails is named and the rest exported.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::archive::Archive;
use crate::error::{Error, Result};
use crate::ops::dedup::{self, DedupMode};
use crate::ops::snapshot;
use crate::ops::{Failure, Progress};
use crate::outpath::{self, PathAssigner};
use crate::plugin::record;
use crate::plugin::Outcome;
use crate::plugin::{self, Pipeline, PluginHost, Selection, StageFingerprint};
use crate::store::records::hex;

mod output;
pub use output::{is_archive_dir, jsonl_id_value};

/// Stands for the spooled records in the manifest until they are copied in.
const RECORDS_MARK: &str = "@wenku-records@";

/// Records per parallel chunk.
const CHUNK: usize = 256;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One file per key under the output folder.
    Dir,
    /// One `{"id","version","text","metadata"}` object a line.
    Jsonl,
    /// A tar stream (to a file, or `-` for stdout).
    Tar,
}

/// How to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Output folder or file; `-` is stdout (JSONL and tar).
    pub out: PathBuf,
    pub format: ExportFormat,
    pub prefix: String,
    pub snapshot: Option<String>,
    /// The stored bytes, no plugins.
    pub raw: bool,
    /// Write into existing output.
    pub force: bool,
    /// Export a snapshot even if a plugin library changed since it was made.
    pub allow_pipeline_change: bool,
    pub jobs: Option<usize>,
    /// Plugins for this export only (`--with`/`--without`), as `cat` takes them; not
    /// with a snapshot, whose pipeline is pinned.
    pub selection: Selection,
    /// Only the keys of this shard (see [`crate::ops::shard`]).
    pub shard: Option<crate::ops::shard::Shard>,
    /// Keep one document per cluster of duplicates (see [`crate::ops::dedup`]); the
    /// others are dropped with reason `duplicate of KEY`.
    pub dedup: Option<DedupMode>,
}

/// What an export did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ExportSummary {
    pub exported: u64,
    pub dropped: u64,
    pub dropped_reasons: BTreeMap<String, u64>,
    pub failed: Vec<Failure>,
    /// Bytes of the records written: the size of a JSONL or tar output (without its
    /// manifest), the sum of the files' sizes for `dir`.
    pub bytes_written: u64,
    /// Where the manifest went (`None`: inside the tar stream on stdout).
    pub manifest: Option<PathBuf>,
}

/// Bytes and metadata of a kept record.
pub(crate) type Kept = (Vec<u8>, Vec<(String, String)>);

/// One record after the pipeline.
pub(crate) struct Done {
    pub(crate) key: String,
    pub(crate) version: u32,
    imported_ms: u64,
    /// `Ok(None)`: dropped.
    pub(crate) result: std::result::Result<Option<Kept>, String>,
    pub(crate) dropped: Option<(String, String)>,
}

/// Where records go.
enum Sink {
    Dir {
        root: PathBuf,
    },
    Jsonl {
        out: Box<dyn Write>,
    },
    Tar {
        builder: tar::Builder<Box<dyn Write>>,
    },
}

fn rfc3339(ms: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_millis(ms)).to_string()
}

/// An export's output that could not be made, said with what to do: the archive is
/// read only, so nothing in it changed. A file where a folder of the path should be, and
/// a folder that is not there, are named as such.
fn cannot_write(out: &Path, e: Error) -> Error {
    let Error::Io { path, source } = e else {
        return e;
    };
    let unchanged = "(the archive is unchanged)";
    // The nearest folder of the path that is there, or the file that stands in its way.
    let existing = out.ancestors().skip(1).find(|p| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        p.exists()
    });
    if let Some(file) = existing.filter(|p| p.is_file()) {
        return Error::Usage(format!(
            "cannot write the export to {}: {} is a file, not a folder; choose another --out {unchanged}",
            out.display(),
            file.display()
        ));
    }
    if source.kind() == std::io::ErrorKind::NotFound {
        let parent = out.parent().unwrap_or(Path::new("."));
        return Error::Usage(format!(
            "cannot write the export to {}: the folder {} does not exist; create it or choose another --out {unchanged}",
            out.display(),
            parent.display()
        ));
    }
    // The path that failed, unless it is the output or its temporary copy.
    let partial = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains(".wenku-partial-"));
    let at = match path == out || partial {
        true => String::new(),
        false => format!(" ({})", path.display()),
    };
    Error::Usage(format!(
        "cannot write the export to {}: {source}{at}; choose an --out where you may write {unchanged}",
        out.display(),
    ))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// A writer that counts the bytes that went through it.
struct Counted {
    inner: Box<dyn Write>,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn counted(
    inner: Box<dyn Write>,
    count: &std::sync::Arc<std::sync::atomic::AtomicU64>,
) -> Box<dyn Write> {
    Box::new(Counted {
        inner,
        count: count.clone(),
    })
}

fn open_out(path: &Path) -> Result<Box<dyn Write>> {
    let f = std::fs::File::create(path).map_err(io(path))?;
    Ok(Box::new(std::io::BufWriter::with_capacity(1 << 20, f)))
}

/// Export `archive` as `opts` says.
pub fn export(
    archive: &Archive,
    host: &PluginHost,
    opts: &ExportOptions,
    progress: &dyn Progress,
) -> Result<ExportSummary> {
    // What to export, and through which pipeline.
    if let Some(name) = &opts.snapshot {
        if opts.selection.with.is_some() || !opts.selection.without.is_empty() {
            return Err(Error::Usage(format!(
                "snapshot {name:?} pins its pipeline; export it without --with/--without, or export the latest versions with them"
            )));
        }
    }
    let (mut records, pipeline, snapshot_name) = plan(
        archive,
        host,
        opts.snapshot.as_deref(),
        &opts.prefix,
        opts.raw,
        opts.allow_pipeline_change,
        &opts.selection,
    )?;
    // Duplicates among the exported documents (all shards' alike): dropped with
    // `--dedup`, else named in the metadata (`near_duplicate_of`) at the default threshold.
    let kept_for = dedup::duplicates_among(archive, &records, opts.dedup)?;
    if let Some(shard) = &opts.shard {
        records.retain(|(key, _)| shard.contains(key));
    }
    // Corpus statistics for the plugins that take them: a snapshot's pinned ones, else
    // the archive's current ones.
    let stats = if !pipeline.takes_corpus() {
        None
    } else if let Some(name) = &snapshot_name {
        crate::corpus::pinned(archive, name)?
    } else {
        Some(crate::corpus::CorpusStats::load_or_build(archive, false)?)
    };
    let fingerprint = pipeline.fingerprint();
    let stats = stats.as_ref();
    let to_stdout = opts.out.as_os_str() == "-";
    if to_stdout && opts.format == ExportFormat::Dir {
        return Err(Error::Usage(
            "--out - (stdout) needs --format jsonl or tar".into(),
        ));
    }
    let manifest_path = match opts.format {
        ExportFormat::Dir => Some(opts.out.join("manifest.json")),
        _ if to_stdout => None,
        _ => Some(PathBuf::from(format!(
            "{}.manifest.json",
            opts.out.display()
        ))),
    };
    // Everything is written under a temporary name and renamed into place when
    // complete, the manifest last (see `output`).
    let mut staging = output::Staging::default();
    let mut staged_manifest = None;
    let mut staged_data: Option<PathBuf> = None;
    if !to_stdout {
        output::check_not_archive(archive.dir(), &opts.out)?;
    }
    let written = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let setup = |sink: Result<Sink>| sink.map_err(|e| cannot_write(&opts.out, e));
    let mut sink = setup((|| -> Result<Sink> {
        Ok(match opts.format {
            ExportFormat::Dir => {
                output::check_dir_target(&opts.out, opts.force)?;
                let root = output::start_dir(&opts.out)?;
                staging.add(root.clone());
                staged_data = Some(root.clone());
                staged_manifest = Some(root.join("manifest.json"));
                Sink::Dir { root }
            }
            _ if to_stdout => match opts.format {
                ExportFormat::Jsonl => Sink::Jsonl {
                    out: counted(
                        Box::new(std::io::BufWriter::new(std::io::stdout())),
                        &written,
                    ),
                },
                _ => {
                    let out: Box<dyn Write> = Box::new(std::io::BufWriter::new(std::io::stdout()));
                    let mut builder = tar::Builder::new(counted(out, &written));
                    builder.mode(tar::HeaderMode::Deterministic);
                    Sink::Tar { builder }
                }
            },
            _ => {
                let m = manifest_path.clone().unwrap_or_default();
                output::check_file_target(&opts.out, &m, opts.force)?;
                output::sweep_leftovers(&opts.out);
                output::sweep_leftovers(&m);
                let data = output::partial_path(&opts.out, "partial");
                let sm = output::partial_path(&m, "partial");
                staging.add(data.clone());
                staged_data = Some(data.clone());
                staging.add(sm.clone());
                staged_manifest = Some(sm);
                let out = counted(open_out(&data)?, &written);
                match opts.format {
                    ExportFormat::Jsonl => Sink::Jsonl { out },
                    _ => {
                        let mut builder = tar::Builder::new(out);
                        builder.mode(tar::HeaderMode::Deterministic);
                        Sink::Tar { builder }
                    }
                }
            }
        })
    })())?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start export threads: {e}")))?;
    progress.start(records.len() as u64, 0);
    let mut summary = ExportSummary {
        manifest: manifest_path.clone(),
        ..ExportSummary::default()
    };
    let mut assigner = PathAssigner::default();
    if opts.format != ExportFormat::Jsonl {
        assigner.reserve("manifest.json");
    }
    // Per-record manifest entries go to a spool file, not memory: an export of any size
    // runs in bounded memory.
    let mut spool =
        std::io::BufWriter::new(tempfile::tempfile().map_err(io(&std::env::temp_dir()))?);
    let mut spooled = 0u64;
    let mut manifest_dropped = Vec::new();
    let mut renamed = Vec::new();

    for chunk in records.chunks(CHUNK) {
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map_init(
                    || pipeline.runner(),
                    |runner, (key, version)| {
                        let kept = kept_for.get(key);
                        let r = match (kept, opts.dedup) {
                            (Some(kept), Some(_)) => Done {
                                key: key.clone(),
                                version: *version,
                                imported_ms: 0,
                                result: Ok(None),
                                dropped: Some(("dedup".into(), format!("duplicate of {kept}"))),
                            },
                            _ => process(archive, runner, stats, key, *version, kept),
                        };
                        progress.advance(1, 0);
                        r
                    },
                )
                .collect()
        });
        for d in done {
            match d.result {
                Err(e) => summary.failed.push(Failure {
                    input: format!("{}@{}", d.key, d.version),
                    error: e,
                }),
                Ok(None) => {
                    let (plugin, reason) = d.dropped.unwrap_or_default();
                    summary.dropped += 1;
                    // Duplicates are counted together; the manifest names each one's kept key.
                    let counted = match opts.dedup {
                        Some(mode) if plugin == "dedup" => mode.reason().to_string(),
                        _ => reason.clone(),
                    };
                    *summary
                        .dropped_reasons
                        .entry(format!("{plugin}: {counted}"))
                        .or_default() += 1;
                    manifest_dropped.push(json!({"key": d.key, "version": d.version, "plugin": plugin, "reason": reason}));
                }
                Ok(Some((bytes, meta))) => {
                    let hash = blake3::hash(&bytes).to_hex().to_string();
                    let mut entry = json!({"key": d.key, "version": d.version, "blake3": hash});
                    match &mut sink {
                        Sink::Dir { root } => {
                            let rel = assigner.assign(&d.key);
                            let path = outpath::join(root, &rel);
                            if let Some(parent) = path.parent() {
                                std::fs::create_dir_all(parent).map_err(io(parent))?;
                            }
                            std::fs::write(&path, &bytes).map_err(io(&path))?;
                            if rel != d.key {
                                renamed.push(json!({"key": d.key, "path": rel}));
                            }
                            entry["path"] = json!(rel);
                        }
                        Sink::Tar { builder } => {
                            let rel = assigner.assign(&d.key);
                            let mut header = tar::Header::new_gnu();
                            header.set_size(bytes.len() as u64);
                            header.set_mode(0o644);
                            header.set_mtime(d.imported_ms / 1000);
                            header.set_entry_type(tar::EntryType::Regular);
                            builder
                                .append_data(&mut header, &rel, bytes.as_slice())
                                .map_err(io(&opts.out))?;
                            if rel != d.key {
                                renamed.push(json!({"key": d.key, "path": rel}));
                            }
                            entry["path"] = json!(rel);
                        }
                        Sink::Jsonl { out } => {
                            let line = output::jsonl_record(&d.key, d.version, &bytes, &meta);
                            serde_json::to_writer(&mut *out, &line)
                                .map_err(|e| io(&opts.out)(e.into()))?;
                            out.write_all(b"\n").map_err(io(&opts.out))?;
                        }
                    }
                    summary.exported += 1;
                    if opts.format == ExportFormat::Dir {
                        summary.bytes_written += bytes.len() as u64;
                    }
                    if spooled > 0 {
                        spool.write_all(b",\n").map_err(io(&std::env::temp_dir()))?;
                    }
                    serde_json::to_writer(&mut spool, &entry)
                        .map_err(|e| io(&std::env::temp_dir())(e.into()))?;
                    spooled += 1;
                }
            }
        }
    }
    progress.finish();

    let manifest = json!({
        "wenku_version": env!("CARGO_PKG_VERSION"),
        "exported_at": rfc3339(crate::archive::now_ms()),
        "format": match opts.format { ExportFormat::Dir => "dir", ExportFormat::Jsonl => "jsonl", ExportFormat::Tar => "tar" },
        "snapshot": snapshot_name,
        "prefix": opts.prefix,
        "shard": opts.shard.map(|s| s.to_string()),
        "raw": opts.raw,
        "dedup": opts.dedup.map(|m| match m {
            DedupMode::Exact => "exact".to_string(),
            DedupMode::Near(t) => format!("near={t}"),
        }),
        "pipeline": fingerprint.iter().map(|f: &StageFingerprint| json!(f)).collect::<Vec<_>>(),
        "counts": {
            "exported": summary.exported,
            "dropped": summary.dropped,
            "dropped_reasons": summary.dropped_reasons,
            "failed": summary.failed.len(),
        },
        "records": RECORDS_MARK,
        "dropped": manifest_dropped,
        "failed": summary.failed,
        "renamed": renamed,
    });
    let manifest_text =
        serde_json::to_string_pretty(&manifest).map_err(|e| Error::Usage(e.to_string()))?;
    let mark = format!("\"{RECORDS_MARK}\"");
    let (head, tail) = manifest_text
        .split_once(&mark)
        .unwrap_or((&manifest_text, ""));
    let mut spool = spool
        .into_inner()
        .map_err(|e| io(&std::env::temp_dir())(e.into_error()))?;
    let spool_len = std::io::Seek::seek(&mut spool, std::io::SeekFrom::End(0))
        .map_err(io(&std::env::temp_dir()))?;
    std::io::Seek::seek(&mut spool, std::io::SeekFrom::Start(0))
        .map_err(io(&std::env::temp_dir()))?;
    let manifest_len = (head.len() + 2 + tail.len()) as u64 + spool_len;
    let write_manifest = |out: &mut dyn Write, spool: &mut std::fs::File| -> std::io::Result<()> {
        out.write_all(head.as_bytes())?;
        out.write_all(b"[")?;
        std::io::copy(spool, out)?;
        out.write_all(b"]")?;
        out.write_all(tail.as_bytes())
    };
    let mut records_bytes = None;
    match sink {
        Sink::Dir { .. } => {}
        Sink::Jsonl { mut out } => {
            // The bytes of the records (without the completion record below).
            records_bytes = Some(written.load(std::sync::atomic::Ordering::Relaxed));
            if to_stdout {
                // The stdout form ends with a record that says the export completed.
                let done = json!({"wenku_export": {
                    "complete": true,
                    "wenku_version": env!("CARGO_PKG_VERSION"),
                    "exported": summary.exported,
                    "dropped": summary.dropped,
                    "failed": summary.failed.len(),
                }});
                serde_json::to_writer(&mut out, &done).map_err(|e| io(&opts.out)(e.into()))?;
                out.write_all(b"\n").map_err(io(&opts.out))?;
            }
            out.flush().map_err(io(&opts.out))?
        }
        Sink::Tar { mut builder } => {
            if manifest_path.is_none() {
                let mut bytes = Vec::with_capacity(manifest_len as usize);
                write_manifest(&mut bytes, &mut spool).map_err(io(&opts.out))?;
                let mut header = tar::Header::new_gnu();
                header.set_size(bytes.len() as u64);
                header.set_mode(0o644);
                header.set_entry_type(tar::EntryType::Regular);
                builder
                    .append_data(&mut header, "manifest.json", bytes.as_slice())
                    .map_err(io(&opts.out))?;
            }
            let mut out = builder.into_inner().map_err(io(&opts.out))?;
            out.flush().map_err(io(&opts.out))?;
        }
    }
    if opts.format != ExportFormat::Dir {
        summary.bytes_written =
            records_bytes.unwrap_or_else(|| written.load(std::sync::atomic::Ordering::Relaxed));
    }
    if let Some(m) = &staged_manifest {
        let file = std::fs::File::create(m).map_err(io(m))?;
        let mut f = std::io::BufWriter::new(file);
        write_manifest(&mut f, &mut spool)
            .and_then(|_| f.flush())
            .map_err(io(m))?;
        let file = f.into_inner().map_err(|e| io(m)(e.into_error()))?;
        file.sync_all().map_err(io(m))?;
    }
    match (&staged_data, &staged_manifest) {
        (Some(root), _) if opts.format == ExportFormat::Dir => {
            output::finish_dir(root, &opts.out)?;
        }
        (Some(data), Some(sm)) => {
            std::fs::File::open(data)
                .and_then(|f| f.sync_all())
                .map_err(io(data))?;
            let m = manifest_path.clone().unwrap_or_default();
            output::finish_file(data, &opts.out, sm, &m)?;
        }
        _ => {}
    }
    staging.done();
    Ok(summary)
}

/// What [`plan`] selects: versions in key order, the pipeline, the snapshot's name.
pub(crate) type Plan = (Vec<(String, u32)>, Pipeline, Option<String>);

/// The versions to export (in key order) and the pipeline to run them through: a
/// snapshot's entries and pinned pipeline, else the latest version of every key under
/// `prefix` and the archive's pipeline (changed by `selection`); no plugins when `raw`.
pub(crate) fn plan(
    archive: &Archive,
    host: &PluginHost,
    snapshot: Option<&str>,
    prefix: &str,
    raw: bool,
    allow_pipeline_change: bool,
    selection: &plugin::Selection,
) -> Result<Plan> {
    Ok(match &snapshot {
        Some(name) => {
            let meta = snapshot::require(archive, name)?;
            let entries: Vec<(String, u32)> = snapshot::entries(archive, &meta)?
                .into_iter()
                .filter(|(k, _)| k.starts_with(prefix))
                .collect();
            let pipeline = if raw {
                Pipeline::default()
            } else {
                let allow = allow_pipeline_change;
                plugin::pipeline_from_specs(host, &meta.pipeline, |plugin_name, found, pinned| {
                    if allow {
                        return Ok(());
                    }
                    Err(Error::Plugin(format!(
                        "snapshot {name:?} was made with plugin {plugin_name} sha256 {}, but the library found is sha256 {} ({}); \
                         the export would not be reproducible — restore that build, or add --allow-pipeline-change",
                        &hex(pinned)[..16],
                        &hex(&found.info.sha256)[..16],
                        found.info.path.display()
                    )))
                })?
            };
            (entries, pipeline, Some(name.to_string()))
        }
        None => {
            let latest = archive
                .list(prefix)?
                .into_iter()
                .map(|(k, h)| (k, h.latest))
                .collect();
            let pipeline = if raw {
                Pipeline::default()
            } else {
                plugin::archive_pipeline(archive, host, selection)?
            };
            (latest, pipeline, None)
        }
    })
}

/// The JSONL object of a kept record: `{"id","version","text","metadata"}`, the text
/// decoded as UTF-8 (lossily, then marked with `metadata.text_lossy_utf8`).
pub(crate) fn jsonl_line(
    key: &str,
    version: u32,
    bytes: &[u8],
    meta: &[(String, String)],
) -> serde_json::Value {
    record::record_json(key, version, bytes, meta)
}

/// Read one version and run the pipeline on it, starting from the one metadata builder
/// ([`record::start`]) that `cat`, `explain` and the server use too.
pub(crate) fn process(
    archive: &Archive,
    runner: &mut plugin::pipeline::Runner<'_>,
    stats: Option<&crate::corpus::CorpusStats>,
    key: &str,
    version: u32,
    near_duplicate_of: Option<&String>,
) -> Done {
    let mut done = Done {
        key: key.to_string(),
        version,
        imported_ms: 0,
        result: Ok(None),
        dropped: None,
    };
    let doc = match archive.read(key, Some(version)) {
        Ok(d) => d,
        Err(e) => {
            done.result = Err(e.to_string());
            return done;
        }
    };
    done.imported_ms = doc.record.imported_ms;
    let (meta, lookup) = record::start(archive, stats, &doc);
    done.result = match runner.run_with_corpus(&doc.bytes, meta, lookup) {
        Ok(p) => match p.outcome {
            Outcome::Kept(bytes) => {
                let mut meta = p.meta;
                if let Some(kept) = near_duplicate_of {
                    meta.push(("near_duplicate_of".into(), kept.clone()));
                }
                Ok(Some((bytes.to_vec(), meta)))
            }
            Outcome::Dropped { plugin, reason } => {
                done.dropped = Some((plugin, reason));
                Ok(None)
            }
        },
        Err(e) => Err(e.to_string()),
    };
    done
}
