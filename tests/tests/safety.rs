//! Data safety: wenku's own commands never destroy an archive. Export and import never
//! write into or read from an archive's files; damage heals by re-importing and never
//! spreads through compact; a dictionary is repaired from its parity; every decompression is
//! capped per record; exports appear only when complete; ids keep their exact text.

use std::io::Write;
use std::path::{Path, PathBuf};

use wenku_tests::{copy_seeds, run, seed_names, seeds_dir, tree_bytes, wenku, wk};

/// An archive at `dir/.wenku` holding the seeds under `docs/`; returns the archive.
fn seeded(dir: &Path) -> PathBuf {
    let a = dir.join(".wenku");
    copy_seeds(&dir.join("docs"));
    let r = wk(&a, &["import", dir.join("docs").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    a
}

/// Every seed reads back byte-exact under `docs/`-relative keys.
fn assert_seeds_intact(a: &Path) {
    for n in seed_names() {
        let r = wk(a, &["cat", "--raw", &n]);
        assert_eq!(r.code, 0, "{n}: {}", r.stderr);
        assert!(
            r.stdout == std::fs::read(seeds_dir().join(&n)).unwrap(),
            "{n} does not read back byte-exact"
        );
    }
    let v = wk(a, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stderr);
}

/// The files that are the archive (packs, catalog, dictionaries, FORMAT), by
/// path, with their bytes (the lock file and the rebuildable index are left out).
fn truth(a: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    tree_bytes(a)
        .into_iter()
        .filter(|(p, _)| {
            let first = p.components().next().unwrap().as_os_str().to_str().unwrap();
            matches!(first, "packs" | "catalog.wlog" | "dicts" | "FORMAT")
        })
        .collect()
}

fn keys(a: &Path) -> Vec<String> {
    let r = wk(a, &["ls"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout_str().lines().map(str::to_string).collect()
}

/// A `wenku` command run in `cwd`.
fn wk_in(cwd: &Path, a: &Path, args: &[&str]) -> wenku_tests::Run {
    let mut c = wenku(a);
    c.current_dir(cwd).args(args);
    run(c, b"")
}

#[test]
fn import_skips_archives_and_export_never_writes_into_one() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let a = seeded(w);
    // `wenku import .` in the folder that holds the archive: the archive is skipped and
    // said so; only the seeds are documents.
    let r = wk_in(w, &a, &["import", "."]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().next().unwrap(),
        "note: ./.wenku: a wenku archive; skipped (an import never reads an archive's files as documents — to copy its documents, export them and import that)"
    );
    let mut expected: Vec<String> = seed_names();
    expected.extend(seed_names().iter().map(|n| format!("docs/{n}")));
    expected.sort();
    assert_eq!(keys(&a), expected);
    // A pack file given directly is skipped the same way.
    let pack = a.join("packs/pack-00000001.wpk");
    let r = wk(&a, &["import", pack.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("a wenku archive; skipped"),
        "{}",
        r.stderr
    );
    assert_eq!(keys(&a), expected);

    let before = truth(&a);
    assert!(before.contains_key(Path::new("packs/pack-00000001.wpk")));
    // An export into the folder that holds the archive, with --force.
    let r = wk_in(w, &a, &["export", "--raw", "--out", ".", "--force"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: --out . contains the archive {}; an export never writes into an archive — choose an output outside it\n", a.display())
    );
    // A record whose key names a pack, exported into the archive itself.
    let jsonl = w.join("evil.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"packs/pack-00000001.wpk\",\"text\":\"overwritten\"}\n",
    )
    .unwrap();
    let other = w.join("other");
    assert_eq!(wk(&other, &["import", jsonl.to_str().unwrap()]).code, 0);
    for format in ["dir", "jsonl", "tar"] {
        let r = wk(
            &other,
            &[
                "export",
                "--raw",
                "--format",
                format,
                "--out",
                a.to_str().unwrap(),
                "--force",
            ],
        );
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        assert!(
            r.stderr.contains("an export never writes into an archive"),
            "{}",
            r.stderr
        );
        let inside = a.join("packs");
        let r = wk(
            &other,
            &[
                "export",
                "--raw",
                "--format",
                format,
                "--out",
                inside.to_str().unwrap(),
                "--force",
            ],
        );
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        assert!(
            r.stderr.contains("is inside the wenku archive"),
            "{}",
            r.stderr
        );
    }
    // Nothing in the archive changed, and every document reads back.
    assert!(truth(&a) == before, "the archive's files changed");
    assert_seeds_intact(&a);
}

/// Flip one byte inside the body of the first blob entry of the first pack.
fn damage_first_blob(a: &Path) {
    let p = a.join("packs/pack-00000001.wpk");
    let mut b = std::fs::read(&p).unwrap();
    let second = b
        .windows(4)
        .enumerate()
        .skip(1)
        .find(|(_, w)| *w == b"WKE3")
        .map(|(i, _)| i)
        .unwrap();
    b[second - 10] ^= 0xff;
    std::fs::write(&p, b).unwrap();
}

#[test]
fn damage_is_refused_by_compact_and_healed_by_reimport() {
    let tmp = tempfile::tempdir().unwrap();
    let a = seeded(tmp.path());
    damage_first_blob(&a);
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 1);
    let damaged: Vec<&str> = v
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("damaged: "))
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(damaged.len(), 1, "{}", v.stderr);
    let key_version = damaged[0].to_string();

    // compact would rewrite the damaged bytes into new packs: refused, by name, and
    // nothing changes.
    let before = truth(&a);
    let r = wk(&a, &["compact"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "wenku: error: archive {} is damaged: 1 damaged blob(s) used by 1 version(s): {key_version}; compact would carry the damage forward, so nothing was changed — import the original files of these documents again (that replaces the damaged bytes), then compact; run `wenku verify` to list every damaged document\n",
            a.display()
        )
    );
    assert!(truth(&a) == before, "a refused compact changed the archive");

    // Importing the originals again heals the damaged blob (no new version).
    let r = wk(
        &a,
        &[
            "--json",
            "import",
            tmp.path().join("docs").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = r.json();
    assert_eq!(
        (
            &s["new_documents"],
            &s["new_versions"],
            &s["unchanged"],
            &s["healed"]
        ),
        (&0.into(), &0.into(), &5.into(), &1.into())
    );
    let key = key_version.strip_suffix("@1").unwrap();
    assert_eq!(
        s["notes"][0].as_str().unwrap(),
        format!(
            "{}: the archive held these bytes damaged (key {key}); stored them again from this input",
            tmp.path().join("docs").join(key).display()
        )
    );
    assert_seeds_intact(&a);
    let r = wk(&a, &["compact"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_seeds_intact(&a);
    // Each compact leaves no empty pack behind.
    for _ in 0..2 {
        assert_eq!(wk(&a, &["compact"]).code, 0);
    }
    let packs: Vec<u64> = std::fs::read_dir(a.join("packs"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .collect();
    assert!(
        packs.iter().all(|&n| n > 0) && packs.len() <= 2,
        "packs after three compacts: {packs:?}"
    );
    assert_seeds_intact(&a);
}

#[test]
fn a_damaged_dictionary_is_repaired_from_its_parity() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    wenku_tests::bench::write_generated_corpus(&docs, 300);
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    let stats = wk(&a, &["--json", "stats"]).json();
    assert_eq!(stats["codecs"]["zstd-dict"], 300, "{stats}");
    let read_all = |a: &Path| {
        for e in walk(&docs) {
            let key = e.strip_prefix(&docs).unwrap().to_str().unwrap().to_string();
            let r = wk(a, &["cat", "--raw", &key]);
            assert_eq!(r.code, 0, "{key}: {}", r.stderr);
            assert!(r.stdout == std::fs::read(&e).unwrap(), "{key} differs");
        }
    };
    let file = a.join("dicts/dict-00000001.wdict");
    let pristine = std::fs::read(&file).unwrap();
    // A flipped bit in the middle of the dictionary's file, a zeroed 4 KiB page and a
    // flipped byte in each of its two headers: read through the parity.
    let mut b = pristine.clone();
    let mid = b.len() / 2;
    b[mid] ^= 1;
    b[8192..12288].fill(0);
    b[20] ^= 0xff;
    let n = b.len();
    b[n - 20] ^= 0xff;
    std::fs::write(&file, &b).unwrap();
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 1, "{}", v.stderr);
    assert!(
        v.stderr.ends_with(
            "damaged: dictionary 1 is damaged (both copies of its header are damaged); blobs compressed with it cannot be read\nchecked 300 versions, 300 blobs: 301 damaged\n"
        ),
        "{}",
        v.stderr
    );
    // (Both headers were hit: nothing tells how to read the rest. With one intact:)
    b[n - 20] ^= 0xff;
    std::fs::write(&file, &b).unwrap();
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stderr);
    read_all(&a);
    // A writer puts the repaired file back in place.
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    assert!(std::fs::read(&file).unwrap() == pristine);
    // A damaged catalog entry: the dictionary's file still names it.
    let catalog = a.join("catalog.wlog");
    let mut c = std::fs::read(&catalog).unwrap();
    let mid = c.len() / 2;
    c[mid] ^= 1;
    std::fs::write(&catalog, &c).unwrap();
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stderr);
    read_all(&a);
    // More damage than the parity rebuilds: every document is damaged, and re-importing
    // the originals heals them all.
    let mut d = pristine.clone();
    for at in (100..d.len() - 100).step_by(600) {
        d[at] ^= 1;
    }
    std::fs::write(&file, &d).unwrap();
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 1);
    let shards = (d.len() - 128) / 516;
    let hit = (100..d.len() - 100).step_by(600).count();
    assert!(
        v.stderr.ends_with(&format!(
            "damaged: dictionary 1 is damaged ({hit} of its {shards} shards are damaged, more than its 12 parity shards can rebuild); blobs compressed with it cannot be read\nchecked 300 versions, 300 blobs: 301 damaged\n"
        )),
        "{}",
        v.stderr
    );
    let r = wk(&a, &["--json", "import", docs.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["healed"], 300);
    // The damaged dictionary is still there, unused; compact drops it.
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 1);
    assert!(
        v.stderr
            .ends_with("checked 300 versions, 300 blobs: 1 damaged\n"),
        "{}",
        v.stderr
    );
    assert_eq!(wk(&a, &["compact"]).code, 0);
    assert!(!file.exists());
    assert_eq!(wk(&a, &["verify"]).code, 0);
    read_all(&a);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// A gzip stream that decodes to `mib` MiB of zeros (one small member repeated).
fn gzip_zeros(mib: usize) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![0u8; 1 << 20]).unwrap();
    let member = gz.finish().unwrap();
    member.repeat(mib)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn warc_record(uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

const FINE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nfine";

#[test]
fn gzip_bombs_fail_their_record_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    const BOMB_MIB: usize = 512;
    // 1. A .warc.gz whose one record decodes to 512 MiB.
    let whole = tmp.path().join("bomb.warc.gz");
    {
        let mut f = std::fs::File::create(&whole).unwrap();
        f.write_all(&gzip(
            format!(
                "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb/whole\r\nContent-Length: {}\r\n\r\n",
                BOMB_MIB << 20
            )
            .as_bytes(),
        ))
        .unwrap();
        f.write_all(&gzip_zeros(BOMB_MIB)).unwrap();
        f.write_all(&gzip(b"\r\n\r\n")).unwrap();
        f.write_all(&gzip(&warc_record("http://ok/whole", FINE)))
            .unwrap();
    }
    // 2. A WARC record whose HTTP body is gzip that decodes to 512 MiB.
    let coded = tmp.path().join("coded.warc");
    {
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gzip_zeros(BOMB_MIB));
        let mut w = warc_record("http://bomb/coded", &block);
        w.extend(warc_record("http://ok/coded", FINE));
        std::fs::write(&coded, w).unwrap();
    }
    // 3. A .jsonl.gz with one line of 512 MiB.
    let jsonl = tmp.path().join("bomb.jsonl.gz");
    {
        let mut f = std::fs::File::create(&jsonl).unwrap();
        f.write_all(&gzip(b"{\"id\":\"bomb\",\"text\":\"")).unwrap();
        f.write_all(&gzip_zeros(BOMB_MIB)).unwrap();
        f.write_all(&gzip(b"\"}\n{\"id\":\"ok/jsonl\",\"text\":\"fine\"}\n"))
            .unwrap();
    }
    let a = tmp.path().join("arch");
    for (file, failed, error) in [
        (
            &whole,
            format!("{}#record 1", whole.display()),
            "record of 536870912 bytes is larger than the record limit of 67108864 bytes; skipped (raise it with --max-record)",
        ),
        (
            &coded,
            format!("{}#record 1 (http://bomb/coded)", coded.display()),
            "gzip body decodes to more than the record limit of 67108864 bytes; skipped (raise it with --max-record)",
        ),
        (
            &jsonl,
            format!("{}:1", jsonl.display()),
            "line longer than the record limit of 67108864 bytes; skipped (raise it with --max-record)",
        ),
    ] {
        let mut c = wenku(&a);
        c.args(["import", file.to_str().unwrap()]);
        let (code, peak_kib) = wenku_tests::run_peak_rss(c);
        assert_eq!(code, 1, "{}", file.display());
        assert!(
            peak_kib < 200 * 1024,
            "peak RSS {peak_kib} KiB importing {}",
            file.display()
        );
        // The same import again, to see what it said (nothing new is stored).
        let r = wk(&a, &["--json", "import", file.to_str().unwrap()]);
        assert_eq!(r.code, 1);
        let s = r.json();
        assert_eq!(s["failed"].as_array().unwrap().len(), 1, "{s}");
        assert_eq!(s["failed"][0]["input"], failed.as_str());
        assert_eq!(s["failed"][0]["error"], error);
    }
    assert_eq!(keys(&a), ["http://ok/coded", "http://ok/whole", "ok/jsonl"]);
    for k in keys(&a) {
        assert_eq!(wk(&a, &["cat", "--raw", &k]).stdout, b"fine");
    }
}

#[test]
fn a_wrong_warc_length_fails_that_record_only() {
    let tmp = tempfile::tempdir().unwrap();
    let body = b"HTTP/1.1 200 OK\r\n\r\nfirst page";
    let mut w = warc_record("http://a/", body);
    let lie = format!("Content-Length: {}", body.len());
    let text = String::from_utf8(w.clone()).unwrap();
    w = text
        .replacen(&lie, &format!("Content-Length: {}", body.len() + 100), 1)
        .into_bytes();
    w.extend(warc_record(
        "http://b/",
        b"HTTP/1.1 200 OK\r\n\r\nsecond page",
    ));
    w.extend(warc_record(
        "http://c/",
        "HTTP/1.1 200 OK\r\n\r\n第三页 and more text to make it long enough to hold the rest"
            .as_bytes(),
    ));
    let file = tmp.path().join("lie.warc");
    std::fs::write(&file, w).unwrap();
    let a = tmp.path().join("arch");
    let r = wk(&a, &["--json", "import", file.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let s = r.json();
    assert_eq!(s["new_documents"], 2);
    assert_eq!(
        s["failed"][0]["input"],
        format!("{}#record 1", file.display())
    );
    assert_eq!(
        s["failed"][0]["error"],
        "Content-Length 129 does not end where the record ends (the next record starts inside it); skipped"
    );
    assert_eq!(keys(&a), ["http://b/", "http://c/"]);
    // --max-record sets the record limit: the Chinese page is over 40 bytes, and the
    // record after it is read.
    let second = b"HTTP/1.1 200 OK\r\n\r\nsecond page";
    let third = "HTTP/1.1 200 OK\r\n\r\n第三页 and more text".as_bytes();
    let mut w = warc_record("http://c/", third);
    w.extend(warc_record("http://b/", second));
    let file = tmp.path().join("big.warc");
    std::fs::write(&file, w).unwrap();
    let b = tmp.path().join("small");
    let r = wk(
        &b,
        &[
            "--json",
            "import",
            "--max-record",
            "40",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 1);
    let s = r.json();
    assert_eq!(
        s["failed"][0]["input"],
        format!("{}#record 1", file.display())
    );
    assert_eq!(
        s["failed"][0]["error"],
        format!("record of {} bytes is larger than the record limit of 40 bytes; skipped (raise it with --max-record)", third.len())
    );
    assert_eq!(keys(&b), ["http://b/"]);
    assert_eq!(
        wk(&a, &["cat", "--raw", "http://b/"]).stdout,
        b"second page"
    );
    assert_eq!(
        wk(&a, &["cat", "--raw", "http://c/"]).stdout,
        "第三页 and more text to make it long enough to hold the rest".as_bytes()
    );
}

#[test]
fn jsonl_ids_keep_their_exact_text() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("ids.jsonl");
    std::fs::write(
        &file,
        "{\"id\":123456789012345678901,\"text\":\"a\"}\n{\"id\":123456789012345678902,\"text\":\"b\"}\n{\"id\":7,\"text\":\"c\"}\n{\"id\":\"7\",\"text\":\"d\"}\n",
    )
    .unwrap();
    let a = tmp.path().join("arch");
    let r = wk(&a, &["--json", "import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["new_documents"], 4);
    let want = [
        ("\"7\"", "d"),
        ("123456789012345678901", "a"),
        ("123456789012345678902", "b"),
        ("7", "c"),
    ];
    assert_eq!(keys(&a), want.map(|(k, _)| k));
    for (k, body) in want {
        assert_eq!(wk(&a, &["cat", "--raw", k]).stdout, body.as_bytes());
    }
    // A JSONL export writes ids that import back to the same documents.
    let out = tmp.path().join("out.jsonl");
    let r = wk(
        &a,
        &[
            "export",
            "--raw",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| l.split(",\"metadata\"").next().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "{\"id\":\"7\"",
            "{\"id\":123456789012345678901",
            "{\"id\":123456789012345678902",
            "{\"id\":7"
        ]
    );
    let b = tmp.path().join("again");
    assert_eq!(wk(&b, &["import", out.to_str().unwrap()]).code, 0);
    assert_eq!(keys(&b), want.map(|(k, _)| k));
    for (k, body) in want {
        assert_eq!(wk(&b, &["cat", "--raw", k]).stdout, body.as_bytes());
    }
}

#[test]
fn force_replaces_an_earlier_export_without_following_symlinks() {
    let tmp = tempfile::tempdir().unwrap();
    let a = seeded(tmp.path());
    let out = tmp.path().join("out");
    let r = wk(&a, &["export", "--raw", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Someone puts symlinks into the earlier export: one in place of a document, one
    // folder pointing outside.
    let victim = tmp.path().join("victim.txt");
    std::fs::write(&victim, b"not yours").unwrap();
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let first = &seed_names()[0];
    std::fs::remove_file(out.join(first)).unwrap();
    std::os::unix::fs::symlink(&victim, out.join(first)).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("linked")).unwrap();
    // An export of part of the archive replaces it: no stale file stays.
    let r = wk(
        &a,
        &[
            "export",
            "--raw",
            "--out",
            out.to_str().unwrap(),
            "--force",
            "--prefix",
            "00",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&victim).unwrap(), b"not yours");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut want: Vec<String> = seed_names()
        .into_iter()
        .filter(|n| n.starts_with("00"))
        .collect();
    want.push("manifest.json".into());
    want.sort();
    assert_eq!(files, want);
    for n in want.iter().filter(|n| *n != "manifest.json") {
        let p = out.join(n);
        assert!(!p.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(
            std::fs::read(&p).unwrap(),
            std::fs::read(seeds_dir().join(n)).unwrap()
        );
    }
    // A folder that is not an earlier export is not replaced, even with --force.
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), b"keep").unwrap();
    let r = wk(
        &a,
        &[
            "export",
            "--raw",
            "--out",
            mine.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: {} is not an earlier wenku export (no manifest.json of wenku); --force replaces only an earlier export — choose another --out or empty it yourself\n", mine.display())
    );
    assert_eq!(std::fs::read(mine.join("notes.txt")).unwrap(), b"keep");
    // A --force JSONL export over one with a symlinked manifest replaces the link.
    let jl = tmp.path().join("out.jsonl");
    let jm = tmp.path().join("out.jsonl.manifest.json");
    std::os::unix::fs::symlink(&victim, &jl).unwrap();
    std::os::unix::fs::symlink(&victim, &jm).unwrap();
    let r = wk(
        &a,
        &[
            "export",
            "--raw",
            "--format",
            "jsonl",
            "--out",
            jl.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&victim).unwrap(), b"not yours");
    assert_eq!(std::fs::read_to_string(&jl).unwrap().lines().count(), 5);
    assert!(!jm.symlink_metadata().unwrap().file_type().is_symlink());
}

#[test]
fn a_killed_export_leaves_nothing_that_claims_completion() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    wenku_tests::bench::write_generated_corpus(&docs, 3000);
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    let complete = |out: &Path, manifest: &Path| {
        // A manifest present means the output it describes is complete.
        let m: serde_json::Value =
            serde_json::from_slice(&std::fs::read(manifest).unwrap()).unwrap();
        assert_eq!(m["counts"]["exported"], 3000);
        m["records"].as_array().unwrap().len() == 3000 && out.exists()
    };
    let mut seen_done = 0;
    for (i, ms) in [5u64, 20, 60, 150, 400, 1000].into_iter().enumerate() {
        for format in ["dir", "jsonl"] {
            let out = tmp.path().join(format!("out-{format}-{i}"));
            let manifest = match format {
                "dir" => out.join("manifest.json"),
                _ => PathBuf::from(format!("{}.manifest.json", out.display())),
            };
            let mut c = wenku(&a);
            c.args([
                "export",
                "--raw",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
            let mut child = c.spawn().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(ms));
            let _ = child.kill();
            let status = child.wait().unwrap();
            if manifest.exists() {
                assert!(complete(&out, &manifest), "{format} killed at {ms} ms");
                seen_done += 1;
            } else {
                assert!(!status.success());
                // No output under its name: only the hidden partial one.
                assert!(
                    !out.exists(),
                    "{format} killed at {ms} ms left {}",
                    out.display()
                );
            }
        }
    }
    // An export that completes removes what killed exports to the same output left.
    for i in 0..6 {
        for format in ["dir", "jsonl"] {
            let out = tmp.path().join(format!("out-{format}-{i}"));
            let r = wk(
                &a,
                &[
                    "export",
                    "--raw",
                    "--format",
                    format,
                    "--out",
                    out.to_str().unwrap(),
                    "--force",
                ],
            );
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
    }
    let hidden: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert_eq!(hidden, Vec::<String>::new());
    // JSONL to stdout ends with the completion record.
    let r = wk(&a, &["export", "--raw", "--format", "jsonl", "--out", "-"]);
    assert_eq!(r.code, 0);
    let last = r.stdout_str().lines().last().unwrap().to_string();
    assert_eq!(
        last,
        format!(
            "{{\"wenku_export\":{{\"complete\":true,\"dropped\":0,\"exported\":3000,\"failed\":0,\"wenku_version\":\"{}\"}}}}",
            env!("CARGO_PKG_VERSION")
        )
    );
    let _ = seen_done;
}

#[test]
fn a_failure_after_committed_batches_exits_1_with_the_counts() {
    use std::os::unix::process::CommandExt;
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    // 5,000 documents that do not compress much: the first batch of 2,048 fits under
    // the file size limit, the second does not.
    let mut x: u64 = 1;
    for i in 0..5000 {
        let mut s = String::new();
        for _ in 0..100 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(&format!("{} ", x >> 20));
        }
        std::fs::write(docs.join(format!("d{i:05}.txt")), s).unwrap();
    }
    let a = tmp.path().join("arch");
    let mut c = wenku(&a);
    c.args(["--json", "import", docs.to_str().unwrap()]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: 3_500_000,
                rlim_max: 3_500_000,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            Ok(())
        });
    }
    let r = run(c, b"");
    assert_eq!(r.code, 1, "{}", r.stderr);
    let s = r.json();
    // Whole batches of 2,048 are stored, not all 5,000.
    let n = s["new_documents"].as_u64().unwrap();
    assert!(n > 0 && n < 5000 && n.is_multiple_of(2048), "{s}");
    assert_eq!(s["failed"][0]["input"], a.display().to_string());
    let error = s["failed"][0]["error"].as_str().unwrap();
    assert!(
        error.starts_with(&format!(
            "the import stopped after storing {n} new documents and 0 new versions (0 unchanged): "
        )),
        "{s}"
    );
    assert!(
        error.ends_with("File too large (os error 27); run the import again to add the rest"),
        "{error}"
    );
    // What was reported stored is there, byte-exact.
    let listed = keys(&a);
    assert_eq!(listed.len() as u64, n);
    for k in listed.iter().step_by(97) {
        assert_eq!(
            wk(&a, &["cat", "--raw", k]).stdout,
            std::fs::read(docs.join(k)).unwrap()
        );
    }
    assert_eq!(wk(&a, &["verify"]).code, 0);
    // Without the limit, the import completes the rest.
    let r = wk(&a, &["--json", "import", docs.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["new_documents"], 5000 - n);
}

#[test]
fn relative_plugin_path_entries_are_not_searched() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = wenku_tests::dylib_name("fixture_tag_a");
    std::fs::copy(wenku_tests::fixture_dir().join(&lib), tmp.path().join(&lib)).unwrap();
    let a = tmp.path().join("arch");
    let mut c = wenku(&a);
    c.current_dir(tmp.path())
        .env("WENKU_PLUGIN_PATH", ".")
        .args(["--json", "plugin", "list"]);
    let r = run(c, b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "warning: WENKU_PLUGIN_PATH entry . is relative and is not searched (give an absolute path)\n"
    );
    let names: Vec<String> = r.json()["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert!(!names.iter().any(|n| n == "tag-a"), "{names:?}");
    // The same folder given absolutely is searched.
    let mut c = wenku(&a);
    c.env("WENKU_PLUGIN_PATH", tmp.path())
        .args(["--json", "plugin", "list"]);
    let r = run(c, b"");
    assert!(r.stdout_str().contains("\"tag-a\""), "{}", r.stdout_str());
}

#[test]
fn plugin_list_names_a_library_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("plugins");
    std::fs::create_dir(&dir).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"lib\xff\xfe.so");
    std::fs::copy(
        wenku_tests::fixture_dir().join(wenku_tests::dylib_name("fixture_tag_a")),
        dir.join(name),
    )
    .unwrap();
    let a = tmp.path().join("arch");
    let r = wk(
        &a,
        &[
            "--plugin-dir",
            dir.to_str().unwrap(),
            "--json",
            "plugin",
            "list",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let refused = &r.json()["refused"];
    assert_eq!(
        refused,
        &serde_json::json!([{
            "library": format!("{}/lib\u{fffd}\u{fffd}.so", dir.display()),
            "reason": "file name is not UTF-8; rename it to load it"
        }])
    );
}

#[test]
fn a_killed_compact_leaves_no_pack_behind_after_the_next_one() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    wenku_tests::bench::write_generated_corpus(&docs, 3000);
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    for ms in [100u64, 400, 1200] {
        let mut c = wenku(&a);
        c.args(["compact"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = c.spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let r = wk(&a, &["compact"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let packs: Vec<u64> = std::fs::read_dir(a.join("packs"))
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            e.file_name()
                .to_str()
                .unwrap()
                .ends_with(".wpk")
                .then(|| e.metadata().unwrap().len())
        })
        .collect();
    assert!(
        packs.len() <= 2 && packs.iter().all(|&n| n > 0),
        "packs after a compact that follows killed ones: {packs:?}"
    );
    // The packs hold no more than the archive stores, plus the version records.
    let stats = wk(&a, &["--json", "stats"]).json();
    let stored = stats["stored_bytes"].as_u64().unwrap();
    let on_disk: u64 = packs.iter().sum();
    assert!(
        on_disk < stored + stored / 10 + (1 << 20),
        "{on_disk} bytes of packs for {stored} bytes stored"
    );
    assert_eq!(wk(&a, &["verify"]).code, 0);
    for e in walk(&docs).iter().step_by(101) {
        let key = e.strip_prefix(&docs).unwrap().to_str().unwrap();
        assert!(wk(&a, &["cat", "--raw", key]).stdout == std::fs::read(e).unwrap());
    }
}
