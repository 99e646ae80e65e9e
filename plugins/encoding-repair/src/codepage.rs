//! Single-byte code pages: the bytes a character stood for when UTF-8 (or GBK, Big5)
//! was decoded with the wrong one. Tables in `tables.rs` (generated from Python's codec
//! tables); "sloppy" code pages, as in ftfy, pass undefined bytes through as the Latin-1
//! character of the same number and let byte 0x1A stand for U+FFFD.

use std::sync::OnceLock;

pub use crate::tables::{
    CP437, CP855, CP866, ISO_8859_2, KOI8_R, KOI8_U, KZ_1048, LATIN_1, MAC_ROMAN, PTCP154,
    WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1253, WINDOWS_1254, WINDOWS_1255,
    WINDOWS_1256, WINDOWS_1257,
};

/// A code page: what bytes 0x80–0xFF decode to (`'\0'` where nothing).
pub struct CodePage {
    pub name: &'static str,
    /// Its place in `ALL`.
    pub index: usize,
    pub sloppy: bool,
    pub high: [char; 128],
}

/// The code pages ftfy tries, in its order.
pub static FTFY_ORDER: [&CodePage; 10] = [
    &LATIN_1,
    &WINDOWS_1252,
    &WINDOWS_1251,
    &WINDOWS_1250,
    &WINDOWS_1253,
    &WINDOWS_1254,
    &WINDOWS_1257,
    &ISO_8859_2,
    &MAC_ROMAN,
    &CP437,
];

/// Every code page, for runs of mojibake inside other text.
pub static ALL: [&CodePage; 18] = [
    &LATIN_1,
    &WINDOWS_1252,
    &WINDOWS_1251,
    &WINDOWS_1250,
    &WINDOWS_1253,
    &WINDOWS_1254,
    &WINDOWS_1257,
    &ISO_8859_2,
    &MAC_ROMAN,
    &CP437,
    &WINDOWS_1256,
    &WINDOWS_1255,
    &KOI8_R,
    &KOI8_U,
    &CP866,
    &PTCP154,
    &KZ_1048,
    &CP855,
];

/// For the characters code pages map bytes to, the byte in each code page of `ALL` (0:
/// none): U+0080–U+06FF and U+2000–U+25FF directly, the few others apart.
struct ByteRows {
    low: Vec<Row>,
    punct: Vec<Row>,
    other: Vec<(char, Row)>,
}

/// The bytes one character stands for in each code page of `ALL` (0: none), and which
/// code pages make it a UTF-8 lead byte (bit `k` for `ALL[k]`): of any sequence, and of
/// a sequence for U+3000–U+9FFF or a full-width form (0xE3–0xE9, 0xEF); and which make it
/// a continuation byte.
#[derive(Clone, Copy, Default)]
pub struct Row {
    pub bytes: [u8; 18],
    pub lead: u32,
    pub cjk_lead: u32,
    /// Code pages that make it a continuation byte (0x80–0xBF).
    pub continuation: u32,
}

impl Row {
    fn set(&mut self, k: usize, b: u8) {
        self.bytes[k] = b;
        if b >= 0xC2 {
            self.lead |= 1 << k;
        }
        if matches!(b, 0xE3..=0xE9 | 0xEF) {
            self.cjk_lead |= 1 << k;
        }
        if (0x80..0xC0).contains(&b) {
            self.continuation |= 1 << k;
        }
    }
}

const LOW: std::ops::Range<u32> = 0x80..0x700;
const PUNCT: std::ops::Range<u32> = 0x2000..0x2600;

fn byte_rows() -> &'static ByteRows {
    static ROWS: OnceLock<ByteRows> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows = ByteRows {
            low: vec![Row::default(); LOW.len()],
            punct: vec![Row::default(); PUNCT.len()],
            other: Vec::new(),
        };
        for (k, cp) in ALL.iter().enumerate() {
            for (i, &c) in cp.high.iter().enumerate() {
                if c == '\0' {
                    continue;
                }
                let b = 0x80 + i as u8;
                let u = c as u32;
                if LOW.contains(&u) {
                    rows.low[(u - LOW.start) as usize].set(k, b);
                } else if PUNCT.contains(&u) {
                    rows.punct[(u - PUNCT.start) as usize].set(k, b);
                } else {
                    match rows.other.iter_mut().find(|(o, _)| *o == c) {
                        Some((_, row)) => row.set(k, b),
                        None => {
                            let mut row = Row::default();
                            row.set(k, b);
                            rows.other.push((c, row));
                        }
                    }
                }
            }
        }
        rows
    })
}

/// The byte `c` stands for in text read as Latin-1 or windows-1252 (C1 controls
/// included): ASCII and U+00A0–U+00FF themselves, windows-1252's `€`…`Ÿ` their bytes;
/// `None` for any other character.
#[inline]
pub fn latin1_byte(c: char) -> Option<u8> {
    match c as u32 {
        0..=0x7F | 0xA0..=0xFF => Some(c as u32 as u8),
        _ => WINDOWS_1252.byte(c),
    }
}

