//! Import, step 2: gather entries into bounded batches and prepare each on the worker
//! threads: read, sniff, hash and count lines ([`read`]; the first dictionary is
//! trained meanwhile), then compress ([`encode`]).

use super::*;
use crate::ops::dedup::DeltaCandidates;
use crate::store::similar::{self, Sketch};
use crate::store::splice;

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
    /// compressed with it while the dictionary is stored.
    pub(super) fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.bytes = 0;
        let archive = self.writer.archive;
        let similar = &self.similar;
        let progress = self.progress;
        let waiting = self.waiting.take();
        let writer = &mut self.writer;
        let current = archive.codecs().current();
        let busy = Busy::of(waiting.as_deref());
        let busy = &busy;
        // Sampled before the previous batch is written, as that write adds documents.
        let samples = match current {
            None => self.pool.install(|| training_samples(archive, &batch)),
            Some(_) => None,
        };
        let read = |entry: Entry| {
            let (len, file) = (entry.len, entry.record.is_none());
            let r = read(archive, busy, entry);
            if file {
                progress.advance(1, len);
            }
            r
        };
        let (prepared, written) = self.pool.install(|| {
            rayon::join(
                || match current {
                    Some(dict) => batch
                        .into_par_iter()
                        .map(|e| {
                            let doc = read(e)?;
                            let stored = encode(archive, similar, busy, Some(dict), &doc)?;
                            Ok(doc.prepared(stored, Some(dict)))
                        })
                        .collect::<Vec<_>>(),
                    None => {
                        let (docs, new) = rayon::join(
                            || batch.into_par_iter().map(read).collect::<Vec<_>>(),
                            || {
                                samples
                                    .and_then(|s| train(&s))
                                    .map(|raw| archive.codecs().prepare(raw))
                            },
                        );
                        let dict = new.as_ref().map(|n| n.dictionary());
                        let encode_all = |dict| {
                            docs.par_iter()
                                .map(|d| match d {
                                    Ok(d) => encode(archive, similar, busy, dict, d),
                                    Err(_) => Ok(None),
                                })
                                .collect::<Vec<_>>()
                        };
                        let (mut stored, kept) = rayon::join(
                            || encode_all(dict),
                            || {
                                new.as_ref()
                                    .map(|n| archive.codecs().store(archive.engine(), n))
                            },
                        );
                        // A dictionary that cannot be stored leaves the import on plain zstd.
                        let dict = match kept {
                            Some(Err(_)) => {
                                stored = encode_all(None);
                                None
                            }
                            _ => dict,
                        };
                        docs.into_iter()
                            .zip(stored)
                            .map(|(doc, stored)| Ok(doc?.prepared(stored?, dict)))
                            .collect::<Vec<_>>()
                    }
                },
                || waiting.map_or(Ok(()), |w| writer.write_batch(w, similar)),
            )
        });
        written?;
        self.waiting = Some(prepared);
        Ok(())
    }

    /// Prepare and write everything still gathered or waiting. The last batch is
    /// written alone, with no batch prepared beside it: a large one goes in two halves,
    /// the first written while the second is prepared (unless it trains the archive's
    /// first dictionary, which learns from the whole batch).
    pub(super) fn finish(&mut self) -> Result<()> {
        let trains = self.writer.archive.codecs().current().is_none();
        if self.batch.len() >= 2 * LAST_HALF_MIN && !trains {
            let second = self.batch.split_off(self.batch.len() / 2);
            self.flush()?;
            self.bytes = second.iter().map(|e| e.len.min(STREAM_LIMIT)).sum();
            self.batch = second;
        }
        self.flush()?;
        match self.waiting.take() {
            Some(w) => self.writer.write_batch(w, &self.similar),
            None => Ok(()),
        }
    }
}

/// The last batch of an import is split in two when each half has this many entries.
const LAST_HALF_MIN: usize = 256;

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
        .par_iter()
        .filter(|e| archive.head(&e.key).ok().flatten().is_none())
        .collect();
    if existing + new_docs.len() < TRAIN_MIN_DOCS || new_docs.len() < 32 {
        return None;
    }
    let step = (new_docs.len() / SAMPLE_DOCS).max(1);
    let picked: Vec<&Entry> = new_docs.into_iter().step_by(step).collect();
    let samples: Vec<Vec<u8>> = picked
        .par_iter()
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

