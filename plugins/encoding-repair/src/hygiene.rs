//! Text hygiene: HTML entities (in plain text and Markdown), stray control characters,
//! line ends, NFC, and ASCII punctuation between Han characters made full-width.

use crate::pinyin::is_han;

/// Decode HTML entities (`&ldquo;` `&#12290;` `&amp;`); `None` if there are none.
pub fn entities(text: &str) -> Option<String> {
    if !text.contains('&') {
        return None;
    }
    let decoded = html_escape::decode_html_entities(text);
    (decoded != text).then(|| decoded.into_owned())
}

/// The entities Markdown writes its own markup characters with: `&lt;tag&gt;` is the
/// text `<tag>`, which decoded would be a tag (and leave the text), and `&amp;lt;` would
/// become an entity.
const MARKUP_ENTITIES: [&str; 9] = [
    "&lt;", "&gt;", "&amp;", "&#60;", "&#62;", "&#38;", "&#x3c;", "&#x3e;", "&#x26;",
];

/// [`entities`] for Markdown: every entity decoded but those of [`MARKUP_ENTITIES`],
/// which stay as written, and those inside code (a code span or block), which Markdown
/// shows as written: a payload of an article on HTML injection (`` `/?&apos;&quot;&gt;` ``)
/// is its text. (Code is what Markdown reads as code: a fence left open runs to the
/// text's end, as spam-trim reads it too.)
pub fn markdown_entities(text: &str) -> Option<String> {
    if !text.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for code in code_ranges(text) {
        if code.start < from {
            continue;
        }
        decode_outside_markup(&text[from..code.start], &mut out);
        out.push_str(&text[code.clone()]);
        from = code.end;
    }
    decode_outside_markup(&text[from..], &mut out);
    (out != text).then_some(out)
}

/// Where a Markdown text's code spans and code blocks are (byte ranges, in order).
fn code_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(text, Options::ENABLE_TABLES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect()
}

/// `text` with its entities decoded, but those of [`MARKUP_ENTITIES`], pushed to `out`.
fn decode_outside_markup(text: &str, out: &mut String) {
    let mut from = 0;
    let mut at = 0;
    while let Some(i) = text[at..].find('&').map(|i| i + at) {
        let rest = &text[i..];
        let kept = MARKUP_ENTITIES.iter().find(|e| {
            rest.len() >= e.len()
                && rest.is_char_boundary(e.len())
                && rest[..e.len()].eq_ignore_ascii_case(e)
        });
        match kept {
            Some(e) => {
                out.push_str(&html_escape::decode_html_entities(&text[from..i]));
                out.push_str(&rest[..e.len()]);
                from = i + e.len();
                at = from;
            }
            None => at = i + 1,
        }
    }
    out.push_str(&html_escape::decode_html_entities(&text[from..]));
}

/// Remove C0 control characters other than newline and tab, and DEL; turn C1 controls
/// into the windows-1252 characters they stand for (`\u{85}` → `…`; the five bytes
/// windows-1252 leaves undefined stay, as ftfy keeps them), CRLF and lone CR into LF;
/// `None` if there is nothing to do.
pub fn controls(text: &str) -> Option<String> {
    // C0 (but newline and tab), DEL, and C1 (UTF-8 0xC2 0x80–0x9F).
    let b = text.as_bytes();
    let any = b.iter().enumerate().any(|(i, &x)| {
        (x < 0x20 && x != b'\n' && x != b'\t')
            || x == 0x7F
            || (x == 0xC2 && b.get(i + 1).is_some_and(|&y| y < 0xA0))
    });
    if !any {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            '\u{80}'..='\u{9F}' => {
                out.push(crate::codepage::WINDOWS_1252.high[(c as u32 - 0x80) as usize])
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    (out != text).then_some(out)
}

/// NFC; `None` if already NFC.
pub fn nfc(text: &str) -> Option<String> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    // Most text is ASCII, Latin-1 and common CJK, which are NFC: look further only when
    // a byte starts a character elsewhere (U+0300–U+07FF, U+1000–U+1FFF, U+2000–U+2FFF
    // combining marks for symbols, U+A000–U+DFFF, U+F900–U+FAFF, astral).
    let b = text.as_bytes();
    let maybe = b.iter().enumerate().any(|(i, &x)| match x {
        0xCC..=0xDF | 0xE1 | 0xEA..=0xED | 0xF0..=0xF4 => true,
        0xE2 => b.get(i + 1) == Some(&0x83),
        0xEF => b.get(i + 1).is_some_and(|&y| (0xA4..=0xAB).contains(&y)),
        _ => false,
    });
    if !maybe || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let n: String = text.nfc().collect();
    (n != text).then_some(n)
}

/// The ideographs the C-simplified and other whole-character radicals of the CJK
/// Radicals Supplement stand for (U+2E80–U+2EFF; from the Unicode Character Database's
/// `EquivalentUnifiedIdeograph.txt`), those a text may hold in place of a character:
/// a PDF's text layer writes `钓⻥` for `钓鱼`. Radicals that are only a character's part
/// (`⺅`, `⺡`) are not among them.
const SUPPLEMENT_RADICALS: [(char, char); 34] = [
    ('\u{2E9F}', '母'),
    ('\u{2EA0}', '民'),
    ('\u{2EC1}', '虎'),
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '角'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECB}', '车'),
    ('\u{2ED1}', '長'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2ED8}', '青'),
    ('\u{2ED9}', '韦'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EDD}', '食'),
    ('\u{2EE2}', '马'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE7}', '卤'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEA}', '黾'),
    ('\u{2EEB}', '斉'),
    ('\u{2EEC}', '齐'),
    ('\u{2EED}', '歯'),
    ('\u{2EEE}', '齿'),
    ('\u{2EEF}', '竜'),
    ('\u{2EF0}', '龙'),
    ('\u{2EF2}', '亀'),
    ('\u{2EF3}', '龟'),
];

