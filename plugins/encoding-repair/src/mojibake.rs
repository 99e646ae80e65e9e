//! Undoing mojibake: text whose bytes were decoded with the wrong charset.
//!
//! Four repairs, each judged by the plausibility model (`plausible`) before it replaces
//! anything, applied in rounds until nothing more plausible remains (layered mojibake:
//! UTF-8 read as windows-1252 twice or three times):
//! 0. `korean::repair_line` and `singlebyte::repair_line`: Korean (EUC-KR) and the
//!    Cyrillic, Greek, Hebrew and Arabic code pages read as Latin-1 (`¾È³ç`, `Ïðèâåò`),
//!    whose bytes are valid GBK as well;
//! 1. `cjk::double_byte_runs`: GBK or Big5 bytes read as Latin-1 (`ÖÐ¹ú3ÔÂ`), where
//!    the bytes are not mostly UTF-8 (GBK and Big5 bytes often hold a few valid UTF-8
//!    sequences, so they go first);
//! 2. `cjk::utf8_runs`: Chinese UTF-8 read through any single-byte code page, run by run
//!    (`дёӯе…ұ`, `ä¸­æ–‡`, `[ç™»ه½•]`);
//! 3. `recode::fix_lines`: ftfy's repair, line by line, for every script ftfy knows
//!    (`Ã©`, `Ð¿Ñ€Ð¸`, `â€œ`, CESU-8 emoji, C1 controls, `Ã ` that swallowed a space).
//!
//! Text that does not look damaged is never touched: a candidate must beat it (ftfy's
//! badness for the Latin-script side, common Han characters for the CJK side).

use std::borrow::Cow;

use crate::{cjk, korean, recode, singlebyte};

/// What was repaired: kinds of mix-up and how many places each.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally(Vec<(String, usize)>);

impl Tally {
    pub fn add(&mut self, kind: &str) {
        self.add_n(kind, 1);
    }

    pub fn add_n(&mut self, kind: &str, n: usize) {
        match self.0.iter_mut().find(|(k, _)| k == kind) {
            Some((_, c)) => *c += n,
            None => self.0.push((kind.to_string(), n)),
        }
    }

