//! The operations over the store: import, export, compact, snapshots.

pub mod compact;
pub mod export;
pub mod import;
pub mod snapshot;