/// The ideograph a radical stands for in running text: a Kangxi radical's by NFKC
/// (`⽤` U+2F64 → `用`), a supplementary one's by [`SUPPLEMENT_RADICALS`].
fn radical_ideograph(c: char) -> Option<char> {
    use unicode_normalization::char::decompose_compatible;
    match c as u32 {
        0x2F00..=0x2FD5 => {
            let mut out = None;
            decompose_compatible(c, |d| out = out.or(Some(d)));
            out.filter(|d| is_han(*d))
        }
        0x2E80..=0x2EFF => SUPPLEMENT_RADICALS
            .iter()
            .find(|(r, _)| *r == c)
            .map(|(_, i)| *i),
        _ => None,
    }
}

/// Radicals written for the characters they look like (a PDF's text layer, copied:
/// `实战中的WebService利⽤⽅法`, `钓⻥⽹站`) made those characters, where the radical
/// stands next to a letter or figure (Han, kana, Latin, digits) or another such radical;
/// a radical named alone (`由“⾔”作部首`) stays. `None` if there is
/// none.
pub fn radicals(text: &str) -> Option<String> {
    // U+2E80–U+2FDF: E2 BA 80 – E2 BF 9F.
    let b = text.as_bytes();
    let any = memchr::memchr_iter(0xE2, b)
        .any(|i| b.get(i + 1).is_some_and(|n| (0xBA..=0xBF).contains(n)));
    if !any {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // A run of radicals is mapped when it is a word of two or more (`、⽗⺟、`) or a letter
    // or figure of any script stands right before or after it (a Han character, kana, a
    // date's `7⽉31⽇`, `confluence⻚⾯`); one radical between spaces, quotes or
    // punctuation (a radical named: `“⾔”`) stays.
    let beside = |c: Option<&char>| c.is_some_and(|&c| c.is_alphanumeric());
    // Each character's ideograph, looked up once.
    let ideographs: Vec<Option<char>> = chars.iter().map(|&c| radical_ideograph(c)).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if ideographs[i].is_none() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| ideographs[j].is_none())
            .unwrap_or(chars.len());
        let mapped = end - i >= 2 || (i > 0 && beside(chars.get(i - 1))) || beside(chars.get(end));
        for j in i..end {
            out.push(match ideographs[j].filter(|_| mapped) {
                Some(m) => m,
                None => chars[j],
            });
        }
        i = end;
    }
    (out != text).then_some(out)
}

fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        _ => return None,
    })
}

/// CJK punctuation that may follow a closing parenthesis in Chinese text.
fn cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
}

