//! encoding-repair against ftfy (`pip install ftfy==6.3.1`, `fix_text`) on the same
//! documents in the same run, timed in CPU seconds of each process (the machine is
//! shared): throughput on clean news text (the fast path) and on
//! damaged text, how many clean documents each tool alters, and which kinds of damage
//! each tool repairs.
//!
//! cargo bench -p wenku-tests --bench encoding_repair -- [CORPUS.tar.zst|DIR] [PICKER_DIR] [--pages DIR]... [--show]
//!
//! Default corpus: ../shared/corpus/bench/hkcnews-6000.tar.zst if present, else
//! documents generated from the seeds. With a second corpus (the picker pages), also
//! counts its pages that hold UTF-8 Chinese read through a Cyrillic code page
//! (`дёӯ`, `е…ұ`…) before and after the repair, for both tools. And the Chinese lines
//! of each corpus written in Big5 (news pages) or GBK (picker pages) and read as
//! Latin-1, each repaired on its own: how many come back, and how many are taken for
//! another script's legacy code page (Korean, Cyrillic, Greek, Hebrew, Arabic); and the
//! news pages' lines that Big5 cannot write, in Big5-HKSCS (Cantonese `嘅` `咗`, `着`). With
//! `--pages DIR` (HTML pages, `.html` or `.html.gz`, e.g. the extraction benchmarks'
//! checkouts): every line of their text (tags and scripts stripped, entities as they
//! are) that holds a letter of U+00C0–U+06FF, repaired on its own by the mojibake step:
//! how many change (valid text should not; real mojibake does); `--show` lists them.

/// CPU seconds this process has used (user and system): on a shared machine, the time
/// other processes take from us does not count, as with Python's `time.process_time()`
/// on ftfy's side.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

use pinyin::ToPinyin;
use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter, Meta, Verdict};
use wenku_tests::bench::{
    corpus_files, default_news_sample, generated_doc, python_has, python_over_docs, seed_texts, Rng,
};

fn ours(filter: &EncodingRepair, docs: &[String]) -> (f64, Vec<String>) {
    let meta = Meta::new(vec![("media_type", "text/markdown")]);
    let t = cpu_seconds();
    let out: Vec<Option<Vec<u8>>> = docs
        .iter()
        .map(|d| {
            match filter
                .transform(d.as_bytes(), &meta)
                .expect("repairs")
                .verdict
            {
                Verdict::Keep(b) => Some(b),
                _ => None,
            }
        })
        .collect();
    let secs = cpu_seconds() - t;
    let texts = out
        .into_iter()
        .zip(docs)
        .map(|(o, d)| o.map_or_else(|| d.clone(), |b| String::from_utf8(b).expect("utf-8")))
        .collect();
    (secs, texts)
}

