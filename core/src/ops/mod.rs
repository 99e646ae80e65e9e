//! The operations over the store: import, export (whole or by shard), compact,
//! snapshots, repair, and the record stream the Python package reads — with the
//! progress and failure types they share.

pub mod compact;
pub mod dedup;
pub mod explain;
pub mod export;
pub mod import;
pub mod repair;
pub mod shard;
pub mod snapshot;
pub mod stream;

use serde::Serialize;

/// Told about the progress of a long operation. Called from worker threads. `items`
/// counts what the operation works through (files, records, blobs); `bytes` counts their
/// raw bytes where the operation knows them, else stays 0.
pub trait Progress: Sync {
    fn start(&self, _items: u64, _bytes: u64) {}
    fn advance(&self, _items: u64, _bytes: u64) {}
    fn finish(&self) {}
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// An input (file, record, document) that could not be processed, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Failure {
    pub input: String,
    pub error: String,
}
