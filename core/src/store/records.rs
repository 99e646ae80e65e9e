//! The records kept in the archive's trees, and their stable binary encoding.
//!
//! Every value is one byte of record format version followed by the record encoded
//! with postcard. Enums only ever gain variants at the end, so older records keep
//! decoding. See `core/FORMAT.md` for the layout of each record.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::error::{Error, Result};

/// BLAKE3 hash of a blob's raw bytes; the blob's address.
pub type BlobHash = [u8; 32];

/// Version of the record encoding written by this build (the byte before each value).
pub const RECORD_VERSION: u8 = 1;

/// Encode a record: version byte, then postcard.
pub fn encode<T: Serialize>(record: &T) -> Vec<u8> {
    let out = vec![RECORD_VERSION];
    // postcard cannot fail writing into a Vec for the plain structs of this module.
    match postcard::to_extend(record, out) {
        Ok(v) => v,
        Err(e) => unreachable!("postcard encoding of an archive record failed: {e}"),
    }
}

/// Decode a record written by [`encode`]; `what` names the record in errors.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T> {
    decode_named(bytes, || what.to_string())
}

/// [`decode`], with the record's name made only for an error (reads use this: a name
/// formatted for every record read costs a read of a near-copy some 6% of its time).
pub fn decode_named<T: DeserializeOwned>(bytes: &[u8], what: impl FnOnce() -> String) -> Result<T> {
    match bytes.split_first() {
        Some((&RECORD_VERSION, rest)) => postcard::from_bytes(rest)
            .map_err(|e| Error::corrupt(what(), format!("undecodable record ({e})"))),
        Some((v, _)) => Err(Error::corrupt(
            what(),
            format!("record format version {v}, this wenku reads {RECORD_VERSION}"),
        )),
        None => Err(Error::corrupt(what(), "empty record")),
    }
}

/// Head of a document: its id and which version is the latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHead {
    /// The document's number in the versions tree (given once, never reused).
    pub id: u64,
    pub latest: u32,
    /// Unix time in milliseconds of version 1.
    pub created_ms: u64,
    /// Unix time in milliseconds of the latest version.
    pub updated_ms: u64,
}

/// Media type found when a version was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediaType {
    Text,
    Html,
    /// Markdown (with or without YAML front matter).
    Markdown,
    Binary,
}

impl MediaType {
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Text => "text/plain",
            MediaType::Html => "text/html",
            MediaType::Markdown => "text/markdown",
            MediaType::Binary => "application/octet-stream",
        }
    }
}

/// One version of one document. Immutable once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRecord {
    /// The BLAKE3 of the raw bytes; for a near-copy that keeps only a check of them
    /// ([`InlineDelta::check`]), the check ([`check_of`]) in the index and all zeros in
    /// a pack ([`VersionRecord::packed`]).
    pub blob: BlobHash,
    pub raw_len: u64,
    pub imported_ms: u64,
    /// Where the bytes came from (a path, lossily shown if it was not UTF-8, or a URL);
    /// [`VersionRecord::source_text`] spells it out.
    pub source: Source,
    /// The exact bytes of the source path when they are not UTF-8.
    pub source_bytes: Option<Vec<u8>>,
    pub media_type: MediaType,
    /// Charset hint found in the bytes (BOM, `<meta charset>`, XML declaration) or given
    /// by the exchange format (HTTP header).
    pub charset: Option<String>,
    /// A title given by the exchange format (JSONL `title`) that differs from the one in
    /// the bytes; `None`: the title is read from the bytes ([`VersionRecord::title`]), so
    /// it is not stored again for every version.
    pub title: Option<String>,
    /// Anything worth telling about the import of this version (e.g. an escaped key).
    pub note: Option<String>,
    /// Further metadata given by the exchange format (JSONL fields, WARC headers).
    pub extra: Vec<(String, String)>,
    /// The version's bytes kept in this record as a small delta against another version
    /// (of the same document, or of the document [`InlineDelta::of`] names); `None`: they
    /// are the blob `blob` in the blobs tree.
    #[serde(with = "delta_wire")]
    pub delta: Option<InlineDelta>,
}

