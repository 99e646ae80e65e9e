//! The cleaned snapshot on real corpora, as a user makes it: import a corpus, enable the
//! three plugins at their defaults, export JSONL; then count what junk is left and what
//! article text was lost.
//!
//! cargo bench -p wenku-tests --bench cleaning -- [CORPUS.tar.zst|DIR]...
//!
//! Default corpora: the three of ../shared/corpus/bench/ when present, else a corpus
//! generated from the seeds. Counts, per corpus:
//! - `repeated`: exports still holding a line that repeats across ≥ 5% of its source's
//!   documents and ≥ 20 documents (lines compared as the corpus statistics normalise
//!   them, over the raw documents converted t2s as the output is);
//! - `stubs`: exports holding a stub-page text of the platform rules (captcha, deleted,
//!   JavaScript wall, loader…);
//! - `wechat`: exports holding WeChat interface strings;
//! - `retention`: the share of the raw documents' prose lines (≥ 15 Han characters
//!   once markup is removed; front matter, lines that are one Markdown link and nothing
//!   else — navigation —, stub texts and the repeated lines above left out) found in the output, over all documents (a dropped one keeps nothing), and
//!   separately over the lines fewer than 3 documents of the source hold (lines that
//!   ≥ 3 documents hold at a document's edge — bylines, columnists' bios — are
//!   boilerplate to spam-trim and removed on purpose);
//! - drops by reason, and dropped documents that held ≥ 3 prose lines (to read: a drop
//!   of a real article would be a false drop).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use wenku_core::corpus::{self, normalize_text, CorpusStats};
use wenku_core::Archive;
use wenku_plugin::{Config, Filter, Meta};
use wenku_script_convert::ScriptConvert;
use wenku_tests::bench::{default_news_sample, write_generated_corpus};

const WECHAT: [&str; 5] = [
    "轻点两下取消赞",
    "预览时标签不可点",
    "继续滑动看下一个",
    "轻触阅读原文",
    "cover_image",
];

fn stub_texts() -> Vec<String> {
    wenku_spam_trim::platform::BUILTIN
        .lines()
        .filter_map(|l| l.strip_prefix("stub "))
        .filter_map(|r| r.split_once(' ').map(|(_, t)| t.trim().to_string()))
        .collect()
}

fn han(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || ('\u{3400}'..='\u{4dbf}').contains(c))
        .count()
}

/// A line that is nothing but one Markdown link (after list and heading markers):
/// navigation, not prose.
fn link_only(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['*', '-', '+', '#', '>', ' '])
        .trim();
    t.starts_with('[') && t.ends_with(')') && t.matches("](").count() == 1
}

/// The body of a document without its front matter.
fn body(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---") {
            return &rest[end + 4..];
        }
    }
    text
}

struct Export {
    text: String,
    source: String,
}

fn main() {
    let args: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let scratch = tempfile::tempdir().expect("scratch dir");
    let corpora: Vec<PathBuf> = if !args.is_empty() {
        args
    } else {
        let found: Vec<PathBuf> = [
            "hkcnews-6000.tar.zst",
            "xinwenlianbo-300.tar.zst",
            "picker-1500.tar.zst",
        ]
        .iter()
        .filter_map(|n| default_news_sample(n))
        .collect();
        if found.is_empty() {
            let dir = scratch.path().join("generated");
            write_generated_corpus(&dir, 2000);
            vec![dir]
        } else {
            found
        }
    };
    let built = wenku_tests::build(true);
    let t2s = ScriptConvert::new(&Config::default()).expect("t2s");
    let convert = |s: &str| -> String {
        match t2s.transform(s.as_bytes(), &Meta::new(vec![])) {
            Ok(o) => match o.verdict {
                wenku_plugin::Verdict::Keep(b) => String::from_utf8_lossy(&b).into_owned(),
                _ => s.to_string(),
            },
            Err(_) => s.to_string(),
        }
    };
    let stubs = stub_texts();
    println!("corpus | docs | exported | dropped | repeated | stubs | wechat | retention (all) | retention (lines < 3 docs hold) | false-drop candidates | export s");
    let mut rows = Vec::new();
    for corpus_path in &corpora {
        let name = corpus_path
            .file_name()
            .map(|n| n.to_string_lossy().replace(".tar.zst", ""))
            .unwrap_or_default();
        let input = if corpus_path.is_dir() {
            corpus_path.clone()
        } else {
            let out = scratch.path().join(format!("{name}-files"));
            std::fs::create_dir_all(&out).expect("dir");
            let st = std::process::Command::new("tar")
                .arg("--zstd")
                .arg("-xf")
                .arg(corpus_path)
                .arg("-C")
                .arg(&out)
                .status()
                .expect("tar");
            assert!(st.success(), "cannot unpack {}", corpus_path.display());
            out
        };
        let archive = scratch.path().join(format!("{name}.wenku"));
        let run = |args: &[&str]| {
            let st = std::process::Command::new(&built.wenku)
                .arg("-q")
                .arg("-A")
                .arg(&archive)
                .args(args)
                .status()
                .expect("wenku runs");
            assert!(
                st.success() || st.code() == Some(1),
                "wenku {args:?} failed"
            );
        };
        run(&["import", &input.to_string_lossy()]);
        for p in ["encoding-repair", "spam-trim", "script-convert"] {
            run(&["plugin", "enable", p]);
        }
        let out = scratch.path().join(format!("{name}.jsonl"));
        let t = Instant::now();
        run(&[
            "export",
            "--format",
            "jsonl",
            "--out",
            &out.to_string_lossy(),
        ]);
        let export_secs = t.elapsed().as_secs_f64();
        let row = measure(&archive, &out, &convert, &stubs, &name, export_secs);
        println!("{row}");
        rows.push(row);
    }
    println!();
    for r in rows {
        println!("{r}");
    }
}