/// The bytes `c` stands for in each code page of `ALL`, for characters beyond ASCII;
/// `None` when it stands for none anywhere.
#[inline]
pub fn bytes_of(c: char) -> Option<&'static Row> {
    let u = c as u32;
    let rows = byte_rows();
    if LOW.contains(&u) {
        Some(&rows.low[(u - LOW.start) as usize])
    } else if PUNCT.contains(&u) {
        Some(&rows.punct[(u - PUNCT.start) as usize])
    } else if u < 0x2000 {
        None
    } else {
        rows.other.iter().find(|(o, _)| *o == c).map(|(_, r)| r)
    }
}

impl CodePage {
    /// The byte `c` stands for in this code page, if any. ASCII stands for itself but
    /// for byte 0x1A in sloppy code pages, which stands for U+FFFD.
    #[inline]
    pub fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return (!(self.sloppy && c == '\x1a')).then_some(c as u8);
        }
        if self.sloppy && c == '\u{FFFD}' {
            return Some(0x1A);
        }
        match bytes_of(c)?.bytes[self.index] {
            0 => None,
            b => Some(b),
        }
    }
    /// Whether `c` is a character of this code page's upper half.
    #[inline]
    pub fn is_high(&self, c: char) -> bool {
        !c.is_ascii() && self.byte(c).is_some()
    }

    /// `text` as this code page's bytes, if every character has one.
    pub fn encode(&self, text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            out.push(self.byte(c)?);
        }
        Some(out)
    }

    /// The character byte `b` decodes to (`None` where the code page defines none).
    pub fn decode_byte(&self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(if self.sloppy && b == 0x1A {
                '\u{FFFD}'
            } else {
                b as char
            });
        }
        let c = self.high[(b - 0x80) as usize];
        (c != '\0').then_some(c)
    }
}

/// Decode UTF-8 as ftfy's `utf-8-variants` does: strict UTF-8, plus CESU-8 surrogate
/// pairs (emoji encoded as two three-byte surrogates) and Java's `C0 80` for U+0000.
pub fn decode_utf8_variants(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match std::str::from_utf8(&bytes[i..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[i..i + good]).ok()?);
                i += good;
                let b = &bytes[i..];
                if b.len() >= 2 && b[0] == 0xC0 && b[1] == 0x80 {
                    out.push('\0');
                    i += 2;
                } else if b.len() >= 6
                    && b[0] == 0xED
                    && (0xA0..=0xAF).contains(&b[1])
                    && (0x80..=0xBF).contains(&b[2])
                    && b[3] == 0xED
                    && (0xB0..=0xBF).contains(&b[4])
                    && (0x80..=0xBF).contains(&b[5])
                {
                    let hi = 0xD000 | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F);
                    let lo = 0xD000 | ((b[4] as u32 & 0x3F) << 6) | (b[5] as u32 & 0x3F);
                    let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    out.push(char::from_u32(cp)?);
                    i += 6;
                } else {
                    return None;
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for cp in ALL {
            for b in 0x80..=0xFFu8 {
                if let Some(c) = cp.decode_byte(b) {
                    assert_eq!(cp.byte(c), Some(b), "{} {b:#x}", cp.name);
                }
            }
        }
        assert_eq!(WINDOWS_1252.byte('\u{FFFD}'), Some(0x1A));
        assert_eq!(WINDOWS_1252.byte('\u{81}'), Some(0x81));
        assert_eq!(LATIN_1.byte('\u{FFFD}'), None);
        assert_eq!(PTCP154.encode("дёӯ"), Some(vec![0xE4, 0xB8, 0xAD]));
        assert_eq!(CP866.encode("ф╕н"), Some(vec![0xE4, 0xB8, 0xAD]));
    }

    #[test]
    fn tables_agree_with_encoding_rs() {
        for (cp, enc) in [
            (&WINDOWS_1250, encoding_rs::WINDOWS_1250),
            (&WINDOWS_1251, encoding_rs::WINDOWS_1251),
            (&WINDOWS_1252, encoding_rs::WINDOWS_1252),
            (&WINDOWS_1253, encoding_rs::WINDOWS_1253),
            (&WINDOWS_1254, encoding_rs::WINDOWS_1254),
            (&WINDOWS_1255, encoding_rs::WINDOWS_1255),
            (&WINDOWS_1256, encoding_rs::WINDOWS_1256),
            (&WINDOWS_1257, encoding_rs::WINDOWS_1257),
            (&ISO_8859_2, encoding_rs::ISO_8859_2),
            (&MAC_ROMAN, encoding_rs::MACINTOSH),
            (&KOI8_R, encoding_rs::KOI8_R),
            (&KOI8_U, encoding_rs::KOI8_U),
            (&CP866, encoding_rs::IBM866),
        ] {
            for b in 0x80..=0xFFu8 {
                let theirs = enc.decode_without_bom_handling(&[b]).0.chars().next();
                let ours = cp.decode_byte(b);
                // Where Python's table has nothing, a sloppy code page passes Latin-1.
                let filled = cp.sloppy && ours == Some(b as char);
                if theirs != Some('\u{FFFD}') && ours.is_some() && !filled {
                    assert_eq!(ours, theirs, "{} {b:#x}", cp.name);
                }
            }
        }
    }

    #[test]
    fn cesu8_and_java_null() {
        assert_eq!(
            decode_utf8_variants(b"a\xed\xa0\xbd\xed\xb8\x8d\xc0\x80").as_deref(),
            Some("a\u{1F60D}\0")
        );
        assert_eq!(decode_utf8_variants(b"\xe4\xb8"), None);
    }
}
