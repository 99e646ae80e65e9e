//! `compact`: retrain the dictionary on the archive as it is now, recompress every blob
//! at a higher level with it, and rebuild the delta chains between the versions of each
//! document.
//!
//! Crash safety: a blob record is replaced by one atomic insert of a record whose bytes
//! decode to the same raw bytes (checked against the blob's hash before it is written),
//! so at every moment every blob reads back exactly; a killed compact leaves a mix of old
//! and new encodings, all valid, and can be run again. Depth invariant: phase 1 turns
//! every blob into a full frame (no deltas left); phase 2 makes a blob a delta only if
//! no other blob is a delta against it, so the depth recorded in each delta stays an
//! upper bound of its chain and chains never exceed the cap. Rewritten blobs go to new
//! packs; once their records are committed and flushed, packs that no record references
//! any more are deleted, which is where the space comes back. Blobs above 64 MiB are left
//! as they are.

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::archive::{dir_size, Archive};
use crate::error::Result;
use crate::ops::Progress;
use crate::store::codec::{self, Base, Plan};
use crate::store::engine::TreeName;
use crate::store::records::{BlobBody, BlobHash, BlobRecord, Codec, VersionEntry};

/// How to compact.
#[derive(Debug, Clone)]
pub struct CompactOptions {
    /// zstd level of the rewritten blobs.
    pub level: i32,
}

impl Default for CompactOptions {
    fn default() -> Self {
        CompactOptions { level: 19 }
    }
}

/// What compact did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CompactReport {
    pub level: i32,
    /// The dictionary trained and used (none: plain zstd measured smaller, dictionary
    /// included).
    pub dictionary: Option<u32>,
    pub blobs: u64,
    pub rewritten: u64,
    pub deltas: u64,
    /// Blobs over 64 MiB, left as they are.
    pub skipped_large: u64,
    /// Pack files no record points into any more (deleted, or deferred).
    pub packs_removed: u64,
    /// Of those, packs left for the next writer because a reader was using the archive.
    pub packs_deferred: u64,
    /// Dictionaries deleted because no blob used them any more.
    pub dictionaries_removed: u64,
    pub stored_before: u64,
    pub stored_after: u64,
    pub disk_before: u64,
    pub disk_after: u64,
}

const CHUNK: usize = 256;
/// Largest sample taken from one document to train the dictionary.
const SAMPLE_BYTES: usize = 64 * 1024;
/// Raw bytes of held-out samples compressed to judge a dictionary.
const JUDGE_BYTES: usize = 1 << 20;

/// The dictionary `compact` compresses with.
enum DictChoice {
    /// A newly trained one, to install.
    New(Vec<u8>),
    /// None: plain zstd.
    Plain,
}

