//! The cleaned snapshot on real corpora, as a user makes it: import a corpus, enable the
//! three plugins at their defaults, export JSONL; then count what junk is left and what
//! article text was lost.
//!
//! cargo bench -p wenku-tests --bench cleaning -- [CORPUS.tar.zst|DIR]... [--lost=DIR]
//!
//! Default corpora: the three of ../shared/corpus/bench/ when present, else a corpus
//! generated from the seeds. A prose line whose picture credit the plugin cuts from its
//! end counts as kept when its caption is in the output. `--lost=DIR` writes every lost prose line to
//! `DIR/NAME-lost.tsv` (key, documents of the source holding the line, the line, and
//! `inside` or `edge`: where it stood, as the last column below says).
//! Counts, per corpus:
//! - `repeated`: exports still holding a line that repeats across ≥ 5% of its source's
//!   documents and ≥ 20 documents (lines compared as the corpus statistics normalise
//!   them, over the raw documents converted t2s as the output is);
//! - `stubs`: exports holding a stub-page text of the platform rules (captcha, deleted,
//!   JavaScript wall, loader…);
//! - `wechat`: exports holding WeChat interface strings;
//! - `retention`: a *prose line* is a line of a raw document's body (front matter left
//!   out; HTML cut again at block tags, as the corpus statistics cut it) with at least 15
//!   Han characters once tags, entities, link targets, URLs and punctuation are removed.
//!   Four kinds are left out of the measure, and each is printed as its own count:
//!   lines that ≥ 5% and ≥ 20 documents of the source hold (boilerplate by definition),
//!   lines of documents dropped as stub pages (and lines holding a stub text), and lines
//!   whose every Han character lies inside a hyperlink's anchor text (`[…](…)`, also
//!   over several lines, or `<a>…</a>`: menus, "related" lists); and, among the lines
//!   not found, a page's title bar (the document's title, found in the output, followed
//!   by at most 40 letters: `标题 - 嘶吼 RoarTalk – 网络安全行业综合服务平台`).
//!   Retention is the share of the other prose lines found in the output (a dropped
//!   document keeps nothing);
//!   the lost ones are counted apart by whether ≥ 3 documents of the source hold them
//!   (bylines and columnists' bios that the edge rule removes on purpose) or fewer, and
//!   retention is given again over the lines fewer than 3 documents hold;
//! - drops by reason, and dropped documents that held ≥ 3 prose lines (to read: a drop
//!   of a real article would be a false drop);
//! - lost *inside the article*: lost lines with a prose line of the same document found
//!   in the output before them and one after them, the title not counted (text that went from between
//!   kept text, as against a run at the start or end of the page, where bylines, bios,
//!   appeals and footers stand), by whether ≥ 3 documents of the source hold them.
//! - the same retention figures again, after `LATIN`, over *Latin prose lines*: lines
//!   without Han characters holding at least 12 words of Latin letters once markup is
//!   removed and ending as a sentence ends (`.`, `!`, `?`; not `...`), with the same
//!   exclusions (boilerplate by the ≥ 5% and ≥ 20 definition, stub pages, link anchor
//!   text, the title bar), read in the raw text as encoding-repair makes it (an English
//!   page saved through the wrong code page says `Letâs`, its output `Let’s`). The Han
//!   figures before `LATIN` are unchanged by them; in the
//!   `--lost` file every line carries a last column, `han` or `latin`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use wenku_core::corpus::{self, normalize_text, CorpusStats};
use wenku_core::Archive;
use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter, Meta};
use wenku_script_convert::ScriptConvert;
use wenku_tests::bench::{default_news_sample, write_generated_corpus};

const WECHAT: [&str; 5] = [
    "轻点两下取消赞",
    "预览时标签不可点",
    "继续滑动看下一个",
    "轻触阅读原文",
    "cover_image",
];

fn stub_texts() -> Vec<String> {
    wenku_spam_trim::platform::BUILTIN
        .lines()
        .filter_map(|l| l.strip_prefix("stub "))
        .filter_map(|r| r.split_once(' ').map(|(_, t)| t.trim().to_string()))
        .collect()
}

