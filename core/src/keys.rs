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

/// Key of the versions tree: key ‖ 0x00 ‖ version (u32 big-endian), so that a prefix
/// scan of key ‖ 0x00 lists exactly that key's versions in order.
pub fn version_key(key: &str, version: u32) -> Vec<u8> {
    let mut k = Vec::with_capacity(key.len() + 5);
    k.extend_from_slice(key.as_bytes());
    k.push(0);
    k.extend_from_slice(&version.to_be_bytes());
    k
}

/// Prefix of all version keys of `key`.
pub fn versions_prefix(key: &str) -> Vec<u8> {
    let mut k = key.as_bytes().to_vec();
    k.push(0);
    k
}

/// Split a versions-tree key back into key and version.
pub fn split_version_key(k: &[u8]) -> Option<(&str, u32)> {
    if k.len() < 5 || k[k.len() - 5] != 0 {
        return None;
    }
    let key = std::str::from_utf8(&k[..k.len() - 5]).ok()?;
    let v = u32::from_be_bytes(k[k.len() - 4..].try_into().ok()?);
    Some((key, v))
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
        let a = version_key("a/b", 2);
        let b = version_key("a/b", 10);
        assert!(a < b);
        assert_eq!(split_version_key(&b), Some(("a/b", 10)));
        assert!(a.starts_with(&versions_prefix("a/b")));
        assert!(!version_key("a/bc", 1).starts_with(&versions_prefix("a/b")));
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
