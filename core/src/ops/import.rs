//! Import: walk the inputs, hash and compress on all cores, write with one writer.
//!
//! Work goes in batches (bounded in files and bytes, so memory stays bounded). For each
//! batch the worker threads read, sniff, hash and compress; then this thread writes the
//! new blobs (content-addressed, so a blob written before a crash is harmless) and
//! commits all version records and heads of the batch in one atomic write. After a
//! crash every document is therefore either fully present, with all its versions'
//! bytes, or absent. The archive is flushed before the summary is returned.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::archive::{now_ms, Archive};
use crate::error::{Error, Result};
use crate::exchange::{self, Format, Record};
use crate::sniff::{self, SNIFF_LEN};
use crate::store::blobs;
use crate::store::codec::{self, Base, Encoded, Plan};
use crate::store::engine::{TreeName, Write};
use crate::store::keys;
use crate::store::records::MediaType;
use crate::store::records::{encode, BlobHash, Codec, DocHead, InlineDelta, Source, VersionRecord};

/// Files above this size are hashed and compressed as streams, in bounded memory.
pub const STREAM_LIMIT: u64 = 32 * 1024 * 1024;
const BATCH_FILES: usize = 2048;
const BATCH_BYTES: u64 = 64 * 1024 * 1024;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Put before every key (joined with `/`).
    pub prefix: String,
    /// Files and directories whose relative path or name matches are skipped.
    pub exclude: Vec<glob::Pattern>,
    /// Worker threads (default: all cores).
    pub jobs: Option<usize>,
    /// How files are read (one document each, JSONL, WARC, or by extension and content).
    pub format: Format,
}

/// Told about the progress of a long import. Called from worker threads.
pub trait Progress: Sync {
    fn start(&self, _files: u64, _bytes: u64) {}
    fn advance(&self, _files: u64, _bytes: u64) {}
    fn finish(&self) {}
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// An input that could not be imported, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Failure {
    pub input: String,
    pub error: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    pub new_documents: u64,
    pub new_versions: u64,
    pub unchanged: u64,
    pub failed: Vec<Failure>,
    /// Raw bytes of the inputs read.
    pub raw_bytes: u64,
    /// Bytes added to the archive's blobs (after deduplication and compression).
    pub stored_bytes: u64,
    /// Things worth telling that are not failures (e.g. escaped file names).
    pub notes: Vec<String>,
}

/// One document to import: a file, or a record read from an exchange file.
struct Entry {
    path: PathBuf,
    key: String,
    escaped: bool,
    len: u64,
    record: Option<Record>,
}

impl Entry {
    /// How the input is named in messages.
    fn input(&self) -> String {
        match &self.record {
            Some(r) => r.source.clone(),
            None => self.path.display().to_string(),
        }
    }
}

/// A file read, hashed and (if its blob is new) compressed.
struct Prepared {
    entry: Entry,
    hash: BlobHash,
    sniffed: sniff::Sniffed,
    /// Compressed bytes of a new small blob.
    encoded: Option<Stored>,
    /// A large file whose blob is new: stream it in the writer.
    stream: bool,
}