/// A line that is a stub page's text: it holds one, and that text is at least half of
/// the line (an article that quotes "404 Not Found" in a sentence is no stub page).
fn holds_stub(line: &str, stubs: &[String]) -> bool {
    let len = line.trim().chars().count();
    stubs
        .iter()
        .any(|s| line.contains(s.as_str()) && s.chars().count() * 2 >= len)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn han(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// The two kinds of prose line the benchmark measures, each with its own figures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    /// At least 15 Han characters once markup is removed.
    Han,
    /// No Han character, at least 12 words of Latin letters, ending as a sentence ends
    /// (`.`, `!` or `?`, perhaps before closing quotes, brackets or emphasis; not `...`,
    /// a teaser cut short): the English and Italian pages of the picker archive.
    Latin,
}

impl Script {
    /// The letters that make a line this script's (the link-text rule asks whether all
    /// of them lie inside links).
    fn letter(self, c: char) -> bool {
        match self {
            Script::Han => is_han(c),
            Script::Latin => is_latin(c),
        }
    }

    fn index(self) -> usize {
        match self {
            Script::Han => 0,
            Script::Latin => 1,
        }
    }

    /// The marker of its lines in the `--lost` file.
    fn marker(self) -> &'static str {
        match self {
            Script::Han => "han",
            Script::Latin => "latin",
        }
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{00c0}'..='\u{024f}').contains(&c) && c != '\u{00d7}' && c != '\u{00f7}')
}

/// The visible text of a raw line: markers, images and link targets gone (`prose_of`),
/// then HTML tags, entities, bare URLs and Markdown emphasis and link brackets.
fn visible_text(line: &str) -> String {
    let line = url_spaced(&prose_of(line));
    let mut out = String::with_capacity(line.len());
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'<'
            && b.get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!')
        {
            if let Some(end) = line[i..].find('>') {
                out.push(' ');
                i += end + 1;
                continue;
            }
        }
        if c == b'&' {
            let n = b[i + 1..]
                .iter()
                .take(10)
                .take_while(|x| x.is_ascii_alphanumeric() || **x == b'#')
                .count();
            if n > 0 && b.get(i + 1 + n) == Some(&b';') {
                out.push(' ');
                i += n + 2;
                continue;
            }
        }
        if line[i..].starts_with("http://") || line[i..].starts_with("https://") {
            i += line[i..]
                .find(char::is_whitespace)
                .unwrap_or(line.len() - i);
            continue;
        }
        let ch = line[i..].chars().next().unwrap_or(' ');
        if !matches!(ch, '*' | '_' | '`' | '[' | ']') {
            out.push(ch);
        }
        i += ch.len_utf8();
    }
    out.trim().to_string()
}

/// Whether a raw line is a Latin-script prose line (see [`Script::Latin`]).
fn latin_prose(line: &str) -> bool {
    let text = visible_text(line);
    if text.chars().any(is_han) {
        return false;
    }
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(is_latin))
        .count();
    if words < 12 {
        return false;
    }
    let end = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ' ']);
    (end.ends_with('.') && !end.ends_with("..")) || end.ends_with('!') || end.ends_with('?')
}

/// The words of a raw line with its markup gone: list, heading and quote markers at its
/// start (`- `, `1. `, `## `, `> `: a text output writes a list item without them) and
/// images (`![alt](src)`: an alt text is a file name or a caption, not the line's prose).
/// Tags, entities, link targets and URLs go in `normalize_text`.
fn prose_of(line: &str) -> String {
    let mut t = line.trim_start();
    loop {
        let before = t.len();
        t = t.trim_start_matches(['>', '#', ' ', '\t']);
        for m in ["- ", "* ", "+ "] {
            if let Some(r) = t.strip_prefix(m) {
                t = r;
            }
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            let r = &t[digits..];
            if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")) {
                t = r;
            }
        }
        if t.len() == before {
            break;
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find("![") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after
            .find("](")
            .and_then(|c| after[c..].find(')').map(|e| c + e + 1));
        match end {
            Some(e) => rest = &after[e..],
            None => {
                out.push_str("![");
                rest = &after[2..];
            }
        }
    }
    out.push_str(rest);
    balanced_targets_removed(&out)
}

