//! spam-trim against trafilatura (`pip install trafilatura`, `extract`) in the same run:
//! precision and recall of removed lines on the labelled set (tests/data/spam-labelled),
//! agreement with the expected outputs of the seeds, and throughput on news pages.
//!
//! cargo bench -p wenku-tests --bench spam_trim -- [CORPUS.tar.zst|DIR]
//!
//! Default corpus: ../shared/corpus/bench/hkcnews-6000.tar.zst if present, else pages
//! generated from the seeds.

use std::time::Instant;

use wenku_spam_trim::{Lexicon, SpamTrim};
use wenku_tests::bench::{
    corpus_files, default_news_sample, generated_doc, python_has, python_over_docs, seed_texts,
};
use wenku_tests::{data_dir, seeds_dir};

const PY: &str = r#"
import sys, json, time, trafilatura
docs = json.load(open(sys.argv[1], encoding='utf-8'))
t = time.perf_counter()
out = [trafilatura.extract(d) or '' for d in docs]
secs = time.perf_counter() - t
json.dump({"secs": secs, "out": out}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
"#;

/// Similarity of two texts ignoring whitespace: 2·LCS-free overlap of characters
/// (multiset), 1.0 when identical.
fn agreement(a: &str, b: &str) -> f64 {
    use std::collections::HashMap;
    let count = |s: &str| {
        let mut m: HashMap<char, usize> = HashMap::new();
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_default() += 1;
        }
        m
    };
    let (ca, cb) = (count(a), count(b));
    let common: usize = ca
        .iter()
        .map(|(c, n)| (*n).min(*cb.get(c).unwrap_or(&0)))
        .sum();
    let total: usize = ca.values().sum::<usize>() + cb.values().sum::<usize>();
    if total == 0 {
        1.0
    } else {
        2.0 * common as f64 / total as f64
    }
}

/// (true positives, false positives, false negatives) of removed lines.
fn score(labels: &[(bool, String)], output: &str) -> (usize, usize, usize, Vec<String>) {
    let kept: std::collections::HashSet<&str> = output.lines().map(str::trim).collect();
    let (mut tp, mut fp, mut fnn) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (keep, line) in labels {
        let removed = !kept.contains(line.trim());
        match (keep, removed) {
            (false, true) => tp += 1,
            (true, true) => {
                fp += 1;
                wrong.push(format!("removed: {line}"));
            }
            (false, false) => {
                fnn += 1;
                wrong.push(format!("kept: {line}"));
            }
            (true, false) => {}
        }
    }
    (tp, fp, fnn, wrong)
}