const PY: &str = r#"
import sys, json, time, ftfy
docs = json.load(open(sys.argv[1], encoding='utf-8'))
t = time.process_time()
out = [ftfy.fix_text(d) for d in docs]
secs = time.process_time() - t
json.dump({"secs": secs, "out": out}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
"#;

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

fn cp1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Damage one document in one of four ways (deterministic by index).
fn damage(doc: &str, i: usize) -> String {
    let third = doc
        .char_indices()
        .nth(doc.chars().count() / 3)
        .map_or(0, |(p, _)| p);
    let two = doc
        .char_indices()
        .nth(doc.chars().count() * 2 / 3)
        .map_or(doc.len(), |(p, _)| p);
    let (head, mid, tail) = (&doc[..third], &doc[third..two], &doc[two..]);
    match i % 4 {
        0 => format!("{head}{}{tail}", cp1252(mid.as_bytes())),
        1 => {
            let (big5, _, bad) = encoding_rs::BIG5.encode(mid);
            if bad {
                format!("{head}{}{tail}", latin1(mid.as_bytes()))
            } else {
                format!("{head}{}{tail}", latin1(&big5))
            }
        }
        2 => {
            let mut rng = Rng::new(i as u64);
            let mut out = String::with_capacity(doc.len() * 2);
            for c in doc.chars() {
                if c == '，' {
                    out.push(',');
                    continue;
                }
                out.push(c);
                if let Some(p) = c.to_pinyin() {
                    if rng.below(5) == 0 && !p.with_tone().is_ascii() {
                        out.push('(');
                        out.push_str(p.with_tone());
                        out.push(')');
                    }
                }
            }
            out
        }
        _ => doc
            .replace('“', "&ldquo;")
            .replace('”', "&rdquo;")
            .replace('\n', "\r\n"),
    }
}

/// A line of each script whose legacy code pages the cases read as Latin-1.
const RU: &str = "Правительство объявило о новых мерах поддержки экономики.";
const KO: &str = "정부는 오늘 새로운 경제 정책을 발표했다.";
const EL: &str = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία.";
const HE: &str = "הממשלה הודיעה היום על צעדים חדשים בתחום הכלכלה.";
const AR: &str = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد.";

/// Kinds of damage: (name, damaged input, expected repair).
fn cases() -> Vec<(&'static str, String, String)> {
    let zh = "中共中央政治局常务委员会召开会议，分析疫情形势。";
    let tw = "香港新聞報道，政府今日宣布新措施。";
    vec![
        (
            "UTF-8 read as windows-1252",
            cp1252(zh.as_bytes()),
            zh.to_string(),
        ),
        (
            "UTF-8 read as Latin-1 (with 0x81/0x8D/0x8F/0x90/0x9D)",
            latin1("馁枍遏阐".as_bytes()),
            "馁枍遏阐".to_string(),
        ),
        (
            "Western UTF-8 read as windows-1252",
            cp1252("café – naïve".as_bytes()),
            "café – naïve".to_string(),
        ),
        (
            "GBK read as Latin-1",
            latin1(&encoding_rs::GBK.encode(zh).0),
            zh.to_string(),
        ),
        (
            "Big5 read as Latin-1",
            latin1(&encoding_rs::BIG5.encode(tw).0),
            tw.to_string(),
        ),
        (
            "part of a text damaged",
            format!(
                "正常的开头，{}正常的结尾。",
                cp1252("损坏的中间".as_bytes())
            ),
            "正常的开头，损坏的中间正常的结尾。".to_string(),
        ),
        (
            "GBK read as Latin-1, across digits",
            latin1(
                &encoding_rs::GBK
                    .encode("中共中央政治局常务委员会3月17日召开会议")
                    .0,
            ),
            "中共中央政治局常务委员会3月17日召开会议".to_string(),
        ),
        (
            "UTF-8 read as windows-1251",
            encoding_rs::WINDOWS_1251
                .decode_without_bom_handling(zh.as_bytes())
                .0
                .into_owned(),
            zh.to_string(),
        ),
        (
            "UTF-8 read as KOI8-R",
            encoding_rs::KOI8_R
                .decode_without_bom_handling(zh.as_bytes())
                .0
                .into_owned(),
            zh.to_string(),
        ),
        (
            "UTF-8 read as cp866",
            encoding_rs::IBM866
                .decode_without_bom_handling(zh.as_bytes())
                .0
                .into_owned(),
            zh.to_string(),
        ),
        (
            "UTF-8 read as PTCP154, in Markdown",
            "[зҷ»еҪ•](/login) дёӯе…ұдёӯеӨ®".to_string(),
            "[登录](/login) 中共中央".to_string(),
        ),
        (
            "UTF-8 read as windows-1252 twice",
            cp1252(cp1252("doesn’t “quote” 中文测试".as_bytes()).as_bytes()),
            "doesn’t “quote” 中文测试".to_string(),
        ),
        (
            "partly windows-1252, partly windows-1256",
            "[ç™»ه½•]".to_string(),
            "[登录]".to_string(),
        ),
        (
            "windows-1251 read as Latin-1",
            latin1(&encoding_rs::WINDOWS_1251.encode(RU).0),
            RU.to_string(),
        ),
        (
            "EUC-KR read as Latin-1",
            latin1(&encoding_rs::EUC_KR.encode(KO).0),
            KO.to_string(),
        ),
        (
            "windows-1253 read as Latin-1",
            latin1(&encoding_rs::WINDOWS_1253.encode(EL).0),
            EL.to_string(),
        ),
        (
            "windows-1255 read as Latin-1",
            latin1(&encoding_rs::WINDOWS_1255.encode(HE).0),
            HE.to_string(),
        ),
        (
            "windows-1256 read as Latin-1",
            latin1(&encoding_rs::WINDOWS_1256.encode(AR).0),
            AR.to_string(),
        ),
        (
            "C1 control for windows-1252 `…`",
            "parlé\u{85} Tu sais".to_string(),
            "parlé… Tu sais".to_string(),
        ),
        (
            "keeps `×”` and `®` (not mojibake)",
            "“数据要素×” NESTLÉ® 4288×…".to_string(),
            "“数据要素×” NESTLÉ® 4288×…".to_string(),
        ),
        (
            "pinyin artifacts",
            "常務(wù)委員會(huì)召開(kāi)會議".to_string(),
            "常務委員會召開會議".to_string(),
        ),
        (
            "HTML entities in text",
            "&ldquo;新闻&rdquo;&#12290;".to_string(),
            "“新闻”。".to_string(),
        ),
        (
            "CRLF and control characters",
            "第一行\r\n第二\u{0}行\u{7}".to_string(),
            "第一行\n第二行".to_string(),
        ),
        (
            "keeps full-width punctuation",
            "（括号）：冒号；“引号”".to_string(),
            "（括号）：冒号；“引号”".to_string(),
        ),
        (
            "keeps names in parentheses",
            "講話。(徐補生)\n村(社區)的".to_string(),
            "講話。(徐補生)\n村（社區）的".to_string(),
        ),
        (
            "keeps ruby text",
            "兔(tù)子(zi)的(de)尾(wěi)巴(ba)".to_string(),
            "兔(tù)子(zi)的(de)尾(wěi)巴(ba)".to_string(),
        ),
    ]
}

/// Whether a page holds UTF-8 Chinese read through a Cyrillic code page.
fn cyrillic_mojibake(text: &str) -> bool {
    ["дё", "е…", "зҡ", "иҝ", "еҸ", "дҪ", "жҳ"]
        .iter()
        .any(|s| text.contains(s))
}

/// Letters of the scripts whose legacy code pages are repaired besides Chinese ones.
fn other_script(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{4FF}' | '\u{590}'..='\u{5FF}' | '\u{600}'..='\u{6FF}' | '\u{AC00}'..='\u{D7A3}')
}

/// Chinese lines of a corpus written in `enc` (GBK or Big5) and read as Latin-1, each
/// repaired as a document of its own (nothing known from the rest of its page): how
/// many come back as they were, and how many come out with letters of Cyrillic, Greek,
/// Hebrew, Arabic or Hangul that the line did not hold (taken for another script's
/// legacy code page, or bytes of a character the pass could not pair read as UTF-8).
fn legacy_lines(
    filter: &EncodingRepair,
    label: &str,
    docs: &[String],
    enc: &'static encoding_rs::Encoding,
) {
    legacy_lines_of(filter, label, docs, enc, false);
}

/// Big5-HKSCS: each character by the Big5 encoder, else by the pair of bytes that the
/// Big5 decoder (WHATWG's index, which holds HKSCS) reads as it — the characters Hong
/// Kong writes that Big5 has not (`嘅` 0x9DEF, `咗` 0x9DF7, `着` 0xFED3).
fn hkscs_encode(line: &str) -> Option<Vec<u8>> {
    static REVERSE: std::sync::OnceLock<std::collections::HashMap<char, [u8; 2]>> =
        std::sync::OnceLock::new();
    let reverse = REVERSE.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for lead in 0x87..=0xFEu8 {
            for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
                let pair = [lead, trail];
                let (s, bad) = encoding_rs::BIG5.decode_without_bom_handling(&pair);
                let mut cs = s.chars();
                if let (false, Some(c), None) = (bad, cs.next(), cs.next()) {
                    m.entry(c).or_insert([lead, trail]);
                }
            }
        }
        m
    });
    let mut out = Vec::with_capacity(line.len() * 2);
    for c in line.chars() {
        let mut buf = [0; 4];
        let (b, _, bad) = encoding_rs::BIG5.encode(c.encode_utf8(&mut buf));
        if !bad {
            out.extend_from_slice(&b);
        } else {
            out.extend_from_slice(reverse.get(&c)?);
        }
    }
    Some(out)
}

