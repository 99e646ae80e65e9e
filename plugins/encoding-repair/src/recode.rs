//! UTF-8 read through a single-byte code page, undone the way ftfy's `fix_encoding`
//! does it (ftfy 6.3.1, Apache-2.0; see data/ftfy/ORIGIN.md), one line at a time:
//!
//! while the line looks like mojibake (`plausible::is_bad`): if every character of it
//! has a byte in one of ftfy's code pages (tried in ftfy's order), turn it back into
//! those bytes — putting back a 0xA0 byte that became a space, and letting U+FFFD stand
//! for bytes that were lost — and decode them as UTF-8 (CESU-8 emoji included);
//! failing that, repair the mojibake sequences embedded in the line one by one; then
//! C1 control characters as windows-1252. Bounded to a few rounds (layered mojibake).

use std::sync::OnceLock;

use regex::bytes::Regex as BytesRegex;
use regex::Regex;

use crate::codepage::{decode_utf8_variants, FTFY_ORDER, LATIN_1, MAC_ROMAN, WINDOWS_1252};
use crate::mojibake::Tally;
use crate::plausible::is_bad;

/// How many times a line is re-decoded at most (ftfy: until nothing changes).
const MAX_ROUNDS: usize = 8;

fn altered_utf8() -> &'static BytesRegex {
    static RE: OnceLock<BytesRegex> = OnceLock::new();
    RE.get_or_init(|| {
        BytesRegex::new(
            r"(?-u)[\xc2\xc3\xc5\xce\xd0\xd9][ ]|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]|[\xf0][ ][\x80-\xbf][\x80-\xbf]|[\xf0][\x80-\xbf][ ][\x80-\xbf]|[\xf0][\x80-\xbf][\x80-\xbf][ ]",
        )
        .expect("altered UTF-8 expression")
    })
}

fn lossy_utf8() -> &'static BytesRegex {
    static RE: OnceLock<BytesRegex> = OnceLock::new();
    RE.get_or_init(|| {
        BytesRegex::new(
            r"(?-u)[\xc2-\xdf][\x1a]|[\xc2-\xc3][?]|\xed[\xa0-\xaf][\x1a?]\xed[\xb0-\xbf][\x1a?\x80-\xbf]|\xed[\xa0-\xaf][\x1a?\x80-\xbf]\xed[\xb0-\xbf][\x1a?]|[\xe0-\xef][\x1a?][\x1a\x80-\xbf]|[\xe0-\xef][\x1a\x80-\xbf][\x1a?]|[\xf0-\xf4][\x1a?][\x1a\x80-\xbf][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a?][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a\x80-\xbf][\x1a?]|\x1a",
        )
        .expect("lossy UTF-8 expression")
    })
}

fn utf8_detector() -> &'static (Regex, Regex) {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    RE.get_or_init(|| {
        (
            Regex::new(crate::tables::UTF8_DETECTOR).expect("ftfy's UTF-8 detector"),
            Regex::new(crate::tables::UTF8_CONTINUATION_STRICT).expect("continuation class"),
        )
    })
}

/// ftfy's `restore_byte_a0`: `Ã ` that swallowed the space of `à `, and spaces that
/// stand for 0xA0 inside sequences that would then be UTF-8.
fn restore_byte_a0(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 4);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xC3 && bytes.get(i + 1) == Some(&b' ') {
            let rest = &bytes[i + 2..];
            let keep = [&b" "[..], b"quele", b"quela", b"quilo", b"s "]
                .iter()
                .any(|w| rest.starts_with(w));
            if !keep {
                out.extend_from_slice(b"\xC3\xA0 ");
                i += 2;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    altered_utf8()
        .replace_all(&out, |c: &regex::bytes::Captures| {
            c[0].iter()
                .map(|&b| if b == b' ' { 0xA0 } else { b })
                .collect::<Vec<u8>>()
        })
        .into_owned()
}

/// The alphabet of a letter, among those mojibake mixes up.
fn alphabet(c: char) -> Option<u8> {
    Some(match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xB5 | 0xC0..=0x24F => 0,
        0x370..=0x3FF => 1,
        0x400..=0x52F => 2,
        0x5D0..=0x5EA => 3,
        0x620..=0x64A => 4,
        _ => return None,
    })
}

/// Whether a word of `text` mixes letters of two alphabets (Latin, Greek, Cyrillic,
/// Hebrew, Arabic).
pub fn mixed_script_words(text: &str) -> bool {
    let mut word: Option<u8> = None;
    for c in text.chars() {
        match alphabet(c) {
            Some(a) => match word {
                Some(w) if w != a => return true,
                _ => word = Some(a),
            },
            None if c.is_alphanumeric() => {}
            None => word = None,
        }
    }
    false
}

/// Whether `fixed` only drops `Â` before no-break spaces where it ends a word in
/// capitals (`MISUTÂ\u{a0}AJIKKO`): a letter there, not a byte of mojibake.
fn capital_a_circumflex_only(text: &str, fixed: &str) -> bool {
    text.contains("Â\u{a0}")
        && text.replace("Â\u{a0}", "\u{a0}") == fixed
        && text.match_indices("Â\u{a0}").all(|(i, _)| {
            text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_uppercase())
        })
}