/// ASCII `, : ; ! ?` between two Han characters, and a pair of parentheses that follows
/// a Han character, holds Han text and is followed by Han text or CJK punctuation,
/// become full-width. `None` if nothing changes.
pub fn punctuation(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let han_before = |i: usize| text[..i].chars().next_back().is_some_and(is_han);
    let mut candidates: Vec<usize> = memchr::memchr3_iter(b',', b':', b';', b)
        .chain(memchr::memchr3_iter(b'!', b'?', b'(', b))
        .filter(|&i| han_before(i))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    candidates.sort_unstable();
    let mut out = String::with_capacity(text.len() + candidates.len() * 2);
    let mut copied = 0;
    for i in candidates {
        if i < copied {
            continue;
        }
        let after = text[i + 1..].chars().next();
        if let Some(f) = fullwidth(b[i] as char) {
            if after.is_some_and(is_han) {
                out.push_str(&text[copied..i]);
                out.push(f);
                copied = i + 1;
            }
            continue;
        }
        // '(' after a Han character: a pair around Han text, followed by Han text or
        // CJK punctuation.
        let inner_start = i + 1;
        let Some(len) = text[inner_start..]
            .char_indices()
            .take(64)
            .find(|(_, c)| matches!(c, ')' | '(' | '\n'))
            .map(|(p, _)| p)
        else {
            continue;
        };
        let inner = &text[inner_start..inner_start + len];
        let close = inner_start + len;
        let next = text.get(close + 1..).and_then(|t| t.chars().next());
        if b.get(close) == Some(&b')')
            && inner.chars().next().is_some_and(is_han)
            && inner.chars().next_back().is_some_and(is_han)
            && next.is_some_and(|x| is_han(x) || cjk_punct(x))
        {
            out.push_str(&text[copied..i]);
            out.push('（');
            out.push_str(inner);
            out.push('）');
            copied = close + 1;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_the_entities_of_its_markup() {
        assert_eq!(
            markdown_entities(
                "将&lt;AuthRequest xmlns=\"a\"&gt;改为&ldquo;b&rdquo;&#12290;&AMP;lt;"
            )
            .as_deref(),
            Some("将&lt;AuthRequest xmlns=\"a\"&gt;改为“b”。&AMP;lt;")
        );
        assert_eq!(markdown_entities("a &lt;b&gt; &#x3C;"), None);
        assert_eq!(markdown_entities("AT&T").as_deref(), None);
    }

    #[test]
    fn markdown_keeps_the_entities_of_its_code() {
        assert_eq!(
            markdown_entities(
                "The payload `/?&apos;&quot;&gt;` is sent &ndash; twice:\n\n```\n/?&apos;-top&apos;\n```\n\n    &quot;indented&quot;\n\nThen &ldquo;done&rdquo;.\n"
            )
            .as_deref(),
            Some("The payload `/?&apos;&quot;&gt;` is sent – twice:\n\n```\n/?&apos;-top&apos;\n```\n\n    &quot;indented&quot;\n\nThen “done”.\n")
        );
        assert_eq!(markdown_entities("`&apos;` and ``&quot;``"), None);
    }

    #[test]
    fn radicals_beside_characters_become_those_characters() {
        assert_eq!(
            radicals("实战中的WebService利⽤⽅法，钓⻥⽹站和⻛险").as_deref(),
            Some("实战中的WebService利用方法，钓鱼网站和风险")
        );
        // Beside a figure, kana, a Latin letter.
        assert_eq!(
            radicals("计划已于2021年7⽉31⽇完结").as_deref(),
            Some("计划已于2021年7月31日完结")
        );
        assert_eq!(
            radicals("この⽅法を⽤いる").as_deref(),
            Some("この方法を用いる")
        );
        assert_eq!(
            radicals("跳转到真正的confluence⻚⾯，").as_deref(),
            Some("跳转到真正的confluence页面，")
        );
        // Two radicals between punctuation; a radical named alone, a component radical, no
        // radical.
        assert_eq!(radicals("这几个字都由“⾔”作部首"), None);
        assert_eq!(
            radicals("失去了丈夫、⽗⺟、儿女").as_deref(),
            Some("失去了丈夫、父母、儿女")
        );
        assert_eq!(radicals("左边是⺅旁"), None);
        assert_eq!(radicals("plain text"), None);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            entities("&ldquo;新闻&rdquo;&#12290; A&amp;B").as_deref(),
            Some("“新闻”。 A&B")
        );
        assert_eq!(entities("AT&T and a & b"), None);
    }

    #[test]
    fn controls_and_line_ends() {
        assert_eq!(
            controls("a\r\nb\rc\u{0}d\u{7}\u{85}e\tf\u{81}\n").as_deref(),
            Some("a\nb\ncd…e\tf\u{81}\n")
        );
        assert_eq!(controls("clean\ttext\n"), None);
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("Cafe\u{301}").as_deref(), Some("Café"));
        assert_eq!(nfc("中文 text"), None);
    }

    #[test]
    fn ascii_punctuation_between_han_becomes_full_width() {
        assert_eq!(
            punctuation("命令,防控就是責任;真的?是!").as_deref(),
            Some("命令，防控就是責任；真的？是!")
        );
        assert_eq!(punctuation("村(社區)的").as_deref(), Some("村（社區）的"));
        assert_eq!(punctuation("村(社區)。").as_deref(), Some("村（社區）。"));
        for text in [
            "來源: 人民日報",
            "3,000",
            "(仲音)",
            "講話。(徐補生)\n",
            "a,b",
            "中文, English",
            "“引号”，全角不变",
        ] {
            assert_eq!(punctuation(text), None, "{text}");
        }
    }
}
