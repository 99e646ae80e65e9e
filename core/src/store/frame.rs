//! The checksummed frame around every entry of a pack and of the catalog, so that each
//! entry can be found, checked and decoded on its own, from the file alone.
//!
//! ```text
//! magic      4 bytes   "WKE3"
//! head_len   u32 LE    length of the head
//! body_len   u64 LE    length of the body
//! head       head_len bytes: a record (records::encode) saying what the entry is
//! body       body_len bytes: the entry's bytes (a blob's stored bytes, ...)
//! crc        u32 LE    CRC-32 (IEEE) of head ‖ body ‖ head_len ‖ body_len
//! ```

use std::io::Read;

/// The first bytes of every entry.
pub const MAGIC: [u8; 4] = *b"WKE3";
/// Bytes before the head.
pub const PREFIX_LEN: u64 = 16;
/// Bytes after the body.
pub const SUFFIX_LEN: u64 = 4;
/// Longest head accepted when reading (a head is a small record).
pub const HEAD_MAX: u32 = 16 << 20;

/// The 16 bytes before the head.
pub fn prefix(head_len: u32, body_len: u64) -> [u8; 16] {
    let mut p = [0u8; 16];
    p[..4].copy_from_slice(&MAGIC);
    p[4..8].copy_from_slice(&head_len.to_le_bytes());
    p[8..].copy_from_slice(&body_len.to_le_bytes());
    p
}

/// The checksum of an entry, fed head and body (in order) and then finished with
/// [`Checksum::finish`].
#[derive(Default)]
pub struct Checksum(crc32fast::Hasher);

impl Checksum {
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub fn finish(mut self, head_len: u32, body_len: u64) -> [u8; 4] {
        self.0.update(&head_len.to_le_bytes());
        self.0.update(&body_len.to_le_bytes());
        self.0.finalize().to_le_bytes()
    }
}

/// A whole entry (for heads and bodies held in memory).
pub fn encode(head: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(head.len() + body.len() + 20);
    out.extend_from_slice(&prefix(head.len() as u32, body.len() as u64));
    out.extend_from_slice(head);
    out.extend_from_slice(body);
    let mut c = Checksum::default();
    c.update(head);
    c.update(body);
    out.extend_from_slice(&c.finish(head.len() as u32, body.len() as u64));
    out
}

/// An entry found by [`scan`].
pub struct Found {
    /// Offset of the entry's first byte.
    pub at: u64,
    pub head: Vec<u8>,
    /// Offset and length of the body.
    pub body_at: u64,
    pub body_len: u64,
    /// The body, when it was at most `keep_body` bytes (else read it again by offset).
    pub body: Option<Vec<u8>>,
}

/// Bytes of a file that are no entry (damage, or an append cut short by a crash).
pub struct Skipped {
    pub at: u64,
    pub len: u64,
}

/// Walk the entries of a file of `len` bytes: every entry whose checksum holds is given
/// to `each`; damaged or unreadable stretches are skipped (the next entry is found by
/// its magic) and reported. Bodies up to `keep_body` bytes are handed over in memory.
pub fn scan(
    file: &std::fs::File,
    len: u64,
    keep_body: u64,
    mut each: impl FnMut(Found),
) -> std::io::Result<Vec<Skipped>> {
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut pos = 0u64;
    let mut bad_from: Option<u64> = None;
    while pos + PREFIX_LEN + SUFFIX_LEN <= len {
        let entry = read_entry(file, pos, len, keep_body)?;
        match entry {
            Some((found, end)) => {
                if let Some(b) = bad_from.take() {
                    skipped.push(Skipped {
                        at: b,
                        len: pos - b,
                    });
                }
                each(found);
                pos = end;
            }
            None => {
                bad_from.get_or_insert(pos);
                // Look for the next magic after this position.
                pos = match next_magic(file, pos + 1, len)? {
                    Some(p) => p,
                    None => len,
                };
            }
        }
    }
    if pos < len {
        bad_from.get_or_insert(pos);
    }
    if let Some(b) = bad_from {
        skipped.push(Skipped {
            at: b,
            len: len - b,
        });
    }
    Ok(skipped)
}

