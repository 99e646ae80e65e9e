//! Similarity of documents: MinHash signatures, computed from the documents' bytes when
//! they are needed, and two three-byte *sketches* per document kept in the engine so that an
//! import finds a stored document like a new one without reading the archive.
//!
//! Both are taken over the document's text as the corpus statistics normalise it
//! ([`crate::corpus::normalize_text`]: letters and digits, lower-cased, markup, entities
//! and URLs left out), each Han character folded to one script ([`fold_han`]: a
//! Traditional page and its Simplified copy have the same shingles), cut into overlapping
//! shingles of [`SHINGLE`] characters, each hashed once ([`shingle_hashes`]).
//!
//! - A [`Signature`] is a one-permutation MinHash: each shingle's hash falls into one of
//!   [`HASHES`] bins, whose minimum it may be (an empty bin borrows from the next filled
//!   one); the share of equal minimums between two signatures estimates the Jaccard
//!   similarity of their shingle sets. [`candidate_pairs`] groups the minimums into
//!   [`BANDS`] bands of [`ROWS`] (LSH): two documents whose Jaccard similarity is `s`
//!   share at least one band with probability `1 - (1 - s^ROWS)^BANDS` (above 0.9999 at 0.8,
//!   0.87 at 0.5), and only documents that share a band are compared. Signatures live in
//!   memory only (`wenku dups`, `export`, `compact` compute them from the bytes).
//! - A [`Sketch`] is two pairs of a signature's minimums, each pair hashed to 24 bits:
//!   two documents have the same first (or second) sketch with probability about the
//!   square of their Jaccard similarity (plus 2⁻²⁴ by chance), and an import looks a new
//!   document up by both. The engine keeps them per document id in chunks of
//!   [`CHUNK_DOCS`] (tree `Sketches`, FORMAT.md): [`SKETCH_BYTES`] bytes per document and
//!   sketch.
//!   The fold leaves the sketch of a text that OpenCC's `t2s` would not change as it
//!   was before the fold existed; an archive whose sketches of Traditional texts were
//!   stored without it still reads, and `repair` stores them anew ([`fold_han`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::store::engine::{Engine, TreeName, Write};

/// Characters per shingle.
pub const SHINGLE: usize = 5;
/// Minimums per signature.
pub const HASHES: usize = 128;
/// LSH bands, of [`ROWS`] minimums each.
pub const BANDS: usize = 32;
pub const ROWS: usize = HASHES / BANDS;

/// Documents per stored chunk of sketches.
pub const CHUNK_DOCS: u64 = 1024;
/// Bytes per stored sketch.
pub const SKETCH_BYTES: usize = 3;

/// The Han fold table: a Traditional or variant character, a tab, the Simplified one,
/// a pair a line (derived from OpenCC's dictionaries; origin and licence in
/// `core/data/han-fold/`).
const HAN_FOLD: &str = include_str!("../../data/han-fold/fold.txt");

/// Code points whose fold is looked up in a dense table (CJK Extension A and the
/// unified ideographs: nearly every character of Chinese text).
const FOLD_DENSE: std::ops::Range<u32> = 0x3400..0xA000;

/// [`HAN_FOLD`] ready for look-ups, built when first needed.
struct HanFold {
    /// The fold of each code point of [`FOLD_DENSE`], in order.
    dense: Vec<char>,
    /// The pairs outside [`FOLD_DENSE`] (compatibility ideographs, the supplementary
    /// planes), sorted.
    other: Vec<(char, char)>,
}

impl HanFold {
    fn get() -> &'static HanFold {
        static TABLE: OnceLock<HanFold> = OnceLock::new();
        TABLE.get_or_init(|| HanFold::parse(HAN_FOLD))
    }

    fn parse(table: &str) -> HanFold {
        // The range holds no surrogates: every code point is a char.
        let mut dense: Vec<char> = FOLD_DENSE
            .map(|u| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let mut other = Vec::new();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let mut cs = line.chars();
            if let (Some(from), Some('\t'), Some(to), None) =
                (cs.next(), cs.next(), cs.next(), cs.next())
            {
                if FOLD_DENSE.contains(&(from as u32)) {
                    dense[(from as u32 - FOLD_DENSE.start) as usize] = to;
                } else {
                    other.push((from, to));
                }
            }
        }
        other.sort_unstable();
        HanFold { dense, other }
    }

    fn fold(&self, c: char) -> char {
        let u = c as u32;
        if u < FOLD_DENSE.start {
            c
        } else if u < FOLD_DENSE.end {
            self.dense[(u - FOLD_DENSE.start) as usize]
        } else {
            match self.other.binary_search_by_key(&c, |p| p.0) {
                Ok(i) => self.other[i].1,
                Err(_) => c,
            }
        }
    }
}

