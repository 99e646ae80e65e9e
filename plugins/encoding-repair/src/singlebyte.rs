//! Text in a single-byte legacy code page read as Latin-1 (or windows-1252): Russian
//! windows-1251 bytes shown as `Ïðèâåò, ìèð!` for `Привет, мир!`, KOI8-R's as `ðÒÉ×ÅÔ`,
//! Greek windows-1253 as `ÃåéÜ óïõ` for `Γειά σου`, Hebrew windows-1255 as `ùìåí` for
//! `שלום`, Arabic windows-1256 as `ãÑÍÈÇ` for `مرحبا`. Not UTF-8 mojibake, so ftfy
//! leaves it; and its bytes are valid GBK too, which made Han characters of some of its
//! words (`ìèð` → `扈ð`) — this pass goes first.
//!
//! A word here is a run of Latin-1 letters of U+00C0–U+00FF (and the symbols that stand
//! for letters in these code pages: `¨` `¸` `³` `²` `¿` `¯` `º` `ª` `¢` `¹` `¼` `¾` `¶`,
//! windows-1251's `Ё` `ё` and Ukrainian `і` `ї` `є`, windows-1253's capitals with an
//! accent) with no ASCII letter in it. Latin languages write no word of three letters or
//! more out of accented letters alone, so a line holding at least [`MIN_WORDS`] such
//! words, which are at least [`MIN_SHARE`] of its letters, is read again in the code page
//! whose reading makes every such word a word of its script ([`Script::word`]), and whose
//! share of vowels is nearest that script's natural text, if any page does.

use encoding_rs::{
    Encoding, ISO_8859_7, KOI8_R, WINDOWS_1251, WINDOWS_1253, WINDOWS_1255, WINDOWS_1256,
};

use crate::codepage::latin1_byte;
use crate::mojibake::Tally;

/// Words of three letters or more a line needs.
const MIN_WORDS: usize = 2;
/// The share of the line's letters in such words.
const MIN_SHARE: f64 = 0.6;

/// A character of a word ([`self`]): the byte it stands for.
fn word_byte(c: char) -> Option<u8> {
    match c {
        '\u{C0}'..='\u{FF}' => Some(c as u32 as u8),
        '¨' | '¸' | '³' | '²' | '¿' | '¯' | 'º' | 'ª' | '¢' | '¹' | '¼' | '¾' | '¶' => {
            Some(c as u32 as u8)
        }
        _ => None,
    }
}

/// The scripts of the code pages tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Greek,
    Hebrew,
    Arabic,
}

