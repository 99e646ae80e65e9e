//! The catalog: dictionaries, plugin settings and snapshots, kept outside the engine in
//! one append-only file of checksummed entries (`catalog.wlog`, framed like pack
//! entries, see [`crate::store::frame`]). Each entry is one commit: the writes of the
//! trees `Plugins`, `Snapshots` and `Dicts`, applied all together or (damaged, cut
//! short by a crash) not at all. The whole catalog is small and read into memory when
//! the archive opens; `compact` rewrites it to its live content (a new file, fsynced,
//! renamed into place).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::engine::{Scan, TreeName, Write};
use crate::store::frame;
use crate::store::records::{decode, encode};

/// The catalog's file inside an archive directory.
pub const CATALOG_FILE: &str = "catalog.wlog";

/// Head of a catalog entry; the body is one zstd frame of `raw_len` bytes holding a
/// postcard `Vec<CatalogWrite>` of `writes` writes. (Compressed: a dictionary is mostly
/// sample text, and takes 42% of its size at level 19.)
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CatalogHead {
    pub writes: u32,
    pub raw_len: u64,
}

/// zstd level of a catalog entry appended by a command (a 255 KiB dictionary: 0.01 s),
/// and of the catalog rewritten by `compact` (0.1–0.2 s, 10% smaller).
const APPEND_LEVEL: i32 = 9;
const REWRITE_LEVEL: i32 = 19;

/// One write of a catalog entry: `tree` is the tree's prefix byte
/// ([`TreeName::prefix`]), `value` `None` removes the key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CatalogWrite {
    pub tree: u8,
    pub key: Vec<u8>,
    pub value: Option<Vec<u8>>,
}

/// The catalog of an archive.
pub struct Catalog {
    path: PathBuf,
    map: RwLock<BTreeMap<Vec<u8>, Vec<u8>>>,
    append: Mutex<()>,
    /// Stretches of the file that held no readable entry: (offset, length).
    skipped: Vec<(u64, u64)>,
}

fn tree_of(prefix: u8) -> Option<TreeName> {
    TreeName::ALL.into_iter().find(|t| t.prefix() == prefix)
}

fn full_key(tree: TreeName, key: &[u8]) -> Vec<u8> {
    let mut k = vec![tree.prefix()];
    k.extend_from_slice(key);
    k
}

impl Catalog {
    /// Read the catalog of the archive at `dir` (an absent file is an empty catalog).
    pub fn open(dir: &Path) -> Result<Catalog> {
        let path = dir.join(CATALOG_FILE);
        let mut map = BTreeMap::new();
        let mut skipped = Vec::new();
        match File::open(&path) {
            Ok(f) => {
                let len = f.metadata().map_err(|e| Error::io(&path, e))?.len();
                let bad = frame::scan(&f, len, u64::MAX, |found| {
                    let Ok(head) = decode::<CatalogHead>(&found.head, "catalog entry") else {
                        skipped.push((found.at, found.body_len));
                        return;
                    };
                    let writes: Vec<CatalogWrite> = match found
                        .body
                        .as_deref()
                        .and_then(|b| {
                            zstd::bulk::decompress(b, head.raw_len.min(1 << 30) as usize).ok()
                        })
                        .map(|raw| postcard::from_bytes::<Vec<CatalogWrite>>(&raw))
                    {
                        Some(Ok(w)) if w.len() == head.writes as usize => w,
                        _ => {
                            skipped.push((found.at, found.body_len));
                            return;
                        }
                    };
                    for w in writes {
                        if tree_of(w.tree).is_none_or(|t| !t.in_catalog()) {
                            continue;
                        }
                        let mut k = vec![w.tree];
                        k.extend_from_slice(&w.key);
                        match w.value {
                            Some(v) => map.insert(k, v),
                            None => map.remove(&k),
                        };
                    }
                })
                .map_err(|e| Error::io(&path, e))?;
                skipped.extend(bad.into_iter().map(|s| (s.at, s.len)));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
        Ok(Catalog {
            path,
            map: RwLock::new(map),
            append: Mutex::new(()),
            skipped,
        })
    }

    /// Stretches of the file that held no readable entry (damage, or a write cut short).
    pub fn skipped(&self) -> &[(u64, u64)] {
        &self.skipped
    }

    pub fn get(&self, tree: TreeName, key: &[u8]) -> Option<Vec<u8>> {
        let map = self.map.read().unwrap_or_else(|e| e.into_inner());
        map.get(&full_key(tree, key)).cloned()
    }

    pub fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_> {
        let start = full_key(tree, prefix);
        let map = self.map.read().unwrap_or_else(|e| e.into_inner());
        let items: Vec<Result<(Vec<u8>, Vec<u8>)>> = map
            .range(start.clone()..)
            .take_while(|(k, _)| k.starts_with(&start))
            .map(|(k, v)| Ok((k[1..].to_vec(), v.clone())))
            .collect();
        Box::new(items.into_iter())
    }

    /// Append `writes` (all of catalog trees) as one entry, fsync it, then apply them.
    pub fn commit(&self, writes: &[Write]) -> Result<()> {
        if writes.is_empty() {
            return Ok(());
        }
        let body: Vec<CatalogWrite> = writes
            .iter()
            .map(|(t, k, v)| CatalogWrite {
                tree: t.prefix(),
                key: k.clone(),
                value: v.clone(),
            })
            .collect();
        let entry = entry_bytes(&body, APPEND_LEVEL)?;
        let _guard = self.append.lock().unwrap_or_else(|e| e.into_inner());
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| Error::io(&self.path, e))?;
        f.write_all(&entry)
            .and_then(|_| f.sync_data())
            .map_err(|e| Error::io(&self.path, e))?;
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        for w in body {
            let mut k = vec![w.tree];
            k.extend_from_slice(&w.key);
            match w.value {
                Some(v) => map.insert(k, v),
                None => map.remove(&k),
            };
        }
        Ok(())
    }

    /// Rewrite the file to hold only what is live (one entry), atomically.
    pub fn rewrite(&self) -> Result<()> {
        let _guard = self.append.lock().unwrap_or_else(|e| e.into_inner());
        let body: Vec<CatalogWrite> = self
            .map
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(k, v)| CatalogWrite {
                tree: k[0],
                key: k[1..].to_vec(),
                value: Some(v.clone()),
            })
            .collect();
        let fresh = self.path.with_extension("wlog.new");
        let entry = if body.is_empty() {
            Vec::new()
        } else {
            entry_bytes(&body, REWRITE_LEVEL)?
        };
        let mut f = File::create(&fresh).map_err(|e| Error::io(&fresh, e))?;
        f.write_all(&entry)
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io(&fresh, e))?;
        std::fs::rename(&fresh, &self.path).map_err(|e| Error::io(&self.path, e))?;
        if let Some(dir) = self.path.parent() {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| Error::io(dir, e))?;
        }
        Ok(())
    }
}

fn entry_bytes(body: &[CatalogWrite], level: i32) -> Result<Vec<u8>> {
    let raw = match postcard::to_stdvec(body) {
        Ok(b) => b,
        Err(e) => unreachable!("postcard encoding of catalog writes failed: {e}"),
    };
    let head = encode(&CatalogHead {
        writes: body.len() as u32,
        raw_len: raw.len() as u64,
    });
    let packed = zstd::bulk::compress(&raw, level).map_err(|e| Error::Storage {
        dir: Default::default(),
        detail: format!("zstd: {e}"),
    })?;
    Ok(frame::encode(&head, &packed))
}
