//! The plausibility model: how likely a piece of text is to be what its writer meant.
//!
//! Two judges, one per family of scripts:
//! - for the Latin, Greek, Cyrillic, Hebrew and Arabic characters that UTF-8 mojibake is
//!   made of, ftfy's `badness`: unlikely juxtapositions (a lowercase accented letter
//!   followed by a currency sign, a C1 control, `Ã` before a symbol…). Text without any
//!   is left alone, however odd its characters.
//! - for CJK, how common each character is: a decoding to Han characters counts only
//!   when every Han character is in the first level of GB2312 or Big5 (the 3,755 and
//!   5,401 characters that cover nearly all running text) or, for a minority of them,
//!   the second level; other decoded characters must be CJK or full-width punctuation.
//!   Mojibake decodes to common characters; a legitimate word read as bytes decodes to
//!   rare ones, or to nothing.

use std::sync::OnceLock;

use regex::Regex;

fn badness_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(crate::tables::BADNESS).expect("ftfy's badness expression"))
}

/// Whether `text` holds a sequence that is likely mojibake (ftfy's `is_bad`).
pub fn is_bad(text: &str) -> bool {
    !text.is_ascii() && badness_re().is_match(text)
}

/// How many likely-mojibake sequences `text` holds (ftfy's `badness`).
pub fn badness(text: &str) -> usize {
    if text.is_ascii() {
        return 0;
    }
    badness_re().find_iter(text).count()
}

/// The alphabet of a letter that single-byte code pages hold: Latin, Greek, Cyrillic,
/// Hebrew, Arabic (Persian and Urdu letters included); `None` for anything else.
fn letter_alphabet(c: char) -> Option<u8> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xB5 | 0xBA | 0xC0..=0x24F | 0x1E00..=0x1EFF => 0,
        0xFB00..=0xFB06 => 0,
        0x370..=0x3FF | 0x1F00..=0x1FFF => 1,
        0x400..=0x52F => 2,
        0x5D0..=0x5EA => 3,
        0x620..=0x6FF => 4,
        _ => return None,
    })
}

/// Whether `c` is a letter of one of the alphabets `plain_word` knows.
pub fn script_letter(c: char) -> bool {
    letter_alphabet(c).is_some()
}

/// Whether `word` reads as a word of running text as it stands: letters only, of one
/// alphabet, and no lowercase letter followed by a capital (`Аткинса`, `ΑΘΗΝΑ`, `Größe`,
/// `ٹیکسٹ`). Text read through the wrong code page rarely does: its characters are
/// symbols, box drawing and letters of either case in any order (`ф╕н`, `дёӯе…ұ`, `Ã©`,
/// `хЕм`). A stretch that does is left as it is, whatever a decoding of its bytes makes of
/// it: valid Russian read back as cp866 bytes is valid UTF-8 often enough (`тки` →
/// U+2AA8, `ули` → U+3AE8, `шка` → 誠).
pub fn plain_word(word: &str) -> bool {
    let mut alphabet = None;
    let mut lower = false;
    for c in word.chars() {
        let Some(a) = letter_alphabet(c) else {
            return false;
        };
        if alphabet.is_some_and(|b| b != a) {
            return false;
        }
        alphabet = Some(a);
        if lower && c.is_uppercase() {
            return false;
        }
        lower = c.is_lowercase();
    }
    alphabet.is_some()
}

/// How common a Han character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HanLevel {
    /// Not in GB2312, Big5 or Big5-HKSCS.
    Rare,
    /// Second level of GB2312 or Big5, or Big5-HKSCS's (the characters Hong Kong writes
    /// that Big5 has not: Cantonese `嘅` `咗` `哋`, `着`, `峯`).
    Known,
    /// First level of GB2312 or Big5.
    Common,
}

/// Characters Hong Kong writes as often as the first levels' (Cantonese words, Hong
/// Kong's forms) that neither GB2312's nor Big5's first level holds: the 40 most
/// frequent such characters of 6,000 Hong Kong news pages (8.2 million Han characters;
/// `嘅` ranks 360th, `餸` 2,726th), names left out. A line of Cantonese holds more of
/// them than a judge of first and second levels allows (`我哋今日去咗街，佢話好嘅。`).
const HONG_KONG_COMMON: &str =
    "嘅佢哋咁啲咗嘢冇喺睇嚟裏嗰峯諗衞乜搵邨畀舖綫埗啱攞喎枱瞓靚煲啫掟鑊滙劏嬲揸吖嗌餸";

