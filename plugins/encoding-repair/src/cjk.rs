//! Chinese text mixed up with single-byte code pages, repaired run by run inside
//! otherwise good text:
//! - UTF-8 read through any code page of `codepage::ALL` (windows-125x, KOI8-R/U, cp866,
//!   PTCP154, KZ-1048, MacRoman, cp437…): `дёӯе…ұ` (PTCP154), `ф╕н` (cp866), `ä¸­`
//!   (windows-1252), `[ç™»ه½•]` (windows-1256) — a byte 0xA0 that was dropped is put back
//!   where that alone completes a common character;
//! - GBK or Big5 read as Latin-1: `ÖÐ¹²ÖÐÑëÕþÖÎ¾Ö³£ÎñÎ¯Ô±»á3ÔÂ17ÈÕ`, ASCII digits and
//!   letters inside the run included;
//! - UTF-8 read as Latin-1, written as UTF-8 again and read as GBK ([`twice_runs`]):
//!   `盲驴隆忙聛炉` for `信息`, every byte a Han character of GBK's rows C2 and C3 (judged
//!   on its own terms: see there).
//!
//! A run is repaired only when its decoding passes `plausible::CjkVerdict`: nothing but
//! CJK characters and punctuation, common Han characters, two Han characters at least.
//! Once a document holds such a run for a code page, every other run of that code page
//! that decodes is repaired too (`е№ҙ` for 年 between digits, `В©` for ©, rarer Han).

use std::sync::OnceLock;

use crate::codepage::{bytes_of, ALL, WINDOWS_1252};
use crate::mojibake::Tally;
use crate::plausible::{
    han_level, is_cjk_punctuation, plain_word, script_letter, CjkVerdict, HanLevel,
};

/// A bit per code page of `ALL`, then GBK and Big5.
pub type PageSet = u32;
const GBK_BIT: PageSet = 1 << 30;
const BIG5_BIT: PageSet = 1 << 31;

/// The length of the UTF-8 sequence `lead` starts (0: not a lead byte).
fn seq_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

fn is_continuation(b: u8) -> bool {
    (0x80..0xC0).contains(&b)
}

/// One complete UTF-8 sequence (its lead byte says how long), strictly: no overlong
/// forms, surrogates or code points beyond U+10FFFF.
#[inline]
fn decode_sequence(b: &[u8]) -> Option<char> {
    if !b[1..].iter().all(|&x| is_continuation(x)) {
        return None;
    }
    let cont = |i: usize| u32::from(b[i] & 0x3F);
    let (u, min) = match b.len() {
        2 => ((u32::from(b[0] & 0x1F) << 6) | cont(1), 0x80),
        3 => (
            (u32::from(b[0] & 0x0F) << 12) | (cont(1) << 6) | cont(2),
            0x800,
        ),
        4 => (
            (u32::from(b[0] & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            0x10000,
        ),
        _ => return None,
    };
    if u < min {
        return None;
    }
    char::from_u32(u)
}

/// The UTF-8 sequence at the start of `b`: the character and how many bytes it took.
/// A three-byte sequence missing one byte takes 0xA0 for it when that alone makes a
/// common Han character (converters drop 0xA0, a no-break space in most code pages):
/// before another sequence's lead byte, or at the end of `b` when `open_end` (the run
/// ended at ASCII or the end of the text, not at a character of another code page); a
/// lone 0xC2 at such an end is a no-break space.
fn sequence_at(b: &[u8], open_end: bool) -> Option<(char, usize)> {
    let n = seq_len(b[0]);
    if n == 0 {
        return None;
    }
    if b.len() >= n {
        if let Some(c) = decode_sequence(&b[..n]) {
            return Some((c, n));
        }
    }
    // A lone 0xC2 whose no-break space was dropped with the end of a line.
    if b.len() == 1 && b[0] == 0xC2 && open_end {
        return Some(('\u{A0}', 1));
    }
    let next_is_lead = b.get(2).map_or(open_end, |&x| seq_len(x) > 0);
    if n == 3 && b.len() >= 2 && is_continuation(b[1]) && next_is_lead {
        for seq in [[b[0], b[1], 0xA0], [b[0], 0xA0, b[1]]] {
            if let Some(c) = decode_sequence(&seq) {
                if han_level(c) == HanLevel::Common {
                    return Some((c, 2));
                }
            }
        }
    }
    None
}

/// Whether a decoded character may be part of a CJK repair.
fn cjk_char(c: char) -> bool {
    han_level(c) != HanLevel::Rare || is_cjk_punctuation(c)
}

/// Whether a decoded character may be part of a repair once the document is known to
/// hold this mix-up: anything but controls, private use, noncharacters and U+FFFD.
fn any_char(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || (0xE000..=0xF8FF).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
        || u == 0xFFFD)
}

/// A stretch of decoded characters within a run: `start..end` in characters of the run.
struct Piece {
    start: usize,
    end: usize,
    text: String,
    /// Its Han characters and CJK punctuation.
    counts: CjkVerdict,
    /// Whether it holds other characters (only with `any`).
    other: bool,
}

impl Piece {
    /// `CjkVerdict::judge` of its text.
    fn verdict(&self) -> Option<CjkVerdict> {
        let v = self.counts;
        (!self.other && v.known * 2 <= v.common).then_some(v)
    }
}

/// Runs of decoded characters within `run` (whose characters stand for `bytes`, one
/// byte each). CJK characters only, or with `any` every character `any_char` allows.
fn cjk_pieces(bytes: &[u8], open_end: bool, any: bool) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let Some((c, used)) = sequence_at(&bytes[i..], open_end) else {
            i += 1;
            continue;
        };
        let mut counts = CjkVerdict::default();
        let mut other = false;
        match han_level(c) {
            HanLevel::Common => counts.common = 1,
            HanLevel::Known => counts.known = 1,
            HanLevel::Rare if is_cjk_punctuation(c) => counts.punctuation = 1,
            HanLevel::Rare if any && any_char(c) => other = true,
            HanLevel::Rare => {
                i += used;
                continue;
            }
        }
        match pieces.last_mut() {
            Some(p) if p.end == i => {
                p.end = i + used;
                p.text.push(c);
                p.counts.common += counts.common;
                p.counts.known += counts.known;
                p.counts.punctuation += counts.punctuation;
                p.other |= other;
            }
            _ => {
                let mut text = String::with_capacity(bytes.len() - i);
                text.push(c);
                pieces.push(Piece {
                    start: i,
                    end: i + used,
                    text,
                    counts,
                    other,
                })
            }
        }
        i += used;
    }
    pieces
}

