//! The plugin boundary: the identity fixture plugin (a real dynamic library, loaded by
//! the host) over many small records — the cost per record — and over 1 MB records with
//! the unchanged verdict — the throughput.
//!
//! cargo bench -p wenku-tests --bench boundary

use std::time::Instant;

use wenku_core::plugin::{Pipeline, PluginHost};
use wenku_core::wenku_plugin::Config;

fn main() {
    let dir = wenku_tests::fixtures(true);
    let host = PluginHost::new(vec![dir]);
    let identity = host.get("identity").expect("identity fixture");
    let pipeline = Pipeline::new(vec![(identity, Config::default())]).expect("pipeline");
    let mut runner = pipeline.runner();
    let meta = || {
        vec![
            ("key".to_string(), "k".to_string()),
            ("media_type".to_string(), "text/plain".to_string()),
        ]
    };

    let small = vec![b'x'; 100];
    let n = 1_000_000;
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(runner.run(&small, meta()).expect("runs"));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("identity plugin, {n} records of 100 bytes: {:.0} ns per record (metadata of 2 pairs included)", best / n as f64 * 1e9);

    let big = vec![b'y'; 1 << 20];
    let m = 2000;
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for _ in 0..m {
            std::hint::black_box(runner.run(&big, meta()).expect("runs"));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "identity plugin, {m} records of 1 MiB (unchanged verdict): {:.1} GB/s",
        (m as f64 * (1 << 20) as f64) / best / 1e9
    );
}
