//! The archive: opening and format checks, documents and their versions, reading,
//! statistics and verification. Import lives in `import.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::blobs::BlobStore;
use crate::store::catalog::Catalog;
use crate::store::codec::Codecs;
use crate::store::engine::{index_present, Engine, SledEngine, TreeName, INDEX_DIR};
use crate::store::index::Index;
use crate::store::keys;
use crate::store::lock::{self, Wait};
use crate::store::packs::Packs;
use crate::store::records::{decode, hex, BlobHash, BlobRecord, Codec, DocHead, VersionRecord};
use crate::store::splice;
use crate::store::versions::VersionStore;

/// Archive format version written by this build and the newest it opens.
pub const FORMAT_VERSION: u32 = 3;
/// The file that says a directory is a wenku archive, and of which format.
pub const FORMAT_FILE: &str = "FORMAT";

const META_FORMAT: &[u8] = b"format_version";
const META_NEXT_DOC: &[u8] = b"next_doc_id";

/// What an archive is opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read-only: any number of readers at once; the index is held only while in use.
    Read,
    /// Change it: one writer at a time (the others wait, bounded).
    Write,
    /// Change it, creating it if there is none.
    Create,
}

/// How to open an archive.
#[derive(Clone, Copy)]
pub struct Opening<'a> {
    pub access: Access,
    /// What the command is, for others waiting on it (`import`, `compact`…).
    pub command: &'a str,
    pub wait: Wait<'a>,
}

/// An open archive. In [`Access::Write`] it holds the archive's writer lock; in
/// [`Access::Read`] it holds the index until [`Archive::detach`] lets it go.
pub struct Archive {
    dir: PathBuf,
    index: Index,
    codecs: Codecs,
    packs: Packs,
    access: Access,
    /// The writer lock (write access) or the readers lock (read access), held while the
    /// archive is open; declared last so that it goes after the index.
    _lock: lock::Held,
}

/// One version of a document, read back byte-exact.
pub struct Document {
    pub key: String,
    pub version: u32,
    pub record: VersionRecord,
    pub bytes: Vec<u8>,
}

/// Counts and sizes of an archive (`wenku stats`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub versions: u64,
    pub blobs: u64,
    /// Raw bytes of every version (what a copy of each version would take).
    pub raw_bytes: u64,
    /// Raw bytes of the distinct blobs (after deduplication).
    pub unique_raw_bytes: u64,
    /// Bytes of the blobs as stored (after compression).
    pub stored_bytes: u64,
    /// `raw_bytes / stored_bytes`.
    pub ratio: f64,
    /// Bytes of the archive directory's files, the engine's own overhead included.
    pub disk_bytes: u64,
    /// Blob count per codec: stored, zstd, zstd-dict, zstd-delta.
    pub codecs: BTreeMap<String, u64>,
    /// Stored bytes per codec.
    pub codec_bytes: BTreeMap<String, u64>,
    /// Trained dictionaries kept in the archive.
    pub dictionaries: u64,
}

/// A version whose bytes could not be read back exactly.
#[derive(Debug, Clone, Serialize)]
pub struct Damage {
    pub key: String,
    pub version: u32,
    pub error: String,
}