/// The character that the shingles hold for `c`: a Traditional or variant Han character
/// becomes the Simplified one that OpenCC's `t2s` gives it alone (`國` → `国`, `裡` and
/// `裏` → `里`, `綫` → `线`); every other character is itself, and so is the fold of a
/// folded character. A copy converted by `script-convert` (which also converts whole
/// phrases) differs from its page's fold in a few characters: 57 of 412,537 in 150
/// news pages (`覆` → `复` in `答覆`, `藉` → `借`, `彷` → `仿`).
///
/// Stored-format note: sketches (FORMAT.md) are taken over folded text. The fold changes
/// only characters that `t2s` converts and five variant forms (`敍 枱 粧 糭 衞`), so the
/// sketch of a text in ASCII, another script or Simplified Chinese is what it was before
/// the fold; a sketch stored for a Traditional text by an older wenku no longer
/// matches a new Traditional near-copy, which then is stored whole instead of as a
/// delta, until `repair` computes every sketch again. Signatures are never stored.
pub fn fold_han(c: char) -> char {
    HanFold::get().fold(c)
}

/// Elements whose content is no text of the page: code, styles, a framework's data
/// (`<script id="js-initialData" type="text/json">`).
const NOT_TEXT: [&str; 3] = ["script", "style", "template"];

/// `text` without the content of its [`NOT_TEXT`] elements (tags and all). A page saved
/// whole carries its site's scripts and data, often more bytes than its article: read as
/// text they made short articles of one site near-duplicates of each other.
pub fn without_scripts(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    // One pass over the `<`s: most texts (Markdown, plain text) have none of these.
    let opens = |at: usize| {
        NOT_TEXT.iter().any(|n| {
            b.get(at + 1..at + 1 + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        })
    };
    if !memchr::memchr_iter(b'<', b).any(opens) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let (mut i, mut kept) = (0, 0);
    while let Some(off) = text[i..].find('<') {
        let at = i + off;
        let name = NOT_TEXT.iter().find(|n| {
            b.get(at + 1..at + 1 + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n.as_bytes()))
                && b.get(at + 1 + n.len())
                    .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        });
        let Some(name) = name else {
            i = at + 1;
            continue;
        };
        // The element ends at its end tag (or with the text).
        let close = format!("</{name}");
        let end = find_ignore_case(&text[at..], &close)
            .map(|e| at + e)
            .and_then(|e| text[e..].find('>').map(|g| e + g + 1))
            .unwrap_or(text.len());
        out.push_str(&text[kept..at]);
        // A space where it stood: the words on either side stay apart.
        out.push(' ');
        kept = end;
        i = end;
        if i >= text.len() {
            break;
        }
    }
    out.push_str(&text[kept..]);
    std::borrow::Cow::Owned(out)
}

/// Where `needle` (ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// A 64-bit hash of one shingle (its characters' code points).
fn shingle_hash(chars: &[u32]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in &chars[..SHINGLE] {
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 29;
    }
    h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Calls `each` with the hash of every shingle of `bytes`' normalised text (read as
/// UTF-8, invalid sequences replaced; Han characters folded, [`fold_han`]) and `char`
/// with every character of that text as normalised (not folded).
///
/// The folded characters are gathered first and hashed after, in a loop of their own:
/// the hashes of neighbouring shingles then overlap in the processor (the news pages'
/// sketches on one core: 190 ms hashed character by character, 160 ms so). They take four
/// bytes each meanwhile (a document of 32 MB, the largest an import reads whole, up to
/// 128 MB); gathering them in runs of 4,096 and hashing each run from inside the loop
/// that gathers them bounded that, and made the news pages' sketches 20–40% slower.
fn each_shingle(bytes: &[u8], mut each: impl FnMut(u64), mut char: impl FnMut(char)) {
    let text = crate::utf8_lossy(bytes);
    let text = without_scripts(&text);
    let fold = HanFold::get();
    let mut folded: Vec<u32> = Vec::with_capacity(text.len() / 2);
    crate::corpus::normalized_chars(&text, |c| {
        char(c);
        folded.push(u32::from(fold.fold(c)));
    });
    for window in folded.windows(SHINGLE) {
        each(shingle_hash(window));
    }
}

/// The normalised text of `bytes` (not folded) and the hash of each of its shingles
/// (folded), in order.
pub fn shingle_hashes(bytes: &[u8]) -> (String, Vec<u64>) {
    let (mut text, mut hashes) = (String::new(), Vec::new());
    each_shingle(bytes, |h| hashes.push(h), |c| text.push(c));
    (text, hashes)
}

/// The MinHash signature of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The first 8 bytes (little-endian) of the BLAKE3 of the normalised text, not
    /// folded: equal values are the same text (exact duplicates; a Simplified copy of a
    /// Traditional page is not one, its minimums are the page's).
    pub text: u64,
    pub mins: [u32; HASHES],
    /// The hashes of a short text's shingles (at most [`EXACT_SHINGLES`] of them),
    /// sorted and distinct: two short texts are compared by their shingle sets, not by
    /// the estimate.
    pub shingles: Option<Box<[u64]>>,
}

