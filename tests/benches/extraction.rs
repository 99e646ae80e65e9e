//! Main-content extraction, spam-trim beside trafilatura (`pip install trafilatura`,
//! `extract` with its defaults) on the same pages in the same run, and the faithfulness
//! of spam-trim's output on the bench corpora.
//!
//! cargo bench -p wenku-tests --bench extraction -- [--english DIR] [--chinese DIR] [--readability DIR] [--snippets DIR] [--irnews DIR] [--modern DIR] [--wcxb DIR] [--corpus DIR]...
//!
//! - `--english DIR`: a checkout of scrapinghub/article-extraction-benchmark (`html/*.html.gz`,
//!   `ground-truth.json`: 181 news and blog pages with their article bodies). Token F1 as
//!   that benchmark's `evaluate.py` computes it (per page precision and recall of `\w+`
//!   tokens, averaged, F1 of the averages), and the same with its 4-token shingles.
//! - `--chinese DIR`: a checkout of immortal-autumn/Chinese-Web-Content-Extraction-Dataset
//!   (`original/*.html`, `cleaned/*.txt`: 69 Chinese pages with their text). Bigram F1: the
//!   same averages over bigrams of the letters and digits (CJK characters included).
//! - `--readability DIR`: a checkout of mozilla/readability (`test/test-pages/*/source.html`
//!   with `expected.html`, the article Readability.js extracts: 130 pages in several
//!   languages). F1 over `\w+` tokens, a CJK run read as its bigrams.
//! - `--irnews DIR`: a checkout of MSVCode/ir-research-data (`Extraction/*/html`, with
//!   `Extraction/*/gold`: 720 English news pages saved whole, 2005–2017, each with its
//!   article text). Token F1 as for `--english`.
//! - `--modern DIR`: a checkout of tiptopjaw/web-content-extraction-benchmark
//!   (`release/html/ID.html.gz` with `benchmark/ground-truth/ID.json`: 1,000 pages of
//!   2025–2026 — articles, forums, service, product, documentation, listing and collection
//!   pages — each with its main content as a model wrote it and people checked it). Token
//!   F1 as for `--english`, against `ground_truth.main_content`.
//! - `--wcxb DIR`: a checkout of Murrough-Foley/web-content-extraction-benchmark (WCXB:
//!   `dev/` 1,497 and `test/` 511 pages of 2025–2026, seven page types, each with its main
//!   content as a model drafted it and people reviewed it). Token F1 as for `--english`,
//!   per split and per page type, with the mean of each page's F1 as that benchmark's
//!   `evaluate.py` reports it.
//! - `--snippets DIR`: a checkout of adbar/trafilatura (`tests/evaldata.json`, pages in
//!   `tests/cache` and `tests/eval`: 990 pages, most of them German, English and Polish,
//!   each with up to six pieces of text the extraction must hold and up to six it must
//!   not). Scored as that project's `tests/evaluate.py` scores it: a piece is found when
//!   it is a substring of the output, both whitespace-normalised; precision, recall,
//!   accuracy and F1 over all pieces. trafilatura runs with that script's settings
//!   (`fast=False`, no comments, tables kept, no formatting).
//! - `--corpus DIR` (default: the folders of `/work/bench` and `../shared/corpus/bench`
//!   that exist): every Markdown file through spam-trim in text mode; outputs counted that
//!   hold Markdown residue (`](http`, a line starting `# `, outside
//!   fenced code, where both are code), and the retention of the raw documents' prose
//!   lines (pieces between block tags and table pipes with at least 15 Han characters
//!   once markup is gone) in the output, Hugo shortcodes, a `__` made
//!   `_`, a U+3000 lost between two words, or a fenced code block's lines joined; and
//!   every page dropped as holding no article, with the short lines it was reduced to.
//!
//! - `--show`: the pages where spam-trim scores lowest, and those where trafilatura scores
//!   higher; `--dump DIR`: every page's gold text and both tools' outputs written to `DIR`.
//!
//! Pages are decoded by encoding-repair first (both tools get the same UTF-8 text). A page
//! is "dropped whole" when a tool returns nothing for it while its gold text is not empty.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use wenku_encoding_repair::{EncodingRepair, Steps};
use wenku_spam_trim::{Lexicon, SpamTrim};
use wenku_tests::bench::{python_has, python_over_docs};

/// trafilatura as adbar/trafilatura's `tests/evaluate.py` runs it for its own benchmark.
const PY_SNIPPETS: &str = r#"
import sys, json, time, trafilatura
docs = json.load(open(sys.argv[1], encoding='utf-8'))
t = time.perf_counter()
out = [trafilatura.extract(d, fast=False, include_comments=False, include_tables=True,
                           include_formatting=False) or '' for d in docs]
