//! Second copies of the compression dictionaries, so that a dictionary is not a single
//! point of failure for every document compressed with it.
//!
//! Each dictionary is kept in `catalog.wlog` and, written before that catalog entry, in
//! `dicts/dict-NNNNNNNN.wdict`: the 8 bytes `WKDICT1\n`, the id (u32 LE), the BLAKE3 of
//! the dictionary (32 bytes), the dictionary. When the catalog's copy is lost or fails
//! its check, the file's copy (checked against its hash) is used.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"WKDICT1\n";

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
    let mut bytes = Vec::with_capacity(raw.len() + 44);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&id.to_le_bytes());
    bytes.extend_from_slice(blake3::hash(raw).as_bytes());
    bytes.extend_from_slice(raw);
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
    if bytes.len() < 44 || &bytes[..8] != MAGIC || bytes[8..12] != id.to_le_bytes() {
        return None;
    }
    let raw = &bytes[44..];
    (blake3::hash(raw).as_bytes()[..] == bytes[12..44]).then(|| raw.to_vec())
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
