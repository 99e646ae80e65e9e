//! Corpus statistics: for every *source* (a site, feed or folder), how many of its
//! documents hold each line. Plugins ask for them through the ABI (1.1) to find
//! boilerplate that repeats across a site without a hand-written lexicon.
//!
//! - A document's source: its front matter's `source`, else the host of its front
//!   matter's `original_url` / `url` (a web-archive wrapper unwrapped), else the host of
//!   the URL its exchange format gave (JSONL `url`, WARC target URI), else the host of a
//!   key that is a URL, else the folder of its key.
//! - A line is counted once per document, after [`normalize_line`]: markup (HTML tags,
//!   Markdown link targets, images, emphasis), URLs, entities, punctuation and spacing
//!   are ignored, letters lower-cased and, in lines of fewer than 16 letters, every run
//!   of digits counts as `0`; lines with fewer than [`MIN_LINE_CHARS`]
//!   letters or digits left are not counted. HTML is cut into lines at block tags too.
//! - Only the newest version of each document counts, and only documents of at most
//!   [`MAX_DOCUMENT_BYTES`].
//!
//! The statistics are derived data: [`CorpusStats::build`] makes them from the archive
//! alone, and they are kept in the archive directory as one checksummed file
//! (`corpus-stats`) stamped with a digest of the documents' head versions, so a file
//! that no longer matches the archive is never used (it is rebuilt instead).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::archive::Archive;
use crate::error::{Error, Result};
use crate::plugin::CorpusLookup;
use crate::store::records::VersionRecord;

/// Documents larger than this are not counted (a site's pages are far smaller; a huge
/// file would only cost memory).
pub const MAX_DOCUMENT_BYTES: u64 = 8 << 20;
/// Lines with fewer letters or digits than this (after normalisation) are not counted.
pub const MIN_LINE_CHARS: usize = 2;
/// The statistics file in an archive directory.
pub const STATS_FILE: &str = "corpus-stats";
/// Every line's count, those of one document too ([`CorpusStats::save_all_stamped`]): what
/// lets an import add to the statistics without counting the archive again. Written by
/// imports into an archive that held documents (a one-shot archive has no use for it).
pub const LINES_FILE: &str = "corpus-lines";
const MAGIC: &[u8; 8] = b"WKCORPS2";
/// The first layout (fingerprint gaps as varints), still read: snapshots' pins never change.
const MAGIC_V1: &[u8; 8] = b"WKCORPS1";

/// The normalised form of a line as a 32-bit fingerprint, or `None` when too little of
/// it is left to count.
pub fn line_fingerprint(line: &str) -> Option<u32> {
    Normalizer::default().fingerprint(line)
}

/// [`line_fingerprint`] with its buffers kept from line to line, and the characters
/// counted as they are written (a document's lines are fingerprinted without a string
/// made for each, nor counted again).
#[derive(Default)]
struct Normalizer {
    text: String,
    folded: String,
}

impl Normalizer {
    fn fingerprint(&mut self, line: &str) -> Option<u32> {
        let text = &mut self.text;
        text.clear();
        let (mut chars, mut digits) = (0usize, 0usize);
        normalized_chars(line, |c| {
            text.push(c);
            chars += 1;
            digits += usize::from(c.is_ascii_digit());
        });
        // As [`normalize_line`] folds a short line's digit runs.
        let norm = if chars - digits < FOLD_DIGITS_BELOW && digits > 0 {
            let folded = &mut self.folded;
            folded.clear();
            chars = fold_digit_runs(text, folded);
            folded.as_str()
        } else {
            text.as_str()
        };
        (chars >= MIN_LINE_CHARS).then(|| hash32(norm))
    }
}

/// The fingerprint of a normalised line: the first four bytes of its BLAKE3 hash.
fn hash32(norm: &str) -> u32 {
    let h = blake3::hash(norm.as_bytes());
    let b = h.as_bytes();
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// The fingerprint of a line already normalised ([`normalize_line`], perhaps folded
/// further), or `None` when it is too short to count.
pub fn fingerprint_of(norm: &str) -> Option<u32> {
    (norm.chars().count() >= MIN_LINE_CHARS).then(|| hash32(norm))
}

/// A line reduced to what identifies it: [`normalize_text`], and in a short line every
/// run of digits as `0`.
pub fn normalize_line(line: &str) -> String {
    let out = normalize_text(line);
    // In a short line, a run of digits counts as one `0`: timestamps, counters and ids
    // differ from page to page in lines that are otherwise the same. Long lines keep
    // their numbers (a daily report that differs only in its figures is not boilerplate).
    if out.chars().filter(|c| !c.is_ascii_digit()).count() < FOLD_DIGITS_BELOW {
        let mut folded = String::with_capacity(out.len());
        fold_digit_runs(&out, &mut folded);
        return folded;
    }
    out
}

/// `text` with every run of ASCII digits written as one `0`, appended to `out`; how many
/// characters it appended.
fn fold_digit_runs(text: &str, out: &mut String) -> usize {
    let mut chars = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('0') || out.is_empty() {
                out.push('0');
                chars += 1;
            }
        } else {
            out.push(c);
            chars += 1;
        }
    }
    chars
}