/// Choose the dictionary for an archive whose full (non-delta) blobs hold about
/// `unique_raw` bytes: two new ones are trained — one sized to the archive (about 1/40 of
/// the raw bytes, see [`codec::dict_size`]) on samples up to 64 KiB, one of the import's
/// size on 8 KiB samples — and judged, with no dictionary, on samples neither was trained
/// on; the smallest estimate of blobs plus dictionary wins. (The current dictionary is
/// not a candidate: the documents it was trained on are not known, so it cannot be judged
/// fairly — measured, it won on documents it had seen and lost by 0.85 MB on the news.) Measured on
/// the news pages: a 1023 KiB dictionary at level 19 stores 11.85 MB against 12.46 MB
/// with 255 KiB; on documents that recombine the same few texts the 255 KiB dictionary
/// from short samples was the better one (the archive compacted to 6.1 MB against 19.4 MB),
/// and in a small
/// archive no dictionary pays for its size.
fn choose_dictionary(samples: &[Vec<u8>], unique_raw: u64, level: i32) -> DictChoice {
    let (train, judge): (Vec<_>, Vec<_>) =
        samples.iter().enumerate().partition(|(i, _)| i % 4 != 3);
    let train: Vec<&[u8]> = train.into_iter().map(|(_, s)| s.as_slice()).collect();
    let train_total: usize = train.iter().map(|s| s.len()).sum();
    let large = codec::dict_size(
        ((unique_raw / 40) as usize).min(train_total / 8),
        codec::DICT_SIZE_MAX,
    );
    let short: Vec<&[u8]> = train.iter().map(|s| &s[..s.len().min(8 * 1024)]).collect();
    let short_total: usize = short.iter().map(|s| s.len()).sum();
    let small = codec::dict_size(short_total / 4, codec::DICT_SIZE);
    let mut trained: Vec<Vec<u8>> = Vec::new();
    if let Some(d) = codec::train(&train, large) {
        trained.push(d);
    }
    if let Some(d) = codec::train(&short, small) {
        trained.push(d);
    }
    let candidates: Vec<&'static codec::Dictionary> = trained
        .iter()
        .enumerate()
        .map(|(i, d)| codec::Dictionary::new(u32::MAX - i as u32, d.clone()))
        .collect();
    // Judged at the level compact writes with (a lower level ranks large dictionaries
    // wrongly), on the held-out samples, every option on its own thread.
    let judge: Vec<&[u8]> = {
        let mut total = 0;
        judge
            .into_iter()
            .map(|(_, s)| s.as_slice())
            .take_while(|s| {
                total += s.len();
                total - s.len() < JUDGE_BYTES
            })
            .collect()
    };
    let judged: usize = judge.iter().map(|s| s.len()).sum();
    if judged == 0 {
        return DictChoice::Plain;
    }
    let options: Vec<Option<&'static codec::Dictionary>> = std::iter::once(None)
        .chain(candidates.iter().map(|d| Some(*d)))
        .collect();
    let sizes: Vec<usize> = options
        .par_iter()
        .map(|dict| {
            judge
                .iter()
                .map(|s| {
                    codec::compress(
                        s,
                        &Plan {
                            level,
                            dict: *dict,
                            base: None,
                        },
                    )
                    .map_or(s.len(), |e| e.data.len())
                })
                .sum()
        })
        .collect();
    let (plain, with) = (sizes[0], &sizes[1..]);
    let estimate = |bytes: usize| bytes as f64 / judged as f64 * unique_raw as f64;
    let mut best = (estimate(plain), DictChoice::Plain);
    for ((w, d), raw) in with.iter().zip(&candidates).zip(&trained) {
        let total = estimate(*w) + d.len() as f64;
        if total < best.0 {
            best = (total, DictChoice::New(raw.clone()));
        }
    }
    best.1
}

/// Write the version record of every version of `docs` to the pack being written, in
/// entries of [`VERSIONS_PER_ENTRY`]; returns the packs written to.
fn rewrite_versions(
    archive: &Archive,
    docs: &[(String, crate::store::records::DocHead)],
) -> Result<HashSet<u32>> {
    let store = archive.blobs();
    let mut packs = HashSet::new();
    let mut entries = Vec::new();
    for (key, _) in docs {
        for (version, record) in archive.versions(key)? {
            entries.push(VersionEntry {
                key: key.clone(),
                version,
                record,
            });
        }
        if entries.len() >= VERSIONS_PER_ENTRY {
            packs.extend(store.put_versions(&std::mem::take(&mut entries))?);
        }
    }
    packs.extend(store.put_versions(&entries)?);
    store.sync()?;
    Ok(packs)
}

/// Version records per pack entry written by `compact`.
const VERSIONS_PER_ENTRY: usize = 4096;

/// Blobs larger than this (raw) are not rewritten.
const LARGE: u64 = 64 << 20;

/// Whether `enc` decodes back to `raw` (checked before any record is replaced).
fn decodes_to(
    enc: &codec::Encoded,
    raw: &[u8],
    base: Option<&[u8]>,
    codecs: &codec::Codecs,
) -> bool {
    codec::decompress(&enc.codec, &enc.data, raw.len(), base, codecs).is_ok_and(|d| d == raw)
}

/// One compaction in progress: the archive and what is known so far.
struct Compaction<'a> {
    archive: &'a Archive,
    opts: &'a CompactOptions,
    progress: &'a dyn Progress,
    report: CompactReport,
    /// Every document, in key order (listed once at the start).
    docs: Vec<(String, crate::store::records::DocHead)>,
    /// The dictionary blobs are rewritten with (`None`: plain zstd).
    dict: Option<&'static codec::Dictionary>,
    /// Every blob's hash (listed in phase 1).
    hashes: Vec<BlobHash>,
}