/// Result of `wenku verify`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    pub versions_checked: u64,
    pub blobs_checked: u64,
    pub damaged: Vec<Damage>,
    /// Damage not tied to one version (undecodable heads or version records).
    pub other: Vec<String>,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.damaged.is_empty() && self.other.is_empty()
    }
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Why a directory is not (or no longer) an archive this wenku can open, checked before
/// anything in it is touched.
fn check_dir(dir: &Path, create: bool) -> Result<bool> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(Error::NotAnArchive {
            dir: dir.into(),
            reason: "it is a file, not a directory".into(),
        }),
        Ok(_) => {
            if dir.join("conf").is_file() && dir.join("db").is_file() {
                return Err(Error::FormatTooOld {
                    dir: dir.into(),
                    found: 1,
                    known: FORMAT_VERSION,
                });
            }
            if dir.join("records.redb").is_file() {
                return Err(Error::FormatTooOld {
                    dir: dir.into(),
                    found: 2,
                    known: FORMAT_VERSION,
                });
            }
            if dir.join(FORMAT_FILE).exists() {
                let found = read_format(dir)?;
                if found > FORMAT_VERSION {
                    return Err(Error::FormatTooNew {
                        dir: dir.into(),
                        found,
                        known: FORMAT_VERSION,
                    });
                }
                if found < FORMAT_VERSION {
                    return Err(Error::FormatTooOld {
                        dir: dir.into(),
                        found,
                        known: FORMAT_VERSION,
                    });
                }
                return Ok(false);
            }
            let empty = std::fs::read_dir(dir)
                .map_err(|e| Error::io(dir, e))?
                .flatten()
                .all(|e| e.file_name() == lock::LOCK_FILE || e.file_name() == lock::READERS_FILE);
            if !empty {
                return Err(Error::NotAnArchive {
                    dir: dir.into(),
                    reason: format!(
                        "the directory holds other files and no {FORMAT_FILE} file; wenku never \
                         starts an archive over existing files"
                    ),
                });
            }
            if !create {
                return Err(Error::NoArchive { dir: dir.into() });
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !create {
                return Err(Error::NoArchive { dir: dir.into() });
            }
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            Ok(true)
        }
        Err(e) => Err(Error::io(dir, e)),
    }
}

/// The format version in the archive's `FORMAT` file (`wenku archive format N`).
fn read_format(dir: &Path) -> Result<u32> {
    let path = dir.join(FORMAT_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    text.trim()
        .strip_prefix("wenku archive format ")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| Error::NotAnArchive {
            dir: dir.into(),
            reason: format!("its {FORMAT_FILE} file does not name a wenku format"),
        })
}

/// Write the `FORMAT` file of a new archive (durably, by rename).
fn write_format(dir: &Path) -> Result<()> {
    let path = dir.join(FORMAT_FILE);
    let tmp = dir.join("FORMAT.new");
    std::fs::write(&tmp, format!("wenku archive format {FORMAT_VERSION}\n"))
        .and_then(|_| std::fs::File::open(&tmp)?.sync_all())
        .and_then(|_| std::fs::rename(&tmp, &path))
        .and_then(|_| std::fs::File::open(dir)?.sync_all())
        .map_err(|e| Error::io(&path, e))
}

/// Whether the archive has any pack with bytes in it.
fn has_packs(dir: &Path) -> bool {
    std::fs::read_dir(dir.join("packs"))
        .map(|d| {
            d.flatten()
                .any(|e| e.metadata().map(|m| m.len() > 0).unwrap_or(false))
        })
        .unwrap_or(false)
}

/// Open the index of the archive at `dir`, waiting while another process has it open.
/// `writer`: this process holds the writer lock (so only readers can hold the index).
pub(crate) fn open_index(
    dir: &Path,
    create: bool,
    writer: bool,
    wait: &Wait,
) -> Result<SledEngine> {
    let path = dir.join(INDEX_DIR);
    wait.until(
        || match !writer && lock::writer_active(dir) {
            true => format!("{} to finish (it holds the index)", lock::holder(dir)),
            false => "a command reading the archive to let go of the index".to_string(),
        },
        || match SledEngine::open(&path, create) {
            Ok(e) => Ok(Some(e)),
            Err(Error::ArchiveInUse { .. }) => Ok(None),
            Err(e) => Err(e),
        },
        |holder, waited_s| Error::ArchiveBusy {
            dir: dir.into(),
            holder: format!("waiting for {holder}"),
            waited_s,
        },
    )
}

impl Archive {
    /// Open an existing archive to change it (no waiting for other processes; see
    /// [`lock::SPAWN_GRACE`]).
    pub fn open(dir: &Path) -> Result<Archive> {
        Self::open_with(
            dir,
            &Opening {
                access: Access::Write,
                command: "open",
                wait: Wait::default(),
            },
        )
    }