/// Text reduced to its letters and digits, lower-cased, with HTML tags, entities,
/// Markdown link and image targets and bare URLs left out.
pub fn normalize_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    normalized_chars(line, |c| out.push(c));
    out
}

/// Calls `each` with every character of `line` that [`normalize_text`] keeps, in order,
/// without building a string (the similarity shingles read text this way); CJK
/// ideographs and ASCII take a short path past the Unicode tables.
pub fn normalized_chars(line: &str, mut each: impl FnMut(char)) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            // A character of three bytes (the ideographs, CJK and full-width punctuation)
            // is decoded here: `line` is UTF-8, so its two continuation bytes follow and
            // it is no surrogate.
            let (ch, len) = match (c >> 4, b.get(i + 1), b.get(i + 2)) {
                (0xE, Some(&b1), Some(&b2)) => {
                    let v = (u32::from(c & 0x0F) << 12)
                        | (u32::from(b1 & 0x3F) << 6)
                        | u32::from(b2 & 0x3F);
                    (char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER), 3)
                }
                _ => match line[i..].chars().next() {
                    Some(ch) => (ch, ch.len_utf8()),
                    None => break,
                },
            };
            if ('\u{4e00}'..='\u{9fff}').contains(&ch) {
                each(ch);
            } else if is_common_punctuation(ch) {
                // Not alphanumeric; the most frequent characters of Chinese text after
                // the ideographs, checked here before the Unicode tables.
            } else if ch.is_alphanumeric() {
                ch.to_lowercase().for_each(&mut each);
            }
            i += len;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            // A bare URL, up to the next space.
            if c == b'h' && (b[i..].starts_with(b"http://") || b[i..].starts_with(b"https://")) {
                let end = line[i..]
                    .find(|ch: char| ch.is_whitespace() || ch == ')' || ch == '>' || ch == '"')
                    .unwrap_or(line.len() - i);
                i += end;
                continue;
            }
            each(c.to_ascii_lowercase() as char);
            i += 1;
            continue;
        }
        // An HTML tag or comment: `<` followed by a letter, `/` or `!`, up to `>`.
        if c == b'<'
            && b.get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!')
        {
            if let Some(end) = memchr::memchr(b'>', &b[i..]) {
                i += end + 1;
                continue;
            }
        }
        // A Markdown link or image target: `](` … `)`.
        if c == b']' && b.get(i + 1) == Some(&b'(') {
            if let Some(end) = memchr::memchr(b')', &b[i..]) {
                i += end + 1;
                continue;
            }
        }
        // An entity: `&name;` or `&#123;`.
        if c == b'&' {
            let rest = &b[i + 1..];
            let n = rest
                .iter()
                .take(10)
                .take_while(|x| x.is_ascii_alphanumeric() || **x == b'#')
                .count();
            if n > 0 && rest.get(n) == Some(&b';') {
                i += n + 2;
                continue;
            }
        }
        i += 1;
    }
}

/// Punctuation frequent in Chinese text (CJK and full-width forms, quotes, dashes).
fn is_common_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{3000}'..='\u{3004}'
            | '\u{3008}'..='\u{3011}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{2013}'..='\u{2026}'
            | '\u{00B7}'
    )
}

/// Lines with fewer letters than this (digits left out) count digit runs as `0`.
const FOLD_DIGITS_BELOW: usize = 16;

const BLOCK_TAGS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "blockquote",
    "header",
    "footer",
    "table",
    "figcaption",
];

/// The lines of a document as the statistics count them: its text lines, with HTML
/// cut again at block tags.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        if !line.contains('<') {
            out.push(line);
            continue;
        }
        let mut start = 0;
        let mut i = 0;
        let b = line.as_bytes();
        while let Some(off) = line[i..].find('<') {
            let at = i + off;
            let name_start = at + 1 + usize::from(b.get(at + 1) == Some(&b'/'));
            let name_len = b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let name = line[name_start..name_start + name_len].to_ascii_lowercase();
            if BLOCK_TAGS.contains(&name.as_str()) {
                out.push(&line[start..at]);
                start = at;
            }
            i = at + 1;
        }
        out.push(&line[start..]);
    }
    out
}

