//! Content-addressed blobs: the record of each blob (in the `blobs` tree) and its bytes
//! (in a pack file), reading back with verification.
//!
//! A blob is written under the BLAKE3 hash of its raw bytes, so identical content across
//! keys and versions is stored once. Its bytes are appended to a pack and made durable
//! before its record is committed; the record is committed together with the version
//! records that use it. Every read re-hashes the raw bytes, so damaged storage is
//! reported as damage and never returned as good bytes.

use std::io::Read;

use crate::error::{Error, Result};
use crate::store::codec::{self, Codecs, Encoded, DELTA_DEPTH_MAX};
use crate::store::engine::{Engine, TreeName, Write};
use crate::store::packs::Packs;
// Blobs up to `BULK_LIMIT` raw bytes are decompressed in one call; larger ones stream.
use crate::store::records::{
    decode_named, encode, hex, BlobAt, BlobBody, BlobHash, BlobRecord, Codec, EntryHead,
    VersionEntry, BULK_LIMIT,
};

/// Check bytes read back (of `what`) against the length and hash they were stored with.
pub(crate) fn check_read_back(what: &str, raw: &[u8], raw_len: u64, hash: &BlobHash) -> Result<()> {
    if raw.len() as u64 != raw_len {
        return Err(Error::corrupt(
            what,
            format!("{} bytes read back, {} expected", raw.len(), raw_len),
        ));
    }
    if blake3::hash(raw).as_bytes() != hash {
        return Err(Error::corrupt(
            what,
            format!("content does not match its hash {}", hex(hash)),
        ));
    }
    Ok(())
}

/// zstd level for new blobs. Measured on the news pages with format 3 (6,000 pages,
/// 255 KiB dictionary): level 4 stored 15.29 MB in all, level 5 14.91 MB for 9% more CPU
/// time (0.88 s against 0.81 s), level 6 14.74 MB for 50% more.
pub const DEFAULT_LEVEL: i32 = 5;

/// zstd level of the version records kept in packs (~150 KB per import batch of 2,048).
/// Level 19 took a fifth of the import's CPU time on the news pages; level 6 stores the
/// same records about 10% larger (0.02 MB on 6,000 pages) in a fraction of the time.
const VERSIONS_LEVEL: i32 = 6;

/// The blobs of an archive.
pub struct BlobStore<'a> {
    pub(crate) engine: &'a dyn Engine,
    pub(crate) packs: &'a Packs,
    pub(crate) codecs: &'a Codecs,
}

