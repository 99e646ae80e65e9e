//! Content-addressed blobs: compression, chunking, reading back with verification.
//!
//! A blob is written once under the BLAKE3 hash of its raw bytes and never changed, so
//! identical content across keys and versions is stored once, and writing a blob twice
//! is harmless. Chunks are written before the blob record: a blob record that exists
//! always has all its chunks. Every read re-hashes the raw bytes, so damaged storage is
//! reported as damage and never returned as good bytes.

use std::io::{Read, Write};

use crate::codec::{self, Codecs, Encoded, DELTA_DEPTH_MAX};
use crate::engine::{Engine, TreeName};
use crate::error::{Error, Result};
use crate::records::{decode, encode, hex, BlobBody, BlobHash, BlobRecord, Codec};

/// Largest stored value written to the engine; bigger blobs are split into chunks.
pub const CHUNK_SIZE: usize = 128 * 1024;

/// zstd level for new blobs.
pub const DEFAULT_LEVEL: i32 = 3;

/// Blobs up to this raw size are compressed in one call in memory; larger ones stream.
const BULK_LIMIT: u64 = 64 * 1024 * 1024;

fn zstd_error(e: std::io::Error) -> Error {
    Error::Storage {
        dir: Default::default(),
        detail: format!("zstd: {e}"),
    }
}

fn chunk_key(hash: &BlobHash, index: u32) -> [u8; 36] {
    let mut k = [0u8; 36];
    k[..32].copy_from_slice(hash);
    k[32..].copy_from_slice(&index.to_be_bytes());
    k
}

/// Whether a blob with this hash is stored.
pub fn exists(engine: &dyn Engine, hash: &BlobHash) -> Result<bool> {
    engine.contains(TreeName::Blobs, hash)
}

/// Write an encoded blob (chunks first, then its record). Returns the stored size.
pub fn write(engine: &dyn Engine, hash: &BlobHash, raw_len: u64, enc: Encoded) -> Result<u64> {
    let stored_len = enc.data.len() as u64;
    let body = if enc.data.len() <= CHUNK_SIZE {
        BlobBody::Inline(enc.data)
    } else {
        let mut count = 0u32;
        for piece in enc.data.chunks(CHUNK_SIZE) {
            engine.insert(TreeName::Chunks, &chunk_key(hash, count), piece)?;
            count += 1;
        }
        BlobBody::Chunked { count }
    };
    let record = BlobRecord {
        raw_len,
        stored_len,
        codec: enc.codec,
        body,
    };
    engine.insert(TreeName::Blobs, hash, &encode(&record))?;
    Ok(stored_len)
}

/// Collects a compressed stream into chunks of [`CHUNK_SIZE`].
struct ChunkWriter<'a> {
    engine: &'a dyn Engine,
    hash: BlobHash,
    buf: Vec<u8>,
    count: u32,
    stored: u64,
}

impl ChunkWriter<'_> {
    fn emit(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        self.engine
            .insert(
                TreeName::Chunks,
                &chunk_key(&self.hash, self.count),
                &self.buf,
            )
            .map_err(std::io::Error::other)?;
        self.stored += self.buf.len() as u64;
        self.count += 1;
        self.buf.clear();
        Ok(())
    }
}

impl Write for ChunkWriter<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let room = CHUNK_SIZE - self.buf.len();
        let n = room.min(data.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == CHUNK_SIZE {
            self.emit()?;
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Write a blob by streaming `reader` through zstd into chunks, in bounded memory.
/// The blob record is written only if the bytes read hash to `hash` and number
/// `raw_len`; otherwise the (unreachable) chunks stay behind and an error says the
/// input changed. Returns the stored size.
pub fn write_stream(
    engine: &dyn Engine,
    hash: &BlobHash,
    raw_len: u64,
    reader: &mut dyn Read,
) -> Result<u64> {
    struct Hashing<'r> {
        inner: &'r mut dyn Read,
        hasher: blake3::Hasher,
        len: u64,
    }
    impl Read for Hashing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.hasher.update(&buf[..n]);
            self.len += n as u64;
            Ok(n)
        }
    }
    let mut input = Hashing {
        inner: reader,
        hasher: blake3::Hasher::new(),
        len: 0,
    };
    let mut sink = ChunkWriter {
        engine,
        hash: *hash,
        buf: Vec::with_capacity(CHUNK_SIZE),
        count: 0,
        stored: 0,
    };
    let mut enc = zstd::stream::Encoder::new(&mut sink, DEFAULT_LEVEL).map_err(zstd_error)?;
    std::io::copy(&mut input, &mut enc).map_err(|e| Error::Io {
        path: Default::default(),
        source: e,
    })?;
    enc.finish().map_err(zstd_error)?;
    sink.emit().map_err(zstd_error)?;
    if input.len != raw_len || input.hasher.finalize().as_bytes() != hash {
        return Err(Error::Io {
            path: Default::default(),
            source: std::io::Error::other(
                "the input changed while it was being imported; import it again",
            ),
        });
    }
    let record = BlobRecord {
        raw_len,
        stored_len: sink.stored,
        codec: Codec::Zstd,
        body: BlobBody::Chunked { count: sink.count },
    };
    engine.insert(TreeName::Blobs, hash, &encode(&record))?;
    Ok(sink.stored)
}