fn legacy_lines_of(
    filter: &EncodingRepair,
    label: &str,
    docs: &[String],
    enc: &'static encoding_rs::Encoding,
    hkscs: bool,
) {
    let mut seen = std::collections::HashSet::new();
    let mut lines = Vec::new();
    let mut inputs = Vec::new();
    for d in docs {
        for l in d.lines() {
            let l = l.trim();
            if l.chars().count() > 300 || !l.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            {
                continue;
            }
            let (bytes, _, bad) = enc.encode(l);
            // Without `hkscs`: the lines Big5 (or GBK) writes; with it, those it does
            // not, in Big5-HKSCS.
            let bytes = match (hkscs, bad) {
                (false, false) => bytes.into_owned(),
                (true, true) => match hkscs_encode(l) {
                    Some(b) => b,
                    None => continue,
                },
                _ => continue,
            };
            if !seen.insert(l) {
                continue;
            }
            inputs.push(latin1(&bytes));
            lines.push(l.to_string());
        }
    }
    let (_, out) = ours(filter, &inputs);
    let back = out.iter().zip(&lines).filter(|(o, l)| o == l).count();
    let other = out
        .iter()
        .zip(&lines)
        .filter(|(o, l)| o.chars().any(|c| other_script(c) && !l.contains(c)))
        .count();
    let hangul = out
        .iter()
        .zip(&lines)
        .filter(|(o, l)| {
            o.chars()
                .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c) && !l.contains(c))
        })
        .count();
    println!();
    println!(
        "{label}: {} Chinese lines in {} read as Latin-1, one document each: {back} back as they were ({:.2}%), {other} with letters of another script ({hangul} of them Hangul)",
        lines.len(),
        if hkscs { "Big5-HKSCS (characters Big5 lacks)" } else { enc.name() },
        100.0 * back as f64 / lines.len().max(1) as f64
    );
}