/// The distinct fingerprints of a document's lines, sorted.
pub fn document_fingerprints(bytes: &[u8]) -> Vec<u32> {
    let text = crate::utf8_lossy(bytes);
    let mut normalizer = Normalizer::default();
    let mut fps: Vec<u32> = lines(&text)
        .into_iter()
        .filter_map(|line| normalizer.fingerprint(line))
        .collect();
    fps.sort_unstable();
    fps.dedup();
    fps
}

/// The host of a URL (`https://www.example.com:8080/x` → `www.example.com`), unwrapping
/// a web-archive address (`https://web.archive.org/web/2021…/https://site/…` → `site`).
pub fn url_host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    if host == "web.archive.org" || host.ends_with(".archive.org") {
        if let Some(pos) = rest.find("/http") {
            if let Some(inner) = url_host(&rest[pos + 1..]) {
                return Some(inner);
            }
        }
    }
    Some(host)
}

/// The value of a top-level scalar `field:` in a YAML front matter block.
fn front_matter_field<'a>(front: &'a str, field: &str) -> Option<&'a str> {
    for line in front.lines() {
        if let Some(rest) = line.strip_prefix(field) {
            if let Some(v) = rest.strip_prefix(':') {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                if !v.is_empty() {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// The YAML front matter of a document (between a first line `---` and the next).
fn front_matter(text: &str) -> Option<&str> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))?;
    let end = rest.find("\n---")?;
    Some(&rest[..end])
}

/// The source a document counts towards (see the module documentation).
pub fn source_of(key: &str, record: &VersionRecord, bytes: &[u8]) -> String {
    source_of_parts(key, &record.extra, bytes)
}

/// [`source_of`] a document whose version record is not made yet: `extra` is the
/// metadata its record will hold.
pub fn source_of_parts(key: &str, extra: &[(String, String)], bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(8192)];
    let text = crate::utf8_lossy(head);
    if let Some(front) = front_matter(&text) {
        if let Some(s) = front_matter_field(front, "source") {
            return s.to_string();
        }
        for field in ["original_url", "url", "link"] {
            if let Some(host) = front_matter_field(front, field).and_then(url_host) {
                return host;
            }
        }
    }
    for (k, v) in extra {
        let k = k.to_ascii_lowercase();
        if k == "url" || k == "warc-target-uri" || k == "source_url" {
            if let Some(host) = url_host(v) {
                return host;
            }
        }
    }
    if let Some(host) = url_host(key) {
        return host;
    }
    match key.rfind('/') {
        Some(i) => key[..i].to_string(),
        None => String::new(),
    }
}

/// The line counts of one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceLines {
    pub documents: u64,
    pub lines: HashMap<u32, u32>,
}

impl CorpusLookup for SourceLines {
    fn source_documents(&self) -> u64 {
        self.documents
    }

    fn line_documents(&self, line: &str) -> u64 {
        line_fingerprint(line)
            .and_then(|fp| self.lines.get(&fp))
            .map_or(0, |n| u64::from(*n))
    }
}

/// Line statistics of every source of an archive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// A digest of the documents and head versions the statistics were made from.
    pub heads_digest: [u8; 32],
    pub sources: BTreeMap<String, SourceLines>,
}

impl CorpusStats {
    /// Count one document's fingerprints towards `source`.
    pub fn add(&mut self, source: &str, fingerprints: &[u32]) {
        let s = self.sources.entry(source.to_string()).or_default();
        s.documents += 1;
        for fp in fingerprints {
            *s.lines.entry(*fp).or_insert(0) += 1;
        }
    }

    /// The statistics of `source` (`None`: no document of it was counted).
    pub fn source(&self, source: &str) -> Option<&SourceLines> {
        self.sources.get(source)
    }

    /// Count the newest version of every document of `archive` (documents that cannot
    /// be read are left out).
    pub fn build(archive: &Archive) -> Result<CorpusStats> {
        CorpusStats::build_except(archive, &HashSet::new())
    }

