//! Near-duplicate detection: wenku (signatures at import, `wenku dups`) against
//! datatrove's MinHash deduplication on the same generated set with known clusters.
//!
//! cargo bench -p wenku-tests --bench dedup -- [NEWS DIR|.tar.zst]   (needs `pip install datatrove`)
//!
//! The set: the news pages (or documents generated from the seeds), and for every fourth
//! page one near-copy of one of four kinds in turn: a sentence edited, two paragraphs
//! swapped, boilerplate lines added before and after, the Simplified copy (script-convert
//! t2s). The known pairs are (page, its copy). The real pages hold near-duplicates of
//! their own (one article under two addresses, short pages of one template): a pair of
//! documents that either tool reports is a true pair too when the exact Jaccard
//! similarity of their sets of 5-character shingles (letters and digits, lower-cased) is
//! at least 0.8, both taken over the documents' own texts as `wenku dups` takes them:
//! without scripts and the lines their source repeats (`Templates` in
//! `core/src/ops/dedup.rs`). The truth is the clusters that the known and the confirmed pairs make
//! (every pair inside a cluster counts, as for the tools' clusters); pairs that neither
//! tool reports are not sought, so recall is over what either found plus the known pairs.
//! Shingles are wenku's: normalised text with Han characters folded to one script.
//!
//! A parameter study follows, in this process over the same documents: wenku's MinHash
//! (the same shingle hash, bins, LSH and exact sets for short texts as
//! `core/src/store/similar.rs`) with other
//! shingle sizes, numbers of minimums, bands and thresholds, scored against the same
//! truths; and the known pairs that `wenku dups` misses, with their exact similarity.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use wenku_script_convert::Converter;
use wenku_tests::bench::{corpus_files, default_news_sample, write_generated_corpus};

const KINDS: [&str; 5] = [
    "edited",
    "reordered",
    "boilerplate",
    "simplified",
    "real pages",
];

fn variant(text: &str, kind: usize, t2s: &Converter) -> String {
    let mut paras: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    match kind {
        0 => {
            // Edit a sentence in the middle.
            let mid = paras.len() / 2;
            paras[mid].push_str("（本報記者補充報道）");
            if let Some(p) = paras.get_mut(mid.saturating_sub(1)) {
                *p = p.replacen('。', "，據悉。", 1);
            }
            paras.join("\n\n")
        }
        1 => {
            if paras.len() >= 4 {
                let n = paras.len();
                paras.swap(n / 3, 2 * n / 3);
            }
            paras.join("\n\n")
        }
        2 => format!(
            "首頁 > 新聞 > 港聞\n分享到：Facebook Twitter WhatsApp\n\n{}\n\n版權所有 © 2024 轉載請註明出處\n相關新聞：更多報道請瀏覽本網\n",
            paras.join("\n\n")
        ),
        _ => t2s.convert(text),
    }
}

fn pairs_of(clusters: &[Vec<String>]) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for c in clusters {
        for (i, a) in c.iter().enumerate() {
            for b in &c[i + 1..] {
                out.insert((a.min(b).clone(), a.max(b).clone()));
            }
        }
    }
    out
}

fn score(
    name: &str,
    found: &HashSet<(String, String)>,
    truth: &HashMap<(String, String), usize>,
    secs: f64,
) {
    let tp = found.iter().filter(|p| truth.contains_key(*p)).count();
    let precision = if found.is_empty() {
        1.0
    } else {
        tp as f64 / found.len() as f64
    };
    let recall = tp as f64 / truth.len() as f64;
    let mut by_kind = [(0usize, 0usize); 5];
    for (p, &k) in truth {
        by_kind[k].1 += 1;
        if found.contains(p) {
            by_kind[k].0 += 1;
        }
    }
    let kinds: Vec<String> = KINDS
        .iter()
        .zip(by_kind)
        .map(|(n, (f, t))| format!("{n} {:.2}", f as f64 / t.max(1) as f64))
        .collect();
    println!(
        "| {name} | {:.3} | {:.3} | {} | {} pairs | {secs:.2} s |",
        precision,
        recall,
        kinds.join(", "),
        found.len()
    );
}

/// One tool's run: its name, the pairs it found, its time in seconds.
type Run = (String, HashSet<(String, String)>, f64);

/// Exact Jaccard similarity from which two real pages count as near-duplicates.
const TRUE_JACCARD: f64 = 0.8;

/// The shingle set of a document (the same shingles as wenku's signatures, but every one
/// of them: an exact similarity, not an estimate).
fn shingles(dir: &std::path::Path, id: &str) -> HashSet<u64> {
    let bytes = std::fs::read(dir.join(id)).expect("a document");
    wenku_core::store::similar::shingle_hashes(&own_bytes(id, &bytes))
        .1
        .into_iter()
        .collect()
}