fn accepted(v: &CjkVerdict, bit: PageSet, singles: PageSet) -> bool {
    v.strong() || (singles & bit != 0 && v.any())
}

/// A run decoded through one code page.
struct Candidate {
    /// Its index in `ALL`.
    page: usize,
    /// Where each of its characters starts in the text, and where it ends.
    offsets: Vec<usize>,
    /// The decoded pieces it takes.
    pieces: Vec<Piece>,
    /// How many of the run's characters the pieces cover.
    covered: usize,
}

impl Candidate {
    /// The run with its pieces in place of the characters they decode.
    fn replacement(&self, text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for p in &self.pieces {
            out.push_str(&text[self.offsets[at]..self.offsets[p.start]]);
            out.push_str(&p.text);
            at = p.end;
        }
        out.push_str(&text[self.offsets[at]..self.offsets[self.offsets.len() - 1]]);
        out
    }
}

/// `text[start..end]` widened to the whole word: the letters of the alphabets code pages
/// hold (`plausible::plain_word`) right before and after it.
fn word_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| script_letter(c))
        .last()
        .map_or(start, |(i, _)| i);
    let to = end
        + text[end..]
            .chars()
            .take_while(|&c| script_letter(c))
            .map(char::len_utf8)
            .sum::<usize>();
    &text[from..to]
}

/// Repair UTF-8 read through the code pages of `ALL`, run by run. Runs below the
/// strength of `CjkVerdict::strong` are repaired only for the code pages in `singles`.
/// Returns the text if it changed, and the code pages that had strong runs; adds to
/// `pending` the code pages that had weaker CJK runs left as they were.
pub fn utf8_runs(
    text: &str,
    singles: PageSet,
    pending: &mut PageSet,
    tally: &mut Tally,
) -> (Option<String>, PageSet) {
    let mut out = String::new();
    let mut copied = 0;
    let mut strong: PageSet = 0;
    // Per code page: where its last run ended (a run is tried once, from its start).
    let mut tried_until = [0usize; ALL.len()];
    // Pieces repaired per code page.
    let mut repaired = [0usize; ALL.len()];
    let mut bytes: Vec<u8> = Vec::new();
    let tb = text.as_bytes();
    let mut pos = 0;
    while pos < tb.len() {
        // Characters that stand for bytes start with these lead bytes: skip the rest
        // (ASCII, CJK) without decoding.
        let Some(off) = tb[pos..]
            .iter()
            .position(|&b| (0xC2..=0xDF).contains(&b) || b == 0xE2 || b == 0xEF)
        else {
            break;
        };
        let start = pos + off;
        let c = text[start..].chars().next().unwrap_or_default();
        pos = start + c.len_utf8();
        if start < copied {
            continue;
        }
        let Some(row) = bytes_of(c) else { continue };
        // The code page whose run decodes furthest wins (on ties, one the document is
        // known to hold, else the first).
        let mut best: Option<Candidate> = None;
        // A run starts with a lead byte; to hold CJK on its own, with that of a
        // character of U+3000–U+9FFF or a full-width form. The others are left for the
        // second pass, should the document turn out to hold their mix-up.
        *pending |= row.lead & !row.cjk_lead & !singles;
        // Where the next character is no continuation byte, a lead byte starts nothing
        // (but a lone 0xC2, whose no-break space was dropped).
        let next = text[pos..]
            .chars()
            .next()
            .filter(|n| !n.is_ascii())
            .and_then(bytes_of)
            .map_or(0, |r| r.continuation);
        let mut candidates = (row.cjk_lead & next) | (row.lead & singles);
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let bit = 1 << k;
            let any = singles & bit != 0;
            if tried_until[k] > start {
                continue;
            }
            // The sequence the run starts with must go on with a continuation byte and,
            // unless the mix-up is known, decode to a CJK character (the later leads of
            // a run are candidates of their own).
            let mut first = [row.bytes[k], 0, 0];
            for (slot, ch) in first[1..].iter_mut().zip(text[pos..].chars()) {
                *slot = if ch.is_ascii() {
                    0
                } else {
                    bytes_of(ch).map_or(0, |r| r.bytes[k])
                };
            }
            let starts_well = if any {
                (0x80..0xC0).contains(&first[1]) || first[0] == 0xC2
            } else {
                sequence_at(&first, false).is_some_and(|(c, _)| cjk_char(c))
            };
            if !starts_well {
                continue;
            }
            bytes.clear();
            let mut offsets = Vec::with_capacity(64);
            let mut end = start;
            for ch in text[start..].chars() {
                let b = if ch.is_ascii() {
                    0
                } else {
                    bytes_of(ch).map_or(0, |r| r.bytes[k])
                };
                if b == 0 {
                    break;
                }
                offsets.push(end);
                bytes.push(b);
                end += ch.len_utf8();
            }
            offsets.push(end);
            tried_until[k] = end;
            // CJK takes three bytes; other characters only once the mix-up is known.
            if bytes.len() < if any { 1 } else { 3 } {
                continue;
            }
            let open_end = text[end..].chars().next().is_none_or(|n| n.is_ascii());
            let mut taken = Vec::new();
            let mut covered = 0;
            for piece in cjk_pieces(&bytes, open_end, any) {
                // A piece whose characters lie inside a word that reads as a word of its
                // own script (`plausible::plain_word`) is neither evidence nor repaired:
                // valid Russian is often valid UTF-8 as cp866 (`почечная` holds 祠筠 once
                // dropped 0xA0 bytes are put back). Once the document is known to hold
                // this mix-up, such a piece is repaired only when it is the whole word
                // and decodes to CJK (`иөһ` → 赞, `пјү` → `）`), or is a lone 0xC2 before
                // ASCII, a no-break space whose 0xA0 was dropped.
                let (from, to) = (offsets[piece.start], offsets[piece.end]);
                let word = word_around(text, from, to);
                if plain_word(word) {
                    let whole = word.len() == to - from;
                    let cjk = piece.verdict().is_some_and(|v| v.any());
                    if !(any && whole && (cjk || piece.text == "\u{a0}")) {
                        continue;
                    }
                }
                let v = piece.verdict();
                if v.is_some_and(|v| v.strong()) {
                    strong |= bit;
                }
                if !any && v.is_some_and(|v| v.any()) {
                    *pending |= bit;
                }
                if any || v.is_some_and(|v| v.strong()) {
                    covered += piece.end - piece.start;
                    taken.push(piece);
                }
            }
            // On ties, a code page the document is known to hold wins.
            let better = |b: &Candidate| {
                covered > b.covered || (covered == b.covered && any && singles & (1 << b.page) == 0)
            };
            if !taken.is_empty() && best.as_ref().is_none_or(better) {
                // The run ended where no code page goes on.
                let stop = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|n| n.is_ascii() || bytes_of(n).is_none());
                let whole = covered == bytes.len() && stop;
                best = Some(Candidate {
                    page: k,
                    offsets,
                    pieces: taken,
                    covered,
                });
                // Decoded whole, up to where no code page goes on: none does better.
                if whole {
                    break;
                }
            }
        }
        if let Some(b) = best {
            let end = b.offsets[b.offsets.len() - 1];
            if out.capacity() == 0 {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..start]);
            out.push_str(&b.replacement(text));
            copied = end;
            pos = end;
            repaired[b.page] += b.pieces.len();
        }
    }
    for (cp, &n) in ALL.iter().zip(&repaired) {
        if n > 0 {
            tally.add_n(&format!("utf-8 read as {}", cp.name), n);
        }
    }
    if copied == 0 {
        return (None, strong);
    }
    out.push_str(&text[copied..]);
    (Some(out), strong)
}

