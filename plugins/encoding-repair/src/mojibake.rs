//! Undoing mojibake: text whose bytes were decoded with the wrong charset.
//!
//! Damaged text shows up as runs of characters from Latin-1 / windows-1252 (`Ã©`,
//! `ä¸­`, `ÖÐ¹ú`). Each such run is turned back into the bytes it came from (Latin-1
//! and windows-1252, including the five bytes windows-1252 leaves undefined, which
//! decoders pass through as U+0081, U+008D, U+008F, U+0090, U+009D) and decoded again:
//! - as UTF-8, sequence by sequence (so a run that is only partly damaged is repaired
//!   where it is damaged), accepting only complete sequences that decode to assigned,
//!   non-control characters;
//! - failing that, as GBK or Big5, accepted only when the run is at least two
//!   double-byte characters long, covers the whole damaged run (trail bytes may be
//!   ASCII letters), does not touch a Latin letter or digit, and decodes
//!   entirely to common characters (GB2312 hanzi and punctuation, Big5 level-1 hanzi
//!   and punctuation), and the run holds a Latin-1 letter and is not one character
//!   repeated (`······` is punctuation). When both fit, the one with more common hanzi wins (GBK on ties).
//!
//! The measure: a repair replaces characters that have no business in the text (Latin-1
//! letters and symbols in runs, C1 controls) with characters that do, and is refused
//! when what it would produce is itself unusual — so legitimate Latin-1 text (`café`,
//! `Größe`) is never touched: its characters do not form valid sequences, or touch
//! Latin letters.

/// The byte a character stands for when bytes were decoded as Latin-1 or windows-1252.
pub fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    Some(match u {
        0x20AC => 0x80,
        0x201A => 0x82,
        0x0192 => 0x83,
        0x201E => 0x84,
        0x2026 => 0x85,
        0x2020 => 0x86,
        0x2021 => 0x87,
        0x02C6 => 0x88,
        0x2030 => 0x89,
        0x0160 => 0x8A,
        0x2039 => 0x8B,
        0x0152 => 0x8C,
        0x017D => 0x8E,
        0x2018 => 0x91,
        0x2019 => 0x92,
        0x201C => 0x93,
        0x201D => 0x94,
        0x2022 => 0x95,
        0x2013 => 0x96,
        0x2014 => 0x97,
        0x02DC => 0x98,
        0x2122 => 0x99,
        0x0161 => 0x9A,
        0x203A => 0x9B,
        0x0153 => 0x9C,
        0x017E => 0x9E,
        0x0178 => 0x9F,
        _ => return None,
    })
}

/// The byte of an ASCII character or of a Latin-1 / windows-1252 character.
fn char_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        Some(c as u8)
    } else {
        byte_of(c)
    }
}

/// Whether `text` may hold mojibake (a cheap pre-check: two adjacent Latin-1-range
/// characters).
pub fn suspect(text: &str) -> bool {
    // Every damaged run holds a character of U+0080–U+00FF (UTF-8 lead 0xC2 or 0xC3)
    // next to another character that stands for a byte.
    let mapped = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && byte_of(c).is_some());
    memchr::memchr2_iter(0xC2, 0xC3, text.as_bytes()).any(|i| {
        let c = text[i..].chars().next();
        let before = text[..i].chars().next_back();
        let after = c.and_then(|c| text[i + c.len_utf8()..].chars().next());
        mapped(before) || mapped(after)
    })
}

fn acceptable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || (0xE000..=0xF8FF).contains(&u)
        || u == 0xFFFD
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE)
}

/// The whole run as UTF-8, if it is valid and acceptable.
fn whole_utf8(bytes: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(bytes).ok()?;
    s.chars().all(acceptable).then(|| s.to_string())
}

/// Decode `bytes` as UTF-8 where complete, acceptable sequences of three or four bytes
/// start (characters beyond Latin, Greek and Cyrillic: a two-byte sequence inside other
/// damage is too often a coincidence); elsewhere keep the original characters. `None`
/// if nothing was decoded.
fn partial_utf8(run: &[char], bytes: &[u8]) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    let mut fixed = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let need = match b {
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        if need > 0 && i + need <= bytes.len() {
            if let Ok(s) = std::str::from_utf8(&bytes[i..i + need]) {
                if s.chars().all(acceptable) {
                    out.push_str(s);
                    i += need;
                    fixed += 1;
                    continue;
                }
            }
        }
        out.push(run[i]);
        i += 1;
    }
    (fixed > 0).then_some(out)
}

