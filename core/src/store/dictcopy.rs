//! Second copies of the compression dictionaries, so that a dictionary is not a single
//! point of failure for every document compressed with it.
//!
//! Each dictionary is kept in `catalog.wlog` and, written before that catalog entry, in
//! `dicts/dict-NNNNNNNN.wdict`: the 8 bytes `WKDICT2\n`, the id (u32 LE), the BLAKE3 of
//! the dictionary (32 bytes), the dictionary's length (u32 LE), then the dictionary as
//! one zstd frame (level 19: a 255 KiB dictionary keeps in about 110 KB). When the
//! catalog's copy is lost or fails its check, the file's copy (checked against its hash)
//! is used.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"WKDICT2\n";
/// zstd level of the copies (written once per dictionary; size matters more than time).
const LEVEL: i32 = 19;

/// The folder of the copies in an archive.
pub fn dir(archive_dir: &Path) -> PathBuf {
    archive_dir.join("dicts")
}

fn path(dir: &Path, id: u32) -> PathBuf {
    dir.join(format!("dict-{id:08}.wdict"))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// Write the copy of dictionary `id` durably (before the catalog entry that installs it).
pub fn write(dir: &Path, id: u32, raw: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let packed = zstd::bulk::compress(raw, LEVEL).map_err(io(dir))?;
    let mut bytes = Vec::with_capacity(packed.len() + 48);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&id.to_le_bytes());
    bytes.extend_from_slice(blake3::hash(raw).as_bytes());
    bytes.extend_from_slice(&(raw.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&packed);
    let target = path(dir, id);
    let tmp = target.with_extension("wdict.new");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(&bytes).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
    }
    std::fs::rename(&tmp, &target).map_err(io(&target))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The copy of dictionary `id`, if present and intact.
pub fn read(dir: &Path, id: u32) -> Option<Vec<u8>> {
    let bytes = std::fs::read(path(dir, id)).ok()?;
    if bytes.len() < 48 || &bytes[..8] != MAGIC || bytes[8..12] != id.to_le_bytes() {
        return None;
    }
    let len = u32::from_le_bytes(bytes[44..48].try_into().ok()?) as usize;
    let raw = zstd::bulk::decompress(&bytes[48..], len).ok()?;
    (raw.len() == len && blake3::hash(&raw).as_bytes()[..] == bytes[12..44]).then_some(raw)
}

/// Ids of every copy present (intact or not).
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

/// Delete the copy of a dictionary no blob uses any more.
pub fn remove(dir: &Path, id: u32) {
    let _ = std::fs::remove_file(path(dir, id));
}