/// A double-byte character set and the pairs of bytes it is judged on.
struct DoubleByte {
    encoding: &'static encoding_rs::Encoding,
    bit: PageSet,
    kind: &'static str,
    pair: fn(u8, u8) -> bool,
}

static DOUBLE_BYTE: [DoubleByte; 2] = [
    DoubleByte {
        encoding: encoding_rs::GBK,
        bit: GBK_BIT,
        kind: "gbk read as latin-1",
        // GB2312: punctuation rows and both levels of hanzi.
        pair: |l, t| (matches!(l, 0xA1..=0xA9 | 0xB0..=0xF7)) && (0xA1..=0xFE).contains(&t),
    },
    DoubleByte {
        encoding: encoding_rs::BIG5,
        bit: BIG5_BIT,
        kind: "big5 read as latin-1",
        // Big5, and Big5-HKSCS's lead bytes ([`hkscs_lead`]).
        pair: |l, t| {
            ((0xA1..=0xF9).contains(&l) || hkscs_lead(l)) && matches!(t, 0x40..=0x7E | 0xA1..=0xFE)
        },
    },
];

/// Whether `b` is a lead byte Big5-HKSCS adds to Big5 (0x87–0x9F, 0xFA–0xFE; not 0xA0,
/// the no-break space a page's `&nbsp;` gives): Hong Kong's characters that Big5 has
/// not (Cantonese `嘅` 0x9DEF, `咗` 0x9DF7, `哋` 0x925D; `着` 0xFED3, `峯` 0xFBDF).
/// Read as Latin-1 its bytes 0x87–0x9F are C1 controls (windows-1252: `‡` `’` `“`…),
/// 0xFA–0xFE `ú`–`þ`.
fn hkscs_lead(b: u8) -> bool {
    matches!(b, 0x87..=0x9F | 0xFA..=0xFE)
}

/// The lead bytes [`pair_tables`] covers: 0x81–0xFE.
const TABLE_FIRST_LEAD: u8 = 0x81;

/// What every pair of the lead bytes 0x81–0xFE decodes to in GBK and in Big5 that
/// `cjk_char` allows and the code set's `pair` admits (`'\0'` for the others), indexed
/// by lead − 0x81 and trail.
fn pair_tables() -> &'static [Vec<char>; 2] {
    static TABLES: OnceLock<[Vec<char>; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        std::array::from_fn(|k| {
            let db = &DOUBLE_BYTE[k];
            let mut table = vec!['\0'; 126 * 256];
            for lead in TABLE_FIRST_LEAD..=0xFEu8 {
                for trail in 0x40..=0xFEu8 {
                    if !(db.pair)(lead, trail) {
                        continue;
                    }
                    let c = db
                        .encoding
                        .decode_without_bom_handling_and_without_replacement(&[lead, trail])
                        .and_then(|s| s.chars().next())
                        .filter(|&c| cjk_char(c));
                    if let Some(c) = c {
                        table[(lead - TABLE_FIRST_LEAD) as usize * 256 + trail as usize] = c;
                    }
                }
            }
            table
        })
    })
}

