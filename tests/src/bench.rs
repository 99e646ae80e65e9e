//! Benchmark helpers: the corpora (the real news sample when its path is given or
//! present beside the repository, else a corpus generated from the seeds), timing, and
//! running peer tools.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::{seed_names, seeds_dir, workspace_root};

/// The news sample beside the repository, if present.
pub fn default_news_sample(name: &str) -> Option<PathBuf> {
    let p = workspace_root().join("../shared/corpus/bench").join(name);
    p.exists().then_some(p)
}

/// Files of a corpus: a directory, or a `.tar.zst` unpacked into `scratch`.
pub fn corpus_files(path: &Path, scratch: &Path) -> Vec<PathBuf> {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        let out = scratch.join("unpacked");
        std::fs::create_dir_all(&out).expect("scratch dir");
        let st = Command::new("tar")
            .arg("--zstd")
            .arg("-xf")
            .arg(path)
            .arg("-C")
            .arg(&out)
            .status()
            .expect("tar");
        assert!(st.success(), "cannot unpack {}", path.display());
        out
    };
    let mut files: Vec<PathBuf> = walk(&dir);
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else if p.is_file() {
                out.push(p);
            }
        }
    }
    out
}

/// A small deterministic PRNG (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// One generated document: a seed with realistic variation (another date and time,
/// paragraphs dropped, repeated or borrowed from another seed, an edited sentence, a
/// unique header), so documents share much but no two are equal.
pub fn generated_doc(seeds: &[String], i: usize) -> String {
    let mut rng = Rng::new(i as u64 + 1);
    let base = &seeds[i % seeds.len()];
    let other = &seeds[(i / seeds.len() + 1 + i) % seeds.len()];
    let paras: Vec<&str> = base.split("\n\n").collect();
    let others: Vec<&str> = other
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut out = String::with_capacity(base.len() + 256);
    out.push_str(&format!(
        "2022-{:02}-{:02} {:02}:{:02}:{:02} 来源：新闻网 编号 {}\n\n",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        rng.below(60),
        rng.below(60),
        rng.next_u64() % 1_000_000_000
    ));
    for p in &paras {
        match rng.below(20) {
            0 => continue,
            1 if !others.is_empty() => {
                out.push_str(others[rng.below(others.len())]);
                out.push_str("\n\n");
            }
            2 => {
                let cut = p
                    .char_indices()
                    .nth(p.chars().count() / 2)
                    .map_or(p.len(), |(i, _)| i);
                out.push_str(&p[..cut]);
                out.push_str(&format!("（记者 {}）", rng.below(10_000)));
                out.push_str(&p[cut..]);
                out.push_str("\n\n");
                continue;
            }
            _ => {}
        }
        out.push_str(p);
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "责任编辑：{} 浏览 {} 次\n",
        ["王", "李", "张", "刘", "陈"][rng.below(5)],
        rng.below(100_000)
    ));
    out
}

/// The seeds' texts.
pub fn seed_texts() -> Vec<String> {
    seed_names()
        .iter()
        .map(|n| {
            String::from_utf8_lossy(&std::fs::read(seeds_dir().join(n)).expect("seed")).into_owned()
        })
        .collect()
}

/// Write `n` generated documents into `dir` (in 100 subfolders); returns the bytes written.
pub fn write_generated_corpus(dir: &Path, n: usize) -> u64 {
    let seeds = seed_texts();
    let mut total = 0;
    for i in 0..n {
        let sub = dir.join(format!("{:02}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub).expect("corpus dir");
        }
        let doc = generated_doc(&seeds, i);
        total += doc.len() as u64;
        std::fs::write(sub.join(format!("doc-{i:06}.txt")), doc).expect("write corpus");
    }
    total
}

/// Best wall time of `runs` runs of `f`.
pub fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        last = Some(v);
    }
    (best, last.expect("at least one run"))
}

/// MB/s (10^6 bytes per second).
pub fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// Whether `python3 -c "import MODULE"` works.
pub fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Run a Python script that reads a JSON list of documents (argv[1]) and writes
/// `{"secs": seconds, "out": [texts]}` (argv[2]). `None` if Python or its modules fail.
pub fn python_over_docs(
    script: &str,
    docs: &[String],
    scratch: &Path,
    name: &str,
) -> Option<(f64, Vec<String>)> {
    let input = scratch.join(format!("{name}.json"));
    let output = scratch.join(format!("{name}.out.json"));
    std::fs::write(&input, serde_json::to_string(docs).ok()?).ok()?;
    let st = Command::new("python3")
        .args(["-c", script])
        .arg(&input)
        .arg(&output)
        .status()
        .ok()?;
    if !st.success() {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&output).ok()?).ok()?;
    let out = v["out"]
        .as_array()?
        .iter()
        .map(|s| s.as_str().unwrap_or("").to_string())
        .collect();
    Some((v["secs"].as_f64()?, out))
}

/// Run `wenku -q -A ARCHIVE ARGS` (exit 0 or 1 expected); its wall time in seconds.
pub fn timed_wenku(bin: &Path, archive: &Path, args: &[&str]) -> f64 {
    let t = Instant::now();
    let st = Command::new(bin)
        .arg("-q")
        .arg("-A")
        .arg(archive)
        .args(args)
        .status()
        .expect("wenku runs");
    assert!(
        st.success() || st.code() == Some(1),
        "wenku {args:?} failed"
    );
    t.elapsed().as_secs_f64()
}
