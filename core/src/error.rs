//! The one error type of `wenku-core`. Every message names the input it is about and,
//! where there is one, the next step for the user.

use std::path::PathBuf;

/// Errors of the archive, import, pipeline and plugin host.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("archive {} is in use by another wenku process; wait for it to finish (or stop it) and retry", dir.display())]
    ArchiveInUse { dir: PathBuf },

    #[error("archive {} is busy: {holder}; gave up after waiting {waited_s} s — retry when it has finished, or wait longer with --wait SECONDS", dir.display())]
    ArchiveBusy {
        dir: PathBuf,
        holder: String,
        waited_s: u64,
    },

    #[error("the index of archive {} cannot be used ({detail}); the documents are kept in its packs: rebuild the index from them with `wenku repair`", dir.display())]
    IndexDamaged { dir: PathBuf, detail: String },

    #[error("no archive at {}; create one with `wenku init` or `wenku import PATH`, or point --archive / WENKU_ARCHIVE at an existing one", dir.display())]
    NoArchive { dir: PathBuf },

    #[error("{} is not a wenku archive ({reason}); point --archive / WENKU_ARCHIVE at a wenku archive directory", dir.display())]
    NotAnArchive { dir: PathBuf, reason: String },

    #[error("archive {} has format version {found}, newer than this wenku understands (up to {known}); use a newer wenku", dir.display())]
    FormatTooNew {
        dir: PathBuf,
        found: u32,
        known: u32,
    },

    #[error("archive {} has format version {found} ({}); this wenku reads format {known} and leaves it untouched: export it as raw JSONL with the wenku that wrote it (`wenku export --raw --format jsonl --out FILE.jsonl`) and import that file here (`wenku import FILE.jsonl`)", dir.display(), if *found == 1 { "wenku 0.1, sled 0.34 storage" } else { "redb storage" })]
    FormatTooOld {
        dir: PathBuf,
        found: u32,
        known: u32,
    },

    #[error("no document with key {key:?} in the archive; list the keys with `wenku ls`")]
    NoSuchKey { key: String },

    #[error("document {key:?} has no version {version} (it has versions 1 to {latest}); see `wenku log {key}`")]
    NoSuchVersion {
        key: String,
        version: u32,
        latest: u32,
    },

    #[error("{what} is damaged: {detail}; run `wenku verify` to list every damaged document")]
    Corrupt { what: String, detail: String },

    #[error("invalid key {key:?}: {reason}")]
    InvalidKey { key: String, reason: String },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("storage error in archive {}: {detail}", dir.display())]
    Storage { dir: PathBuf, detail: String },

    #[error("{0}")]
    Plugin(String),

    #[error("{0}")]
    Usage(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn corrupt(what: impl Into<String>, detail: impl std::fmt::Display) -> Self {
        Error::Corrupt {
            what: what.into(),
            detail: detail.to_string(),
        }
    }
}