/// Shingles up to which a text keeps them all in its signature. With fewer shingles
/// than minimums most bins are empty and borrow their values, and the estimate strays
/// furthest: pages of 38 characters with an exact similarity of 0.81 were estimated
/// below 0.8.
pub const EXACT_SHINGLES: usize = HASHES;

/// The signature of a document's bytes, or `None` when its normalised text is shorter
/// than one shingle.
pub fn signature(bytes: &[u8]) -> Option<Signature> {
    let mut mins = Minimums::new();
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut short: Vec<u64> = Vec::new();
    let mut count = 0usize;
    each_shingle(
        bytes,
        |h| {
            mins.add(h);
            count += 1;
            if count <= EXACT_SHINGLES {
                short.push(h);
            }
        },
        |c| text.push(c),
    );
    let mins = mins.finish()?;
    let h = blake3::hash(text.as_bytes());
    let mut t = [0u8; 8];
    t.copy_from_slice(&h.as_bytes()[..8]);
    let shingles = (count <= EXACT_SHINGLES).then(|| {
        short.sort_unstable();
        short.dedup();
        short.into_boxed_slice()
    });
    Some(Signature {
        text: u64::from_le_bytes(t),
        mins,
        shingles,
    })
}

/// The Jaccard similarity of two sorted, distinct sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// A signature's minimums being gathered.
struct Minimums {
    mins: [u32; HASHES],
    any: bool,
}

impl Minimums {
    fn new() -> Minimums {
        Minimums {
            mins: [u32::MAX; HASHES],
            any: false,
        }
    }

    /// One permutation: the top 7 bits of a shingle's hash choose its bin, the 32 bits
    /// below them compete for the bin's minimum.
    fn add(&mut self, h: u64) {
        let bin = (h >> 57) as usize;
        let v = (h >> 25) as u32;
        if v < self.mins[bin] {
            self.mins[bin] = v;
        }
        self.any = true;
    }

    /// The minimums (`None`: no shingles). An empty bin takes the minimum of the next
    /// filled bin (circularly), shifted by the distance, so that two documents agree on
    /// it exactly when they agree there.
    fn finish(self) -> Option<[u32; HASHES]> {
        if !self.any {
            return None;
        }
        let filled = self.mins;
        let mut mins = self.mins;
        for (i, m) in mins.iter_mut().enumerate() {
            if filled[i] != u32::MAX {
                continue;
            }
            for d in 1..HASHES {
                let f = filled[(i + d) % HASHES];
                if f != u32::MAX {
                    *m = f.wrapping_add((d as u32).wrapping_mul(0x9e37_79b9));
                    break;
                }
            }
        }
        Some(mins)
    }
}

impl Signature {
    /// The estimated Jaccard similarity of two documents' shingle sets (1.0 for the same
    /// normalised text; exact when both texts are short).
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.text == other.text {
            return 1.0;
        }
        if let (Some(a), Some(b)) = (&self.shingles, &other.shingles) {
            return jaccard(a, b);
        }
        let same = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// The hash of band `band` (its [`ROWS`] minimums).
    pub fn band(&self, band: usize) -> u64 {
        let mut h: u64 = band as u64 ^ 0x6c62_272e_07bb_0142;
        for m in &self.mins[band * ROWS..(band + 1) * ROWS] {
            h = (h ^ u64::from(*m)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            h ^= h >> 32;
        }
        h
    }
}

/// Documents of one LSH bucket each document is compared with: the ones before it in
/// the bucket, up to this many (a site's template pages can fill a bucket by the thousand).
pub const BUCKET_WINDOW: usize = 64;

/// Pairs of documents (indices into `sigs`) whose signatures share an LSH band, each
/// pair once, in ascending order. In a bucket, each document is paired with the
/// [`BUCKET_WINDOW`] documents before it.
pub fn candidate_pairs(sigs: &[&Signature]) -> Vec<(usize, usize)> {
    let mut pairs: std::collections::HashSet<(u32, u32)> = std::collections::HashSet::new();
    for b in 0..BANDS {
        let mut buckets: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, s) in sigs.iter().enumerate() {
            buckets.entry(s.band(b)).or_default().push(i as u32);
        }
        for members in buckets.values() {
            for (x, &j) in members.iter().enumerate() {
                for &i in &members[x.saturating_sub(BUCKET_WINDOW)..x] {
                    pairs.insert((i, j));
                }
            }
        }
    }
    let mut out: Vec<(usize, usize)> = pairs
        .into_iter()
        .map(|(i, j)| (i as usize, j as usize))
        .collect();
    out.sort_unstable();
    out
}