    /// Count the newest version of every document of `archive` whose key is not in
    /// `skip` (an import counts the documents it wrote from the bytes it read, and
    /// adds them with [`CorpusStats::merge`]).
    pub fn build_except(archive: &Archive, skip: &HashSet<String>) -> Result<CorpusStats> {
        let heads = archive.list("")?;
        let mut stats = CorpusStats {
            heads_digest: heads_digest(archive)?,
            ..CorpusStats::default()
        };
        use rayon::prelude::*;
        // A document that cannot be read is left out (its damage is reported by the
        // command that reads it); the rest still count.
        let counted: Vec<(String, Vec<u32>)> = heads
            .par_iter()
            .filter(|(key, _)| !skip.contains(key))
            .filter_map(|(key, _)| {
                let (_, record) = archive.version(key, None).ok()?;
                if record.raw_len > MAX_DOCUMENT_BYTES {
                    return None;
                }
                let doc = archive.read(key, None).ok()?;
                Some((
                    source_of(key, &doc.record, &doc.bytes),
                    document_fingerprints(&doc.bytes),
                ))
            })
            .collect();
        for (source, fps) in counted {
            stats.add(&source, &fps);
        }
        Ok(stats)
    }

    /// Add the counts of `other` (made from other documents) to these.
    pub fn merge(&mut self, other: CorpusStats) {
        for (name, o) in other.sources {
            let s = self.sources.entry(name).or_default();
            s.documents += o.documents;
            for (fp, n) in o.lines {
                *s.lines.entry(fp).or_insert(0) += n;
            }
        }
    }

    /// Take one document's fingerprints back from `source` (a head that a newer version
    /// replaced). `false`, and the statistics no longer to be trusted, when they do not
    /// hold that document's lines.
    pub fn remove(&mut self, source: &str, fingerprints: &[u32]) -> bool {
        let Some(s) = self.sources.get_mut(source) else {
            return false;
        };
        if s.documents == 0 {
            return false;
        }
        s.documents -= 1;
        for fp in fingerprints {
            match s.lines.get_mut(fp) {
                Some(n) if *n > 1 => *n -= 1,
                Some(_) => {
                    s.lines.remove(fp);
                }
                None => return false,
            }
        }
        if s.documents == 0 {
            self.sources.remove(source);
        }
        true
    }

    /// Write every line's count, with the digest of the archive's heads they were
    /// counted from, as the archive's [`LINES_FILE`] in the archive folder `dir`.
    pub fn save_all_stamped(&self, dir: &Path, digest: [u8; 32]) -> Result<()> {
        let mut all = self.pruned(1);
        all.heads_digest = digest;
        // Rewritten by every import: a fast level (the gaps' Rice codes do not compress;
        // the counts, nearly all 1, do at any level).
        all.write_at(&dir.join(LINES_FILE), 3)
    }

    /// The archive's [`LINES_FILE`] in `dir`, when it reads and was counted from heads
    /// with `digest`.
    pub fn read_all_matching(dir: &Path, digest: &[u8; 32]) -> Option<CorpusStats> {
        let stats = CorpusStats::decode(&std::fs::read(dir.join(LINES_FILE)).ok()?).ok()?;
        (stats.heads_digest == *digest).then_some(stats)
    }

    /// Write these statistics as the archive's statistics file (stamped with the
    /// archive's heads as they are now; lines held by one document left out).
    pub fn save(self, archive: &Archive) -> Result<()> {
        let digest = heads_digest(archive)?;
        self.save_stamped(archive.dir(), digest)
    }

    /// [`CorpusStats::save`] into the archive folder `dir` whose heads have `digest`
    /// ([`heads_digest`]), without reading the archive.
    pub fn save_stamped(mut self, dir: &Path, digest: [u8; 32]) -> Result<()> {
        self.heads_digest = digest;
        self.pruned(PIN_MIN).write(&dir.join(STATS_FILE))
    }

    /// The statistics of `archive`: its statistics file when that matches the archive's
    /// documents, else built again (and the file rewritten when `save` is set).
    pub fn load_or_build(archive: &Archive, save: bool) -> Result<CorpusStats> {
        let path = archive.dir().join(STATS_FILE);
        let digest = heads_digest(archive)?;
        if let Ok(bytes) = std::fs::read(&path) {
            if let Ok(stats) = CorpusStats::decode(&bytes) {
                if stats.heads_digest == digest {
                    return Ok(stats);
                }
            }
        }
        let stats = CorpusStats::build(archive)?;
        if save {
            // A line one document holds is never boilerplate: the file keeps the lines
            // at least two documents hold (a lookup of any other line answers 0).
            stats.pruned(PIN_MIN).write(&path)?;
        }
        Ok(stats)
    }