/// Decode double-byte `bytes` as GBK or Big5 when every pair is a common character:
/// GB2312 hanzi and punctuation (both bytes ≥ 0xA1) for GBK, level-1 hanzi and
/// punctuation (lead 0xA1–0xC6) for Big5. When both fit, more common hanzi wins
/// (GB2312 level 1: lead 0xB0–0xD7; Big5 level 1: lead 0xA4–0xC6), GBK on ties.
fn repair_double_byte(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = || bytes.chunks_exact(2);
    let gbk_common = pairs().all(|p| p[0] >= 0xA1 && p[0] <= 0xF7 && p[1] >= 0xA1 && p[1] <= 0xFE);
    let big5_common = pairs().all(|p| (0xA1..=0xC6).contains(&p[0]));
    let decode = |enc: &'static encoding_rs::Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .filter(|s| s.chars().count() * 2 == bytes.len())
            .map(|s| s.into_owned())
    };
    let gbk = if gbk_common {
        decode(encoding_rs::GBK)
    } else {
        None
    };
    let big5 = if big5_common {
        decode(encoding_rs::BIG5)
    } else {
        None
    };
    match (gbk, big5) {
        (Some(g), Some(b)) => {
            let gl = pairs().filter(|p| (0xB0..=0xD7).contains(&p[0])).count();
            let bl = pairs().filter(|p| (0xA4..=0xC6).contains(&p[0])).count();
            Some(if bl > gl { b } else { g })
        }
        (g, b) => g.or(b),
    }
}