/// Compact `archive`, in named phases: train a dictionary, rewrite every blob whole,
/// turn successive versions into deltas, repack sparse packs, write every version
/// record anew, retire the packs nothing points to, drop unused dictionaries.
pub fn compact(
    archive: &Archive,
    opts: &CompactOptions,
    progress: &dyn Progress,
) -> Result<CompactReport> {
    refuse_damage(archive)?;
    archive.packs().roll()?;
    let mut c = Compaction {
        archive,
        opts,
        progress,
        report: CompactReport {
            level: opts.level,
            disk_before: dir_size(archive.dir()),
            ..Default::default()
        },
        docs: archive.list("")?,
        dict: None,
        hashes: Vec::new(),
    };
    c.train_dictionary()?;
    c.rewrite_whole()?;
    c.make_deltas()?;
    c.repack()?;
    // The blobs moved: the hints after the version records follow them.
    archive.version_store().refresh_hints()?;
    archive.flush()?;
    progress.finish();
    let versions_packs = rewrite_versions(archive, &c.docs)?;
    c.retire_dead_packs(versions_packs)?;
    c.drop_unused_dictionaries()?;
    archive.catalog().rewrite()?;
    archive.reclaim()?;
    c.report.disk_after = dir_size(archive.dir());
    Ok(c.report)
}