/// Import files and directories (recursively) into `archive`.
pub fn import_paths(
    archive: &Archive,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let files = walk(paths, opts, &mut summary.failed);
    progress.start(files.len() as u64, files.iter().map(|e| e.len).sum());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
        .map_err(|e| {
            Error::Usage(format!(
                "cannot start {} import threads: {e}",
                opts.jobs.unwrap_or(0)
            ))
        })?;
    let mut batches = Batches {
        writer: Writer {
            archive,
            pending: HashMap::new(),
            next_id: archive.next_doc_id()?,
            summary,
        },
        pool,
        progress,
        batch: Vec::new(),
        bytes: 0,
        waiting: None,
    };
    let mut revisits = exchange::warc::Revisits::default();
    for file in files {
        match exchange::detect(&file.path, opts.format) {
            Format::Jsonl | Format::Warc | Format::Arc => {
                let format = exchange::detect(&file.path, opts.format);
                let name = file.path.display().to_string();
                let mut reader = match exchange::open(&file.path) {
                    Ok(r) => r,
                    Err(e) => {
                        batches.writer.summary.failed.push(Failure {
                            input: name,
                            error: io_message(&e),
                        });
                        continue;
                    }
                };
                let mut result: Result<()> = Ok(());
                let mut each = |r: std::result::Result<Record, exchange::BadRecord>| {
                    if result.is_err() {
                        return;
                    }
                    match r {
                        Ok(rec) => {
                            let key = if opts.prefix.is_empty() {
                                rec.key.clone()
                            } else if opts.prefix.ends_with('/') {
                                format!("{}{}", opts.prefix, rec.key)
                            } else {
                                format!("{}/{}", opts.prefix, rec.key)
                            };
                            let entry = Entry {
                                path: file.path.clone(),
                                key,
                                escaped: false,
                                len: rec.body.len() as u64,
                                record: Some(rec),
                            };
                            result = batches.push(entry);
                        }
                        Err(bad) => batches.writer.summary.failed.push(Failure {
                            input: bad.input,
                            error: bad.error,
                        }),
                    }
                };
                let read = match format {
                    Format::Jsonl => exchange::jsonl::read(&mut reader, &name, &mut each),
                    Format::Arc => exchange::arc::read(&mut reader, &name, &mut each),
                    _ => exchange::warc::read_with(&mut reader, &name, &mut revisits, &mut each),
                };
                result?;
                if let Err(e) = read {
                    batches.writer.summary.failed.push(Failure {
                        input: name,
                        error: format!("read error, the rest of the file is skipped: {e}"),
                    });
                }
                progress.advance(1, file.len);
            }
            Format::Parquet => batches.writer.summary.failed.push(Failure {
                input: file.path.display().to_string(),
                error: "Parquet is imported by the Python package: `python -m wenku import -A ARCHIVE FILE...` (pip install ./python)".into(),
            }),
            _ => batches.push(file)?,
        }
    }
    batches.finish()?;
    archive.flush()?;
    let summary = &batches.writer.summary;
    if summary.new_documents + summary.new_versions > 0 {
        archive.reclaim()?;
        // The corpus statistics follow the new documents (see `corpus`).
        crate::corpus::CorpusStats::load_or_build(archive, true)?;
    }
    progress.finish();
    Ok(batches.writer.summary)
}

/// Entries gathered into batches bounded in count and bytes; each full batch is
/// prepared on the worker threads and written.
struct Batches<'a> {
    writer: Writer<'a>,
    pool: rayon::ThreadPool,
    progress: &'a dyn Progress,
    batch: Vec<Entry>,
    bytes: u64,
    /// A prepared batch waiting for the writer (written while the next one is prepared).
    waiting: Option<Vec<std::result::Result<Prepared, Failure>>>,
}

impl Batches<'_> {
    fn push(&mut self, e: Entry) -> Result<()> {
        let size = e.len.min(STREAM_LIMIT);
        if !self.batch.is_empty()
            && (self.batch.len() >= BATCH_FILES || self.bytes + size > BATCH_BYTES)
        {
            self.flush()?;
        }
        self.bytes += size;
        self.batch.push(e);
        Ok(())
    }

    /// Prepare the gathered batch on the worker threads while the writer writes the
    /// previous one.
    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.bytes = 0;
        let archive = self.writer.archive;
        if archive.codecs().current().is_none() {
            train_from(archive, &batch);
        }
        let progress = self.progress;
        let waiting = self.waiting.take();
        let writer = &mut self.writer;
        let (prepared, written) = self.pool.install(|| {
            rayon::join(
                || {
                    batch
                        .into_par_iter()
                        .map(|entry| {
                            let (len, file) = (entry.len, entry.record.is_none());
                            let r = prepare(archive, entry);
                            if file {
                                progress.advance(1, len);
                            }
                            r
                        })
                        .collect::<Vec<_>>()
                },
                || waiting.map_or(Ok(()), |w| writer.write_batch(w)),
            )
        });
        written?;
        self.waiting = Some(prepared);
        Ok(())
    }

    /// Prepare and write everything still gathered or waiting.
    fn finish(&mut self) -> Result<()> {
        self.flush()?;
        match self.waiting.take() {
            Some(w) => self.writer.write_batch(w),
            None => Ok(()),
        }
    }
}

