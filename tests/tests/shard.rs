//! `wenku export --shard I/N`: disjoint parts that together are the whole export.

use wenku_tests::{seeds_dir, wk};

#[test]
fn shards_are_disjoint_and_their_union_is_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let docs = tmp.path().join("docs");
    for i in 0..60 {
        let dir = docs.join(["news", "blog", "wiki"][i % 3]);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{i}.txt")), format!("文件 {i}\n")).unwrap();
    }
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    assert_eq!(wk(&a, &["import", seeds_dir().to_str().unwrap()]).code, 0);
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--format", "jsonl", "--out", "-"];
        args.extend_from_slice(extra);
        let r = wk(&a, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout_str()
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let full = export(&[]);
    assert_eq!(full.len(), 65);
    let mut union = Vec::new();
    for i in 0..4 {
        let part = export(&["--shard", &format!("{i}/4")]);
        assert!(!part.is_empty(), "shard {i}/4 is empty");
        for line in &part {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let key = v["id"].as_str().unwrap();
            // The documented hash: first 8 bytes of BLAKE3 of the key, little-endian, mod N.
            let h = blake3::hash(key.as_bytes());
            let n = u64::from_le_bytes(h.as_bytes()[..8].try_into().unwrap());
            assert_eq!(n % 4, i, "{key}");
        }
        union.extend(part);
    }
    union.sort();
    let mut sorted = full.clone();
    sorted.sort();
    assert_eq!(union, sorted);
    // The manifest names the shard.
    let out = tmp.path().join("part.jsonl");
    let r = wk(
        &a,
        &[
            "export",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
            "--shard",
            "1/4",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(tmp.path().join("part.jsonl.manifest.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["shard"], "1/4");
    // A shard that does not exist is a usage error that says what to give.
    let r = wk(
        &a,
        &[
            "export", "--format", "jsonl", "--out", "-", "--shard", "4/4",
        ],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "wenku: error: shard 4/4 does not exist: give I/N with 0 <= I < N (for example 0/4 to 3/4)"
    );
}
