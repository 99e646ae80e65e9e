//! Document keys: how they are made from paths and how they are laid out in the trees.
//!
//! A key is a non-empty UTF-8 string without NUL. File keys use `/` separators. A file
//! name that is not UTF-8 is escaped losslessly: each byte of an invalid sequence
//! becomes `%XX`, and `%` itself becomes `%25` in such a name, so the escaped key maps
//! back to exactly one byte string ([`unescape_name`]).

use std::path::Path;

use crate::error::{Error, Result};

/// Check that a key can be stored.
pub fn validate(key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::InvalidKey {
            key: key.into(),
            reason: "keys cannot be empty".into(),
        });
    }
    if key.contains('\0') {
        return Err(Error::InvalidKey {
            key: key.into(),
            reason: "keys cannot contain a NUL byte".into(),
        });
    }
    Ok(())
}

/// Key of the versions tree: the document's id (u64 big-endian) ‖ version (u32
/// big-endian), so that a prefix scan of the id lists exactly that document's versions
/// in order, and a version costs 12 bytes of key however long the document's key is.
pub fn version_key(doc: u64, version: u32) -> [u8; 12] {
    let mut k = [0; 12];
    k[..8].copy_from_slice(&doc.to_be_bytes());
    k[8..].copy_from_slice(&version.to_be_bytes());
    k
}

/// Prefix of all version keys of document `doc`.
pub fn versions_prefix(doc: u64) -> [u8; 8] {
    doc.to_be_bytes()
}

/// Split a versions-tree key back into document id and version.
pub fn split_version_key(k: &[u8]) -> Option<(u64, u32)> {
    let k: &[u8; 12] = k.try_into().ok()?;
    let (d, v) = k.split_at(8);
    Some((
        u64::from_be_bytes(d.try_into().ok()?),
        u32::from_be_bytes(v.try_into().ok()?),
    ))
}

/// A key made from a relative path; `escaped` tells that some name was not UTF-8.
pub struct PathKey {
    pub key: String,
    pub escaped: bool,
}

/// The key of a file at `rel` (relative to the import argument) under `prefix`.
pub fn key_from_path(prefix: &str, rel: &Path) -> PathKey {
    let mut parts = Vec::new();
    let mut escaped = false;
    for comp in rel.components() {
        if let std::path::Component::Normal(name) = comp {
            let (s, e) = escape_name(name.as_encoded_bytes());
            escaped |= e;
            parts.push(s);
        }
    }
    let rel = parts.join("/");
    let key = if prefix.is_empty() {
        rel
    } else if prefix.ends_with('/') || rel.is_empty() {
        format!("{prefix}{rel}")
    } else {
        format!("{prefix}/{rel}")
    };
    PathKey { key, escaped }
}

/// Escape one file name: unchanged if UTF-8, else `%XX` for invalid bytes and `%25` for `%`.
pub fn escape_name(bytes: &[u8]) -> (String, bool) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), false);
    }
    let mut out = String::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(&s.replace('%', "%25"));
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid UTF-8 by construction.
                out.push_str(&String::from_utf8_lossy(good).replace('%', "%25"));
                let n = e.error_len().unwrap_or(bad.len());
                for b in &bad[..n] {
                    out.push_str(&format!("%{b:02X}"));
                }
                rest = &bad[n..];
            }
        }
    }
    (out, true)
}

/// Inverse of [`escape_name`] for an escaped name.
pub fn unescape_name(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn version_keys_sort_by_version_and_split_back() {
        let a = version_key(7, 2);
        let b = version_key(7, 10);
        assert!(a < b);
        assert!(b < version_key(8, 1));
        assert_eq!(split_version_key(&b), Some((7, 10)));
        assert!(a.starts_with(&versions_prefix(7)));
        assert!(!version_key(0x700, 1).starts_with(&versions_prefix(7)));
        assert_eq!(split_version_key(b"short"), None);
    }

    #[test]
    fn path_keys_with_prefix() {
        assert_eq!(key_from_path("", Path::new("x/y.txt")).key, "x/y.txt");
        assert_eq!(
            key_from_path("news", Path::new("x/y.txt")).key,
            "news/x/y.txt"
        );
        assert_eq!(key_from_path("news/", Path::new("y.txt")).key, "news/y.txt");
    }

    #[test]
    fn non_utf8_names_escape_losslessly() {
        let raw = b"caf\xe9 100%.txt";
        let k = key_from_path("", Path::new(OsStr::from_bytes(raw)));
        assert!(k.escaped);
        assert_eq!(k.key, "caf%E9 100%25.txt");
        assert_eq!(unescape_name(&k.key), raw);
    }

    #[test]
    fn invalid_keys() {
        assert!(validate("").is_err());
        assert!(validate("a\0b").is_err());
        assert!(validate("ok").is_ok());
    }
}
