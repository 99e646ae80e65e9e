//! An import gives the same archive on one thread as on several: the same keys,
//! versions, bytes, blob codecs (dictionary and delta bases), similarity sketches,
//! corpus statistics and dictionary, whatever the timing of the threads.

use super::*;
use crate::corpus::STATS_FILE;

/// A small deterministic generator (xorshift), so the documents repeat run to run.
struct Words(u64);

impl Words {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    /// A news-like page: a title, paragraphs of words, the site's footer.
    fn page(&mut self, n: usize) -> String {
        const WORDS: [&str; 24] = [
            "香港",
            "立法會",
            "市民",
            "政府",
            "記者",
            "報道",
            "警方",
            "學生",
            "今日",
            "表示",
            "election",
            "council",
            "harbour",
            "report",
            "market",
            "school",
            "weather",
            "transport",
            "housing",
            "budget",
            "新聞",
            "社區",
            "醫院",
            "法院",
        ];
        let mut text = format!("# Story {n}\n\n");
        for _ in 0..4 + self.next() % 4 {
            for _ in 0..12 + self.next() % 12 {
                text.push_str(WORDS[self.next() % WORDS.len()]);
                text.push(' ');
            }
            text.push('\n');
        }
        text.push_str("版權所有 不得轉載\nFollow us for more local news\n");
        text
    }
}

