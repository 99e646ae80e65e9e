//! Near-duplicate clusters over the documents' similarity signatures
//! ([`crate::store::similar`]), for `wenku dups`, `export --dedup` and the
//! `near_duplicate_of` metadata.
//!
//! Two documents are duplicates when their normalised texts are equal (`exact`) or when
//! their estimated Jaccard similarity is at least the threshold (`near`); clusters are the
//! connected groups of duplicates. Each cluster keeps one document — the earliest
//! imported (first version's import time), and among equal times the smallest key — and
//! the others are duplicates of it. The decision depends only on the documents compared
//! and their texts: a snapshot's export compares the snapshot's pinned versions, so
//! documents imported later never change it.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::archive::Archive;
use crate::corpus;
use crate::error::{Error, Result};
use crate::store::records::MediaType;
use crate::store::similar::{self, Signature};

/// Estimated Jaccard similarity from which two documents are near-duplicates when no
/// threshold is given.
pub const NEAR_DEFAULT: f64 = 0.8;

/// Which documents count as duplicates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DedupMode {
    /// The same normalised text.
    Exact,
    /// At least this estimated Jaccard similarity of shingles.
    Near(f64),
}

impl DedupMode {
    /// `exact`, `near` or `near=THRESHOLD` (0 < THRESHOLD ≤ 1).
    pub fn parse(s: &str) -> Result<DedupMode> {
        let bad = || {
            Error::Usage(format!(
                "--dedup {s:?}: use exact, near or near=THRESHOLD (a number above 0 and at most 1, e.g. near=0.8)"
            ))
        };
        match s {
            "exact" => Ok(DedupMode::Exact),
            "near" => Ok(DedupMode::Near(NEAR_DEFAULT)),
            _ => {
                let t: f64 = s
                    .strip_prefix("near=")
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?;
                if t > 0.0 && t <= 1.0 {
                    Ok(DedupMode::Near(t))
                } else {
                    Err(bad())
                }
            }
        }
    }

    /// How a dropped document's reason is counted.
    pub fn reason(self) -> &'static str {
        match self {
            DedupMode::Exact => "exact duplicate",
            DedupMode::Near(_) => "near duplicate",
        }
    }
}

/// A document as the clustering sees it.
#[derive(Debug, Clone)]
pub struct Member {
    pub key: String,
    /// When its first version was imported (Unix ms).
    pub created_ms: u64,
    pub sig: Signature,
}