/// Compact rewrites every blob from what it reads: over a damaged blob or dictionary it
/// would carry the damage into the new packs and delete the old ones, so it refuses
/// and names every damaged document first. Re-importing the originals heals them.
fn refuse_damage(archive: &Archive) -> Result<()> {
    let store = archive.blobs();
    let mut hashes = Vec::new();
    for r in archive.engine().scan_prefix(TreeName::Blobs, b"") {
        let (k, _) = r?;
        if let Ok(h) = <BlobHash>::try_from(k.as_slice()) {
            hashes.push(h);
        }
    }
    let damaged: HashSet<BlobHash> = hashes
        .par_iter()
        .filter(|h| !matches!(store.intact(h), Ok(true)))
        .copied()
        .collect();
    // A damaged dictionary no blob uses any more (its blobs were healed) carries nothing
    // forward: compact drops it with the other unused ones.
    if damaged.is_empty() {
        return Ok(());
    }
    let dicts = archive.codecs().damaged();
    let mut named = Vec::new();
    for (key, _) in archive.list("")? {
        for (version, rec) in archive.versions(&key)? {
            let bad = damaged.contains(&rec.blob) || archive.read(&key, Some(version)).is_err();
            if bad {
                named.push(format!("{key}@{version}"));
            }
        }
    }
    let shown: Vec<&str> = named.iter().take(20).map(String::as_str).collect();
    let more = named.len().saturating_sub(shown.len());
    let mut detail = format!(
        "{} damaged blob(s){} used by {} version(s): {}{}",
        damaged.len(),
        if dicts.is_empty() {
            String::new()
        } else {
            format!(
                " and damaged dictionar{} {}",
                if dicts.len() == 1 { "y" } else { "ies" },
                dicts
                    .iter()
                    .map(|(id, _)| id.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        },
        named.len(),
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    );
    detail.push_str(
        "; compact would carry the damage forward, so nothing was changed — import the original files of these documents again (that replaces the damaged bytes), then compact",
    );
    Err(crate::error::Error::corrupt(
        format!("archive {}", archive.dir().display()),
        detail,
    ))
}

impl Compaction<'_> {
    /// Phase 0: dictionaries trained on the latest version of (up to 2,000) documents;
    /// the one that stores held-out documents smallest, its own size included, or none.
    fn train_dictionary(&mut self) -> Result<()> {
        let (archive, opts, docs) = (self.archive, self.opts, &self.docs);
        let (engine, codecs) = (archive.engine(), archive.codecs());
        // Raw bytes the dictionary will serve: versions other than the first mostly become
        // deltas in phase 2, which do not use it, so count one blob's worth per document.
        let (blob_count, unique_raw) = archive
            .blob_records()
            .filter_map(|r| r.ok())
            .fold((0u64, 0u64), |(n, b), (_, rec)| (n + 1, b + rec.raw_len));
        let full_raw = unique_raw / blob_count.max(1) * (docs.len() as u64).min(blob_count);
        let step = (docs.len() / 2000).max(1);
        let samples: Vec<Vec<u8>> = docs
            .iter()
            .step_by(step)
            .filter_map(|(k, _)| {
                archive
                    .read(k, None)
                    .ok()
                    .map(|d| d.bytes[..d.bytes.len().min(SAMPLE_BYTES)].to_vec())
            })
            .filter(|s| !s.is_empty())
            .collect();
        let dict = match choose_dictionary(&samples, full_raw, opts.level) {
            DictChoice::New(raw) => {
                let id = codecs.install(engine, raw)?;
                self.report.dictionary = Some(id);
                codecs.get(id)
            }
            DictChoice::Plain => None,
        };

        self.dict = dict;
        Ok(())
    }

    /// Phase 1: every blob as a full frame at the new level and dictionary, in new packs.
    fn rewrite_whole(&mut self) -> Result<()> {
        let (archive, opts, progress, dict) = (self.archive, self.opts, self.progress, self.dict);
        let (engine, codecs, store) = (archive.engine(), archive.codecs(), archive.blobs());
        let report = &mut self.report;
        let mut hashes: Vec<BlobHash> = Vec::new();
        for r in engine.scan_prefix(TreeName::Blobs, b"") {
            let (k, v) = r?;
            if let Ok(h) = <BlobHash>::try_from(k.as_slice()) {
                let rec: BlobRecord = crate::store::records::decode(&v, "blob record")?;
                report.stored_before += rec.stored_len;
                hashes.push(h);
            }
        }
        report.blobs = hashes.len() as u64;
        // Counted in blobs: each rewritten once, then each planned delta once more.
        progress.start(hashes.len() as u64, 0);
        for chunk in hashes.chunks(CHUNK) {
            let rewritten: Vec<Option<(BlobHash, u64, codec::Encoded)>> = chunk
                .par_iter()
                .map(|h| {
                    progress.advance(1, 0);
                    let rec = store.record(h).ok()??;
                    if rec.raw_len > LARGE {
                        return None;
                    }
                    let raw = store.read(h, "blob").ok()?;
                    let enc = codec::compress(
                        &raw,
                        &Plan {
                            level: opts.level,
                            dict,
                            base: None,
                        },
                    )
                    .ok()?;
                    // Every blob moves to the new packs, so that the old ones empty out.
                    decodes_to(&enc, &raw, None, codecs).then_some((*h, raw.len() as u64, enc))
                })
                .collect();
            let mut writes = Vec::new();
            for (h, raw_len, enc) in rewritten.into_iter().flatten() {
                writes.push(store.put(&h, raw_len, enc)?.1);
                report.rewritten += 1;
            }
            store.sync()?;
            engine.commit(&writes)?;
        }
        report.skipped_large = hashes
            .iter()
            .filter(|h| {
                store
                    .record(h)
                    .ok()
                    .flatten()
                    .is_some_and(|r| r.raw_len > LARGE)
            })
            .count() as u64;

        self.hashes = hashes;
        Ok(())
    }

    /// Phase 2: deltas between successive versions, planned in key order, then encoded
    /// in parallel. A blob becomes a delta only if nothing is a delta against it.
    fn make_deltas(&mut self) -> Result<()> {
        let (archive, opts, progress, dict) = (self.archive, self.opts, self.progress, self.dict);
        let (engine, codecs, store) = (archive.engine(), archive.codecs(), archive.blobs());
        let (docs, hashes, report) = (&self.docs, &self.hashes, &mut self.report);
        let mut planned: Vec<(BlobHash, BlobHash, u32)> = Vec::new();
        let mut converted: HashSet<BlobHash> = HashSet::new();
        let mut bases: HashSet<BlobHash> = HashSet::new();
        let mut planned_depth: std::collections::HashMap<BlobHash, u32> = Default::default();
        let mut root: std::collections::HashMap<BlobHash, BlobHash> = Default::default();
        // Versions kept as inline deltas stay as they are; the blobs they are deltas against
        // must stay full, or their chains would grow past the cap.
        // (Two passes over the documents, so that only one history is in memory at a time.)
        // Near-copies of other documents (any number of versions) name their base by key.
        for (key, _) in docs.iter() {
            let versions = archive.versions(key)?;
            for (_, rec) in &versions {
                let Some(d) = &rec.delta else { continue };
                let base = match &d.of {
                    None => versions
                        .iter()
                        .find(|(n, _)| *n == d.base)
                        .map(|(_, r)| r.clone()),
                    Some(other) => archive.version(other, Some(d.base)).ok().map(|(_, r)| r),
                };
                if let Some(base) = base.filter(|b| b.delta.is_none()) {
                    bases.insert(base.blob);
                }
            }
        }
        for (key, head) in docs.iter() {
            if head.latest < 2 {
                continue;
            }
            let versions = archive.versions(key)?;
            for w in versions.windows(2) {
                if w[0].1.delta.is_some() || w[1].1.delta.is_some() {
                    continue;
                }
                let (y, x) = (w[0].1.blob, w[1].1.blob);
                if x == y || converted.contains(&x) || bases.contains(&x) {
                    continue;
                }
                // Against the previous version while its chain is short enough, else against
                // the full blob at the root of that chain (as import does).
                let y_depth = planned_depth.get(&y).copied().unwrap_or(0);
                let (base, base_depth) = if crate::store::versions::extends(y_depth) {
                    (y, y_depth)
                } else {
                    (root.get(&y).copied().unwrap_or(y), 0)
                };
                if base == x {
                    continue;
                }
                planned.push((x, base, base_depth));
                converted.insert(x);
                bases.insert(base);
                planned_depth.insert(x, base_depth + 1);
                root.insert(x, root.get(&base).copied().unwrap_or(base));
            }
        }
        // Documents of one version: a delta against the most similar other document's
        // newest blob, when that blob stays full (depth 1, whatever else is planned).
        for (key, other) in crate::ops::dedup::similar_documents(archive, docs)? {
            let x = archive.version(&key, Some(1))?.1;
            let Some(y) = archive.head(&other)? else {
                continue;
            };
            let y = archive.version(&other, Some(y.latest))?.1;
            let (x, y) = match (&x.delta, &y.delta) {
                (None, None) => (x.blob, y.blob),
                _ => continue,
            };
            if x == y || converted.contains(&x) || bases.contains(&x) || converted.contains(&y) {
                continue;
            }
            planned.push((x, y, 0));
            converted.insert(x);
            bases.insert(y);
        }
        progress.start(hashes.len() as u64 + planned.len() as u64, 0);
        for chunk in planned.chunks(CHUNK) {
            let made: Vec<Option<(BlobHash, u64, codec::Encoded)>> = chunk
                .par_iter()
                .map(|(x, y, y_depth)| {
                    progress.advance(1, 0);
                    let rec = store.record(x).ok()??;
                    if rec.raw_len > LARGE {
                        return None;
                    }
                    let raw = store.read(x, "blob").ok()?;
                    let base = store.read(y, "blob").ok()?;
                    let plan = Plan {
                        level: opts.level,
                        dict,
                        base: Some(Base {
                            hash: *y,
                            raw: &base,
                            depth: *y_depth,
                        }),
                    };
                    let enc = codec::compress(&raw, &plan).ok()?;
                    let better = matches!(enc.codec, Codec::ZstdDelta { .. })
                        && (enc.data.len() as u64) < rec.stored_len;
                    (better && decodes_to(&enc, &raw, Some(&base), codecs)).then_some((
                        *x,
                        raw.len() as u64,
                        enc,
                    ))
                })
                .collect();
            let mut writes = Vec::new();
            for (h, raw_len, enc) in made.into_iter().flatten() {
                writes.push(store.put(&h, raw_len, enc)?.1);
                report.deltas += 1;
            }
            store.sync()?;
            engine.commit(&writes)?;
        }
        archive.flush()?;
        Ok(())
    }

    /// Phase 3: repack. Blobs made deltas in phase 2 left their phase-1 copies dead in
    /// the new packs; the live bytes of every pack that is mostly dead are copied into a
    /// fresh one (no recompression).
    fn repack(&mut self) -> Result<()> {
        let archive = self.archive;
        let (engine, store) = (archive.engine(), archive.blobs());
        archive.packs().roll()?;
        let mut live: std::collections::HashMap<u32, u64> = Default::default();
        let mut records: Vec<(Vec<u8>, BlobRecord)> = Vec::new();
        for r in engine.scan_prefix(TreeName::Blobs, b"") {
            let (k, v) = r?;
            let rec: BlobRecord = crate::store::records::decode(&v, "blob record")?;
            if let BlobBody::Packed { pack, len, .. } = rec.body {
                *live.entry(pack).or_default() += len;
            }
            records.push((k, rec));
        }
        let sparse: HashSet<u32> = live
            .iter()
            .filter(|(id, bytes)| {
                let file = std::fs::metadata(archive.packs().path(**id))
                    .map(|m| m.len())
                    .unwrap_or(0);
                **bytes * 10 < file * 9
            })
            .map(|(id, _)| *id)
            .collect();
        let mut writes = Vec::new();
        for (k, rec) in &records {
            if let BlobBody::Packed { pack, offset, len } = rec.body {
                if sparse.contains(&pack) {
                    let bytes = archive.packs().read(pack, offset, len)?;
                    let (new_pack, new_offset) = archive.packs().append_entry(
                        &crate::store::records::encode(&crate::store::records::EntryHead::Blob {
                            hash: k.as_slice().try_into().unwrap_or([0; 32]),
                            raw_len: rec.raw_len,
                            codec: rec.codec.clone(),
                        }),
                        &bytes,
                    )?;
                    let moved = BlobRecord {
                        body: BlobBody::Packed {
                            pack: new_pack,
                            offset: new_offset,
                            len,
                        },
                        ..rec.clone()
                    };
                    writes.push((
                        TreeName::Blobs,
                        k.clone(),
                        Some(crate::store::records::encode(&moved)),
                    ));
                }
            }
            if writes.len() >= 4096 {
                store.sync()?;
                engine.commit(&std::mem::take(&mut writes))?;
            }
        }
        store.sync()?;
        engine.commit(&writes)?;
        archive.flush()?;

        Ok(())
    }

    /// Packs no record points to any more go (after the records are durable), once it
    /// is checked that the index knows every version they hold; while another process
    /// reads the archive they are only marked (`packs/retired`) for the next writer.
    fn retire_dead_packs(&mut self, versions_pack: HashSet<u32>) -> Result<()> {
        let archive = self.archive;
        let engine = archive.engine();
        let report = &mut self.report;

        let mut referenced = HashSet::new();
        referenced.extend(versions_pack);
        for r in engine.scan_prefix(TreeName::Blobs, b"") {
            let (_, v) = r?;
            let rec: BlobRecord = crate::store::records::decode(&v, "blob record")?;
            report.stored_after += rec.stored_len;
            if let BlobBody::Packed { pack, .. } = rec.body {
                referenced.insert(pack);
            }
        }
        let dead: Vec<u32> = archive
            .packs()
            .ids()?
            .into_iter()
            .filter(|id| !referenced.contains(id))
            .collect();
        crate::ops::repair::check_known(archive, &dead)?;
        report.packs_removed = dead.len() as u64;
        report.packs_deferred = (dead.len() - archive.packs().retire(archive.dir(), &dead)?) as u64;
        Ok(())
    }

    /// Dictionaries no blob uses any more go too.
    fn drop_unused_dictionaries(&mut self) -> Result<()> {
        let (engine, codecs) = (self.archive.engine(), self.archive.codecs());
        let mut used = HashSet::new();
        for r in engine.scan_prefix(TreeName::Blobs, b"") {
            let (_, v) = r?;
            let rec: BlobRecord = crate::store::records::decode(&v, "blob record")?;
            if let Codec::ZstdDict { dict_id } = rec.codec {
                used.insert(dict_id);
            }
        }
        self.report.dictionaries_removed = codecs.retain(engine, &used)? as u64;
        Ok(())
    }
}