impl BlobStore<'_> {
    /// Whether a blob with this hash is stored.
    pub fn exists(&self, hash: &BlobHash) -> Result<bool> {
        self.engine.contains(TreeName::Blobs, hash)
    }

    /// The record of a blob, if stored.
    pub fn record(&self, hash: &BlobHash) -> Result<Option<BlobRecord>> {
        match self.engine.get(TreeName::Blobs, hash)? {
            Some(bytes) => Ok(Some(decode_named(&bytes, || {
                format!("blob record {}", hex(hash))
            })?)),
            None => Ok(None),
        }
    }

    /// The blob a new version may be stored as a delta against, given the previous
    /// version's blob `prev`, with that blob's chain depth: `prev` itself while its chain
    /// is shorter than [`crate::store::codec::DELTA_DEPTH_MAX`], else the full blob at the root of
    /// `prev`'s chain, so that a document edited many times keeps one full copy and every
    /// read still costs at most `DELTA_DEPTH_MAX + 1` decompressions. `None`: no base
    /// (missing record, or a base too large to hold in memory).
    pub fn delta_base(&self, prev: &BlobHash) -> Result<Option<(BlobHash, u32)>> {
        let mut h = *prev;
        for _ in 0..=crate::store::codec::DELTA_DEPTH_MAX + 1 {
            let Some(rec) = self.record(&h)? else {
                return Ok(None);
            };
            let small = match rec.body {
                BlobBody::Packed { len, .. } => len < 16 << 20,
                BlobBody::Inline(_) => true,
            };
            match rec.codec {
                Codec::ZstdDelta { depth, .. }
                    if h == *prev && crate::store::versions::extends(depth) =>
                {
                    return Ok(small.then_some((h, depth)));
                }
                Codec::ZstdDelta { base, .. } => h = base,
                _ => return Ok(small.then_some((h, 0))),
            }
        }
        Ok(None)
    }

    /// Append an encoded blob's bytes to a pack. Returns the stored size and the record
    /// write to commit — after [`BlobStore::sync`].
    pub fn put(&self, hash: &BlobHash, raw_len: u64, enc: Encoded) -> Result<(u64, Write)> {
        let stored_len = enc.data.len() as u64;
        // Every blob has its entry in a pack, the empty one too (its record keeps the
        // empty bytes inline).
        let head = encode(&EntryHead::Blob {
            hash: *hash,
            raw_len,
            codec: enc.codec.clone(),
        });
        let (pack, offset) = self.packs.append_entry(&head, &enc.data)?;
        let body = if enc.data.is_empty() {
            BlobBody::Inline(Vec::new())
        } else {
            BlobBody::Packed {
                pack,
                offset,
                len: stored_len,
            }
        };
        let record = BlobRecord {
            raw_len,
            stored_len,
            codec: enc.codec,
            body,
        };
        Ok((
            stored_len,
            (TreeName::Blobs, hash.to_vec(), Some(encode(&record))),
        ))
    }

    /// Stream `reader` through zstd into a pack, in bounded memory. Succeeds only if the
    /// bytes read hash to `hash` and number `raw_len` (else the input changed while it
    /// was read). Returns the stored size and the record write to commit.
    pub fn put_stream(
        &self,
        hash: &BlobHash,
        raw_len: u64,
        reader: &mut dyn Read,
    ) -> Result<(u64, Write)> {
        let mut hasher = blake3::Hasher::new();
        let mut seen = 0u64;
        let head = encode(&EntryHead::Blob {
            hash: *hash,
            raw_len,
            codec: Codec::Zstd,
        });
        let (pack, offset, len) = self.packs.append_entry_with(&head, |out| {
            let mut enc = zstd::stream::Encoder::new(out, DEFAULT_LEVEL).map_err(zstd_error)?;
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let n = reader.read(&mut buf).map_err(|e| Error::Io {
                    path: Default::default(),
                    source: e,
                })?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
                seen += n as u64;
                std::io::Write::write_all(&mut enc, &buf[..n]).map_err(|e| Error::Io {
                    path: Default::default(),
                    source: e,
                })?;
            }
            enc.finish().map_err(zstd_error)?;
            Ok(())
        })?;
        if seen != raw_len || hasher.finalize().as_bytes() != hash {
            return Err(Error::Io {
                path: Default::default(),
                source: std::io::Error::other(
                    "the input changed while it was being imported; import it again",
                ),
            });
        }
        let record = BlobRecord {
            raw_len,
            stored_len: len,
            codec: Codec::Zstd,
            body: BlobBody::Packed { pack, offset, len },
        };
        Ok((len, (TreeName::Blobs, hash.to_vec(), Some(encode(&record)))))
    }

    /// Append the version records of one commit to a pack, as one entry (see
    /// [`EntryHead::Versions`]); durable after [`BlobStore::sync`].
    /// Returns the pack written to (`None`: nothing to write).
    pub fn put_versions(&self, entries: &[VersionEntry]) -> Result<Option<u32>> {
        append_versions(self.packs, entries)
    }

    /// Make appended bytes durable; call before committing the records from `put`.
    pub fn sync(&self) -> Result<()> {
        self.packs.sync()
    }

    /// Put and commit one blob now (durable when this returns).
    pub fn put_now(&self, hash: &BlobHash, raw_len: u64, enc: Encoded) -> Result<u64> {
        let (stored, write) = self.put(hash, raw_len, enc)?;
        self.sync()?;
        self.engine.commit(&[write])?;
        Ok(stored)
    }

    /// Whether a stored blob reads back intact (decodes, through its delta bases and
    /// dictionary, to bytes with its hash). `false` for a missing or damaged blob: an
    /// import that has the blob's original bytes writes it again ([healing]).
    ///
    /// [healing]: crate::ops::import
    pub fn intact(&self, hash: &BlobHash) -> Result<bool> {
        let Some(rec) = self.record(hash)? else {
            return Ok(false);
        };
        if let (Codec::Zstd, BlobBody::Packed { pack, offset, len }) = (&rec.codec, &rec.body) {
            if rec.raw_len > BULK_LIMIT {
                // Large blobs are checked as a stream, in bounded memory.
                let Ok(r) = self.packs.stream(*pack, *offset, *len) else {
                    return Ok(false);
                };
                let mut hasher = blake3::Hasher::new();
                let n = zstd::stream::Decoder::new(r)
                    .and_then(|mut d| std::io::copy(&mut d, &mut hasher));
                return Ok(
                    matches!(n, Ok(n) if n == rec.raw_len) && hasher.finalize().as_bytes() == hash
                );
            }
        }
        match self.read(hash, "") {
            Ok(_) => Ok(true),
            Err(Error::Corrupt { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The raw bytes a blob hint points to, for a version of `raw_len` bytes, not
    /// checked: the caller checks them against the version's record. `None` when they
    /// do not read (the blob moved, its pack or dictionary is gone).
    pub(crate) fn read_at(&self, at: &BlobAt, raw_len: u64) -> Option<Vec<u8>> {
        if raw_len > BULK_LIMIT || at.len > raw_len + (1 << 20) {
            return None;
        }
        let data = self.packs.read(at.pack, at.offset, at.len).ok()?;
        let raw = codec::decompress(&at.codec, &data, raw_len as usize, None, self.codecs).ok()?;
        (raw.len() as u64 == raw_len).then_some(raw)
    }

    /// A blob's raw bytes, checked against its hash. `what` names the blob in errors
    /// (e.g. the key and version that use it).
    pub fn read(&self, hash: &BlobHash, what: &str) -> Result<Vec<u8>> {
        match self.read_unchecked(hash) {
            Ok(raw) if blake3::hash(&raw).as_bytes() == hash => Ok(raw),
            _ => self.read_checked(hash, what),
        }
    }

    /// A blob's raw bytes, its delta bases decoded but none of them checked against its
    /// hash: the caller checks what it makes of them. One check of the end result covers
    /// every link of a chain (a damaged base cannot give bytes with the right hash), and
    /// costs one hash of a document instead of one per link. When the check fails, the
    /// caller reads again with [`BlobStore::read_checked`], whose errors name the link.
    pub(crate) fn read_unchecked(&self, hash: &BlobHash) -> Result<Vec<u8>> {
        self.read_inner(hash, "", DELTA_DEPTH_MAX + 1, false)
    }

    /// [`BlobStore::read`] with every link of the chain checked, so that an error names
    /// the damaged one.
    pub(crate) fn read_checked(&self, hash: &BlobHash, what: &str) -> Result<Vec<u8>> {
        self.read_inner(hash, what, DELTA_DEPTH_MAX + 1, true)
    }

    fn read_inner(&self, hash: &BlobHash, what: &str, hops: u32, check: bool) -> Result<Vec<u8>> {
        let rec = self
            .record(hash)?
            .ok_or_else(|| Error::corrupt(what, format!("blob {} is missing", hex(hash))))?;
        let raw = self
            .decode_body(&rec, hops, check)
            .map_err(|e| Error::corrupt(what, e))?;
        if check {
            check_read_back(what, &raw, rec.raw_len, hash)?;
        } else if raw.len() as u64 != rec.raw_len {
            return Err(Error::corrupt(what, "wrong length"));
        }
        Ok(raw)
    }

    fn decode_body(
        &self,
        rec: &BlobRecord,
        hops: u32,
        check: bool,
    ) -> std::result::Result<Vec<u8>, String> {
        if rec.raw_len > BULK_LIMIT * 64 {
            return Err(format!(
                "implausible size {} in the blob record",
                rec.raw_len
            ));
        }
        let data = match &rec.body {
            BlobBody::Inline(d) => d.clone(),
            BlobBody::Packed { pack, offset, len } => {
                if rec.codec == Codec::Zstd && rec.raw_len > BULK_LIMIT {
                    // Large streamed blobs decode as a stream.
                    let mut out = Vec::new();
                    let r = self
                        .packs
                        .stream(*pack, *offset, *len)
                        .map_err(|e| e.to_string())?;
                    zstd::stream::Decoder::new(r)
                        .and_then(|mut d| d.read_to_end(&mut out))
                        .map_err(|e| format!("zstd: {e}"))?;
                    return Ok(out);
                }
                self.packs
                    .read(*pack, *offset, *len)
                    .map_err(|e| e.to_string())?
            }
        };
        let base = match &rec.codec {
            Codec::ZstdDelta { base, .. } => {
                if hops == 0 {
                    return Err("delta chain longer than allowed (or a cycle)".into());
                }
                let what = if check {
                    format!("delta base {}", hex(base))
                } else {
                    String::new()
                };
                Some(
                    self.read_inner(base, &what, hops - 1, check)
                        .map_err(|e| match e {
                            // Named inside the error of the blob it is the base of,
                            // which gives the hint once.
                            Error::Corrupt { what, detail } => {
                                format!("{what} is damaged: {detail}")
                            }
                            e => e.to_string(),
                        })?,
                )
            }
            _ => None,
        };
        codec::decompress(
            &rec.codec,
            &data,
            rec.raw_len as usize,
            base.as_deref(),
            self.codecs,
        )
    }
}

fn zstd_error(e: std::io::Error) -> Error {
    Error::Storage {
        dir: Default::default(),
        detail: format!("zstd: {e}"),
    }
}

/// Append version records to `packs` as one entry (see [`EntryHead::Versions`]);
/// durable after [`Packs::sync`]. Returns the pack written to (`None`: nothing to
/// write).
pub(crate) fn append_versions(packs: &Packs, entries: &[VersionEntry]) -> Result<Option<u32>> {
    if entries.is_empty() {
        return Ok(None);
    }
    // Check-only records go without their check (`VersionRecord::packed`).
    #[derive(serde::Serialize)]
    struct Packed<'a> {
        key: &'a str,
        version: u32,
        record: std::borrow::Cow<'a, crate::store::records::VersionRecord>,
    }
    let packed: Vec<Packed<'_>> = entries
        .iter()
        .map(|e| Packed {
            key: &e.key,
            version: e.version,
            record: e.record.packed(),
        })
        .collect();
    let raw = match postcard::to_stdvec(&packed) {
        Ok(v) => v,
        Err(e) => unreachable!("postcard encoding of version records failed: {e}"),
    };
    let body = zstd::bulk::compress(&raw, VERSIONS_LEVEL).map_err(zstd_error)?;
    let head = encode(&EntryHead::Versions {
        count: entries.len() as u32,
        raw_len: raw.len() as u64,
    });
    let (pack, _) = packs.append_entry(&head, &body)?;
    Ok(Some(pack))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::codec::{compress, Plan};
    use crate::store::engine::SledEngine;

    struct Fixture {
        _dir: tempfile::TempDir,
        engine: SledEngine,
        packs: Packs,
        codecs: Codecs,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let engine = SledEngine::open(&dir.path().join("index"), true).unwrap();
        let packs = Packs::open(dir.path()).unwrap();
        Fixture {
            _dir: dir,
            engine,
            packs,
            codecs: Codecs::default(),
        }
    }

    impl Fixture {
        fn store(&self) -> BlobStore<'_> {
            BlobStore {
                engine: &self.engine,
                packs: &self.packs,
                codecs: &self.codecs,
            }
        }
    }

    fn plain() -> Plan<'static> {
        Plan {
            level: DEFAULT_LEVEL,
            dict: None,
            base: None,
        }
    }

    fn pseudo_random(n: usize) -> Vec<u8> {
        let mut x = 0x2545F4914F6CDD1Du64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn text_is_packed_zstd_and_round_trips() {
        let f = fixture();
        let s = f.store();
        let raw = "文库 archive ".repeat(100).into_bytes();
        let hash = *blake3::hash(&raw).as_bytes();
        let stored = s
            .put_now(&hash, raw.len() as u64, compress(&raw, &plain()).unwrap())
            .unwrap();
        assert!(stored < raw.len() as u64 / 10);
        let rec = s.record(&hash).unwrap().unwrap();
        assert_eq!(rec.codec, Codec::Zstd);
        // The body follows the entry's 16-byte frame prefix and its head.
        let head = encode(&EntryHead::Blob {
            hash,
            raw_len: raw.len() as u64,
            codec: Codec::Zstd,
        });
        assert_eq!(
            rec.body,
            BlobBody::Packed {
                pack: 1,
                offset: 16 + head.len() as u64,
                len: stored,
            }
        );
        assert_eq!(s.read(&hash, "t").unwrap(), raw);
    }

    #[test]
    fn incompressible_bytes_are_stored() {
        let f = fixture();
        let s = f.store();
        let raw = pseudo_random(300_017);
        let hash = *blake3::hash(&raw).as_bytes();
        s.put_now(&hash, raw.len() as u64, compress(&raw, &plain()).unwrap())
            .unwrap();
        assert_eq!(s.record(&hash).unwrap().unwrap().codec, Codec::Stored);
        assert_eq!(s.read(&hash, "t").unwrap(), raw);
    }

    #[test]
    fn streamed_blob_round_trips_and_a_changed_input_is_refused() {
        let f = fixture();
        let s = f.store();
        let mut raw = pseudo_random(200_000);
        raw.extend("text ".repeat(200_000).as_bytes());
        let hash = *blake3::hash(&raw).as_bytes();
        let (_, w) = s
            .put_stream(&hash, raw.len() as u64, &mut raw.as_slice())
            .unwrap();
        s.sync().unwrap();
        f.engine.commit(&[w]).unwrap();
        assert_eq!(s.read(&hash, "t").unwrap(), raw);
        let other = b"something else".to_vec();
        let err = s
            .put_stream(&[9; 32], other.len() as u64, &mut other.as_slice())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("the input changed while it was being imported"),
            "{err}"
        );
    }

    #[test]
    fn damaged_bytes_are_reported_not_returned() {
        let f = fixture();
        let s = f.store();
        let raw = b"hello hello hello hello".to_vec();
        let hash = *blake3::hash(&raw).as_bytes();
        let enc = Encoded {
            codec: Codec::Stored,
            data: b"hellO hello hello hello".to_vec(),
        };
        s.put_now(&hash, raw.len() as u64, enc).unwrap();
        let err = s.read(&hash, "a.txt@1").unwrap_err().to_string();
        assert!(
            err.starts_with("a.txt@1 is damaged: content does not match its hash"),
            "{err}"
        );
    }

    /// A read checks the end of a delta chain only; a damaged base whose bytes the delta
    /// uses still comes out as an error that names the base, as when every link was
    /// checked.
    #[test]
    fn a_damaged_delta_base_is_named() {
        let f = fixture();
        let s = f.store();
        let base: String = (0..40)
            .map(|i| format!("第{i}段 the base text, line {i} of forty.\n"))
            .collect();
        let base_hash = *blake3::hash(base.as_bytes()).as_bytes();
        let mut damaged = base.clone().into_bytes();
        damaged[7] ^= 1;
        let enc = Encoded {
            codec: Codec::Stored,
            data: damaged,
        };
        s.put_now(&base_hash, base.len() as u64, enc).unwrap();
        let new = format!("{base}one more line\n");
        let hash = *blake3::hash(new.as_bytes()).as_bytes();
        let plan = Plan {
            base: Some(codec::Base {
                hash: base_hash,
                raw: base.as_bytes(),
                depth: 0,
            }),
            ..plain()
        };
        let enc = compress(new.as_bytes(), &plan).unwrap();
        assert!(matches!(enc.codec, Codec::ZstdDelta { .. }));
        s.put_now(&hash, new.len() as u64, enc).unwrap();
        let err = s.read(&hash, "b.txt@2").unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "b.txt@2 is damaged: delta base {0} is damaged: content does not match its hash \
                 {0}; run `wenku verify` to list every damaged document",
                hex(&base_hash)
            )
        );
    }
}