/// Documents in an archive (with the batch coming in) before a dictionary is trained
/// from a sample of them. Measured on the news pages (`cargo bench -p wenku-tests --bench
/// dictionary`): a 255 KiB dictionary trained on 256 documents stores them 1.30× smaller
/// than plain zstd -3, on 1,000 documents also 1.30× (110 KiB dictionaries: 1.30× from
/// 128 documents on); fewer than 128 documents are too small a sample for 255 KiB.
pub const TRAIN_MIN_DOCS: usize = 256;
/// Largest sample taken from one document for training, and most documents sampled.
/// Training time grows with the sample and holds up the first batch: on the news pages
/// 1,000 samples made the whole import 0.70 s, 600 samples 0.57 s, for 0.3% more bytes.
const SAMPLE_BYTES: usize = 8 * 1024;
const SAMPLE_DOCS: usize = 600;

/// Train the archive's first dictionary from `batch` when there are enough documents.
fn train_from(archive: &Archive, batch: &[Entry]) {
    // Only new documents count: new versions of documents already stored become deltas,
    // and a dictionary trained on them would cost its size for nothing.
    let existing = archive.engine().len(crate::store::engine::TreeName::Docs);
    let new_docs: Vec<&Entry> = batch
        .iter()
        .filter(|e| archive.head(&e.key).ok().flatten().is_none())
        .collect();
    if existing + new_docs.len() < TRAIN_MIN_DOCS || new_docs.len() < 32 {
        return;
    }
    let step = (new_docs.len() / SAMPLE_DOCS).max(1);
    let samples: Vec<Vec<u8>> = new_docs
        .iter()
        .step_by(step)
        .filter_map(|e| match &e.record {
            Some(r) => Some(r.body[..r.body.len().min(SAMPLE_BYTES)].to_vec()),
            None => {
                let mut buf = vec![0; SAMPLE_BYTES];
                let n = std::fs::File::open(&e.path)
                    .and_then(|mut f| read_full(&mut f, &mut buf))
                    .ok()?;
                buf.truncate(n);
                Some(buf)
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    let refs: Vec<&[u8]> = samples.iter().map(Vec::as_slice).collect();
    let total: usize = refs.iter().map(|s| s.len()).sum();
    let size = codec::dict_size(total / 4, codec::DICT_SIZE);
    if let Some(dict) = codec::train(&refs, size) {
        // A dictionary that cannot be stored leaves the import on plain zstd.
        let _ = archive.codecs().install(archive.engine(), dict);
    }
}

/// Compress a new blob of `key`: with the current dictionary, or as a delta against the
/// latest version of the key (or the root of its delta chain, see
/// [`blobs::BlobStore::delta_base`]) when that is smaller.
fn compress(archive: &Archive, key: &str, hash: &BlobHash, raw: &[u8]) -> Result<Stored> {
    let choice = match archive.head(key)? {
        Some(head) => choose_base(archive, key, head.latest, hash)?,
        None => None,
    };
    let plan = Plan {
        level: blobs::DEFAULT_LEVEL,
        dict: archive.codecs().current(),
        base: choice.as_ref().map(|c| Base {
            hash: c.hash,
            raw: &c.bytes,
            depth: c.depth,
        }),
    };
    let enc = codec::compress(raw, &plan)?;
    if let (Codec::ZstdDelta { depth, .. }, Some(c)) = (&enc.codec, &choice) {
        if let Some(version) = c.version {
            if enc.data.len() <= INLINE_MAX {
                return Ok(Stored::Inline(InlineDelta {
                    base: version,
                    depth: *depth,
                    data: enc.data,
                }));
            }
            if c.inline_only {
                // A large delta against a version that is itself inline cannot become a
                // blob (its base would be no blob): delta against the blob the inline
                // chain starts from instead (or store the version whole).
                let base = blob_base(archive, key, version)?;
                let plan = Plan {
                    base: base.as_ref().map(|(hash, depth, bytes)| Base {
                        hash: *hash,
                        raw: bytes,
                        depth: *depth,
                    }),
                    ..plan
                };
                return Ok(Stored::Blob(codec::compress(raw, &plan)?));
            }
        }
    }
    Ok(Stored::Blob(enc))
}

/// Deltas up to this many bytes are kept in the version record ([`InlineDelta`]).
/// Measured on 205 documents × 10 small edits: a small edit's delta is ~40 bytes, and the
/// blob record, its 32-byte key and the pack entry it saves cost ~80 more.
pub const INLINE_MAX: usize = 512;

/// The bytes of a new version, ready to write.
enum Stored {
    /// A blob for the blobs tree.
    Blob(Encoded),
    /// A small delta kept in the version record.
    Inline(InlineDelta),
}

/// What a new version may be stored as a delta against.
struct BaseChoice {
    /// The base's version of the same document (`None`: a blob found through the blob
    /// delta chains, which only a blob delta may use).
    version: Option<u32>,
    hash: BlobHash,
    depth: u32,
    /// The base version is itself inline (its bytes are no blob).
    inline_only: bool,
    bytes: Vec<u8>,
}

/// The depth of a stored version: decompressions beyond the first to read it (`None`:
/// its blob record is missing).
fn version_depth(archive: &Archive, rec: &VersionRecord) -> Result<Option<u32>> {
    if let Some(d) = &rec.delta {
        return Ok(Some(d.depth));
    }
    Ok(archive.blobs().record(&rec.blob)?.map(|b| match b.codec {
        Codec::ZstdDelta { depth, .. } => depth,
        _ => 0,
    }))
}

/// The base for a new version of `key` (latest version `latest`): the latest version
/// while its chain is shorter than [`codec::DELTA_DEPTH_MAX`], else the full version at
/// the root of its chain, so a document keeps one full copy however often it changes and
/// every read costs at most `DELTA_DEPTH_MAX + 1` decompressions.
fn choose_base(
    archive: &Archive,
    key: &str,
    latest: u32,
    new_hash: &BlobHash,
) -> Result<Option<BaseChoice>> {
    let (_, prev) = archive.version(key, Some(latest))?;
    if prev.blob == *new_hash || prev.raw_len > DELTA_BASE_MAX {
        return Ok(None);
    }
    let (mut n, mut rec) = (latest, prev);
    for step in 0..=codec::DELTA_DEPTH_MAX + 1 {
        let Some(depth) = version_depth(archive, &rec)? else {
            return Ok(None);
        };
        if (step == 0 && depth < codec::DELTA_DEPTH_MAX) || depth == 0 {
            let bytes = archive.version_bytes(key, n, &rec)?;
            return Ok(Some(BaseChoice {
                version: Some(n),
                hash: rec.blob,
                depth,
                inline_only: rec.delta.is_some(),
                bytes,
            }));
        }
        match &rec.delta {
            Some(d) => {
                n = d.base;
                rec = archive.version(key, Some(n))?.1;
            }
            None => {
                // A blob delta: its chain root is a blob, maybe of another document.
                return Ok(blob_chain_base(archive, key, &rec.blob)?.map(
                    |(hash, depth, bytes)| BaseChoice {
                        version: None,
                        hash,
                        depth,
                        inline_only: false,
                        bytes,
                    },
                ));
            }
        }
    }
    Ok(None)
}

/// A blob a blob delta may use, for a new version whose natural base, `version` of
/// `key`, is inline: the blob its inline chain starts from, or that blob's chain root.
fn blob_base(
    archive: &Archive,
    key: &str,
    version: u32,
) -> Result<Option<(BlobHash, u32, Vec<u8>)>> {
    let mut rec = archive.version(key, Some(version))?.1;
    for _ in 0..=codec::DELTA_DEPTH_MAX + 1 {
        match &rec.delta {
            Some(d) => rec = archive.version(key, Some(d.base))?.1,
            None => return blob_chain_base(archive, key, &rec.blob),
        }
    }
    Ok(None)
}

/// The blob a blob delta may use when the previous blob is `prev` (see
/// [`blobs::BlobStore::delta_base`]), with its depth and raw bytes.
fn blob_chain_base(
    archive: &Archive,
    key: &str,
    prev: &BlobHash,
) -> Result<Option<(BlobHash, u32, Vec<u8>)>> {
    match archive.blobs().delta_base(prev)? {
        Some((hash, depth)) => Ok(Some((hash, depth, archive.blobs().read(&hash, key)?))),
        None => Ok(None),
    }
}

/// Versions larger than this are not used as delta bases (they would be held whole).
const DELTA_BASE_MAX: u64 = 16 << 20;

/// List the files to import, in a stable order; record what cannot be walked.
fn walk(paths: &[PathBuf], opts: &ImportOptions, failed: &mut Vec<Failure>) -> Vec<Entry> {
    let mut out = Vec::new();
    let excluded = |rel: &Path| {
        let rel_s = rel.to_string_lossy();
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        opts.exclude
            .iter()
            .any(|p| p.matches(&rel_s) || p.matches(&name))
    };
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                failed.push(Failure {
                    input: root.display().to_string(),
                    error: io_message(&e),
                });
                continue;
            }
        };
        if meta.is_file() {
            let name = root
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| root.clone());
            let k = keys::key_from_path(&opts.prefix, &name);
            out.push(Entry {
                path: root.clone(),
                key: k.key,
                escaped: k.escaped,
                len: meta.len(),
                record: None,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !excluded(e.path().strip_prefix(root).unwrap_or(e.path()))
            });
        for item in walker {
            match item {
                Ok(e) if e.file_type().is_file() => {
                    let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                    let k = keys::key_from_path(&opts.prefix, rel);
                    let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                    out.push(Entry {
                        path: e.path().to_path_buf(),
                        key: k.key,
                        escaped: k.escaped,
                        len,
                        record: None,
                    });
                }
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => failed.push(Failure {
                    input: e.path().display().to_string(),
                    error: "not a regular file (device, socket or pipe); skipped".into(),
                }),
                Err(e) => {
                    let input = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| root.display().to_string());
                    let error = match (e.loop_ancestor(), e.io_error()) {
                        (Some(anc), _) => format!(
                            "symlink loop (points back to {}); skipped — remove the link or --exclude it",
                            anc.display()
                        ),
                        (None, Some(io)) => io_message(io),
                        (None, None) => e.to_string(),
                    };
                    failed.push(Failure { input, error });
                }
            }
        }
    }
    out
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "no such file or directory (did it vanish during the import?)".into()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's permissions".into()
        }
        _ => format!("cannot read: {e}"),
    }
}

