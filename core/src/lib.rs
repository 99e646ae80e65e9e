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
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        // Only the rest goes through the slow path (a document's head cut inside a
        // character): the valid prefix is checked again with SIMD.
        Err(e) => {
            let (valid, rest) = bytes.split_at(e.valid_up_to());
            let mut text = String::with_capacity(bytes.len() + 3);
            text.push_str(simdutf8::basic::from_utf8(valid).unwrap_or_default());
            text.push_str(&String::from_utf8_lossy(rest));
            std::borrow::Cow::Owned(text)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn utf8_lossy_is_std_from_utf8_lossy() {
        for bytes in [
            "中文 text".as_bytes(),
            b"\xe4\xb8\xad\xe6\x96",
            b"ok \xff\xfe bad \xe4\xb8 cut",
            b"\xc3\x28\xa0\xa1 \xf0\x90\x28\xbc",
            b"",
        ] {
            assert_eq!(
                super::utf8_lossy(bytes),
                String::from_utf8_lossy(bytes),
                "{bytes:?}"
            );
        }
        assert!(matches!(
            super::utf8_lossy("中文".as_bytes()),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