/// The text lines of the HTML pages under `dirs` that hold a letter of U+00C0–U+06FF
/// (Latin with accents, Greek, Cyrillic, Hebrew, Arabic), each repaired on its own: how
/// many the mojibake step changes.
fn valid_lines(dirs: &[String], scratch: &std::path::Path, show: bool) {
    let mut seen = std::collections::HashSet::new();
    let mut lines: Vec<String> = Vec::new();
    let mut pages = 0;
    for d in dirs {
        for f in corpus_files(std::path::Path::new(d), scratch) {
            let name = f.to_string_lossy();
            let gz = name.ends_with(".html.gz");
            if !(gz || name.ends_with(".html") || name.ends_with(".htm")) {
                continue;
            }
            let Ok(mut bytes) = std::fs::read(&f) else {
                continue;
            };
            if gz {
                use std::io::Read;
                let mut plain = Vec::new();
                if flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut plain)
                    .is_err()
                {
                    continue;
                }
                bytes = plain;
            }
            pages += 1;
            let page = String::from_utf8_lossy(&bytes);
            // Text between tags, outside `script` and `style`.
            let mut text = String::with_capacity(page.len());
            let mut rest: &str = &page;
            while let Some(lt) = rest.find('<') {
                text.push_str(&rest[..lt]);
                text.push('\n');
                let tag = &rest[lt..];
                let lower = tag.get(..7).unwrap_or("").to_ascii_lowercase();
                let close = if lower.starts_with("<script") {
                    ["</script>", "</SCRIPT>"]
                } else if lower.starts_with("<style") {
                    ["</style>", "</STYLE>"]
                } else {
                    [">", ">"]
                };
                rest = close
                    .iter()
                    .filter_map(|c| tag.find(c).map(|e| e + c.len()))
                    .min()
                    .map_or("", |e| &tag[e..]);
            }
            text.push_str(rest);
            for l in text.lines() {
                let l = l.trim();
                if l.chars().count() >= 3
                    && l.chars().any(|c| ('\u{C0}'..='\u{6FF}').contains(&c))
                    && seen.insert(l.to_string())
                {
                    lines.push(l.to_string());
                }
            }
        }
    }
    // The mojibake step alone (entities, NFC and punctuation change such lines by design).
    let mojibake_only = EncodingRepair::new(&Config::from_pairs(
        ["entities", "controls", "nfc", "pinyin"]
            .map(|k| (k.to_string(), "false".to_string()))
            .into_iter()
            .chain([("punctuation".to_string(), "keep".to_string())]),
    ))
    .expect("config");
    let (_, out) = ours(&mojibake_only, &lines);
    let changed = out.iter().zip(&lines).filter(|(o, l)| o != l).count();
    if show {
        for (o, l) in out.iter().zip(&lines).filter(|(o, l)| o != l) {
            let cut = |s: &str| s.chars().take(160).collect::<String>();
            println!("- {}\n+ {}", cut(l), cut(o));
        }
    }
    println!();
    println!(
        "valid text (the mojibake step): {} lines holding a letter of U+00C0–U+06FF in {pages} HTML pages, one document each: {changed} changed",
        lines.len()
    );
}