/// Two bits per character of U+4E00–U+9FFF.
fn han_levels() -> &'static [u8] {
    static LEVELS: OnceLock<Vec<u8>> = OnceLock::new();
    LEVELS.get_or_init(|| {
        let mut levels = vec![0u8; 0x5200];
        let mut mark = |enc: &'static encoding_rs::Encoding, lead: u8, trail: u8, level: u8| {
            if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(&[lead, trail])
            {
                if let Some(c) = s.chars().next() {
                    let u = c as usize;
                    if (0x4E00..0xA000).contains(&u) {
                        let slot = &mut levels[u - 0x4E00];
                        *slot = (*slot).max(level);
                    }
                }
            }
        };
        for lead in 0xB0..=0xF7u8 {
            for trail in 0xA1..=0xFEu8 {
                mark(
                    encoding_rs::GBK,
                    lead,
                    trail,
                    if lead <= 0xD7 { 2 } else { 1 },
                );
            }
        }
        for lead in 0xA4..=0xF9u8 {
            for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
                let level1 = lead < 0xC6 || (lead == 0xC6 && trail <= 0x7E);
                if (0xC6..=0xC8).contains(&lead) && !level1 {
                    continue;
                }
                mark(encoding_rs::BIG5, lead, trail, if level1 { 2 } else { 1 });
            }
        }
        // Big5-HKSCS: the lead bytes Big5 leaves free (encoding_rs's Big5 is WHATWG's,
        // which decodes them).
        for lead in (0x87..=0xA0u8).chain(0xFA..=0xFE) {
            for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
                mark(encoding_rs::BIG5, lead, trail, 1);
            }
        }
        for c in HONG_KONG_COMMON.chars() {
            let u = c as usize;
            if (0x4E00..0xA000).contains(&u) {
                levels[u - 0x4E00] = 2;
            }
        }
        levels
    })
}

/// How common `c` is, if it is a Han character (U+4E00–U+9FFF; anything else is rare).
pub fn han_level(c: char) -> HanLevel {
    let u = c as usize;
    if !(0x4E00..0xA000).contains(&u) {
        return HanLevel::Rare;
    }
    match han_levels()[u - 0x4E00] {
        2 => HanLevel::Common,
        1 => HanLevel::Known,
        _ => HanLevel::Rare,
    }
}

/// CJK and full-width punctuation, and the general punctuation and symbols Chinese text
/// uses (`“”…—·•※℃←→─■□▲△◆◇○●★☆`).
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF5E | 0x2014 | 0x2018 | 0x2019
        | 0x201C | 0x201D | 0x2026 | 0x00B7 | 0x2022 | 0x203B | 0x2103 | 0x2190..=0x2193
        | 0x2500 | 0x25A0 | 0x25A1 | 0x25B2 | 0x25B3 | 0x25C6 | 0x25C7 | 0x25CB | 0x25CF | 0x2605 | 0x2606)
}

/// What a decoding to CJK looks like.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CjkVerdict {
    /// Han characters of the first level.
    pub common: usize,
    /// Han characters of the second level.
    pub known: usize,
    /// CJK punctuation.
    pub punctuation: usize,
}

impl CjkVerdict {
    /// Judge `decoded`: `None` when it holds anything but CJK characters and CJK
    /// punctuation (ASCII excepted), a rare Han character, or more second-level than
    /// first-level ones.
    pub fn judge(decoded: &str) -> Option<CjkVerdict> {
        let mut v = CjkVerdict::default();
        for c in decoded.chars() {
            if c.is_ascii() {
                continue;
            }
            match han_level(c) {
                HanLevel::Common => v.common += 1,
                HanLevel::Known => v.known += 1,
                HanLevel::Rare if is_cjk_punctuation(c) => v.punctuation += 1,
                HanLevel::Rare => return None,
            }
        }
        (v.known * 2 <= v.common).then_some(v)
    }

    /// Strong enough on its own: two Han characters or more.
    pub fn strong(&self) -> bool {
        self.common + self.known >= 2
    }

    /// Anything at all.
    pub fn any(&self) -> bool {
        self.common + self.known + self.punctuation > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ftfy_badness() {
        assert!(is_bad("ÄŒeÅ¡tina"));
        assert!(is_bad("parlé\u{85}"));
        for good in [
            "4288×…",
            "NESTLÉ®",
            "Charlotte Brontë…”",
            "“数据要素×”",
            "café",
            "中文",
        ] {
            assert!(!is_bad(good), "{good}");
        }
        assert_eq!(badness("ÄŒeÅ¡tina Ã¡ Ã©"), 3);
    }

    #[test]
    fn plain_words() {
        for word in [
            "Аткинса",
            "почечная",
            "МГУ",
            "ВКонтакте",
            "її",
            "Қазақстан",
            "Ώρα",
            "Größe",
            "ٹیکسٹ",
            "שלום",
        ] {
            assert!(plain_word(word), "{word}");
        }
        for word in [
            "ф╕н",
            "дёӯе…ұ",
            "Ã©",
            "хЕм",
            "Pаз",
            "Москва\u{a0}",
            "зҷ»еҪ•",
            "ç™»ه½•",
            "",
        ] {
            assert!(!plain_word(word), "{word}");
        }
    }

    #[test]
    fn han_levels_and_verdicts() {
        assert_eq!(han_level('中'), HanLevel::Common);
        assert_eq!(han_level('國'), HanLevel::Common);
        assert_eq!(han_level('䅻'), HanLevel::Rare);
        assert_eq!(han_level('a'), HanLevel::Rare);
        let v = CjkVerdict::judge("中共中央，").unwrap();
        assert_eq!((v.common, v.punctuation, v.strong()), (4, 1, true));
        assert_eq!(CjkVerdict::judge("ה"), None);
        assert_eq!(CjkVerdict::judge("䅻"), None);
        assert!(!CjkVerdict::judge("中").unwrap().strong());
    }
}
