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
    match bytes.split_first() {
        Some((&RECORD_VERSION, rest)) => postcard::from_bytes(rest)
            .map_err(|e| Error::corrupt(what, format!("undecodable record ({e})"))),
        Some((v, _)) => Err(Error::corrupt(
            what,
            format!("record format version {v}, this wenku reads {RECORD_VERSION}"),
        )),
        None => Err(Error::corrupt(what, "empty record")),
    }
}

/// Head of a document: which version is the latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHead {
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
    pub blob: BlobHash,
    pub raw_len: u64,
    pub imported_ms: u64,
    /// Where the bytes came from (a path, lossily shown if it was not UTF-8, or a URL).
    pub source: String,
    /// The exact bytes of the source path when they are not UTF-8.
    pub source_bytes: Option<Vec<u8>>,
    pub media_type: MediaType,
    /// Charset hint found in the bytes (BOM, `<meta charset>`, XML declaration) or given
    /// by the exchange format (HTTP header).
    pub charset: Option<String>,
    pub title: Option<String>,
    /// Anything worth telling about the import of this version (e.g. an escaped key).
    pub note: Option<String>,
    /// Further metadata given by the exchange format (JSONL fields, WARC headers).
    pub extra: Vec<(String, String)>,
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
    /// `len` bytes at `offset` of pack file `pack` (see [`crate::packs`]).
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
    fn newer_or_damaged_records_are_errors() {
        let head = DocHead {
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
