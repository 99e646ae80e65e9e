//! Dictionary files: each compression dictionary is kept once, in
//! `dicts/dict-NNNNNNNN.wdict`, compressed and protected by Reed–Solomon parity, so that
//! a damaged dictionary is repaired rather than taking every document compressed with it
//! along (a dictionary is a single point of failure for all of them).
//!
//! Layout (integers little-endian):
//!
//! ```text
//! header      64 bytes, written twice: at the start and at the end of the file
//!   magic       8  "WKDICT3\n"
//!   id          u32
//!   raw_len     u32  the dictionary's length
//!   blake3      32   BLAKE3 of the dictionary
//!   packed_len  u32  length of the zstd frame holding it
//!   shard_len   u32  bytes per shard (even)
//!   parity      u16  parity shards
//!   zero        u16
//!   crc         u32  CRC-32 of the 60 bytes before
//! shards      data shards (the zstd frame cut into shard_len pieces, the last one padded
//!             with zeros: ceil(packed_len / shard_len) of them), then `parity` parity
//!             shards (Reed–Solomon over GF(2^16), the reed-solomon-simd crate); each
//!             shard is followed by the CRC-32 of its index (u32) and its bytes
//! ```
//!
//! A reader takes the first header whose CRC checks, drops every shard whose CRC fails,
//! and rebuilds the dropped data shards from the parity shards; the result must
//! decompress to `raw_len` bytes with the BLAKE3 in the header. Any `parity` damaged
//! shards can be rebuilt: with 512-byte shards and 12 parity shards that is a zeroed
//! 4 KiB page (at most 9 shards) and 3 more damaged places, or 12 scattered flipped
//! bytes, for about 7 KB per dictionary (110 KB).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"WKDICT3\n";
const HEADER_LEN: usize = 64;
/// zstd level of the dictionary (written once per dictionary; size matters most: level
/// 15 would store an import's 255 KiB dictionary of the news pages in 28 ms less and 655
/// bytes more, but `compact`'s 1023 KiB one 44 KB larger).
const LEVEL: i32 = 19;
/// Bytes per shard: small shards lose little to a flipped byte.
pub const SHARD_LEN: usize = 512;
/// Parity shards per dictionary.
pub const PARITY: usize = 12;

/// The folder of the dictionary files in an archive.
pub fn dir(archive_dir: &Path) -> PathBuf {
    archive_dir.join("dicts")
}

fn path(dir: &Path, id: u32) -> PathBuf {
    dir.join(format!("dict-{id:08}.wdict"))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(path, e)
}

/// The fields of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Header {
    id: u32,
    raw_len: u32,
    blake3: [u8; 32],
    packed_len: u32,
    shard_len: u32,
    parity: u16,
}

impl Header {
    fn encode(&self) -> [u8; HEADER_LEN] {
        let mut h = [0u8; HEADER_LEN];
        h[..8].copy_from_slice(MAGIC);
        h[8..12].copy_from_slice(&self.id.to_le_bytes());
        h[12..16].copy_from_slice(&self.raw_len.to_le_bytes());
        h[16..48].copy_from_slice(&self.blake3);
        h[48..52].copy_from_slice(&self.packed_len.to_le_bytes());
        h[52..56].copy_from_slice(&self.shard_len.to_le_bytes());
        h[56..58].copy_from_slice(&self.parity.to_le_bytes());
        let crc = crc32fast::hash(&h[..60]);
        h[60..].copy_from_slice(&crc.to_le_bytes());
        h
    }

