//! encoding-repair on ftfy's own test suite, side by side with ftfy 6.3.1.
//!
//! cargo bench -p wenku-tests --bench encoding_ftfy_cases -- PATH/test_cases.json
//!
//! `test_cases.json` comes with ftfy's source (`pip download --no-deps --no-binary
//! :all: ftfy==6.3.1`, then `tests/test_cases.json` inside the archive; Apache-2.0, not
//! copied into this repository). A case passes when the output equals ftfy's
//! `fixed-encoding` (or `fixed`) after NFKC and with whitespace runs collapsed:
//! encoding-repair never uncurls quotes, so `fixed-encoding` is the fair target. Counted
//! over the cases ftfy expects to pass, and separately over the cases whose text must come
//! out as it went in (`fixed-encoding` equal to `original`): those it "damages". ftfy's
//! own `fix_text` is judged the same way and timed on the same cases.

/// CPU seconds this process has used (user and system): the machine is shared, and
/// Python's side is timed with `time.process_time()` likewise.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

use unicode_normalization::UnicodeNormalization;
use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter, Meta, Verdict};
use wenku_tests::bench::{python_has, python_over_docs};

struct Case {
    label: String,
    expect_pass: bool,
    original: String,
    fixed: String,
    fixed_encoding: String,
}

fn norm(s: &str) -> String {
    s.nfkc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn passes(case: &Case, out: &str) -> bool {
    let o = norm(out);
    o == norm(&case.fixed_encoding) || o == norm(&case.fixed)
}

fn ours(filter: &EncodingRepair, inputs: &[String]) -> Vec<String> {
    let meta = Meta::new(vec![("media_type", "text/plain")]);
    inputs
        .iter()
        .map(|d| match filter.transform(d.as_bytes(), &meta) {
            Ok(o) => match o.verdict {
                Verdict::Keep(b) => String::from_utf8(b).unwrap_or_else(|_| "<not UTF-8>".into()),
                _ => d.clone(),
            },
            Err(e) => format!("<error: {e}>"),
        })
        .collect()
}

const PY: &str = r#"
import sys, json, time, ftfy
docs = json.load(open(sys.argv[1], encoding='utf-8'))
out = [ftfy.fix_text(d) for d in docs]
rounds = 20
t = time.process_time()
for _ in range(rounds):
    for d in docs:
        ftfy.fix_text(d)
secs = (time.process_time() - t) / rounds
json.dump({"secs": secs, "out": out}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
"#;

fn main() {
    let Some(path) = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .or_else(|| std::env::var("WENKU_FTFY_CASES").ok())
    else {
        println!(
            "usage: cargo bench -p wenku-tests --bench encoding_ftfy_cases -- PATH/test_cases.json"
        );
        println!("(ftfy's test cases: pip download --no-deps --no-binary :all: ftfy==6.3.1)");
        return;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}; pass the path of ftfy's tests/test_cases.json");
            std::process::exit(2);
        }
    };
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{path} is not JSON: {e}");
            std::process::exit(2);
        }
    };
    let field = |v: &serde_json::Value, k: &str| v[k].as_str().map(str::to_string);
    let cases: Vec<Case> = json
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|v| {
            let fixed = field(v, "fixed")?;
            Some(Case {
                label: field(v, "label").unwrap_or_default(),
                expect_pass: v["expect"] == "pass",
                original: field(v, "original")?,
                fixed_encoding: field(v, "fixed-encoding").unwrap_or_else(|| fixed.clone()),
                fixed,
            })
        })
        .collect();
    let inputs: Vec<String> = cases.iter().map(|c| c.original.clone()).collect();
    let bytes: usize = inputs.iter().map(String::len).sum();
    let filter = EncodingRepair::new(&Config::default()).expect("default config");
    let out = ours(&filter, &inputs);
    let rounds = 200;
    let t = cpu_seconds();
    for _ in 0..rounds {
        std::hint::black_box(ours(&filter, &inputs));
    }
    let our_secs = (cpu_seconds() - t) / rounds as f64;

    let expected_pass: Vec<usize> = (0..cases.len()).filter(|&i| cases[i].expect_pass).collect();
    let unchanged: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].fixed_encoding == cases[i].original)
        .collect();
    let count = |outs: &[String], set: &[usize]| {
        set.iter().filter(|&&i| passes(&cases[i], &outs[i])).count()
    };

    println!(
        "ftfy test cases: {path} ({} cases, {} expected to pass, {} to stay unchanged)",
        cases.len(),
        expected_pass.len(),
        unchanged.len()
    );
    let ftfy = python_has("ftfy")
        .then(|| {
            let scratch = tempfile::tempdir().ok()?;
            python_over_docs(PY, &inputs, scratch.path(), "ftfy_cases")
        })
        .flatten();
    println!("| | encoding-repair | ftfy 6.3.1 `fix_text` |");
    println!("|---|---|---|");
    let f_pass = ftfy.as_ref().map(|(_, o)| count(o, &expected_pass));
    let f_damaged = ftfy
        .as_ref()
        .map(|(_, o)| unchanged.len() - count(o, &unchanged));
    let show = |v: Option<usize>| {
        v.map_or("n/a (pip install ftfy==6.3.1)".to_string(), |v| {
            v.to_string()
        })
    };
    println!(
        "| cases passed (of {}) | {} | {} |",
        expected_pass.len(),
        count(&out, &expected_pass),
        show(f_pass)
    );
    println!(
        "| must-stay-unchanged cases damaged (of {}) | {} | {} |",
        unchanged.len(),
        unchanged.len() - count(&out, &unchanged),
        show(f_damaged)
    );
    let speed = |secs: f64| {
        format!(
            "{:.0} cases/s, {:.2} MB/s",
            cases.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        )
    };
    match &ftfy {
        Some((secs, _)) => println!(
            "| speed on the cases | {} | {} ({:.0}× slower) |",
            speed(our_secs),
            speed(*secs),
            secs / our_secs
        ),
        None => println!("| speed on the cases | {} | n/a |", speed(our_secs)),
    }
    println!();
    println!("Cases not passed (label: original → ours; expected):");
    for (i, c) in cases.iter().enumerate() {
        if !passes(c, &out[i]) {
            println!(
                "- [{}] {}: {:?} → {:?}; expected {:?}",
                if c.expect_pass { "pass" } else { "fail" },
                c.label,
                c.original,
                out[i],
                c.fixed_encoding
            );
        }
    }
}
