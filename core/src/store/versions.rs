//! The versions of documents: heads, version records, reading any version back
//! byte-exact, appending a batch of new versions, and the one rule for what a new version
//! is stored as a delta against ([`extends`]), which import, compact and the blob store
//! all follow.

use crate::error::{Error, Result};
use crate::store::blobs::{check_read_back, BlobStore};
use crate::store::codec::{self, Codecs, DELTA_DEPTH_MAX};
use crate::store::engine::{Engine, TreeName, Write};
use crate::store::keys;
use crate::store::records::{
    decode, decode_named, decode_version, BlobAt, BlobHash, Codec, DocHead, VersionEntry,
    VersionRecord,
};
use crate::store::splice;

/// Check the bytes read for a record that keeps only a check of their hash.
fn check_against(what: &str, raw: &[u8], record: &VersionRecord) -> Result<()> {
    if raw.len() as u64 != record.raw_len {
        return Err(Error::corrupt(
            what,
            format!("{} bytes read back, {} expected", raw.len(), record.raw_len),
        ));
    }
    if !record.verifies(raw) {
        return Err(Error::corrupt(
            what,
            format!(
                "content does not match its check {}",
                crate::store::records::hex(&record.blob[..crate::store::records::CHECK_BYTES])
            ),
        ));
    }
    Ok(())
}

/// The delta-base rule: a new version (or blob) may be a delta against a base whose own
/// chain has `depth` decompressions beyond the first only while `depth` is below
/// [`DELTA_DEPTH_MAX`]; otherwise it is a delta against the full version at the root of
/// that chain. So a document keeps one full copy however often it changes, and any
/// version costs at most `DELTA_DEPTH_MAX + 1` decompressions to read.
pub fn extends(depth: u32) -> bool {
    depth < DELTA_DEPTH_MAX
}

/// The versions of an archive's documents.
pub struct VersionStore<'a> {
    pub(crate) engine: &'a dyn Engine,
    pub(crate) blobs: BlobStore<'a>,
    pub(crate) codecs: &'a Codecs,
}

/// What a new version may be stored as a delta against.
pub struct DeltaBase {
    /// The base's version of the same document, or of document `of` (`None`: a blob
    /// found through the blob delta chains, which only a blob delta may use).
    pub version: Option<u32>,
    /// The document the base version belongs to, when it is another one.
    pub of: Option<String>,
    pub hash: BlobHash,
    pub depth: u32,
    /// The base version is itself inline (its bytes are no blob).
    pub inline_only: bool,
    pub bytes: Vec<u8>,
}

/// Versions larger than this are not used as delta bases (they would be held whole).
const DELTA_BASE_MAX: u64 = 16 << 20;

impl<'a> VersionStore<'a> {
    /// The versions an index (`engine`), its packs and its dictionaries hold.
    pub(crate) fn over(
        engine: &'a dyn Engine,
        packs: &'a crate::store::packs::Packs,
        codecs: &'a Codecs,
    ) -> VersionStore<'a> {
        VersionStore {
            engine,
            blobs: BlobStore {
                engine,
                packs,
                codecs,
            },
            codecs,
        }
    }
}

