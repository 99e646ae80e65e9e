//! Cyrillic text in a single-byte code page read as Latin-1 (or windows-1252): Russian
//! windows-1251 bytes shown as `Ïðèâåò, ìèð!` for `Привет, мир!`, KOI8-R's as `ðÒÉ×ÅÔ`.
//! Not UTF-8 mojibake, so ftfy leaves it; and its bytes are valid GBK too, which made
//! Han characters of some of its words (`ìèð` → `扈ð`) — this pass goes first.
//!
//! A word here is a run of Latin-1 letters of U+00C0–U+00FF (and `¨` `¸`, windows-1251's
//! `Ё` `ё`; `³` `²` `¿` `¯` `º` `ª`, its Ukrainian `і` `І` `ї` `Ї` `є` `Є`) with no ASCII
//! letter in it. Latin languages write no word of three letters or more out of accented
//! letters alone, so a line holding at least [`MIN_WORDS`] such words, which are at least
//! [`MIN_SHARE`] of its letters, is read again in the code page whose words look more like
//! Cyrillic words (a vowel in each, not begun by `ь` `ъ` `ы`), if all of them do.

use encoding_rs::{Encoding, KOI8_R, WINDOWS_1251};

use crate::codepage::WINDOWS_1252;
use crate::mojibake::Tally;

/// Words of three letters or more a line needs.
const MIN_WORDS: usize = 2;
/// The share of the line's letters in such words.
const MIN_SHARE: f64 = 0.6;

/// A character of a word ([`self`]): the byte it stands for.
fn word_byte(c: char) -> Option<u8> {
    match c {
        '\u{C0}'..='\u{FF}' => Some(c as u32 as u8),
        '¨' | '¸' | '³' | '²' | '¿' | '¯' | 'º' | 'ª' => Some(c as u32 as u8),
        _ => None,
    }
}

/// A word of the code page's reading looks Cyrillic: all letters Cyrillic, in lower
/// case, capitals or capitalized (the other code page's reading mixes them: `рТЙЧЕФ`),
/// a vowel in it, not begun by a soft or hard sign or `ы`.
fn cyrillic_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let rest_lower = chars.clone().all(char::is_lowercase);
    let rest_upper = chars.all(char::is_uppercase);
    let cased = rest_lower || (first.is_uppercase() && rest_upper);
    cased
        && w.chars().all(|c| ('\u{400}'..='\u{4FF}').contains(&c))
        && !matches!(lower(first), 'ь' | 'ъ' | 'ы')
        && w.chars().any(|c| "аеёиоуыэюяіїє".contains(lower(c)))
}

/// The line's words read in `enc`, if every word of three letters or more looks
/// Cyrillic; with how many vowels each word has on average, closer to natural text the
/// better (Russian: about 0.42 of the letters).
fn read_as(
    enc: &'static Encoding,
    words: &[(usize, usize, Vec<u8>)],
) -> Option<(Vec<String>, f64)> {
    let mut out = Vec::with_capacity(words.len());
    let (mut vowels, mut letters) = (0usize, 0usize);
    for (_, _, bytes) in words {
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return None;
        }
        let text = text.into_owned();
        if text.chars().count() >= 3 && !cyrillic_word(&text) {
            return None;
        }
        for c in text.chars() {
            letters += 1;
            let l = c.to_lowercase().next().unwrap_or(c);
            vowels += usize::from("аеёиоуыэюяіїє".contains(l));
        }
        out.push(text);
    }
    let share = vowels as f64 / letters.max(1) as f64;
    Some((out, (share - 0.42).abs()))
}

