//! script-convert against OpenCC (the `opencc` Python package, 1.4.2) on the same text in
//! the same run: throughput in-process and whole-process, peak memory, identical output.
//!
//! cargo bench -p wenku-tests --bench script_convert -- [CORPUS.tar.zst|DIR]
//!
//! Default corpus: ../shared/corpus/bench/hkcnews-6000.tar.zst (Traditional news) if
//! present, else Traditional text generated from the seeds. t2s runs on the corpus, s2t
//! on its t2s output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use wenku_plugin::{Config, Filter, Meta, Verdict};
use wenku_script_convert::ScriptConvert;
use wenku_tests::bench::{
    best_of, corpus_files, default_news_sample, mbps, python_has, seed_texts,
};

fn rust_convert(config: &str, text: &str) -> String {
    let f = ScriptConvert::new(&Config::from_pairs([("config".into(), config.into())]))
        .expect("config");
    match f
        .transform(text.as_bytes(), &Meta::new(vec![]))
        .expect("converts")
        .verdict
    {
        Verdict::Keep(b) => String::from_utf8(b).expect("utf-8"),
        _ => text.to_string(),
    }
}

/// Run a command with stdin from `input` and stdout to `output`; wall time and its
/// peak RSS in KiB. The peak comes from GNU time (`/usr/bin/time -f %M`), a small
/// process, when it is installed: a child spawned directly by this large benchmark
/// process would inherit this process's RSS in its high-water mark.
fn timed_process(c: Command, input: &Path, output: &Path) -> (f64, i64) {
    let report = output.with_extension("rss");
    let gnu_time = Path::new("/usr/bin/time").exists();
    let mut run = if gnu_time {
        let mut t = Command::new("/usr/bin/time");
        t.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&report)
            .arg(c.get_program())
            .args(c.get_args());
        t
    } else {
        let mut t = Command::new(c.get_program());
        t.args(c.get_args());
        t
    };
    run.stdin(std::fs::File::open(input).expect("input"))
        .stdout(std::fs::File::create(output).expect("output"))
        .stderr(Stdio::inherit());
    let t = Instant::now();
    let status = run.status().expect("spawn");
    let secs = t.elapsed().as_secs_f64();
    assert!(status.success(), "{run:?} failed");
    let rss = std::fs::read_to_string(&report)
        .ok()
        .and_then(|s| s.trim().lines().last()?.trim().parse().ok())
        .unwrap_or(-1);
    (secs, rss)
}

const PY_INPROCESS: &str = r#"
import sys, time, resource, opencc
cfg, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src, encoding='utf-8').read()
cc = opencc.OpenCC(cfg)
best = 1e9
for _ in range(3):
    t = time.perf_counter(); out = cc.convert(text); best = min(best, time.perf_counter() - t)
open(dst, 'w', encoding='utf-8', newline='').write(out)
print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"#;

