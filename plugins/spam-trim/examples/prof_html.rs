//! Times spam-trim over the HTML pages of a directory, 20 rounds:
//! cargo run --release -p wenku-spam-trim --example prof_html -- DIR
use wenku_spam_trim::{Lexicon, SpamTrim};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: prof_html DIR");
        std::process::exit(2);
    };
    let pages: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| std::fs::read(e.path()).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .collect()
        })
        .unwrap_or_default();
    let s = SpamTrim::with_lexicon(Lexicon::builtin());
    let bytes: usize = pages.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        for p in &pages {
            std::hint::black_box(s.trim(p, Some("text/html")));
        }
    }
    println!(
        "{:.1} MB/s over {} pages",
        20.0 * bytes as f64 / 1e6 / t.elapsed().as_secs_f64(),
        pages.len()
    );
}