/// A document's two sketches: two pairs of MinHash values of its text, each hashed to
/// 24 bits (never 0: 0 marks "no sketch" in storage; an archive written before the
/// second sketch existed has 0 there).
pub type Sketch = [u32; 2];

/// The sketches of a document's bytes: its signature's minimums 0 and 1, and 2 and 3,
/// each pair mixed and cut to 24 bits; `None` when its normalised text is shorter than
/// one shingle.
///
/// Two minimums, not one: a site's template text holds a few shingles whose hashes are
/// so small that one least value over the whole text is the template's in most of the
/// site's pages (measured: 228 of 300 news pages shared it). Each minimum covers one bin
/// in [`HASHES`], and both must fall in template text for the sketch to be the template's.
/// Two sketches, not one: a new document is looked up by either, so an edit that changes
/// one pair (a line altered where one of its minimums lay) still finds the document it
/// was made from (measured: 25 altered copies of 6,000 news pages, each altered in one
/// line, found their original in all but 3,007 of 144,000 with one sketch).
pub fn sketch(bytes: &[u8]) -> Option<Sketch> {
    let mut mins = Minimums::new();
    each_shingle(bytes, |h| mins.add(h), |_| {});
    let mins = mins.finish()?;
    Some([mix(mins[0], mins[1]), mix(mins[2], mins[3])])
}

fn mix(a: u32, b: u32) -> u32 {
    let mut m = (u64::from(a) << 32) | u64::from(b);
    m ^= m >> 31;
    m = m.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    m ^= m >> 29;
    ((m >> 40) as u32).max(1)
}

/// The key of the chunk that holds document `id`'s first (`which` 0) or second (1)
/// sketch: the chunk's number, with the top bit set for the second.
fn chunk_key(chunk: u64, which: usize) -> [u8; 8] {
    (chunk | if which == 1 { SECOND } else { 0 }).to_be_bytes()
}

/// The bit of a chunk key that marks the chunks of second sketches.
const SECOND: u64 = 1 << 63;

/// The writes that set documents' sketches, kept per chunk: each chunk is read from the
/// engine once, changed in memory and written whole with every commit that changed it.
#[derive(Default)]
pub struct SketchWriter {
    /// By (chunk, which sketch).
    chunks: HashMap<(u64, usize), Vec<u8>>,
    changed: std::collections::BTreeSet<(u64, usize)>,
}

impl SketchWriter {
    /// Document `id`'s sketches become `sketch` (`None`: it has none).
    pub fn set(&mut self, engine: &dyn Engine, id: u64, sketch: Option<Sketch>) -> Result<()> {
        let (chunk, at) = (id / CHUNK_DOCS, (id % CHUNK_DOCS) as usize * SKETCH_BYTES);
        for (which, value) in sketch.unwrap_or([0, 0]).into_iter().enumerate() {
            let bytes = match self.chunks.entry((chunk, which)) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let mut v = engine
                        .get(TreeName::Sketches, &chunk_key(chunk, which))?
                        .unwrap_or_default();
                    v.resize(CHUNK_DOCS as usize * SKETCH_BYTES, 0);
                    e.insert(v)
                }
            };
            let new = &value.to_le_bytes()[..SKETCH_BYTES];
            if bytes[at..at + SKETCH_BYTES] != *new {
                bytes[at..at + SKETCH_BYTES].copy_from_slice(new);
                self.changed.insert((chunk, which));
            }
        }
        Ok(())
    }

    /// The writes of every chunk changed since the last call: a chunk is stored up to its
    /// last document with a sketch.
    pub fn take_writes(&mut self) -> Vec<Write> {
        std::mem::take(&mut self.changed)
            .into_iter()
            .map(|(c, which)| {
                let bytes = &self.chunks[&(c, which)];
                let end = bytes
                    .chunks(SKETCH_BYTES)
                    .rposition(|s| s.iter().any(|&b| b != 0))
                    .map_or(0, |i| (i + 1) * SKETCH_BYTES);
                let value = (end > 0).then(|| bytes[..end].to_vec());
                (TreeName::Sketches, chunk_key(c, which).to_vec(), value)
            })
            .collect()
    }
}