fn measure(
    archive_dir: &Path,
    out: &Path,
    convert: &dyn Fn(&str) -> String,
    stubs: &[String],
    name: &str,
    export_secs: f64,
) -> String {
    let mut exports: HashMap<String, Export> = HashMap::new();
    for line in std::fs::read_to_string(out).expect("export").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSONL");
        exports.insert(
            v["id"].as_str().unwrap_or_default().to_string(),
            Export {
                text: v["text"].as_str().unwrap_or_default().to_string(),
                source: v["metadata"]["corpus_source"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            },
        );
    }
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(format!("{}.manifest.json", out.display())).expect("manifest"),
    )
    .expect("manifest JSON");
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut dropped: HashMap<String, String> = HashMap::new();
    for d in manifest["dropped"].as_array().into_iter().flatten() {
        let reason = d["reason"].as_str().unwrap_or_default().to_string();
        let kind = reason.split(':').next().unwrap_or_default().to_string();
        *reasons.entry(kind).or_default() += 1;
        dropped.insert(d["key"].as_str().unwrap_or_default().to_string(), reason);
    }

    // Statistics over the raw documents as the output's script has them.
    let archive = Archive::open(archive_dir).expect("archive opens");
    let mut stats = CorpusStats::default();
    let mut raws: Vec<(String, String, String)> = Vec::new();
    for (key, _) in archive.list("").expect("list") {
        let doc = archive.read(&key, None).expect("read");
        let source = corpus::source_of(&key, &doc.record, &doc.bytes);
        let text = convert(&String::from_utf8_lossy(&doc.bytes));
        stats.add(&source, &corpus::document_fingerprints(text.as_bytes()));
        raws.push((key, source, text));
    }
    drop(archive);
    let repeated = |source: &str, line: &str| -> (bool, u64) {
        let Some(s) = stats.source(source) else {
            return (false, 0);
        };
        let needed = 20u64.max((s.documents as f64 * 0.05).ceil() as u64);
        let n = wenku_core::plugin::CorpusLookup::line_documents(s, line);
        (n >= needed, n)
    };

    let mut junk_docs = 0;
    let mut junk_lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut stub_docs = 0;
    let mut wechat_docs = 0;
    for e in exports.values() {
        let mut junk = false;
        for line in e.text.lines() {
            if repeated(&e.source, line).0 {
                junk = true;
                *junk_lines.entry(line.trim().to_string()).or_default() += 1;
            }
        }
        junk_docs += usize::from(junk);
        stub_docs += usize::from(stubs.iter().any(|s| e.text.contains(s.as_str())));
        wechat_docs += usize::from(WECHAT.iter().any(|s| e.text.contains(s)));
    }

    let (mut total, mut found, mut unique_total, mut unique_found) = (0usize, 0usize, 0, 0);
    let mut suspects = Vec::new();
    let mut lost: BTreeMap<String, usize> = BTreeMap::new();
    for (key, source, text) in &raws {
        let out_norm = exports
            .get(key)
            .map(|e| normalize_text(&e.text))
            .unwrap_or_default();
        let mut prose = 0;
        for line in corpus::lines(body(text)) {
            let norm = normalize_text(line);
            if han(&norm) < 15 || link_only(line) || stubs.iter().any(|s| line.contains(s.as_str()))
            {
                continue;
            }
            let (is_junk, n) = repeated(source, line);
            if is_junk {
                continue;
            }
            prose += 1;
            total += 1;
            let kept = out_norm.contains(&norm);
            found += usize::from(kept);
            if !kept && exports.contains_key(key) {
                let shown: String = line.trim().chars().take(60).collect();
                *lost.entry(format!("[held by {n}] {shown}")).or_default() += 1;
            }
            if n < 3 {
                unique_total += 1;
                unique_found += usize::from(kept);
            }
        }
        if prose >= 3 {
            if let Some(reason) = dropped.get(key) {
                suspects.push(format!("{key}: {reason}"));
            }
        }
    }
    let mut top: Vec<(&String, &usize)> = junk_lines.iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(*e.1));
    for (line, n) in top.iter().take(5) {
        eprintln!("  {name}: repeated line left in {n} exports: {line}");
    }
    let mut lost: Vec<(String, usize)> = lost.into_iter().collect();
    lost.sort_by_key(|e| std::cmp::Reverse(e.1));
    for (line, n) in lost.iter().take(40) {
        eprintln!("  {name}: prose line lost in {n} exports: {line}");
    }
    for s in suspects.iter().take(10) {
        eprintln!("  {name}: dropped with ≥ 3 prose lines: {s}");
    }
    eprintln!("  {name}: drops by reason: {reasons:?}");
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    format!(
        "{name} | {} | {} | {} | {junk_docs} | {stub_docs} | {wechat_docs} | {:.2}% ({found}/{total}) | {:.2}% ({unique_found}/{unique_total}) | {} | {export_secs:.2}",
        raws.len(),
        exports.len(),
        dropped.len(),
        pct(found, total),
        pct(unique_found, unique_total),
        suspects.len(),
    )
}
