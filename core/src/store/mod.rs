//! The storage layer: the packs (the archive's truth), the catalog, the key-value engine
//! that indexes them, the codecs, the record layouts, document keys, the blob store and
//! the version store over them. Nothing here knows about import, export or plugins.

pub mod blobs;
pub mod catalog;
pub mod codec;
pub mod dictfile;
pub mod engine;
pub mod frame;
pub mod index;
pub mod keys;
pub mod lock;
pub mod packs;
pub mod records;
pub mod similar;
pub mod splice;
pub mod versions;
