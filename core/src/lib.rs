//! wenku-core: an embedded archive of web-scraped documents and every version of them,
//! with filter plugins applied on demand.
//!
//! - [`archive`]: opening, reading, statistics, verification.
//! - [`store`]: the storage layer — engine, packs, codecs, records, keys, blobs.
//! - [`ops`]: the operations over it — import, export, compact, snapshots.
//! - [`plugin`]: the plugin host and the pipeline of filters.
//! - [`exchange`]: the exchange formats read by import (JSONL, WARC).

pub mod archive;
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