    /// Keep only the lines held by at least `min` documents of their source (what a
    /// snapshot pins: enough for every threshold of at least `min`).
    pub fn pruned(&self, min: u32) -> CorpusStats {
        CorpusStats {
            heads_digest: self.heads_digest,
            sources: self
                .sources
                .iter()
                .map(|(k, s)| {
                    (
                        k.clone(),
                        SourceLines {
                            documents: s.documents,
                            lines: s
                                .lines
                                .iter()
                                .filter(|(_, n)| **n >= min)
                                .map(|(fp, n)| (*fp, *n))
                                .collect(),
                        },
                    )
                })
                .collect(),
        }
    }

    /// The file form: magic, BLAKE3 of the rest, then a zstd frame of: digest, source
    /// count, and per source its name, document count and (fingerprint, count) pairs in
    /// fingerprint order (the gaps between fingerprints Rice-coded, see `core/FORMAT.md`).
    pub fn encode(&self) -> Vec<u8> {
        self.encode_at(19)
    }

    /// [`CorpusStats::encode`] with the body compressed at zstd `level`.
    fn encode_at(&self, level: i32) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(&self.heads_digest);
        put_varint(&mut body, self.sources.len() as u64);
        for (name, s) in &self.sources {
            put_varint(&mut body, name.len() as u64);
            body.extend_from_slice(name.as_bytes());
            put_varint(&mut body, s.documents);
            let mut pairs: Vec<(u32, u32)> = s.lines.iter().map(|(a, b)| (*a, *b)).collect();
            pairs.sort_unstable();
            put_varint(&mut body, pairs.len() as u64);
            let mut last = 0u32;
            let gaps: Vec<u32> = pairs
                .iter()
                .map(|(fp, _)| {
                    let g = fp - last;
                    last = *fp;
                    g
                })
                .collect();
            let k = rice_parameter(&gaps);
            let bits = rice_encode(&gaps, k);
            body.push(k as u8);
            put_varint(&mut body, bits.len() as u64);
            body.extend_from_slice(&bits);
            for (_, n) in &pairs {
                put_varint(&mut body, u64::from(*n));
            }
        }
        let packed = zstd::bulk::compress(&body, level).unwrap_or_default();
        let mut out = Vec::with_capacity(packed.len() + 48);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(blake3::hash(&packed).as_bytes());
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&packed);
        out
    }

    /// Read the file form back; damage gives an error, never wrong statistics.
    pub fn decode(bytes: &[u8]) -> std::result::Result<CorpusStats, String> {
        if bytes.len() < 48 || (&bytes[..8] != MAGIC && &bytes[..8] != MAGIC_V1) {
            return Err("not a corpus statistics file".into());
        }
        let rice = &bytes[..8] == MAGIC;
        let packed = &bytes[48..];
        if blake3::hash(packed).as_bytes()[..] != bytes[8..40] {
            return Err("checksum mismatch".into());
        }
        let raw_len = u64::from_le_bytes(bytes[40..48].try_into().map_err(|_| "short header")?);
        if raw_len > 1 << 32 {
            return Err("implausible size".into());
        }
        let body = zstd::bulk::decompress(packed, raw_len as usize).map_err(|e| e.to_string())?;
        let mut r = Reader { b: &body, i: 0 };
        let digest: [u8; 32] = r.take(32)?.try_into().map_err(|_| "short digest")?;
        let n_sources = r.varint()?;
        let mut sources = BTreeMap::new();
        for _ in 0..n_sources {
            let len = r.varint()? as usize;
            let name = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "source name")?;
            let documents = r.varint()?;
            let n = r.varint()? as usize;
            let gaps: Vec<u64> = if rice {
                let k = u32::from(*r.take(1)?.first().ok_or("truncated")?);
                let len = r.varint()? as usize;
                rice_decode(r.take(len)?, k, n)?
            } else {
                (0..n)
                    .map(|_| r.varint())
                    .collect::<std::result::Result<_, _>>()?
            };
            let mut fps = Vec::with_capacity(n.min(1 << 20));
            let mut last = 0u64;
            for g in gaps {
                last += g;
                fps.push(u32::try_from(last).map_err(|_| "fingerprint out of range")?);
            }
            let mut lines = HashMap::with_capacity(fps.len());
            for fp in fps {
                let c = u32::try_from(r.varint()?).map_err(|_| "count out of range")?;
                lines.insert(fp, c);
            }
            sources.insert(name, SourceLines { documents, lines });
        }
        Ok(CorpusStats {
            heads_digest: digest,
            sources,
        })
    }

    /// Write the file form to `path` atomically (a temporary file renamed into place).
    pub fn write(&self, path: &Path) -> Result<()> {
        self.write_at(path, 19)
    }

    /// [`CorpusStats::write`] with the body compressed at zstd `level`.
    fn write_at(&self, path: &Path, level: i32) -> Result<()> {
        let tmp: PathBuf = path.with_extension("tmp");
        std::fs::write(&tmp, self.encode_at(level)).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    }

    /// Read the file form from `path`.
    pub fn read(path: &Path) -> Result<CorpusStats> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        CorpusStats::decode(&bytes)
            .map_err(|e| Error::corrupt(format!("corpus statistics {}", path.display()), e))
    }
}