/// A small edit kept in the version record. It saves the blob record, its 32-byte key and
/// the pack entry, which for a small edit cost more than the edit itself. `depth` bounds
/// the decompressions to read it (as for blob deltas).
///
/// - `of: None`: a new version of the same document; `data` is one zstd frame compressed
///   with the raw bytes of version `base` as prefix (`zstd --patch-from`).
/// - `of: Some(key)`: a near-copy of another document (a mirror, a repost), against
///   version `base` of `key`, whose bytes are a full blob; `data` is a
///   [`splice`](crate::store::splice) or such a zstd frame, told apart by its first byte. Documents are never deleted and
///   versions never change, so the base stays readable for ever.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineDelta {
    pub base: u32,
    pub depth: u32,
    pub data: Vec<u8>,
    pub of: Option<String>,
    /// A near-copy (`of: Some`) whose record keeps a check of its bytes, not their hash
    /// ([`check_of`]). Its base is a full blob checked by its own hash when read alone,
    /// the delta is covered by the checksums of the index's slots and the pack's
    /// entries, and the check catches a wrong result (a base read from the wrong place, a
    /// splice misapplied) with odds of 2⁻³² per wrong result missed, as zstd's own
    /// content checksum does. The 28 bytes more of a hash cost a copy twice (index and
    /// pack) and do not compress; the content hash, where shown, is computed from the
    /// bytes read.
    pub check: bool,
}

/// The content hash of raw bytes (BLAKE3).
pub fn hash_of(raw: &[u8]) -> BlobHash {
    *blake3::hash(raw).as_bytes()
}

/// Bytes of a near-copy's check ([`InlineDelta::check`]).
pub const CHECK_BYTES: usize = 4;

/// The check a near-copy's record keeps in place of its hash: the first [`CHECK_BYTES`]
/// (little-endian) of the XXH3-64 of its raw bytes, then zeros. A check, not an address,
/// so a fast hash: XXH3 reads a 6.7 KB page in 0.2 µs, BLAKE3 in 3.6 µs on this machine,
/// and every read of a near-copy computes it.
pub fn check_of(raw: &[u8]) -> BlobHash {
    let mut out = [0u8; 32];
    out[..CHECK_BYTES]
        .copy_from_slice(&xxhash_rust::xxh3::xxh3_64(raw).to_le_bytes()[..CHECK_BYTES]);
    out
}

impl VersionRecord {
    /// Whether the record keeps only a check of its bytes, not their hash.
    pub fn check_only(&self) -> bool {
        self.delta
            .as_ref()
            .is_some_and(|d| d.check && d.of.is_some())
    }

    /// Whether `raw` are this version's bytes: their BLAKE3 is the record's hash, or
    /// their check its check.
    pub fn verifies(&self, raw: &[u8]) -> bool {
        match self.check_only() {
            true => check_of(raw) == self.blob,
            false => blake3::hash(raw).as_bytes() == &self.blob,
        }
    }

    /// The content hash, when the record holds it (not only a check).
    pub fn content_hash(&self) -> Option<&BlobHash> {
        (!self.check_only()).then_some(&self.blob)
    }

    /// The record as a pack keeps it: a check-only record with no check (all zeros;
    /// `repair` computes it again from the bytes).
    pub fn packed(&self) -> std::borrow::Cow<'_, VersionRecord> {
        match self.check_only() && self.blob != [0; 32] {
            true => {
                let mut r = self.clone();
                r.blob = [0; 32];
                std::borrow::Cow::Owned(r)
            }
            false => std::borrow::Cow::Borrowed(self),
        }
    }

    /// Whether the check of a check-only record is missing (read from a pack).
    pub fn check_missing(&self) -> bool {
        self.check_only() && self.blob == [0; 32]
    }
}

impl InlineDelta {
    /// The key of the base document, for a version of `key`.
    pub fn base_key<'a>(&'a self, key: &'a str) -> &'a str {
        self.of.as_deref().unwrap_or(key)
    }
}