fn prepare(archive: &Archive, mut entry: Entry) -> std::result::Result<Prepared, Failure> {
    if let Some(rec) = entry.record.as_mut() {
        let raw = std::mem::take(&mut rec.body);
        let hash = *blake3::hash(&raw).as_bytes();
        let mut sniffed = sniff::sniff(&raw, &rec.key);
        if let Some(m) = rec.media_type.as_deref() {
            sniffed.media_type = match m {
                "text/html" | "application/xhtml+xml" => MediaType::Html,
                "text/markdown" => MediaType::Markdown,
                m if m.starts_with("text/") => MediaType::Text,
                _ => sniffed.media_type,
            };
        }
        if rec.charset.is_some() {
            sniffed.charset = rec.charset.clone();
        }
        if rec.title.is_some() {
            sniffed.title = rec.title.clone();
        }
        let input = rec.source.clone();
        let failure = |e: Error| Failure {
            input: input.clone(),
            error: e.to_string(),
        };
        let encoded = if archive.blobs().exists(&hash).map_err(failure)? {
            None
        } else {
            Some(compress(archive, &rec.key, &hash, &raw).map_err(failure)?)
        };
        entry.len = raw.len() as u64;
        return Ok(Prepared {
            sniffed,
            entry,
            hash,
            encoded,
            stream: false,
        });
    }
    let fail = |path: &Path, error: String| Failure {
        input: path.display().to_string(),
        error,
    };
    let len = std::fs::metadata(&entry.path)
        .map_err(|e| fail(&entry.path, io_message(&e)))?
        .len();
    entry.len = len;
    let name = entry.path.to_string_lossy().into_owned();
    if len > STREAM_LIMIT {
        let mut file =
            std::fs::File::open(&entry.path).map_err(|e| fail(&entry.path, io_message(&e)))?;
        let mut head = vec![0; SNIFF_LEN];
        let n = read_full(&mut file, &mut head).map_err(|e| fail(&entry.path, io_message(&e)))?;
        head.truncate(n);
        let mut hasher = blake3::Hasher::new();
        hasher.update(&head);
        hasher
            .update_reader(&mut file)
            .map_err(|e| fail(&entry.path, io_message(&e)))?;
        let hash = *hasher.finalize().as_bytes();
        let stream = !archive
            .blobs()
            .exists(&hash)
            .map_err(|e| fail(&entry.path, e.to_string()))?;
        return Ok(Prepared {
            sniffed: sniff::sniff(&head, &name),
            entry,
            hash,
            encoded: None,
            stream,
        });
    }
    let raw = std::fs::read(&entry.path).map_err(|e| fail(&entry.path, io_message(&e)))?;
    entry.len = raw.len() as u64;
    let hash = *blake3::hash(&raw).as_bytes();
    let encoded = if archive
        .blobs()
        .exists(&hash)
        .map_err(|e| fail(&entry.path, e.to_string()))?
    {
        None
    } else {
        Some(
            compress(archive, &entry.key, &hash, &raw)
                .map_err(|e| fail(&entry.path, e.to_string()))?,
        )
    };
    Ok(Prepared {
        sniffed: sniff::sniff(&raw, &name),
        entry,
        hash,
        encoded,
        stream: false,
    })
}