fn next_magic(file: &std::fs::File, from: u64, len: u64) -> std::io::Result<Option<u64>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; 1 << 16];
    let mut at = from;
    while at < len {
        let n = ((len - at) as usize).min(buf.len());
        file.read_exact_at(&mut buf[..n], at)?;
        if let Some(i) = memchr_magic(&buf[..n]) {
            return Ok(Some(at + i as u64));
        }
        if n < 4 {
            return Ok(None);
        }
        at += (n - 3) as u64;
    }
    Ok(None)
}

fn memchr_magic(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == MAGIC)
}

/// The entry at `at`, if it is whole and its checksum holds; returns it and its end.
fn read_entry(
    file: &std::fs::File,
    at: u64,
    len: u64,
    keep_body: u64,
) -> std::io::Result<Option<(Found, u64)>> {
    use std::os::unix::fs::FileExt;
    let mut p = [0u8; 16];
    file.read_exact_at(&mut p, at)?;
    if p[..4] != MAGIC {
        return Ok(None);
    }
    let head_len = u32::from_le_bytes([p[4], p[5], p[6], p[7]]);
    let body_len = u64::from_le_bytes([p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15]]);
    let end = at
        .checked_add(PREFIX_LEN + SUFFIX_LEN + head_len as u64)
        .and_then(|e| e.checked_add(body_len));
    let end = match end {
        Some(e) if head_len <= HEAD_MAX && e <= len => e,
        _ => return Ok(None),
    };
    let mut head = vec![0u8; head_len as usize];
    file.read_exact_at(&mut head, at + PREFIX_LEN)?;
    let mut sum = Checksum::default();
    sum.update(&head);
    let body_at = at + PREFIX_LEN + head_len as u64;
    let mut body = None;
    if body_len <= keep_body {
        let mut b = vec![0u8; body_len as usize];
        file.read_exact_at(&mut b, body_at)?;
        sum.update(&b);
        body = Some(b);
    } else {
        let mut r = At {
            file,
            pos: body_at,
            end: body_at + body_len,
        };
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = r.read(&mut buf)?;
            if n == 0 {
                break;
            }
            sum.update(&buf[..n]);
        }
    }
    let mut crc = [0u8; 4];
    file.read_exact_at(&mut crc, end - SUFFIX_LEN)?;
    if crc != sum.finish(head_len, body_len) {
        return Ok(None);
    }
    Ok(Some((
        Found {
            at,
            head,
            body_at,
            body_len,
            body,
        },
        end,
    )))
}

/// A reader over the bytes `pos..end` of a pack file (held by reference or shared).
pub(crate) struct At<F> {
    pub(crate) file: F,
    pub(crate) pos: u64,
    pub(crate) end: u64,
}

impl<F: std::borrow::Borrow<std::fs::File>> Read for At<F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let n = ((self.end - self.pos) as usize).min(buf.len());
        if n == 0 {
            return Ok(0);
        }
        let got = self.file.borrow().read_at(&mut buf[..n], self.pos)?;
        if got == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "pack ends early",
            ));
        }
        self.pos += got as u64;
        Ok(got)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn entries_are_found_and_damage_is_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f");
        let a = encode(b"head-a", b"body a");
        let b = encode(b"head-b", &[7u8; 100]);
        let c = encode(b"head-c", b"");
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&a);
        bytes.extend_from_slice(&b);
        bytes.extend_from_slice(&c);
        bytes.extend_from_slice(&a[..10]); // an append cut short
        let b_at = a.len();
        bytes[b_at + 40] ^= 1; // damage inside b's body
        std::fs::File::create(&path)
            .unwrap()
            .write_all(&bytes)
            .unwrap();
        let f = std::fs::File::open(&path).unwrap();
        let mut heads = Vec::new();
        let skipped = scan(&f, bytes.len() as u64, 50, |e| {
            heads.push((String::from_utf8(e.head).unwrap(), e.body));
        })
        .unwrap();
        assert_eq!(
            heads,
            vec![
                ("head-a".to_string(), Some(b"body a".to_vec())),
                ("head-c".to_string(), Some(Vec::new())),
            ]
        );
        let spans: Vec<(u64, u64)> = skipped.iter().map(|s| (s.at, s.len)).collect();
        assert_eq!(
            spans,
            vec![
                (b_at as u64, b.len() as u64),
                ((a.len() + b.len() + c.len()) as u64, 10)
            ]
        );
    }
}
