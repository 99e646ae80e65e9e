//! Import, step 2: gather entries into bounded batches and prepare each on the worker
//! threads: read, sniff, hash and count lines ([`read`]; the first dictionary is
//! trained meanwhile), then compress ([`encode`]).

use super::*;
use crate::ops::dedup::DeltaCandidates;
use crate::store::similar::{self, Sketch};

impl Batches<'_> {
    pub(super) fn push(&mut self, e: Entry) -> Result<()> {
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
    /// previous one. The batch that trains the archive's first dictionary is read
    /// (read, hash, sniff, count lines) while the dictionary is trained, then
    /// compressed with it.
    pub(super) fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.bytes = 0;
        let archive = self.writer.archive;
        let similar = &self.similar;
        let samples = match archive.codecs().current() {
            None => training_samples(archive, &batch),
            Some(_) => None,
        };
        let progress = self.progress;
        let waiting = self.waiting.take();
        let writer = &mut self.writer;
        let read = |entry: Entry| {
            let (len, file) = (entry.len, entry.record.is_none());
            let r = read(archive, entry);
            if file {
                progress.advance(1, len);
            }
            r
        };
        let (prepared, written) = self.pool.install(|| {
            rayon::join(
                || match samples {
                    Some(samples) => {
                        let (read, ()) = rayon::join(
                            || batch.into_par_iter().map(read).collect::<Vec<_>>(),
                            || train(archive, &samples),
                        );
                        read.into_par_iter()
                            .map(|r| r.and_then(|r| encode(archive, similar, r)))
                            .collect::<Vec<_>>()
                    }
                    None => batch
                        .into_par_iter()
                        .map(|e| read(e).and_then(|r| encode(archive, similar, r)))
                        .collect::<Vec<_>>(),
                },
                || waiting.map_or(Ok(()), |w| writer.write_batch(w)),
            )
        });
        written?;
        self.waiting = Some(prepared);
        Ok(())
    }

    /// Prepare and write everything still gathered or waiting.
    pub(super) fn finish(&mut self) -> Result<()> {
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
pub(super) const SAMPLE_BYTES: usize = 8 * 1024;

pub(super) const SAMPLE_DOCS: usize = 600;

/// Samples to train the archive's first dictionary on, from `batch`, when there are
/// enough documents.
pub(super) fn training_samples(archive: &Archive, batch: &[Entry]) -> Option<Vec<Vec<u8>>> {
    // Only new documents count: new versions of documents already stored become deltas,
    // and a dictionary trained on them would cost its size for nothing.
    let existing = archive.engine().len(crate::store::engine::TreeName::Docs);
    let new_docs: Vec<&Entry> = batch
        .iter()
        .filter(|e| archive.head(&e.key).ok().flatten().is_none())
        .collect();
    if existing + new_docs.len() < TRAIN_MIN_DOCS || new_docs.len() < 32 {
        return None;
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
    Some(samples)
}

/// Train the archive's first dictionary from `samples` and install it.
pub(super) fn train(archive: &Archive, samples: &[Vec<u8>]) {
    let refs: Vec<&[u8]> = samples.iter().map(Vec::as_slice).collect();
    let total: usize = refs.iter().map(|s| s.len()).sum();
    let size = codec::dict_size(total / 4, codec::DICT_SIZE);
    if let Some(dict) = codec::train(&refs, size) {
        // A dictionary that cannot be stored leaves the import on plain zstd.
        let _ = archive.codecs().install(archive.engine(), dict);
    }
}

/// Compress a new blob of `key`: with the current dictionary, or as a delta against the
/// base [`VersionStore::delta_base`](crate::store::versions::VersionStore::delta_base)
/// chooses when that is smaller.
pub(super) fn compress(
    archive: &Archive,
    key: &str,
    hash: &BlobHash,
    raw: &[u8],
    sketch: Option<Sketch>,
    similar: &DeltaCandidates,
) -> Result<Stored> {
    let versions = archive.version_store();
    let choice = match versions.head(key)? {
        Some(head) => versions.delta_base(key, head.latest, hash)?,
        None => match similar.like(sketch, key)? {
            Some(other) => versions.similar_base(&other, hash)?,
            None => None,
        },
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
                let base = versions.blob_base(key, version)?;
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
pub(super) enum Stored {
    /// A blob for the blobs tree.
    Blob(Encoded),
    /// A small delta kept in the version record.
    Inline(InlineDelta),
}

/// A document read and hashed, not yet compressed.
pub(super) struct ReadDoc {
    entry: Entry,
    hash: BlobHash,
    sniffed: sniff::Sniffed,
    state: BlobState,
    /// The bytes (`None`: a large file, streamed by the writer).
    raw: Option<Vec<u8>>,
    lines: Option<Lines>,
    sketch: Option<Sketch>,
}

/// Step 1 of preparing a document: read, hash, sniff, and (when its content is new to
/// the archive) count its lines for the corpus statistics.
pub(super) fn read(archive: &Archive, mut entry: Entry) -> std::result::Result<ReadDoc, Failure> {
    let fail = |input: String, error: String| Failure { input, error };
    let (raw, hash, sniffed) = if let Some(rec) = entry.record.as_mut() {
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
        entry.len = raw.len() as u64;
        (Some(raw), hash, sniffed)
    } else {
        let input = || entry.path.display().to_string();
        let len = std::fs::metadata(&entry.path)
            .map_err(|e| fail(input(), io_message(&e)))?
            .len();
        let name = entry.path.to_string_lossy().into_owned();
        if len > STREAM_LIMIT {
            let mut file =
                std::fs::File::open(&entry.path).map_err(|e| fail(input(), io_message(&e)))?;
            let mut head = vec![0; SNIFF_LEN];
            let n = read_full(&mut file, &mut head).map_err(|e| fail(input(), io_message(&e)))?;
            head.truncate(n);
            let mut hasher = blake3::Hasher::new();
            hasher.update(&head);
            hasher
                .update_reader(&mut file)
                .map_err(|e| fail(input(), io_message(&e)))?;
            entry.len = len;
            (
                None,
                *hasher.finalize().as_bytes(),
                sniff::sniff(&head, &name),
            )
        } else {
            let raw = std::fs::read(&entry.path).map_err(|e| fail(input(), io_message(&e)))?;
            entry.len = raw.len() as u64;
            let hash = *blake3::hash(&raw).as_bytes();
            let sniffed = sniff::sniff(&raw, &name);
            (Some(raw), hash, sniffed)
        }
    };
    let state = stored_state(archive, &hash).map_err(|e| fail(entry.input(), e.to_string()))?;
    let lines = match &raw {
        None => Some(Lines::TooLarge),
        Some(raw) if state != BlobState::Intact => {
            let extra = entry.record.as_ref().map_or(&[][..], |r| &r.extra[..]);
            Some(Lines::of(&entry.key, extra, raw))
        }
        Some(_) => None,
    };
    let sketch = raw.as_deref().and_then(|raw| sketch_of(&sniffed, raw));
    Ok(ReadDoc {
        entry,
        hash,
        sniffed,
        state,
        raw,
        lines,
        sketch,
    })
}

/// Step 2: compress a document whose blob is new (or damaged).
pub(super) fn encode(
    archive: &Archive,
    similar: &DeltaCandidates,
    r: ReadDoc,
) -> std::result::Result<Prepared, Failure> {
    let failure = |e: Error| Failure {
        input: r.entry.input(),
        error: e.to_string(),
    };
    let encoded = match (&r.raw, r.state) {
        (None, _) | (_, BlobState::Intact) => None,
        (Some(raw), BlobState::Damaged) => Some(self_contained(raw).map_err(failure)?),
        (Some(raw), BlobState::Absent) => Some(
            compress(archive, &r.entry.key, &r.hash, raw, r.sketch, similar).map_err(failure)?,
        ),
    };
    Ok(Prepared {
        stream: r.raw.is_none() && r.state != BlobState::Intact,
        heal: r.state == BlobState::Damaged,
        entry: r.entry,
        hash: r.hash,
        sniffed: r.sniffed,
        encoded,
        lines: r.lines,
        sketch: r.sketch,
    })
}

/// What the archive holds of a blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlobState {
    Absent,
    Intact,
    /// Stored, but it does not read back (damaged pack bytes, a lost dictionary or
    /// delta base): the input's bytes replace it.
    Damaged,
}

fn stored_state(archive: &Archive, hash: &BlobHash) -> Result<BlobState> {
    let blobs = archive.blobs();
    Ok(if !blobs.exists(hash)? {
        BlobState::Absent
    } else if blobs.intact(hash)? {
        BlobState::Intact
    } else {
        BlobState::Damaged
    })
}

/// A blob that heals a damaged one: plain zstd, no dictionary and no delta base, so it
/// depends on nothing else that could be damaged.
fn self_contained(raw: &[u8]) -> Result<Stored> {
    let plan = Plan {
        level: blobs::DEFAULT_LEVEL,
        dict: None,
        base: None,
    };
    Ok(Stored::Blob(codec::compress(raw, &plan)?))
}

/// The similarity sketch of a document's text; binary documents have none.
fn sketch_of(sniffed: &sniff::Sniffed, raw: &[u8]) -> Option<Sketch> {
    match sniffed.media_type {
        MediaType::Binary => None,
        _ => similar::sketch(raw),
    }
}

pub(super) fn read_full(r: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}
