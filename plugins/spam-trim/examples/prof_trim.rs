//! Times spam-trim over every file of a directory: cargo run --release --example prof_trim -- DIR
use wenku_spam_trim::{Lexicon, SpamTrim};

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
                files.push(String::from_utf8_lossy(&std::fs::read(&p).expect("read")).into_owned());
            }
        }
    }
    let s = SpamTrim::with_lexicon(Lexicon::builtin());
    let bytes: usize = files.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let mut kept = 0;
    for f in &files {
        kept += s.trim(f, Some("text/markdown")).text.map_or(0, |t| t.len());
    }
    println!(
        "{:.0} MB/s over {} files ({kept} bytes kept)",
        bytes as f64 / 1e6 / t.elapsed().as_secs_f64(),
        files.len()
    );
}