    /// Open the archive at `dir` to change it, creating it (and the directory) if there
    /// is none.
    pub fn open_or_create(dir: &Path) -> Result<Archive> {
        Self::open_with(
            dir,
            &Opening {
                access: Access::Create,
                command: "import",
                wait: Wait::default(),
            },
        )
    }

    /// Open an archive for reading only (see [`Access::Read`]).
    pub fn open_read(dir: &Path) -> Result<Archive> {
        Self::open_with(
            dir,
            &Opening {
                access: Access::Read,
                command: "read",
                wait: Wait::default(),
            },
        )
    }

    /// Open the archive at `dir` as `opening` says. An archive of another format, or a
    /// directory that is no archive, is refused before anything in it is touched; an
    /// archive whose index is missing or unreadable is refused with
    /// [`Error::IndexDamaged`] (never re-initialised over its packs).
    pub fn open_with(dir: &Path, opening: &Opening) -> Result<Archive> {
        let create = opening.access == Access::Create;
        let new = check_dir(dir, create)?;
        let lock = match opening.access {
            Access::Read => lock::reader(dir, &opening.wait)?,
            Access::Write | Access::Create => lock::writer(dir, opening.command, &opening.wait)?,
        };
        if new {
            write_format(dir)?;
        }
        let index = dir.join(INDEX_DIR);
        let old = index.with_extension("old");
        if !index.exists() && index_present(&old) {
            // A rebuild was put in place up to the first of its two renames: the old
            // index (complete, flushed) goes back.
            std::fs::rename(&old, &index).map_err(|e| Error::io(&index, e))?;
        }
        // A fresh index only where there is nothing it could have indexed.
        let fresh_index = !index_present(&index)
            && !has_packs(dir)
            && !dir.join(crate::store::catalog::CATALOG_FILE).exists();
        let writer = opening.access != Access::Read;
        let engine = open_index(dir, fresh_index, writer, &opening.wait)?;
        let catalog = Catalog::open(dir)?;
        let mut archive = Archive {
            dir: dir.to_path_buf(),
            index: Index::new(Box::new(engine), catalog),
            codecs: Codecs::default(),
            packs: match opening.access {
                Access::Read => Packs::open_read(dir)?,
                Access::Write | Access::Create => Packs::open(dir)?,
            },
            access: opening.access,
            _lock: lock,
        };
        archive.check_format(fresh_index)?;
        archive.codecs = Codecs::load(
            archive.engine(),
            crate::store::dictfile::dir(dir),
            archive.access != Access::Read,
        )?;
        if archive.access != Access::Read {
            archive.packs.remove_retired(dir)?;
        }
        Ok(archive)
    }

    fn check_format(&self, fresh: bool) -> Result<()> {
        match self.index.get(TreeName::Meta, META_FORMAT)? {
            Some(v) => {
                let found = v
                    .as_slice()
                    .try_into()
                    .map(u32::from_be_bytes)
                    .map_err(|_| Error::IndexDamaged {
                        dir: self.dir.clone(),
                        detail: "unreadable format version".into(),
                    })?;
                if found != FORMAT_VERSION {
                    return Err(Error::IndexDamaged {
                        dir: self.dir.clone(),
                        detail: format!("the index says format {found}"),
                    });
                }
                Ok(())
            }
            None if fresh => {
                self.index.commit(&[(
                    TreeName::Meta,
                    META_FORMAT.to_vec(),
                    Some(FORMAT_VERSION.to_be_bytes().to_vec()),
                )])?;
                self.index.flush()
            }
            None => Err(Error::IndexDamaged {
                dir: self.dir.clone(),
                detail: "the index has no format version".into(),
            }),
        }
    }

    /// Take a copy of the index in memory and let the index go, so that other commands
    /// can use it while this one goes on reading (packs are immutable). For long reads:
    /// export, verify.
    pub fn detach(&mut self) -> Result<()> {
        self.index.detach()
    }