/// Every stored sketch: (document id, sketches), in id order (a document with a first
/// sketch only, stored before the second existed, has 0 as its second).
pub fn sketches(engine: &dyn Engine) -> Result<Vec<(u64, Sketch)>> {
    let mut out: std::collections::BTreeMap<u64, Sketch> = std::collections::BTreeMap::new();
    for r in engine.scan_prefix(TreeName::Sketches, b"") {
        let (k, v) = r?;
        let key = k
            .as_slice()
            .try_into()
            .map(u64::from_be_bytes)
            .map_err(|_| Error::corrupt("a sketch chunk key", "not 8 bytes"))?;
        let (chunk, which) = (key & !SECOND, usize::from(key & SECOND != 0));
        if v.len() % SKETCH_BYTES != 0 || v.len() > CHUNK_DOCS as usize * SKETCH_BYTES {
            return Err(Error::corrupt(
                format!("sketch chunk {key}"),
                format!("{} bytes", v.len()),
            ));
        }
        for (i, s) in v.chunks_exact(SKETCH_BYTES).enumerate() {
            let s = u32::from_le_bytes([s[0], s[1], s[2], 0]);
            if s != 0 {
                out.entry(chunk * CHUNK_DOCS + i as u64).or_default()[which] = s;
            }
        }
    }
    // A second sketch without a first is no document's (a first is written with it).
    Ok(out.into_iter().filter(|(_, s)| s[0] != 0).collect())
}

/// Documents compared per sketch: the oldest ones.
pub const SKETCH_CANDIDATES: usize = 256;

/// The stored documents by sketch, for an import's look-ups (loaded once at its start).
#[derive(Default)]
pub struct SketchIndex {
    /// Sketch (first or second) → the documents with it (up to [`SKETCH_CANDIDATES`]),
    /// oldest (least id) first.
    ids: HashMap<u32, Vec<u64>>,
}

impl SketchIndex {
    /// Every sketch stored in `engine`.
    pub fn load(engine: &dyn Engine) -> Result<SketchIndex> {
        let mut ids: HashMap<u32, Vec<u64>> = HashMap::new();
        for (id, s) in sketches(engine)? {
            for s in s.into_iter().filter(|&s| s != 0) {
                let v = ids.entry(s).or_default();
                if v.len() < SKETCH_CANDIDATES && v.last() != Some(&id) {
                    v.push(id);
                }
            }
        }
        Ok(SketchIndex { ids })
    }

