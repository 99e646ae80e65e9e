//! `repair`: rebuild the index (the engine) from the packs and the catalog alone.
//!
//! Every pack entry whose checksum holds is read: blob entries give the blob records
//! (the latest entry of a hash wins: `compact` writes after import), version entries
//! give every version of every document with its key and number. Heads, document ids
//! and the next id follow from them. The new index is built beside the old one
//! (`index.new`), flushed, and put in place by rename, so a repair killed at any moment
//! leaves either the old index or none (and `repair` can run again). Then every version
//! is read back as `verify` does; what could not be restored is reported by name.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::archive::{self, Access, Archive, Opening};
use crate::error::{Error, Result};
use crate::store::catalog::Catalog;
use crate::store::codec::Codecs;
use crate::store::engine::{Engine, SledEngine, TreeName, Write, INDEX_DIR};
use crate::store::frame;
use crate::store::index::Index;
use crate::store::keys;
use crate::store::lock::{self, Wait};
use crate::store::packs::Packs;
use crate::store::records::{
    decode, decode_version, encode, encode_version, hex, BlobAt, BlobBody, BlobHash, BlobRecord,
    Codec, DocHead, EntryHead, VersionEntry, VersionRecord,
};
use crate::store::versions::VersionStore;

/// What `repair` restored, and what it could not.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RepairReport {
    pub packs: u64,
    pub documents: u64,
    pub versions: u64,
    pub blobs: u64,
    pub snapshots: u64,
    pub plugins: u64,
    pub dictionaries: u64,
    /// Stretches of packs or of the catalog that held no readable entry.
    pub unreadable: Vec<String>,
    /// Versions that are known but whose bytes could not be restored, and versions
    /// known to exist (a later one does) of which no record survived.
    pub lost: Vec<String>,
    /// Versions whose records no pack held readable but the index being replaced did:
    /// taken from it, and written to a pack again.
    pub from_index: u64,
    /// Whether the index being replaced read through and was compared with the packs:
    /// then every version it named is restored or listed in `lost`, and an unreadable
    /// stretch (a killed import's torn tail) hides nothing that was stored.
    pub index_compared: bool,
}

impl RepairReport {
    /// Whether everything came back: nothing lost, and no unreadable stretch that may
    /// have held what nothing else names (without the old index to compare, one may).
    pub fn is_complete(&self) -> bool {
        self.lost.is_empty() && (self.unreadable.is_empty() || self.index_compared)
    }
}

/// Every version record of the index at `dir` (the one a repair replaces), when it opens
/// and reads through; `None` when it does not (missing, or damaged).
fn indexed_versions(dir: &Path) -> Option<Vec<VersionEntry>> {
    let path = dir.join(INDEX_DIR);
    if !path.exists() {
        return None;
    }
    let engine = SledEngine::open(&path, false).ok()?;
    let mut out = Vec::new();
    for item in engine.scan_prefix(TreeName::Docs, b"") {
        let (key, head) = item.ok()?;
        let key = String::from_utf8(key).ok()?;
        let head: DocHead = decode(&head, "document head").ok()?;
        for item in engine.scan_prefix(TreeName::Versions, &keys::versions_prefix(head.id)) {
            let (k, v) = item.ok()?;
            let (_, version) = keys::split_version_key(&k)?;
            let (record, _) = decode_version(&v, || format!("{key}@{version}")).ok()?;
            out.push(VersionEntry {
                key: key.clone(),
                version,
                record,
            });
        }
    }
    Some(out)
}

/// Body sizes read into memory while scanning (larger blob bodies are checked by
/// streaming and located by offset).
const KEEP_BODY: u64 = 1 << 20;

/// Version records a repair writes again per pack entry (each well under
/// [`KEEP_BODY`] compressed).
const RECOVERED_PER_ENTRY: usize = 1024;

/// Everything the packs hold.
#[derive(Default)]
struct Found {
    blobs: HashMap<BlobHash, BlobRecord>,
    versions: BTreeMap<(String, u32), VersionRecord>,
    unreadable: Vec<String>,
}