    /// Whether this archive was opened to be changed.
    pub fn writable(&self) -> bool {
        self.access != Access::Read
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn engine(&self) -> &dyn Engine {
        &self.index
    }

    /// The catalog (dictionaries, plugin settings, snapshots).
    pub fn catalog(&self) -> &Catalog {
        self.index.catalog()
    }

    /// The archive's blobs.
    pub fn blobs(&self) -> BlobStore<'_> {
        BlobStore {
            engine: self.engine(),
            packs: &self.packs,
            codecs: &self.codecs,
        }
    }

    /// The archive's pack files.
    pub fn packs(&self) -> &Packs {
        &self.packs
    }

    /// The archive's compression dictionaries.
    pub fn codecs(&self) -> &Codecs {
        &self.codecs
    }

    /// Make everything written so far durable.
    pub fn flush(&self) -> Result<()> {
        self.index.flush()
    }

    /// Give back the space of rewritten records (the index is copied into a fresh
    /// directory and put in place). Called at the end of an import that wrote something
    /// and of `compact`; skipped while another process reads the archive (it may be
    /// about to open the index), to be done by a later writer.
    pub fn reclaim(&self) -> Result<()> {
        match lock::no_readers(&self.dir)? {
            Some(_no_readers) => self.index.reclaim(),
            None => Ok(()),
        }
    }

    /// The id the next new document gets.
    pub(crate) fn next_doc_id(&self) -> Result<u64> {
        match self.index.get(TreeName::Meta, META_NEXT_DOC)? {
            None => Ok(1),
            Some(v) => v
                .as_slice()
                .try_into()
                .map(u64::from_be_bytes)
                .map_err(|_| Error::corrupt("the next document id", "not 8 bytes")),
        }
    }

    /// The write that records `next` as the id of the next new document.
    pub(crate) fn next_doc_id_write(next: u64) -> crate::store::engine::Write {
        (
            TreeName::Meta,
            META_NEXT_DOC.to_vec(),
            Some(next.to_be_bytes().to_vec()),
        )
    }