/// The statistics of the source of `key` for a plugin, from `stats` when there are any;
/// the source is added to `meta` as `corpus_source`.
pub fn lookup<'s>(
    stats: Option<&'s CorpusStats>,
    key: &str,
    record: &VersionRecord,
    bytes: &[u8],
    meta: &mut Vec<(String, String)>,
) -> Option<&'s dyn CorpusLookup> {
    let stats = stats?;
    let source = source_of(key, record, bytes);
    let found = stats.source(&source).map(|s| s as &dyn CorpusLookup);
    meta.push(("corpus_source".into(), source));
    found
}

/// Smallest count the statistics files keep: a line held by one document is never
/// boilerplate (every rule of spam-trim needs at least two).
const PIN_MIN: u32 = 2;

fn pin_path(archive: &Archive, snapshot: &str) -> PathBuf {
    let name = blake3::hash(snapshot.as_bytes()).to_hex();
    archive
        .dir()
        .join("corpus-pins")
        .join(format!("{}.stats", &name[..32]))
}

/// Pin the current statistics to snapshot `name` (lines held by one document left out).
pub fn pin(archive: &Archive, name: &str) -> Result<()> {
    let stats = CorpusStats::load_or_build(archive, false)?.pruned(PIN_MIN);
    let path = pin_path(archive, name);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    stats.write(&path)
}

/// The statistics pinned to snapshot `name`; `None` for a snapshot made before
/// statistics were pinned (it is exported without them, as it was made).
pub fn pinned(archive: &Archive, name: &str) -> Result<Option<CorpusStats>> {
    let path = pin_path(archive, name);
    if !path.exists() {
        return Ok(None);
    }
    CorpusStats::read(&path).map(Some)
}

/// A digest of every document's key and head version: statistics stamped with another
/// digest were made from other documents.
pub fn heads_digest(archive: &Archive) -> Result<[u8; 32]> {
    let mut h = blake3::Hasher::new();
    for (key, head) in archive.list("")? {
        h.update(key.as_bytes());
        h.update(&[0]);
        h.update(&head.latest.to_le_bytes());
    }
    Ok(*h.finalize().as_bytes())
}

/// The Rice parameter that codes `gaps` in the fewest bits.
fn rice_parameter(gaps: &[u32]) -> u32 {
    (0..32)
        .min_by_key(|k| {
            gaps.iter()
                .map(|g| u64::from(g >> k) + 1 + u64::from(*k))
                .sum::<u64>()
        })
        .unwrap_or(0)
}

/// Rice codes of `gaps` with parameter `k`: each gap as `gap >> k` one-bits, a zero-bit
/// and its low `k` bits (least significant first), bits filled from each byte's lowest.
fn rice_encode(gaps: &[u32], k: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut n) = (0u64, 0u32);
    let mut put = |bits: u64, count: u32, out: &mut Vec<u8>| {
        acc |= bits << n;
        n += count;
        while n >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            n -= 8;
        }
    };
    for g in gaps {
        let mut q = g >> k;
        while q >= 32 {
            put(u64::from(u32::MAX), 32, &mut out);
            q -= 32;
        }
        put((1u64 << q) - 1, q + 1, &mut out);
        put(u64::from(g & ((1u32 << k) - 1)), k, &mut out);
    }
    if n > 0 {
        out.push(acc as u8);
    }
    out
}