fn jsonl(path: &Path, records: &[(String, String)]) {
    let mut out = String::new();
    for (id, text) in records {
        out.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// The two imports' JSONL files under `dir` (`first`, then `second`), and every
/// version's text: later records of a key are its later versions.
fn two_imports(
    dir: &Path,
    first: &[(String, String)],
    second: &[(String, String)],
) -> (PathBuf, PathBuf, HashMap<(String, u32), String>) {
    let (one, two) = (dir.join("one.jsonl"), dir.join("two.jsonl"));
    jsonl(&one, first);
    jsonl(&two, second);
    let mut expected = HashMap::new();
    let mut latest: HashMap<String, u32> = HashMap::new();
    for (id, text) in first.iter().chain(second) {
        let n = latest.entry(id.clone()).or_insert(0);
        *n += 1;
        expected.insert((id.clone(), *n), text.clone());
    }
    (one, two, expected)
}

/// Everything an import decides, as text; times (which differ run to run) and pack
/// offsets (which follow the sizes of the timed version records) left out.
fn contents(a: &Archive, expected: &HashMap<(String, u32), String>) -> Vec<String> {
    let mut out = Vec::new();
    for (key, head) in a.list("").unwrap() {
        out.push(format!("{key} id {} latest {}", head.id, head.latest));
        for (n, mut rec) in a.versions(&key).unwrap() {
            let doc = a.read(&key, Some(n)).unwrap();
            assert_eq!(
                Some(&String::from_utf8(doc.bytes).unwrap()),
                expected.get(&(key.clone(), n)),
                "{key}@{n}"
            );
            if let Some(b) = a.blobs().record(&rec.blob).unwrap() {
                out.push(format!(
                    "  blob {} {} {:?}",
                    b.raw_len, b.stored_len, b.codec
                ));
            }
            rec.imported_ms = 0;
            out.push(format!("  {n} {rec:?}"));
        }
    }
    out.push(format!(
        "{:?}",
        crate::store::similar::sketches(a.engine()).unwrap()
    ));
    out
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Two imports into one archive: 4,200 new documents (two batches; the first trains the
/// dictionary), with a key and a content that come again in the next batch; then new
/// versions of 2,500 of them, 1,000 near-copies under new keys (deltas against other
/// documents) and keys that come again in the batch after theirs — once on one thread,
/// once on two.
#[test]
fn an_import_on_two_threads_stores_what_one_thread_stores() {
    let tmp = tempfile::tempdir().unwrap();
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    let mut first: Vec<(String, String)> = (0..4200)
        .map(|i| (format!("d{i}"), words.page(i)))
        .collect();
    first[4100] = ("d5".into(), words.page(5));
    first[4150] = ("copy".into(), first[3000].1.clone());
    let mut second: Vec<(String, String)> = (0..2500)
        .map(|i| {
            let mut text = first[i].1.replace("Story", "Updated story");
            text.push_str(&format!("Corrected on day {i}\n"));
            (format!("d{i}"), text)
        })
        .collect();
    second.extend((0..1000).map(|i| {
        let text = first[2000 + i]
            .1
            .replace("Follow us", "Mirrored; follow us");
        (format!("m{i}"), text)
    }));
    second[3400] = ("d10".into(), words.page(10));
    second[3450] = ("d20".into(), words.page(11));
    second.push(("d3000".into(), first[3001].1.clone()));
    let (one, two, expected) = two_imports(tmp.path(), &first, &second);

    let mut results = Vec::new();
    for jobs in [1, 2] {
        let a = Archive::open_or_create(&tmp.path().join(format!("a{jobs}"))).unwrap();
        let opts = ImportOptions {
            jobs: Some(jobs),
            ..ImportOptions::default()
        };
        let mut summaries = Vec::new();
        for input in [&one, &two] {
            let s = import_paths(&a, std::slice::from_ref(input), &opts, &NoProgress).unwrap();
            assert!(s.failed.is_empty(), "{:?}", s.failed);
            summaries.push(format!(
                "{} new, {} versions, {} unchanged, {} raw, {} stored",
                s.new_documents, s.new_versions, s.unchanged, s.raw_bytes, s.stored_bytes
            ));
        }
        assert_eq!(a.codecs().count(), 1, "a dictionary was trained");
        results.push((
            summaries,
            contents(&a, &expected),
            std::fs::read(a.dir().join(STATS_FILE)).unwrap(),
            files(&a.dir().join("dicts")),
        ));
    }
    let (one, two) = (&results[0], &results[1]);
    assert_eq!(one.0, two.0);
    assert_eq!(one.1, two.1);
    assert_eq!(one.2, two.2, "the corpus statistics");
    assert_eq!(one.3, two.3, "the dictionary");
    assert_eq!(
        one.0,
        [
            "4199 new, 1 versions, 0 unchanged, 3367031 raw, 653281 stored",
            "998 new, 2503 versions, 0 unchanged, 2893556 raw, 145083 stored"
        ]
    );
    // Near-copies of other documents and version deltas were chosen, not only whole blobs.
    let all = one.1.join("\n");
    assert!(
        all.contains("of: Some("),
        "no near-copy of another document"
    );
    assert!(
        all.contains("of: None"),
        "no inline delta against a version"
    );
}

/// The archive's first dictionary trained by a later batch of an import, while the
/// batch before it is written with documents the writer compresses itself (their keys
/// are in the batch before that): an import on two threads still stores what one
/// thread stores, and those documents are compressed as their own batch was (without
/// the dictionary).
#[test]
fn a_dictionary_trained_beside_a_written_batch_gives_the_same_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let mut words = Words(0x2545_f491_4f6c_dd1d);
    let first: Vec<(String, String)> = (0..100).map(|i| (format!("k{i}"), words.page(i))).collect();
    // Two batches of new versions of the same 100 keys (too few new documents to
    // train on), then 600 new documents: the third batch trains.
    let mut second: Vec<(String, String)> = (0..2 * 2048)
        .map(|i| (format!("k{}", i % 100), words.page(i)))
        .collect();
    second.extend((0..600).map(|i| (format!("n{i}"), words.page(i))));
    let (one, two, expected) = two_imports(tmp.path(), &first, &second);
    let mut results = Vec::new();
    for jobs in [1, 2] {
        let a = Archive::open_or_create(&tmp.path().join(format!("a{jobs}"))).unwrap();
        let opts = ImportOptions {
            jobs: Some(jobs),
            ..ImportOptions::default()
        };
        for input in [&one, &two] {
            let s = import_paths(&a, std::slice::from_ref(input), &opts, &NoProgress).unwrap();
            assert!(s.failed.is_empty(), "{:?}", s.failed);
        }
        assert_eq!(a.codecs().count(), 1, "a dictionary was trained");
        results.push((
            contents(&a, &expected),
            std::fs::read(a.dir().join(STATS_FILE)).unwrap(),
            files(&a.dir().join("dicts")),
        ));
    }
    assert_eq!(results[0], results[1]);
    // The versions of the second batch (its keys were in the first) are whole blobs
    // without the dictionary; the new documents use it.
    let blobs = |codec: &str| {
        results[0]
            .0
            .iter()
            .filter(|l| l.starts_with("  blob ") && l.ends_with(codec))
            .count()
    };
    assert!(blobs(" Zstd") > 0, "no blob without the dictionary");
    assert!(
        blobs(" ZstdDict { dict_id: 1 }") > 0,
        "no blob with the dictionary"
    );
}