const PY_PROCESS: &str = r#"
import sys, opencc
sys.stdout.buffer.write(opencc.OpenCC(sys.argv[1]).convert(sys.stdin.buffer.read().decode('utf-8')).encode('utf-8'))
"#;

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let scratch = tempfile::tempdir().expect("scratch");
    let (label, trad) = match arg
        .map(std::path::PathBuf::from)
        .or_else(|| default_news_sample("hkcnews-6000.tar.zst"))
    {
        Some(p) => {
            let files = corpus_files(&p, scratch.path());
            let mut text = String::new();
            for f in &files {
                text.push_str(&String::from_utf8_lossy(&std::fs::read(f).expect("read")));
                text.push('\n');
            }
            (format!("{} ({} files)", p.display(), files.len()), text)
        }
        None => {
            let seeds = seed_texts();
            let trad: String = [1, 2, 4]
                .iter()
                .map(|&i| seeds[i].as_str())
                .collect::<Vec<_>>()
                .join("\n");
            let mut text = String::new();
            let mut i = 0;
            while text.len() < 24_000_000 {
                text.push_str(&trad);
                text.push_str(&format!("\n{i}\n"));
                i += 1;
            }
            ("generated from seeds 001, 002, 004".to_string(), text)
        }
    };
    let built = wenku_tests::build(true);
    let have_py = python_has("opencc");
    println!("corpus: {label}");
    println!("| config | input MB | wenku in-process MB/s | OpenCC in-process MB/s | ratio | wenku whole-process MB/s | OpenCC whole-process MB/s | ratio | wenku peak RSS MB | OpenCC peak RSS MB | identical |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let simp = rust_convert("t2s", &trad);
    for (config, text) in [("t2s", &trad), ("s2t", &simp)] {
        let input = scratch.path().join(format!("{config}.in"));
        std::fs::write(&input, text.as_bytes()).expect("write input");
        let n = text.len();
        rust_convert(config, "預熱"); // build the dictionaries outside the timing
        let (d, ours) = best_of(3, || rust_convert(config, text));
        let ours_inproc = mbps(n, d);
        let ours_out = scratch.path().join(format!("{config}.wenku"));
        let mut c = Command::new(&built.wenku);
        c.args([
            "-q",
            "filter",
            "--with",
            "script-convert",
            "--set",
            &format!("script-convert.config={config}"),
        ]);
        let (mut best_w, mut rss_w) = (f64::MAX, 0);
        for _ in 0..3 {
            let mut c2 = Command::new(c.get_program());
            c2.args(c.get_args());
            let (t, r) = timed_process(c2, &input, &ours_out);
            best_w = best_w.min(t);
            rss_w = rss_w.max(r);
        }
        assert!(
            std::fs::read(&ours_out).expect("out") == ours.as_bytes(),
            "wenku filter and the library disagree"
        );
        if !have_py {
            println!("| {config} | {:.1} | {ours_inproc:.0} | n/a | | {:.0} | n/a | | {:.1} | n/a | (pip install opencc==1.4.2) |", n as f64 / 1e6, mbps(n, std::time::Duration::from_secs_f64(best_w)), rss_w as f64 / 1024.0);
            continue;
        }
        let py_out = scratch.path().join(format!("{config}.opencc"));
        let o = Command::new("python3")
            .args(["-c", PY_INPROCESS, config])
            .arg(&input)
            .arg(&py_out)
            .output()
            .expect("python");
        let line = String::from_utf8_lossy(&o.stdout);
        let mut it = line.split_whitespace();
        let py_secs: f64 = it
            .next()
            .and_then(|v| v.parse().ok())
            .expect("python timing");
        let py_inproc = n as f64 / 1e6 / py_secs;
        // OpenCC's output and ours, the same but for the documented difference: the
        // particle `著` of a Traditional text written `着` (t2s, hk2s, hk2sp).
        let theirs = String::from_utf8(std::fs::read(&py_out).expect("py out")).expect("utf-8");
        let identical = if theirs == ours {
            "yes".to_string()
        } else if theirs.chars().count() == ours.chars().count()
            && theirs
                .chars()
                .zip(ours.chars())
                .all(|(t, o)| t == o || (t == '著' && o == '着'))
        {
            let n = theirs
                .chars()
                .zip(ours.chars())
                .filter(|(t, o)| t != o)
                .count();
            format!("yes, but {n} `著` → `着`")
        } else {
            "NO".to_string()
        };
        let py_proc_out = scratch.path().join(format!("{config}.opencc2"));
        let (mut best_p, mut rss_p) = (f64::MAX, 0);
        for _ in 0..3 {
            let mut c = Command::new("python3");
            c.args(["-c", PY_PROCESS, config]);
            let (t, r) = timed_process(c, &input, &py_proc_out);
            best_p = best_p.min(t);
            rss_p = rss_p.max(r);
        }
        let w = n as f64 / 1e6 / best_w;
        let p = n as f64 / 1e6 / best_p;
        println!(
            "| {config} | {:.1} | {ours_inproc:.0} | {py_inproc:.0} | {:.1}× | {w:.0} | {p:.0} | {:.1}× | {:.1} | {:.1} | {} |",
            n as f64 / 1e6,
            ours_inproc / py_inproc,
            w / p,
            rss_w as f64 / 1024.0,
            rss_p as f64 / 1024.0,
            identical
        );
    }
    let _ = std::io::stdout().flush();
}
