//! One program, one thread, two archives whose dictionaries have the same id but not the
//! same bytes: each archive compresses and reads with its own dictionary.

use std::collections::BTreeMap;
use std::path::Path;

use wenku_core::import::{import_paths, ImportOptions, NoProgress};
use wenku_core::Archive;

/// `n` documents in `dir` built from `words` (so that two corpora train different
/// dictionaries); returns key → bytes.
fn corpus(dir: &Path, words: &[&str], n: usize) -> BTreeMap<String, Vec<u8>> {
    std::fs::create_dir_all(dir).unwrap();
    let mut out = BTreeMap::new();
    let mut x = 0x9E3779B97F4A7C15u64 ^ words.len() as u64;
    for i in 0..n {
        let mut text = format!("# {} {i}\n\n", words[i % words.len()]);
        for _ in 0..300 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(words[(x % words.len() as u64) as usize]);
            text.push(if x.is_multiple_of(11) { '\n' } else { ' ' });
        }
        let key = format!("doc-{i:04}.md");
        std::fs::write(dir.join(&key), &text).unwrap();
        out.insert(key, text.into_bytes());
    }
    out
}

#[test]
fn two_archives_with_different_dictionaries_read_correctly_on_one_thread() {
    let tmp = tempfile::tempdir().unwrap();
    let news = [
        "香港", "政府", "今日", "宣布", "新聞", "記者", "市民", "經濟", "發展", "會議", "報道",
        "社會", "交通", "天氣", "醫院",
    ];
    let code = [
        "fn", "let", "mut", "struct", "impl", "match", "Some", "None", "return", "self", "Vec",
        "String", "usize", "loop", "break",
    ];
    let docs_a = corpus(&tmp.path().join("a-docs"), &news, 400);
    let docs_b = corpus(&tmp.path().join("b-docs"), &code, 400);
    let a = Archive::open_or_create(&tmp.path().join("a")).unwrap();
    let b = Archive::open_or_create(&tmp.path().join("b")).unwrap();
    let opts = ImportOptions {
        jobs: Some(1),
        ..Default::default()
    };
    // Both imports on this thread's pool of one, one after the other.
    import_paths(&a, &[tmp.path().join("a-docs")], &opts, &NoProgress).unwrap();
    import_paths(&b, &[tmp.path().join("b-docs")], &opts, &NoProgress).unwrap();
    let (da, db) = (a.codecs().current().unwrap(), b.codecs().current().unwrap());
    assert_eq!((da.id, db.id), (1, 1), "both archives trained dictionary 1");
    // Interleaved reads: a context prepared for one archive's dictionary must never
    // serve the other's.
    for ((ka, va), (kb, vb)) in docs_a.iter().zip(&docs_b) {
        assert_eq!(&a.read(ka, None).unwrap().bytes, va);
        assert_eq!(&b.read(kb, None).unwrap().bytes, vb);
    }
    assert!(a.verify().unwrap().is_clean());
    assert!(b.verify().unwrap().is_clean());
}
