//! Removing pinyin artifacts: mirror sites insert the reading after some characters
//! (`常務(wù)委員會(huì)`). A parenthesised syllable is removed only where
//! - it follows a Han character directly (no space: `会 (huì)` quotes a reading),
//! - it carries a tone mark and is one of the readings of that character (from the
//!   `pinyin` crate's table, heteronyms included), and
//! - its line is not language-learning text, where most characters carry their reading
//!   (`兔(tù)子(zi)的(de)`): when at least 60% of a line's Han characters are followed
//!   by a parenthesised syllable, the line is left as it is.

use pinyin::ToPinyinMulti;

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Breve forms some sites use instead of carons.
fn normalize(c: char) -> char {
    match c {
        'ă' => 'ǎ',
        'ĕ' => 'ě',
        'ĭ' => 'ǐ',
        'ŏ' => 'ǒ',
        'ŭ' => 'ǔ',
        c => c,
    }
}

fn syllable_char(c: char) -> bool {
    c.is_ascii_lowercase()
        || matches!(
            c,
            'ā' | 'á'
                | 'ǎ'
                | 'à'
                | 'ē'
                | 'é'
                | 'ě'
                | 'è'
                | 'ī'
                | 'í'
                | 'ǐ'
                | 'ì'
                | 'ō'
                | 'ó'
                | 'ǒ'
                | 'ò'
                | 'ū'
                | 'ú'
                | 'ǔ'
                | 'ù'
                | 'ǖ'
                | 'ǘ'
                | 'ǚ'
                | 'ǜ'
                | 'ü'
                | 'ń'
                | 'ň'
                | 'ǹ'
                | 'ḿ'
                | 'ă'
                | 'ĕ'
                | 'ĭ'
                | 'ŏ'
                | 'ŭ'
                | 'ê'
        )
}

/// A parenthesised syllable at the start of `s`: (length in bytes, the syllable).
fn syllable_at(s: &str) -> Option<(usize, &str)> {
    let (open, close) = if s.starts_with('(') {
        (1, ')')
    } else if s.starts_with('（') {
        ('（'.len_utf8(), '）')
    } else {
        return None;
    };
    let rest = &s[open..];
    let end = rest
        .char_indices()
        .take(8)
        .find(|(_, c)| !syllable_char(*c))
        .map(|(i, _)| i)?;
    if end == 0 || !rest[end..].starts_with(close) {
        return None;
    }
    Some((open + end + close.len_utf8(), &rest[..end]))
}

fn is_reading_of(c: char, syllable: &str) -> bool {
    // Compared character by character, breves read as carons; no allocation.
    if !syllable
        .chars()
        .map(normalize)
        .any(|ch| !ch.is_ascii() && ch != 'ü' && ch != 'ê')
    {
        return false;
    }
    c.to_pinyin_multi().is_some_and(|m| {
        m.into_iter()
            .any(|p| p.with_tone().chars().eq(syllable.chars().map(normalize)))
    })
}

/// Remove pinyin artifacts; `None` if there are none.
pub fn remove(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // Candidates: a parenthesised syllable right after a Han character.
    let mut candidates: Vec<usize> = memchr::memchr_iter(b'(', b)
        .chain(memchr::memmem::find_iter(b, "（".as_bytes()))
        .filter(|&i| {
            syllable_at(&text[i..]).is_some() && text[..i].chars().next_back().is_some_and(is_han)
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    candidates.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut line_end = 0;
    let mut line_is_ruby = false;
    for i in candidates {
        // Is the candidate's line language-learning text? (Lines are judged once.)
        if i >= line_end {
            let line_start = memchr::memrchr(b'\n', &b[..i]).map_or(0, |p| p + 1);
            line_end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
            let (han, annotated) = count(&text[line_start..line_end]);
            line_is_ruby = han >= 2 && annotated * 10 >= han * 6;
        }
        if line_is_ruby || i < copied {
            continue;
        }
        let Some(c) = text[..i].chars().next_back() else {
            continue;
        };
        let Some((len, syl)) = syllable_at(&text[i..]) else {
            continue;
        };
        if is_reading_of(c, syl) {
            out.push_str(&text[copied..i]);
            copied = i + len;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Han characters in a line, and how many are directly followed by a parenthesised
/// syllable (toned or not).
fn count(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let (mut han, mut annotated) = (0, 0);
    for (i, c) in line.char_indices() {
        if is_han(c) {
            han += 1;
            let next = i + c.len_utf8();
            if matches!(b.get(next), Some(b'(') | Some(0xEF))
                && syllable_at(&line[next..]).is_some()
            {
                annotated += 1;
            }
        }
    }
    (han, annotated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_after_characters_are_removed() {
        assert_eq!(remove("常務(wù)委員會(huì)").as_deref(), Some("常務委員會"));
        assert_eq!(remove("中國西藏網(wǎng)").as_deref(), Some("中國西藏網"));
        assert_eq!(
            remove("中國西藏網(wăng)").as_deref(),
            Some("中國西藏網"),
            "breve for caron"
        );
        assert_eq!(
            remove("發（fā）布").as_deref(),
            Some("發布"),
            "full-width parentheses"
        );
    }

    #[test]
    fn legitimate_parentheses_stay() {
        for text in [
            "(徐補生)",
            "(顧輝 明庭舒)",
            "村(社區)",
            "“会”字读作会 (huì)，不读 kuài。",
            "兔(tù)子(zi)的(de)尾(wěi)巴(ba)",
            "網(wang)",
            "網(kāi)",
            "Apple(iPhone)",
        ] {
            assert_eq!(remove(text), None, "{text}");
        }
    }
}