secs = time.perf_counter() - t
json.dump({"secs": secs, "out": out}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
"#;

const PY: &str = r#"
import sys, json, time, trafilatura
docs = json.load(open(sys.argv[1], encoding='utf-8'))
t = time.perf_counter()
out = [trafilatura.extract(d) or '' for d in docs]
secs = time.perf_counter() - t
json.dump({"secs": secs, "out": out}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
"#;

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn shingles(s: &str, n: usize) -> Vec<String> {
    let t = tokens(s);
    if t.len() < n {
        return if t.is_empty() {
            vec![]
        } else {
            vec![t.join(" ")]
        };
    }
    t.windows(n).map(|w| w.join(" ")).collect()
}

fn bigrams(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    c.windows(2).map(|w| w.iter().collect()).collect()
}

/// (tp, fp, fn) of two multisets, normalized to sum 1 as evaluate.py does.
fn match_counts(gold: &[String], pred: &[String]) -> (f64, f64, f64) {
    let mut g: HashMap<&str, i64> = HashMap::new();
    for x in gold {
        *g.entry(x).or_default() += 1;
    }
    let mut p: HashMap<&str, i64> = HashMap::new();
    for x in pred {
        *p.entry(x).or_default() += 1;
    }
    let (mut tp, mut fp, mut fnn) = (0i64, 0i64, 0i64);
    for (k, &gc) in &g {
        let pc = *p.get(k).unwrap_or(&0);
        tp += gc.min(pc);
        fnn += (gc - pc).max(0);
    }
    for (k, &pc) in &p {
        fp += (pc - *g.get(k).unwrap_or(&0)).max(0);
    }
    let s = (tp + fp + fnn) as f64;
    if s == 0.0 {
        (0.0, 0.0, 0.0)
    } else {
        (tp as f64 / s, fp as f64 / s, fnn as f64 / s)
    }
}

/// Precision, recall (averaged over pages, evaluate.py's rules) and their F1.
fn prf(counts: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let prec: Vec<f64> = counts
        .iter()
        .filter(|c| c.0 + c.1 > 0.0 || (c.1 == 0.0 && c.2 == 0.0))
        .map(|&(tp, fp, fnn)| {
            if fp == 0.0 && fnn == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            }
        })
        .collect();
    let rec: Vec<f64> = counts
        .iter()
        .filter(|c| c.0 + c.2 > 0.0 || (c.1 == 0.0 && c.2 == 0.0))
        .map(|&(tp, fp, fnn)| {
            if fp == 0.0 && fnn == 0.0 {
                1.0
            } else {
                tp / (tp + fnn)
            }
        })
        .collect();
    let p = prec.iter().sum::<f64>() / prec.len().max(1) as f64;
    let r = rec.iter().sum::<f64>() / rec.len().max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// One page's F1 as WCXB's `evaluate.py` computes it: 1 when both are empty, 0 when
/// only one is.
fn page_f1(gold: &[String], pred: &[String]) -> f64 {
    if gold.is_empty() || pred.is_empty() {
        return if gold.is_empty() && pred.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let (tp, fp, fnn) = match_counts(gold, pred);
    let (p, r) = (tp / (tp + fp), tp / (tp + fnn));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The text `tool` makes of each page (empty when it drops the page).
fn outputs(tool: &SpamTrim, htmls: &[&str]) -> Vec<String> {
    htmls
        .iter()
        .map(|h| tool.trim(h, Some("text/html")).text.unwrap_or_default())
        .collect()
}

/// spam-trim's outputs with `captions=false`, and the seconds they took.
fn captionless(htmls: &[&str]) -> (f64, Vec<String>) {
    let bare = SpamTrim::with_lexicon(Lexicon::builtin()).with_captions(false);
    let t = Instant::now();
    let outs = outputs(&bare, htmls);
    (t.elapsed().as_secs_f64(), outs)
}

/// spam-trim's outputs with `headline=false` (the reference texts leave the headline
/// out), and the seconds they took.
fn headless(htmls: &[&str]) -> (f64, Vec<String>) {
    let bare = SpamTrim::with_lexicon(Lexicon::builtin()).with_headline(false);
    let t = Instant::now();
    let outs = outputs(&bare, htmls);
    (t.elapsed().as_secs_f64(), outs)
}

struct Labelled {
    name: String,
    html: String,
    gold: String,
    /// The page's type where the benchmark gives one (`--wcxb`: article, forum,
    /// product…): scores are shown per type too.
    kind: Option<String>,
}

/// A page as UTF-8 text, by encoding-repair. Bytes that are valid UTF-8 skip its mojibake
/// step: it reads two Russian UTF-8 pages of the English benchmark as mojibake and turns
/// them into nonsense, which is not extraction's to measure. Other bytes get every step
/// (two Chinese pages are GBK that their own charset calls Latin-1).
fn decode(bytes: &[u8]) -> String {
    let steps = if std::str::from_utf8(bytes).is_ok() {
        Steps {
            mojibake: false,
            ..Steps::default()
        }
    } else {
        Steps::default()
    };
    let er = EncodingRepair::with_steps(steps);
    match er.repair(bytes, Some("text/html"), None) {
        Ok(r) => r.text.into_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The bytes of a gzipped file (an error said on stderr, and `None`).
fn gunzip(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let ok = std::fs::File::open(path)
        .map(flate2::read::GzDecoder::new)
        .and_then(|mut d| d.read_to_end(&mut bytes));
    match ok {
        Ok(_) => Some(bytes),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            None
        }
    }
}

fn english(dir: &Path) -> Vec<Labelled> {
    let gt: serde_json::Value = match std::fs::read(dir.join("ground-truth.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
    {
        Some(v) => v,
        None => {
            eprintln!("{}: no ground-truth.json", dir.display());
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let Some(map) = gt.as_object() else {
        return out;
    };
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    for k in keys {
        let Some(bytes) = gunzip(&dir.join("html").join(format!("{k}.html.gz"))) else {
            continue;
        };
        out.push(Labelled {
            name: k.clone(),
            html: decode(&bytes),
            gold: map[k]["articleBody"].as_str().unwrap_or("").to_string(),
            kind: None,
        });
    }
    out
}

/// The entries of folder `dir`, sorted (none when it cannot be read).
fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn chinese(dir: &Path) -> Vec<Labelled> {
    sorted_entries(&dir.join("original"))
        .into_iter()
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            let gold = std::fs::read(dir.join("cleaned").join(format!("{stem}.txt"))).ok()?;
            Some(Labelled {
                name: stem,
                html: decode(&std::fs::read(&p).ok()?),
                gold: decode(&gold),
                kind: None,
            })
        })
        .collect()
}

/// A checkout of MSVCode/ir-research-data: `Extraction/<set>/html/NAME.htm[l]` with its
/// article text in `Extraction/<set>/gold/NAME.txt` (720 English news pages saved whole,
/// 2005–2017: nine news sites over four years and 360 pages of some 240 sites).
fn irnews(dir: &Path) -> Vec<Labelled> {
    let mut out = Vec::new();
    for set in sorted_entries(&dir.join("Extraction")) {
        let set_name = set
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for p in sorted_entries(&set.join("html")) {
            let Some(stem) = p.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
                continue;
            };
            let (Ok(html), Ok(gold)) = (
                std::fs::read(&p),
                std::fs::read(set.join("gold").join(format!("{stem}.txt"))),
            ) else {
                continue;
            };
            out.push(Labelled {
                name: format!("{set_name}/{stem}"),
                html: decode(&html),
                gold: decode(&gold),
                kind: None,
            });
        }
    }
    if out.is_empty() {
        eprintln!(
            "--irnews {}: no Extraction/*/html pages with gold texts",
            dir.display()
        );
    }
    out
}

/// Pages `HTML/ID.html.gz` with their ground truth `TRUTH/ID.json`, as the two
/// web-content-extraction benchmarks lay them out: the id, the page's bytes and the
/// truth's JSON. A page without truth is skipped; truth that is no JSON is named.
fn gzipped_with_truth(
    html: &Path,
    truth: &Path,
    flag: &str,
) -> Vec<(String, Vec<u8>, serde_json::Value)> {
    let mut out = Vec::new();
    for p in sorted_entries(html) {
        let Some(id) = p
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".html.gz"))
            .map(str::to_string)
        else {
            continue;
        };
        let truth_file = truth.join(format!("{id}.json"));
        let Ok(gt) = std::fs::read(&truth_file) else {
            continue;
        };
        let Ok(gt) = serde_json::from_slice::<serde_json::Value>(&gt) else {
            eprintln!("{flag}: {} is no JSON", truth_file.display());
            continue;
        };
        let Some(bytes) = gunzip(&p) else {
            continue;
        };
        out.push((id, bytes, gt));
    }
    out
}

/// A checkout of tiptopjaw/web-content-extraction-benchmark: `release/html/ID.html.gz`
/// with its main content in `benchmark/ground-truth/ID.json` (`ground_truth.main_content`).
fn modern(dir: &Path) -> Vec<Labelled> {
    let out: Vec<Labelled> = gzipped_with_truth(
        &dir.join("release").join("html"),
        &dir.join("benchmark").join("ground-truth"),
        "--modern",
    )
    .into_iter()
    .map(|(id, bytes, gt)| Labelled {
        name: id,
        html: decode(&bytes),
        gold: gt["ground_truth"]["main_content"]
            .as_str()
            .unwrap_or("")
            .to_string(),
        kind: None,
    })
    .collect();
    if out.is_empty() {
        eprintln!(
            "--modern {}: no release/html pages with ground truth",
            dir.display()
        );
    }
    out
}

/// A checkout of Murrough-Foley/web-content-extraction-benchmark (WCXB): `SPLIT/html/ID.html.gz`
/// with `SPLIT/ground-truth/ID.json` (`ground_truth.main_content`, the page's type in
/// `_internal.page_type.primary`; `category` is read as `collection`, as its
/// `evaluate.py` does), for the split `dev` or `test`.
fn wcxb(dir: &Path, split: &str) -> Vec<Labelled> {
    let out: Vec<Labelled> = gzipped_with_truth(
        &dir.join(split).join("html"),
        &dir.join(split).join("ground-truth"),
        "--wcxb",
    )
    .into_iter()
    .map(|(id, bytes, gt)| {
        let kind = match gt["_internal"]["page_type"]["primary"].as_str() {
            Some("category") => "collection",
            Some(k) => k,
            None => "article",
        };
        Labelled {
            name: format!("{split}/{id}"),
            html: decode(&bytes),
            gold: gt["ground_truth"]["main_content"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            kind: Some(kind.to_string()),
        }
    })
    .collect();
    if out.is_empty() {
        eprintln!(
            "--wcxb {}: no {split}/html pages with ground truth",
            dir.display()
        );
    }
    out
}

/// The text of an HTML fragment, for scoring: scripts, styles and comments gone, each
/// tag a space, the common entities and every numeric one decoded.
fn html_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if let Some(tag) = ["<script", "<style"]
            .into_iter()
            .find(|t| lower[i..].starts_with(t))
        {
            let close = format!("</{}", &tag[1..]);
            i += lower[i..]
                .find(&close)
                .map_or(rest.len(), |e| e + close.len());
        } else if rest.starts_with('<') {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push(' ');
        } else if let Some(entity) = rest.strip_prefix('&') {
            let end = entity
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .map(|e| e + 1);
            match end.filter(|&e| rest[e..].starts_with(';') && e > 1) {
                Some(e) => {
                    let name = &rest[1..e];
                    let c = match name {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        "nbsp" => Some(' '),
                        _ => name.strip_prefix('#').and_then(|n| {
                            let v = match n.strip_prefix(['x', 'X']) {
                                Some(h) => u32::from_str_radix(h, 16).ok(),
                                None => n.parse().ok(),
                            };
                            v.and_then(char::from_u32)
                        }),
                    };
                    out.push(c.unwrap_or(' '));
                    i += e + 1;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// mozilla/readability's test pages (`test/test-pages/NAME/source.html`, with
/// `expected.html`, the article as Readability.js extracts it).
fn readability(dir: &Path) -> Vec<Labelled> {
    let pages = if dir.join("test/test-pages").is_dir() {
        dir.join("test/test-pages")
    } else {
        dir.to_path_buf()
    };
    sorted_entries(&pages)
        .into_iter()
        .filter_map(|p| {
            let html = std::fs::read(p.join("source.html")).ok()?;
            let gold = std::fs::read(p.join("expected.html")).ok()?;
            Some(Labelled {
                name: p.file_name()?.to_string_lossy().into_owned(),
                html: decode(&html),
                gold: html_text(&String::from_utf8_lossy(&gold)),
                kind: None,
            })
        })
        .collect()
}

/// `\w+` tokens, with a run of CJK characters read as its bigrams (the pages mix
/// scripts).
fn mixed(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokens(s) {
        if t.chars().any(cjk) {
            out.extend(bigrams(&t));
            if t.chars().count() == 1 {
                out.push(t);
            }
        } else {
            out.push(t);
        }
    }
    out
}

/// Han, kana and Hangul.
fn cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn evaluate(
    label: &str,
    pages: &[Labelled],
    unit: &str,
    scratch: &Path,
    show: bool,
    dump: Option<&Path>,
) {
    if pages.is_empty() {
        return;
    }
    let ours = SpamTrim::with_lexicon(Lexicon::builtin());
    let htmls: Vec<&str> = pages.iter().map(|p| p.html.as_str()).collect();
    // Best of five runs (the machine is shared; trafilatura runs once, it is slower).
    let (took, outs) = wenku_tests::bench::best_of(5, || outputs(&ours, &htmls));
    let our_secs = took.as_secs_f64();
    let docs: Vec<String> = pages.iter().map(|p| p.html.clone()).collect();
    let traf = python_has("trafilatura")
        .then(|| python_over_docs(PY, &docs, scratch, label))
        .flatten();
    let bytes: usize = docs.iter().map(String::len).sum();
    let units = |s: &str| -> Vec<String> {
        match unit {
            "bigram" => bigrams(s),
            "mixed" => mixed(s),
            _ => tokens(s),
        }
    };
    let score = |outs: &[String], f: &dyn Fn(&str) -> Vec<String>| {
        let c: Vec<_> = pages
            .iter()
            .zip(outs)
            .map(|(p, o)| match_counts(&f(&p.gold), &f(o)))
            .collect();
        prf(&c)
    };
    let dropped = |outs: &[String]| {
        pages
            .iter()
            .zip(outs)
            .filter(|(p, o)| !p.gold.trim().is_empty() && o.trim().is_empty())
            .count()
    };
    println!(
        "\n{label}: {} pages, {:.1} MB of HTML",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!(
        "| tool | {unit} F1 | precision | recall | 4-token shingle F1 | dropped whole | MB/s |"
    );
    println!("|---|---|---|---|---|---|---|");
    let sh = |s: &str| shingles(s, 4);
    let row = |name: &str, outs: &[String], secs: f64| {
        let (p, r, f) = score(outs, &units);
        let (_, _, sf) = score(outs, &sh);
        println!(
            "| {name} | {f:.3} | {p:.3} | {r:.3} | {sf:.3} | {} | {:.1} |",
            dropped(outs),
            bytes as f64 / 1e6 / secs
        );
    };
    row("spam-trim", &outs, our_secs);
    // The gold texts leave image captions out; spam-trim keeps them unless told not to.
    let (bare_secs, bare_outs) = captionless(&htmls);
    row("spam-trim captions=false", &bare_outs, bare_secs);
    let (bare_secs, bare_outs) = headless(&htmls);
    row("spam-trim headline=false", &bare_outs, bare_secs);
    if let Some((secs, t)) = &traf {
        row("trafilatura", t, *secs);
        println!(
            "spam-trim is {:.0}× faster than trafilatura on these pages",
            secs / our_secs
        );
    } else {
        println!("trafilatura: n/a (pip install trafilatura)");
    }
    if pages.iter().any(|p| p.kind.is_some()) {
        // Per page type: F1 as above, and the mean of each page's F1 (the benchmark's own
        // `evaluate.py` figure).
        let mut kinds: Vec<&str> = pages.iter().filter_map(|p| p.kind.as_deref()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let mean_f1 = |outs: &[String], kind: &str| -> f64 {
            let fs: Vec<f64> = pages
                .iter()
                .zip(outs)
                .filter(|(p, _)| p.kind.as_deref() == Some(kind))
                .map(|(p, o)| page_f1(&units(&p.gold), &units(o)))
                .collect();
            fs.iter().sum::<f64>() / fs.len().max(1) as f64
        };
        let group_f1 = |outs: &[String], kind: &str| -> f64 {
            let c: Vec<_> = pages
                .iter()
                .zip(outs)
                .filter(|(p, _)| p.kind.as_deref() == Some(kind))
                .map(|(p, o)| match_counts(&units(&p.gold), &units(o)))
                .collect();
            prf(&c).2
        };
        println!("| page type | pages | spam-trim F1 | trafilatura F1 | spam-trim mean page F1 | trafilatura mean page F1 |");
        println!("|---|---|---|---|---|---|");
        for kind in kinds {
            let count = pages
                .iter()
                .filter(|p| p.kind.as_deref() == Some(kind))
                .count();
            let (tf, tm) =
                traf.as_ref()
                    .map_or(("n/a".to_string(), "n/a".to_string()), |(_, t)| {
                        (
                            format!("{:.3}", group_f1(t, kind)),
                            format!("{:.3}", mean_f1(t, kind)),
                        )
                    });
            println!(
                "| {kind} | {count} | {:.3} | {tf} | {:.3} | {tm} |",
                group_f1(&outs, kind),
                mean_f1(&outs, kind)
            );
        }
    }
    if let Some(dir) = dump {
        // Each page's gold text and both tools' outputs, for reading side by side.
        let write = |name: &str, what: &str, text: &str| {
            // WCXB's pages are named by their split (`test/5682`): a folder each.
            let path = dir.join(format!("{name}.{what}.txt"));
            if let Some(parent) = path.parent() {
                if let Err(e) = std::fs::create_dir_all(parent) {
                    eprintln!("{}: {e}", parent.display());
                }
            }
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("{}: {e}", path.display());
            }
        };
        for (i, p) in pages.iter().enumerate() {
            write(&p.name, "gold", &p.gold);
            write(&p.name, "ours", &outs[i]);
            if let Some((_, t)) = &traf {
                write(&p.name, "trafilatura", &t[i]);
            }
        }
    }
    if show {
        // The pages where spam-trim does worst, for reading.
        let mut per: Vec<(f64, &str, f64)> = pages
            .iter()
            .zip(&outs)
            .enumerate()
            .map(|(i, (p, o))| {
                let (_, _, f) = prf(&[match_counts(&units(&p.gold), &units(o))]);
                let tf = traf.as_ref().map_or(0.0, |(_, t)| {
                    prf(&[match_counts(&units(&p.gold), &units(&t[i]))]).2
                });
                (f, p.name.as_str(), tf)
            })
            .collect();
        per.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, n, tf) in per.iter().take(25) {
            println!("  worst: {f:.3} (trafilatura {tf:.3}) {n}");
        }
        // The pages where trafilatura does better, largest difference first.
        per.sort_by(|a, b| (b.2 - b.0).total_cmp(&(a.2 - a.0)));
        for (f, n, tf) in per.iter().filter(|x| x.2 > x.0).take(25) {
            println!("  behind: {f:.3} (trafilatura {tf:.3}, {:+.3}) {n}", f - tf);
        }
    }
}

/// Prose lines of a Markdown body: pieces between HTML block tags and table pipes, with
/// markup (and a task list's `[ ]`) removed, holding at least 15 Han characters (fenced
/// code left out).
fn prose_lines(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence = false;
    for line in body.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        // Split at block tags and table pipes, then drop inline tags and link syntax.
        let mut pieces = vec![String::new()];
        let mut rest = line;
        while let Some(i) = rest.find(['<', '|']) {
            if let Some(p) = pieces.last_mut() {
                p.push_str(&rest[..i]);
            }
            if rest[i..].starts_with('|') {
                pieces.push(String::new());
                rest = &rest[i + 1..];
                continue;
            }
            let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
            let tag = rest[i..end].to_ascii_lowercase();
            let block = [
                "<p", "</p", "<br", "<div", "</div", "<li", "</li", "<td", "</td", "<h", "</h",
            ]
            .iter()
            .any(|b| tag.starts_with(b));
            if block {
                pieces.push(String::new());
            }
            rest = &rest[end..];
        }
        if let Some(p) = pieces.last_mut() {
            p.push_str(rest);
        }
        for p in pieces {
            let p = p.replace("&nbsp;", " ");
            // `[text](url)` → text, `![alt](url)` → nothing.
            let mut t = String::new();
            let mut r = p.as_str();
            while let Some(i) = r.find("](") {
                let close = r[i..].find(')').map_or(r.len(), |c| i + c + 1);
                let open = r[..i].rfind('[').unwrap_or(i);
                let image = open > 0 && r.as_bytes()[open - 1] == b'!';
                t.push_str(&r[..if image { open - 1 } else { open }]);
                if !image {
                    t.push_str(&r[(open + 1).min(i)..i]);
                }
                r = &r[close..];
            }
            t.push_str(r);
            let t = t.trim_start_matches(|c: char| c.is_whitespace() || "-*+>#".contains(c));
            // A task list's box is not text.
            let t = ["[ ]", "[x]", "[X]"]
                .iter()
                .find_map(|b| t.strip_prefix(b))
                .unwrap_or(t);
            let t: String = t
                .chars()
                .filter(|c| !c.is_whitespace() && !"*_`#".contains(*c))
                .collect();
            if t.chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count()
                >= 15
            {
                out.push(t);
            }
        }
    }
    out
}

/// Counts of damage in spam-trim's text output over one corpus of Markdown files.
fn corpus(dir: &Path) {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    let ours = SpamTrim::with_lexicon(Lexicon::builtin());
    // The same, keeping pages without an article, to show what they held.
    let keeping = SpamTrim::with_lexicon(Lexicon::builtin()).dropping_article_less(false);
    let mut article_less: Vec<String> = Vec::new();
    let (mut link, mut heading, mut shortcode, mut underscores, mut ideo, mut code, mut dropped) =
        (0, 0, 0, 0, 0, 0, 0);
    let (mut raw_underscores, mut raw_ideo, mut raw_code) = (0, 0, 0);
    let mut dropped_text = 0;
    let (mut prose, mut prose_kept) = (0usize, 0usize);
    let mut examples: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    let mut secs = 0.0;
    for f in &files {
        let Ok(raw) = std::fs::read(f) else { continue };
        let raw = String::from_utf8_lossy(&raw).into_owned();
        bytes += raw.len();
        let t = Instant::now();
        let out = ours.trim(&raw, Some("text/markdown"));
        secs += t.elapsed().as_secs_f64();
        let body = wenku_spam_trim::markdown::front_matter(&raw).map_or(raw.as_str(), |fm| fm.body);
        if let Some(lines) = out.article_less {
            let kept = keeping.trim(&raw, Some("text/markdown")).text;
            let shown: Vec<&str> = kept
                .as_deref()
                .unwrap_or("")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let shown: String = shown.join(" / ").chars().take(160).collect();
            let name = f.strip_prefix(dir).unwrap_or(f).display().to_string();
            let s = if lines == 1 { "" } else { "s" };
            article_less.push(format!("{name} ({lines} line{s}): {shown}"));
        }
        let Some(out) = out.text else {
            dropped += 1;
            if body.chars().filter(|c| c.is_alphanumeric()).count() >= 20 {
                dropped_text += 1;
                if examples.len() < 8 {
                    examples.push(format!("{} (dropped)", f.display()));
                }
            }
            continue;
        };
        // Lines of fenced code in the body (a `# comment` there is code, not a heading).
        let mut code_lines = std::collections::HashSet::new();
        let mut fence = false;
        for l in body.lines() {
            if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
                fence = !fence;
            } else if fence {
                code_lines.insert(l.trim());
            }
        }
        // Retention: the body's prose lines found in the output (spaces ignored).
        let squeezed: String = out.chars().filter(|c| !c.is_whitespace()).collect();
        for l in prose_lines(body) {
            prose += 1;
            prose_kept += squeezed.contains(&l) as usize;
        }
        let mut bad = Vec::new();
        if out
            .lines()
            .any(|l| l.contains("](http") && !code_lines.contains(l.trim()))
        {
            link += 1;
            bad.push("](http");
        }
        if out
            .lines()
            .any(|l| l.starts_with("# ") && !code_lines.contains(l.trim()))
        {
            heading += 1;
            bad.push("# ");
        }
        if out.contains("{{<") || out.contains("{{%") {
            shortcode += 1;
            bad.push("shortcode");
        }
        // `__` made `_`: a token of the body with `__` found in the output with `_` only.
        let dunder: Vec<&str> = body
            .split(|c: char| c.is_whitespace() || "()[]<>\"'`".contains(c))
            .filter(|t| t.contains("__") && t.trim_matches('_').len() > 1)
            .collect();
        if !dunder.is_empty() {
            raw_underscores += 1;
            if dunder.iter().any(|t| {
                let core = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
                !out.contains(core) && out.contains(&core.replace("__", "_"))
            }) {
                underscores += 1;
                bad.push("__");
            }
        }
        // U+3000 between two characters in the body, found in the output without it.
        let mut probes = Vec::new();
        for line in body.lines() {
            let parts: Vec<&str> = line.split('\u{3000}').collect();
            for w in parts.windows(2) {
                let a: String = w[0]
                    .chars()
                    .rev()
                    .take(3)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let b: String = w[1].chars().take(3).collect();
                if a.chars().count() == 3
                    && b.chars().count() == 3
                    && a.chars().chain(b.chars()).all(char::is_alphanumeric)
                {
                    probes.push((
                        format!("{a}\u{3000}{b}"),
                        [format!("{a} {b}"), format!("{a}{b}")],
                    ));
                }
            }
        }
        if !probes.is_empty() {
            raw_ideo += 1;
            if probes.iter().any(|(p, d)| {
                !out.contains(p.as_str()) && d.iter().any(|x| out.contains(x.as_str()))
            }) {
                ideo += 1;
                bad.push("U+3000");
            }
        }
        // Fenced code: when the block's first line is in the output, every line is, alone.
        let out_lines: std::collections::HashSet<&str> = out.lines().map(str::trim).collect();
        let mut in_fence = false;
        let mut block: Vec<&str> = Vec::new();
        let mut code_bad = false;
        let mut had_code = false;
        for line in body.lines() {
            if line.trim_start().starts_with("```") {
                if in_fence {
                    let lines: Vec<&str> = block
                        .iter()
                        .map(|l| l.trim())
                        .filter(|l| l.chars().count() >= 2)
                        .collect();
                    if lines.len() >= 2 {
                        had_code = true;
                        if out_lines.contains(lines[0])
                            && !lines.iter().all(|l| out_lines.contains(l))
                        {
                            code_bad = true;
                        }
                    }
                    block.clear();
                }
                in_fence = !in_fence;
                continue;
            }
            if in_fence {
                block.push(line);
            }
        }
        if had_code {
            raw_code += 1;
        }
        if code_bad {
            code += 1;
            bad.push("code");
        }
        if !bad.is_empty() && examples.len() < 8 {
            examples.push(format!("{} ({})", f.display(), bad.join(", ")));
        }
    }
    println!(
        "\n{}: {} Markdown files, {:.1} MB, spam-trim {:.0} MB/s",
        dir.display(),
        files.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    println!("| outputs with | count |");
    println!("|---|---|");
    println!("| `](http` | {link} |");
    println!("| a line starting `# ` | {heading} |");
    println!("| a Hugo shortcode | {shortcode} |");
    println!("| `__` made `_` | {underscores} (of {raw_underscores} with `__`) |");
    println!("| U+3000 lost | {ideo} (of {raw_ideo} with U+3000) |");
    println!("| code lines joined or lost | {code} (of {raw_code} with fenced code) |");
    println!("| dropped | {dropped} ({dropped_text} with 20 or more letters in the body) |");
    println!(
        "| dropped as pages without an article (only short lines, no sentence) | {} |",
        article_less.len()
    );
    println!(
        "retention: {prose_kept} of {prose} prose lines (15+ Han characters) found in the output, {:.2}%",
        100.0 * prose_kept as f64 / prose.max(1) as f64
    );
    for e in examples {
        println!("  e.g. {e}");
    }
    // Every page judged to hold no article, with what extraction left of it.
    for a in &article_less {
        println!("  no article: {a}");
    }
}

/// A page of adbar/trafilatura's evaluation with the pieces of text its extraction must
/// hold (`with`) and must not (`without`).
struct Snippets {
    name: String,
    html: String,
    with: Vec<String>,
    without: Vec<String>,
}

fn snippet_pages(dir: &Path) -> Vec<Snippets> {
    let tests = if dir.join("tests/evaldata.json").is_file() {
        dir.join("tests")
    } else {
        dir.to_path_buf()
    };
    let data: serde_json::Value = match std::fs::read(tests.join("evaldata.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
    {
        Some(v) => v,
        None => {
            eprintln!(
                "--snippets {}: no readable tests/evaldata.json",
                dir.display()
            );
            return Vec::new();
        }
    };
    let list = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str().map(norm_ws)).collect())
            .unwrap_or_default()
    };
    let Some(items) = data.as_object() else {
        return Vec::new();
    };
    // In URL order, as the project's script reads them.
    let mut urls: Vec<&String> = items.keys().collect();
    urls.sort();
    urls.into_iter()
        .filter_map(|url| {
            let item = &items[url];
            let file = item["file"].as_str()?;
            let bytes = ["cache", "eval"]
                .iter()
                .find_map(|sub| std::fs::read(tests.join(sub).join(file)).ok())?;
            Some(Snippets {
                name: file.to_string(),
                html: decode(&bytes),
                with: list(&item["with"]),
                without: list(&item["without"]),
            })
        })
        .collect()
}

/// Whitespace runs made one space, ends trimmed (as the project's `norm`).
fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (found `with`, found `without`, missed `with`, absent `without`) over all pages.
fn snippet_counts(pages: &[Snippets], outs: &[String]) -> [usize; 4] {
    let mut c = [0; 4];
    for (p, o) in pages.iter().zip(outs) {
        let o = norm_ws(o);
        let tp = p.with.iter().filter(|w| o.contains(w.as_str())).count();
        let fp = p.without.iter().filter(|w| o.contains(w.as_str())).count();
        c[0] += tp;
        c[1] += fp;
        c[2] += p.with.len() - tp;
        c[3] += p.without.len() - fp;
    }
    c
}

fn snippets(dir: &Path, scratch: &Path, show: bool, dump: Option<&Path>) {
    let pages = snippet_pages(dir);
    if pages.is_empty() {
        return;
    }
    let ours = SpamTrim::with_lexicon(Lexicon::builtin());
    let htmls: Vec<&str> = pages.iter().map(|p| p.html.as_str()).collect();
    let (took, outs) = wenku_tests::bench::best_of(3, || outputs(&ours, &htmls));
    let docs: Vec<String> = pages.iter().map(|p| p.html.clone()).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let traf = python_has("trafilatura")
        .then(|| python_over_docs(PY_SNIPPETS, &docs, scratch, "snippets"))
        .flatten();
    println!(
        "\nadbar/trafilatura's evaluation pages: {} pages, {:.1} MB of HTML, {} pieces to hold, {} to leave out",
        pages.len(),
        bytes as f64 / 1e6,
        pages.iter().map(|p| p.with.len()).sum::<usize>(),
        pages.iter().map(|p| p.without.len()).sum::<usize>()
    );
    println!("| tool | precision | recall | accuracy | F1 | held / left out wrongly | MB/s |");
    println!("|---|---|---|---|---|---|---|");
    let row = |name: &str, outs: &[String], secs: f64| {
        let [tp, fp, fnn, tn] = snippet_counts(&pages, outs);
        let (tp, fp, fnn, tn) = (tp as f64, fp as f64, fnn as f64, tn as f64);
        let p = tp / (tp + fp).max(1.0);
        let r = tp / (tp + fnn).max(1.0);
        println!(
            "| {name} | {p:.3} | {r:.3} | {:.3} | {:.3} | {} / {} | {:.1} |",
            (tp + tn) / (tp + fp + fnn + tn).max(1.0),
            2.0 * tp / (2.0 * tp + fp + fnn).max(1.0),
            fp,
            fnn,
            bytes as f64 / 1e6 / secs
        );
    };
    row("spam-trim", &outs, took.as_secs_f64());
    // trafilatura leaves captions out by default; spam-trim keeps them unless told not to.
    let (bare_secs, bare_outs) = captionless(&htmls);
    row("spam-trim captions=false", &bare_outs, bare_secs);
    let (bare_secs, bare_outs) = headless(&htmls);
    row("spam-trim headline=false", &bare_outs, bare_secs);
    match &traf {
        Some((secs, t)) => {
            row("trafilatura", t, *secs);
            println!(
                "spam-trim is {:.0}× faster than trafilatura on these pages",
                secs / took.as_secs_f64()
            );
        }
        None => println!("trafilatura: n/a (pip install trafilatura)"),
    }
    if show {
        // Each piece spam-trim gets wrong, with whether trafilatura gets it right.
        for (i, (p, o)) in pages.iter().zip(&outs).enumerate() {
            let o = norm_ws(o);
            let t = traf.as_ref().map(|(_, t)| norm_ws(&t[i]));
            // (pieces, whether they belong in the text, what spam-trim did, what
            // trafilatura did when it did otherwise)
            for (pieces, wanted, did, other) in [
                (&p.with, true, "missed", "missed"),
                (&p.without, false, "held", "left out"),
            ] {
                for w in pieces.iter().filter(|w| o.contains(w.as_str()) != wanted) {
                    let tr = t.as_ref().map_or("?", |t| {
                        if t.contains(w.as_str()) {
                            "held"
                        } else {
                            other
                        }
                    });
                    println!("  {did} (trafilatura {tr}): {} {w:?}", p.name);
                }
            }
        }
    }
    if let Some(dir) = dump {
        for (i, p) in pages.iter().enumerate() {
            let name = p.name.replace('/', "_");
            let _ = std::fs::write(dir.join(format!("{name}.ours.txt")), &outs[i]);
            if let Some((_, t)) = &traf {
                let _ = std::fs::write(dir.join(format!("{name}.trafilatura.txt")), &t[i]);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| -> Vec<PathBuf> {
        args.windows(2)
            .filter(|w| w[0] == flag)
            .map(|w| PathBuf::from(&w[1]))
            .collect()
    };
    let show = args.iter().any(|a| a == "--show");
    let dump = value("--dump").pop();
    if let Some(d) = &dump {
        if let Err(e) = std::fs::create_dir_all(d) {
            eprintln!("--dump {}: {e}", d.display());
        }
    }
    let scratch = tempfile::tempdir().expect("scratch dir");
    for d in value("--english") {
        evaluate(
            "English (article-extraction-benchmark)",
            &english(&d),
            "token",
            scratch.path(),
            show,
            dump.as_deref(),
        );
    }
    for d in value("--chinese") {
        evaluate(
            "Chinese (Chinese-Web-Content-Extraction-Dataset)",
            &chinese(&d),
            "bigram",
            scratch.path(),
            show,
            dump.as_deref(),
        );
    }
    for d in value("--readability") {
        evaluate(
            "Readability.js test pages (mozilla-readability)",
            &readability(&d),
            "mixed",
            scratch.path(),
            show,
            dump.as_deref(),
        );
    }
    for d in value("--irnews") {
        evaluate(
            "English news pages saved whole (ir-research-data)",
            &irnews(&d),
            "token",
            scratch.path(),
            show,
            dump.as_deref(),
        );
    }
    for d in value("--modern") {
        evaluate(
            "Web pages of 2025-2026 (web-content-extraction-benchmark)",
            &modern(&d),
            "token",
            scratch.path(),
            show,
            dump.as_deref(),
        );
    }
    for d in value("--wcxb") {
        for split in ["dev", "test"] {
            evaluate(
                &format!("WCXB {split} split: pages of 2025-2026 of seven types (web-content-extraction-benchmark)"),
                &wcxb(&d, split),
                "token",
                scratch.path(),
                show,
                dump.as_deref(),
            );
        }
    }
    for d in value("--snippets") {
        snippets(&d, scratch.path(), show, dump.as_deref());
    }
    let mut corpora = value("--corpus");
    if corpora.is_empty()
        && !args.iter().any(|a| {
            a == "--english"
                || a == "--chinese"
                || a == "--readability"
                || a == "--snippets"
                || a == "--irnews"
                || a == "--modern"
                || a == "--wcxb"
        })
    {
        for base in ["/work/bench", "../shared/corpus/bench"] {
            if let Ok(rd) = std::fs::read_dir(base) {
                let mut v: Vec<PathBuf> = rd
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect();
                v.sort();
                corpora.extend(v);
            }
        }
    }
    for d in corpora {
        corpus(&d);
    }
}
