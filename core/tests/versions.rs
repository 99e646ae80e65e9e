//! Property test: any sequence of edits imported as successive versions reads back
//! byte-exact, version by version — through dictionaries, deltas, chains at their cap,
//! and after `compact` rewrites them.

use proptest::prelude::*;
use wenku_core::compact::{compact, CompactOptions};
use wenku_core::import::{import_paths, ImportOptions, NoProgress};
use wenku_core::records::Source;
use wenku_core::Archive;

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, String),
}

fn apply(text: &mut Vec<u8>, e: &Edit) {
    let at = |p: usize, t: &Vec<u8>| if t.is_empty() { 0 } else { p % (t.len() + 1) };
    match e {
        Edit::Insert(p, s) => {
            let i = at(*p, text);
            text.splice(i..i, s.bytes());
        }
        Edit::Delete(p, n) => {
            let i = at(*p, text);
            let j = (i + n).min(text.len());
            text.drain(i..j);
        }
        Edit::Replace(p, s) => {
            let i = at(*p, text);
            let j = (i + s.len()).min(text.len());
            text.splice(i..j, s.bytes());
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), "\\PC{1,40}").prop_map(|(p, s)| Edit::Insert(p, s)),
        (any::<usize>(), 1usize..200).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), "[a-z中文，。]{1,20}").prop_map(|(p, s)| Edit::Replace(p, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn every_version_of_an_edit_sequence_reads_back(edits in proptest::collection::vec(edit(), 1..12)) {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(&tmp.path().join("a")).unwrap();
        let file = tmp.path().join("doc.txt");
        let mut text = std::fs::read("../tests/data/seeds/003_4c023f02afb06f96.txt").unwrap();
        let mut versions = Vec::new();
        let opts = ImportOptions::default();
        for e in std::iter::once(None).chain(edits.iter().map(Some)) {
            if let Some(e) = e {
                apply(&mut text, e);
            }
            std::fs::write(&file, &text).unwrap();
            import_paths(&archive, std::slice::from_ref(&file), &opts, &NoProgress).unwrap();
            if versions.last() != Some(&text) {
                versions.push(text.clone());
            }
        }
        let check = |a: &Archive| {
            let head = a.head("doc.txt").unwrap().unwrap();
            prop_assert_eq!(head.latest as usize, versions.len());
            for (i, v) in versions.iter().enumerate() {
                let doc = a.read("doc.txt", Some(i as u32 + 1)).unwrap();
                prop_assert_eq!(&doc.bytes, v, "version {}", i + 1);
            }
            prop_assert!(a.verify().unwrap().is_clean());
            Ok(())
        };
        check(&archive)?;
        compact(&archive, &CompactOptions { level: 5 }, &NoProgress).unwrap();
        check(&archive)?;
    }
}

/// Import `versions` successive contents of `doc.txt`.
fn import_versions(archive: &Archive, dir: &std::path::Path, versions: &[Vec<u8>]) {
    let file = dir.join("doc.txt");
    for v in versions {
        std::fs::write(&file, v).unwrap();
        import_paths(
            archive,
            std::slice::from_ref(&file),
            &ImportOptions::default(),
            &NoProgress,
        )
        .unwrap();
    }
}

/// (codec name, chain depth) of every version of `doc.txt`, oldest first.
fn codecs_of(archive: &Archive) -> Vec<(&'static str, u32)> {
    use wenku_core::records::Codec;
    archive
        .versions("doc.txt")
        .unwrap()
        .iter()
        .map(|(_, r)| match &r.delta {
            Some(d) => ("inline", d.depth),
            None => match archive.blobs().record(&r.blob).unwrap().unwrap().codec {
                Codec::ZstdDelta { depth, .. } => ("delta", depth),
                Codec::Stored => ("stored", 0),
                _ => ("full", 0),
            },
        })
        .collect()
}

#[test]
fn a_long_history_keeps_one_full_copy_and_bounded_chains() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open_or_create(&tmp.path().join("a")).unwrap();
    let mut text = std::fs::read("../tests/data/seeds/003_4c023f02afb06f96.txt").unwrap();
    let mut versions = Vec::new();
    for i in 0..12 {
        text.extend_from_slice(format!("\n第{i}次修订。").as_bytes());
        versions.push(text.clone());
    }
    import_versions(&archive, tmp.path(), &versions);
    // Chains of at most 4; when the previous version's chain is full, the next delta is
    // taken against the chain's root, so only version 1 is a full copy. Small edits are
    // kept in the version records.
    let expected = [
        ("full", 0),
        ("inline", 1),
        ("inline", 2),
        ("inline", 3),
        ("inline", 4),
        ("inline", 1),
        ("inline", 2),
        ("inline", 3),
        ("inline", 4),
        ("inline", 1),
        ("inline", 2),
        ("inline", 3),
    ];
    assert_eq!(codecs_of(&archive), expected);
    for (i, v) in versions.iter().enumerate() {
        assert_eq!(
            &archive.read("doc.txt", Some(i as u32 + 1)).unwrap().bytes,
            v
        );
    }
    // The path is stored once: later versions name version 1 as their source.
    let path = tmp.path().join("doc.txt").display().to_string();
    for (n, rec) in archive.versions("doc.txt").unwrap() {
        let expected = if n == 1 {
            Source::BeforeKey(path.strip_suffix("doc.txt").unwrap().to_string())
        } else {
            Source::AsVersion(1)
        };
        assert_eq!(rec.source, expected, "version {n}");
        assert_eq!(archive.source("doc.txt", &rec), path);
    }
    // compact plans the same shape.
    compact(&archive, &CompactOptions { level: 5 }, &NoProgress).unwrap();
    assert_eq!(codecs_of(&archive), expected);
    for (i, v) in versions.iter().enumerate() {
        assert_eq!(
            &archive.read("doc.txt", Some(i as u32 + 1)).unwrap().bytes,
            v
        );
    }
    assert!(archive.verify().unwrap().is_clean());
}

