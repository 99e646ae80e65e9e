//! wenku-core: an embedded archive of web-scraped documents and every version of them,
//! with filter plugins applied on demand.
//!
//! - [`archive`]: opening, reading, statistics, verification.
//! - [`store`]: the storage layer — packs (the truth), catalog, the sled index behind the
//!   `Engine` trait, codecs, records, keys, blobs, versions, locks. See `FORMAT.md`.
//! - [`ops`]: the operations over it — import, export, compact, snapshots, repair.
//! - [`plugin`]: the plugin host and the pipeline of filters.
//! - [`exchange`]: the exchange formats read by import (JSONL, WARC).

pub mod archive;
pub mod corpus;
pub mod error;
pub mod exchange;
pub mod ops;
pub mod outpath;
pub mod plugin;
pub mod sniff;
pub mod store;

pub use ops::{compact, export, import, repair, snapshot};
pub use store::{blobs, codec, engine, keys, packs, records};
pub use wenku_plugin;

pub use archive::{Archive, Document, Stats, VerifyReport};
pub use error::{Error, Result};

/// `bytes` as text, invalid UTF-8 sequences replaced (as `String::from_utf8_lossy`),
/// checked with SIMD first: the import reads every document's text this way several
/// times (its title, source, statistics and sketch).
pub(crate) fn utf8_lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}