    /// The versions of documents (heads, records, bytes, delta bases).
    pub fn version_store(&self) -> VersionStore<'_> {
        VersionStore::over(self.engine(), &self.packs, &self.codecs)
    }

    /// The head of `key`, or `None` if there is no such document.
    pub fn head(&self, key: &str) -> Result<Option<DocHead>> {
        self.version_store().head(key)
    }

    /// Documents whose key starts with `prefix`, in key order.
    pub fn list(&self, prefix: &str) -> Result<Vec<(String, DocHead)>> {
        self.version_store().list(prefix)
    }

    /// Every version of `key`, oldest first.
    pub fn versions(&self, key: &str) -> Result<Vec<(u32, VersionRecord)>> {
        self.version_store().versions(key)
    }

    /// The record of one version (`None`: the latest).
    pub fn version(&self, key: &str, version: Option<u32>) -> Result<(u32, VersionRecord)> {
        self.version_store().version(key, version)
    }

    /// The raw bytes of version `n` of `key` whose record is `record`, checked.
    pub(crate) fn version_bytes(
        &self,
        key: &str,
        n: u32,
        record: &VersionRecord,
    ) -> Result<Vec<u8>> {
        self.version_store().bytes(key, n, record)
    }

    /// The BLAKE3 of version `n` of `key` whose record is `record`: the record's, or, for
    /// a near-copy whose record keeps only a check of it, computed from its bytes.
    pub fn content_hash(&self, key: &str, n: u32, record: &VersionRecord) -> Result<BlobHash> {
        match record.content_hash() {
            Some(h) => Ok(*h),
            None => Ok(crate::store::records::hash_of(
                &self.version_bytes(key, n, record)?,
            )),
        }
    }

    /// The exact stored bytes of one version (`None`: the latest), checked against
    /// their hash.
    pub fn read(&self, key: &str, version: Option<u32>) -> Result<Document> {
        let (n, record, bytes) = self.version_store().read(key, version)?;
        Ok(Document {
            key: key.to_string(),
            version: n,
            record,
            bytes,
        })
    }

    /// Where version `record` of `key` came from, spelled out (following
    /// [`Source::AsVersion`](crate::store::records::Source::AsVersion) to the version it names).
    pub fn source(&self, key: &str, record: &VersionRecord) -> String {
        if let crate::store::records::Source::AsVersion(n) = record.source {
            if let Ok((_, named)) = self.version(key, Some(n)) {
                if !matches!(named.source, crate::store::records::Source::AsVersion(_)) {
                    return named.source_text(key);
                }
            }
        }
        record.source_text(key)
    }

    /// A unified line diff between two versions of `key`.
    pub fn diff(&self, key: &str, v1: u32, v2: u32) -> Result<String> {
        let a = self.read(key, Some(v1))?;
        let b = self.read(key, Some(v2))?;
        let (ta, tb) = (
            String::from_utf8_lossy(&a.bytes),
            String::from_utf8_lossy(&b.bytes),
        );
        let diff = similar::TextDiff::from_lines(ta.as_ref(), tb.as_ref());
        Ok(diff
            .unified_diff()
            .context_radius(3)
            .header(&format!("{key}@{v1}"), &format!("{key}@{v2}"))
            .to_string())
    }

    pub(crate) fn blob_records(&self) -> impl Iterator<Item = Result<(BlobHash, BlobRecord)>> + '_ {
        self.index.scan_prefix(TreeName::Blobs, b"").map(|r| {
            let (k, v) = r?;
            let hash: BlobHash = k
                .as_slice()
                .try_into()
                .map_err(|_| Error::corrupt("a blob key", "not 32 bytes"))?;
            Ok((hash, decode(&v, &format!("blob record {}", hex(&hash)))?))
        })
    }

    /// Counts and sizes.
    pub fn stats(&self) -> Result<Stats> {
        let mut s = Stats {
            documents: self.index.len(TreeName::Docs) as u64,
            ..Stats::default()
        };
        for r in self.index.scan_prefix(TreeName::Versions, b"") {
            let (k, v) = r?;
            let rec: VersionRecord = decode(
                &v,
                &format!("version record {}", String::from_utf8_lossy(&k)),
            )?;
            s.versions += 1;
            s.raw_bytes += rec.raw_len;
            if let Some(d) = &rec.delta {
                s.unique_raw_bytes += rec.raw_len;
                s.stored_bytes += d.data.len() as u64;
                let name = match (&d.of, d.data.first()) {
                    (None, Some(&splice::SPLICE_TAG)) => "splice-inline",
                    (None, _) => "zstd-delta-inline",
                    (Some(_), Some(&splice::SPLICE_TAG)) => "near-copy-splice",
                    (Some(_), _) => "near-copy-delta",
                };
                *s.codecs.entry(name.into()).or_default() += 1;
                *s.codec_bytes.entry(name.into()).or_default() += d.data.len() as u64;
            }
        }
        for r in self.blob_records() {
            let (_, rec) = r?;
            s.blobs += 1;
            s.unique_raw_bytes += rec.raw_len;
            s.stored_bytes += rec.stored_len;
            let name = match rec.codec {
                Codec::Stored => "stored",
                Codec::Zstd => "zstd",
                Codec::ZstdDict { .. } => "zstd-dict",
                Codec::ZstdDelta { .. } => "zstd-delta",
            };
            *s.codecs.entry(name.to_string()).or_default() += 1;
            *s.codec_bytes.entry(name.to_string()).or_default() += rec.stored_len;
        }
        s.ratio = if s.stored_bytes == 0 {
            0.0
        } else {
            s.raw_bytes as f64 / s.stored_bytes as f64
        };
        s.disk_bytes = dir_size(&self.dir);
        s.dictionaries = self.codecs.count() as u64;
        Ok(s)
    }

    /// Read back every version's bytes and check them against their hash; name each
    /// damaged version.
    pub fn verify(&self) -> Result<VerifyReport> {
        let mut report = VerifyReport::default();
        let mut uses: BTreeMap<BlobHash, Vec<(String, u32)>> = BTreeMap::new();
        let mut inline: Vec<(String, u32, VersionRecord)> = Vec::new();
        for r in self.index.scan_prefix(TreeName::Docs, b"") {
            let (k, v) = r?;
            let key = String::from_utf8_lossy(&k).into_owned();
            let head = match decode::<DocHead>(&v, &format!("head of {key:?}")) {
                Ok(head) => head,
                Err(e) => {
                    report.other.push(e.to_string());
                    continue;
                }
            };
            let mut latest_found = false;
            for r in self
                .engine()
                .scan_prefix(TreeName::Versions, &keys::versions_prefix(head.id))
            {
                let (k, v) = r?;
                let Some((_, n)) = keys::split_version_key(&k) else {
                    report
                        .other
                        .push(format!("{key}: undecodable version key {}", hex(&k)));
                    continue;
                };
                report.versions_checked += 1;
                latest_found |= n == head.latest;
                match decode::<VersionRecord>(&v, &format!("{key}@{n}")) {
                    Ok(rec) if rec.delta.is_some() => inline.push((key.clone(), n, rec)),
                    Ok(rec) => uses.entry(rec.blob).or_default().push((key.clone(), n)),
                    Err(e) => report.damaged.push(Damage {
                        key: key.clone(),
                        version: n,
                        error: e.to_string(),
                    }),
                }
            }
            if !latest_found {
                report.other.push(format!(
                    "{key}: latest version {} has no record",
                    head.latest
                ));
            }
        }
        report.blobs_checked = uses.len() as u64;
        let store = self.blobs();
        for (id, why) in self.codecs.damaged() {
            report.other.push(format!(
                "dictionary {id} is damaged ({why}); blobs compressed with it cannot be read"
            ));
        }
        let bad: Vec<(BlobHash, String)> = uses
            .keys()
            .collect::<Vec<_>>()
            .par_iter()
            .filter_map(|h| {
                store
                    .read(h, &format!("blob {}", hex(*h)))
                    .err()
                    .map(|e| (**h, e.to_string()))
            })
            .collect();
        let bad_inline: Vec<Damage> = inline
            .par_iter()
            .filter_map(|(key, n, rec)| {
                self.version_bytes(key, *n, rec).err().map(|e| Damage {
                    key: key.clone(),
                    version: *n,
                    error: e.to_string(),
                })
            })
            .collect();
        report.damaged.extend(bad_inline);
        for (hash, err) in bad {
            for (key, version) in &uses[&hash] {
                report.damaged.push(Damage {
                    key: key.clone(),
                    version: *version,
                    error: err.clone(),
                });
            }
        }
        report
            .damaged
            .sort_by(|a, b| (&a.key, a.version).cmp(&(&b.key, b.version)));
        Ok(report)
    }
}

/// Total size of the files under `dir`.
pub fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_format_is_refused_and_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a");
        let a = Archive::open_or_create(&dir).unwrap();
        drop(a);
        std::fs::write(dir.join(FORMAT_FILE), "wenku archive format 99\n").unwrap();
        let listing = |d: &Path| {
            let mut v: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(d)
                .into_iter()
                .flatten()
                .filter(|e| e.file_type().is_file())
                .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
                .collect();
            v.sort();
            v
        };
        let before = listing(&dir);
        let err = Archive::open(&dir).err().unwrap();
        assert!(before == listing(&dir), "the archive was changed");
        assert!(
            matches!(
                err,
                Error::FormatTooNew {
                    found: 99,
                    known: FORMAT_VERSION,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string()
                .ends_with("newer than this wenku understands (up to 3); use a newer wenku"),
            "{err}"
        );
    }
}
