//! Korean in EUC-KR (or windows-949, its superset) read as Latin-1 or windows-1252:
//! `¾È³çÇÏ¼¼¿ä, ¼¼°è.` for `안녕하세요, 세계.`. Not UTF-8 mojibake, so ftfy leaves it;
//! and EUC-KR's pairs of bytes are valid GBK too, which made Han characters of them
//! (`救崇窍技夸`) — this pass goes before the GBK one.
//!
//! A line is read again in windows-949 when every character of it that is not ASCII
//! stands for a byte (Latin-1, or windows-1252's `€`…`Ÿ`), its bytes are not mostly
//! UTF-8 sequences (`ì•ˆë…•` is ftfy's), they decode without error, and the reading is
//! Korean: at least [`MIN_SYLLABLES`] different Hangul syllables, at least two thirds
//! of them among the language's most common ([`COMMON`]), a Han character (Hanja) at
//! most for every eight syllables, and no letter of another script. Chinese in GBK or
//! Big5 decodes in windows-949 as well when all its lead bytes are 0xB0–0xC8, but to
//! syllables spread over all 2,350 of KS X 1001's (`国际` → `벌셥`), seldom common ones;
//! and Chinese written without spaces comes as one stretch, which must then be longer
//! ([`MIN_UNSPACED`]).

use encoding_rs::EUC_KR;

use crate::codepage::latin1_byte as byte;
use crate::mojibake::Tally;

/// Different Hangul syllables a line needs.
const MIN_SYLLABLES: usize = 4;
/// Hangul syllables a line needs when they are not apart by spaces or punctuation.
const MIN_UNSPACED: usize = 8;

/// Common Hangul syllables: particles, endings and the most frequent syllables of
/// nouns and verbs (about three quarters of the syllables of Korean news text).
const COMMON: &str = "가각간감강개거건것게결경계고공과관광교구국군권그금기까나날남내냐너넘네년노는능니다단달담당대더덕데도독동되된될두드든들등따때떤또라락란람랑래략량러럼렇레려력련령례로록론료루류률르른를름리린립마만많말매며면명모목무문물미민및바박반받발방배백번법변별병보복본부분불비사산상새생서석선설성세소속손송수순술스습승시식신실심아안않알았야약양어언업없었에여역연열영예오온올와완왕외요용우운울원월위유으은을음응의이인일입있자작잔장재저적전절점정제져조종좌주준중즘지직진질집차착찰참창책처천철청체초최추축출충취측치카커코크키타터토통투트특파판편평포표품프플피필하학한할함합해했행향허험현협형호화확환활회효후히";

fn hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn hanja(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

/// Repair one line; `None` if it does not hold this mix-up.
pub fn repair_line(line: &str, tally: &mut Tally) -> Option<String> {
    let body = line.trim_end_matches(['\n', '\r']);
    // First, without decoding: pairs of a Hangul syllable's lead byte (0xB0–0xC8) and
    // a trail byte against those of a Hanja's (0xCA–0xFD), as most of GBK's and Big5's
    // characters are.
    let (mut pairs, mut hanja_pairs) = (0usize, 0usize);
    let mut lead = None;
    for c in body.chars() {
        let b = byte(c)?;
        match lead.take() {
            Some(l) if (0xA1..=0xFE).contains(&b) => {
                pairs += usize::from((0xB0..=0xC8).contains(&l));
                hanja_pairs += usize::from((0xCA..=0xFD).contains(&l));
            }
            Some(_) => {}
            None if b >= 0x81 => lead = Some(b),
            None => {}
        }
    }
    if pairs < MIN_SYLLABLES || hanja_pairs * 8 > pairs {
        return None;
    }
    let bytes: Vec<u8> = body.chars().filter_map(byte).collect();
    let (inside, high) = crate::cjk::utf8_share(&bytes);
    if high < 2 * MIN_SYLLABLES || inside * 2 > high {
        return None;
    }
    let text = EUC_KR.decode_without_bom_handling_and_without_replacement(&bytes)?;
    let (mut syllables, mut common, mut han, mut stretches) = (0usize, 0usize, 0usize, 0usize);
    let mut in_stretch = false;
    let mut seen: Vec<char> = Vec::new();
    for c in text.chars() {
        if hangul(c) {
            syllables += 1;
            if !seen.contains(&c) {
                seen.push(c);
            }
            common += usize::from(COMMON.contains(c));
            stretches += usize::from(!in_stretch);
            in_stretch = true;
            continue;
        }
        in_stretch = false;
        if hanja(c) {
            han += 1;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            // A letter of another script (`ㄱ`, a Greek or Cyrillic letter of KS X
            // 1001): not this.
            return None;
        }
    }
    let korean = seen.len() >= MIN_SYLLABLES
        && common * 3 >= syllables * 2
        && han * 8 <= syllables
        && (stretches >= 2 || syllables >= MIN_UNSPACED);
    if !korean {
        return None;
    }
    tally.add_n("euc-kr read as latin-1", stretches);
    Some(format!("{text}{}", &line[body.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> Option<String> {
        repair_line(s, &mut Tally::default())
    }

    #[test]
    fn euc_kr_read_as_latin_1_is_korean_again() {
        for (moji, text) in [
            (
                "¾È³çÇÏ¼¼¿ä, ¼¼°è. ¿À´ÃÀº ³¯¾¾°¡ ÁÁ³×¿ä.\n",
                "안녕하세요, 세계. 오늘은 날씨가 좋네요.\n",
            ),
            ("È¸¿ø°¡ÀÔ ·Î±×ÀÎ °í°´¼¾ÅÍ", "회원가입 로그인 고객센터"),
            ("¹«´Ü ÀüÀç ¹× Àç¹èÆ÷ ±ÝÁö", "무단 전재 및 재배포 금지"),
            (
                "¼\u{AD}¿ïÀº ´ëÇÑ¹Î±¹ÀÇ ¼öµµÀÌÀÚ ÃÖ´ë µµ½ÃÀÌ´Ù.",
                "서울은 대한민국의 수도이자 최대 도시이다.",
            ),
        ] {
            assert_eq!(fix(moji).as_deref(), Some(text), "{moji}");
        }
    }

    #[test]
    fn chinese_latin_and_utf8_mojibake_stay() {
        for s in [
            // GBK (中华人民共和国国务院新闻办公室) and Big5 (新聞) read as Latin-1: the
            // GBK pass's.
            "ÖÐ»ªÈËÃñ¹²ºÍ¹ú¹úÎñÔºÐÂÎÅ°ì¹«ÊÒ",
            "·s»D",
            // Chinese lines whose lead bytes are all 0xB0–0xC8 (国际 大会 开幕; a table's
            // row; a login link, 登录, twice).
            "¹ú¼Ê ´ó»á ¿ªÄ»",
            "| 96-97 | ²¹Ï°°à | 16ÈË | 151ÈË | 135ÈË |",
            "[µÇÂ¼£¿](https://www.secpulse.com/user_login \"µÇÂ¼\")",
            // 公开程度：PoC未公开 (`公开` twice, and 未 a Hanja).
            "**¹«¿ª³Ì¶È**£ºPoCÎ´¹«¿ª",
            // Korean UTF-8 read as windows-1252: ftfy's.
            "ì•ˆë…•í•˜ì„¸ìš”, ì„¸ê³„",
            "Café naïve — résumé, déjà vu.",
            "Ã©tÃ© Ã¨ Ã§a",
        ] {
            assert_eq!(fix(s), None, "{s}");
        }
    }
}