/// The code pages tried, with their script.
fn pages() -> [(&'static Encoding, Script); 6] {
    [
        (WINDOWS_1251, Script::Cyrillic),
        (KOI8_R, Script::Cyrillic),
        (WINDOWS_1253, Script::Greek),
        (ISO_8859_7, Script::Greek),
        (WINDOWS_1255, Script::Hebrew),
        (WINDOWS_1256, Script::Arabic),
    ]
}

/// Greek capitals and small letters with an accent (tonos), each word has one at most.
const GREEK_TONOS: &str = "άέήίόύώΆΈΉΊΌΎΏ";
/// Hebrew's final forms (ך ם ן ף ץ), written only at a word's end, and the forms of the
/// same letters written anywhere else (כ מ נ פ צ).
const HEBREW_FINAL: &str = "ךםןףץ";
const HEBREW_NONFINAL: &str = "כמנפצ";
/// Arabic's most common letters written with bytes 0xE1–0xED in windows-1256 (ل م ن ه و ى ي),
/// most of which that page gives Latin letters to instead (`à` `â` `ç` `è`…).
const ARABIC_COMMON: &str = "لمنهوىي";

impl Script {
    /// Its vowels (for Hebrew and Arabic, the letters that write vowels), and their
    /// share of the letters of natural text.
    fn vowels(self) -> (&'static str, f64) {
        match self {
            Script::Cyrillic => ("аеёиоуыэюяіїє", 0.42),
            Script::Greek => ("αεηιουωάέήίόύώϊϋ", 0.48),
            Script::Hebrew => ("אהוי", 0.35),
            Script::Arabic => ("اآأإوىي", 0.27),
        }
    }

    /// A word of three letters or more read in a code page of this script is a word of
    /// it: all its letters of the script; Cyrillic and Greek in lower case, capitals or
    /// capitalized (the other code page's reading mixes them: `рТЙЧЕФ`) with a vowel,
    /// Cyrillic not begun by `ь` `ъ` `ы`, Greek with one accent at most (none in
    /// capitals but the first of a word in lower case) and its final sigma at the end
    /// alone; Hebrew with final forms at the end and nowhere else, its
    /// points (niqqud) after a letter; Arabic with `ة` at the end alone, no vowel sign
    /// first.
    fn word(self, w: &str) -> bool {
        let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
        let cased = || {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or(' ');
            let rest_lower = chars.clone().all(char::is_lowercase);
            let rest_upper = chars.all(char::is_uppercase);
            rest_lower || (first.is_uppercase() && rest_upper)
        };
        let vowel = || w.chars().any(|c| self.vowels().0.contains(lower(c)));
        let Some(first) = w.chars().next() else {
            return false;
        };
        let last = w.chars().next_back().unwrap_or(first);
        match self {
            Script::Cyrillic => {
                cased()
                    && w.chars().all(|c| ('\u{400}'..='\u{4FF}').contains(&c))
                    && !matches!(lower(first), 'ь' | 'ъ' | 'ы')
                    && vowel()
            }
            Script::Greek => {
                let sigma = w.char_indices().all(|(i, c)| match c {
                    'ς' => i + c.len_utf8() == w.len(),
                    'σ' => i + c.len_utf8() < w.len(),
                    _ => true,
                });
                // Words in capitals are written without accents: a capital with one
                // begins a word in lower case.
                let accented_capital = w.chars().enumerate().all(|(i, c)| {
                    !"ΆΈΉΊΌΎΏ".contains(c) || (i == 0 && w.chars().skip(1).all(char::is_lowercase))
                });
                cased()
                    && w.chars().all(|c| ('\u{386}'..='\u{3CE}').contains(&c))
                    && !w.contains(['ΐ', 'ΰ'])
                    && accented_capital
                    && w.chars().filter(|&c| GREEK_TONOS.contains(c)).count() <= 1
                    && sigma
                    && vowel()
            }
            Script::Hebrew => {
                let letter = |c: char| ('\u{5D0}'..='\u{5EA}').contains(&c);
                let point = |c: char| ('\u{5B0}'..='\u{5C7}').contains(&c);
                let letters: Vec<char> = w.chars().filter(|&c| letter(c)).collect();
                letter(first)
                    && w.chars().all(|c| letter(c) || point(c))
                    && letters.iter().enumerate().all(|(i, &c)| {
                        if i + 1 == letters.len() {
                            !HEBREW_NONFINAL.contains(c)
                        } else {
                            !HEBREW_FINAL.contains(c)
                        }
                    })
            }
            Script::Arabic => {
                let letter = |c: char| ('\u{621}'..='\u{64A}').contains(&c) || c == 'ہ';
                let mark = |c: char| ('\u{64B}'..='\u{652}').contains(&c) || c == 'ـ';
                letter(first)
                    && w.chars().all(|c| letter(c) || mark(c) || c == 'ے')
                    && !w.chars().take(w.chars().count() - 1).any(|c| c == 'ة')
                    && last != 'ـ'
            }
        }
    }
}

/// The line's words read in `enc`, if every word of three letters or more is a word of
/// `script`; with how far its share of vowels is from natural text's.
fn read_as(
    enc: &'static Encoding,
    script: Script,
    words: &[(usize, usize, Vec<u8>)],
) -> Option<(Vec<String>, f64)> {
    let mut out = Vec::with_capacity(words.len());
    let (vowels, target) = script.vowels();
    let (mut vowel_count, mut letters, mut common) = (0usize, 0usize, 0usize);
    for (_, _, bytes) in words {
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return None;
        }
        let text = text.into_owned();
        if text.chars().count() >= 3 && !script.word(&text) {
            return None;
        }
        for c in text.chars() {
            letters += 1;
            let l = c.to_lowercase().next().unwrap_or(c);
            vowel_count += usize::from(vowels.contains(l));
            common += usize::from(ARABIC_COMMON.contains(c));
        }
        out.push(text);
    }
    // Capitals in windows-1251 (0xC0–0xDF) are Arabic letters in windows-1256: Arabic
    // needs its common letters of the upper bytes.
    if script == Script::Arabic && common * 5 < letters {
        return None;
    }
    let share = vowel_count as f64 / letters.max(1) as f64;
    Some((out, (share - target).abs()))
}

