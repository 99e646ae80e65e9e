//! Import: walk the inputs, hash and compress on all cores, write with one writer.
//!
//! Work goes in batches (bounded in files and bytes, so memory stays bounded). For each
//! batch the worker threads read, sniff, hash, count the lines of new content for the
//! corpus statistics (so the statistics are not counted again from the whole archive)
//! and compress; the first dictionary is trained while its batch is read. Then this
//! thread writes the new blobs (content-addressed, so a blob written before a crash is
//! harmless) and commits all version records and heads of the batch in one atomic
//! write, while the workers prepare the next batch. After a
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
use crate::store::records::{
    encode, encode_version, BlobAt, BlobHash, Codec, DocHead, InlineDelta, Source, VersionEntry,
    VersionRecord,
};

mod batch;
mod stats;
#[cfg(test)]
mod threads;
mod walk;
mod write;

use batch::*;
pub use batch::{INLINE_MAX, TRAIN_MIN_DOCS};
use stats::*;
use walk::*;

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
    /// Largest record of an exchange file, after decompression (`None`:
    /// [`exchange::DEFAULT_MAX_RECORD`]); a larger one fails by name.
    pub max_record: Option<u64>,
}

pub use crate::ops::{Failure, NoProgress, Progress};

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    pub new_documents: u64,
    pub new_versions: u64,
    pub unchanged: u64,
    /// Stored blobs that were damaged and were written again from the input's bytes.
    pub healed: u64,
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
    /// What the archive held of its blob when the batch was prepared.
    state: BlobState,
    /// Compressed bytes of a new small blob.
    encoded: Option<Stored>,
    /// Bytes the writer compresses (with the dictionary of the batch): the batch
    /// written while this one was prepared holds the same key (or the document it is
    /// like), so the delta base is chosen only once that batch is committed ([`Busy`]).
    deferred: Option<(Vec<u8>, Option<&'static crate::store::codec::Dictionary>)>,
    /// A large file whose blob is new: stream it in the writer.
    stream: bool,
    /// The archive holds this blob damaged: write it again from these bytes.
    heal: bool,
    /// Its lines for the corpus statistics (`None`: not read as new content).
    lines: Option<Lines>,
    /// The similarity sketch of its text (`None`: binary, streamed or too short).
    sketch: Option<crate::store::similar::Sketch>,
}

/// Import files and directories (recursively) into `archive`.
pub fn import_paths(
    archive: &Archive,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let files = walk(
        paths,
        opts,
        archive.dir(),
        &mut summary.failed,
        &mut summary.notes,
    );
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
            sketches: crate::store::similar::SketchWriter::default(),
            next_id: archive.next_doc_id()?,
            summary,
            committed: Committed::default(),
            heads: NewHeads::new(archive),
        },
        pool,
        progress,
        batch: Vec::new(),
        bytes: 0,
        waiting: None,
        similar: crate::ops::dedup::DeltaCandidates::load(archive)?,
    };
    // Exit 2 ("nothing changed") only while nothing is committed: a failure after a
    // batch was committed ends the import with the counts of what was stored.
    let mut revisits = exchange::warc::Revisits::default();
    // A file of no known extension is told apart by its first bytes: looked at on
    // every worker thread before the files are gathered into batches.
    let formats: Vec<Format> = batches.pool.install(|| {
        files
            .par_iter()
            .map(|f| exchange::detect(&f.path, opts.format))
            .collect()
    });
    let run = || -> Result<()> {
        for (file, format) in files.into_iter().zip(formats) {
            match format {
                Format::Jsonl | Format::Warc | Format::Arc => {
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
                    let max = opts.max_record.unwrap_or(exchange::DEFAULT_MAX_RECORD);
                    let read = match format {
                        Format::Jsonl => {
                            exchange::jsonl::read_capped(&mut reader, &name, max, &mut each)
                        }
                        Format::Arc => exchange::arc::read(&mut reader, &name, &mut each),
                        _ => exchange::warc::read_capped(
                            &mut reader,
                            &name,
                            &mut revisits,
                            max,
                            &mut each,
                        ),
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
        batches.finish()
    };
    if let Err(e) = run() {
        let w = &mut batches.writer;
        if w.committed == Committed::default() {
            return Err(e);
        }
        let _ = archive.flush();
        let c = w.committed;
        let s = &mut w.summary;
        (s.new_documents, s.new_versions, s.unchanged, s.healed) =
            (c.new_documents, c.new_versions, c.unchanged, c.healed);
        (s.raw_bytes, s.stored_bytes) = (c.raw_bytes, c.stored_bytes);
        s.failed.push(Failure {
            input: archive.dir().display().to_string(),
            error: format!(
                "the import stopped after storing {} new documents and {} new versions ({} unchanged): {e}; run the import again to add the rest",
                c.new_documents, c.new_versions, c.unchanged
            ),
        });
        progress.finish();
        return Ok(std::mem::take(s));
    }
    archive.flush()?;
    let Writer { summary, heads, .. } = batches.writer;
    let pool = batches.pool;
    if summary.new_documents + summary.new_versions > 0 {
        // The corpus statistics follow the new heads (see `corpus`): counted before the
        // index is rebuilt, written while it is.
        let (stats, digest) = heads.finish(archive)?;
        let (reclaimed, saved) = pool.install(|| {
            rayon::join(
                || archive.reclaim(),
                || stats.save_stamped(archive.dir(), digest),
            )
        });
        reclaimed?;
        saved?;
    }
    progress.finish();
    Ok(summary)
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
    /// The sketches of the documents stored before this import: new documents look
    /// here for a similar one to be a delta against.
    similar: crate::ops::dedup::DeltaCandidates<'a>,
}

/// The single writer of an import.
struct Writer<'a> {
    archive: &'a Archive,
    /// Heads written by this import (a key may come twice).
    pending: HashMap<String, DocHead>,
    /// The sketches of the documents this import wrote.
    sketches: crate::store::similar::SketchWriter,
    /// Id of the next new document.
    next_id: u64,
    summary: ImportSummary,
    /// The counts as of the last committed batch.
    committed: Committed,
    /// The corpus statistics of the new heads.
    heads: NewHeads,
}

/// What the committed batches of an import stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Committed {
    new_documents: u64,
    new_versions: u64,
    unchanged: u64,
    healed: u64,
    raw_bytes: u64,
    stored_bytes: u64,
}