/// Train a dictionary for the archive's first from `samples` (`None`: too few or too
/// small samples).
pub(super) fn train(samples: &[Vec<u8>]) -> Option<Vec<u8>> {
    let refs: Vec<&[u8]> = samples.iter().map(Vec::as_slice).collect();
    let total: usize = refs.iter().map(|s| s.len()).sum();
    let size = codec::dict_size(total / 4, codec::DICT_SIZE);
    codec::train_fast(&refs, size)
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
    dict: Option<&'static codec::Dictionary>,
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
        dict,
        base: choice.as_ref().map(|c| Base {
            hash: c.hash,
            raw: &c.bytes,
            depth: c.depth,
        }),
    };
    // A version's changed lines as a splice of its base: when that is no larger than a
    // zstd frame can be, it is kept without compressing anything.
    let spliced = match &choice {
        Some(c) if c.version.is_some() && crate::store::versions::extends(c.depth) => {
            splice::encode(&c.bytes, raw)
        }
        _ => None,
    };
    if let (Some(s), Some(c)) = (&spliced, &choice) {
        if let Some(version) = c.version.filter(|_| s.len() <= SPLICE_AT_ONCE) {
            return Ok(Stored::inline(
                InlineDelta {
                    base: version,
                    depth: c.depth + 1,
                    data: s.clone(),
                    of: c.of.clone(),
                    check: c.of.is_some(),
                },
                raw,
            ));
        }
    }
    let enc = codec::compress(raw, &plan)?;
    if let (Codec::ZstdDelta { depth, .. }, Some(c)) = (&enc.codec, &choice) {
        if let Some(version) = c.version {
            if enc.data.len() <= INLINE_MAX {
                // The splice when it is smaller than the zstd delta.
                let data = match spliced {
                    Some(s) if s.len() < enc.data.len() => s,
                    _ => enc.data,
                };
                return Ok(Stored::inline(
                    InlineDelta {
                        base: version,
                        depth: *depth,
                        data,
                        of: c.of.clone(),
                        check: c.of.is_some(),
                    },
                    raw,
                ));
            }
            if c.inline_only {
                // A large delta against a version that is itself inline cannot become a
                // blob (its base would be no blob): delta against the blob the inline
                // chain starts from instead (or store the version whole).
                let base = versions.blob_base(c.of.as_deref().unwrap_or(key), version)?;
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

/// Splices up to this many bytes are kept at once, with no zstd delta made to compare:
/// a zstd delta frame of a small edit takes some 20–40 bytes (frame header, block and
/// sequence headers, the changed bytes), so it is seldom smaller.
const SPLICE_AT_ONCE: usize = 24;

/// Deltas up to this many bytes are kept in the version record ([`InlineDelta`]).
/// Measured on 205 documents × 10 small edits: a small edit's delta is ~40 bytes, and the
/// blob record, its 32-byte key and the pack entry it saves cost ~80 more.
pub const INLINE_MAX: usize = 512;

/// The bytes of a new version, ready to write.
pub(super) enum Stored {
    /// A blob for the blobs tree.
    Blob(Encoded),
    /// A small delta kept in the version record, with the check its record keeps in
    /// place of the hash when it keeps one ([`InlineDelta::check`]).
    Inline(InlineDelta, Option<BlobHash>),
}

impl Stored {
    fn inline(delta: InlineDelta, raw: &[u8]) -> Stored {
        let check = delta.check.then(|| crate::store::records::check_of(raw));
        Stored::Inline(delta, check)
    }
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
pub(super) fn read(
    archive: &Archive,
    busy: &Busy,
    mut entry: Entry,
) -> std::result::Result<ReadDoc, Failure> {
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
        // One open: the size and the bytes come from the same file.
        let mut file =
            std::fs::File::open(&entry.path).map_err(|e| fail(input(), io_message(&e)))?;
        let len = file
            .metadata()
            .map_err(|e| fail(input(), io_message(&e)))?
            .len();
        let name = entry.path.to_string_lossy().into_owned();
        if len > STREAM_LIMIT {
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
            let mut raw = Vec::with_capacity(len as usize + 1);
            file.read_to_end(&mut raw)
                .map_err(|e| fail(input(), io_message(&e)))?;
            entry.len = raw.len() as u64;
            let hash = *blake3::hash(&raw).as_bytes();
            let sniffed = sniff::sniff(&raw, &name);
            (Some(raw), hash, sniffed)
        }
    };
    let state = match busy.blobs.get(&hash) {
        Some(state) => *state,
        None => stored_state(archive, &hash).map_err(|e| fail(entry.input(), e.to_string()))?,
    };
    // Bytes the key's newest version holds but the archive has lost entirely (a repair
    // found them in no readable pack entry) are damaged ones: the input heals them, where
    // it would otherwise be the same version again and change nothing.
    // (A small edit's inline delta keeps the content's hash in its record but never has
    // a blob of it: it is no lost blob.)
    let state = match state {
        BlobState::Absent => {
            let held = archive
                .head(&entry.key)
                .and_then(|h| match h {
                    Some(h) => archive
                        .version(&entry.key, Some(h.latest))
                        .map(|(_, rec)| rec.delta.is_none() && rec.content_hash() == Some(&hash)),
                    None => Ok(false),
                })
                .map_err(|e| fail(entry.input(), e.to_string()))?;
            if held {
                BlobState::Damaged
            } else {
                BlobState::Absent
            }
        }
        s => s,
    };
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

/// Step 2: compress a document whose blob is new (or damaged), with `dict` (the
/// archive's current dictionary, or the one being stored for this batch).
pub(super) fn encode(
    archive: &Archive,
    similar: &DeltaCandidates,
    busy: &Busy,
    dict: Option<&'static codec::Dictionary>,
    r: &ReadDoc,
) -> std::result::Result<Option<Stored>, Failure> {
    let failure = |e: Error| Failure {
        input: r.entry.input(),
        error: e.to_string(),
    };
    Ok(match (&r.raw, r.state) {
        (None, _) | (_, BlobState::Intact) => None,
        (Some(raw), BlobState::Damaged) => Some(self_contained(raw).map_err(failure)?),
        (Some(_), BlobState::Absent) if busy.defers(similar, &r.entry.key, r.sketch) => None,
        (Some(raw), BlobState::Absent) => Some(
            compress(archive, &r.entry.key, &r.hash, raw, r.sketch, similar, dict)
                .map_err(failure)?,
        ),
    })
}

/// What the batch being written holds while the next one is prepared: its keys, and
/// the blobs it writes with the state they had when it was prepared. Preparing reads
/// the archive as it was before that batch, whatever the timing: a document whose key
/// (or similar document) is among its keys is compressed by the writer after that
/// batch is committed, and a blob it writes keeps the state it had before it.
#[derive(Default)]
pub(super) struct Busy {
    keys: std::collections::HashSet<String>,
    blobs: HashMap<BlobHash, BlobState>,
}

impl Busy {
    pub(super) fn of(batch: Option<&[std::result::Result<Prepared, Failure>]>) -> Busy {
        let mut busy = Busy::default();
        for p in batch.into_iter().flatten().flatten() {
            busy.keys.insert(p.entry.key.clone());
            if p.state != BlobState::Intact {
                busy.blobs.entry(p.hash).or_insert(p.state);
            }
        }
        busy
    }

    /// Whether the delta base of new document bytes of `key` may depend on the batch
    /// being written.
    fn defers(&self, similar: &DeltaCandidates, key: &str, sketch: Option<Sketch>) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        self.keys.contains(key)
            || similar
                .like(sketch, key)
                .ok()
                .flatten()
                .is_some_and(|other| self.keys.contains(&other))
    }
}

impl ReadDoc {
    /// The document with its compressed bytes (`encoded`, from [`encode`]); `dict` is
    /// the dictionary its batch is compressed with, for the writer to compress it with
    /// when [`encode`] left that to the writer.
    pub(super) fn prepared(
        self,
        encoded: Option<Stored>,
        dict: Option<&'static codec::Dictionary>,
    ) -> Prepared {
        let stream = self.raw.is_none() && self.state != BlobState::Intact;
        let deferred = match (&encoded, self.state) {
            (None, BlobState::Absent) => self.raw.map(|raw| (raw, dict)),
            _ => None,
        };
        Prepared {
            state: self.state,
            deferred,
            stream,
            heal: self.state == BlobState::Damaged,
            entry: self.entry,
            hash: self.hash,
            sniffed: self.sniffed,
            encoded,
            lines: self.lines,
            sketch: self.sketch,
        }
    }
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