fn read_full(r: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The single writer of an import.
struct Writer<'a> {
    archive: &'a Archive,
    /// Heads written by this import (a key may come twice).
    pending: HashMap<String, DocHead>,
    /// Id of the next new document.
    next_id: u64,
    summary: ImportSummary,
}

impl Writer<'_> {
    fn write_batch(&mut self, prepared: Vec<std::result::Result<Prepared, Failure>>) -> Result<()> {
        let engine = self.archive.engine();
        let store = self.archive.blobs();
        let mut writes: Vec<Write> = Vec::new();
        let mut new_blobs: std::collections::HashSet<BlobHash> = std::collections::HashSet::new();
        for p in prepared {
            let mut p = match p {
                Ok(p) => p,
                Err(f) => {
                    self.summary.failed.push(f);
                    continue;
                }
            };
            if let Err(e) = keys::validate(&p.entry.key) {
                self.summary.failed.push(Failure {
                    input: p.entry.input(),
                    error: e.to_string(),
                });
                continue;
            }
            let head = match self.pending.get(&p.entry.key) {
                Some(h) => Some(h.clone()),
                None => self.archive.head(&p.entry.key)?,
            };
            let mut last = None;
            if let Some(h) = &head {
                let (_, rec) = self.record_at(&p.entry.key, h, h.latest, &writes)?;
                if rec.blob == p.hash {
                    self.summary.unchanged += 1;
                    continue;
                }
                last = Some((h.clone(), rec));
            }
            let mut inline = None;
            if new_blobs.contains(&p.hash) || store.exists(&p.hash)? {
                // The same new content twice in this batch (or written by the batch
                // before, which was prepared at the same time): stored once.
            } else if p.stream {
                match stream_blob(&store, &p) {
                    Ok((stored, w)) => {
                        self.summary.stored_bytes += stored;
                        writes.push(w);
                        new_blobs.insert(p.hash);
                    }
                    Err(e) => {
                        self.summary.failed.push(Failure {
                            input: p.entry.input(),
                            error: e,
                        });
                        continue;
                    }
                }
            } else {
                match p.encoded.take() {
                    Some(Stored::Blob(enc)) => {
                        let (stored, w) = store.put(&p.hash, p.entry.len, enc)?;
                        self.summary.stored_bytes += stored;
                        writes.push(w);
                        new_blobs.insert(p.hash);
                    }
                    Some(Stored::Inline(d)) => {
                        self.summary.stored_bytes += d.data.len() as u64;
                        inline = Some(d);
                    }
                    None => {}
                }
            }
            self.summary.raw_bytes += p.entry.len;
            let now = now_ms();
            let new_head = match head {
                Some(h) => {
                    self.summary.new_versions += 1;
                    DocHead {
                        id: h.id,
                        latest: h.latest + 1,
                        created_ms: h.created_ms,
                        updated_ms: now,
                    }
                }
                None => {
                    self.summary.new_documents += 1;
                    self.next_id += 1;
                    DocHead {
                        id: self.next_id - 1,
                        latest: 1,
                        created_ms: now,
                        updated_ms: now,
                    }
                }
            };
            let note = p.entry.escaped.then(|| {
                let msg = format!(
                    "file name is not UTF-8; stored under the escaped key {:?} (%XX = raw byte, %25 = %)",
                    p.entry.key
                );
                self.summary.notes.push(format!("{}: {msg}", p.entry.path.display()));
                msg
            });
            // Only a title given by the exchange format is stored; one found in the bytes
            // is found there again when read.
            let (source, extra, title) = match p.entry.record.take() {
                Some(r) => (r.source, r.extra, r.title),
                None => (
                    p.entry.path.to_string_lossy().into_owned(),
                    Vec::new(),
                    None,
                ),
            };
            let mut source = Source::new(source, &p.entry.key);
            // The same source as the latest version: name that version instead of
            // repeating a path (or URL) in every version.
            if let Some((h, rec)) = &last {
                let (n, same) = match &rec.source {
                    Source::AsVersion(m) => (
                        *m,
                        self.record_at(&p.entry.key, h, *m, &writes)
                            .is_ok_and(|(_, r)| r.source == source),
                    ),
                    s => (h.latest, *s == source),
                };
                if same {
                    source = Source::AsVersion(n);
                }
            }
            let record = VersionRecord {
                blob: p.hash,
                raw_len: p.entry.len,
                imported_ms: now,
                source,
                extra,
                source_bytes: p
                    .entry
                    .escaped
                    .then(|| p.entry.path.as_os_str().as_encoded_bytes().to_vec()),
                media_type: p.sniffed.media_type,
                charset: p.sniffed.charset,
                title,
                note,
                delta: inline,
            };
            writes.push((
                TreeName::Versions,
                keys::version_key(new_head.id, new_head.latest).to_vec(),
                Some(encode(&record)),
            ));
            writes.push((
                TreeName::Docs,
                p.entry.key.as_bytes().to_vec(),
                Some(encode(&new_head)),
            ));
            self.pending.insert(p.entry.key, new_head);
        }
        writes.push(Archive::next_doc_id_write(self.next_id));
        // The blobs' bytes are durable before any record points to them.
        store.sync()?;
        engine.commit(&writes)
    }

    /// Version `n` of a key, looking first at this batch's writes.
    fn record_at(
        &self,
        key: &str,
        head: &DocHead,
        n: u32,
        writes: &[Write],
    ) -> Result<(u32, VersionRecord)> {
        let vk = keys::version_key(head.id, n);
        if let Some((_, _, Some(bytes))) = writes
            .iter()
            .rev()
            .find(|(t, k, _)| *t == TreeName::Versions && *k == vk)
        {
            return Ok((n, crate::store::records::decode(bytes, key)?));
        }
        self.archive.version(key, Some(n))
    }
}

/// Stream a large file into a blob; fails if it no longer hashes as when prepared.
fn stream_blob(
    store: &blobs::BlobStore<'_>,
    p: &Prepared,
) -> std::result::Result<(u64, Write), String> {
    let mut file = std::fs::File::open(&p.entry.path).map_err(|e| io_message(&e))?;
    store
        .put_stream(&p.hash, p.entry.len, &mut file)
        .map_err(|e| e.to_string())
}
