//! Printing helpers shared by the commands: JSON on stdout, times, and the JSON shapes of
//! versions and snapshots.

use std::collections::HashMap;
use std::io::Write as _;
use std::time::{Duration, UNIX_EPOCH};

use anyhow::Result;
use serde_json::json;
use wenku_core::records::{hex, VersionRecord};
use wenku_core::Archive;

/// An RFC 3339 time (seconds) from milliseconds since the epoch.
pub fn time(ms: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_millis(ms)).to_string()
}

/// Pretty JSON and a newline on stdout.
pub fn json(v: &serde_json::Value) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// `a → b → c`, or `empty`.
pub fn order(names: &[String], empty: &str) -> String {
    if names.is_empty() {
        empty.to_string()
    } else {
        names.join(" → ")
    }
}

pub fn snapshot_json(m: &wenku_core::snapshot::SnapshotMeta) -> serde_json::Value {
    json!({
        "name": m.name,
        "created": time(m.created_ms),
        "documents": m.documents,
        "pipeline": m.pipeline.iter().map(|p| json!({
            "name": p.name, "version": p.version, "sha256": hex(&p.sha256),
            "config": p.config.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Titles and content hashes of the versions a listing shows. A version's bytes are read
/// only when the record carries no title and its media type can hold one (HTML,
/// Markdown), once per blob (versions with the same content share it); a near-copy's
/// record keeps only a check of its hash, so its bytes are read once for both.
pub struct Titles<'a> {
    archive: &'a Archive,
    by_blob: HashMap<[u8; 32], Option<String>>,
    /// A near-copy's content hash (`None`: its bytes do not read) and title, by version.
    near: HashMap<(String, u32), NearRead>,
}

/// What one read of a near-copy gives: its content hash (`None`: its bytes do not read)
/// and its title.
type NearRead = (Option<[u8; 32]>, Option<String>);

impl<'a> Titles<'a> {
    pub fn new(archive: &'a Archive) -> Titles<'a> {
        Titles {
            archive,
            by_blob: HashMap::new(),
            near: HashMap::new(),
        }
    }

    /// The content hash and title of a near-copy whose record keeps only a check.
    fn near(
        &mut self,
        key: &str,
        n: u32,
        r: &VersionRecord,
    ) -> &(Option<[u8; 32]>, Option<String>) {
        let archive = self.archive;
        self.near
            .entry((key.to_string(), n))
            .or_insert_with(|| match archive.read(key, Some(n)) {
                Ok(d) => (
                    Some(wenku_core::records::hash_of(&d.bytes)),
                    r.title.clone().or_else(|| {
                        wenku_core::sniff::has_title(r.media_type)
                            .then(|| r.title(&d.bytes))
                            .flatten()
                    }),
                ),
                Err(_) => (None, r.title.clone()),
            })
    }

    /// The version's content hash (`None`: a near-copy whose bytes do not read).
    pub fn hash(&mut self, key: &str, n: u32, r: &VersionRecord) -> Option<[u8; 32]> {
        match r.content_hash() {
            Some(h) => Some(*h),
            None => self.near(key, n, r).0,
        }
    }

    pub fn get(&mut self, key: &str, n: u32, r: &VersionRecord) -> Option<String> {
        if r.title.is_some() {
            return r.title.clone();
        }
        if !wenku_core::sniff::has_title(r.media_type) {
            return None;
        }
        let archive = self.archive;
        let Some(hash) = r.content_hash() else {
            return self.near(key, n, r).1.clone();
        };
        self.by_blob
            .entry(*hash)
            .or_insert_with(|| {
                archive
                    .read(key, Some(n))
                    .ok()
                    .and_then(|d| r.title(&d.bytes))
            })
            .clone()
    }
}

pub fn version_json(
    titles: &mut Titles<'_>,
    archive: &Archive,
    key: &str,
    n: u32,
    r: &VersionRecord,
) -> serde_json::Value {
    json!({
        "key": key,
        "version": n,
        "imported": time(r.imported_ms),
        "bytes": r.raw_len,
        "media_type": r.media_type.mime(),
        "charset": r.charset,
        "title": titles.get(key, n, r),
        "source": archive.source(key, r),
        "blob": titles.hash(key, n, r).map(|h| hex(&h)),
        "note": r.note,
    })
}

/// An error and its causes, `: `-separated, each cause said once: an error whose own
/// message already ends with its cause's (`out.jsonl: File exists (os error 17)`) does
/// not repeat it.
pub fn error_text(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out == text || out.ends_with(&format!(": {text}")) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cause_already_said_is_not_said_again() {
        let io = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "File exists");
        let e = anyhow::Error::from(wenku_core::Error::Io {
            path: "out.jsonl".into(),
            source: io,
        });
        assert_eq!(super::error_text(&e), "out.jsonl: File exists");
        let e = anyhow::anyhow!("inner").context("outer");
        assert_eq!(super::error_text(&e), "outer: inner");
        // A cause that only ends the same way is said.
        let e = anyhow::anyhow!("2").context("pack 12");
        assert_eq!(super::error_text(&e), "pack 12: 2");
    }
}