    fn decode(h: &[u8]) -> Option<Header> {
        let u32_at = |i: usize| {
            h.get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        if h.len() < HEADER_LEN || &h[..8] != MAGIC || crc32fast::hash(&h[..60]) != u32_at(60)? {
            return None;
        }
        let header = Header {
            id: u32_at(8)?,
            raw_len: u32_at(12)?,
            blake3: h[16..48].try_into().ok()?,
            packed_len: u32_at(48)?,
            shard_len: u32_at(52)?,
            parity: u16::from_le_bytes([h[56], h[57]]),
        };
        (header.shard_len > 0 && header.shard_len.is_multiple_of(2)).then_some(header)
    }

    fn data_shards(&self) -> usize {
        (self.packed_len as usize).div_ceil(self.shard_len as usize)
    }

    /// Length of the whole file.
    fn file_len(&self) -> usize {
        let shards = self.data_shards() + usize::from(self.parity);
        2 * HEADER_LEN + shards * (self.shard_len as usize + 4)
    }
}

fn shard_crc(index: usize, bytes: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(&(index as u32).to_le_bytes());
    h.update(bytes);
    h.finalize()
}

/// The bytes of the file for dictionary `id`.
pub fn encode(id: u32, raw: &[u8]) -> Result<Vec<u8>> {
    let packed = zstd::bulk::compress(raw, LEVEL).map_err(|e| Error::Storage {
        dir: PathBuf::new(),
        detail: format!("zstd: {e}"),
    })?;
    let header = Header {
        id,
        raw_len: raw.len() as u32,
        blake3: *blake3::hash(raw).as_bytes(),
        packed_len: packed.len() as u32,
        shard_len: SHARD_LEN as u32,
        parity: PARITY as u16,
    };
    let mut data: Vec<Vec<u8>> = packed.chunks(SHARD_LEN).map(<[u8]>::to_vec).collect();
    if let Some(last) = data.last_mut() {
        last.resize(SHARD_LEN, 0);
    }
    let parity =
        reed_solomon_simd::encode(data.len(), PARITY, &data).map_err(|e| Error::Storage {
            dir: PathBuf::new(),
            detail: format!("parity of dictionary {id}: {e}"),
        })?;
    let mut out = Vec::with_capacity(header.file_len());
    out.extend_from_slice(&header.encode());
    for (i, shard) in data.iter().chain(parity.iter()).enumerate() {
        out.extend_from_slice(shard);
        out.extend_from_slice(&shard_crc(i, shard).to_le_bytes());
    }
    out.extend_from_slice(&header.encode());
    Ok(out)
}

/// A dictionary read back from its file.
#[derive(Debug, PartialEq, Eq)]
pub struct Loaded {
    pub raw: Vec<u8>,
    /// Shards that were damaged and rebuilt from the parity (0: the file was intact).
    pub repaired: usize,
}

/// Read dictionary `id` from the bytes of its file, repairing what the parity allows;
/// the error says why it could not be read.
pub fn decode(id: u32, bytes: &[u8]) -> std::result::Result<Loaded, String> {
    let header = [
        Some(&bytes[..bytes.len().min(HEADER_LEN)]),
        bytes.len().checked_sub(HEADER_LEN).map(|s| &bytes[s..]),
    ]
    .into_iter()
    .flatten()
    .filter_map(Header::decode)
    .find(|h| h.id == id)
    .ok_or("both copies of its header are damaged")?;
    let shard_len = header.shard_len as usize;
    let (data_n, parity_n) = (header.data_shards(), usize::from(header.parity));
    let shard_at = |i: usize| -> Option<&[u8]> {
        let start = HEADER_LEN + i * (shard_len + 4);
        let shard = bytes.get(start..start + shard_len)?;
        let crc = bytes.get(start + shard_len..start + shard_len + 4)?;
        (shard_crc(i, shard).to_le_bytes() == crc).then_some(shard)
    };
    let shards: Vec<Option<&[u8]>> = (0..data_n + parity_n).map(shard_at).collect();
    let damaged = shards.iter().filter(|s| s.is_none()).count();
    let mut packed: Vec<u8> = Vec::with_capacity(data_n * shard_len);
    if shards[..data_n].iter().all(Option::is_some) {
        for s in shards[..data_n].iter().flatten() {
            packed.extend_from_slice(s);
        }
    } else {
        let original = shards[..data_n]
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)));
        let recovery = shards[data_n..]
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)));
        let rebuilt = reed_solomon_simd::decode(data_n, parity_n, original, recovery)
            .map_err(|_| format!("{damaged} of its {} shards are damaged, more than its {parity_n} parity shards can rebuild", data_n + parity_n))?;
        for (i, s) in shards[..data_n].iter().enumerate() {
            match s.or_else(|| rebuilt.get(&i).map(Vec::as_slice)) {
                Some(s) => packed.extend_from_slice(s),
                None => return Err(format!("shard {i} could not be rebuilt")),
            }
        }
    }
    packed.truncate(header.packed_len as usize);
    let raw = zstd::bulk::decompress(&packed, header.raw_len as usize)
        .map_err(|e| format!("zstd: {e}"))?;
    if raw.len() != header.raw_len as usize || blake3::hash(&raw).as_bytes() != &header.blake3 {
        return Err("its content does not match its hash".into());
    }
    Ok(Loaded {
        raw,
        repaired: damaged,
    })
}