/// One step of ftfy's `fix_encoding`; `None` when it changes nothing.
fn one_step(text: &str, tally: &mut Tally) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    // Beyond ftfy: words that mix alphabets (`PijamalД±`, `ambiguГ«`) are a sign too;
    // a decoding they alone call for must itself be plain (no such word, no badness).
    let bad = is_bad(text);
    if !bad && !mixed_script_words(text) {
        return None;
    }
    let mut latin1_possible = false;
    for cp in FTFY_ORDER {
        let Some(mut bytes) = cp.encode(text) else {
            continue;
        };
        latin1_possible |= std::ptr::eq(cp, &LATIN_1);
        let mut restored = false;
        if !std::ptr::eq(cp, &MAC_ROMAN) && altered_utf8().is_match(&bytes) {
            let r = restore_byte_a0(&bytes);
            restored = r != bytes;
            bytes = r;
        }
        if cp.sloppy {
            bytes = lossy_utf8()
                .replace_all(&bytes, &b"\xEF\xBF\xBD"[..])
                .into_owned();
        }
        if let Some(fixed) = decode_utf8_variants(&bytes) {
            if fixed == text || capital_a_circumflex_only(text, &fixed) {
                return None;
            }
            if !bad && (fixed.is_ascii() || is_bad(&fixed) || mixed_script_words(&fixed)) {
                continue;
            }
            tally.add(&format!("utf-8 read as {}", cp.name));
            if restored {
                tally.add("0xA0 bytes that became spaces");
            }
            return Some(fixed);
        }
    }
    if !bad {
        return None;
    }
    if let Some(fixed) = decode_inconsistent_utf8(text, tally) {
        return Some(fixed);
    }
    if latin1_possible {
        // Latin-1 characters that are not windows-1252 ones: C1 controls, meant as
        // windows-1252 (strictly: not when a byte windows-1252 leaves undefined is there).
        let bytes = LATIN_1.encode(text)?;
        if let Some(fixed) = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .filter(|_| {
                !bytes
                    .iter()
                    .any(|b| [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(b))
            })
        {
            if fixed != text {
                tally.add("latin-1 read as windows-1252");
                return Some(fixed.into_owned());
            }
        }
    }
    let c1 = fix_c1_controls(text)?;
    tally.add("C1 controls read as windows-1252");
    Some(c1)
}

/// C1 control characters that stand for windows-1252 characters, replaced by them
/// (the five bytes windows-1252 leaves undefined stay); `None` if nothing changes.
pub fn fix_c1_controls(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let any = memchr::memchr_iter(0xC2, b).any(|i| {
        b.get(i + 1).is_some_and(|&n| {
            (0x80..0xA0).contains(&n) && WINDOWS_1252.high[(n - 0x80) as usize] != n as char
        })
    });
    if !any {
        return None;
    }
    Some(
        text.chars()
            .map(|c| match c as u32 {
                0x80..=0x9F => WINDOWS_1252.high[(c as u32 - 0x80) as usize],
                _ => c,
            })
            .collect(),
    )
}

/// ftfy's `decode_inconsistent_utf8`: mojibake sequences inside other text, each
/// repaired on its own when it looks bad.
fn decode_inconsistent_utf8(text: &str, tally: &mut Tally) -> Option<String> {
    let (detector, strict) = utf8_detector();
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while let Some(m) = detector.find_at(text, pos) {
        // The look-behind: no strict continuation character right before.
        if let Some(prev) = text[..m.start()].chars().next_back() {
            let mut buf = [0; 4];
            if strict.is_match(prev.encode_utf8(&mut buf)) {
                pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
        }
        let sub = m.as_str();
        if sub.len() < text.len() && is_bad(sub) {
            if let Some(fixed) = fix_encoding(sub, tally) {
                out.push_str(&text[copied..m.start()]);
                out.push_str(&fixed);
                copied = m.end();
            }
        }
        pos = m.end().max(m.start() + 1);
        if m.end() == m.start() {
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        if pos > text.len() {
            break;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// ftfy's `fix_encoding` on one piece of text; `None` if it changes nothing.
pub fn fix_encoding(text: &str, tally: &mut Tally) -> Option<String> {
    let mut current: Option<String> = None;
    for _ in 0..MAX_ROUNDS {
        let t = current.as_deref().unwrap_or(text);
        match one_step(t, tally) {
            Some(next) if next != t => current = Some(next),
            _ => break,
        }
    }
    current.filter(|c| c != text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        fix_encoding(text, &mut Tally::default()).unwrap_or_else(|| text.to_string())
    }

    #[test]
    fn ftfy_examples() {
        assert_eq!(fixed("sÃ³"), "só");
        assert_eq!(fixed("voilÃ le travail"), "voilà le travail");
        assert_eq!(fixed("ÄŒeÅ¡tina"), "Čeština");
        assert_eq!(fixed("Hi guys í\u{a0}½í¸\u{8d}"), "Hi guys 😍");
        assert_eq!(
            fixed("The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows."),
            "The Mona Lisa doesn’t have eyebrows."
        );
        assert_eq!(
            fixed("#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡╨┐╨╕╤é╨░╨╜╨╕╨╡"),
            "#правильноепитание"
        );
        assert_eq!(
            fixed("â€œlossy decodingâ€\u{FFFD}"),
            "“lossy decoding\u{FFFD}"
        );
        assert_eq!(
            fixed("C'est vrai que nous n'en avons pas encore beaucoup parlé\u{85} Tu sais"),
            "C'est vrai que nous n'en avons pas encore beaucoup parlé… Tu sais"
        );
    }

    #[test]
    fn ftfy_negatives() {
        for text in [
            "4288×…",
            "NESTLÉ® requiere contratar personal",
            "I'm not such a fan of Charlotte Brontë…”",
            "SELKÄ\u{a0}EDELLÄ\u{a0}MAAHAN via @YouTube",
            "“数据要素×”",
            "These control characters \u{1a} are apparently intentional \u{81}",
            "MISUTÂ\u{a0}AJIKKO",
        ] {
            assert_eq!(fixed(text), text);
        }
    }
}