/// The CJK character a pair of bytes decodes to in `db`, if `cjk_char` allows it.
#[inline]
fn pair_char(db: &DoubleByte, lead: u8, trail: u8) -> Option<char> {
    if !(TABLE_FIRST_LEAD..=0xFE).contains(&lead) {
        return None;
    }
    let k = usize::from(db.bit == BIG5_BIT);
    match pair_tables()[k][(lead - TABLE_FIRST_LEAD) as usize * 256 + trail as usize] {
        '\0' => None,
        c => Some(c),
    }
}

/// The longest prefix of `bytes` that decodes in `db` as CJK pairs and ASCII: its
/// length in bytes, the text, its verdict, and whether it holds ASCII letters that are
/// not trail bytes.
fn double_byte_prefix(db: &DoubleByte, bytes: &[u8]) -> Option<Prefix> {
    let mut out = String::new();
    let mut i = 0;
    let mut end = 0;
    let (mut letters, mut pending_letters) = (false, false);
    let (mut ascii_trail, mut symbol_lead) = (false, false);
    // Pairs of Big5 and of the lead bytes Big5-HKSCS adds.
    let (mut standard, mut extended) = (0usize, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            pending_letters |= b.is_ascii_alphabetic();
            i += 1;
            continue;
        }
        let Some(&t) = bytes.get(i + 1) else { break };
        if !(db.pair)(b, t) {
            break;
        }
        let Some(c) = pair_char(db, b, t) else {
            break;
        };
        // The ASCII between the last pair and this one.
        out.extend(bytes[end..i].iter().map(|&b| b as char));
        out.push(c);
        letters |= pending_letters;
        pending_letters = false;
        ascii_trail |= t < 0x80;
        symbol_lead |= (0xA1..=0xBF).contains(&b);
        if hkscs_lead(b) {
            extended += 1;
        } else {
            standard += 1;
        }
        i += 2;
        end = i;
    }
    // Hong Kong's characters only among Big5's: pairs of the added lead bytes alone
    // (windows-1252 quotes before letters, `’s`) are not this.
    if end == 0 || standard == 0 || extended > standard {
        return None;
    }
    let verdict = CjkVerdict::judge(&out)?;
    Some(Prefix {
        len: end,
        text: out,
        verdict,
        letters,
        ascii_trail,
        symbol_lead,
    })
}

/// What `double_byte_prefix` found.
struct Prefix {
    /// Its length in bytes.
    len: usize,
    text: String,
    verdict: CjkVerdict,
    /// Whether it holds ASCII letters that are not trail bytes.
    letters: bool,
    /// Whether a pair has an ASCII trail byte (Big5).
    ascii_trail: bool,
    /// Whether a pair's lead byte is a Latin-1 symbol (0xA1–0xBF), as most Big5 leads are.
    symbol_lead: bool,
}

/// The byte `c` stands for in text read as windows-1252 (C1 controls included), ASCII
/// letters, digits and symbols included: what a run of GBK or Big5 read as Latin-1 is
/// looked for in.
fn run_byte(c: char) -> Option<u8> {
    match c as u32 {
        0x21..=0x7E | 0x80..=0xFF => Some(c as u32 as u8),
        0x100.. => WINDOWS_1252.byte(c),
        _ => None,
    }
}

/// How many of the upper-half bytes of `bytes` belong to complete UTF-8 sequences.
pub(crate) fn utf8_share(bytes: &[u8]) -> (usize, usize) {
    let (mut inside, mut high) = (0, 0);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let n = seq_len(bytes[i]);
        if n > 0 && i + n <= bytes.len() && std::str::from_utf8(&bytes[i..i + n]).is_ok() {
            inside += n;
            high += n;
            i += n;
        } else {
            high += 1;
            i += 1;
        }
    }
    (inside, high)
}