/// One cluster: the document kept and its duplicates.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cluster {
    pub keep: String,
    /// The duplicates, in key order, with their estimated similarity to `keep`.
    pub duplicates: Vec<Duplicate>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Duplicate {
    pub key: String,
    pub similarity: f64,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The clusters of more than one document among `members`, in the order of their kept
/// keys.
pub fn clusters(members: &[Member], mode: DedupMode) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..members.len()).collect();
    let union = |parent: &mut Vec<usize>, i: usize, j: usize| {
        let (a, b) = (find(parent, i), find(parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    };
    match mode {
        DedupMode::Exact => {
            let mut first: HashMap<u64, usize> = HashMap::new();
            for (i, m) in members.iter().enumerate() {
                let f = *first.entry(m.sig.text).or_insert(i);
                union(&mut parent, f, i);
            }
        }
        DedupMode::Near(t) => {
            let sigs: Vec<&Signature> = members.iter().map(|m| &m.sig).collect();
            for (i, j) in similar::candidate_pairs(&sigs) {
                if sigs[i].similarity(sigs[j]) >= t {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..members.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Cluster> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|g| {
            let keep = *g
                .iter()
                .min_by(|&&a, &&b| {
                    (members[a].created_ms, &members[a].key)
                        .cmp(&(members[b].created_ms, &members[b].key))
                })
                .unwrap_or(&g[0]);
            let mut duplicates: Vec<Duplicate> = g
                .iter()
                .filter(|&&i| i != keep)
                .map(|&i| Duplicate {
                    key: members[i].key.clone(),
                    similarity: members[i].sig.similarity(&members[keep].sig),
                })
                .collect();
            duplicates.sort_by(|a, b| a.key.cmp(&b.key));
            Cluster {
                keep: members[keep].key.clone(),
                duplicates,
            }
        })
        .collect();
    out.sort_by(|a, b| a.keep.cmp(&b.keep));
    out
}

/// Each duplicate's key → the key of the document its cluster keeps.
/// For each exported version that duplicates another (under `mode`, default near at
/// [`NEAR_DEFAULT`]): the key kept for its cluster. Export and the record stream both
/// take it over all selected versions, before any shard is cut out, so shards agree.
pub fn duplicates_among(
    archive: &Archive,
    entries: &[(String, u32)],
    mode: Option<DedupMode>,
) -> Result<HashMap<String, String>> {
    Ok(kept_for(&clusters(
        &members_of(archive, entries)?,
        mode.unwrap_or(DedupMode::Near(NEAR_DEFAULT)),
    )))
}

pub fn kept_for(clusters: &[Cluster]) -> HashMap<String, String> {
    clusters
        .iter()
        .flat_map(|c| c.duplicates.iter().map(|d| (d.key.clone(), c.keep.clone())))
        .collect()
}

/// The newest versions of the documents under `prefix`, their signatures computed from
/// their bytes.
pub fn members(archive: &Archive, prefix: &str) -> Result<Vec<Member>> {
    let entries: Vec<(String, u32)> = archive
        .list(prefix)?
        .into_iter()
        .map(|(k, h)| (k, h.latest))
        .collect();
    members_of(archive, &entries)
}

/// Fewest documents of a source that hold a line of its template (see [`members_of`]).
pub const TEMPLATE_MIN_DOCS: u64 = 20;
/// Least share of a source's documents that hold a line of its template.
pub const TEMPLATE_MIN_SHARE: f64 = 0.05;

/// The given versions, their signatures computed from their bytes (in parallel), in the
/// order given. Versions that cannot be read are left out (an export reports them).
///
/// A signature is taken over the document's own text: the lines its site repeats — held
/// by at least [`TEMPLATE_MIN_DOCS`] and [`TEMPLATE_MIN_SHARE`] of the documents compared
/// that count towards its source (the corpus statistics' sources and lines: menus,
/// footers, comment boxes, subscription appeals) — are left out first. Taken over
/// whole pages, short articles of one site's template were near-duplicates of each
/// other: of 1,549 Zhihu articles saved whole, 141 different ones fell into two
/// clusters. The decision still depends only on the documents compared.
pub fn members_of(archive: &Archive, entries: &[(String, u32)]) -> Result<Vec<Member>> {
    members_with(archive, entries, true)
}

/// [`members_of`] with `own_text` false: signatures over whole documents (for `compact`,
/// where a page's template is worth sharing).
fn members_with(
    archive: &Archive,
    entries: &[(String, u32)],
    own_text: bool,
) -> Result<Vec<Member>> {
    let read = |key: &str, version: u32| -> Option<crate::archive::Document> {
        let doc = archive.read(key, Some(version)).ok()?;
        (doc.record.media_type != MediaType::Binary).then_some(doc)
    };
    // The lines each source repeats, counted over the documents compared. The documents
    // are read again below rather than held: an export may compare more than fits in
    // memory, and a read is a fraction of a signature's cost.
    let templates = if own_text {
        Templates::new(
            entries
                .par_iter()
                .filter_map(|(key, version)| {
                    let doc = read(key, *version)?;
                    Some((
                        corpus::source_of(key, &doc.record, &doc.bytes),
                        template_lines(&doc.bytes),
                    ))
                })
                .collect::<Vec<_>>(),
        )
    } else {
        Templates::default()
    };
    Ok(entries
        .par_iter()
        .filter_map(|(key, version)| {
            let head = archive.head(key).ok()??;
            let doc = read(key, *version)?;
            let source = corpus::source_of(key, &doc.record, &doc.bytes);
            let sig = match templates.own_text(&source, &doc.bytes) {
                Some(own) => similar::signature(own.as_bytes()),
                None => similar::signature(&doc.bytes),
            }?;
            Some(Member {
                key: key.clone(),
                created_ms: head.created_ms,
                sig,
            })
        })
        .collect())
}

/// The distinct fingerprints of a document's lines as [`Templates`] counts them: its
/// text without scripts ([`similar::without_scripts`]), cut into lines as the corpus
/// statistics cut it.
pub fn template_lines(bytes: &[u8]) -> Vec<u32> {
    let text = crate::utf8_lossy(bytes);
    let mut fps: Vec<u32> = corpus::lines(&similar::without_scripts(&text))
        .into_iter()
        .filter_map(template_fingerprint)
        .collect();
    fps.sort_unstable();
    fps.dedup();
    fps
}

/// A line's fingerprint as [`Templates`] counts it: the corpus statistics' normalised
/// line ([`corpus::normalize_line`]) with its Han characters folded to one script
/// ([`similar::fold_han`]), so that a Simplified copy's template lines are its Traditional
/// original's; `None` for a line too short to count.
fn template_fingerprint(line: &str) -> Option<u32> {
    let norm: String = corpus::normalize_line(line)
        .chars()
        .map(similar::fold_han)
        .collect();
    corpus::fingerprint_of(&norm)
}

/// The lines of each source's template: held by at least [`TEMPLATE_MIN_DOCS`] and
/// [`TEMPLATE_MIN_SHARE`] of the source's documents (among those counted).
#[derive(Debug, Default)]
pub struct Templates {
    sources: HashMap<String, std::collections::HashSet<u32>>,
}

impl Templates {
    /// Count documents given as (source, [`template_lines`]).
    pub fn new(docs: impl IntoIterator<Item = (String, Vec<u32>)>) -> Templates {
        let mut counts: HashMap<String, (u64, HashMap<u32, u64>)> = HashMap::new();
        for (source, fps) in docs {
            let e = counts.entry(source).or_default();
            e.0 += 1;
            for fp in fps {
                *e.1.entry(fp).or_insert(0) += 1;
            }
        }
        let sources = counts
            .into_iter()
            .filter_map(|(source, (docs, lines))| {
                let min = TEMPLATE_MIN_DOCS.max((docs as f64 * TEMPLATE_MIN_SHARE).ceil() as u64);
                let lines: std::collections::HashSet<u32> = lines
                    .into_iter()
                    .filter(|(_, n)| *n >= min)
                    .map(|(fp, _)| fp)
                    .collect();
                (!lines.is_empty()).then_some((source, lines))
            })
            .collect();
        Templates { sources }
    }

    /// A document's own text: without its scripts and the lines of its source's
    /// template; `None` when its source has none.
    pub fn own_text(&self, source: &str, bytes: &[u8]) -> Option<String> {
        let template = self.sources.get(source)?;
        let text = crate::utf8_lossy(bytes);
        let text = similar::without_scripts(&text);
        let mut out = String::with_capacity(text.len());
        for line in corpus::lines(&text) {
            if template_fingerprint(line).is_some_and(|fp| template.contains(&fp)) {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        Some(out)
    }
}

/// Compute every document's sketch from its newest version and write them (after
/// `repair` rebuilt the index). Returns the number of sketches written.
pub fn rebuild_sketches(archive: &Archive) -> Result<u64> {
    let heads = archive.list("")?;
    let mut count = 0u64;
    let mut w = similar::SketchWriter::default();
    for chunk in heads.chunks(4096) {
        let sketches: Vec<(u64, Option<similar::Sketch>)> = chunk
            .par_iter()
            .map(|(key, head)| {
                // A version that does not read (repair names it) has no sketch.
                let sketch = match archive.read(key, Some(head.latest)) {
                    Ok(doc) if doc.record.media_type != MediaType::Binary => {
                        similar::sketch(&doc.bytes)
                    }
                    _ => None,
                };
                (head.id, sketch)
            })
            .collect();
        for (id, s) in sketches {
            count += u64::from(s.is_some());
            w.set(archive.engine(), id, s)?;
        }
        archive.engine().commit(&w.take_writes())?;
    }
    archive.engine().flush()?;
    Ok(count)
}

/// Where an import looks for a stored document like a new one: the stored sketches
/// (loaded once at its start) and, when one matches, the documents' keys by id (read
/// from the index the first time they are needed).
pub struct DeltaCandidates<'a> {
    archive: &'a Archive,
    index: similar::SketchIndex,
    keys: std::sync::OnceLock<std::result::Result<HashMap<u64, String>, String>>,
}

impl<'a> DeltaCandidates<'a> {
    pub fn load(archive: &'a Archive) -> Result<DeltaCandidates<'a>> {
        Ok(DeltaCandidates {
            archive,
            index: similar::SketchIndex::load(archive.engine())?,
            keys: std::sync::OnceLock::new(),
        })
    }

    /// A stored document with the same sketch as the new document `key` (its text is
    /// likely like the new one's). Among several, the one whose key ends like `key` over
    /// the most bytes (a mirror keeps the path under another host or prefix), then the
    /// oldest: pages of one template can share a sketch.
    pub fn like(&self, sketch: Option<similar::Sketch>, key: &str) -> Result<Option<String>> {
        let ids = sketch.map_or_else(Vec::new, |s| self.index.candidates(s));
        if ids.is_empty() {
            return Ok(None);
        }
        let keys = match self.keys.get_or_init(|| {
            self.archive
                .list("")
                .map(|l| l.into_iter().map(|(k, h)| (h.id, k)).collect())
                .map_err(|e| e.to_string())
        }) {
            Ok(keys) => keys,
            Err(e) => return Err(Error::corrupt("the document keys", e)),
        };
        let common = |other: &str| {
            key.bytes()
                .rev()
                .zip(other.bytes().rev())
                .take_while(|(a, b)| a == b)
                .count()
        };
        let mut best: Option<(usize, &String)> = None;
        for id in &ids {
            if let Some(other) = keys.get(id) {
                let c = common(other);
                if best.is_none_or(|(b, _)| c > b) {
                    best = Some((c, other));
                }
            }
        }
        Ok(best.map(|(_, k)| k.clone()))
    }
}

/// For `compact`: each document of one version (in `docs`, sorted by key) whose text is
/// at least [`CROSS_DELTA_MIN`] similar to another document's, with the most similar one
/// (ties: the smaller key). Signatures are computed from the documents' newest versions;
/// documents whose newest blob is stored in fewer than [`CROSS_DELTA_MIN_STORED`] bytes
/// are left out on both sides.
pub fn similar_documents(
    archive: &Archive,
    docs: &[(String, crate::store::records::DocHead)],
) -> Result<Vec<(String, String)>> {
    let blobs = archive.blobs();
    let mut entries: Vec<(String, u32)> = Vec::new();
    for (key, head) in docs {
        let rec = archive.version(key, Some(head.latest))?.1;
        let stored = match (&rec.delta, blobs.record(&rec.blob)?) {
            (None, Some(b)) => b.stored_len,
            _ => 0,
        };
        if stored >= CROSS_DELTA_MIN_STORED {
            entries.push((key.clone(), head.latest));
        }
    }
    let members = members_with(archive, &entries, false)?;
    let sigs: Vec<&Signature> = members.iter().map(|m| &m.sig).collect();
    let mut best: HashMap<usize, (f64, usize)> = HashMap::new();
    for (i, j) in similar::candidate_pairs(&sigs) {
        let s = sigs[i].similarity(sigs[j]);
        if s < CROSS_DELTA_MIN {
            continue;
        }
        for (x, y) in [(i, j), (j, i)] {
            let e = best.entry(x).or_insert((s, y));
            if s > e.0 || (s == e.0 && members[y].key < members[e.1].key) {
                *e = (s, y);
            }
        }
    }
    let one_version: std::collections::HashSet<&str> = docs
        .iter()
        .filter(|(_, h)| h.latest == 1)
        .map(|(k, _)| k.as_str())
        .collect();
    let mut out: Vec<(String, String)> = best
        .into_iter()
        .filter(|(x, _)| one_version.contains(members[*x].key.as_str()))
        .map(|(x, (_, y))| (members[x].key.clone(), members[y].key.clone()))
        .collect();
    out.sort();
    Ok(out)
}

/// Estimated similarity from which `compact` tries a document as a delta against another.
pub const CROSS_DELTA_MIN: f64 = 0.5;

/// Stored size from which `compact` tries a document as a delta against another: a delta
/// blob carries its base's 32-byte hash twice (blob record, pack entry), and on the 20,000
/// documents generated from the seeds (280 bytes each after compression) trying every
/// one took compact from 5 to 95 s for a larger archive.
pub const CROSS_DELTA_MIN_STORED: u64 = 1024;

#[cfg(test)]
mod tests {
    use super::*;

    fn member(key: &str, created_ms: u64, text: &str) -> Member {
        Member {
            key: key.into(),
            created_ms,
            sig: similar::signature(text.as_bytes()).unwrap(),
        }
    }

    #[test]
    fn clusters_keep_the_earliest_then_the_smallest_key() {
        let a = "国务院新闻办公室今天举行新闻发布会，介绍前三季度国民经济运行情况，经济稳中有进。"
            .repeat(4);
        let near = format!("{a}编辑：张三");
        let other =
            "今天的天气晴朗，气温二十度，适合户外运动，明天将有小雨，请注意出行安全。".repeat(4);
        let members = vec![
            member("b", 5, &a),
            member("a", 5, &a),
            member("c", 1, &near),
            member("z", 0, &other),
        ];
        let exact = clusters(&members, DedupMode::Exact);
        assert_eq!(exact.len(), 1);
        assert_eq!(exact[0].keep, "a");
        assert_eq!(exact[0].duplicates[0].key, "b");
        let near_clusters = clusters(&members, DedupMode::Near(0.8));
        assert_eq!(near_clusters.len(), 1);
        assert_eq!(near_clusters[0].keep, "c");
        let dups: Vec<&str> = near_clusters[0]
            .duplicates
            .iter()
            .map(|d| d.key.as_str())
            .collect();
        assert_eq!(dups, ["a", "b"]);
    }

    #[test]
    fn modes_parse() {
        assert_eq!(DedupMode::parse("exact").unwrap(), DedupMode::Exact);
        assert_eq!(DedupMode::parse("near").unwrap(), DedupMode::Near(0.8));
        assert_eq!(DedupMode::parse("near=0.6").unwrap(), DedupMode::Near(0.6));
        assert!(DedupMode::parse("near=2").is_err());
        assert!(DedupMode::parse("fuzzy").is_err());
    }
}