/// Repair the mojibake in `text`; `None` if there is none to repair.
pub fn repair(text: &str) -> Option<String> {
    if !suspect(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut done = 0;
    // Every repairable run starts with a character of U+0080–U+00FF.
    for pos in memchr::memchr2_iter(0xC2, 0xC3, text.as_bytes()) {
        if pos < done {
            continue;
        }
        if let Some((len, fixed)) = repair_run(text, pos) {
            out.push_str(&text[copied..pos]);
            out.push_str(&fixed);
            copied = pos + len;
            done = copied;
        } else {
            // Skip the rest of this run of mapped characters.
            done = pos
                + text[pos..]
                    .chars()
                    .take_while(|c| !c.is_ascii() && byte_of(*c).is_some())
                    .map(char::len_utf8)
                    .sum::<usize>();
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Try to repair the damaged run starting at byte `start`: (bytes of text consumed,
/// repaired text).
fn repair_run(text: &str, start: usize) -> Option<(usize, String)> {
    // The run: non-ASCII characters that stand for bytes.
    let mut bytes = Vec::new();
    let mut run_end = start;
    for (i, c) in text[start..].char_indices() {
        match byte_of(c).filter(|_| !c.is_ascii()) {
            Some(b) => {
                bytes.push(b);
                run_end = start + i + c.len_utf8();
            }
            None => break,
        }
    }
    let touches_alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if bytes.len() >= 2 {
        if let Some(f) = whole_utf8(&bytes) {
            return Some((run_end - start, f));
        }
    }
    // Double-byte: lead bytes are ≥ 0x81, trail bytes may be ASCII (0x40–0x7E). The
    // pairs must account for every damaged character of the run, hold a Latin-1 letter
    // (a run of symbols such as `······` is punctuation), not be one character repeated,
    // and not touch a Latin letter or digit.
    let mut pair_bytes = Vec::with_capacity(bytes.len() + 8);
    let mut it = text[start..].chars();
    let mut end = start;
    let (mut letters, mut repeated, mut first) = (false, true, None);
    while let (Some(lead), Some(trail)) = (it.next(), it.next()) {
        let (Some(l), Some(t)) = (byte_of(lead), char_byte(trail)) else {
            break;
        };
        if lead.is_ascii() || l < 0x81 || !(0x40..=0xFE).contains(&t) || t == 0x7F {
            break;
        }
        pair_bytes.extend([l, t]);
        end += lead.len_utf8() + trail.len_utf8();
        for c in [lead, trail] {
            letters |= matches!(c as u32, 0xC0..=0xFF) && c != '×' && c != '÷';
            repeated &= *first.get_or_insert(c) == c;
        }
    }
    let isolated = !touches_alnum(text[..start].chars().next_back())
        && !touches_alnum(text[end..].chars().next());
    if isolated && end >= run_end && letters && !repeated {
        if let Some(f) = repair_double_byte(&pair_bytes) {
            return Some((end - start, f));
        }
    }
    if bytes.len() >= 2 {
        let chars: Vec<char> = text[start..run_end].chars().collect();
        if let Some(f) = partial_utf8(&chars, &bytes) {
            return Some((run_end - start, f));
        }
    }
    None
}

/// Signs of damage that cannot be undone: `锟斤拷` (U+FFFD bytes read as GBK) and
/// runs of U+FFFD. Returns a description, or `None`.
pub fn lossy_damage(text: &str) -> Option<String> {
    if !text.contains('\u{FFFD}') && !text.contains('锟') {
        return None;
    }
    let kunkun = text.matches("锟斤拷").count();
    let mut runs = 0;
    let mut prev = false;
    for c in text.chars() {
        let r = c == '\u{FFFD}';
        if r && !prev {
            runs += 1;
        }
        prev = r;
    }
    match (kunkun, runs) {
        (0, 0) => None,
        (k, 0) => Some(format!(
            "{k}× 锟斤拷 (bytes lost to a replacement character, then read as GBK)"
        )),
        (0, r) => Some(format!("{r} run(s) of U+FFFD replacement characters")),
        (k, r) => Some(format!(
            "{k}× 锟斤拷 and {r} run(s) of U+FFFD replacement characters"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_latin1(s: &str) -> String {
        s.as_bytes().iter().map(|&b| b as char).collect()
    }

    fn as_cp1252(s: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(s.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn utf8_read_as_latin1_or_cp1252_is_undone() {
        for text in [
            "中国西藏网 即时新闻",
            "café déjà vu",
            "“引号” — 破折号…",
            "中文（括号）、顿号",
        ] {
            assert_eq!(
                repair(&as_latin1(text)).as_deref(),
                Some(text),
                "latin-1 {text}"
            );
            assert_eq!(
                repair(&as_cp1252(text)).as_deref(),
                Some(text),
                "cp1252 {text}"
            );
        }
    }

    #[test]
    fn partial_damage_is_repaired_in_place() {
        let damaged = format!("正常的文字，然后 {} 再正常。", as_cp1252("损坏的部分"));
        assert_eq!(
            repair(&damaged).as_deref(),
            Some("正常的文字，然后 损坏的部分 再正常。")
        );
    }

    #[test]
    fn gbk_and_big5_read_as_latin1_are_undone() {
        assert_eq!(repair("ÖÐ¹ú").as_deref(), Some("中国"));
        let (gbk, _, _) = encoding_rs::GBK.encode("新闻报道");
        let s: String = gbk.iter().map(|&b| b as char).collect();
        assert_eq!(
            repair(&format!("标题：{s}")).as_deref(),
            Some("标题：新闻报道")
        );
        let (big5, _, _) = encoding_rs::BIG5.encode("香港新聞");
        let s: String = big5.iter().map(|&b| b as char).collect();
        assert_eq!(repair(&s).as_deref(), Some("香港新聞"));
    }

    #[test]
    fn legitimate_text_is_left_alone() {
        for text in [
            "受傷······」語畢",
            "café",
            "Größe und Maße",
            "naïve façade",
            "“中文”……——",
            "Ça va? Ñandú",
            "ÀÉÎÕÜ",
            "50 µm ± 2 °C",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }

    #[test]
    fn lossy_damage_is_flagged_not_repaired() {
        assert!(lossy_damage("锟斤拷锟斤拷")
            .unwrap()
            .starts_with("2× 锟斤拷"));
        assert_eq!(
            lossy_damage("ab\u{FFFD}\u{FFFD}c\u{FFFD}").as_deref(),
            Some("2 run(s) of U+FFFD replacement characters")
        );
        assert_eq!(lossy_damage("clean"), None);
        assert_eq!(repair("锟斤拷"), None);
    }
}