/// Judge one run (its bytes start with an upper-half byte): the best decoding.
fn double_byte_run(
    bytes: &[u8],
    singles: PageSet,
    strong: &mut PageSet,
    pending: &mut PageSet,
) -> Option<(&'static DoubleByte, usize, String)> {
    // One character repeated (`······`) is punctuation, not this.
    let highs = || bytes.iter().filter(|&&b| b >= 0x80);
    let first = highs().next().copied();
    if highs().all(|&b| Some(b) == first) {
        return None;
    }
    let letter = highs().any(|&b| b >= 0xC0 && b != 0xD7 && b != 0xF7);
    let mut best: Option<(&'static DoubleByte, Prefix)> = None;
    for db in &DOUBLE_BYTE {
        let Some(p) = double_byte_prefix(db, bytes) else {
            continue;
        };
        let known = singles & db.bit != 0;
        if !known {
            // Left for the second pass, should the document turn out to hold this.
            *pending |= db.bit;
        }
        // Latin-1 punctuation alone (`·°`) is not it either, unless a pair has an ASCII
        // trail byte (`·s»D`, Big5) or the document is known to hold this mix-up.
        if !(letter || p.ascii_trail || known) {
            continue;
        }
        // Big5 whose every lead is a capital letter (`Ä£ÄM`) is Latin text in capitals.
        if db.bit == BIG5_BIT && !known && !p.symbol_lead {
            continue;
        }
        // Every upper-half byte of the run must be part of a pair (once the document is
        // known to hold this, the pairs before a stray byte will do).
        if !known && bytes[p.len..].iter().any(|&b| b >= 0x80) {
            // A long prefix is evidence all the same, for the second pass.
            if p.verdict.common >= 4 && !p.letters {
                *strong |= db.bit;
            }
            continue;
        }
        // ASCII letters between the pairs: Latin text with accents, unless a pair holds
        // a symbol byte (Latin-1 `¡`–`¿`), as Chinese text nearly always does. Not the
        // soft hyphen (0xAD): German and French pages hyphenate words with it
        // (`Ge\u{AD}walt\u{AD}prä\u{AD}ven\u{AD}ti\u{AD}on`), and with the ASCII letter after
        // it, or the accented letter before it, it makes a Big5 pair.
        if p.letters
            && !bytes[..p.len]
                .iter()
                .any(|&b| (0xA1..=0xBF).contains(&b) && b != 0xAD)
        {
            continue;
        }
        if p.verdict.strong() {
            *strong |= db.bit;
        }
        if !accepted(&p.verdict, db.bit, singles) {
            continue;
        }
        let better = match &best {
            None => true,
            Some((_, b)) => {
                p.len > b.len || (p.len == b.len && p.verdict.common > b.verdict.common)
            }
        };
        if better {
            best = Some((db, p));
        }
    }
    best.map(|(db, p)| (db, p.len, p.text))
}

/// Whether the byte at `j` of `bytes` is the lead of a Big5-HKSCS pair: an added lead
/// byte ([`hkscs_lead`]) before a Big5 trail byte.
fn hk_pair(bytes: &[u8], j: usize) -> bool {
    hkscs_lead(bytes[j])
        && bytes
            .get(j + 1)
            .is_some_and(|&t| matches!(t, 0x40..=0x7E | 0xA1..=0xFE))
}

/// A run of a stretch that decodes ([`byte_runs`]).
struct DecodedRun {
    db: &'static DoubleByte,
    /// Where it starts in the stretch's bytes, and its length.
    start: usize,
    len: usize,
    decoded: String,
}

/// The runs of a stretch's `bytes` that decode as GBK or Big5: the stretch split where
/// bytes 0x80–0x9F stand (but, with `hkscs`, where such a byte leads a Big5-HKSCS
/// pair), each run from its first upper-half byte; after a run that decodes, the rest
/// of it gets its own chance.
fn byte_runs(
    bytes: &[u8],
    hkscs: bool,
    singles: PageSet,
    strong: &mut PageSet,
    pending: &mut PageSet,
) -> Vec<DecodedRun> {
    // A pair at least (the verdict asks for two Han characters unless the document is
    // known to hold the mix-up; Big5 trail bytes may be ASCII).
    let min_high = 2;
    let lead_pair = |j: usize| hkscs && hk_pair(bytes, j);
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let Some(s0) = (i..bytes.len()).find(|&j| bytes[j] >= 0xA0 || lead_pair(j)) else {
            break;
        };
        let e0 = (s0..bytes.len())
            .find(|&j| (0x80..0xA0).contains(&bytes[j]) && !lead_pair(j))
            .unwrap_or(bytes.len());
        i = e0 + 1;
        let run = &bytes[s0..e0];
        if run.iter().filter(|&&b| b >= 0x80).count() < min_high {
            continue;
        }
        if let Some((db, len, decoded)) = double_byte_run(run, singles, strong, pending) {
            found.push(DecodedRun {
                db,
                start: s0,
                len,
                decoded,
            });
            i = s0 + len;
        }
    }
    found
}