fn main() {
    let scratch = tempfile::tempdir().expect("scratch");
    let ours = SpamTrim::with_lexicon(Lexicon::builtin());
    let have_traf = python_has("trafilatura");

    // 1. The labelled set.
    let mut files: Vec<_> = std::fs::read_dir(data_dir().join("spam-labelled"))
        .expect("labelled set")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    let mut all_labels = Vec::new();
    for f in &files {
        let labels: Vec<(bool, String)> = std::fs::read_to_string(f)
            .expect("read")
            .lines()
            .filter_map(|l| {
                l.strip_prefix("+ ")
                    .map(|t| (true, t.to_string()))
                    .or_else(|| l.strip_prefix("- ").map(|t| (false, t.to_string())))
            })
            .collect();
        docs.push(
            labels
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        all_labels.push(labels);
    }
    let html_docs: Vec<String> = all_labels
        .iter()
        .map(|ls| {
            format!(
                "<html><body>{}</body></html>",
                ls.iter()
                    .map(|(_, t)| format!("<p>{t}</p>"))
                    .collect::<String>()
            )
        })
        .collect();
    let traf = have_traf
        .then(|| python_over_docs(PY, &html_docs, scratch.path(), "labelled"))
        .flatten();
    let mut totals = [[0usize; 3]; 2];
    let mut misses = Vec::new();
    for (k, labels) in all_labels.iter().enumerate() {
        let out = ours
            .trim(&docs[k], Some("text/plain"))
            .text
            .unwrap_or_default();
        let (tp, fp, fnn, wrong) = score(labels, &out);
        totals[0][0] += tp;
        totals[0][1] += fp;
        totals[0][2] += fnn;
        misses.extend(wrong.into_iter().map(|w| {
            format!(
                "{}: {w}",
                files[k].file_name().unwrap_or_default().to_string_lossy()
            )
        }));
        if let Some((_, t)) = &traf {
            let (tp, fp, fnn, _) = score(labels, &t[k]);
            totals[1][0] += tp;
            totals[1][1] += fp;
            totals[1][2] += fnn;
        }
    }
    let pr = |t: [usize; 3]| {
        (
            t[0] as f64 / (t[0] + t[1]).max(1) as f64,
            t[0] as f64 / (t[0] + t[2]).max(1) as f64,
        )
    };
    println!(
        "labelled set: {} records, {} lines",
        files.len(),
        all_labels.iter().map(Vec::len).sum::<usize>()
    );
    println!("| tool | precision of removed lines | recall of removed lines |");
    println!("|---|---|---|");
    let (p, r) = pr(totals[0]);
    println!("| spam-trim | {p:.2} | {r:.2} |");
    if traf.is_some() {
        let (p, r) = pr(totals[1]);
        println!("| trafilatura | {p:.2} | {r:.2} |");
    }
    for m in &misses {
        println!("  spam-trim {m}");
    }

    // 2. Agreement with the expected outputs of the seeds.
    println!();
    println!("| seed | spam-trim agreement | trafilatura agreement |");
    println!("|---|---|---|");
    let seeds = [
        ("000_494a2534e3f5ba18.txt", "000.only.txt", "text/markdown"),
        ("002_d66d1dd5df9fb961.txt", "002.only.txt", "text/plain"),
        ("003_4c023f02afb06f96.txt", "003.only.txt", "text/plain"),
        ("004_3dc92560bcc8998f.txt", "004.only.txt", "text/html"),
    ];
    let inputs: Vec<String> = seeds
        .iter()
        .map(|(s, _, _)| std::fs::read_to_string(seeds_dir().join(s)).expect("seed"))
        .collect();
    // trafilatura reads HTML: plain text goes in as one <p> a line, the Markdown page as
    // its HTML body (what a user of it would do).
    let as_html: Vec<String> = inputs
        .iter()
        .zip(&seeds)
        .map(|(t, (_, _, media))| match *media {
            "text/plain" => format!(
                "<html><body>{}</body></html>",
                t.lines().map(|l| format!("<p>{l}</p>")).collect::<String>()
            ),
            "text/markdown" => t.splitn(3, "\n---\n").last().unwrap_or(t).to_string(),
            _ => t.clone(),
        })
        .collect();
    let traf_seeds = have_traf
        .then(|| python_over_docs(PY, &as_html, scratch.path(), "seeds"))
        .flatten();
    for (k, (s, e, media)) in seeds.iter().enumerate() {
        let expected = std::fs::read_to_string(data_dir().join("expected/spam-trim").join(e))
            .expect("expected");
        let out = ours.trim(&inputs[k], Some(media)).text.unwrap_or_default();
        let t = traf_seeds.as_ref().map_or("n/a".to_string(), |(_, o)| {
            format!("{:.2}", agreement(&o[k], &expected))
        });
        println!("| {} | {:.2} | {t} |", &s[..3], agreement(&out, &expected));
    }

    // 3. Throughput on news pages.
    let arg = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let (label, pages): (String, Vec<String>) = match arg
        .map(std::path::PathBuf::from)
        .or_else(|| default_news_sample("hkcnews-6000.tar.zst"))
    {
        Some(p) => {
            let files = corpus_files(&p, scratch.path());
            (
                format!("{} ({} files)", p.display(), files.len()),
                files
                    .iter()
                    .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned())
                    .collect(),
            )
        }
        None => {
            let s = seed_texts();
            (
                "2,000 pages generated from the seeds".into(),
                (0..2000).map(|i| generated_doc(&s, i)).collect(),
            )
        }
    };
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for p in &pages {
            std::hint::black_box(ours.trim(p, Some("text/markdown")));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let ours_mbps = bytes as f64 / 1e6 / best;
    println!();
    println!("throughput on {label}, {:.1} MB:", bytes as f64 / 1e6);
    println!("| spam-trim MB/s | trafilatura MB/s | ratio |");
    println!("|---|---|---|");
    match have_traf
        .then(|| python_over_docs(PY, &pages, scratch.path(), "pages"))
        .flatten()
    {
        Some((secs, _)) => {
            let t = bytes as f64 / 1e6 / secs;
            println!("| {ours_mbps:.0} | {t:.1} | {:.0}× |", ours_mbps / t);
        }
        None => println!("| {ours_mbps:.0} | n/a (pip install trafilatura) | |"),
    }
}
