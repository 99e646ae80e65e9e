//! One pass over the bytes that tells which repair steps could change anything, so
//! clean text (the common case) costs a single scan.

pub const CONTROLS: u8 = 1;
/// A character of U+0080–U+07FF, `√` or `≈` (every kind of mojibake holds one).
pub const LATIN1: u8 = 2;
/// A character outside the ranges that are always NFC, or a CJK radical.
pub const NFC: u8 = 4;
pub const AMPERSAND: u8 = 8;
pub const PAREN: u8 = 16;
/// ASCII `, : ; ! ? (`.
pub const PUNCT: u8 = 32;
/// U+FFFD or 锟.
pub const LOSSY: u8 = 64;
/// Lead bytes whose next bytes decide (internal).
const SECOND: u8 = 128;

/// The flags of everything `b` (UTF-8) holds.
pub fn scan(b: &[u8]) -> u8 {
    // One pass for the classes a single byte decides, written as comparisons so the
    // compiler vectorises it.
    let (mut ctrl, mut latin, mut nfc, mut amp, mut paren, mut punct, mut second) =
        (false, false, false, false, false, false, false);
    for &x in b {
        ctrl |= (x < 0x20 && x != b'\n' && x != b'\t') | (x == 0x7F);
        latin |= (0xC2..=0xDF).contains(&x);
        nfc |= (0xCC..=0xDF).contains(&x)
            | (x == 0xE1)
            | (0xEA..=0xED).contains(&x)
            | (0xF0..=0xF4).contains(&x);
        amp |= x == b'&';
        paren |= x == b'(';
        punct |= (x == b',') | (x == b':') | (x == b';') | (x == b'!') | (x == b'?') | (x == b'(');
        second |= (x == 0xC2) | (x == 0xE2) | (x == 0xE9) | (x == 0xEF);
    }
    let mut flags = (ctrl as u8 * CONTROLS)
        | (latin as u8 * LATIN1)
        | (nfc as u8 * NFC)
        | (amp as u8 * AMPERSAND)
        | (paren as u8 * PAREN)
        | (punct as u8 * PUNCT)
        | (second as u8 * SECOND);
    if flags & SECOND == 0 {
        return flags;
    }
    flags &= !SECOND;
    // Then the lead bytes whose next bytes decide, found with memchr.
    for i in memchr::memchr3_iter(0xC2, 0xE2, 0xE9, b) {
        let next = b.get(i + 1).copied().unwrap_or(0);
        flags |= match b[i] {
            0xC2 if next < 0xA0 => CONTROLS,
            // Combining marks for symbols; Kangxi and supplementary CJK radicals
            // (U+2E80–U+2FDF), which `radicals` maps.
            0xE2 if next == 0x83 || (0xBA..=0xBF).contains(&next) => NFC,
            // MacRoman mojibake: `√` (U+221A), `≈` (U+2248).
            0xE2 if (next == 0x88 && b.get(i + 2) == Some(&0x9A))
                || (next == 0x89 && b.get(i + 2) == Some(&0x88)) =>
            {
                LATIN1
            }
            0xE9 if next == 0x94 && b.get(i + 2) == Some(&0x9F) => LOSSY,
            _ => 0,
        };
    }
    for i in memchr::memchr_iter(0xEF, b) {
        let next = b.get(i + 1).copied().unwrap_or(0);
        let next2 = b.get(i + 2).copied().unwrap_or(0);
        flags |= match (next, next2) {
            (0xA4..=0xAB, _) => NFC,
            (0xBC, 0x88) => PAREN,
            (0xBF, 0xBD) => LOSSY,
            _ => 0,
        };
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        assert_eq!(scan("中文，正常。“引号”".as_bytes()), 0);
        assert_eq!(scan(b"a\r\n"), CONTROLS);
        assert_eq!(scan("\u{85}".as_bytes()), LATIN1 | CONTROLS);
        assert_eq!(scan("é".as_bytes()), LATIN1);
        assert_eq!(scan("e\u{301}".as_bytes()), NFC | LATIN1);
        assert_eq!(scan("д".as_bytes()), NFC | LATIN1);
        assert_eq!(scan("\u{F900}".as_bytes()), NFC, "U+F900");
        assert_eq!(scan("（".as_bytes()), PAREN);
        assert_eq!(scan("a,b".as_bytes()), PUNCT);
        assert_eq!(scan("(".as_bytes()), PAREN | PUNCT);
        assert_eq!(scan("\u{FFFD}".as_bytes()), LOSSY);
        assert_eq!(scan("锟".as_bytes()), LOSSY);
        assert_eq!(scan(b"&amp"), AMPERSAND);
    }
}