/// The lines each source of the set repeats, as `wenku dups` counts them over the
/// documents it compares (set once the documents are written).
static TEMPLATES: std::sync::OnceLock<wenku_core::ops::dedup::Templates> =
    std::sync::OnceLock::new();

/// A document's own text as `wenku dups` takes it: without scripts and its source's
/// template lines (the whole document when its source has none).
fn own_bytes(id: &str, bytes: &[u8]) -> Vec<u8> {
    let source = wenku_core::corpus::source_of_parts(id, &[], bytes);
    TEMPLATES
        .get()
        .and_then(|t| t.own_text(&source, bytes))
        .map(String::into_bytes)
        .unwrap_or_else(|| bytes.to_vec())
}

/// The truth: the clusters of the known pairs and of the pairs either tool reports whose
/// exact Jaccard similarity is at least [`TRUE_JACCARD`]; every pair inside a cluster,
/// with its kind (4: a pair of real pages or one made by transitivity).
fn confirmed_truth(
    dir: &std::path::Path,
    known: &HashMap<(String, String), usize>,
    runs: &[Run],
) -> HashMap<(String, String), usize> {
    let mut reported: Vec<&(String, String)> = runs
        .iter()
        .flat_map(|r| r.1.iter())
        .filter(|p| !known.contains_key(*p))
        .collect();
    reported.sort();
    reported.dedup();
    let mut cache: HashMap<String, HashSet<u64>> = HashMap::new();
    let mut confirmed = Vec::new();
    for (a, b) in reported {
        for id in [a, b] {
            if !cache.contains_key(id) {
                cache.insert(id.clone(), shingles(dir, id));
            }
        }
        let (x, y) = (&cache[a], &cache[b]);
        let inter = x.intersection(y).count();
        let union = x.len() + y.len() - inter;
        if union > 0 && inter as f64 / union as f64 >= TRUE_JACCARD {
            confirmed.push((a.clone(), b.clone()));
        }
    }
    // Clusters: union-find over the known and confirmed pairs.
    let mut parent: HashMap<String, String> = HashMap::new();
    fn root(parent: &mut HashMap<String, String>, x: &str) -> String {
        let mut r = x.to_string();
        while let Some(p) = parent.get(&r) {
            if *p == r {
                break;
            }
            r = p.clone();
        }
        parent.insert(x.to_string(), r.clone());
        r
    }
    for (a, b) in known.keys().chain(confirmed.iter()) {
        parent.entry(a.clone()).or_insert_with(|| a.clone());
        parent.entry(b.clone()).or_insert_with(|| b.clone());
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent.insert(hi, lo);
        }
    }
    let ids: Vec<String> = parent.keys().cloned().collect();
    let mut clusters: HashMap<String, Vec<String>> = HashMap::new();
    for id in ids {
        let r = root(&mut parent, &id);
        clusters.entry(r).or_default().push(id);
    }
    let clusters: Vec<Vec<String>> = clusters.into_values().collect();
    let mut out: HashMap<(String, String), usize> =
        pairs_of(&clusters).into_iter().map(|p| (p, 4)).collect();
    for (p, &k) in known {
        out.insert(p.clone(), k);
    }
    println!(
        "truth: {} known pairs, {} reported pairs confirmed (exact Jaccard ≥ {TRUE_JACCARD}), {} pairs in {} clusters",
        known.len(),
        confirmed.len(),
        out.len(),
        clusters.len()
    );
    out
}

/// MinHash parameters of the in-process study.
#[derive(Clone, Copy)]
struct Params {
    shingle: usize,
    hashes: usize,
    bands: usize,
    threshold: f64,
}

impl Params {
    fn name(&self) -> String {
        format!(
            "study: {}-char shingles, {} minimums, {} bands × {}, ≥ {}",
            self.shingle,
            self.hashes,
            self.bands,
            self.hashes / self.bands,
            self.threshold
        )
    }
}

/// The characters wenku shingles: the normalised text, Han characters folded.
fn shingled_chars(id: &str, bytes: &[u8]) -> Vec<char> {
    let own = own_bytes(id, bytes);
    let text = String::from_utf8_lossy(&own);
    wenku_core::corpus::normalize_text(&wenku_core::store::similar::without_scripts(&text))
        .chars()
        .map(wenku_core::store::similar::fold_han)
        .collect()
}

/// A study signature: the minimums, and a short text's sorted, distinct shingle hashes.
type StudySignature = (Vec<u32>, Option<Vec<u64>>);