/// Read every entry of every pack of the archive at `dir`; `each_pack` is told each
/// pack as it is done.
fn scan_packs(dir: &Path, only: Option<&[u32]>, each_pack: &dyn Fn(u32)) -> Result<Found> {
    let packs = Packs::open_read(dir)?;
    let mut found = Found::default();
    for id in packs.ids()? {
        if only.is_some_and(|o| !o.contains(&id)) {
            continue;
        }
        let path = packs.path(id);
        let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
        let len = file.metadata().map_err(|e| Error::io(&path, e))?.len();
        let mut bad_entries = Vec::new();
        let skipped = frame::scan(&file, len, KEEP_BODY, |e| {
            match decode::<EntryHead>(&e.head, "pack entry") {
                Ok(EntryHead::Blob {
                    hash,
                    raw_len,
                    codec,
                }) => {
                    let body = if e.body_len == 0 {
                        BlobBody::Inline(Vec::new())
                    } else {
                        BlobBody::Packed {
                            pack: id,
                            offset: e.body_at,
                            len: e.body_len,
                        }
                    };
                    found.blobs.insert(
                        hash,
                        BlobRecord {
                            raw_len,
                            stored_len: e.body_len,
                            codec,
                            body,
                        },
                    );
                }
                Ok(EntryHead::Versions { count, raw_len }) => {
                    let list = e
                        .body
                        .as_deref()
                        .ok_or_else(|| "too large".to_string())
                        .and_then(|b| {
                            zstd::bulk::decompress(b, raw_len.min(1 << 30) as usize)
                                .map_err(|e| e.to_string())
                        })
                        .and_then(|raw| {
                            postcard::from_bytes::<Vec<VersionEntry>>(&raw)
                                .map_err(|e| e.to_string())
                        });
                    match list {
                        Ok(list) if list.len() == count as usize => {
                            for v in list {
                                found.versions.insert((v.key, v.version), v.record);
                            }
                        }
                        Ok(_) => bad_entries.push((e.at, "wrong number of records".into())),
                        Err(why) => bad_entries.push((e.at, why)),
                    }
                }
                Err(err) => bad_entries.push((e.at, err.to_string())),
            }
        })
        .map_err(|e| Error::io(&path, e))?;
        for s in skipped {
            found.unreadable.push(format!(
                "{}: {} bytes at offset {} hold no readable entry",
                path.display(),
                s.len,
                s.at
            ));
        }
        for (at, why) in bad_entries {
            found.unreadable.push(format!(
                "{}: the entry at offset {at} cannot be decoded ({why})",
                path.display()
            ));
        }
        each_pack(id);
    }
    Ok(found)
}

/// The archive at `dir` opened to write, for a step of `repair`.
fn open_for_repair(dir: &Path, wait: &Wait) -> Result<Archive> {
    Archive::open_with(
        dir,
        &Opening {
            access: Access::Write,
            command: "repair",
            wait: *wait,
        },
    )
}

/// Write the check of each near-copy in `missing` (whose record, read from a pack, has
/// none), computed from the bytes its delta and its base (read and checked) give; one
/// that does not read keeps none, and `verify` names it.
fn fill_checks(versions: &VersionStore<'_>, missing: &[(&str, u32)]) -> Result<()> {
    use rayon::prelude::*;
    let fixed: Vec<Result<Option<Write>>> = missing
        .par_iter()
        .map(|(key, n)| {
            let Some(head) = versions.head(key)? else {
                return Ok(None);
            };
            let (_, mut rec) = versions.version(key, Some(*n))?;
            let Ok(raw) = versions.bytes_for_check(key, *n, &rec) else {
                return Ok(None);
            };
            if raw.len() as u64 != rec.raw_len {
                return Ok(None);
            }
            rec.blob = crate::store::records::check_of(&raw);
            Ok(Some((
                TreeName::Versions,
                keys::version_key(head.id, *n).to_vec(),
                Some(encode(&rec)),
            )))
        })
        .collect();
    let mut writes = Vec::new();
    for w in fixed {
        writes.extend(w?);
    }
    for chunk in writes.chunks(65536) {
        versions.engine.commit(chunk)?;
    }
    Ok(())
}

