//! Corruption: bytes flipped in the archive's files. `verify` names the damaged documents
//! and exits 1, `cat` of a damaged document fails clearly, other documents still read,
//! and nothing panics.

use std::path::Path;

use wenku_tests::{seed_names, seeds_dir, wk};

fn flip(path: &Path, at: u64) {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap();
    let mut b = [0u8; 1];
    f.seek(SeekFrom::Start(at)).unwrap();
    f.read_exact(&mut b).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    f.write_all(&[b[0] ^ 0x5A]).unwrap();
}

fn pack(archive: &Path) -> std::path::PathBuf {
    archive.join("packs/pack-00000001.wpk")
}

#[test]
fn a_damaged_blob_is_named_and_never_returned() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", seeds_dir().to_str().unwrap()]).code, 0);
    // Find where 002 lies in the pack and damage it.
    let arch = wenku_core::Archive::open(&a).unwrap();
    let (_, rec) = arch.version("002_d66d1dd5df9fb961.txt", None).unwrap();
    let blob = arch.blobs().record(&rec.blob).unwrap().unwrap();
    let wenku_core::records::BlobBody::Packed { offset, len, .. } = blob.body else {
        panic!("packed")
    };
    drop(arch);
    flip(&pack(&a), offset + len / 2);

    let r = wk(&a, &["--json", "verify"]);
    assert_eq!(r.code, 1);
    let v = r.json();
    let damaged: Vec<&str> = v["damaged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["key"].as_str().unwrap())
        .collect();
    assert_eq!(damaged, ["002_d66d1dd5df9fb961.txt"]);
    let r = wk(&a, &["verify"]);
    assert!(
        r.stderr
            .starts_with("damaged: 002_d66d1dd5df9fb961.txt@1: "),
        "{}",
        r.stderr
    );

    let r = wk(&a, &["cat", "--raw", "002_d66d1dd5df9fb961.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, b"");
    assert!(
        r.stderr
            .starts_with("wenku: error: 002_d66d1dd5df9fb961.txt@1 is damaged: "),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .trim_end()
            .ends_with("run `wenku verify` to list every damaged document"),
        "{}",
        r.stderr
    );
    for n in seed_names().iter().filter(|n| !n.starts_with("002")) {
        assert_eq!(
            wk(&a, &["cat", "--raw", n]).stdout,
            std::fs::read(seeds_dir().join(n)).unwrap(),
            "{n}"
        );
    }
}

#[test]
fn a_damaged_dictionary_and_a_damaged_delta_base_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let docs = tmp.path().join("docs");
    wenku_tests::bench::write_generated_corpus(&docs, 400);
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    // A second version of one document: a small edit, kept as an inline splice of
    // the first; a third: a large edit, a blob delta against the first.
    let first = docs.join("00/doc-000000.txt");
    let mut text = std::fs::read_to_string(&first).unwrap();
    text.push_str("更正。\n");
    std::fs::write(&first, &text).unwrap();
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    let other = std::fs::read_to_string(docs.join("01/doc-000001.txt")).unwrap();
    text.extend(other.chars().rev());
    std::fs::write(&first, &text).unwrap();
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    let stats = wk(&a, &["--json", "stats"]).json();
    assert_eq!(stats["dictionaries"], 1);
    assert_eq!(stats["codecs"]["splice-inline"], 1);
    assert_eq!(stats["codecs"]["zstd-delta"], 1);

    let arch = wenku_core::Archive::open(&a).unwrap();
    let (_, v1) = arch.version("00/doc-000000.txt", Some(1)).unwrap();
    let base = arch.blobs().record(&v1.blob).unwrap().unwrap();
    drop(arch);
    // Damage the base: version 1 and the versions that are deltas against it are reported.
    let wenku_core::records::BlobBody::Packed { offset, .. } = base.body else {
        panic!("packed")
    };
    flip(&pack(&a), offset + 3);
    let v = wk(&a, &["--json", "verify"]).json();
    let damaged: Vec<(String, u64)> = v["damaged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap().to_string(),
                d["version"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        damaged,
        [
            ("00/doc-000000.txt".to_string(), 1),
            ("00/doc-000000.txt".to_string(), 2),
            ("00/doc-000000.txt".to_string(), 3)
        ]
    );

    // Damage the dictionary in the catalog: no panic, clear errors.
    let catalog = a.join("catalog.wlog");
    let len = std::fs::metadata(&catalog).unwrap().len();
    flip(&catalog, len / 2);
    for args in [
        &["verify"][..],
        &["ls"][..],
        &["cat", "--raw", "00/doc-000001.txt"][..],
    ] {
        let r = wk(&a, args);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
        assert!(matches!(r.code, 0..=2), "{args:?} exit {}", r.code);
    }
}

#[test]
fn bytes_flipped_anywhere_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", seeds_dir().to_str().unwrap()]).code, 0);
    let clean = tmp.path().join("clean");
    copy_dir(&a, &clean);
    let mut rng = wenku_tests::bench::Rng::new(9);
    for round in 0..10 {
        let _ = std::fs::remove_dir_all(&a);
        copy_dir(&clean, &a);
        let target = if round % 2 == 0 {
            pack(&a)
        } else {
            largest_file(&a.join("index"))
        };
        let len = std::fs::metadata(&target).unwrap().len();
        for _ in 0..4 {
            flip(&target, rng.below(len as usize) as u64);
        }
        for args in [
            &["verify"][..],
            &["ls"][..],
            &["cat", "--raw", "003_4c023f02afb06f96.txt"][..],
            &["stats"][..],
        ] {
            let r = wk(&a, args);
            assert!(
                !r.stderr.contains("panicked"),
                "round {round} {args:?}: {}",
                r.stderr
            );
            assert!(
                matches!(r.code, 0..=2),
                "round {round} {args:?}: exit {} {}",
                r.code,
                r.stderr
            );
            if args[0] == "cat" && r.code == 0 {
                assert_eq!(
                    r.stdout,
                    std::fs::read(seeds_dir().join("003_4c023f02afb06f96.txt")).unwrap(),
                    "wrong bytes returned as good"
                );
            }
        }
    }
}

/// The largest file under `dir` (the index's main data file).
fn largest_file(dir: &Path) -> std::path::PathBuf {
    let files = wenku_tests::tree_bytes(dir);
    let (rel, _) = files.iter().max_by_key(|(_, b)| b.len()).unwrap();
    dir.join(rel)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}