#[test]
fn large_and_small_edits_mix_blob_and_inline_deltas() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open_or_create(&tmp.path().join("a")).unwrap();
    let seed = std::fs::read("../tests/data/seeds/003_4c023f02afb06f96.txt").unwrap();
    let mut text = seed.clone();
    let mut versions = Vec::new();
    // A large edit (a different 4 KB appended: its delta exceeds INLINE_MAX) every third
    // version, small ones between.
    for i in 0..15u32 {
        if i % 3 == 1 {
            let start = (i as usize * 977) % (seed.len() - 4096);
            let mut chunk: Vec<u8> = seed[start..start + 4096].to_vec();
            chunk.reverse();
            text.extend_from_slice(&chunk);
        } else {
            text.extend_from_slice(format!("\n第{i}次修订。").as_bytes());
        }
        versions.push(text.clone());
    }
    import_versions(&archive, tmp.path(), &versions);
    // Large edits are blob deltas (also after an inline one: against the blob the inline
    // chain starts from), small ones inline; only version 1 is stored whole. Version 10 is
    // a small edit whose chain is full and whose root is a blob delta: its base is a blob
    // found through the blob chains, so it is a blob delta too.
    assert_eq!(
        codecs_of(&archive),
        [
            ("full", 0),
            ("delta", 1),
            ("inline", 2),
            ("inline", 3),
            ("delta", 2),
            ("inline", 3),
            ("inline", 4),
            ("delta", 3),
            ("inline", 4),
            ("delta", 4),
            ("delta", 1),
            ("inline", 2),
            ("inline", 3),
            ("inline", 4),
            ("delta", 2),
        ]
    );
    let check = |a: &Archive, versions: &[Vec<u8>]| {
        let shape = codecs_of(a);
        assert!(shape.iter().all(|(_, d)| *d <= 4), "{shape:?}");
        assert!(shape.iter().any(|(c, _)| *c == "inline"), "{shape:?}");
        for (i, v) in versions.iter().enumerate() {
            assert_eq!(
                &a.read("doc.txt", Some(i as u32 + 1)).unwrap().bytes,
                v,
                "v{}",
                i + 1
            );
        }
        assert!(a.verify().unwrap().is_clean());
    };
    check(&archive, &versions);
    compact(&archive, &CompactOptions { level: 5 }, &NoProgress).unwrap();
    check(&archive, &versions);
    // New versions after compact still chain correctly.
    text.extend_from_slice("\n最后一次修订。".as_bytes());
    versions.push(text.clone());
    import_versions(&archive, tmp.path(), &versions[versions.len() - 1..]);
    check(&archive, &versions);
}

/// Write `n` distinct small documents under `dir`, each `tag`ged.
fn write_docs(dir: &std::path::Path, n: usize, tag: &str) {
    let seed = std::fs::read_to_string("../tests/data/seeds/003_4c023f02afb06f96.txt").unwrap();
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let start = (i * 37) % (seed.len() / 2);
        let start = (start..seed.len())
            .find(|&s| seed.is_char_boundary(s))
            .unwrap();
        let body: String = seed[start..].chars().take(600).collect();
        std::fs::write(
            dir.join(format!("d{i:04}.txt")),
            format!("{i} {tag}\n{body}"),
        )
        .unwrap();
    }
}

#[test]
fn dictionaries_come_from_new_documents_and_unused_ones_go() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open_or_create(&tmp.path().join("a")).unwrap();
    let docs = tmp.path().join("docs");
    let opts = ImportOptions::default();
    // 200 documents: too few to train on.
    write_docs(&docs, 200, "v1");
    import_paths(&archive, std::slice::from_ref(&docs), &opts, &NoProgress).unwrap();
    assert_eq!(archive.stats().unwrap().dictionaries, 0);
    // 200 new versions of the same documents: still 200 documents, still no dictionary.
    write_docs(&docs, 200, "v2");
    import_paths(&archive, std::slice::from_ref(&docs), &opts, &NoProgress).unwrap();
    assert_eq!(archive.stats().unwrap().dictionaries, 0);
    // 400 documents: one is trained.
    write_docs(&docs, 400, "v3");
    import_paths(&archive, std::slice::from_ref(&docs), &opts, &NoProgress).unwrap();
    assert_eq!(archive.stats().unwrap().dictionaries, 1);
    // compact trains its own (or uses none) and keeps no dictionary that nothing uses.
    let report = compact(&archive, &CompactOptions { level: 5 }, &NoProgress).unwrap();
    let stats = archive.stats().unwrap();
    assert_eq!(stats.dictionaries, u64::from(report.dictionary.is_some()));
    assert_eq!(report.dictionaries_removed, 1);
    assert!(archive.verify().unwrap().is_clean());
}