/// Write the file of dictionary `id` durably (before the catalog entry that installs it).
pub fn write(dir: &Path, id: u32, raw: &[u8]) -> Result<()> {
    write_bytes(dir, id, &encode(id, raw)?)
}

/// Write the already encoded file of dictionary `id` durably: a temporary file,
/// fsynced, renamed into place, the folder fsynced.
pub fn write_bytes(dir: &Path, id: u32, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let target = path(dir, id);
    let tmp = target.with_extension("wdict.new");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(bytes).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
    }
    std::fs::rename(&tmp, &target).map_err(io(&target))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Read the file of dictionary `id`: `None` if there is none.
pub fn read(dir: &Path, id: u32) -> Option<std::result::Result<Loaded, String>> {
    let bytes = std::fs::read(path(dir, id)).ok()?;
    Some(decode(id, &bytes))
}

/// Ids of every dictionary file present (readable or not).
pub fn ids(dir: &Path) -> Vec<u32> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut ids: Vec<u32> = rd
        .filter_map(|e| {
            let name = e.ok()?.file_name();
            let name = name.to_str()?;
            name.strip_prefix("dict-")?
                .strip_suffix(".wdict")?
                .parse()
                .ok()
        })
        .collect();
    ids.sort_unstable();
    ids
}

/// Delete the file of a dictionary no blob uses any more.
pub fn remove(dir: &Path, id: u32) {
    let _ = std::fs::remove_file(path(dir, id));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary() -> Vec<u8> {
        // Text that compresses about as well as a trained dictionary (to ~40%).
        let mut rng = 7u64;
        let words = [
            "新闻", "香港", "政府", "记者", "报道", "市民", "the ", "news ", "2024",
        ];
        let mut s = String::new();
        while s.len() < 150_000 {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(words[(rng >> 33) as usize % words.len()]);
            s.push(char::from(b'a' + (rng >> 40) as u8 % 26));
        }
        s.into_bytes()
    }

    #[test]
    fn an_intact_file_reads_back() {
        let raw = dictionary();
        let file = encode(3, &raw).unwrap();
        assert_eq!(decode(3, &file).unwrap(), Loaded { raw, repaired: 0 });
        assert_eq!(
            decode(4, &file).unwrap_err(),
            "both copies of its header are damaged"
        );
    }

    #[test]
    fn a_zeroed_page_and_scattered_flips_are_repaired() {
        let raw = dictionary();
        let file = encode(1, &raw).unwrap();
        assert!(file.len() > 8 * 4096, "{} bytes", file.len());
        // A zeroed 4 KiB page (not aligned to a shard) and three flipped bytes elsewhere.
        let mut d = file.clone();
        d[5000..5000 + 4096].fill(0);
        for at in [100, 20_000, file.len() - 700] {
            d[at] ^= 0x10;
        }
        let got = decode(1, &d).unwrap();
        assert_eq!(got.raw, raw);
        assert_eq!(got.repaired, 12);
        // Both headers damaged: nothing to go by.
        let mut d = file.clone();
        d[3] ^= 1;
        let n = d.len();
        d[n - 3] ^= 1;
        assert_eq!(
            decode(1, &d).unwrap_err(),
            "both copies of its header are damaged"
        );
        // One header damaged: the other one serves.
        let mut d = file.clone();
        d[20] ^= 1;
        assert_eq!(decode(1, &d).unwrap().raw, raw);
    }

    #[test]
    fn more_damage_than_the_parity_is_reported() {
        let raw = dictionary();
        let file = encode(1, &raw).unwrap();
        let shards = (file.len() - 2 * HEADER_LEN) / (SHARD_LEN + 4);
        let mut d = file.clone();
        for i in 0..13 {
            d[HEADER_LEN + i * 2 * (SHARD_LEN + 4)] ^= 1;
        }
        assert_eq!(
            decode(1, &d).unwrap_err(),
            format!(
                "13 of its {shards} shards are damaged, more than its 12 parity shards can rebuild"
            )
        );
    }
}
