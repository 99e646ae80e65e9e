//! The storage layer: the key-value engine, the pack files, the codecs, the record
//! layouts, document keys and the blob store over them. Nothing here knows about
//! import, export or plugins.

pub mod blobs;
pub mod codec;
pub mod engine;
pub mod keys;
pub mod packs;
pub mod records;