/// The encoding of [`VersionRecord::delta`]: tags 0 and 1 are exactly those of the
/// `Option<InlineDelta>` archives of format 3 wrote (postcard writes `None` as 0 and
/// `Some` as 1), so their records decode unchanged; tag 2 is a near-copy of another
/// document with its hash, tag 3 one with a check only ([`InlineDelta::check`]).
mod delta_wire {
    use super::InlineDelta;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Same {
        base: u32,
        depth: u32,
        data: Vec<u8>,
    }

    #[derive(Serialize, Deserialize)]
    struct Other {
        of: String,
        base: u32,
        depth: u32,
        data: Vec<u8>,
    }

    impl Other {
        fn into_delta(self, check: bool) -> InlineDelta {
            InlineDelta {
                base: self.base,
                depth: self.depth,
                data: self.data,
                of: Some(self.of),
                check,
            }
        }
    }

    #[derive(Serialize, Deserialize)]
    enum Wire {
        None,
        Same(Same),
        Other(Other),
        Checked(Other),
    }

    pub fn serialize<S: Serializer>(d: &Option<InlineDelta>, s: S) -> Result<S::Ok, S::Error> {
        let wire = match d.clone() {
            None => Wire::None,
            Some(InlineDelta {
                base,
                depth,
                data,
                of: None,
                ..
            }) => Wire::Same(Same { base, depth, data }),
            Some(InlineDelta {
                base,
                depth,
                data,
                of: Some(of),
                check,
            }) => {
                let other = Other {
                    of,
                    base,
                    depth,
                    data,
                };
                match check {
                    true => Wire::Checked(other),
                    false => Wire::Other(other),
                }
            }
        };
        wire.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<InlineDelta>, D::Error> {
        Ok(match Wire::deserialize(d)? {
            Wire::None => None,
            Wire::Same(Same { base, depth, data }) => Some(InlineDelta {
                base,
                depth,
                data,
                of: None,
                check: false,
            }),
            Wire::Other(o) => Some(o.into_delta(false)),
            Wire::Checked(o) => Some(o.into_delta(true)),
        })
    }
}

/// Where a version's bytes came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The whole text (a URL, `file.jsonl:3`, a path that does not end with the key).
    Text(String),
    /// This stem followed by the document's key: a file imported under its own path
    /// (`news/` + `a/b.html`), so that the key is not stored twice.
    BeforeKey(String),
    /// The same as version N of the document (whose source is `Text` or `BeforeKey`):
    /// a file imported again from where it was, without its path once per version.
    AsVersion(u32),
}

impl Source {
    /// The source of a version of `key` whose bytes came from `text`.
    pub fn new(text: String, key: &str) -> Source {
        match text.strip_suffix(key) {
            Some(stem) if !key.is_empty() => Source::BeforeKey(stem.to_string()),
            _ => Source::Text(text),
        }
    }
}

impl VersionRecord {
    /// The title of this version, whose bytes are `bytes` (only the first
    /// [`crate::sniff::SNIFF_LEN`] are looked at).
    pub fn title(&self, bytes: &[u8]) -> Option<String> {
        self.title
            .clone()
            .or_else(|| crate::sniff::title(self.media_type, bytes))
    }

    /// Where this version (of `key`) came from, spelled out; a source named by another
    /// version is spelled out by [`crate::Archive::source`].
    pub fn source_text(&self, key: &str) -> String {
        match &self.source {
            Source::Text(t) => t.clone(),
            Source::BeforeKey(stem) => format!("{stem}{key}"),
            Source::AsVersion(n) => format!("(as version {n})"),
        }
    }
}

/// How a blob's bytes are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Codec {
    /// The raw bytes as they are (used when compression does not make them smaller).
    Stored,
    /// One zstd frame, no dictionary.
    Zstd,
    /// One zstd frame compressed with the archive dictionary of this id.
    ZstdDict { dict_id: u32 },
    /// One zstd frame compressed with the raw bytes of blob `base` as prefix
    /// (`zstd --patch-from`); `depth` is the length of the chain down to a non-delta blob.
    ZstdDelta { base: BlobHash, depth: u32 },
}

/// Where a blob's stored bytes are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlobBody {
    /// In the record itself (used for empty blobs).
    Inline(Vec<u8>),
    /// `len` bytes at `offset` of pack file `pack` (see [`crate::store::packs`]).
    Packed { pack: u32, offset: u64, len: u64 },
}