/// `n` gaps read back from their Rice codes.
fn rice_decode(bytes: &[u8], k: u32, n: usize) -> std::result::Result<Vec<u64>, String> {
    let mut bit = 0usize;
    let mut next = || -> std::result::Result<u64, String> {
        let b = bytes.get(bit / 8).ok_or("truncated fingerprints")?;
        let v = u64::from((b >> (bit % 8)) & 1);
        bit += 1;
        Ok(v)
    };
    let mut gaps = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let mut q = 0u64;
        while next()? == 1 {
            q += 1;
            if q > u64::from(u32::MAX) {
                return Err("fingerprint out of range".into());
            }
        }
        let mut low = 0u64;
        for i in 0..k {
            low |= next()? << i;
        }
        gaps.push((q << k) | low);
    }
    Ok(gaps)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> std::result::Result<&'a [u8], String> {
        let end = self.i.checked_add(n).filter(|e| *e <= self.b.len());
        let end = end.ok_or("truncated")?;
        let s = &self.b[self.i..end];
        self.i = end;
        Ok(s)
    }

    fn varint(&mut self) -> std::result::Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.take(1)?.first().ok_or("truncated")?;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("varint too long".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalized_chars`] as it was written first, character by character through the
    /// standard library's decoder: the fast paths must keep exactly what it keeps.
    fn normalized_chars_reference(line: &str) -> String {
        let mut out = String::new();
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if (c == b'h' || c == b'H')
                && (line[i..].starts_with("http://") || line[i..].starts_with("https://"))
            {
                let end = line[i..]
                    .find(|ch: char| ch.is_whitespace() || ch == ')' || ch == '>' || ch == '"')
                    .unwrap_or(line.len() - i);
                i += end;
                continue;
            }
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase() as char);
                i += 1;
                continue;
            }
            if c == b'<'
                && b.get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!')
            {
                if let Some(end) = line[i..].find('>') {
                    i += end + 1;
                    continue;
                }
            }
            if c == b']' && b.get(i + 1) == Some(&b'(') {
                if let Some(end) = line[i..].find(')') {
                    i += end + 1;
                    continue;
                }
            }
            if c == b'&' {
                let rest = &b[i + 1..];
                let n = rest
                    .iter()
                    .take(10)
                    .take_while(|x| x.is_ascii_alphanumeric() || **x == b'#')
                    .count();
                if n > 0 && rest.get(n) == Some(&b';') {
                    i += n + 2;
                    continue;
                }
            }
            if c < 0x80 {
                i += 1;
                continue;
            }
            let ch = line[i..].chars().next().unwrap();
            if ('\u{4e00}'..='\u{9fff}').contains(&ch) {
                out.push(ch);
            } else if is_common_punctuation(ch) {
            } else if ch.is_alphanumeric() {
                out.extend(ch.to_lowercase());
            }
            i += ch.len_utf8();
        }
        out
    }

    /// Pieces of text that meet every branch of the normaliser: markup, URLs, entities,
    /// digits, and characters of one, two, three and four bytes (ideographs, Extension A,
    /// a Yijing hexagram, full-width letters and punctuation, the first and last leads of
    /// three bytes (Devanagari, Hangul), Cyrillic, accented Latin, emoji, Extension B).
    const PIECES: [&str; 42] = [
        "क",
        "한",
        "http://",
        "https://a.b/c ",
        "h",
        "H",
        "ttp",
        "<",
        "<a ",
        "</p>",
        "<!-- ",
        ">",
        "](",
        ")",
        "[",
        "]",
        "&amp;",
        "&#12;",
        "&",
        ";",
        "#",
        "a",
        "Z",
        "0",
        "7",
        " ",
        "\n",
        "國",
        "一",
        "\u{9fff}",
        "\u{3400}",
        "\u{4dff}",
        "Ｈ",
        "１",
        "，",
        "「",
        "é",
        "Ж",
        "İ",
        "😀",
        "\u{20000}",
        "\u{ffff}",
    ];

    proptest::proptest! {
        #[test]
        fn the_normaliser_keeps_what_its_first_version_kept(
            picks in proptest::collection::vec(0usize..PIECES.len(), 0..40),
        ) {
            let line: String = picks.iter().map(|&i| PIECES[i]).collect();
            let mut fast = String::new();
            normalized_chars(&line, |c| fast.push(c));
            proptest::prop_assert_eq!(&fast, &normalized_chars_reference(&line));
            // A line's fingerprint, counted as it is written, is that of its normal form.
            proptest::prop_assert_eq!(
                line_fingerprint(&line),
                fingerprint_of(&normalize_line(&line))
            );
        }
    }

    #[test]
    fn normalisation_leaves_out_punctuation_and_keeps_full_width_letters_and_digits() {
        assert_eq!(
            normalize_text("「香港」，今日：記者…“ABC”—〇〆々・Ｈｉ１２３！＠　"),
            "香港今日記者abc〇〆々ｈｉ１２３"
        );
    }

    #[test]
    fn normalisation_ignores_markup_and_case() {
        assert_eq!(
            normalize_line("**请加入成为[众新闻](https://x.org/a)的月费订户**"),
            "请加入成为众新闻的月费订户"
        );
        assert_eq!(
            normalize_line("<p>Read <a href=\"/x\">MORE</a>&nbsp;here</p>"),
            "readmorehere"
        );
        assert_eq!(
            normalize_line("![logo](http://x/y.png) See https://a.b/c now"),
            "logoseenow"
        );
        assert_eq!(line_fingerprint("。，"), None);
        assert_eq!(normalize_line("(更新时间戳: 1664109102894)"), "更新时间戳0");
        assert_eq!(normalize_line("a1b22 3"), "a0b0");
        assert_eq!(
            normalize_line("国家卫生健康委今天（3月17日）通报：3月16日0时至24时，31个省"),
            "国家卫生健康委今天3月17日通报3月16日0时至24时31个省"
        );
        assert_eq!(
            line_fingerprint("## 相关文章"),
            line_fingerprint("相关文章")
        );
    }

    #[test]
    fn the_shortcuts_of_normalisation_agree_with_the_unicode_tables() {
        for ch in ('\u{0}'..='\u{7f}').chain('\u{4e00}'..='\u{9fff}') {
            let expected: String = if ch.is_alphanumeric() {
                ch.to_lowercase().collect()
            } else {
                String::new()
            };
            // Between two letters, so that no markup rule applies to it.
            let got = normalize_text(&format!("x{ch}x"));
            assert_eq!(got, format!("x{expected}x"), "{:?}", ch);
        }
    }

    #[test]
    fn html_lines_are_cut_at_block_tags() {
        assert_eq!(
            lines("<div><p>One <b>x</b></p><p>Two</p></div>"),
            vec![
                "",
                "<div>",
                "<p>One <b>x</b>",
                "</p>",
                "<p>Two",
                "</p>",
                "</div>"
            ]
        );
    }

    #[test]
    fn sources() {
        assert_eq!(
            url_host(
                "https://web.archive.org/web/20210712045555/https://www.hkcnews.com/article/1"
            )
            .as_deref(),
            Some("www.hkcnews.com")
        );
        assert_eq!(
            url_host("http://u@Example.org:80/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(url_host("no url"), None);
    }

    #[test]
    fn file_form_round_trips_and_detects_damage() {
        let mut s = CorpusStats::default();
        s.add("a", &[1, 5, 900_000]);
        s.add("a", &[5]);
        s.add("b", &[]);
        let bytes = s.encode();
        assert_eq!(CorpusStats::decode(&bytes), Ok(s.clone()));
        let mut bad = bytes.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert_eq!(
            CorpusStats::decode(&bad),
            Err("checksum mismatch".to_string())
        );
        assert_eq!(s.source("a").map(|x| x.lines[&5]), Some(2));
        assert_eq!(s.pruned(2).source("a").map(|x| x.lines.len()), Some(1));
        // Extreme gaps (0 → u32::MAX) and many fingerprints round-trip too.
        let mut t = CorpusStats::default();
        t.add("x", &[0, u32::MAX]);
        let fps: Vec<u32> = (0..5000u32)
            .map(|i| i.wrapping_mul(2_654_435_761))
            .collect();
        t.add("y", &fps);
        assert_eq!(CorpusStats::decode(&t.encode()), Ok(t));
    }

    #[test]
    fn the_first_file_form_is_still_read() {
        // WKCORPS1: source "a" of 2 documents, fingerprints 1 and 5 (gaps 1, 4) held by
        // 1 and 2 documents, gaps and counts as varints.
        let mut body = vec![7u8; 32];
        body.extend_from_slice(&[1, 1, b'a', 2, 2, 1, 4, 1, 2]);
        let packed = zstd::bulk::compress(&body, 3).unwrap();
        let mut file = MAGIC_V1.to_vec();
        file.extend_from_slice(blake3::hash(&packed).as_bytes());
        file.extend_from_slice(&(body.len() as u64).to_le_bytes());
        file.extend_from_slice(&packed);
        let s = CorpusStats::decode(&file).unwrap();
        assert_eq!(s.heads_digest, [7; 32]);
        let a = s.source("a").unwrap();
        assert_eq!((a.documents, a.lines[&1], a.lines[&5]), (2, 1, 2));
    }
}