impl VersionStore<'_> {
    /// The head of `key`, or `None` if there is no such document.
    pub fn head(&self, key: &str) -> Result<Option<DocHead>> {
        match self.engine.get(TreeName::Docs, key.as_bytes())? {
            Some(b) => Ok(Some(decode_named(&b, || format!("head of {key:?}"))?)),
            None => Ok(None),
        }
    }

    fn existing_head(&self, key: &str) -> Result<DocHead> {
        self.head(key)?.ok_or_else(|| Error::NoSuchKey {
            key: key.to_string(),
        })
    }

    /// Documents whose key starts with `prefix`, in key order.
    pub fn list(&self, prefix: &str) -> Result<Vec<(String, DocHead)>> {
        self.engine
            .scan_prefix(TreeName::Docs, prefix.as_bytes())
            .map(|r| {
                let (k, v) = r?;
                let key = String::from_utf8(k).map_err(|e| Error::corrupt("a document key", e))?;
                let head = decode(&v, &format!("head of {key:?}"))?;
                Ok((key, head))
            })
            .collect()
    }

    /// Every version of `key`, oldest first.
    pub fn versions(&self, key: &str) -> Result<Vec<(u32, VersionRecord)>> {
        let head = self.existing_head(key)?;
        self.engine
            .scan_prefix(TreeName::Versions, &keys::versions_prefix(head.id))
            .map(|r| {
                let (k, v) = r?;
                let (_, n) = keys::split_version_key(&k)
                    .ok_or_else(|| Error::corrupt(format!("versions of {key:?}"), "bad key"))?;
                Ok((n, decode(&v, &format!("{key}@{n}"))?))
            })
            .collect()
    }

    /// The record of one version (`None`: the latest).
    pub fn version(&self, key: &str, version: Option<u32>) -> Result<(u32, VersionRecord)> {
        let (_, n, record, _) = self.head_and_version(key, version)?;
        Ok((n, record))
    }

    /// [`VersionStore::version`] with the document's head and the hint of where the
    /// version's blob is, if the index keeps one.
    fn head_and_version(
        &self,
        key: &str,
        version: Option<u32>,
    ) -> Result<(DocHead, u32, VersionRecord, Option<BlobAt>)> {
        let head = self.existing_head(key)?;
        let n = version.unwrap_or(head.latest);
        let (record, at) = self.record_in(key, &head, n)?;
        Ok((head, n, record, at))
    }

    /// One version (`None`: the latest) and its raw bytes, checked: the document's head
    /// is looked up once for the version and every link of its chain in the document.
    pub(crate) fn read(
        &self,
        key: &str,
        version: Option<u32>,
    ) -> Result<(u32, VersionRecord, Vec<u8>)> {
        let (head, n, record, at) = self.head_and_version(key, version)?;
        let bytes = self.bytes_in(key, n, &record, at.as_ref(), Some(&head))?;
        Ok((n, record, bytes))
    }

    /// The record of version `n` of `key`, whose head is `head`, with its hint.
    fn record_in(
        &self,
        key: &str,
        head: &DocHead,
        n: u32,
    ) -> Result<(VersionRecord, Option<BlobAt>)> {
        if n == 0 || n > head.latest {
            return Err(Error::NoSuchVersion {
                key: key.into(),
                version: n,
                latest: head.latest,
            });
        }
        let what = || format!("{key}@{n}");
        let bytes = self
            .engine
            .get(TreeName::Versions, &keys::version_key(head.id, n))?
            .ok_or_else(|| Error::corrupt(what(), "version record is missing"))?;
        decode_version(&bytes, what)
    }

    /// The raw bytes of version `n` of `key` whose record is `record`: its blob, or its
    /// inline delta applied to the bytes of its base version (of the same document, or of
    /// the document it is a near-copy of); checked against the hash.
    ///
    /// The bytes are checked once, at the end, as [`BlobStore::read`] checks a chain of
    /// blobs; when that check fails, they are read again with every link checked, so the
    /// error names the damaged one.
    pub fn bytes(&self, key: &str, n: u32, record: &VersionRecord) -> Result<Vec<u8>> {
        self.bytes_in(key, n, record, None, None)
    }

    /// [`VersionStore::bytes`], reading a blob stored whole where the hint `at` says it
    /// is (no look-up of its record; bytes that do not read there or do not match the
    /// record are read again through the blob's record, every link checked), with
    /// `key`'s head when the caller has it.
    fn bytes_in(
        &self,
        key: &str,
        n: u32,
        record: &VersionRecord,
        at: Option<&BlobAt>,
        head: Option<&DocHead>,
    ) -> Result<Vec<u8>> {
        if let (None, Some(at)) = (&record.delta, at) {
            if let Some(raw) = self.blobs.read_at(at, record.raw_len) {
                if record.verifies(&raw) {
                    return Ok(raw);
                }
            }
        }
        let steps = codec::DELTA_DEPTH_MAX + 1;
        match self.bytes_within(key, n, record, steps, false, false, head) {
            Ok(raw) if record.verifies(&raw) => Ok(raw),
            _ => self.bytes_within(key, n, record, steps, true, true, head),
        }
    }

    /// The raw bytes of a version whose own check is not known yet (a near-copy read
    /// from a pack, for `repair` to compute it): every link under it checked.
    pub(crate) fn bytes_for_check(
        &self,
        key: &str,
        n: u32,
        record: &VersionRecord,
    ) -> Result<Vec<u8>> {
        self.bytes_within(
            key,
            n,
            record,
            codec::DELTA_DEPTH_MAX + 1,
            true,
            false,
            None,
        )
    }

    /// [`VersionStore::bytes`], through at most `steps` further deltas (so that a damaged
    /// record naming a base that leads back to it is an error, not endless recursion);
    /// `check`: every link under it checked against its hash, else none (the caller
    /// checks); `check_self`: this version too. `head`: `key`'s head, when the caller
    /// has looked it up (a delta within the document then finds its base with one look-up).
    #[allow(clippy::too_many_arguments)]
    fn bytes_within(
        &self,
        key: &str,
        n: u32,
        record: &VersionRecord,
        steps: u32,
        check: bool,
        check_self: bool,
        head: Option<&DocHead>,
    ) -> Result<Vec<u8>> {
        let what = || format!("{key}@{n}");
        let Some(delta) = &record.delta else {
            return match check {
                true => self.blobs.read_checked(&record.blob, &what()),
                false => self.blobs.read_unchecked(&record.blob),
            };
        };
        let base_key = delta.base_key(key);
        if (delta.of.is_none() && delta.base >= n)
            || delta.depth > codec::DELTA_DEPTH_MAX
            || steps == 0
        {
            return Err(Error::corrupt(
                what(),
                format!(
                    "delta against {base_key}@{} at depth {}",
                    delta.base, delta.depth
                ),
            ));
        }
        let looked_up;
        let base_head = match (&delta.of, head) {
            (None, Some(h)) => h,
            _ => {
                looked_up = self.existing_head(base_key)?;
                &looked_up
            }
        };
        let b = delta.base;
        let (base_record, at) = self.record_in(base_key, base_head, b)?;
        let within = |check: bool| {
            self.bytes_within(
                base_key,
                b,
                &base_record,
                steps - 1,
                check,
                check,
                Some(base_head),
            )
        };
        let base = match (check || record.check_only(), &base_record.delta, at) {
            // Unchecked, the base read through its hint is checked with the result, by its
            // hash (a near-copy that keeps only a 4-byte check reads its base through the
            // blob's record, as before).
            (false, None, Some(at)) => match self.blobs.read_at(&at, base_record.raw_len) {
                Some(raw) => raw,
                None => within(false)?,
            },
            _ => within(check)?,
        };
        let raw = match delta.data.first() {
            Some(&splice::SPLICE_TAG) => splice::decode(&base, &delta.data)
                .ok_or_else(|| Error::corrupt(what(), "a damaged splice"))?,
            _ => codec::decompress(
                &Codec::ZstdDelta {
                    base: base_record.blob,
                    depth: delta.depth,
                },
                &delta.data,
                usize::try_from(record.raw_len).unwrap_or(usize::MAX),
                Some(&base),
                self.codecs,
            )
            .map_err(|e| Error::corrupt(what(), e))?,
        };
        if check && check_self {
            match record.check_only() {
                true => check_against(&what(), &raw, record)?,
                false => check_read_back(&what(), &raw, record.raw_len, &record.blob)?,
            }
        }
        Ok(raw)
    }

    /// Append one batch of new versions: their version records go to a pack beside
    /// their blobs (already appended), the pack is made durable, then the index records
    /// `writes` are applied in one atomic write and flushed. After this returns, the
    /// batch's documents survive a crash and a power loss.
    pub fn append(&self, writes: &[Write], entries: &[VersionEntry]) -> Result<()> {
        self.blobs.put_versions(entries)?;
        // The packs are durable before any record points into them.
        self.blobs.sync()?;
        self.engine.commit(writes)?;
        self.engine.flush()
    }

    /// Bring the hint after every version record up to date with where its blob now is
    /// (after `compact` moved blobs).
    pub(crate) fn refresh_hints(&self) -> Result<()> {
        let mut writes: Vec<Write> = Vec::new();
        for r in self.engine.scan_prefix(TreeName::Versions, b"") {
            let (k, v) = r?;
            let (record, at) = decode_version(&v, || "a version record".to_string())?;
            let now = match &record.delta {
                Some(_) => None,
                None => self
                    .blobs
                    .record(&record.blob)?
                    .as_ref()
                    .and_then(BlobAt::of),
            };
            if now != at {
                writes.push((
                    TreeName::Versions,
                    k,
                    Some(crate::store::records::encode_version(&record, now.as_ref())),
                ));
            }
            if writes.len() >= 65536 {
                self.engine.commit(&std::mem::take(&mut writes))?;
            }
        }
        self.engine.commit(&writes)
    }

    /// The depth of a stored version: decompressions beyond the first to read it (`None`:
    /// its blob record is missing).
    fn version_depth(&self, rec: &VersionRecord) -> Result<Option<u32>> {
        if let Some(d) = &rec.delta {
            return Ok(Some(d.depth));
        }
        Ok(self.blobs.record(&rec.blob)?.map(|b| match b.codec {
            Codec::ZstdDelta { depth, .. } => depth,
            _ => 0,
        }))
    }

    /// The base for a new version of `key` (latest version `latest`): the latest version
    /// while its chain is shorter than [`codec::DELTA_DEPTH_MAX`], else the full version at
    /// the root of its chain, so a document keeps one full copy however often it changes and
    /// every read costs at most `DELTA_DEPTH_MAX + 1` decompressions.
    pub fn delta_base(
        &self,
        key: &str,
        latest: u32,
        new_hash: &BlobHash,
    ) -> Result<Option<DeltaBase>> {
        let (_, prev) = self.version(key, Some(latest))?;
        if prev.content_hash() == Some(new_hash) || prev.raw_len > DELTA_BASE_MAX {
            return Ok(None);
        }
        let (mut at, mut n, mut rec) = (key.to_string(), latest, prev);
        for step in 0..=codec::DELTA_DEPTH_MAX + 1 {
            let Some(depth) = self.version_depth(&rec)? else {
                return Ok(None);
            };
            if (step == 0 && extends(depth)) || depth == 0 {
                // A base that does not read is none: the new version is stored whole.
                let Ok(bytes) = self.bytes(&at, n, &rec) else {
                    return Ok(None);
                };
                return Ok(Some(DeltaBase {
                    version: Some(n),
                    of: (at != key).then_some(at),
                    hash: rec.blob,
                    depth,
                    inline_only: rec.delta.is_some(),
                    bytes,
                }));
            }
            match &rec.delta {
                Some(d) => {
                    at = d.base_key(&at).to_string();
                    n = d.base;
                    rec = self.version(&at, Some(n))?.1;
                }
                None => {
                    // A blob delta: its chain root is a blob, maybe of another document.
                    return Ok(self.blob_chain_base(key, &rec.blob)?.map(
                        |(hash, depth, bytes)| DeltaBase {
                            version: None,
                            of: None,
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

    /// A base in another document, `key` (a stored document like a new one), for the
    /// first version of the new document: the version at the root of the chain of `key`'s
    /// newest version when its blob is full (the new document may then be an inline
    /// near-copy of it, read in two steps), else the full blob at the root of that blob's
    /// chain (for a blob delta, also read in two decompressions). The caller keeps the
    /// delta only when it is smaller.
    pub fn similar_base(&self, key: &str, new_hash: &BlobHash) -> Result<Option<DeltaBase>> {
        let Some(head) = self.head(key)? else {
            return Ok(None);
        };
        let (mut at, mut n) = (key.to_string(), head.latest);
        let mut rec = self.version(key, Some(n))?.1;
        for _ in 0..=codec::DELTA_DEPTH_MAX + 1 {
            match &rec.delta {
                Some(d) => {
                    at = d.base_key(&at).to_string();
                    n = d.base;
                    rec = self.version(&at, Some(n))?.1;
                }
                None => break,
            }
        }
        if rec.delta.is_some() {
            return Ok(None);
        }
        let mut hash = rec.blob;
        for _ in 0..=codec::DELTA_DEPTH_MAX + 1 {
            let Some(b) = self.blobs.record(&hash)? else {
                return Ok(None);
            };
            match b.codec {
                Codec::ZstdDelta { base, .. } => hash = base,
                _ if hash == *new_hash || b.raw_len > DELTA_BASE_MAX => return Ok(None),
                _ => {
                    // The version's own blob is full: it is the base, by key and number.
                    let full = hash == rec.blob;
                    return Ok(Some(DeltaBase {
                        version: full.then_some(n),
                        of: full.then_some(at),
                        hash,
                        depth: 0,
                        inline_only: false,
                        bytes: self.blobs.read(&hash, key)?,
                    }));
                }
            }
        }
        Ok(None)
    }

    /// A blob a blob delta may use, for a new version whose natural base, `version` of
    /// `key`, is inline: the blob its inline chain starts from (maybe in another
    /// document), or that blob's chain root.
    pub fn blob_base(&self, key: &str, version: u32) -> Result<Option<(BlobHash, u32, Vec<u8>)>> {
        let mut at = key.to_string();
        let mut rec = self.version(key, Some(version))?.1;
        for _ in 0..=codec::DELTA_DEPTH_MAX + 1 {
            match &rec.delta {
                Some(d) => {
                    at = d.base_key(&at).to_string();
                    rec = self.version(&at, Some(d.base))?.1;
                }
                None => return self.blob_chain_base(key, &rec.blob),
            }
        }
        Ok(None)
    }

    /// The blob a blob delta may use when the previous blob is `prev` (see
    /// [`BlobStore::delta_base`]), with its depth and raw bytes.
    fn blob_chain_base(
        &self,
        key: &str,
        prev: &BlobHash,
    ) -> Result<Option<(BlobHash, u32, Vec<u8>)>> {
        match self.blobs.delta_base(prev)? {
            Some((hash, depth)) => Ok(Some((hash, depth, self.blobs.read(&hash, key)?))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;
    use crate::store::records::encode_version;

    /// Three different pages imported under `docs/`: the archive and each key's bytes.
    fn fixture(tmp: &std::path::Path) -> (Archive, Vec<(String, Vec<u8>)>) {
        let docs = tmp.join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        let mut pages = Vec::new();
        let pages_of = [
            ("a.txt", "river", 13),
            ("b.txt", "harbour", 29),
            ("c.txt", "mountain", 71),
        ];
        for (name, word, m) in pages_of {
            // Unlike each other, so that none is stored as a near-copy of another, and
            // of one length, so that only their hash tells them apart.
            let mut text: String = (0..90)
                .map(|i| {
                    let n = (i * m + 7) * 31 % 9973;
                    format!("{word} {n}: {} of {}\n", n * m % 577, word.len() * n)
                })
                .collect();
            text.truncate(1500);
            std::fs::write(docs.join(name), &text).unwrap();
            pages.push((name.to_string(), text.into_bytes()));
        }
        let archive = Archive::open_or_create(&tmp.join("a")).unwrap();
        crate::import::import_paths(
            &archive,
            &[docs],
            &crate::import::ImportOptions::default(),
            &crate::import::NoProgress,
        )
        .unwrap();
        (archive, pages)
    }

    /// Each version's key in the versions tree, its record's blob and the hint after it.
    fn hints(a: &Archive) -> Vec<(Vec<u8>, VersionRecord, Option<BlobAt>)> {
        a.engine()
            .scan_prefix(TreeName::Versions, b"")
            .map(|r| {
                let (k, v) = r.unwrap();
                let (rec, at) = decode_version(&v, String::new).unwrap();
                (k, rec, at)
            })
            .collect()
    }

    /// Where the blobs tree says each version's blob is.
    fn placed(a: &Archive, rec: &VersionRecord) -> Option<BlobAt> {
        a.blobs()
            .record(&rec.blob)
            .unwrap()
            .as_ref()
            .and_then(BlobAt::of)
    }

    #[test]
    fn a_version_record_keeps_where_its_blob_is_and_a_read_needs_no_blob_record() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, pages) = fixture(tmp.path());
        let found = hints(&a);
        assert_eq!(found.len(), 3);
        for (_, rec, at) in &found {
            assert!(matches!(
                at,
                Some(BlobAt {
                    codec: Codec::Zstd,
                    ..
                })
            ));
            assert_eq!(at, &placed(&a, rec));
        }
        // With the blob records gone, every version still reads, exactly, through its hint.
        let drop: Vec<Write> = found
            .iter()
            .map(|(_, rec, _)| (TreeName::Blobs, rec.blob.to_vec(), None))
            .collect();
        a.engine().commit(&drop).unwrap();
        for (key, bytes) in &pages {
            assert_eq!(&a.read(key, None).unwrap().bytes, bytes, "{key}");
            assert_eq!(&a.read(key, Some(1)).unwrap().bytes, bytes, "{key}");
        }
    }

    #[test]
    fn a_hint_that_points_elsewhere_is_read_through_the_blob_record() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, pages) = fixture(tmp.path());
        let found = hints(&a);
        let (k0, r0, _) = &found[0];
        let b_at = found[1].2.clone().unwrap();
        let nowhere = BlobAt {
            pack: 999,
            ..b_at.clone()
        };
        let beyond = BlobAt {
            offset: 1 << 40,
            ..b_at.clone()
        };
        for wrong in [b_at, nowhere, beyond] {
            a.engine()
                .commit(&[(
                    TreeName::Versions,
                    k0.clone(),
                    Some(encode_version(r0, Some(&wrong))),
                )])
                .unwrap();
            assert_eq!(
                a.read(&pages[0].0, None).unwrap().bytes,
                pages[0].1,
                "{wrong:?}"
            );
        }
        assert_eq!(a.read(&pages[1].0, None).unwrap().bytes, pages[1].1);
    }

    #[test]
    fn compact_and_repair_bring_the_hints_to_where_the_blobs_are() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, pages) = fixture(tmp.path());
        let before = hints(&a);
        crate::compact::compact(
            &a,
            &crate::compact::CompactOptions::default(),
            &crate::import::NoProgress,
        )
        .unwrap();
        let after = hints(&a);
        assert_eq!(after.len(), 3);
        for ((_, rec, old), (_, _, now)) in before.iter().zip(&after) {
            let here = placed(&a, rec);
            assert!(matches!(here, Some(BlobAt { .. })));
            assert_eq!(now, &here);
            // Compact wrote every blob anew: the hint moved with it.
            assert_ne!(now, old);
        }
        // An index rebuilt from the packs has them too.
        drop(a);
        let dir = tmp.path().join("a");
        std::fs::remove_dir_all(dir.join(crate::store::engine::INDEX_DIR)).unwrap();
        crate::ops::repair::repair(&dir, &crate::store::lock::Wait::default(), &|_, _| {}).unwrap();
        let a = Archive::open(&dir).unwrap();
        let rebuilt = hints(&a);
        assert_eq!(rebuilt.len(), 3);
        for ((_, rec, at), (_, _, was)) in rebuilt.iter().zip(&after) {
            assert!(at.is_some());
            assert_eq!(at, was);
            assert_eq!(at, &placed(&a, rec));
        }
        for (key, bytes) in &pages {
            assert_eq!(&a.read(key, None).unwrap().bytes, bytes, "{key}");
        }
    }
}
