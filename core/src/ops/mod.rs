//! The operations over the store: import, export (whole or by shard), compact,
//! snapshots, and the record stream the Python package reads.

pub mod compact;
pub mod export;
pub mod import;
pub mod shard;
pub mod snapshot;
pub mod stream;
