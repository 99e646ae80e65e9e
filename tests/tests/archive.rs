//! End-to-end tests of the archive through the real `wenku` binary: import, read back,
//! versions, listings, statistics, verification and every kind of bad input.

use std::path::Path;

use wenku_tests::{seed_names, seeds_dir, wenku, wk};

fn import_seeds(archive: &Path) -> serde_json::Value {
    let r = wk(
        archive,
        &["--json", "import", seeds_dir().to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()
}

#[test]
fn seeds_read_back_byte_exact_and_reimport_is_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let s = import_seeds(&a);
    assert_eq!(s["new_documents"], 5);
    assert_eq!(s["new_versions"], 0);
    assert_eq!(s["unchanged"], 0);
    assert_eq!(s["failed"], serde_json::json!([]));
    let total: u64 = seed_names()
        .iter()
        .map(|n| std::fs::metadata(seeds_dir().join(n)).unwrap().len())
        .sum();
    assert_eq!(s["raw_bytes"], total);
    for name in seed_names() {
        let r = wk(&a, &["cat", "--raw", &name]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(
            r.stdout,
            std::fs::read(seeds_dir().join(&name)).unwrap(),
            "{name}"
        );
    }
    let again = import_seeds(&a);
    assert_eq!(again["new_documents"], 0);
    assert_eq!(again["unchanged"], 5);
    assert_eq!(again["stored_bytes"], 0);
    let ls = wk(&a, &["ls"]);
    assert_eq!(ls.stdout_str(), seed_names().join("\n") + "\n");
}

#[test]
fn a_changed_file_adds_a_version_and_both_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let docs = tmp.path().join("docs");
    wenku_tests::copy_seeds(&docs);
    wk(&a, &["import", docs.to_str().unwrap()]);
    let key = "003_4c023f02afb06f96.txt";
    let v1 = std::fs::read(docs.join(key)).unwrap();
    let mut v2 = v1.clone();
    v2.extend_from_slice("\n更正：本文第二段有误。\n".as_bytes());
    std::fs::write(docs.join(key), &v2).unwrap();
    let r = wk(&a, &["--json", "import", docs.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = r.json();
    assert_eq!(
        (
            s["new_documents"].as_u64(),
            s["new_versions"].as_u64(),
            s["unchanged"].as_u64()
        ),
        (Some(0), Some(1), Some(4))
    );
    assert_eq!(wk(&a, &["cat", "--raw", &format!("{key}@1")]).stdout, v1);
    assert_eq!(wk(&a, &["cat", "--raw", &format!("{key}@2")]).stdout, v2);
    assert_eq!(wk(&a, &["cat", "--raw", key]).stdout, v2);

    let log = wk(&a, &["--json", "log", key]).json();
    let versions: Vec<u64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2]);
    assert_eq!(log[1]["bytes"], v2.len());
    assert_eq!(log[0]["media_type"], "text/plain");

    let ls = wk(&a, &["--json", "ls", "--versions"]).json();
    let counts: Vec<(String, u64)> = ls
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap().to_string(),
                d["history"].as_array().unwrap().len() as u64,
            )
        })
        .collect();
    assert_eq!(counts.iter().filter(|(_, n)| *n == 1).count(), 4);
    assert!(counts.contains(&(key.to_string(), 2)));

    let stats = wk(&a, &["--json", "stats"]).json();
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["versions"], 6);
    // The small edit is a splice kept in its version record, not a blob.
    assert_eq!(stats["blobs"], 5);
    assert_eq!(stats["codecs"]["splice-inline"], 1);
    let raw: u64 = seed_names()
        .iter()
        .map(|n| std::fs::metadata(docs.join(n)).unwrap().len())
        .sum::<u64>()
        + v1.len() as u64;
    assert_eq!(stats["raw_bytes"], raw);
    assert!(stats["stored_bytes"].as_u64().unwrap() < raw);

    let diff = wk(&a, &["diff", key, "1", "2"]);
    assert_eq!(diff.code, 0);
    assert!(
        diff.stdout_str().contains("+更正：本文第二段有误。\n"),
        "{}",
        diff.stdout_str()
    );
    assert!(diff
        .stdout_str()
        .starts_with(&format!("--- {key}@1\n+++ {key}@2\n")));

    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 0);
    assert_eq!(v.stderr, "checked 6 versions, 5 blobs: all intact\n");
}