/// A content-addressed blob.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobRecord {
    pub raw_len: u64,
    pub stored_len: u64,
    pub codec: Codec,
    pub body: BlobBody,
}

/// Where a version's blob was when the index last wrote the version's record: kept in
/// the versions tree after the record ([`encode_version`]) so that a read finds the bytes
/// without asking the index for the blob's record (one look-up of three). Only a hint:
/// what it points to is checked against the version record's hash, and bytes that do not
/// read or do not match are read again through the blob's record (after `compact` moved
/// the blob, say). Kept only for a blob stored whole in a pack and read in one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobAt {
    pub codec: Codec,
    pub pack: u32,
    pub offset: u64,
    pub len: u64,
}

/// Raw size up to which a blob is decompressed in one call (larger ones stream).
pub const BULK_LIMIT: u64 = 64 * 1024 * 1024;

impl BlobAt {
    /// The hint for a blob with record `rec`: `None` for a delta, an inline body or a
    /// blob read as a stream.
    pub fn of(rec: &BlobRecord) -> Option<BlobAt> {
        match (&rec.codec, &rec.body) {
            (Codec::ZstdDelta { .. }, _) | (_, BlobBody::Inline(_)) => None,
            _ if rec.raw_len > BULK_LIMIT => None,
            (codec, BlobBody::Packed { pack, offset, len }) => Some(BlobAt {
                codec: codec.clone(),
                pack: *pack,
                offset: *offset,
                len: *len,
            }),
        }
    }
}

/// Encode a version record for the versions tree: the record ([`encode`]), then the
/// hint of where its blob is, if any. A reader that knows no hint decodes the record
/// alone (postcard leaves what follows a value unread).
pub fn encode_version(record: &VersionRecord, at: Option<&BlobAt>) -> Vec<u8> {
    let out = encode(record);
    match at {
        None => out,
        Some(at) => match postcard::to_extend(at, out) {
            Ok(v) => v,
            Err(e) => unreachable!("postcard encoding of a blob hint failed: {e}"),
        },
    }
}

/// Decode a value of the versions tree: the record, and the hint after it when there
/// is one that decodes (a hint that does not is no hint: it is never needed).
pub fn decode_version(
    bytes: &[u8],
    what: impl FnOnce() -> String,
) -> Result<(VersionRecord, Option<BlobAt>)> {
    match bytes.split_first() {
        Some((&RECORD_VERSION, rest)) => {
            let (record, tail) = postcard::take_from_bytes::<VersionRecord>(rest)
                .map_err(|e| Error::corrupt(what(), format!("undecodable record ({e})")))?;
            let at = match tail.is_empty() {
                true => None,
                false => postcard::from_bytes::<BlobAt>(tail).ok(),
            };
            Ok((record, at))
        }
        _ => Ok((decode_named(bytes, what)?, None)),
    }
}

/// What a pack entry holds: the head of its frame ([`crate::store::frame`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryHead {
    /// A blob: the body is its stored bytes, `codec` says how to read them (dictionary
    /// id, or the delta base's hash and the chain depth).
    Blob {
        hash: BlobHash,
        raw_len: u64,
        codec: Codec,
    },
    /// Version records: the body is one zstd frame (no dictionary) of `raw_len` bytes
    /// holding a postcard `Vec<VersionEntry>` of `count` records.
    Versions { count: u32, raw_len: u64 },
}

/// One version of one document as kept in a pack: with its key and number, so that the
/// engine's heads and version records can be rebuilt from the packs alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionEntry {
    pub key: String,
    pub version: u32,
    pub record: VersionRecord,
}

