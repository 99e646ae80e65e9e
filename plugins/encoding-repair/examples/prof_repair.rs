//! Times encoding-repair over every file of a directory and counts the repairs made:
//! cargo run --release --example prof_repair -- DIR
use std::collections::BTreeMap;

use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter, Meta};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: prof DIR");
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(std::fs::read(&p).expect("read"));
            }
        }
    }
    let f = EncodingRepair::new(&Config::default()).expect("config");
    let meta = Meta::new(vec![("media_type", "text/markdown")]);
    let mut repairs: BTreeMap<String, usize> = BTreeMap::new();
    let bytes: usize = files.iter().map(Vec::len).sum();
    let t = std::time::Instant::now();
    for d in &files {
        let o = f.transform(d, &meta).expect("transform");
        for (k, v) in o.meta {
            if k == "repairs" {
                *repairs.entry(v).or_default() += 1;
            }
        }
    }
    println!(
        "{:.0} MB/s over {} files; repairs: {repairs:?}",
        bytes as f64 / 1e6 / t.elapsed().as_secs_f64(),
        files.len()
    );
}