/// The picker pages: how many hold Cyrillic mojibake before and after each tool.
fn picker_check(
    filter: &EncodingRepair,
    dir: &std::path::Path,
    scratch: &std::path::Path,
    have_ftfy: bool,
) {
    let files = corpus_files(dir, scratch);
    let all: Vec<String> = files
        .iter()
        .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned())
        .collect();
    legacy_lines(filter, "picker pages", &all, encoding_rs::GBK);
    let docs: Vec<String> = all.into_iter().filter(|d| cyrillic_mojibake(d)).collect();
    let (_, ours_out) = ours(filter, &docs);
    let left = |out: &[String]| out.iter().filter(|d| cyrillic_mojibake(d)).count();
    let cyr = |out: &[String]| {
        out.iter()
            .map(|d| {
                d.chars()
                    .filter(|c| ('\u{400}'..='\u{4FF}').contains(c))
                    .count()
            })
            .sum::<usize>()
    };
    println!();
    println!(
        "picker pages ({}, {} files) holding UTF-8 Chinese read through a Cyrillic code page: {}",
        dir.display(),
        files.len(),
        docs.len()
    );
    println!("| | pages still holding it | Cyrillic letters left |");
    println!("|---|---|---|");
    println!("| before | {} | {} |", docs.len(), cyr(&docs));
    println!(
        "| encoding-repair | {} | {} |",
        left(&ours_out),
        cyr(&ours_out)
    );
    if let Some((_, f)) = have_ftfy
        .then(|| python_over_docs(PY, &docs, scratch, "picker"))
        .flatten()
    {
        println!("| ftfy | {} | {} |", left(&f), cyr(&f));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pages: Vec<String> = args
        .windows(2)
        .filter(|w| w[0] == "--pages")
        .map(|w| w[1].clone())
        .collect();
    let mut positional = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--pages"))
        .map(|(_, a)| a.clone());
    let arg = positional.next();
    let picker = positional.next();
    let scratch = tempfile::tempdir().expect("scratch");
    let (label, clean): (String, Vec<String>) = match arg
        .map(std::path::PathBuf::from)
        .or_else(|| default_news_sample("hkcnews-6000.tar.zst"))
    {
        Some(p) => {
            let files = corpus_files(&p, scratch.path());
            let docs = files
                .iter()
                .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned())
                .collect();
            (format!("{} ({} files)", p.display(), files.len()), docs)
        }
        None => {
            let seeds = seed_texts();
            (
                "2,000 documents generated from the seeds".into(),
                (0..2000).map(|i| generated_doc(&seeds, i)).collect(),
            )
        }
    };
    let damaged: Vec<String> = clean
        .iter()
        .enumerate()
        .map(|(i, d)| damage(d, i))
        .collect();
    if let Ok(dir) = std::env::var("WENKU_BENCH_DUMP") {
        // For profiling: write the damaged documents out.
        std::fs::create_dir_all(&dir).expect("dump dir");
        for (i, d) in damaged.iter().enumerate() {
            std::fs::write(std::path::Path::new(&dir).join(format!("{i:05}.txt")), d)
                .expect("dump");
        }
    }
    let filter = EncodingRepair::new(&Config::default()).expect("default config");
    // The fast path: the documents that need no repair at all.
    let (_, first) = ours(&filter, &clean);
    let untouched: Vec<String> = clean
        .iter()
        .zip(&first)
        .filter(|(a, b)| a == b)
        .map(|(a, _)| a.clone())
        .collect();
    let have_ftfy = python_has("ftfy");
    println!("corpus: {label}");
    println!("| input | MB | encoding-repair MB/s | ftfy MB/s | ratio | documents altered (ours / ftfy) |");
    println!("|---|---|---|---|---|---|");
    for (name, docs) in [
        ("news pages as they are", &clean),
        ("of those, the ones needing no repair", &untouched),
        ("damaged (4 kinds, see below)", &damaged),
    ] {
        let bytes: usize = docs.iter().map(String::len).sum();
        let mut best = f64::MAX;
        let mut out = Vec::new();
        for _ in 0..3 {
            let (s, o) = ours(&filter, docs);
            best = best.min(s);
            out = o;
        }
        let altered = out.iter().zip(docs.iter()).filter(|(a, b)| a != b).count();
        let ours_mbps = bytes as f64 / 1e6 / best;
        match have_ftfy.then(|| python_over_docs(PY, docs, scratch.path(), &name.replace(' ', "_"))).flatten() {
            Some((secs, f)) => {
                let f_altered = f.iter().zip(docs.iter()).filter(|(a, b)| a != b).count();
                let fm = bytes as f64 / 1e6 / secs;
                println!("| {name} | {:.1} | {ours_mbps:.0} | {fm:.1} | {:.0}× | {altered} / {f_altered} of {} |", bytes as f64 / 1e6, ours_mbps / fm, docs.len());
            }
            None => println!("| {name} | {:.1} | {ours_mbps:.0} | n/a (pip install ftfy==6.3.1) | | {altered} of {} |", bytes as f64 / 1e6, docs.len()),
        }
    }
    println!();
    println!("| damage | encoding-repair | ftfy |");
    println!("|---|---|---|");
    let cases = cases();
    let inputs: Vec<String> = cases.iter().map(|(_, i, _)| i.clone()).collect();
    let f = have_ftfy
        .then(|| python_over_docs(PY, &inputs, scratch.path(), "cases"))
        .flatten();
    let (_, o) = ours(&filter, &inputs);
    for (k, (name, _, expected)) in cases.iter().enumerate() {
        let mark = |got: &str| {
            if got == expected {
                "fixed".to_string()
            } else {
                format!("✗ `{}`", got.replace('\n', "⏎"))
            }
        };
        let fm = f
            .as_ref()
            .map_or("n/a".to_string(), |(_, out)| mark(&out[k]));
        println!("| {name} | {} | {fm} |", mark(&o[k]));
    }
    legacy_lines(&filter, "news pages", &clean, encoding_rs::BIG5);
    legacy_lines_of(&filter, "news pages", &clean, encoding_rs::BIG5, true);
    if let Some(p) = picker {
        picker_check(&filter, std::path::Path::new(&p), scratch.path(), have_ftfy);
    }
    if !pages.is_empty() {
        valid_lines(&pages, scratch.path(), args.iter().any(|a| a == "--show"));
    }
}
