//! wenku-core: an embedded archive of web-scraped documents and every version of them,
//! with filter plugins applied on demand.
//!
//! - [`archive`]: opening, reading, statistics, verification.
//! - [`import`]: files and directories into the archive.
//! - [`blobs`]: content-addressed, compressed, chunked storage of raw bytes.
//! - [`records`]: the records of the trees and their encoding (see `FORMAT.md`).
//! - [`plugin`]: the plugin host and the pipeline of filters.
//! - [`engine`]: the key-value engine (redb) behind a small trait.

pub mod archive;
pub mod blobs;
pub mod codec;
pub mod compact;
pub mod corpus;
pub mod engine;
pub mod error;
pub mod exchange;
pub mod export;
pub mod import;
pub mod keys;
pub mod outpath;
pub mod packs;
pub mod plugin;
pub mod records;
pub mod snapshot;
pub mod sniff;
pub use wenku_plugin;

pub use archive::{Archive, Document, Stats, VerifyReport};
pub use error::{Error, Result};