    /// The stored documents with either of these sketches, oldest first.
    pub fn candidates(&self, sketch: Sketch) -> Vec<u64> {
        let mut out: Vec<u64> = sketch
            .iter()
            .filter(|&&s| s != 0)
            .filter_map(|s| self.ids.get(s))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_templates_are_no_text() {
        assert_eq!(
            without_scripts("<p>甲</p><SCRIPT type=\"text/json\">{\"a\":1}</script ><p>乙</p><style>p{}</style>丙<template><b>丁</b></template>"),
            "<p>甲</p> <p>乙</p> 丙 "
        );
        // An element left open takes the rest; a name that only begins the same is none.
        assert_eq!(
            without_scripts("甲<scripts>乙</scripts><script>var x"),
            "甲<scripts>乙</scripts> "
        );
        assert!(matches!(
            without_scripts("<p>甲</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
    use crate::store::engine::SledEngine;

    const TRADITIONAL: &str = "今天上午，國務院新聞辦公室舉行新聞發布會，介紹經濟運行情況。";
    const SIMPLIFIED: &str = "今天上午，国务院新闻办公室举行新闻发布会，介绍经济运行情况。";

    #[test]
    fn short_texts_are_compared_by_their_shingle_sets() {
        // 10 characters, 6 shingles; the last character changed: 5 shared of 7.
        let (a, b) = (
            signature("国务院新闻办公室举行".as_bytes()).unwrap(),
            signature("国务院新闻办公室举办".as_bytes()).unwrap(),
        );
        assert_eq!(a.shingles.as_ref().map(|s| s.len()), Some(6));
        assert_eq!(a.similarity(&b), 5.0 / 7.0);
        // One more shingle than EXACT_SHINGLES: the estimate.
        let long = "国".repeat(SHINGLE + EXACT_SHINGLES);
        assert_eq!(signature(long.as_bytes()).unwrap().shingles, None);
        let edge = "国".repeat(SHINGLE + EXACT_SHINGLES - 1);
        assert_eq!(
            signature(edge.as_bytes())
                .unwrap()
                .shingles
                .map(|s| s.len()),
            Some(1)
        );
    }

    #[test]
    fn han_characters_fold_to_simplified() {
        assert_eq!(
            TRADITIONAL.chars().map(fold_han).collect::<String>(),
            SIMPLIFIED
        );
        assert_eq!(
            SIMPLIFIED.chars().map(fold_han).collect::<String>(),
            SIMPLIFIED
        );
        for (c, folded) in [
            ('國', '国'),
            ('裡', '里'),
            ('裏', '里'),
            ('綫', '线'),
            ('線', '线'),
            ('臺', '台'),
            ('台', '台'),
            ('髮', '发'),
            ('發', '发'),
            ('乾', '干'),
            ('著', '著'),
            ('么', '么'),
            ('麼', '么'),
            ('衞', '卫'),
            ('\u{F900}', '岂'),
            ('㑮', '𫝈'),
            ('a', 'a'),
            ('Ж', 'Ж'),
            ('한', '한'),
            ('ｶ', 'ｶ'),
        ] {
            assert_eq!(fold_han(c), folded, "{c}");
        }
        // Every line of the table: its character folds as the line says, and the folded
        // character is its own fold.
        let mut lines = 0;
        for line in HAN_FOLD.lines().filter(|l| !l.starts_with('#')) {
            let pair: Vec<char> = line.chars().collect();
            assert_eq!((pair.len(), pair[1]), (3, '\t'), "{line}");
            assert_eq!(fold_han(pair[0]), pair[2], "{line}");
            assert_eq!(fold_han(pair[2]), pair[2], "{line}");
            lines += 1;
        }
        assert_eq!(lines, 5124);
    }

    #[test]
    fn a_simplified_copy_has_its_pages_minimums_but_not_its_text() {
        let (page, copy) = (TRADITIONAL.repeat(3), SIMPLIFIED.repeat(3));
        let (sp, sc) = (
            signature(page.as_bytes()).unwrap(),
            signature(copy.as_bytes()).unwrap(),
        );
        assert_eq!(sp.mins, sc.mins);
        assert_ne!(sp.text, sc.text);
        assert_eq!(sp.similarity(&sc), 1.0);
        assert_eq!(sketch(page.as_bytes()), sketch(copy.as_bytes()));
        let (text, hashes) = shingle_hashes(page.as_bytes());
        assert_eq!(text, crate::corpus::normalize_text(&page));
        assert_eq!(hashes, shingle_hashes(copy.as_bytes()).1);
    }

    #[test]
    fn sketches_of_text_without_traditional_characters_are_as_before_the_fold() {
        // The values the sketch had before shingles were folded.
        assert_eq!(
            sketch(b"The quick brown fox jumps over the lazy dog, 2024 edition.").map(|s| s[0]),
            Some(380379)
        );
        assert_eq!(sketch(SIMPLIFIED.as_bytes()).map(|s| s[0]), Some(9511487));
        // The Traditional text's was 2346470; now it is its Simplified copy's.
        assert_eq!(
            sketch(TRADITIONAL.as_bytes()),
            sketch(SIMPLIFIED.as_bytes())
        );
    }

    #[test]
    fn a_sketch_stored_before_the_fold_is_stored_anew_by_repair() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, docs) = (tmp.path().join("a"), tmp.path().join("docs"));
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("trad.txt"), TRADITIONAL).unwrap();
        std::fs::write(
            docs.join("en.txt"),
            "The quick brown fox jumps over the lazy dog.",
        )
        .unwrap();
        let import = |archive: &crate::Archive| {
            crate::import::import_paths(
                archive,
                std::slice::from_ref(&docs),
                &crate::import::ImportOptions::default(),
                &crate::import::NoProgress,
            )
            .unwrap()
        };
        let stored = |archive: &crate::Archive| -> Vec<(String, u32)> {
            let ids: HashMap<u64, String> = archive
                .list("")
                .unwrap()
                .into_iter()
                .map(|(k, h)| (h.id, k))
                .collect();
            sketches(archive.engine())
                .unwrap()
                .into_iter()
                .map(|(id, s)| (ids[&id].clone(), s[0]))
                .collect()
        };
        let en = sketch(b"The quick brown fox jumps over the lazy dog.").unwrap()[0];
        {
            let archive = crate::Archive::open_or_create(&a).unwrap();
            import(&archive);
            assert_eq!(
                stored(&archive),
                [
                    ("en.txt".to_string(), en),
                    ("trad.txt".to_string(), 9511487)
                ]
            );
            // What a wenku without the fold stored for the Traditional text.
            let id = archive.head("trad.txt").unwrap().unwrap().id;
            let mut w = SketchWriter::default();
            w.set(archive.engine(), id, Some([2346470, 0])).unwrap();
            archive.engine().commit(&w.take_writes()).unwrap();
            assert_eq!(stored(&archive)[1], ("trad.txt".to_string(), 2346470));
            // The archive reads and imports as before; the stale sketch stays.
            assert_eq!(
                archive.read("trad.txt", None).unwrap().bytes,
                TRADITIONAL.as_bytes()
            );
            assert_eq!(import(&archive).unchanged, 2);
            assert_eq!(stored(&archive)[1], ("trad.txt".to_string(), 2346470));
        }
        let report =
            crate::repair::repair(&a, &crate::store::lock::Wait::default(), &|_, _| {}).unwrap();
        assert!(report.lost.is_empty(), "{:?}", report.lost);
        let archive = crate::Archive::open(&a).unwrap();
        assert_eq!(
            stored(&archive),
            [
                ("en.txt".to_string(), en),
                ("trad.txt".to_string(), 9511487)
            ]
        );
    }

    /// The Han fold table derived from the OpenCC dictionaries that script-convert ships,
    /// as `core/data/han-fold/README.md` describes it.
    fn derive_han_fold() -> String {
        let dir = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../plugins/script-convert/data/opencc/dictionary"
        ));
        // Single-character keys with their first value, when that is one character.
        let load = |name: &str| -> HashMap<char, char> {
            let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
            let mut m = HashMap::new();
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
            {
                let (k, v) = line.split_once('\t').unwrap();
                let v = v.split(' ').next().unwrap();
                let (mut kc, mut vc) = (k.chars(), v.chars());
                if let (Some(k), None, Some(v), None) = (kc.next(), kc.next(), vc.next(), vc.next())
                {
                    m.insert(k, v);
                }
            }
            m
        };
        let compat = load("CJK_Compatibility_Ideographs");
        let mut ts = load("TSCharacters");
        ts.extend(load("TSCharactersExt"));
        // A variant form is folded only through a standard form that t2s converts: the
        // tables also map Simplified characters (`著` → `着`, `么` → `幺`).
        let mut variants = load("TWVariantsRev");
        variants.extend(load("HKVariantsRev"));
        variants.retain(|_, v| ts.contains_key(v));
        let step = |c: char| {
            let c = *compat.get(&c).unwrap_or(&c);
            let c = *variants.get(&c).unwrap_or(&c);
            *ts.get(&c).unwrap_or(&c)
        };
        let mut keys: Vec<char> = compat
            .keys()
            .chain(variants.keys())
            .chain(ts.keys())
            .copied()
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut out: String = HAN_FOLD
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        for c in keys {
            let (mut x, mut seen) = (c, vec![c]);
            loop {
                let y = step(x);
                if y == x || seen.contains(&y) {
                    break;
                }
                seen.push(y);
                x = y;
            }
            if x != c {
                out.push_str(&format!("{c}\t{x}\n"));
            }
        }
        out
    }

