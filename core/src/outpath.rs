//! Safe output paths for keys: no key can write outside the output folder.
//!
//! A key is split at `/`; empty and `.` segments are dropped; in each segment `%` and
//! the characters that are unsafe in file names on some system (`\` `:` `*` `?` `"` `<`
//! `>` `|`, control characters and NUL) become `%XX`; a `..` segment becomes `%2E%2E`;
//! a reserved device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, with
//! any extension) gets a `_` in front; a segment longer than 200 bytes is cut and ends
//! with `~` and 16 hex digits of its hash. Two keys that would land on the same path (or
//! a file where another key needs a folder) are told apart with `~2`, `~3`… Every key
//! whose path is not the key itself is listed in the manifest.

use std::collections::HashSet;
use std::path::PathBuf;

const MAX_SEGMENT: usize = 200;

fn escape_segment(seg: &str) -> String {
    if seg == ".." {
        return "%2E%2E".into();
    }
    let mut out = String::with_capacity(seg.len());
    for c in seg.chars() {
        match c {
            '%' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() => {
                let mut b = [0; 4];
                for byte in c.encode_utf8(&mut b).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    let stem = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        out.insert(0, '_');
    }
    // Names may not end in a dot or space on some systems.
    if out.ends_with('.') || out.ends_with(' ') {
        out.push('_');
    }
    if out.len() > MAX_SEGMENT {
        let hash = blake3::hash(out.as_bytes()).to_hex();
        let mut cut = MAX_SEGMENT - 17;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out = format!("{}~{}", &out[..cut], &hash[..16]);
    }
    out
}

/// The relative path of `key`, before collisions are resolved.
pub fn relative(key: &str) -> String {
    let segs: Vec<String> = key
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .map(escape_segment)
        .collect();
    if segs.is_empty() {
        "_".into()
    } else {
        segs.join("/")
    }
}

/// Assigns paths to keys, keeping them unique and consistent (no file where a folder is
/// needed and no folder where a file is).
#[derive(Default)]
pub struct PathAssigner {
    files: HashSet<String>,
    dirs: HashSet<String>,
}

impl PathAssigner {
    /// Reserve a path (e.g. `manifest.json`) so no key takes it.
    pub fn reserve(&mut self, path: &str) {
        self.files.insert(path.to_string());
    }

    /// The index of the first segment of `segs` that collides: a folder segment where a
    /// file is, or the final segment where a file or folder is.
    fn conflict(&self, segs: &[String]) -> Option<usize> {
        let mut prefix = String::new();
        for (i, seg) in segs.iter().enumerate() {
            if i > 0 {
                prefix.push('/');
            }
            prefix.push_str(seg);
            let last = i + 1 == segs.len();
            if self.files.contains(&prefix) || (last && self.dirs.contains(&prefix)) {
                return Some(i);
            }
        }
        None
    }

    /// The path for `key`.
    pub fn assign(&mut self, key: &str) -> String {
        let mut segs: Vec<String> = relative(key).split('/').map(str::to_string).collect();
        // Each conflict renames the colliding segment with the first free `~N`.
        while let Some(i) = self.conflict(&segs) {
            let original = segs[i].clone();
            let mut n = 2;
            loop {
                segs[i] = format!("{original}~{n}");
                if self.conflict(&segs[..=i]) != Some(i) {
                    break;
                }
                n += 1;
            }
        }
        let mut prefix = String::new();
        for seg in &segs[..segs.len() - 1] {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(seg);
            self.dirs.insert(prefix.clone());
        }
        let path = segs.join("/");
        self.files.insert(path.clone());
        path
    }
}

/// `root` joined with a relative path made by [`PathAssigner`].
pub fn join(root: &std::path::Path, rel: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    for seg in rel.split('/') {
        p.push(seg);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_inside() {
        assert_eq!(relative("../../x"), "%2E%2E/%2E%2E/x");
        assert_eq!(relative("/etc/passwd"), "etc/passwd");
        assert_eq!(relative("a/../../b"), "a/%2E%2E/%2E%2E/b");
        assert_eq!(relative("CON"), "_CON");
        assert_eq!(relative("dir/lpt1.txt"), "dir/_lpt1.txt");
        assert_eq!(relative("a\0b"), "a%00b");
        assert_eq!(relative("C:\\Windows"), "C%3A%5CWindows");
        assert_eq!(
            relative("https://example.com/a?b=1"),
            "https%3A/example.com/a%3Fb=1"
        );
        assert_eq!(relative("./a//b/."), "a/b");
        assert_eq!(relative("/"), "_");
        assert_eq!(relative("100%"), "100%25");
        let long = "长".repeat(100);
        let r = relative(&long);
        assert!(r.len() <= 200 && r.contains('~'), "{r}");
        for p in [
            relative("../../x"),
            relative("a/../../b"),
            relative("/etc/passwd"),
        ] {
            assert!(p.split('/').all(|s| s != ".." && !s.is_empty()));
        }
    }

    #[test]
    fn collisions_get_suffixes() {
        let mut a = PathAssigner::default();
        a.reserve("manifest.json");
        assert_eq!(a.assign("manifest.json"), "manifest.json~2");
        assert_eq!(a.assign("a/%2E%2E/b"), "a/%252E%252E/b");
        assert_eq!(a.assign("x"), "x");
        assert_eq!(a.assign("x/y"), "x~2/y");
        assert_eq!(a.assign("d/e"), "d/e");
        assert_eq!(a.assign("d"), "d~2");
    }
}
