//! Times encoding-repair over every file of a directory and counts the repairs made:
//! cargo run --release --example prof_repair -- DIR [--show] [--out OUTDIR]
//!
//! Prints the steps that changed documents (`repairs`), the kinds of mojibake repaired
//! (`mojibake`) and the damage flagged (`damage`), each with its number of documents;
//! `--show` also prints, for every document the mojibake step changed, its path and the
//! first place it changed; `--out` writes those documents' repaired text to OUTDIR.
use std::collections::BTreeMap;

use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter, Meta, Verdict};

fn first_change(a: &str, b: &str) -> String {
    let p = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = a[..p].char_indices().rev().nth(10).map_or(0, |(i, _)| i);
    let snip = |s: &str| {
        s[from..]
            .chars()
            .take(40)
            .collect::<String>()
            .replace('\n', "⏎")
    };
    format!("{:?} → {:?}", snip(a), snip(b))
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: prof_repair DIR [--show]");
        std::process::exit(2);
    };
    let args: Vec<String> = std::env::args().collect();
    let show = args.iter().any(|a| a == "--show");
    let out_dir = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    if let Some(d) = &out_dir {
        if let Err(e) = std::fs::create_dir_all(d) {
            eprintln!("cannot create {}: {e}", d.display());
            std::process::exit(2);
        }
    }
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(&dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            eprintln!("cannot read directory {}", d.display());
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                files.push((p, bytes));
            }
        }
    }
    files.sort();
    let f = EncodingRepair::new(&Config::default()).expect("config");
    let meta = Meta::new(vec![("media_type", "text/markdown")]);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let t = std::time::Instant::now();
    let outs: Vec<_> = files
        .iter()
        .map(|(_, d)| f.transform(d, &meta).expect("transform"))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    let mut altered = 0;
    for ((path, input), o) in files.iter().zip(&outs) {
        if matches!(o.verdict, Verdict::Keep(_)) {
            altered += 1;
        }
        for (k, v) in &o.meta {
            if k == "repairs" || k == "damage" {
                *counts.entry(format!("{k}={v}")).or_default() += 1;
            }
            if k == "mojibake" {
                for kind in v.split("; ") {
                    let kind = kind.rsplit_once(": ").map_or(kind, |(k, _)| k);
                    *counts.entry(format!("mojibake: {kind}")).or_default() += 1;
                }
                if let (Some(d), Verdict::Keep(out)) = (&out_dir, &o.verdict) {
                    let name = path
                        .file_name()
                        .map_or("doc".into(), |n| n.to_string_lossy());
                    if let Err(e) = std::fs::write(d.join(name.as_ref()), out) {
                        eprintln!("cannot write into {}: {e}", d.display());
                    }
                }
                if show {
                    if let Verdict::Keep(out) = &o.verdict {
                        println!(
                            "{}\n    {v}\n    {}",
                            path.display(),
                            first_change(
                                &String::from_utf8_lossy(input),
                                &String::from_utf8_lossy(out)
                            )
                        );
                    }
                }
            }
        }
    }
    println!(
        "{:.0} MB/s over {} files, {altered} altered",
        bytes as f64 / 1e6 / secs,
        files.len()
    );
    for (k, n) in counts {
        println!("{n:6}  {k}");
    }
}