/// Lowercase hex of a hash, for messages and listings.
pub fn hex(hash: &[u8]) -> String {
    use std::fmt::Write;
    hash.iter()
        .fold(String::with_capacity(hash.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_copy_with_its_hash_is_tag_2_with_a_check_tag_3() {
        let rec = |check: bool| VersionRecord {
            blob: [7; 32],
            raw_len: 100,
            imported_ms: 1,
            source: Source::Text("a.txt".into()),
            source_bytes: None,
            media_type: MediaType::Text,
            charset: None,
            title: None,
            note: None,
            extra: Vec::new(),
            delta: Some(InlineDelta {
                base: 1,
                depth: 1,
                data: vec![1, 2],
                of: Some("b".into()),
                check,
            }),
        };
        let (two, three) = (encode(&rec(false)), encode(&rec(true)));
        // The same bytes but for the delta's tag, right after the record's fields.
        let at: Vec<usize> = (0..two.len()).filter(|&i| two[i] != three[i]).collect();
        assert_eq!(at.len(), 1);
        assert_eq!((two[at[0]], three[at[0]]), (2, 3));
        assert_eq!(two.len(), three.len());
        let (old, new): (VersionRecord, VersionRecord) =
            (decode(&two, "r").unwrap(), decode(&three, "r").unwrap());
        assert_eq!((old.clone(), new.clone()), (rec(false), rec(true)));
        // A tag-2 record holds the content hash; a tag-3 one only its check.
        assert_eq!(old.content_hash(), Some(&[7; 32]));
        assert_eq!(new.content_hash(), None);
        let raw = b"bytes of the copy";
        let mut checked = rec(true);
        checked.blob = check_of(raw);
        assert!(checked.verifies(raw));
        assert!(!checked.verifies(b"other bytes"));
        assert_eq!(
            check_of(raw)[..4],
            xxhash_rust::xxh3::xxh3_64(raw).to_le_bytes()[..4]
        );
        assert_eq!(check_of(raw)[4..], [0; 28]);
    }

    #[test]
    fn records_round_trip_with_version_byte() {
        let rec = BlobRecord {
            raw_len: 10,
            stored_len: 3,
            codec: Codec::ZstdDelta {
                base: [7; 32],
                depth: 2,
            },
            body: BlobBody::Inline(vec![1, 2, 3]),
        };
        let bytes = encode(&rec);
        assert_eq!(bytes[0], RECORD_VERSION);
        assert_eq!(decode::<BlobRecord>(&bytes, "blob").unwrap(), rec);
    }

    #[test]
    fn codec_discriminants_are_stable() {
        // The first byte after the version byte is the enum's varint discriminant; these
        // values are part of the on-disk format (FORMAT.md) and must never change.
        let tag = |c: Codec| {
            encode(&BlobRecord {
                raw_len: 0,
                stored_len: 0,
                codec: c,
                body: BlobBody::Packed {
                    pack: 0,
                    offset: 0,
                    len: 0,
                },
            })[3]
        };
        assert_eq!(tag(Codec::Stored), 0);
        assert_eq!(tag(Codec::Zstd), 1);
        assert_eq!(tag(Codec::ZstdDict { dict_id: 1 }), 2);
        assert_eq!(
            tag(Codec::ZstdDelta {
                base: [0; 32],
                depth: 1
            }),
            3
        );
    }

    #[test]
    fn sources_store_the_key_once() {
        let s = Source::new("news/a/b.html".into(), "a/b.html");
        assert_eq!(s, Source::BeforeKey("news/".into()));
        assert_eq!(
            Source::new("f.jsonl:3".into(), "a"),
            Source::Text("f.jsonl:3".into())
        );
        let rec = VersionRecord {
            blob: [0; 32],
            raw_len: 0,
            imported_ms: 0,
            source: s,
            source_bytes: None,
            media_type: MediaType::Html,
            charset: None,
            title: None,
            note: None,
            extra: Vec::new(),
            delta: None,
        };
        assert_eq!(rec.source_text("a/b.html"), "news/a/b.html");
    }

    #[test]
    fn newer_or_damaged_records_are_errors() {
        let head = DocHead {
            id: 1,
            latest: 1,
            created_ms: 1,
            updated_ms: 1,
        };
        let mut bytes = encode(&head);
        bytes[0] = 9;
        let err = decode::<DocHead>(&bytes, "head of \"a\"")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("head of \"a\" is damaged: record format version 9"),
            "{err}"
        );
        assert!(decode::<DocHead>(&[], "x").is_err());
        assert!(decode::<DocHead>(&[RECORD_VERSION, 0xff], "x").is_err());
    }
}
