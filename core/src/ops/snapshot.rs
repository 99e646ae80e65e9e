//! Snapshots: a frozen map key → version and the pipeline in force, so that an export
//! of the snapshot can be made again later with the same bytes.
//!
//! Stored in the `snapshots` tree: `meta\0NAME` → [`SnapshotMeta`], and the entries in
//! parts of at most [`PART`] pairs under `part\0NAME\0` + part number (u32 big-endian).
//! A snapshot is written in one atomic commit.

use serde::{Deserialize, Serialize};

use crate::archive::{now_ms, Archive};
use crate::error::{Error, Result};
use crate::plugin::{self, EnabledPlugin};
use crate::store::engine::TreeName;
use crate::store::records::{decode, encode};

/// Entries per stored part.
pub const PART: usize = 4096;

/// What a snapshot is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotMeta {
    pub name: String,
    pub created_ms: u64,
    /// The archive's pipeline when the snapshot was made.
    pub pipeline: Vec<EnabledPlugin>,
    pub documents: u64,
    pub parts: u32,
}

fn meta_key(name: &str) -> Vec<u8> {
    let mut k = b"meta\0".to_vec();
    k.extend_from_slice(name.as_bytes());
    k
}

fn part_key(name: &str, part: u32) -> Vec<u8> {
    let mut k = b"part\0".to_vec();
    k.extend_from_slice(name.as_bytes());
    k.push(0);
    k.extend_from_slice(&part.to_be_bytes());
    k
}

fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.len() > 128 || name.contains('\0') || name.contains('/') {
        return Err(Error::Usage(format!(
            "snapshot name {name:?} is not allowed: use 1 to 128 characters, no '/' or NUL"
        )));
    }
    Ok(())
}

/// Freeze the latest version of every document and the current pipeline as `name`.
pub fn create(archive: &Archive, name: &str) -> Result<SnapshotMeta> {
    check_name(name)?;
    if get(archive, name)?.is_some() {
        return Err(Error::Usage(format!(
            "snapshot {name:?} exists already; choose another name (see `wenku snapshot list`)"
        )));
    }
    let docs: Vec<(String, u32)> = archive
        .list("")?
        .into_iter()
        .map(|(k, h)| (k, h.latest))
        .collect();
    let mut writes = Vec::new();
    let mut parts = 0u32;
    for chunk in docs.chunks(PART) {
        writes.push((
            TreeName::Snapshots,
            part_key(name, parts),
            Some(encode(&chunk.to_vec())),
        ));
        parts += 1;
    }
    let meta = SnapshotMeta {
        name: name.to_string(),
        created_ms: now_ms(),
        pipeline: plugin::enabled(archive)?,
        documents: docs.len() as u64,
        parts,
    };
    writes.push((TreeName::Snapshots, meta_key(name), Some(encode(&meta))));
    // The corpus statistics are pinned first, so a snapshot never exists without them.
    crate::corpus::pin(archive, name)?;
    archive.engine().commit(&writes)?;
    archive.flush()?;
    Ok(meta)
}

/// The snapshot called `name`, if any.
pub fn get(archive: &Archive, name: &str) -> Result<Option<SnapshotMeta>> {
    match archive.engine().get(TreeName::Snapshots, &meta_key(name))? {
        Some(b) => Ok(Some(decode(&b, &format!("snapshot {name:?}"))?)),
        None => Ok(None),
    }
}

/// The snapshot called `name`, or an error that lists the snapshots.
pub fn require(archive: &Archive, name: &str) -> Result<SnapshotMeta> {
    get(archive, name)?.ok_or_else(|| {
        let names: Vec<String> = list(archive)
            .map(|l| l.into_iter().map(|m| m.name).collect())
            .unwrap_or_default();
        Error::Usage(format!(
            "no snapshot named {name:?}; snapshots: {}",
            if names.is_empty() {
                "none (make one with `wenku snapshot create NAME`)".to_string()
            } else {
                names.join(", ")
            }
        ))
    })
}

/// Every snapshot, by name.
pub fn list(archive: &Archive) -> Result<Vec<SnapshotMeta>> {
    archive
        .engine()
        .scan_prefix(TreeName::Snapshots, b"meta\0")
        .map(|r| {
            let (k, v) = r?;
            decode(
                &v,
                &format!("snapshot {:?}", String::from_utf8_lossy(&k[5..])),
            )
        })
        .collect()
}

/// The frozen key → version pairs of a snapshot, in key order.
pub fn entries(archive: &Archive, meta: &SnapshotMeta) -> Result<Vec<(String, u32)>> {
    let mut out = Vec::with_capacity(meta.documents as usize);
    for part in 0..meta.parts {
        let what = format!("snapshot {:?} part {part}", meta.name);
        let b = archive
            .engine()
            .get(TreeName::Snapshots, &part_key(&meta.name, part))?
            .ok_or_else(|| Error::corrupt(&what, "missing"))?;
        out.extend(decode::<Vec<(String, u32)>>(&b, &what)?);
    }
    Ok(out)
}