#[test]
fn identical_content_under_two_keys_is_stored_once() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let seed = seeds_dir().join("002_d66d1dd5df9fb961.txt");
    let r1 = wk(
        &a,
        &["--json", "import", "--prefix", "x", seed.to_str().unwrap()],
    )
    .json();
    let r2 = wk(
        &a,
        &["--json", "import", "--prefix", "y", seed.to_str().unwrap()],
    )
    .json();
    assert_eq!(r1["new_documents"], 1);
    assert_eq!(r2["new_documents"], 1);
    assert!(r1["stored_bytes"].as_u64().unwrap() > 0);
    assert_eq!(r2["stored_bytes"], 0);
    assert_eq!(
        wk(&a, &["ls"]).stdout_str(),
        "x/002_d66d1dd5df9fb961.txt\ny/002_d66d1dd5df9fb961.txt\n"
    );
    assert_eq!(wk(&a, &["--json", "stats"]).json()["blobs"], 1);
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_imported() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let docs = tmp.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("empty.txt"), b"").unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    std::fs::write(docs.join("image.png"), &png).unwrap();
    std::fs::write(docs.join(".hidden"), b"hidden text").unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(docs.join(odd), b"latin-1 name").unwrap();
    std::os::unix::fs::symlink("..", docs.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/wenku-test", docs.join("dangling.txt")).unwrap();
    std::fs::write(docs.join("sub/ok.md"), b"# fine\n").unwrap();

    let r = wk(&a, &["--json", "import", docs.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let s = r.json();
    assert_eq!(s["new_documents"], 5, "{s}");
    let failed = s["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 2, "{s}");
    let dangling = docs.join("dangling.txt").display().to_string();
    assert!(failed.iter().any(|f| f["input"] == dangling.as_str()
        && f["error"]
            .as_str()
            .unwrap()
            .starts_with("no such file or directory")));
    let looped = docs.join("sub/loop").display().to_string();
    assert!(
        failed.iter().any(|f| f["input"] == looped.as_str()
            && f["error"].as_str().unwrap().starts_with("symlink loop")),
        "{s}"
    );
    assert!(
        r.stderr
            .contains(&format!("failed: {dangling}: no such file or directory")),
        "{}",
        r.stderr
    );

    assert_eq!(
        wk(&a, &["ls"]).stdout_str(),
        ".hidden\ncaf%E9.txt\nempty.txt\nimage.png\nsub/ok.md\n"
    );
    assert_eq!(wk(&a, &["cat", "--raw", "empty.txt"]).stdout, b"");
    assert_eq!(wk(&a, &["cat", "--raw", "image.png"]).stdout, png);
    assert_eq!(
        wk(&a, &["--json", "log", "image.png"]).json()[0]["media_type"],
        "application/octet-stream"
    );
    assert_eq!(
        wk(&a, &["--json", "log", "sub/ok.md"]).json()[0]["media_type"],
        "text/markdown"
    );
    let odd_log = wk(&a, &["--json", "log", "caf%E9.txt"]).json();
    assert!(odd_log[0]["note"]
        .as_str()
        .unwrap()
        .starts_with("file name is not UTF-8; stored under the escaped key"));
    assert!(s["notes"][0].as_str().unwrap().contains("caf%E9.txt"));
    assert_eq!(
        wk(&a, &["cat", "--raw", "caf%E9.txt"]).stdout,
        b"latin-1 name"
    );

    // --exclude skips by name or relative path.
    let b = tmp.path().join("arch2");
    let r = wk(
        &b,
        &[
            "--json",
            "import",
            "--exclude",
            ".*",
            "--exclude",
            "sub",
            docs.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        wk(&b, &["ls"]).stdout_str(),
        "caf%E9.txt\nempty.txt\nimage.png\n"
    );
}

#[test]
fn a_missing_input_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let seed = seeds_dir().join("001_bc63e35d409cf408.txt");
    let r = wk(
        &a,
        &[
            "--json",
            "import",
            "/nonexistent/wenku",
            seed.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.json()["new_documents"], 1);
    assert_eq!(r.stderr, "failed: /nonexistent/wenku: no such file or directory; check the path (nothing was read from it)\n");
    // A link named on the command line whose target is gone is said as such.
    let link = tmp.path().join("gone");
    std::os::unix::fs::symlink(tmp.path().join("nothing-here"), &link).unwrap();
    let r = wk(&a, &["import", link.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "failed: {}: a symbolic link to nothing (its target does not exist); skipped\n0 new documents, 0 new versions, 0 unchanged, 1 failed; 0 raw bytes read, 0 bytes stored\n",
            link.display()
        )
    );
}

#[test]
fn archive_errors_exit_2_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let r = wk(&a, &["ls"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: no archive at {}; create one with `wenku init` or `wenku import PATH`, or point --archive / WENKU_ARCHIVE at an existing one\n", a.display())
    );
    import_seeds(&a);
    let r = wk(&a, &["cat", "nope.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "wenku: error: no document with key \"nope.txt\" in the archive; list the keys with `wenku ls`\n");
    let r = wk(&a, &["cat", "001_bc63e35d409cf408.txt@7"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("has no version 7 (it has versions 1 to 1)"),
        "{}",
        r.stderr
    );

    let r = wk(&seeds_dir(), &["ls"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "is not a wenku archive (the directory holds other files and no FORMAT file; wenku never starts an archive over existing files)"
        ),
        "{}",
        r.stderr
    );

    // An archive of format 1 (sled's files): a clear way forward, nothing touched.
    let old = tmp.path().join("old");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("conf"), b"segment_size: 524288\n").unwrap();
    std::fs::write(old.join("db"), b"sled bytes").unwrap();
    let r = wk(&old, &["ls"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: archive {} has format version 1 (wenku 0.1, sled 0.34 storage); this wenku reads format 3 and leaves it untouched: export it as raw JSONL with the wenku that wrote it (`wenku export --raw --format jsonl --out FILE.jsonl`) and import that file here (`wenku import FILE.jsonl`)\n", old.display())
    );
    assert_eq!(std::fs::read(old.join("db")).unwrap(), b"sled bytes");
    let mut names: Vec<String> = std::fs::read_dir(&old)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["conf", "db"]);

    // While a writer holds the archive, a reader waits (bounded by --wait) and then
    // says what it waited for; so does a second writer.
    let held = wenku_core::Archive::open(&a).unwrap();
    let pid = std::process::id();
    let r = wk(&a, &["--wait", "0", "ls"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: archive {} is busy: waiting for `wenku open (pid {pid})` to finish (it holds the index); gave up after waiting 0 s — retry when it has finished, or wait longer with --wait SECONDS\n", a.display())
    );
    let r = wk(
        &a,
        &["--wait", "1", "import", seeds_dir().to_str().unwrap()],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: waiting up to 1 s for `wenku open (pid {pid})` to finish (it is changing the archive)…\nwenku: error: archive {} is busy: waiting for `wenku open (pid {pid})` to finish (it is changing the archive); gave up after waiting 1 s — retry when it has finished, or wait longer with --wait SECONDS\n", a.display())
    );
    drop(held);
    assert_eq!(wk(&a, &["ls"]).code, 0);
}

#[test]
fn an_export_it_cannot_write_says_so_once_with_what_to_do() {
    // (Tests run as root here, so a folder without write permission is written anyway:
    // a file where the output's folder should be fails for every user.)
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    import_seeds(&a);
    let listed = wk(&a, &["ls"]).stdout;
    let file = tmp.path().join("plain");
    std::fs::write(&file, b"x").unwrap();
    // Each export fails with exit 2 and says what is in the way, once.
    let refused = |args: &[&str], out: &std::path::Path, why: String| {
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        all.extend(["--out", out.to_str().unwrap()]);
        let r = wk(&a, &all);
        assert_eq!(r.code, 2);
        assert_eq!(
            r.stderr,
            format!(
                "wenku: error: cannot write the export to {}: {why} (the archive is unchanged)\n",
                out.display()
            )
        );
    };
    let in_the_way = format!(
        "{} is a file, not a folder; choose another --out",
        file.display()
    );
    refused(
        &["--format", "jsonl"],
        &file.join("out.jsonl"),
        in_the_way.clone(),
    );
    // A folder export under the file names the file in the way.
    refused(&[], &file.join("out"), in_the_way);
    // A file export into a folder that is not there.
    let nodir = tmp.path().join("nodir");
    refused(
        &["--format", "jsonl"],
        &nodir.join("a.jsonl"),
        format!(
            "the folder {} does not exist; create it or choose another --out",
            nodir.display()
        ),
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
    assert_eq!(wk(&a, &["ls"]).stdout, listed);
}

#[test]
fn a_jsonl_file_opening_with_a_byte_order_mark_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let f = tmp.path().join("bom.jsonl");
    std::fs::write(&f, "\u{feff}{\"id\":\"k1\",\"text\":\"hello\"}\n").unwrap();
    let r = wk(&a, &["--json", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["new_documents"], 1);
    assert_eq!(wk(&a, &["cat", "--raw", "k1"]).stdout, b"hello");
}

#[test]
fn a_key_holding_an_at_sign_and_a_version_are_told_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let d = tmp.path().join("d");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("page"), "one\n").unwrap();
    std::fs::write(d.join("page@2"), "a page of its own\n").unwrap();
    std::fs::write(d.join("solo"), "one version\n").unwrap();
    std::fs::write(d.join("solo@2"), "another page\n").unwrap();
    assert_eq!(wk(&a, &["import", d.to_str().unwrap()]).code, 0);
    std::fs::write(d.join("page"), "two\n").unwrap();
    assert_eq!(wk(&a, &["import", d.to_str().unwrap()]).code, 0);
    let r = wk(&a, &["cat", "page@2"]);
    assert_eq!(
        (r.code, r.stdout_str()),
        (0, "a page of its own\n".to_string())
    );
    assert_eq!(
        r.stderr,
        "note: `page@2` is a document's key: reading it; for version 2 of `page`, run the command with `page --at 2`\n"
    );
    let r = wk(&a, &["cat", "page", "--at", "2"]);
    assert_eq!(
        (r.code, r.stdout_str(), r.stderr),
        (0, "two\n".to_string(), String::new())
    );
    assert_eq!(wk(&a, &["cat", "page@1"]).stdout_str(), "one\n");
    // `solo` has no version 2: nothing to point at.
    let r = wk(&a, &["cat", "solo@2"]);
    assert_eq!(
        (r.code, r.stdout_str(), r.stderr),
        (0, "another page\n".to_string(), String::new())
    );
    let r = wk(&a, &["explain", "page@2", "--at", "1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout_str().starts_with("page@2@1\n"),
        "{}",
        r.stdout_str()
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_user_who_may_only_read_the_archive_is_told_what_to_do() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let a = tmp.path().join("arch");
    import_seeds(&a);
    // The binary where any user may run it; the archive readable, not writable.
    let bin = tmp.path().join("wenku");
    std::fs::copy(&wenku_tests::built().wenku, &bin).unwrap();
    for entry in walkdir::WalkDir::new(&a) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            0o555
        } else {
            0o444
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    // Root writes anyway: run as the unprivileged user `nobody` then.
    let mut c = match root {
        true => {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        }
        false => std::process::Command::new(&bin),
    };
    let out = c
        .arg("-A")
        .arg(&a)
        .arg("ls")
        .output()
        .expect("run wenku (as root: through util-linux's setpriv, as the user nobody)");
    for entry in walkdir::WalkDir::new(&a) {
        let entry = entry.unwrap();
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("wenku: error: archive {}: {}/readers cannot be opened for writing (Permission denied (os error 13)), and reading an archive takes its lock and index files for writing; run the command as a user who may write the archive, or copy it (`cp -r '{}' COPY`) and read the copy\n", a.display(), a.display(), a.display())
    );
    assert_eq!(wk(&a, &["ls"]).stdout_str().lines().count(), 5);
}

#[test]
fn init_and_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["init"]).code, 0);
    assert_eq!(wk(&a, &["ls"]).stdout, b"");
    let r = wk(&a, &["import"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("required arguments were not provided"));
    let r = wk(&a, &["--json", "stats"]).json();
    assert_eq!(r["documents"], 0);
}

#[test]
fn a_200_mb_file_imports_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let big = tmp.path().join("big.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let seed = std::fs::read(seeds_dir().join("003_4c023f02afb06f96.txt")).unwrap();
        let mut written = 0u64;
        let mut i = 0u64;
        while written < 200 * 1024 * 1024 {
            let line = format!("{i:012}\n");
            f.write_all(line.as_bytes()).unwrap();
            f.write_all(&seed[(i as usize * 7) % 1000..]).unwrap();
            written += (line.len() + seed.len() - (i as usize * 7) % 1000) as u64;
            i += 1;
        }
    }
    let mut c = wenku(&a);
    c.args(["--json", "import", big.to_str().unwrap()]);
    let (code, peak_kib) = wenku_tests::run_peak_rss(c);
    assert_eq!(code, 0);
    assert!(
        peak_kib < 160 * 1024,
        "peak RSS {peak_kib} KiB for a 200 MB import"
    );
    let out = wk(&a, &["cat", "--raw", "big.txt"]).stdout;
    assert!(
        out == std::fs::read(&big).unwrap(),
        "the 200 MB document did not read back byte-exact"
    );
    assert_eq!(wk(&a, &["verify"]).code, 0);
}
