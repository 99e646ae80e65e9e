//! How much a trained dictionary saves against plain zstd, by the number of documents it
//! was trained on — the measurement behind `TRAIN_MIN_DOCS` — and by dictionary size and
//! zstd level — the measurement behind `DICT_SIZE`, the import's level 4 and the sizes
//! `compact` trains.
//!
//! cargo bench -p wenku-tests --bench dictionary -- [CORPUS.tar.zst|DIR]

use wenku_core::codec::{compress, train, Dictionary, Plan};
use wenku_tests::bench::{corpus_files, default_news_sample, generated_doc, seed_texts};

/// Total bytes of every document compressed alone with zstd -3 (and `dict`, if any).
fn total(docs: &[Vec<u8>], dict: Option<&'static Dictionary>) -> usize {
    total_at(docs, dict, 3)
}

fn total_at(docs: &[Vec<u8>], dict: Option<&'static Dictionary>, level: i32) -> usize {
    let plan = Plan {
        level,
        dict,
        base: None,
    };
    docs.iter()
        .map(|d| compress(d, &plan).expect("zstd").data.len())
        .sum()
}

fn main() {
    let scratch = tempfile::tempdir().expect("scratch");
    let arg = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from);
    let docs: Vec<Vec<u8>> = match arg.or_else(|| default_news_sample("hkcnews-6000.tar.zst")) {
        Some(p) => corpus_files(&p, scratch.path())
            .iter()
            .map(|f| std::fs::read(f).expect("read"))
            .collect(),
        None => {
            let s = seed_texts();
            (0..6000)
                .map(|i| generated_doc(&s, i).into_bytes())
                .collect()
        }
    };
    let raw: usize = docs.iter().map(Vec::len).sum();
    let plain = total(&docs, None);
    println!(
        "{} documents, {:.1} MB; plain zstd -3 per document: {:.2} MB ({:.2}× smaller than raw)",
        docs.len(),
        raw as f64 / 1e6,
        plain as f64 / 1e6,
        raw as f64 / plain as f64
    );
    println!("| trained on | dictionary zstd -3 | vs plain |");
    println!("|---|---|---|");
    for n in [16usize, 32, 64, 128, 256, 512, 1000] {
        let step = docs.len() / n;
        let samples: Vec<&[u8]> = docs
            .iter()
            .step_by(step.max(1))
            .take(n)
            .map(|d| &d[..d.len().min(8 * 1024)])
            .collect();
        let Some(dict) = train(&samples, wenku_core::codec::DICT_SIZE) else {
            println!("| {n} | (too little to train) | |");
            continue;
        };
        let total = total(&docs, Some(Dictionary::new(n as u32, dict)));
        println!(
            "| {n} documents | {:.2} MB | {:.2}× smaller |",
            total as f64 / 1e6,
            plain as f64 / total as f64
        );
    }

    // Dictionary size × level, trained on 1,000 documents (8 KiB each for the import's
    // sizes, 64 KiB for the larger ones `compact` trains), one thread.
    println!();
    println!("| dictionary | level | stored (dictionary included) | vs plain zstd -3 | speed |");
    println!("|---|---|---|---|---|");
    let step = (docs.len() / 1000).max(1);
    for (size, sample, levels) in [
        (110 * 1024, 8 * 1024, &[3, 4, 5][..]),
        (255 * 1024, 8 * 1024, &[3, 4, 5, 19][..]),
        (511 * 1024, 64 * 1024, &[4, 19][..]),
        (1023 * 1024, 64 * 1024, &[4, 19][..]),
    ] {
        let samples: Vec<&[u8]> = docs
            .iter()
            .step_by(step)
            .map(|d| &d[..d.len().min(sample)])
            .collect();
        let Some(trained) = train(&samples, size) else {
            println!("| {} KiB | | (too little to train) | | |", size / 1024);
            continue;
        };
        let dict_len = trained.len();
        let dict = Dictionary::new(10_000 + size as u32, trained);
        for &level in levels {
            let t = std::time::Instant::now();
            let stored = total_at(&docs, Some(dict), level) + dict_len;
            let secs = t.elapsed().as_secs_f64();
            println!(
                "| {} KiB | {level} | {:.2} MB | {:.2}× smaller | {:.0} MB/s |",
                size / 1024,
                stored as f64 / 1e6,
                plain as f64 / stored as f64,
                raw as f64 / secs / 1e6
            );
        }
    }
}