/// Repair GBK and Big5 text read as Latin-1 (or windows-1252), run by run: a run is
/// Latin-1 characters and the ASCII letters, digits and symbols between them, from its
/// first upper-half character. Returns the text if it changed, and which of the two
/// had strong runs; adds to `pending` those that had weaker runs left as they were.
pub fn double_byte_runs(
    text: &str,
    singles: PageSet,
    pending: &mut PageSet,
    tally: &mut Tally,
) -> (Option<String>, PageSet) {
    let mut out = String::new();
    let mut copied = 0;
    let mut strong: PageSet = 0;
    let mut bytes = Vec::new();
    let mut ends = Vec::new();
    // The stretches that could be this ([`SPACED_RUN_MAX`]), and the repaired runs'
    // kinds (counted once the line is known to be repaired).
    let mut spaced: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut kinds: Vec<&'static str> = Vec::new();
    let tb = text.as_bytes();
    let hyphenated = soft_hyphenated(text);
    let byte_of = |c: char| run_byte(c).filter(|_| !(hyphenated && c == '\u{AD}'));
    let mut pos = 0;
    while pos < tb.len() {
        // Latin-1 characters (and windows-1252's) start with these lead bytes.
        let Some(off) = tb[pos..]
            .iter()
            .position(|&b| matches!(b, 0xC2 | 0xC3 | 0xC5 | 0xC6 | 0xCB | 0xE2))
        else {
            break;
        };
        let start = pos + off;
        let c = text[start..].chars().next().unwrap_or_default();
        pos = start + c.len_utf8();
        if byte_of(c).is_none() {
            continue;
        }
        // The stretch: from here to a character that stands for no byte (whitespace,
        // CJK…).
        bytes.clear();
        ends.clear();
        let mut end = start;
        for ch in text[start..].chars() {
            let Some(b) = byte_of(ch) else { break };
            bytes.push(b);
            end += ch.len_utf8();
            ends.push(end);
        }
        pos = end;
        // A stretch glued to a Greek, Cyrillic, Hebrew or Arabic letter (perhaps through
        // a joiner or direction mark those code pages also hold) is a piece of that
        // code page's mojibake (`ه؛¦ç©؛` for `度空`: UTF-8 read through windows-1256,
        // Arabic letters between Latin-1 ones), which [`utf8_runs`] repairs whole.
        let letter = |c: Option<char>| {
            c.is_some_and(|c| matches!(c as u32, 0x0370..=0x052F | 0x0590..=0x06FF))
        };
        let mark = |c: Option<char>| c.is_some_and(|c| matches!(c as u32, 0x200C..=0x200F));
        let mut before = text[..start].chars().rev();
        let mut after = text[end..].chars();
        let (b1, b2) = (before.next(), before.next());
        let (a1, a2) = (after.next(), after.next());
        if letter(b1) || (mark(b1) && letter(b2)) || letter(a1) || (mark(a1) && letter(a2)) {
            continue;
        }
        // UTF-8 mojibake (`Ã¡`, `â€œ`) is valid GBK too: a stretch that is mostly UTF-8
        // is not this.
        let (inside, high) = utf8_share(&bytes);
        if high < 2 || inside * 4 > high * 3 {
            continue;
        }
        // A candidate stretch: repaired characters, start, end, whether any run of it
        // was repaired.
        spaced.push((0, start, end, false));
        // Runs: the stretch split where bytes 0x80–0x9F stand (no GBK or Big5 character
        // of the common set holds one), each from its first upper-half byte. A stretch
        // where such a byte is the lead of a Big5-HKSCS pair (a C1 control or
        // windows-1252 symbol before a Big5 trail byte: `嘅` 0x9DEF) is first read
        // without cutting there; that reading stands if a Big5 run takes such a pair,
        // else the stretch is cut as before (GBK's own characters outside GB2312 hold
        // those bytes too: `碁` 0xB39E, `決` 0x9B51).
        let hk = (0..bytes.len()).any(|j| (0x80..0xA0).contains(&bytes[j]) && hk_pair(&bytes, j));
        let mut found = None;
        if hk {
            let (mut st, mut pe) = (strong, *pending);
            let runs = byte_runs(&bytes, true, singles, &mut st, &mut pe);
            let takes = runs.iter().any(|r| {
                r.db.bit == BIG5_BIT
                    && bytes[r.start..r.start + r.len]
                        .iter()
                        .any(|b| (0x80..0xA0).contains(b))
            });
            if takes {
                (strong, *pending) = (st, pe);
                found = Some(runs);
            }
        }
        let runs = match found {
            Some(runs) => runs,
            None => byte_runs(&bytes, false, singles, &mut strong, pending),
        };
        for r in runs {
            let run_start = if r.start == 0 {
                start
            } else {
                ends[r.start - 1]
            };
            out.push_str(&text[copied..run_start]);
            out.push_str(&r.decoded);
            copied = ends[r.start + r.len - 1];
            if let Some(c) = spaced.last_mut() {
                c.0 += r.decoded.chars().count();
                c.3 = true;
            }
            kinds.push(r.db.kind);
        }
    }
    if copied == 0 {
        return (None, strong);
    }
    // Words of another script's legacy code page read as Latin-1 between spaces (Korean
    // in EUC-KR, `¾È³çÇÏ¼¼¿ä, ¼¼°è.`; Greek, Arabic) are valid GBK too, word by word;
    // Chinese is written without spaces, so a line of three or more stretches of such
    // bytes apart by spaces or punctuation alone (no ASCII word between them, as Chinese
    // text with Latin words in it has) is not this when some of them do not decode (most
    // Greek and Arabic words do not) or all are short: at most [`SPACED_RUN_MAX`]
    // characters and [`SPACED_MEAN_MAX`] on average (Korean words). (`korean` and
    // `singlebyte` repair such lines first when they can tell the script; this keeps
    // the others from becoming Han characters.)
    let words = spaced.len();
    let apart = spaced.windows(2).all(|w| {
        let between = &text[w[0].2..w[1].1];
        !between.bytes().any(|b| b.is_ascii_alphanumeric())
    });
    let repaired = spaced.iter().filter(|w| w.3).count();
    let chars: usize = spaced.iter().map(|w| w.0).sum();
    if words >= 3
        && apart
        && (repaired < words
            || (spaced.iter().all(|w| w.0 <= SPACED_RUN_MAX) && chars <= SPACED_MEAN_MAX * words))
    {
        return (None, 0);
    }
    for kind in kinds {
        tally.add(kind);
    }
    out.push_str(&text[copied..]);
    (Some(out), strong)
}

/// Whether a line hyphenates its words with soft hyphens (U+00AD), as German and French
/// pages do (`Ge\u{AD}walt\u{AD}prä\u{AD}ven\u{AD}ti\u{AD}on`): two or more between
/// letters, one of them ASCII, and no fewer than half as many as its other Latin-1
/// characters. Its soft hyphens are no bytes of GBK or Big5 (with the letter after or
/// before them they make pairs of both: `Ge趴alt計r鉽ven負i觔n`); Chinese read as Latin-1
/// holds one for every fifty or so characters, among its other Latin-1 symbols and
/// letters.
fn soft_hyphenated(text: &str) -> bool {
    if !text.contains('\u{AD}') {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut hyphens = 0usize;
    let mut others = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{AD}' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
            let ascii = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphabetic());
            if letter(before) && letter(after) && (ascii(before) || ascii(after)) {
                hyphens += 1;
            }
        } else if ('\u{80}'..='\u{FF}').contains(&c) {
            others += 1;
        }
    }
    hyphens >= 2 && hyphens * 2 >= others
}

/// See [`double_byte_runs`]: the longest run (in characters) of a line of spaced words.
const SPACED_RUN_MAX: usize = 6;
/// See [`double_byte_runs`]: their mean length at most.
const SPACED_MEAN_MAX: usize = 4;

/// Each byte of UTF-8 as the GBK character it became when the UTF-8 was read as Latin-1,
/// written as UTF-8 again and that read as GBK ([`twice_runs`]): 0x80–0xBF are the pairs
/// C2 80–BF (`聙`…`驴`), 0xC0–0xFF the pairs C3 80–BF (`脌`…`每`).
fn twice_bytes() -> &'static std::collections::HashMap<char, u8> {
    static TABLE: OnceLock<std::collections::HashMap<char, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = std::collections::HashMap::new();
        for (lead, base) in [(0xC2u8, 0x80u8), (0xC3, 0xC0)] {
            for trail in 0x80..=0xBFu8 {
                let pair = [lead, trail];
                let decoded =
                    encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&pair);
                if let Some(c) = decoded.and_then(|s| s.chars().next()) {
                    table.insert(c, base + (trail - 0x80));
                }
            }
        }
        table
    })
}