/// Whether the words read in windows-1255, each backwards, are Hebrew words: Hebrew
/// saved in visual order (right to left as displayed), final forms first.
fn visual_hebrew(words: &[(usize, usize, Vec<u8>)]) -> bool {
    let reversed: Vec<(usize, usize, Vec<u8>)> = words
        .iter()
        .map(|(s, e, b)| (*s, *e, b.iter().rev().copied().collect()))
        .collect();
    read_as(WINDOWS_1255, Script::Hebrew, &reversed).is_some()
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
    let long = words.iter().filter(|w| w.2.len() >= 3).count();
    let in_words: usize = words.iter().map(|w| w.2.len()).sum();
    if long < MIN_WORDS || (in_words as f64) < MIN_SHARE * letters as f64 {
        return None;
    }
    // UTF-8 read as windows-1252 (`Ð¿Ñ€Ð¸`) is ftfy's to repair: words whose bytes are
    // mostly UTF-8 sequences are not this.
    // (The whole line's bytes are looked at: Hebrew's `×“×’` is words of one letter.)
    let bytes: Vec<u8> = line
        .chars()
        .map(|c| latin1_byte(c).unwrap_or(b' '))
        .collect();
    let (inside, high) = crate::cjk::utf8_share(&bytes);
    if inside * 2 > high {
        return None;
    }
    // Hebrew in windows-1255 is bytes 0xE0–0xFA alone, which windows-1251 reads as
    // lower-case Cyrillic with vowels (`ùìåí` → `щмен` for `שלום`): a line whose words
    // hold nothing else — no capital, none of `ы ь э ю я` (0xFB–0xFF) — is Hebrew if its
    // words are Hebrew words. If they are not, but are when each is read backwards, it
    // is Hebrew saved in visual order (final forms first: `íåìù` for `םולש`), left as it
    // is; else it is another script's lower case (`ïðèâåò êàê äåëà`, Russian without
    // `ы ь э ю я`, whose `к н п у х` are Hebrew final forms inside its words).
    let hebrew_bytes = words
        .iter()
        .all(|w| w.2.iter().all(|b| (0xE0..=0xFA).contains(b)));
    let hebrew = hebrew_bytes
        .then(|| read_as(WINDOWS_1255, Script::Hebrew, &words))
        .flatten();
    let (enc, read) = match hebrew {
        Some((read, _)) => (WINDOWS_1255, read),
        None => {
            if hebrew_bytes && visual_hebrew(&words) {
                return None;
            }
            pages()
                .into_iter()
                .filter(|&(_, script)| !hebrew_bytes || script != Script::Hebrew)
                .filter_map(|(enc, script)| {
                    read_as(enc, script, &words).map(|(r, off)| (enc, r, off))
                })
                .min_by(|a, b| a.2.total_cmp(&b.2))
                .map(|(enc, r, _)| (enc, r))?
        }
    };
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
    fn greek_hebrew_and_arabic_code_pages_read_as_latin_1_are_their_scripts_again() {
        // windows-1253, ISO-8859-7 (`¶` is its `Ά`), windows-1255 and windows-1256.
        for (moji, text) in [
            (
                "ÃåéÜ óïõ Êüóìå, ôé êÜíåéò óÞìåñá;",
                "Γειά σου Κόσμε, τι κάνεις σήμερα;",
            ),
            (
                "ÁÍÁÊÏÉÍÙÓÇ ÔÏÕ ÕÐÏÕÑÃÅÉÏÕ ÏÉÊÏÍÏÌÉÊÙÍ",
                "ΑΝΑΚΟΙΝΩΣΗ ΤΟΥ ΥΠΟΥΡΓΕΙΟΥ ΟΙΚΟΝΟΜΙΚΩΝ",
            ),
            (
                "¸ëëçíåò êáé îÝíïé åðéóêÝðôåò ãÝìéóáí ôá íçóéÜ.",
                "Έλληνες και ξένοι επισκέπτες γέμισαν τα νησιά.",
            ),
            (
                "¶ñèñï ãéá ôçí éóôïñßá ôçò ÊñÞôçò.",
                "Άρθρο για την ιστορία της Κρήτης.",
            ),
            ("ùìåí òåìí, îä ùìåîê äéåí?", "שלום עולם, מה שלומך היום?"),
            (
                "éøåùìéí äéà áéøú éùøàì åäòéø äâãåìä áéåúø.",
                "ירושלים היא בירת ישראל והעיר הגדולה ביותר.",
            ),
            (
                "ãÑÍÈÇ ÈÇáÚÇáã ßíÝ ÍÇáß Çáíæã",
                "مرحبا بالعالم كيف حالك اليوم",
            ),
            (
                "ÇáÞÇåÑÉ åí ÚÇÕãÉ ÌãåæÑíÉ ãÕÑ ÇáÚÑÈíÉ.",
                "القاهرة هي عاصمة جمهورية مصر العربية.",
            ),
        ] {
            assert_eq!(fix(moji).as_deref(), Some(text), "{moji}");
        }
        // Russian in capitals reads as Arabic letters in windows-1256, and Russian as
        // Greek words now and then: the nearer vowel share and Arabic's common letters
        // keep it Russian.
        assert_eq!(
            fix("ÃËÀÂÍÀß ÍÎÂÎÑÒÈ ÊÎÍÒÀÊÒÛ").as_deref(),
            Some("ГЛАВНАЯ НОВОСТИ КОНТАКТЫ")
        );
        assert_eq!(
            fix("Ïðèâåò îò ðåäàêöèè").as_deref(),
            Some("Привет от редакции")
        );
        // Lower-case Russian without `ы ь э ю я` is bytes 0xE0–0xFA alone, as Hebrew is;
        // its `к н п у х` are Hebrew final forms inside its words: Russian.
        assert_eq!(fix("ïðèâåò êàê äåëà").as_deref(), Some("привет как дела"));
        assert_eq!(
            fix("îí ïîøåë äîìîé ïîçäíî âå÷åðîì").as_deref(),
            Some("он пошел домой поздно вечером")
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
            // Hebrew saved in visual order (`םלוע םולש` for `שלום עולם`: a final form
            // first) stays.
            "íìåò íåìù",
            // UTF-8 read as windows-1252: ftfy's.
            "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€ Ð¸ Ð´Ñ€ÑƒÐ³Ð¸Ðµ ÑÐ»Ð¾Ð²Ð°",
        ] {
            assert_eq!(fix(s), None, "{s}");
        }
    }
}