/// `line` without the targets of its Markdown links, parentheses inside a target
/// balanced (`[指引](https://…/Guide(Revised%202015)_TC.pdf)`: `normalize_text` ends a
/// target at its first `)`, which would leave the rest of the address as words).
fn balanced_targets_removed(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..=i]);
        let target = &rest[i + 1..];
        let mut depth = 0usize;
        let mut end = None;
        for (j, c) in target.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = Some(j + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        match end {
            Some(e) => rest = &target[e..],
            None => {
                out.push('(');
                rest = &target[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `line` with a space after each bare URL that runs into other text (`…/Xw，小天师傅`):
/// `normalize_text` drops a URL up to the next space, which would take the sentence
/// after it too.
fn url_spaced(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut in_url = false;
    for (i, c) in line.char_indices() {
        if !in_url && (line[i..].starts_with("http://") || line[i..].starts_with("https://")) {
            in_url = true;
        } else if in_url && (c.is_whitespace() || !c.is_ascii()) {
            in_url = false;
            if !c.is_whitespace() {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

/// Byte ranges of `text` inside HTML comments (`<!--` … `-->`, over lines).
fn comment_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(s) = text[from..].find("<!--").map(|i| from + i) {
        let e = text[s + 4..]
            .find("-->")
            .map_or(text.len(), |i| s + 4 + i + 3);
        spans.push((s, e));
        from = e;
    }
    spans
}

/// `line` without a source link's word at its end (`…上图是长城。（[via](https://…)）`),
/// which spam-trim drops as a credit, not text.
fn via_dropped(line: &str) -> std::borrow::Cow<'_, str> {
    let t = line.trim_end();
    for (open, close) in [("（[via](", "）"), ("([via](", ")")] {
        if let Some(at) = t.rfind(open) {
            if t.ends_with(close) && t[at..].matches(')').count() <= 2 {
                return std::borrow::Cow::Owned(t[..at].to_string());
            }
        }
    }
    std::borrow::Cow::Borrowed(line)
}

/// `line` (its link targets gone) without a digest's "read the original" label at its end
/// (`…遭到泄露。[【阅读原文】]`, or `[[阅读原文]]`: a link whose anchor is the bracketed
/// label), which spam-trim drops as interface text, not text.
/// `line` without a picture's credit at its end, as the plugin cuts it
/// (`…官立汉文学校。照片来源：金文泰中学校友会网站`, `…清洁工。周满铿摄`): the caption before it is
/// what the output holds.
fn credit_dropped(line: &str) -> String {
    let t = line.trim_end();
    match wenku_spam_trim::lines::image_credit_at(t)
        .or_else(|| wenku_spam_trim::lines::spaced_source_at(t))
    {
        Some(at) => t[..at].to_string(),
        None => line.to_string(),
    }
}

fn read_more_dropped(line: &str) -> String {
    let t = line.trim_end();
    let unwrapped = match (t.strip_suffix("]]"), t.rfind("[[")) {
        (Some(head), Some(at)) if at < head.len() => {
            format!("{}{}]", &t[..at], &head[at + 1..])
        }
        _ => t.to_string(),
    };
    match wenku_spam_trim::lines::read_more_at(&unwrapped) {
        Some(at) => unwrapped[..at].to_string(),
        None => line.to_string(),
    }
}

/// `line` with the entities Markdown writes its markup characters with decoded, as the
/// text output has them (`&lt;canvas&gt;` is the text `<canvas>`).
fn entities_decoded(line: &str) -> String {
    line.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Byte ranges of `text` inside a hyperlink: Markdown `[anchor](target)` (the anchor may
/// span lines and hold an image) and HTML `<a …>anchor</a>`.
fn link_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'[' => {
                // The matching `]`, then `(` and its matching `)`.
                let mut depth = 0usize;
                let mut j = i;
                let mut close = None;
                while j < b.len() && j - i < 4000 {
                    match b[j] {
                        b'[' => depth += 1,
                        b']' => {
                            depth -= 1;
                            if depth == 0 {
                                close = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if let Some(c) = close.filter(|c| b.get(c + 1) == Some(&b'(')) {
                    let mut depth = 0usize;
                    let mut k = c + 1;
                    let mut end = None;
                    while k < b.len() && k - c < 4000 && b[k] != b'\n' {
                        match b[k] {
                            b'(' => depth += 1,
                            b')' => {
                                depth -= 1;
                                if depth == 0 {
                                    end = Some(k + 1);
                                    break;
                                }
                            }
                            _ => {}
                        }
                        k += 1;
                    }
                    if let Some(e) = end {
                        spans.push((i, e));
                        i = e;
                        continue;
                    }
                }
            }
            b'<' if b.get(i + 1).is_some_and(|c| *c == b'a' || *c == b'A')
                && b.get(i + 2)
                    .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>') =>
            {
                let rest = text[i..].to_ascii_lowercase();
                if let Some(e) = rest.find("</a>").filter(|e| *e < 4000) {
                    spans.push((i, i + e + 4));
                    i += e + 4;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    spans
}

/// Whether every letter of `script` in `line` (a slice of `text` starting at byte `at`) lies
/// inside one of `spans`: the line is a hyperlink's anchor text (navigation, a
/// "related" list, a link to another page), not prose of its own.
fn anchor_only(line: &str, at: usize, spans: &[(usize, usize)], script: Script) -> bool {
    let inside = |p: usize| {
        let k = spans.partition_point(|s| s.1 <= p);
        spans.get(k).is_some_and(|s| s.0 <= p && p < s.1)
    };
    let mut any = false;
    for (off, c) in line.char_indices() {
        if script.letter(c) {
            any = true;
            if !inside(at + off) {
                return false;
            }
        }
    }
    any
}

/// The body of a document without its front matter, found as spam-trim finds it (after
/// blank lines, with CRLF line ends).
fn body(text: &str) -> &str {
    wenku_spam_trim::markdown::front_matter(text).map_or(text, |f| f.body)
}

/// `line` with each autolink (`<name@example.com>`, `<mailto:…>`, `<https://…>`) written
/// as its address, as the output says it: `normalize_text` would take it for a tag.
fn autolinks_unwrapped(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let inner = after.find('>').map(|end| &after[..end]);
        match inner {
            Some(a)
                if !a.is_empty()
                    && !a.contains(char::is_whitespace)
                    && (a.contains('@') || a.contains("://")) =>
            {
                out.push_str(a);
                rest = &after[a.len() + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

struct Export {
    text: String,
    source: String,
    /// The `title` metadata, as normalised text.
    title: String,
}

fn main() {
    let args: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let lost_dir: Option<PathBuf> =
        std::env::args().find_map(|a| a.strip_prefix("--lost=").map(PathBuf::from));
    if let Some(dir) = &lost_dir {
        std::fs::create_dir_all(dir).expect("make the --lost folder");
    }
    let scratch = tempfile::tempdir().expect("scratch dir");
    let corpora: Vec<PathBuf> = if !args.is_empty() {
        args
    } else {
        let found: Vec<PathBuf> = [
            "hkcnews-6000.tar.zst",
            "xinwenlianbo-300.tar.zst",
            "picker-1500.tar.zst",
        ]
        .iter()
        .filter_map(|n| default_news_sample(n))
        .collect();
        if found.is_empty() {
            let dir = scratch.path().join("generated");
            write_generated_corpus(&dir, 2000);
            vec![dir]
        } else {
            found
        }
    };
    let built = wenku_tests::build(true);
    let t2s = ScriptConvert::new(&Config::default()).expect("t2s");
    let convert = |s: &str| -> String {
        match t2s.transform(s.as_bytes(), &Meta::new(vec![])) {
            Ok(o) => match o.verdict {
                wenku_plugin::Verdict::Keep(b) => String::from_utf8_lossy(&b).into_owned(),
                _ => s.to_string(),
            },
            Err(_) => s.to_string(),
        }
    };
    let encoding_repair = EncodingRepair::new(&Config::default()).expect("encoding-repair");
    let repair = |s: &str| -> String {
        match encoding_repair.transform(s.as_bytes(), &Meta::new(vec![])) {
            Ok(o) => match o.verdict {
                wenku_plugin::Verdict::Keep(b) => String::from_utf8_lossy(&b).into_owned(),
                _ => s.to_string(),
            },
            Err(_) => s.to_string(),
        }
    };
    let stubs = stub_texts();
    println!("corpus | docs | exported | dropped | repeated | stubs | wechat | prose lines | left out: repeated ≥ 5% and ≥ 20 docs | left out: stub pages | left out: link text | left out: title with site name | counted | retention | lost, held by ≥ 3 docs | lost, held by < 3 | retention (lines < 3 docs hold) | suspect drops | export s | lost inside the article (between kept prose lines), held by ≥ 3 / < 3 || LATIN | Latin prose lines | left out: repeated / stub pages / link text / title with site name | counted | Latin retention | lost, held by ≥ 3 / < 3 | Latin retention (lines < 3 docs hold) | Latin suspect drops | Latin lost inside the article, held by ≥ 3 / < 3");
    let mut rows = Vec::new();
    for corpus_path in &corpora {
        let name = corpus_path
            .file_name()
            .map(|n| n.to_string_lossy().replace(".tar.zst", ""))
            .unwrap_or_default();
        let input = if corpus_path.is_dir() {
            corpus_path.clone()
        } else {
            let out = scratch.path().join(format!("{name}-files"));
            std::fs::create_dir_all(&out).expect("dir");
            let st = std::process::Command::new("tar")
                .arg("--zstd")
                .arg("-xf")
                .arg(corpus_path)
                .arg("-C")
                .arg(&out)
                .status()
                .expect("tar");
            assert!(st.success(), "cannot unpack {}", corpus_path.display());
            out
        };
        let archive = scratch.path().join(format!("{name}.wenku"));
        let run = |args: &[&str]| {
            let st = std::process::Command::new(&built.wenku)
                .arg("-q")
                .arg("-A")
                .arg(&archive)
                .args(args)
                .status()
                .expect("wenku runs");
            assert!(
                st.success() || st.code() == Some(1),
                "wenku {args:?} failed"
            );
        };
        run(&["import", &input.to_string_lossy()]);
        for p in ["encoding-repair", "spam-trim", "script-convert"] {
            run(&["plugin", "enable", p]);
        }
        let out = scratch.path().join(format!("{name}.jsonl"));
        let t = Instant::now();
        run(&[
            "export",
            "--format",
            "jsonl",
            "--out",
            &out.to_string_lossy(),
        ]);
        let export_secs = t.elapsed().as_secs_f64();
        let row = measure(
            &archive,
            &out,
            &convert,
            &repair,
            &stubs,
            &name,
            export_secs,
            lost_dir.as_deref(),
        );
        println!("{row}");
        rows.push(row);
    }
    println!();
    for r in rows {
        println!("{r}");
    }
}

/// What became of a corpus's raw prose lines.
#[derive(Default)]
struct Retention {
    /// Prose lines of the raw documents (≥ 15 Han characters once markup is removed).
    prose: usize,
    /// Left out of the measure, each counted: lines ≥ 5% and ≥ 20 documents of the
    /// source hold (boilerplate by definition), lines of documents dropped as stub pages
    /// (and stub texts), lines that are wholly a hyperlink's anchor text.
    repeated: usize,
    stub: usize,
    link_text: usize,
    /// Lines that are the document's title, found in the output, with more after it
    /// (`TITLE - SITE NAME`: the page's title bar).
    site_title: usize,
    /// The rest: counted, and found in the output.
    counted: usize,
    found: usize,
    /// Of the counted lines, those fewer than 3 documents of the source hold.
    unique: usize,
    unique_found: usize,
}

/// Whether the normalised prose line `norm`, not found in the output `out_norm`, is the
/// document's `title` (found in the output) followed by at most 40 more letters: the
/// site's name after the title (`标题 - 嘶吼 RoarTalk – 网络安全行业综合服务平台`).
fn site_title(norm: &str, title: Option<&str>, out_norm: &str) -> bool {
    let Some(t) = title.filter(|t| !t.is_empty()) else {
        return false;
    };
    norm.strip_prefix(t)
        .is_some_and(|rest| (1..=40).contains(&rest.chars().count()))
        && out_norm.contains(t)
}

#[allow(clippy::too_many_arguments)]
fn measure(
    archive_dir: &Path,
    out: &Path,
    convert: &dyn Fn(&str) -> String,
    repair: &dyn Fn(&str) -> String,
    stubs: &[String],
    name: &str,
    export_secs: f64,
    lost_dir: Option<&Path>,
) -> String {
    let mut exports: HashMap<String, Export> = HashMap::new();
    for line in std::fs::read_to_string(out).expect("export").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSONL");
        exports.insert(
            v["id"].as_str().unwrap_or_default().to_string(),
            Export {
                text: v["text"].as_str().unwrap_or_default().to_string(),
                source: v["metadata"]["corpus_source"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                title: normalize_text(v["metadata"]["title"].as_str().unwrap_or_default()),
            },
        );
    }
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(format!("{}.manifest.json", out.display())).expect("manifest"),
    )
    .expect("manifest JSON");
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut dropped: HashMap<String, String> = HashMap::new();
    for d in manifest["dropped"].as_array().into_iter().flatten() {
        let reason = d["reason"].as_str().unwrap_or_default().to_string();
        let kind = reason.split(':').next().unwrap_or_default().to_string();
        *reasons.entry(kind).or_default() += 1;
        dropped.insert(d["key"].as_str().unwrap_or_default().to_string(), reason);
    }

    // Statistics over the raw documents as the output's script has them.
    let archive = Archive::open(archive_dir).expect("archive opens");
    let mut stats = CorpusStats::default();
    let mut raws: Vec<(String, String, String)> = Vec::new();
    for (key, _) in archive.list("").expect("list") {
        let doc = archive.read(&key, None).expect("read");
        let source = corpus::source_of(&key, &doc.record, &doc.bytes);
        let text = convert(&String::from_utf8_lossy(&doc.bytes));
        stats.add(&source, &corpus::document_fingerprints(text.as_bytes()));
        raws.push((key, source, text));
    }
    drop(archive);
    // A date alone is no repeated line: the statistics fold its digits, so every date
    // of a source looks like one line (spam-trim keeps a letter's date).
    let repeated = |source: &str, line: &str| -> (bool, u64) {
        let Some(s) = stats.source(source) else {
            return (false, 0);
        };
        if wenku_spam_trim::lines::date_line(line) {
            return (false, 0);
        }
        let needed = 20u64.max((s.documents as f64 * 0.05).ceil() as u64);
        let n = wenku_core::plugin::CorpusLookup::line_documents(s, line);
        (n >= needed, n)
    };

    let mut junk_docs = 0;
    let mut junk_lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut stub_docs = 0;
    let mut wechat_docs = 0;
    // Items of a document's own numbered list and the headings they name, and section
    // headings the document writes as headings between its own text, are kept by
    // spam-trim however many documents hold them (`13.国内联播快讯：`, `### 工具`):
    // counted apart.
    let raw_of: HashMap<&str, &str> = raws
        .iter()
        .map(|(k, _, t)| (k.as_str(), t.as_str()))
        .collect();
    let mut listed_docs = 0;
    for (key, e) in &exports {
        let mut junk = false;
        let lines: Vec<&str> = e.text.lines().collect();
        let flags: Vec<bool> = lines.iter().map(|l| repeated(&e.source, l).0).collect();
        let mut listed = wenku_spam_trim::corpus::listed_lines(&lines, &flags);
        if let Some(raw) = raw_of.get(key.as_str()) {
            for (i, l) in lines.iter().enumerate() {
                listed[i] |= flags[i] && wenku_spam_trim::corpus::markdown_heading(raw, l.trim());
            }
        }
        listed_docs += usize::from(listed.iter().any(|l| *l));
        for (i, line) in lines.iter().enumerate() {
            if flags[i] && !listed[i] {
                junk = true;
                *junk_lines.entry(line.trim().to_string()).or_default() += 1;
            }
        }
        junk_docs += usize::from(junk);
        stub_docs += usize::from(e.text.lines().any(|l| holds_stub(l, stubs)));
        wechat_docs += usize::from(WECHAT.iter().any(|s| e.text.contains(s)));
    }

    println!(
        "{name} | exports holding repeated lines of their own numbered list or section headings: {listed_docs}"
    );
    let joined = joined_repeated(&exports, &raws, &repeated, name);
    println!(
        "{name} | joined repeated lines: {} exports ({} output lines)",
        joined.0, joined.1
    );

    // The Han and the Latin measure, apart.
    let mut rs = [Retention::default(), Retention::default()];
    let mut left_out: BTreeMap<String, u64> = BTreeMap::new();
    let mut lost_title = 0;
    let mut suspects = Vec::new();
    let mut latin_suspects = Vec::new();
    // Every lost line: key, documents of the source holding it, the line, and whether
    // it stood inside the article (a prose line before it and one after it were kept).
    let mut lost: Vec<(String, u64, String, bool, Script)> = Vec::new();
    for (key, source, text) in &raws {
        let out_norm = exports
            .get(key)
            // Line by line: a `<` in one line (`i<arr.length`) opens no tag that a
            // later line closes.
            .map(|e| {
                e.text
                    .lines()
                    .map(|l| normalize_text(&url_spaced(l)))
                    .collect::<String>()
            })
            .unwrap_or_default();
        let stub_drop = dropped
            .get(key)
            .is_some_and(|reason| reason.starts_with("stub page"));
        let mut prose = [0, 0];
        // Every prose line of each script in order: found in the output (and not the
        // title), or the index of its entry in `lost`.
        let mut orders: [Vec<Result<bool, usize>>; 2] = [Vec::new(), Vec::new()];
        // Latin lines are read in the text as encoding-repair makes it (an English page
        // saved through the wrong code page says `Letâs`, its output `Let’s`).
        let repaired = repair(text);
        for (script, text) in [
            (Script::Han, text.as_str()),
            (Script::Latin, repaired.as_str()),
        ] {
            let body = body(text);
            let spans = link_spans(body);
            let comments = comment_spans(body);
            for line in corpus::lines(body) {
                // A line inside an HTML comment is no text of the page.
                let at = line.as_ptr() as usize - body.as_ptr() as usize;
                if comments.iter().any(|&(s, e)| s <= at && at < e) {
                    continue;
                }
                let norm = normalize_text(&url_spaced(&autolinks_unwrapped(&entities_decoded(
                    &credit_dropped(&read_more_dropped(&prose_of(&via_dropped(line)))),
                ))));
                let of_script = match script {
                    Script::Han => han(&norm) >= 15,
                    Script::Latin => latin_prose(line),
                };
                if !of_script {
                    continue;
                }
                let r = &mut rs[script.index()];
                let order = &mut orders[script.index()];
                r.prose += 1;
                let kept = out_norm.contains(&norm);
                // The title heading, said again at the page's top, is not the article's
                // text around a lost line.
                let title = exports.get(key).is_some_and(|e| e.title == norm);
                let (is_junk, n) = repeated(source, line);
                if is_junk {
                    order.push(Ok(kept && !title));
                    r.repeated += 1;
                    let shown: String = line.trim().chars().take(60).collect();
                    left_out.insert(shown, n);
                    continue;
                }
                if holds_stub(line, stubs) {
                    order.push(Ok(kept && !title));
                    r.stub += 1;
                    continue;
                }
                if anchor_only(line, at, &spans, script) {
                    order.push(Ok(kept && !title));
                    r.link_text += 1;
                    continue;
                }
                prose[script.index()] += 1;
                if stub_drop || kept {
                    order.push(Ok(kept && !title));
                }
                if stub_drop {
                    r.stub += 1;
                    continue;
                }
                if !kept && site_title(&norm, exports.get(key).map(|e| e.title.as_str()), &out_norm)
                {
                    r.site_title += 1;
                    continue;
                }
                r.counted += 1;
                r.found += usize::from(kept);
                if !kept {
                    order.push(Err(lost.len()));
                    lost.push((key.clone(), n, line.trim().to_string(), false, script));
                    lost_title += usize::from(title && script == Script::Han);
                }
                if n < 3 {
                    r.unique += 1;
                    r.unique_found += usize::from(kept);
                }
            }
        }
        // A lost line with a kept prose line of its script before it and one after it.
        for order in &orders {
            let mut before = false;
            let mut after = order.iter().filter(|o| *o == &Ok(true)).count();
            for o in order {
                match o {
                    Ok(true) => {
                        before = true;
                        after -= 1;
                    }
                    Ok(false) => {}
                    Err(i) => lost[*i].3 = before && after > 0,
                }
            }
        }
        if let Some(reason) = dropped.get(key) {
            if prose[0] >= 3 {
                suspects.push(format!("{key}: {reason}"));
            }
            if prose[1] >= 3 {
                latin_suspects.push(format!("{key}: {reason}"));
            }
        }
    }
    let mut top: Vec<(&String, &usize)> = junk_lines.iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(*e.1));
    for (line, n) in top.iter().take(5) {
        eprintln!("  {name}: repeated line left in {n} exports: {line}");
    }
    let mut left_out: Vec<(String, u64)> = left_out.into_iter().collect();
    left_out.sort_by_key(|e| std::cmp::Reverse(e.1));
    for (line, n) in left_out.iter().take(10) {
        eprintln!("  {name}: left out as repeated, held by {n}: {line}");
    }
    eprintln!(
        "  {name}: {} distinct lines left out as repeated",
        left_out.len()
    );
    // Counts over the lost lines of one script: held by ≥ 3 documents, held by fewer,
    // inside the article and held by ≥ 3, inside and held by fewer.
    let lost_counts = |script: Script| {
        let of = || lost.iter().filter(move |l| l.4 == script);
        (
            of().filter(|l| l.1 >= 3).count(),
            of().filter(|l| l.1 < 3).count(),
            of().filter(|l| l.3 && l.1 >= 3).count(),
            of().filter(|l| l.3 && l.1 < 3).count(),
        )
    };
    let (lost_common, lost_rare, inside_common, inside_rare) = lost_counts(Script::Han);
    let (latin_common, latin_rare, latin_inside_common, latin_inside_rare) =
        lost_counts(Script::Latin);
    eprintln!("  {name}: lost lines that are the document's title (kept as metadata `title`): {lost_title}");
    for script in [Script::Han, Script::Latin] {
        let mut shown: BTreeMap<String, usize> = BTreeMap::new();
        for (_, n, line, _, _) in lost.iter().filter(|l| l.4 == script) {
            let line: String = line.chars().take(60).collect();
            *shown.entry(format!("[held by {n}] {line}")).or_default() += 1;
        }
        let mut shown: Vec<(String, usize)> = shown.into_iter().collect();
        shown.sort_by_key(|e| std::cmp::Reverse(e.1));
        let what = match script {
            Script::Han => "prose line",
            Script::Latin => "Latin prose line",
        };
        for (line, n) in shown.iter().take(40) {
            eprintln!("  {name}: {what} lost in {n} exports: {line}");
        }
    }
    if let Some(dir) = lost_dir {
        let mut tsv = String::new();
        for (key, n, line, inside, script) in &lost {
            let at = if *inside { "inside" } else { "edge" };
            let marker = script.marker();
            tsv.push_str(&format!("{key}\t{n}\t{line}\t{at}\t{marker}\n"));
        }
        let path = dir.join(format!("{name}-lost.tsv"));
        std::fs::write(&path, tsv).expect("write the lost lines");
        eprintln!("  {name}: every lost line in {}", path.display());
    }
    for s in suspects.iter().take(10) {
        eprintln!("  {name}: dropped with ≥ 3 prose lines: {s}");
    }
    for s in latin_suspects.iter().take(10) {
        eprintln!("  {name}: dropped with ≥ 3 Latin prose lines: {s}");
    }
    eprintln!("  {name}: drops by reason: {reasons:?}");
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let [r, l] = &rs;
    format!(
        "{name} | {} | {} | {} | {junk_docs} | {stub_docs} | {wechat_docs} | {} | {} | {} | {} | {} | {} | {:.2}% ({}/{}) | {} | {} | {:.2}% ({}/{}) | {} | {export_secs:.2} | {inside_common} / {inside_rare} \
         || LATIN | {} | {} / {} / {} / {} | {} | {:.2}% ({}/{}) | {latin_common} / {latin_rare} | {:.2}% ({}/{}) | {} | {latin_inside_common} / {latin_inside_rare}",
        raws.len(),
        exports.len(),
        dropped.len(),
        r.prose,
        r.repeated,
        r.stub,
        r.link_text,
        r.site_title,
        r.counted,
        pct(r.found, r.counted),
        r.found,
        r.counted,
        lost_common,
        lost_rare,
        pct(r.unique_found, r.unique),
        r.unique_found,
        r.unique,
        suspects.len(),
        l.prose,
        l.repeated,
        l.stub,
        l.link_text,
        l.site_title,
        l.counted,
        pct(l.found, l.counted),
        l.found,
        l.counted,
        pct(l.unique_found, l.unique),
        l.unique_found,
        l.unique,
        latin_suspects.len(),
    )
}

/// Repeated lines that survive joined with their neighbours: an output line that is two
/// or more consecutive lines of its raw document run together (Markdown and HTML join
/// the lines of a paragraph with a space or nothing; the normalised text drops both),
/// one of which ≥ 5% and ≥ 20 documents of the source hold. The line-exact count above
/// cannot see them (the joined line is held by no document). Returns the exports holding
/// one and the output lines; prints examples.
fn joined_repeated(
    exports: &HashMap<String, Export>,
    raws: &[(String, String, String)],
    repeated: &dyn Fn(&str, &str) -> (bool, u64),
    name: &str,
) -> (usize, usize) {
    let mut docs = 0;
    let mut lines = 0;
    let mut examples: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (key, source, text) in raws {
        let Some(e) = exports.get(key) else {
            continue;
        };
        // The raw lines, normalised, and whether each is repeated boilerplate.
        let pieces: Vec<(String, bool, &str)> = corpus::lines(body(text))
            .into_iter()
            .map(|l| (normalize_text(l), repeated(source, l).0, l.trim()))
            .filter(|p| !p.0.is_empty())
            .collect();
        if !pieces.iter().any(|p| p.1) {
            continue;
        }
        let mut hit = false;
        for line in e.text.lines() {
            let n = normalize_text(line);
            if n.is_empty() || repeated(source, line).0 {
                continue;
            }
            for i in 0..pieces.len() {
                let Some(mut rest) = n.strip_prefix(pieces[i].0.as_str()) else {
                    continue;
                };
                let mut j = i + 1;
                let mut junk: Vec<&str> = Vec::new();
                if pieces[i].1 {
                    junk.push(pieces[i].2);
                }
                while !rest.is_empty() && j < pieces.len() {
                    match rest.strip_prefix(pieces[j].0.as_str()) {
                        Some(r) => {
                            rest = r;
                            if pieces[j].1 {
                                junk.push(pieces[j].2);
                            }
                            j += 1;
                        }
                        None => break,
                    }
                }
                if rest.is_empty() && j - i >= 2 && !junk.is_empty() {
                    hit = true;
                    lines += 1;
                    let shown: String = line.trim().chars().take(60).collect();
                    let shown = format!("{shown} [repeated: {}]", junk.join(" / "));
                    let entry = examples.entry(shown).or_insert((0, key.clone()));
                    entry.0 += 1;
                    break;
                }
            }
        }
        docs += usize::from(hit);
    }
    let mut top: Vec<(&String, &(usize, String))> = examples.iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.1 .0));
    for (line, (n, key)) in top.iter().take(10) {
        eprintln!("  {name}: joined repeated line left in {n} exports (e.g. {key}): {line}");
    }
    (docs, lines)
}