/// The characters the lead bytes of U+4000–U+9FFF (0xE4–0xE9) became ([`twice_runs`]).
const TWICE_LEADS: [&str; 6] = ["盲", "氓", "忙", "莽", "猫", "茅"];

/// Least Han characters of the first level a run must decode to for [`twice_runs`] to
/// take the document for this mix-up; once it is, every run that decodes is repaired.
const TWICE_STRONG_HAN: usize = 2;

/// Repair UTF-8 that was read as Latin-1, written as UTF-8 again and then read as GBK:
/// every byte of the text became a Han character of GBK's rows C2 and C3 (`我们` is
/// `忙聢聭盲禄卢`, `（` is `茂录聢`). A run of such characters is repaired when its bytes
/// decode as UTF-8 into Chinese text (Han characters of GB2312 or Big5, CJK punctuation,
/// ASCII); a document is taken for this mix-up when a run decodes to
/// [`TWICE_STRONG_HAN`] common Han characters at least and such runs make up half of its
/// Han characters or more. Returns the text if it changed.
pub fn twice_runs(text: &str, tally: &mut Tally) -> Option<String> {
    let table = twice_bytes();
    // A Han character's lead byte (0xE4–0xE9) became one of these, and a continuation
    // byte follows it: a text without such a pair holds no such run.
    let paired = TWICE_LEADS.iter().any(|l| {
        memchr::memmem::find_iter(text.as_bytes(), l.as_bytes()).any(|i| {
            text[i + l.len()..]
                .chars()
                .next()
                .and_then(|c| table.get(&c))
                .is_some_and(|&b| b < 0xC0)
        })
    });
    if !paired {
        return None;
    }
    // The runs: byte ranges of `text`, how many characters, and the bytes they stand for.
    let mut runs: Vec<(usize, usize, usize, Vec<u8>)> = Vec::new();
    let mut current: Option<(usize, Vec<u8>)> = None;
    for (at, c) in text.char_indices() {
        match (table.get(&c), current.as_mut()) {
            (Some(&b), Some((_, bytes))) => bytes.push(b),
            (Some(&b), None) => current = Some((at, vec![b])),
            (None, _) => {
                if let Some((start, bytes)) = current.take() {
                    runs.push((start, at, bytes.len(), bytes));
                }
            }
        }
    }
    if let Some((start, bytes)) = current.take() {
        runs.push((start, text.len(), bytes.len(), bytes));
    }
    // A run is repaired when its bytes are UTF-8 of Chinese text: Han characters of
    // GB2312 or Big5, CJK punctuation, ASCII without controls (`脫漏` reads as
    // Cyrillic `ө`: no).
    let decoded: Vec<Option<String>> = runs
        .iter()
        .map(|(_, _, n, bytes)| {
            let s = std::str::from_utf8(bytes).ok()?;
            let chinese = s.chars().all(|c| {
                (c.is_ascii() && (!c.is_control() || c == '\t'))
                    || han_level(c) != HanLevel::Rare
                    || is_cjk_punctuation(c)
            });
            (*n >= 2 && chinese).then(|| s.to_string())
        })
        .collect();
    let strong = decoded.iter().flatten().any(|s| {
        s.chars()
            .filter(|&c| han_level(c) == HanLevel::Common)
            .count()
            >= TWICE_STRONG_HAN
    });
    // Most of the document's Han characters are such runs: an article that quotes this
    // mojibake (`乱码“盲赂颅忙聳聡”就是“中文”`) keeps its quotation.
    let han = text
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    let covered: usize = runs
        .iter()
        .zip(&decoded)
        .filter(|(_, d)| d.is_some())
        .map(|((_, _, n, _), _)| n)
        .sum();
    if !strong || covered * 2 < han {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut n = 0;
    for ((start, end, _, _), d) in runs.iter().zip(&decoded) {
        if let Some(d) = d {
            out.push_str(&text[copied..*start]);
            out.push_str(d);
            copied = *end;
            n += 1;
        }
    }
    out.push_str(&text[copied..]);
    tally.add_n("utf-8 read as latin-1, then as gbk", n);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(text: &str) -> String {
        let mut t = Tally::default();
        let (once, strong) = utf8_runs(text, 0, &mut 0, &mut t);
        let once = once.unwrap_or_else(|| text.to_string());
        utf8_runs(&once, strong, &mut 0, &mut t).0.unwrap_or(once)
    }

    fn double(text: &str) -> String {
        let mut t = Tally::default();
        let (once, strong) = double_byte_runs(text, 0, &mut 0, &mut t);
        let once = once.unwrap_or_else(|| text.to_string());
        double_byte_runs(&once, strong, &mut 0, &mut t)
            .0
            .unwrap_or(once)
    }

    #[test]
    fn a_stretch_glued_to_another_code_pages_letters_is_left_to_utf8_runs() {
        // Chinese UTF-8 read through windows-1256: its Latin-1 pieces between Arabic
        // letters are no GBK; read whole, the line is the Chinese it was.
        let arabic = "è‹¹و\u{200d}œç´§و€¥ن»ژهچ°ه؛¦ç©؛è؟گ iPhone ن»¥éپ؟ه¼€هچ³ه°†ç”ںو•ˆçڑ„ه…³ç¨ژم€‚م€ٹهچ°ه؛¦و—¶وٹ¥م€‹ه‘¨ن¸€وٹ¥éپ“ï¼Œè‹¹و\u{200d}œهœ¨ن¸‰ه¤©ه†…ن»ژهچ°ه؛¦هگ‘ç¾ژه›½ç´§و€¥ç©؛è؟گن؛†ن؛”و\u{200d}¶ iPhoneï¼Œن»¥éپ؟ه¼€ç‰¹وœ—و™®و”؟ه؛œه®\u{200d}و–½çڑ„و–°ه…³ç¨ژم€‚";
        assert_eq!(double(arabic), arabic);
        assert!(utf8(arabic).starts_with("苹果紧急从印度空运 iPhone 以避开即将生效的关税。"));
        // GBK read as Latin-1 beside a direction mark alone is repaired as before.
        assert_eq!(
            double("Î¢Èí·¢²¼ÁËÐÂµÄ²Ù×÷ÏµÍ³°æ±¾\u{200e}"),
            "微软发布了新的操作系统版本\u{200e}"
        );
    }

    #[test]
    fn other_scripts_legacy_pages_read_as_latin_1_make_no_han() {
        // Korean in EUC-KR, Greek in windows-1253 and Arabic in windows-1256 read as
        // Latin-1: every Korean word and some Greek and Arabic ones are valid GBK, and
        // came out as Han characters (`救崇窍技夸, 技拌.`, `缅檐 óïõ`).
        for s in [
            "¾È³çÇÏ¼¼¿ä, ¼¼°è. ¿À´ÃÀº ³¯¾¾°¡ ÁÁ³×¿ä.",
            "ÃåéÜ óïõ Êüóìå, ôé êÜíåéò óÞìåñá;",
            "ãÑÍÈÇ ÈÇáÚÇáã ßíÝ ÍÇáß Çáíæã",
        ] {
            assert_eq!(double(s), s);
        }
        // German hyphenated with soft hyphens: a hyphen and the letter after or before
        // it are a Big5 pair.
        for german in [
            "Zu den häu\u{AD}figs\u{AD}ten Werk\u{AD}zeu\u{AD}gen des Mit\u{AD}tel\u{AD}pa\u{AD}läo\u{AD}li\u{AD}thi\u{AD}kums",
            "frü\u{AD}hen 1980er-Jah\u{AD}ren. Die ´Har\u{AD}vard Medi\u{AD}cal",
            "zu\u{AD}fäl\u{AD}lig en\u{AD}stan\u{AD}dene For\u{AD}men han\u{AD}delt. Die we\u{AD}ni\u{AD}gen als Sti\u{AD}chel an\u{AD}sprech\u{AD}ba\u{AD}ren Stü\u{AD}cke",
        ] {
            assert_eq!(double(german), german);
        }
        // Chinese between Latin words, and phrases of a poem apart by spaces, stay Chinese.
        assert_eq!(
            double("ÔÚ 2023 Äê Ê¹ÓÃ Python ºÍ Rust ±àÐ´µÄ ³ÌÐò"),
            "在 2023 年 使用 Python 和 Rust 编写的 程序"
        );
        assert_eq!(
            double("´²Ç°Ã÷ÔÂ¹â ÒÉÊÇµØÉÏËª ¾ÙÍ·ÍûÃ÷ÔÂ µÍÍ·Ë¼¹ÊÏç"),
            "床前明月光 疑是地上霜 举头望明月 低头思故乡"
        );
    }

    #[test]
    fn utf8_through_cyrillic_and_arabic_code_pages() {
        assert_eq!(utf8("дёӯе…ұдёӯеӨ®"), "中共中央");
        assert_eq!(utf8("[зҷ»еҪ•](/login)"), "[登录](/login)");
        assert_eq!(utf8("[ç™»ه½•]"), "[登录]");
        assert_eq!(utf8("ж–Үз«](/x) е…¬дј—еҸ·ж–Үз«"), "文章](/x) 公众号文章");
        assert_eq!(utf8("дёӯе…ұ 2023е№ҙ03жңҲ"), "中共 2023年03月");
        // cp855 (a Solidot page): `关注我们：` and a heading line.
        assert_eq!(utf8("тЁ│Т│еТѕЉС╗г№╝џ"), "关注我们：");
        assert_eq!(utf8("## т░Јж╝ауаћуЕХТўЙуц║"), "## 小鼠研究显示");
    }

    #[test]
    fn sequences_decode_strictly() {
        for (bytes, c) in [
            (&b"\xE4\xB8\xAD"[..], Some('中')),
            (b"\xC2\xA9", Some('©')),
            (b"\xF0\x9F\x98\x8D", Some('😍')),
            (b"\xE0\x80\xAF", None),
            (b"\xED\xA0\xBD", None),
            (b"\xF4\x90\x80\x80", None),
            (b"\xE4\x38\xAD", None),
        ] {
            assert_eq!(decode_sequence(bytes), c, "{bytes:x?}");
            assert_eq!(
                std::str::from_utf8(bytes)
                    .ok()
                    .and_then(|s| s.chars().next()),
                c
            );
        }
    }

    #[test]
    fn gbk_across_digits() {
        assert_eq!(
            double("ÖÐ¹²ÖÐÑëÕþÖÎ¾Ö³£ÎñÎ¯Ô±»á3ÔÂ17ÈÕ…"),
            "中共中央政治局常务委员会3月17日…"
        );
        assert_eq!(double("| ¬FÄÒ | 支持度 |"), "| 政黨 | 支持度 |");
        assert_eq!(double("MÄ£ÄM ÌÑÌ BÄDÄÑ"), "MÄ£ÄM ÌÑÌ BÄDÄÑ");
        for keep in [
            "NESTLÉ®",
            "ÄÄNESTÄÄ",
            "Ã¡Ã©",
            "Größe",
            "“数据要素×”",
            "SELKÄ\u{a0}EDELLÄ",
        ] {
            assert_eq!(double(keep), keep);
        }
    }
}