/// Repair one line; `None` if it does not hold this mix-up.
pub fn repair_line(line: &str, tally: &mut Tally) -> Option<String> {
    // The words, as byte ranges of the line and the bytes they stand for.
    let mut words: Vec<(usize, usize, Vec<u8>)> = Vec::new();
    let mut letters = 0usize;
    let mut cur: Option<(usize, Vec<u8>)> = None;
    let mut ascii_in_word = false;
    let close =
        |cur: &mut Option<(usize, Vec<u8>)>, end: usize, ascii: bool, words: &mut Vec<_>| {
            if let Some((start, bytes)) = cur.take() {
                if !ascii {
                    words.push((start, end, bytes));
                }
            }
        };
    for (i, c) in line.char_indices() {
        if let Some(b) = word_byte(c) {
            letters += 1;
            match cur.as_mut() {
                Some((_, bytes)) => bytes.push(b),
                None => cur = Some((i, vec![b])),
            }
        } else if c.is_alphabetic() {
            letters += 1;
            // An ASCII (or other) letter inside the word: a Latin word with accents.
            if cur.is_some() {
                ascii_in_word = true;
            }
        } else {
            close(&mut cur, i, ascii_in_word, &mut words);
            ascii_in_word = false;
        }
    }
    close(&mut cur, line.len(), ascii_in_word, &mut words);
    // UTF-8 read as windows-1252 (`Ð¿Ñ€Ð¸`) is ftfy's to repair: words whose bytes are
    // mostly UTF-8 sequences are not this.
    // (The whole line's bytes are looked at: Hebrew's `×“×’` is words of one letter.)
    let bytes: Vec<u8> = line
        .chars()
        .map(|c| match c as u32 {
            0..=0x7F | 0xA0..=0xFF => c as u32 as u8,
            _ => WINDOWS_1252.byte(c).unwrap_or(b' '),
        })
        .collect();
    let (inside, high) = crate::cjk::utf8_share(&bytes);
    if inside * 2 > high {
        return None;
    }
    let long = words.iter().filter(|w| w.2.len() >= 3).count();
    let in_words: usize = words.iter().map(|w| w.2.len()).sum();
    if long < MIN_WORDS || (in_words as f64) < MIN_SHARE * letters as f64 {
        return None;
    }
    // Hebrew in windows-1255 is bytes 0xE0–0xFA alone, which windows-1251 reads as
    // lower-case Cyrillic with vowels (`ùìåí` → `щмен` for `שלום`): a line whose words
    // hold nothing else — no capital, none of `ы ь э ю я` (0xFB–0xFF) — is left as it is.
    let hebrew_bytes = words
        .iter()
        .all(|w| w.2.iter().all(|b| (0xE0..=0xFA).contains(b)));
    if hebrew_bytes {
        return None;
    }
    let (enc, read) = [WINDOWS_1251, KOI8_R]
        .into_iter()
        .filter_map(|enc| read_as(enc, &words).map(|(r, off)| (enc, r, off)))
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(enc, r, _)| (enc, r))?;
    let mut out = String::with_capacity(line.len() + 8);
    let mut copied = 0;
    for ((start, end, _), text) in words.iter().zip(&read) {
        out.push_str(&line[copied..*start]);
        out.push_str(text);
        copied = *end;
    }
    out.push_str(&line[copied..]);
    tally.add_n(
        &format!("{} read as latin-1", enc.name().to_ascii_lowercase()),
        words.len(),
    );
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> Option<String> {
        repair_line(s, &mut Tally::default())
    }

    #[test]
    fn windows_1251_and_koi8_r_read_as_latin_1_are_cyrillic_again() {
        assert_eq!(
            fix("Ïðèâåò, ìèð! Êàê äåëà?").as_deref(),
            Some("Привет, мир! Как дела?")
        );
        assert_eq!(
            fix("ðÒÉ×ÅÔ, ÍÉÒ! ëÁË ÄÅÌÁ?").as_deref(),
            Some("Привет, мир! Как дела?")
        );
        // Ukrainian, with `і` and `ї` (windows-1251's 0xB3, 0xBF).
        assert_eq!(
            fix("Ïðèâ³ò, ÿê ñïðàâè ó Êèºâ³?").as_deref(),
            Some("Привіт, як справи у Києві?")
        );
        // Digits and ASCII around the words stay.
        assert_eq!(fix("2023 ãîä: Windows 11").as_deref(), None);
        assert_eq!(
            fix("Â 2023 ãîäó ïðîäàæè âûðîñëè íà 15%").as_deref(),
            Some("В 2023 году продажи выросли на 15%")
        );
    }

    #[test]
    fn latin_text_with_accents_stays() {
        for s in [
            "Café naïve — résumé, déjà vu.",
            "SÃO PAULO é a maior cidade do país",
            "Zażółć gęślą jaźń.",
            "Ça coûte à peu près où ça",
            "ÉTÉ À PARIS",
            "Ölüdeniz, Muğla — Türkiye",
            "Þórður Guðjónsson",
            // Hebrew in windows-1255 read as Latin-1 (`שלום עולם, מה שלומך היום?`).
            "ùìåí òåìí, îä ùìåîê äéåí?",
            // UTF-8 read as windows-1252: ftfy's.
            "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€ Ð¸ Ð´Ñ€ÑƒÐ³Ð¸Ðµ ÑÐ»Ð¾Ð²Ð°",
        ] {
            assert_eq!(fix(s), None, "{s}");
        }
    }
}