/// The record of a blob, if stored.
pub fn record(engine: &dyn Engine, hash: &BlobHash) -> Result<Option<BlobRecord>> {
    match engine.get(TreeName::Blobs, hash)? {
        Some(bytes) => Ok(Some(decode(&bytes, &format!("blob record {}", hex(hash)))?)),
        None => Ok(None),
    }
}

/// Reads the chunks of a chunked blob in order.
struct ChunkReader<'a> {
    engine: &'a dyn Engine,
    hash: BlobHash,
    count: u32,
    next: u32,
    cur: Vec<u8>,
    pos: usize,
}

impl Read for ChunkReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.cur.len() {
            if self.next == self.count {
                return Ok(0);
            }
            self.cur = self
                .engine
                .get(TreeName::Chunks, &chunk_key(&self.hash, self.next))
                .map_err(std::io::Error::other)?
                .ok_or_else(|| {
                    std::io::Error::other(format!(
                        "chunk {} of {} is missing",
                        self.next, self.count
                    ))
                })?;
            self.pos = 0;
            self.next += 1;
        }
        let n = out.len().min(self.cur.len() - self.pos);
        out[..n].copy_from_slice(&self.cur[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Read a blob's raw bytes and check them against its hash. `what` names the blob for
/// errors (e.g. the key and version that use it).
pub fn read(engine: &dyn Engine, codecs: &Codecs, hash: &BlobHash, what: &str) -> Result<Vec<u8>> {
    read_inner(engine, codecs, hash, what, DELTA_DEPTH_MAX + 1)
}

fn read_inner(
    engine: &dyn Engine,
    codecs: &Codecs,
    hash: &BlobHash,
    what: &str,
    hops: u32,
) -> Result<Vec<u8>> {
    let rec = record(engine, hash)?
        .ok_or_else(|| Error::corrupt(what, format!("blob {} is missing", hex(hash))))?;
    let raw = decode_body(engine, codecs, hash, &rec, hops).map_err(|e| Error::corrupt(what, e))?;
    if raw.len() as u64 != rec.raw_len {
        return Err(Error::corrupt(
            what,
            format!("{} bytes read back, {} expected", raw.len(), rec.raw_len),
        ));
    }
    if blake3::hash(&raw).as_bytes() != hash {
        return Err(Error::corrupt(
            what,
            format!("content does not match its hash {}", hex(hash)),
        ));
    }
    Ok(raw)
}

fn decode_body(
    engine: &dyn Engine,
    codecs: &Codecs,
    hash: &BlobHash,
    rec: &BlobRecord,
    hops: u32,
) -> std::result::Result<Vec<u8>, String> {
    let data: std::borrow::Cow<'_, [u8]> = match &rec.body {
        BlobBody::Inline(d) => std::borrow::Cow::Borrowed(d),
        BlobBody::Chunked { count } => {
            if rec.codec == Codec::Zstd && rec.raw_len > BULK_LIMIT {
                // Large streamed blobs decode as a stream.
                let mut out = Vec::new();
                zstd::stream::Decoder::new(chunks(engine, hash, *count))
                    .and_then(|mut d| d.read_to_end(&mut out))
                    .map_err(|e| format!("zstd: {e}"))?;
                return Ok(out);
            }
            let mut all = Vec::with_capacity(rec.stored_len.min(BULK_LIMIT) as usize);
            chunks(engine, hash, *count)
                .read_to_end(&mut all)
                .map_err(|e| e.to_string())?;
            std::borrow::Cow::Owned(all)
        }
    };
    if rec.raw_len > BULK_LIMIT * 16 {
        return Err(format!(
            "implausible size {} in the blob record",
            rec.raw_len
        ));
    }
    let base = match &rec.codec {
        Codec::ZstdDelta { base, .. } => {
            if hops == 0 {
                return Err("delta chain longer than allowed (or a cycle)".into());
            }
            Some(
                read_inner(
                    engine,
                    codecs,
                    base,
                    &format!("delta base {}", hex(base)),
                    hops - 1,
                )
                .map_err(|e| e.to_string())?,
            )
        }
        _ => None,
    };
    codec::decompress(
        &rec.codec,
        &data,
        rec.raw_len as usize,
        base.as_deref(),
        codecs,
    )
}

fn chunks<'a>(engine: &'a dyn Engine, hash: &BlobHash, count: u32) -> ChunkReader<'a> {
    ChunkReader {
        engine,
        hash: *hash,
        count,
        next: 0,
        cur: Vec::new(),
        pos: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{compress, Plan};
    use crate::engine::SledEngine;

    fn plain() -> Plan<'static> {
        Plan {
            level: DEFAULT_LEVEL,
            dict: None,
            base: None,
        }
    }

    fn engine() -> (tempfile::TempDir, SledEngine) {
        let dir = tempfile::tempdir().unwrap();
        let e = SledEngine::open(dir.path()).unwrap();
        (dir, e)
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
    fn small_text_is_inline_zstd_and_round_trips() {
        let (_d, e) = engine();
        let raw = "文库 archive ".repeat(100).into_bytes();
        let hash = *blake3::hash(&raw).as_bytes();
        let stored = write(
            &e,
            &hash,
            raw.len() as u64,
            compress(&raw, &plain()).unwrap(),
        )
        .unwrap();
        assert!(stored < raw.len() as u64 / 10);
        let rec = record(&e, &hash).unwrap().unwrap();
        assert_eq!(rec.codec, Codec::Zstd);
        assert!(matches!(rec.body, BlobBody::Inline(_)));
        assert_eq!(read(&e, &Codecs::default(), &hash, "t").unwrap(), raw);
    }

    #[test]
    fn incompressible_bytes_are_stored_and_chunked() {
        let (_d, e) = engine();
        let raw = pseudo_random(3 * CHUNK_SIZE + 17);
        let hash = *blake3::hash(&raw).as_bytes();
        write(
            &e,
            &hash,
            raw.len() as u64,
            compress(&raw, &plain()).unwrap(),
        )
        .unwrap();
        let rec = record(&e, &hash).unwrap().unwrap();
        assert_eq!(rec.codec, Codec::Stored);
        assert_eq!(rec.body, BlobBody::Chunked { count: 4 });
        assert_eq!(read(&e, &Codecs::default(), &hash, "t").unwrap(), raw);
    }

    #[test]
    fn streamed_blob_is_chunked_and_round_trips() {
        let (_d, e) = engine();
        let mut raw = pseudo_random(CHUNK_SIZE * 2);
        raw.extend("text ".repeat(200_000).as_bytes());
        let hash = *blake3::hash(&raw).as_bytes();
        write_stream(&e, &hash, raw.len() as u64, &mut raw.as_slice()).unwrap();
        let rec = record(&e, &hash).unwrap().unwrap();
        assert!(matches!(rec.body, BlobBody::Chunked { count } if count >= 2));
        assert_eq!(read(&e, &Codecs::default(), &hash, "t").unwrap(), raw);
    }

    #[test]
    fn damaged_blob_is_reported_not_returned() {
        let (_d, e) = engine();
        let raw = b"hello hello hello hello".to_vec();
        let hash = *blake3::hash(&raw).as_bytes();
        let rec = BlobRecord {
            raw_len: raw.len() as u64,
            stored_len: raw.len() as u64,
            codec: Codec::Stored,
            body: BlobBody::Inline(b"hellO hello hello hello".to_vec()),
        };
        e.insert(TreeName::Blobs, &hash, &encode(&rec)).unwrap();
        let err = read(&e, &Codecs::default(), &hash, "a.txt@1")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("a.txt@1 is damaged: content does not match its hash"),
            "{err}"
        );
    }
}