/// wenku's one-permutation MinHash (`similar.rs`) with `p`'s shingle size and number of
/// minimums (a power of two): with 5 and 128 it gives wenku's minimums. A text of at
/// most as many shingles as minimums keeps them, as wenku's signatures do.
fn study_signature(chars: &[char], p: &Params) -> Option<StudySignature> {
    if chars.len() < p.shingle {
        return None;
    }
    let bits = p.hashes.trailing_zeros();
    let mut filled = vec![u32::MAX; p.hashes];
    let short = chars.len() - p.shingle < p.hashes;
    let mut hashes = Vec::new();
    for w in chars.windows(p.shingle) {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &c in w {
            h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
            h ^= h >> 29;
        }
        h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        if short {
            hashes.push(h);
        }
        let bin = (h >> (64 - bits)) as usize;
        let v = (h >> (32 - bits)) as u32;
        filled[bin] = filled[bin].min(v);
    }
    let mut mins = filled.clone();
    for (i, m) in mins.iter_mut().enumerate() {
        if filled[i] != u32::MAX {
            continue;
        }
        for d in 1..p.hashes {
            let f = filled[(i + d) % p.hashes];
            if f != u32::MAX {
                *m = f.wrapping_add((d as u32).wrapping_mul(0x9e37_79b9));
                break;
            }
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    Some((mins, short.then_some(hashes)))
}

/// The pairs that `p` finds among `docs` (id, characters), clustered as `wenku dups`
/// clusters them (LSH bands, each document compared with the 64 before it in a bucket,
/// the estimate at least the threshold, connected groups).
fn study_pairs(docs: &[(String, Vec<char>)], p: &Params) -> HashSet<(String, String)> {
    let sigs: Vec<(usize, StudySignature, &[char])> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, (_, c))| study_signature(c, p).map(|s| (i, s, c.as_slice())))
        .collect();
    let rows = p.hashes / p.bands;
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut compared: HashSet<(usize, usize)> = HashSet::new();
    for b in 0..p.bands {
        let mut buckets: HashMap<&[u32], Vec<usize>> = HashMap::new();
        for (x, (_, s, _)) in sigs.iter().enumerate() {
            buckets
                .entry(&s.0[b * rows..(b + 1) * rows])
                .or_default()
                .push(x);
        }
        for members in buckets.values() {
            for (n, &y) in members.iter().enumerate() {
                for &x in &members[n.saturating_sub(64)..n] {
                    if !compared.insert((x, y)) {
                        continue;
                    }
                    let (sx, sy) = (&sigs[x], &sigs[y]);
                    let est = match (&sx.1 .1, &sy.1 .1) {
                        _ if sx.2 == sy.2 => 1.0,
                        (Some(a), Some(b)) => {
                            let both = a.iter().filter(|h| b.binary_search(h).is_ok()).count();
                            both as f64 / (a.len() + b.len() - both) as f64
                        }
                        _ => {
                            let same = sx.1 .0.iter().zip(&sy.1 .0).filter(|(a, b)| a == b);
                            same.count() as f64 / p.hashes as f64
                        }
                    };
                    if est >= p.threshold {
                        let (a, b) = (find(&mut parent, sx.0), find(&mut parent, sy.0));
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, (id, _)) in docs.iter().enumerate() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(id.clone());
    }
    let clusters: Vec<Vec<String>> = groups.into_values().filter(|g| g.len() > 1).collect();
    pairs_of(&clusters)
}

/// The exact Jaccard similarity of two documents' sets of wenku's shingles.
fn exact_jaccard(dir: &std::path::Path, a: &str, b: &str) -> f64 {
    let (x, y) = (shingles(dir, a), shingles(dir, b));
    let inter = x.intersection(&y).count();
    let union = x.len() + y.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

const DATATROVE: &str = r#"
import sys, json, os, glob
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupSignature,
    MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter)
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from datatrove.utils.hashing import HashConfig
from datatrove.utils.typeshelper import Languages

def main():
    inp, work = sys.argv[1], sys.argv[2]
    lang = getattr(Languages, sys.argv[3])
    config = MinhashConfig(hash_config=HashConfig(precision=64), num_buckets=14, hashes_per_bucket=8)
    LocalPipelineExecutor(pipeline=[JsonlReader(inp),
        MinhashDedupSignature(output_folder=f"{work}/sigs", config=config, language=lang)],
        tasks=1, logging_dir=f"{work}/logs1").run()
    LocalPipelineExecutor(pipeline=[MinhashDedupBuckets(input_folder=f"{work}/sigs",
        output_folder=f"{work}/buckets", config=config)],
        tasks=config.num_buckets, workers=2, logging_dir=f"{work}/logs2").run()
    LocalPipelineExecutor(pipeline=[MinhashDedupCluster(input_folder=f"{work}/buckets",
        output_folder=f"{work}/remove", config=config, save_cluster_id=True)],
        tasks=1, logging_dir=f"{work}/logs3").run()
    LocalPipelineExecutor(pipeline=[JsonlReader(inp),
        MinhashDedupFilter(input_folder=f"{work}/remove", load_cluster_ids=True,
            exclusion_writer=JsonlWriter(f"{work}/removed")),
        JsonlWriter(f"{work}/kept")], tasks=1, logging_dir=f"{work}/logs4").run()
    clusters = {}
    for f in glob.glob(f"{work}/removed/*") + glob.glob(f"{work}/kept/*"):
        import gzip
        with gzip.open(f, "rt") as fh:
            for line in fh:
                d = json.loads(line)
                c = d.get("metadata", {}).get("minhash_cluster_id")
                if c is not None and c != -1:
                    clusters.setdefault(c, []).append(d["id"])
    print(json.dumps([v for v in clusters.values() if len(v) > 1]))

if __name__ == "__main__":
    main()
"#;

fn main() {
    let scratch = tempfile::tempdir().expect("scratch");
    let built = wenku_tests::build(true);
    let arg = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from);
    let files = match arg.or_else(|| default_news_sample("hkcnews-6000.tar.zst")) {
        Some(p) => corpus_files(&p, scratch.path()),
        None => {
            let g = scratch.path().join("generated");
            write_generated_corpus(&g, 6000);
            corpus_files(&g, scratch.path())
        }
    };
    let t2s = Converter::shared("t2s").expect("t2s");
    let docs_dir = scratch.path().join("docs");
    std::fs::create_dir_all(&docs_dir).expect("docs dir");
    let jsonl_dir = scratch.path().join("jsonl");
    std::fs::create_dir_all(&jsonl_dir).expect("jsonl dir");
    let mut jsonl = String::new();
    let mut truth: HashMap<(String, String), usize> = HashMap::new();
    let mut raw = 0usize;
    let mut add = |id: &str, text: &str, jsonl: &mut String| {
        std::fs::write(docs_dir.join(id), text).expect("write a document");
        jsonl.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        jsonl.push('\n');
        raw += text.len();
    };
    for (i, f) in files.iter().enumerate() {
        let text = String::from_utf8_lossy(&std::fs::read(f).expect("a page")).into_owned();
        let id = format!("p{i:05}");
        add(&id, &text, &mut jsonl);
        if i % 4 == 0 {
            let kind = (i / 4) % 4;
            let vid = format!("q{i:05}-{}", KINDS[kind]);
            add(&vid, &variant(&text, kind, &t2s), &mut jsonl);
            truth.insert((id.clone().min(vid.clone()), id.max(vid)), kind);
        }
    }
    std::fs::write(jsonl_dir.join("docs.jsonl"), &jsonl).expect("write jsonl");
    let n_docs = std::fs::read_dir(&docs_dir).map(|d| d.count()).unwrap_or(0);
    // The sources' template lines over the whole set, as `wenku dups` counts them.
    let counted: Vec<(String, Vec<u32>)> = std::fs::read_dir(&docs_dir)
        .expect("docs dir")
        .filter_map(|e| {
            let e = e.ok()?;
            let id = e.file_name().into_string().ok()?;
            let bytes = std::fs::read(e.path()).ok()?;
            Some((
                wenku_core::corpus::source_of_parts(&id, &[], &bytes),
                wenku_core::ops::dedup::template_lines(&bytes),
            ))
        })
        .collect();
    let _ = TEMPLATES.set(wenku_core::ops::dedup::Templates::new(counted));
    println!(
        "{n_docs} documents ({:.1} MB), {} known near-duplicate pairs",
        raw as f64 / 1e6,
        truth.len()
    );
    let mut runs: Vec<Run> = Vec::new();

    // wenku: import (signatures included) and `dups`.
    let archive = scratch.path().join("a.wenku");
    let t = Instant::now();
    let st = Command::new(&built.wenku)
        .args(["-q", "-A"])
        .arg(&archive)
        .arg("import")
        .arg(&docs_dir)
        .status()
        .expect("wenku import");
    assert!(st.success());
    let t_import = t.elapsed().as_secs_f64();
    let mut wenku_out = None;
    for threshold in ["near=0.8", "near=0.7", "near=0.5"] {
        let t = Instant::now();
        let out = Command::new(&built.wenku)
            .args(["--json", "-A"])
            .arg(&archive)
            .args(["dups", "--mode", threshold])
            .output()
            .expect("wenku dups");
        let t_dups = t.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("dups JSON");
        let clusters: Vec<Vec<String>> = v
            .as_array()
            .expect("clusters")
            .iter()
            .map(|c| {
                let mut m = vec![c["keep"].as_str().unwrap_or_default().to_string()];
                for d in c["duplicates"].as_array().into_iter().flatten() {
                    m.push(d["key"].as_str().unwrap_or_default().to_string());
                }
                m
            })
            .collect();
        runs.push((
            format!("wenku dups --mode {threshold} (import {t_import:.2} s + dups {t_dups:.2} s)"),
            pairs_of(&clusters),
            t_import + t_dups,
        ));
        wenku_out.get_or_insert(t_import + t_dups);
    }

    // datatrove, same documents as JSONL.
    let script = scratch.path().join("datatrove_dedup.py");
    std::fs::write(&script, DATATROVE).expect("script");
    let mut times = BTreeMap::new();
    for lang in ["chinese", "english"] {
        let work = scratch.path().join(format!("dt-{lang}"));
        let t = Instant::now();
        let out = Command::new("python3")
            .arg(&script)
            .arg(&jsonl_dir)
            .arg(&work)
            .arg(lang)
            .output();
        let secs = t.elapsed().as_secs_f64();
        match out {
            Ok(o) if o.status.success() => {
                let clusters: Vec<Vec<String>> =
                    serde_json::from_slice(&o.stdout).unwrap_or_default();
                runs.push((
                    format!("datatrove MinHash ({lang} words)"),
                    pairs_of(&clusters),
                    secs,
                ));
                times.insert(lang, secs);
            }
            Ok(o) => println!(
                "datatrove ({lang}) failed: {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .rev()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
            Err(e) => println!("datatrove not run: {e}"),
        }
    }
    // The parameter study, in this process.
    let mut ids: Vec<String> = std::fs::read_dir(&docs_dir)
        .expect("docs dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    ids.sort();
    let docs: Vec<(String, Vec<char>)> = ids
        .iter()
        .map(|id| {
            let bytes = std::fs::read(docs_dir.join(id)).expect("a document");
            (id.clone(), shingled_chars(id, &bytes))
        })
        .collect();
    let base = Params {
        shingle: 5,
        hashes: 128,
        bands: 32,
        threshold: 0.8,
    };
    for p in [
        base,
        Params {
            hashes: 256,
            bands: 64,
            ..base
        },
        Params { shingle: 4, ..base },
        Params { shingle: 3, ..base },
        Params { bands: 16, ..base },
        Params {
            threshold: 0.75,
            ..base
        },
    ] {
        let t = Instant::now();
        let found = study_pairs(&docs, &p);
        runs.push((p.name(), found, t.elapsed().as_secs_f64()));
    }
    // The known pairs that `wenku dups` (0.8) misses, with their exact similarity.
    if let Some((_, found, _)) = runs.first() {
        let mut missed: Vec<(&(String, String), usize)> = truth
            .iter()
            .filter(|(p, _)| !found.contains(*p))
            .map(|(p, &k)| (p, k))
            .collect();
        missed.sort();
        println!(
            "known pairs that wenku dups --mode near=0.8 misses: {}",
            missed.len()
        );
        for ((a, b), k) in missed {
            println!(
                "  {a} {b} ({}): exact Jaccard {:.3}, {} and {} characters",
                KINDS[k],
                exact_jaccard(&docs_dir, a, b),
                shingled_chars(a, &std::fs::read(docs_dir.join(a)).expect("a document")).len(),
                shingled_chars(b, &std::fs::read(docs_dir.join(b)).expect("a document")).len(),
            );
        }
    }
    let confirmed = confirmed_truth(&docs_dir, &truth, &runs);
    println!("| tool | precision | recall | recall by kind | pairs found | time |");
    println!("|---|---|---|---|---|---|");
    for (name, found, secs) in &runs {
        score(name, found, &confirmed, *secs);
    }
    // The known pairs alone as the truth: every pair between real pages counts as false.
    println!();
    println!("Known pairs only (the real pages' own near-duplicates counted as false pairs):");
    println!("| tool | precision | recall | recall by kind | pairs found | time |");
    println!("|---|---|---|---|---|---|");
    for (name, found, secs) in &runs {
        score(name, found, &truth, *secs);
    }
    if let (Some(w), Some(d)) = (wenku_out, times.values().next()) {
        println!(
            "wenku (import + dups) takes {:.3}× datatrove's time: {:.1}× faster",
            w / d,
            d / w
        );
    }
}