/// Check, before `compact` lets packs `dead` go, that the index knows every version
/// they hold (a damaged index that forgot documents must be repaired first, or the
/// packs would take the only record of them along).
pub(crate) fn check_known(archive: &Archive, dead: &[u32]) -> Result<()> {
    if dead.is_empty() {
        return Ok(());
    }
    let found = scan_packs(archive.dir(), Some(dead), &|_| {})?;
    for ((key, version), rec) in &found.versions {
        let known = archive.version(key, Some(*version)).is_ok_and(|(_, r)| {
            r.blob == rec.blob || (rec.check_missing() && r.check_only() && r.delta == rec.delta)
        });
        if !known {
            return Err(Error::IndexDamaged {
                dir: archive.dir().into(),
                detail: format!(
                    "{key}@{version} is in the packs but not in the index, so compact \
                     stopped before deleting anything"
                ),
            });
        }
    }
    Ok(())
}

/// Rebuild the index of the archive at `dir` from its packs and catalog.
pub fn repair(dir: &Path, wait: &Wait, each_pack: &dyn Fn(u32, usize)) -> Result<RepairReport> {
    // The same refusals as opening: another format, or no archive, stays untouched.
    if !dir.join(archive::FORMAT_FILE).exists() {
        return Err(match Archive::open_read(dir) {
            Err(e) => e,
            Ok(_) => Error::NoArchive { dir: dir.into() },
        });
    }
    let _writer = lock::writer(dir, "repair", wait)?;
    let _no_readers = wait.until(
        || "the commands reading the archive to finish".to_string(),
        || lock::no_readers(dir),
        |holder, waited_s| Error::ArchiveBusy {
            dir: dir.into(),
            holder: format!("waiting for {holder}"),
            waited_s,
        },
    )?;
    let total = Packs::open_read(dir)?.ids()?.len();
    let mut found = scan_packs(dir, None, &|id| each_pack(id, total))?;
    let catalog = Catalog::open(dir)?;
    let mut report = RepairReport {
        packs: total as u64,
        unreadable: found.unreadable.clone(),
        ..Default::default()
    };
    // The index being replaced, when it still reads, names every version stored: one
    // whose record no pack holds readable (a damaged stretch held an import's batch of
    // records, or a pack is gone) is taken from it and written to a pack again when its
    // bytes are readable (or are a delta its record holds), so the packs hold every
    // record again before the index is rebuilt from them; one whose bytes are gone too
    // is named as lost.
    if let Some(indexed) = indexed_versions(dir) {
        report.index_compared = true;
        let empty = *blake3::hash(b"").as_bytes();
        let mut recovered = Vec::new();
        for e in indexed {
            if found.versions.contains_key(&(e.key.clone(), e.version)) {
                continue;
            }
            if e.record.delta.is_some()
                || e.record.blob == empty
                || found.blobs.contains_key(&e.record.blob)
            {
                recovered.push(e);
            } else {
                report.lost.push(format!(
                    "{}@{}: its record and its bytes are in no readable pack entry (the old index named it)",
                    e.key, e.version
                ));
            }
        }
        if !recovered.is_empty() {
            let packs = Packs::open(dir)?;
            // Entries of at most RECOVERED_PER_ENTRY records: a scan reads a records
            // entry of at most KEEP_BODY bytes.
            for chunk in recovered.chunks(RECOVERED_PER_ENTRY) {
                crate::store::blobs::append_versions(&packs, chunk)?;
            }
            packs.sync()?;
            report.from_index = recovered.len() as u64;
            for e in recovered {
                found.versions.insert((e.key, e.version), e.record);
            }
        }
    }
    for (at, len) in catalog.skipped() {
        report.unreadable.push(format!(
            "{}: {len} bytes at offset {at} hold no readable entry",
            dir.join(crate::store::catalog::CATALOG_FILE).display()
        ));
    }

    // Heads and ids, in key order.
    let mut writes: Vec<Write> = Vec::new();
    let mut by_key: BTreeMap<&str, Vec<(u32, &VersionRecord)>> = BTreeMap::new();
    for ((key, n), rec) in &found.versions {
        by_key.entry(key.as_str()).or_default().push((*n, rec));
    }
    let mut used: HashSet<BlobHash> = HashSet::new();
    let empty = *blake3::hash(b"").as_bytes();
    let mut next_id = 1u64;
    for (key, versions) in &by_key {
        let id = next_id;
        next_id += 1;
        let (latest, latest_rec) = versions[versions.len() - 1];
        let created_ms = versions
            .iter()
            .find(|(n, _)| *n == 1)
            .map_or(versions[0].1.imported_ms, |(_, r)| r.imported_ms);
        let head = DocHead {
            id,
            latest,
            created_ms,
            updated_ms: latest_rec.imported_ms,
        };
        writes.push((TreeName::Docs, key.as_bytes().to_vec(), Some(encode(&head))));
        let have: HashSet<u32> = versions.iter().map(|(n, _)| *n).collect();
        for n in (1..latest).filter(|n| !have.contains(n)) {
            report
                .lost
                .push(format!("{key}@{n}: no record of this version survived"));
        }
        for (n, rec) in versions {
            let at = match rec.delta {
                Some(_) => None,
                None => found.blobs.get(&rec.blob).and_then(BlobAt::of),
            };
            writes.push((
                TreeName::Versions,
                keys::version_key(id, *n).to_vec(),
                Some(encode_version(rec, at.as_ref())),
            ));
            if rec.delta.is_none() {
                used.insert(rec.blob);
            }
        }
        report.documents += 1;
        report.versions += versions.len() as u64;
    }
    // Blobs the versions use, with the delta bases they need; the rest (appended by an
    // import that died before its commit, or replaced) are left out.
    let mut blobs: HashMap<BlobHash, BlobRecord> = HashMap::new();
    let mut todo: Vec<BlobHash> = used.into_iter().collect();
    while let Some(h) = todo.pop() {
        if blobs.contains_key(&h) {
            continue;
        }
        match found.blobs.get(&h) {
            Some(rec) => {
                if let Codec::ZstdDelta { base, .. } = rec.codec {
                    todo.push(base);
                }
                blobs.insert(h, rec.clone());
            }
            None if h == empty => {
                blobs.insert(
                    h,
                    BlobRecord {
                        raw_len: 0,
                        stored_len: 0,
                        codec: Codec::Stored,
                        body: BlobBody::Inline(Vec::new()),
                    },
                );
            }
            None => {}
        }
    }
    for (h, rec) in &blobs {
        writes.push((TreeName::Blobs, h.to_vec(), Some(encode(rec))));
    }
    report.blobs = blobs.len() as u64;
    writes.push((
        TreeName::Meta,
        b"format_version".to_vec(),
        Some(archive::FORMAT_VERSION.to_be_bytes().to_vec()),
    ));
    writes.push(Archive::next_doc_id_write(next_id));

    // Build the new index beside the old one, then put it in place.
    let index = dir.join(INDEX_DIR);
    let fresh = index.with_extension("new");
    let old = index.with_extension("old");
    let _ = std::fs::remove_dir_all(&fresh);
    // Near-copies come from the packs without their check: computed from their bytes
    // (their bases read and checked) in the new index before it is put in place.
    let missing: Vec<(&str, u32)> = by_key
        .iter()
        .flat_map(|(key, versions)| {
            versions
                .iter()
                .filter(|(_, rec)| rec.check_missing())
                .map(|(n, _)| (*key, *n))
        })
        .collect();
    {
        let engine = SledEngine::open(&fresh, true)?;
        for chunk in writes.chunks(65536) {
            engine.commit(chunk)?;
        }
        let index = Index::new(Box::new(engine), catalog);
        if !missing.is_empty() {
            let codecs = Codecs::load(&index, crate::store::dictfile::dir(dir), false)?;
            let packs = Packs::open_read(dir)?;
            fill_checks(&VersionStore::over(&index, &packs, &codecs), &missing)?;
        }
        index.flush()?;
    }
    let _ = std::fs::remove_dir_all(&old);
    if index.exists() {
        std::fs::rename(&index, &old).map_err(|e| Error::io(&index, e))?;
    }
    std::fs::rename(&fresh, &index).map_err(|e| Error::io(&index, e))?;
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))?;
    let _ = std::fs::remove_dir_all(&old);
    drop(_no_readers);
    drop(_writer);

    // Read everything back: what does not read is not restored.
    let archive = Archive::open_with(
        dir,
        &Opening {
            access: Access::Read,
            command: "repair",
            wait: *wait,
        },
    )?;
    for (key, versions) in &by_key {
        for (n, rec) in versions {
            if rec.delta.is_none() && !blobs.contains_key(&rec.blob) {
                report.lost.push(format!(
                    "{key}@{n}: its bytes (blob {}) are in no readable pack entry",
                    hex(&rec.blob)
                ));
            }
        }
    }
    let verify = archive.verify()?;
    for d in verify.damaged {
        let line = format!("{}@{}: {}", d.key, d.version, d.error);
        if !report
            .lost
            .iter()
            .any(|l| l.starts_with(&format!("{}@{}:", d.key, d.version)))
        {
            report.lost.push(line);
        }
    }
    report.lost.extend(verify.other);
    report.lost.sort();
    // The corpus statistics are counted again from the restored documents.
    crate::corpus::CorpusStats::load_or_build(&archive, true)?;
    report.snapshots = crate::ops::snapshot::list(&archive)?.len() as u64;
    report.plugins = crate::plugin::enabled(&archive)?.len() as u64;
    report.dictionaries = archive.codecs().count() as u64;
    drop(archive);
    // The similarity sketches are computed again from the documents' newest versions.
    crate::ops::dedup::rebuild_sketches(&open_for_repair(dir, wait)?)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records::CHECK_BYTES;

    #[test]
    fn a_near_copy_keeps_a_check_in_the_index_none_in_its_pack_and_repair_computes_it() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, one, two) = (
            tmp.path().join("a"),
            tmp.path().join("one"),
            tmp.path().join("two"),
        );
        let lines: Vec<String> = (0..40)
            .map(|i| format!("Paragraph {i} of the report, on item number {}.", i * 7))
            .collect();
        let page = lines.join("\n");
        let mut altered = lines.clone();
        altered[12] = "Paragraph 12 as the mirror has it.".to_string();
        let copy = altered.join("\n");
        for (dir, text) in [(&one, &page), (&two, &copy)] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("page.txt"), text).unwrap();
        }
        let archive = Archive::open_or_create(&a).unwrap();
        for (dir, prefix) in [(&one, "one"), (&two, "two")] {
            let opts = crate::import::ImportOptions {
                prefix: prefix.to_string(),
                ..Default::default()
            };
            crate::import::import_paths(
                &archive,
                std::slice::from_ref(dir),
                &opts,
                &crate::import::NoProgress,
            )
            .unwrap();
        }
        let hash = *blake3::hash(copy.as_bytes()).as_bytes();
        let (_, rec) = archive.version("two/page.txt", None).unwrap();
        assert_eq!(
            rec.delta.as_ref().map(|d| (d.of.as_deref(), d.check)),
            Some((Some("one/page.txt"), true))
        );
        // The index: the first 4 bytes of the XXH3-64 of the bytes; the pack: nothing.
        let mut check = [0u8; 32];
        check[..CHECK_BYTES]
            .copy_from_slice(&xxhash_rust::xxh3::xxh3_64(copy.as_bytes()).to_le_bytes()[..4]);
        assert_eq!(rec.blob, check);
        assert_eq!(archive.content_hash("two/page.txt", 1, &rec).unwrap(), hash);
        let found = scan_packs(&a, None, &|_| {}).unwrap();
        let packed = &found.versions[&("two/page.txt".to_string(), 1)];
        assert_eq!(packed.blob, [0; 32]);
        assert_eq!(packed.delta, rec.delta);
        drop(archive);

        // Rebuilt from the packs, the record has its check again and reads back.
        std::fs::remove_dir_all(a.join(INDEX_DIR)).unwrap();
        let report = repair(&a, &Wait::default(), &|_, _| {}).unwrap();
        assert!(report.lost.is_empty(), "{:?}", report.lost);
        let archive = Archive::open(&a).unwrap();
        assert_eq!(archive.version("two/page.txt", None).unwrap().1, rec);
        assert_eq!(
            archive.read("two/page.txt", None).unwrap().bytes,
            copy.as_bytes()
        );

        // A wrong check is an error naming the version and the check.
        let id = archive.head("two/page.txt").unwrap().unwrap().id;
        let mut bad = rec.clone();
        bad.blob[0] ^= 1;
        archive
            .engine()
            .commit(&[(
                TreeName::Versions,
                keys::version_key(id, 1).to_vec(),
                Some(encode(&bad)),
            )])
            .unwrap();
        let e = match archive.read("two/page.txt", None) {
            Ok(_) => panic!("a wrong check read"),
            Err(e) => e.to_string(),
        };
        assert!(
            e.contains("two/page.txt@1")
                && e.contains(&format!("does not match its check {}", hex(&bad.blob[..4]))),
            "{e}"
        );
    }
}