    #[test]
    fn the_han_fold_is_derived_from_opencc() {
        let derived = derive_han_fold();
        if std::env::var_os("WENKU_WRITE_HAN_FOLD").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/data/han-fold/fold.txt"),
                &derived,
            )
            .unwrap();
        }
        assert!(
            derived == HAN_FOLD,
            "core/data/han-fold/fold.txt is not what the OpenCC dictionaries give: \
             WENKU_WRITE_HAN_FOLD=1 cargo test -p wenku-core --lib the_han_fold_is_derived_from_opencc"
        );
    }

    #[test]
    fn similar_texts_have_similar_signatures() {
        let a = "今天上午，国务院新闻办公室举行新闻发布会，介绍经济运行情况。记者从发布会上获悉，前三季度经济稳中有进。".repeat(3);
        let b = a.replace("记者", "本报记者");
        let c = "完全不同的一篇文章，讲的是天气和体育比赛的结果，与经济没有任何关系。".repeat(3);
        let (sa, sb, sc) = (
            signature(a.as_bytes()).unwrap(),
            signature(b.as_bytes()).unwrap(),
            signature(c.as_bytes()).unwrap(),
        );
        assert!(sa.similarity(&sb) > 0.6, "{}", sa.similarity(&sb));
        assert!(sa.similarity(&sc) < 0.2, "{}", sa.similarity(&sc));
        // Markup and case are not text.
        let html = format!("<p>{}</p>", a.to_uppercase());
        assert_eq!(signature(html.as_bytes()).unwrap(), sa);
        assert_eq!(sketch(html.as_bytes()), sketch(a.as_bytes()));
        assert_ne!(sketch(a.as_bytes()), sketch(c.as_bytes()));
        assert_eq!(signature(b"abc"), None);
        assert_eq!(sketch(b"abc"), None);
    }

    #[test]
    fn the_shingled_text_is_the_normalised_text() {
        let samples = [
            "<p class=x>今天，ＡＢＣ Ünïcode &amp; [鏈接](http://a.b/c) http://x.y/z 完</p>",
            "a < b && c > d; 3<4 &#12345; &nbsp &x;",
            "Ⅻ ΣΑΣ İstanbul ß 𠀀𠀁 ｶﾀｶﾅ 한국어 عربى",
            "",
        ];
        for t in samples {
            assert_eq!(
                shingle_hashes(t.as_bytes()).0,
                crate::corpus::normalize_text(t),
                "{t}"
            );
        }
        for name in
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/seeds")).unwrap()
        {
            let bytes = std::fs::read(name.unwrap().path()).unwrap();
            assert_eq!(
                shingle_hashes(&bytes).0,
                crate::corpus::normalize_text(&String::from_utf8_lossy(&bytes))
            );
        }
    }

    #[test]
    fn sketches_are_stored_per_chunk_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let engine = SledEngine::open(&dir.path().join("index"), true).unwrap();
        let mut w = SketchWriter::default();
        w.set(&engine, 1, Some([7, 70])).unwrap();
        w.set(&engine, CHUNK_DOCS + 2, Some([9, 0])).unwrap();
        w.set(&engine, 3, Some([7, 71])).unwrap();
        let writes = w.take_writes();
        // Chunk 0 up to document 3 (first and second sketches), chunk 1 up to document 2
        // of it (no second sketch there).
        assert_eq!(
            writes
                .iter()
                .map(|(_, k, v)| (k.clone(), v.as_ref().map(Vec::len)))
                .collect::<Vec<_>>(),
            vec![
                (0u64.to_be_bytes().to_vec(), Some(12)),
                ((1u64 << 63).to_be_bytes().to_vec(), Some(12)),
                (1u64.to_be_bytes().to_vec(), Some(9))
            ]
        );
        engine.commit(&writes).unwrap();
        assert_eq!(
            sketches(&engine).unwrap(),
            vec![(1, [7, 70]), (3, [7, 71]), (CHUNK_DOCS + 2, [9, 0])]
        );
        let index = SketchIndex::load(&engine).unwrap();
        assert_eq!(index.candidates([7, 0]), [1, 3]);
        assert_eq!(index.candidates([5, 71]), [3]);
        assert_eq!(index.candidates([9, 70]), [1, CHUNK_DOCS + 2]);
        // A document whose new version has no sketch loses it.
        let mut w = SketchWriter::default();
        w.set(&engine, CHUNK_DOCS + 2, None).unwrap();
        w.set(&engine, 1, Some([7, 70])).unwrap();
        let writes = w.take_writes();
        assert_eq!(writes.len(), 1);
        engine.commit(&writes).unwrap();
        assert_eq!(sketches(&engine).unwrap(), vec![(1, [7, 70]), (3, [7, 71])]);
    }

    #[test]
    fn a_copy_whose_first_sketch_changed_is_found_by_its_second() {
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "Line {i} of the report says something about item number {}.",
                    i * 7
                )
            })
            .collect();
        let page = lines.join("\n");
        let [first, second] = sketch(page.as_bytes()).unwrap();
        // The copies altered in one line whose first sketch is not the page's.
        let moved: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let mut l = lines.clone();
                l[i] = format!("Line {i} was rewritten.");
                sketch(l.join("\n").as_bytes()).unwrap()[0] != first
            })
            .collect();
        assert_eq!(moved, [30]);
        let mut l = lines.clone();
        l[30] = "Line 30 was rewritten.".to_string();
        let copy = sketch(l.join("\n").as_bytes()).unwrap();
        assert_eq!(copy[1], second);
        let index = SketchIndex {
            ids: HashMap::from([(first, vec![4]), (second, vec![4])]),
        };
        assert_eq!(index.candidates(copy), [4]);
    }
}