    /// Add `other`'s counts.
    pub fn merge(&mut self, other: Tally) {
        for (k, n) in other.0 {
            self.add_n(&k, n);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `kind: count` pairs, `; `-separated, in the order first seen.
    pub fn describe(&self) -> String {
        self.0
            .iter()
            .map(|(k, n)| format!("{k}: {n}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Whether `c` could stand for a byte in some code page's upper half.
#[inline]
fn mojibake_char(c: char) -> bool {
    matches!(c as u32, 0x80..=0x6FF | 0x2000..=0x25FF | 0xF8FF | 0xFB01 | 0xFB02 | 0xFFFD)
}

/// Whether `text` may hold mojibake: a character of U+0080–U+07FF next to another
/// character that stands for a byte somewhere, one of the two a letter (U+00C0–U+06FF),
/// a C1 control, `Ã`/`Â` before a space, or
/// MacRoman's `√` / `≈` before such a character. A cheap pre-check that clean text
/// (Chinese with `·`, French with `é`) passes quickly.
pub fn suspect(text: &str) -> bool {
    let b = text.as_bytes();
    for p in memchr::memmem::find_iter(b, "√").chain(memchr::memmem::find_iter(b, "≈")) {
        if text[p + 3..]
            .chars()
            .next()
            .is_some_and(|a| !a.is_ascii() && mojibake_char(a))
        {
            return true;
        }
    }
    // C1 controls.
    if memchr::memchr_iter(0xC2, b)
        .any(|p| b.get(p + 1).is_some_and(|&n| (0x80..0xA0).contains(&n)))
    {
        return true;
    }
    // Every other sign involves a letter of U+00C0–U+06FF (lead bytes 0xC3–0xDB): look
    // for those 64 bytes at a time, then at each one's neighbours.
    let lead = |x: u8| x.wrapping_sub(0xC3) <= 0xDB - 0xC3;
    let letter = |x: char| ('\u{C0}'..='\u{6FF}').contains(&x);
    for (n, chunk) in b.chunks(64).enumerate() {
        if !chunk.iter().fold(false, |any, &x| any | lead(x)) {
            continue;
        }
        for (off, _) in chunk.iter().enumerate().filter(|(_, &x)| lead(x)) {
            let p = n * 64 + off;
            let c = text[p..].chars().next().unwrap_or(' ');
            if !letter(c) {
                continue;
            }
            let after = text[p + c.len_utf8()..].chars().next();
            let before = text[..p].chars().next_back();
            // The neighbour: any character that stands for a byte somewhere (with a
            // letter, Latin-1 punctuation such as `·` next to `“` does not count).
            let pairs = |a: char| !a.is_ascii() && mojibake_char(a);
            if after.is_some_and(pairs)
                || before.is_some_and(pairs)
                || (matches!(c, 'Ã' | 'Â') && after == Some(' '))
            {
                return true;
            }
        }
    }
    false
}

/// How many rounds of repair at most.
const ROUNDS: usize = 4;

/// Whether a line may hold mojibake: a character of U+0080–U+07FF, `√` or `≈`, and no
/// [`listing`] of a code page's characters.
fn hot(line: &str) -> bool {
    (line.bytes().any(|b| (0xC2..=0xDF).contains(&b)) || line.contains('√') || line.contains('≈'))
        && !listing(line)
}

/// Characters in a row, each the code point after the one before it, that make a line a
/// listing of a code page's characters.
const LISTING_RUN: usize = 8;

/// Whether a line lists characters in code-point order (`ÃÄÅÆÇÈÉÊËÌÍÎÏ…`, a code page's
/// upper half in an advisory's code): [`LISTING_RUN`] or more non-ASCII characters in a
/// row, each the one after the last. Text read through the wrong code page has no such
/// run (mojibake of Chinese, of UTF-8, of Cyrillic or Greek words), but a listing reads
/// as such: as GBK, its bytes made `媚牌侨墒颂臀…`. The price: an alphabet itself read
/// through the wrong code page (`àáâãäåæç…` for `абвгдежз…`) stays as it is, with its
/// line.
fn listing(line: &str) -> bool {
    let mut run = 0;
    let mut last = 0;
    for c in line.chars().map(u32::from) {
        run = if c > 0x7F && c == last + 1 {
            run + 1
        } else {
            1
        };
        if run >= LISTING_RUN {
            return true;
        }
        last = c;
    }
    false
}

/// The lines of a document, each borrowed until a repair replaces it.
struct Lines<'a> {
    lines: Vec<Cow<'a, str>>,
    hot: Vec<bool>,
    /// Whether a line's strong runs tell what the document holds (not code's).
    evidence: Vec<bool>,
}

/// The markup of a text, which tells its code from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    /// Scripts and style sheets are neither repaired nor evidence ([`code_lines`]).
    Html,
    /// Fenced code blocks are repaired, line by line, but are no evidence of what the
    /// document holds ([`fenced_lines`]).
    Markdown,
}

impl<'a> Lines<'a> {
    /// The lines of `text`; of an HTML page, those wholly inside a script or a style
    /// sheet are never looked at ([`code_lines`]); of Markdown, those of a fenced code
    /// block are no evidence ([`fenced_lines`]).
    fn new(text: &'a str, markup: Markup) -> Lines<'a> {
        let lines: Vec<Cow<str>> = text.split_inclusive('\n').map(Cow::Borrowed).collect();
        let code = match markup {
            Markup::Plain => vec![false; lines.len()],
            Markup::Html => code_lines(&lines),
            Markup::Markdown => fenced_lines(&lines),
        };
        let hot = lines
            .iter()
            .zip(&code)
            .map(|(l, &code)| !(code && markup == Markup::Html) && hot(l))
            .collect();
        let evidence = code.iter().map(|&c| !c).collect();
        Lines {
            lines,
            hot,
            evidence,
        }
    }

    /// Apply `pass` to every hot line; whether any changed.
    fn apply(&mut self, mut pass: impl FnMut(&str) -> Option<String>) -> bool {
        let mut changed = false;
        for (line, h) in self.lines.iter_mut().zip(self.hot.iter_mut()) {
            if *h {
                if let Some(t) = pass(line) {
                    *h = hot(&t);
                    *line = Cow::Owned(t);
                    changed = true;
                }
            }
        }
        changed
    }

    /// A pass over the hot lines, once for the strong runs and again, where the document
    /// turned out to hold a mix-up, for its weaker runs (`cjk::utf8_runs` and
    /// `cjk::double_byte_runs` have this form).
    fn two_pass(
        &mut self,
        tally: &mut Tally,
        pass: impl Fn(
            &str,
            cjk::PageSet,
            &mut cjk::PageSet,
            &mut Tally,
        ) -> (Option<String>, cjk::PageSet),
    ) -> bool {
        let (mut strong, mut pending) = (0, 0);
        let mut changed = false;
        for i in 0..self.lines.len() {
            if !self.hot[i] {
                continue;
            }
            let (t, s) = pass(&self.lines[i], 0, &mut pending, tally);
            if self.evidence[i] {
                strong |= s;
            }
            if let Some(t) = t {
                self.hot[i] = hot(&t);
                self.lines[i] = Cow::Owned(t);
                changed = true;
            }
        }
        if strong & pending != 0 {
            changed |= self.apply(|l| pass(l, strong, &mut 0, tally).0);
        }
        changed
    }
}

/// Which lines of an HTML page lie wholly inside a `script` (but JSON-LD, which holds
/// the page's text again) or `style` element. Code is no evidence of a mix-up: a form's
/// script listing accented letters for a pattern (`[ÀÈÌÒÙàèìòùÁÉÍÓÚÝ…]`) reads as
/// common GBK characters, and once a page counted as holding GBK, every `äß` of its
/// text became one (`rechtm溥ig`); nor is it text to repair.
fn code_lines(lines: &[Cow<str>]) -> Vec<bool> {
    let mut out = Vec::with_capacity(lines.len());
    // The closing tag being looked for, while inside such an element.
    let mut inside: Option<&str> = None;
    for line in lines {
        let lower = line.to_ascii_lowercase();
        let mut code = inside.is_some();
        let mut pos = 0;
        loop {
            match inside {
                Some(close) => match lower[pos..].find(close) {
                    Some(e) => {
                        // Closed on this line: the line holds more than code.
                        code = false;
                        inside = None;
                        pos += e + close.len();
                    }
                    None => break,
                },
                None => {
                    let script = lower[pos..].find("<script");
                    let style = lower[pos..].find("<style");
                    let (at, close) = match (script, style) {
                        (Some(a), Some(b)) if b < a => (b, "</style"),
                        (Some(a), _) => (a, "</script"),
                        (None, Some(b)) => (b, "</style"),
                        (None, None) => break,
                    };
                    let open = pos + at;
                    let tag_end = lower[open..]
                        .find('>')
                        .map_or(lower.len(), |e| open + e + 1);
                    pos = tag_end;
                    if !lower[open..tag_end].contains("ld+json") {
                        inside = Some(close);
                    }
                }
            }
        }
        out.push(code);
    }
    out
}

/// Which lines of Markdown are inside a fenced code block (between lines that open with
/// three backticks or tildes, after at most three spaces), fences included. A regular
/// expression's class of accented letters in a code block (`[ÀÈÌÒÙàèìòù…]`) reads as
/// common GBK characters and made the document count as holding GBK, whose text's `äß`
/// then became `溥`.
fn fenced_lines(lines: &[Cow<str>]) -> Vec<bool> {
    // The open fence's character, while inside a block.
    let mut inside: Option<char> = None;
    lines
        .iter()
        .map(|line| {
            let t = line.trim_end_matches(['\n', '\r']);
            let body = t.trim_start_matches(' ');
            let fence = ['`', '~'].into_iter().find(|&f| {
                t.len() - body.len() <= 3 && body.chars().take(3).filter(|&c| c == f).count() == 3
            });
            match (inside, fence) {
                (None, Some(f)) => inside = Some(f),
                (Some(open), Some(f)) if f == open && body.trim_end().chars().all(|c| c == f) => {
                    inside = None;
                    return true;
                }
                _ => {}
            }
            inside.is_some()
        })
        .collect()
}

/// Repair the mojibake in `text`: the repaired text and what was done, or `None` if
/// there is nothing to repair. Only the lines that hold a character of U+0080–U+07FF
/// (or `√`, `≈`) are looked at, and of an HTML page not those inside its scripts and
/// style sheets; what a document is known to hold is shared among them (learnt from
/// its text, not from Markdown's code blocks: [`Markup`]).
pub fn repair(text: &str, markup: Markup) -> Option<(String, Tally)> {
    if !suspect(text) {
        return None;
    }
    let mut tally = Tally::default();
    let mut lines = Lines::new(text, markup);
    let mut any = false;
    for _ in 0..ROUNDS {
        // Single-byte code pages read as Latin-1 first: their bytes are valid GBK too.
        let mut changed = lines.apply(|l| korean::repair_line(l, &mut tally));
        changed |= lines.apply(|l| singlebyte::repair_line(l, &mut tally));
        changed |= lines.two_pass(&mut tally, cjk::double_byte_runs);
        changed |= lines.two_pass(&mut tally, cjk::utf8_runs);
        changed |= lines.apply(|l| recode::fix_encoding(l, &mut tally));
        if !changed {
            break;
        }
        any = true;
        if !lines.hot.iter().any(|&h| h) {
            break;
        }
    }
    if !any {
        return None;
    }
    let out: String = lines.lines.concat();
    (out != text).then_some((out, tally))
}

/// A UTF-8 byte order mark (EF BB BF) as Cyrillic and DOS code pages spell it:
/// windows-1251, cp866, cp855, KOI8-R, PTCP154, MacCyrillic, cp437 (windows-1252's
/// `ï»¿` is ftfy's repair, [`recode`]). No text says any of them.
pub const BOM_SPELLINGS: [&str; 7] = ["п»ї", "я╗┐", "№╗┐", "О╩©", "п»ҝ", "пїњ", "∩╗┐"];

/// The text with a byte order mark spelled in another code page ([`BOM_SPELLINGS`]) at
/// the start of a line made a byte order mark again (a file's start inside a
/// concatenation, which a site's rules may look for); how many, or `None` if none.
pub fn byte_order_marks(text: &str) -> Option<(String, usize)> {
    if !BOM_SPELLINGS.iter().any(|b| text.contains(b)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    for line in text.split_inclusive('\n') {
        match BOM_SPELLINGS.iter().find(|b| line.starts_with(**b)) {
            Some(b) => {
                out.push('\u{feff}');
                out.push_str(&line[b.len()..]);
                n += 1;
            }
            None => out.push_str(line),
        }
    }
    (n > 0).then_some((out, n))
}

/// How many `?` stand for bytes lost when UTF-8 was read as GBK (`涓?鍗庝汉姘戝叡`): a `?`
/// right after a Han character whose GBK bytes are a UTF-8 lead byte (0xE3–0xEF) and a
/// continuation byte, either way round. The lost bytes cannot be told, so this is only counted.
pub fn gbk_question_marks(text: &str) -> usize {
    let b = text.as_bytes();
    memchr::memchr_iter(b'?', b)
        .filter(|&p| {
            let Some(c) = text[..p].chars().next_back() else {
                return false;
            };
            if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
                return false;
            }
            let mut buf = [0; 4];
            let (bytes, _, bad) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
            let (lead, cont) = (0xE3..=0xEF, 0x80..0xC0);
            !bad && bytes.len() == 2
                && ((lead.contains(&bytes[0]) && cont.contains(&bytes[1]))
                    || (cont.contains(&bytes[0]) && lead.contains(&bytes[1])))
        })
        .count()
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

    fn fixed(text: &str) -> Option<String> {
        super::repair(text, Markup::Plain).map(|(t, _)| t)
    }

    fn as_latin1_bytes(b: &[u8]) -> String {
        b.iter().map(|&b| b as char).collect()
    }

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
    fn an_html_page_s_scripts_are_no_evidence() {
        // A form's script lists accented letters for a pattern: they pair up as common
        // GBK characters, the page counted as holding GBK, and its `äß` became `溥`.
        let page = "<html><head><script>\nvar name = /[ÀÈÌÒÙàèìòùÁÉÍÓÚÝáéíóúý]/;\n</script></head>\n<body><p>Die Maskenpflicht war rechtmäßig, gemäß § 176 GVG.</p>\n<script type=\"application/ld+json\">\n{\"headline\":\n\"Ïðèâåò, ìèð! Êàê äåëà?\"}\n</script>\n</body></html>\n";
        // (JSON-LD holds the page's text again: it is looked at.)
        let (out, _) = repair(page, Markup::Html).expect("the JSON-LD's mojibake");
        assert_eq!(
            out,
            page.replace("Ïðèâåò, ìèð! Êàê äåëà?", "Привет, мир! Как дела?")
        );
        // The same text as plain text is judged as a whole.
        assert_ne!(
            repair(page, Markup::Plain).map(|r| r.0).as_deref(),
            Some(out.as_str())
        );
    }

    #[test]
    fn markdown_code_blocks_are_no_evidence() {
        // The same pattern in a fenced code block: its own line is judged as it is, but
        // the text's `äß` stays.
        let doc = "# Formular\n\nDie Maskenpflicht war rechtmäßig, gemäß § 176 GVG.\n\n```js\nvar name = /[ÀÈÌÒÙàèìòùÁÉÍÓÚÝáéíóúý]/;\n```\n\nDas Ordnungsgeld war rechtmäßig.\n";
        let out = repair(doc, Markup::Markdown).map_or(doc.to_string(), |r| r.0);
        let text = |s: &str| {
            s.lines()
                .filter(|l| l.contains("recht"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(text(&out), text(doc));
        // As plain text the document counts as holding GBK.
        let plain = repair(doc, Markup::Plain).map_or(doc.to_string(), |r| r.0);
        assert_ne!(text(&plain), text(doc));
        assert_eq!(
            fenced_lines(
                &doc.split_inclusive('\n')
                    .map(Cow::Borrowed)
                    .collect::<Vec<_>>()
            ),
            [false, false, false, false, true, true, true, false, false]
        );
    }

    #[test]
    fn a_byte_order_mark_spelled_in_a_cyrillic_or_dos_code_page_is_one_again() {
        // Each spelling is the mark's three bytes read through its code page.
        let pages = [
            encoding_rs::WINDOWS_1251,
            encoding_rs::IBM866,
            encoding_rs::KOI8_R,
            encoding_rs::X_MAC_CYRILLIC,
        ];
        for page in pages {
            let spelled = page.decode_without_bom_handling(b"\xef\xbb\xbf").0;
            assert!(BOM_SPELLINGS.contains(&spelled.as_ref()), "{spelled}");
        }
        let text =
            "正文最后一段。\n\n№╗┐\n\n尊重人不应该胜于尊重真理。--柏拉图\nп»їTitle\nна №╗┐ и я╗┐\n";
        assert_eq!(
            byte_order_marks(text),
            Some((
                "正文最后一段。\n\n\u{feff}\n\n尊重人不应该胜于尊重真理。--柏拉图\n\u{feff}Title\nна №╗┐ и я╗┐\n"
                    .to_string(),
                2
            ))
        );
        // Box drawing and quotes elsewhere are no mark.
        assert_eq!(byte_order_marks("╔══╗\n║ box ║\n«цитата»\n"), None);
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
                fixed(&as_latin1(text)).as_deref(),
                Some(text),
                "latin-1 {text}"
            );
            assert_eq!(
                fixed(&as_cp1252(text)).as_deref(),
                Some(text),
                "cp1252 {text}"
            );
        }
    }

    #[test]
    fn partial_damage_is_repaired_in_place() {
        let damaged = format!("正常的文字，然后 {} 再正常。", as_cp1252("损坏的部分"));
        assert_eq!(
            fixed(&damaged).as_deref(),
            Some("正常的文字，然后 损坏的部分 再正常。")
        );
    }

    #[test]
    fn gbk_and_big5_read_as_latin1_are_undone() {
        assert_eq!(fixed("ÖÐ¹ú").as_deref(), Some("中国"));
        let (gbk, _, _) = encoding_rs::GBK.encode("新闻报道");
        let s: String = gbk.iter().map(|&b| b as char).collect();
        assert_eq!(
            fixed(&format!("标题：{s}")).as_deref(),
            Some("标题：新闻报道")
        );
        let (big5, _, _) = encoding_rs::BIG5.encode("香港新聞");
        let s: String = big5.iter().map(|&b| b as char).collect();
        assert_eq!(fixed(&s).as_deref(), Some("香港新聞"));
    }

    #[test]
    fn a_listing_of_a_code_pages_characters_stays() {
        // An advisory's code lists windows-1252's upper half: read as GBK it became
        // `媚牌侨墒颂臀闲岩釉罩`, `×Ø` read as windows-1257 `ר`. The mojibake on the
        // line under it is undone.
        let table = "   // ÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ\n";
        let text = format!("```\n{table}```\n\nÖÐ¹ú\n");
        let (out, _) = repair(&text, Markup::Markdown).unwrap_or_default();
        assert_eq!(out, format!("```\n{table}```\n\n中国\n"));
        assert_eq!(repair(table, Markup::Plain), None);
        // Seven in a row are no listing, eight are; a word of Cyrillic read as Latin-1
        // is none.
        assert!(!listing("// ÀÁÂÃÄÅÆ"));
        assert!(listing("// ÀÁÂÃÄÅÆÇ"));
        assert!(!listing("Ïðèâåò ìèð"));
    }

    #[test]
    fn big5_hkscs_read_as_latin1_is_undone() {
        // Hong Kong's characters that Big5 has not, by the lead bytes Big5-HKSCS adds:
        // `着` 0xFED3 (`þÓ`), Cantonese `哋` 0x925D, `咗` 0x9DF7, `嘅` 0x9DEF (C1
        // controls read as Latin-1, `’` for 0x92 as windows-1252).
        let latin1 = |b: &[u8]| -> String { b.iter().map(|&b| b as char).collect() };
        let line = [
            &[
                0xA5, 0x4C, 0xAE, 0xB3, 0xFE, 0xD3, 0xA4, 0x40, 0xA5, 0xBB, 0xAE, 0xD1,
            ][..],
            &[0xA8, 0xAB, 0xB6, 0x69, 0xB1, 0xD0, 0xAB, 0xC7, 0xA1, 0x43],
        ]
        .concat();
        assert_eq!(
            fixed(&latin1(&line)).as_deref(),
            Some("他拿着一本書走進教室。")
        );
        let cantonese = [
            0xA7, 0xDA, 0x92, 0x5D, 0xA4, 0xB5, 0xA4, 0xE9, 0xA5, 0x68, 0x9D, 0xF7, 0xB5, 0xF3,
            0xA1, 0x41, 0xCA, 0x5C, 0xB8, 0xDC, 0xA6, 0x6E, 0x9D, 0xEF, 0xA1, 0x43,
        ];
        assert_eq!(
            fixed(&latin1(&cantonese)).as_deref(),
            Some("我哋今日去咗街，佢話好嘅。")
        );
        let cp1252 = latin1(&cantonese).replace('\u{92}', "’");
        assert_eq!(
            fixed(&cp1252).as_deref(),
            Some("我哋今日去咗街，佢話好嘅。")
        );
        // The added lead bytes alone are not it: windows-1252 quotes before letters.
        for text in ["It’s Sú’s café — “ok”", "Ýû’s þú‘x"] {
            assert_eq!(fixed(text), None, "{text}");
        }
        // GBK's characters outside GB2312 hold those bytes too (`碁` 0xB39E): a GBK
        // line is still repaired around them, as the document's other runs are.
        let (gbk, _, _) = encoding_rs::GBK.encode("停用UEFI安全启动，宏碁多款电脑存在严重安全漏洞");
        let out = fixed(&as_latin1_bytes(&gbk)).unwrap_or_default();
        assert!(out.starts_with("停用UEFI安全启动，宏"), "{out}");
        assert!(out.ends_with("多款电脑存在严重安全漏洞"), "{out}");
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
            assert_eq!(fixed(text), None, "{text}");
        }
    }

    #[test]
    fn question_marks_of_utf8_read_as_gbk_are_counted() {
        assert_eq!(
            gbk_question_marks("涓?鍗庝汉姘戝叡鍜屽浗鐨勯?栭兘鏄?鍖椾含"),
            3
        );
        assert_eq!(gbk_question_marks("真的吗?是的? What?"), 0);
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
        assert_eq!(fixed("锟斤拷"), None);
    }
}
