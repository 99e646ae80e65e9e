//! Format 3: the packs are the truth and the index is rebuilt from them (`repair`); an
//! archive of format 2 is refused untouched; readers run together and a writer waits.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;

use wenku_tests::bench::write_generated_corpus;
use wenku_tests::{copy_seeds, copy_tree, data_dir, run, seed_names, tree_bytes, wenku, wk};

/// Everything a user can see of an archive: every version's bytes and record, the
/// snapshots with their entries, the enabled pipeline.
fn visible(a: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let ls = wk(a, &["--json", "ls", "--versions"]);
    assert_eq!(ls.code, 0, "{}", ls.stderr);
    let docs = ls.json();
    for d in docs.as_array().unwrap() {
        let key = d["key"].as_str().unwrap();
        for v in d["history"].as_array().unwrap() {
            let n = v["version"].as_u64().unwrap();
            let cat = wk(a, &["cat", "--raw", &format!("{key}@{n}")]);
            assert_eq!(cat.code, 0, "{}", cat.stderr);
            out.insert(
                format!("bytes {key}@{n}"),
                format!("{:?}", blake3::hash(&cat.stdout)),
            );
        }
    }
    out.insert("ls".into(), docs.to_string());
    let snaps = wk(a, &["--json", "snapshot", "list"]);
    for s in snaps.json().as_array().unwrap() {
        let name = s["name"].as_str().unwrap();
        let show = wk(a, &["--json", "snapshot", "show", name]);
        out.insert(format!("snapshot {name}"), show.json().to_string());
    }
    let plugins = wk(a, &["--json", "plugin", "list"]);
    assert_eq!(plugins.code, 0, "{}", plugins.stderr);
    out.insert("plugins".into(), plugins.json().to_string());
    out
}

/// An archive with two versions of a seed, an inline delta, a snapshot and two plugins.
fn rich_archive(tmp: &Path) -> std::path::PathBuf {
    let a = tmp.join("a");
    let docs = tmp.join("docs");
    copy_seeds(&docs);
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    assert_eq!(wk(&a, &["snapshot", "create", "first"]).code, 0);
    let name = &seed_names()[1];
    let mut text = std::fs::read(docs.join(name)).unwrap();
    text.extend_from_slice("\n更新：一行。\n".as_bytes());
    std::fs::write(docs.join(name), &text).unwrap();
    std::fs::write(docs.join("empty.txt"), b"").unwrap();
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    for p in ["encoding-repair", "script-convert"] {
        let r = wk(&a, &["plugin", "enable", p]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let r = wk(
        &a,
        &["plugin", "enable", "script-convert", "--set", "config=s2t"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(wk(&a, &["snapshot", "create", "second"]).code, 0);
    a
}

/// An archive of the five seeds (`a`), and the folder they were imported from.
fn seeds_archive(tmp: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let a = tmp.join("a");
    let docs = tmp.join("docs");
    copy_seeds(&docs);
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    (a, docs)
}

/// Every seed reads back from `a` byte for byte as its file in `docs`.
fn assert_seeds_read_back(a: &Path, docs: &Path) {
    for n in seed_names() {
        assert_eq!(
            wk(a, &["cat", "--raw", &n]).stdout,
            std::fs::read(docs.join(&n)).unwrap()
        );
    }
}

/// The largest file under `dir`.
fn largest_file(dir: &Path) -> std::path::PathBuf {
    let files = tree_bytes(dir);
    let (rel, _) = files
        .iter()
        .max_by_key(|(_, b)| b.len())
        .expect("the index has files");
    dir.join(rel)
}

/// A way to damage an archive's index.
type Damage = dyn Fn(&Path);

#[test]
fn repair_rebuilds_a_lost_or_damaged_index_from_the_packs() {
    let tmp = tempfile::tempdir().unwrap();
    let a = rich_archive(tmp.path());
    let before = visible(&a);
    assert_eq!(
        before.keys().filter(|k| k.starts_with("bytes ")).count(),
        7,
        "5 seeds, a second version, an empty file"
    );
    let pristine = tmp.path().join("pristine");
    copy_tree(&a, &pristine);

    let damages: [(&str, &Damage); 3] = [
        ("deleted", &|a: &Path| {
            std::fs::remove_dir_all(a.join("index")).unwrap();
        }),
        ("truncated", &|a: &Path| {
            let f = largest_file(&a.join("index"));
            let len = std::fs::metadata(&f).unwrap().len();
            std::fs::OpenOptions::new()
                .write(true)
                .open(&f)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }),
        ("zeroed page", &|a: &Path| {
            use std::os::unix::fs::FileExt;
            let f = largest_file(&a.join("index"));
            let len = std::fs::metadata(&f).unwrap().len();
            let at = (len / 2) & !4095;
            std::fs::OpenOptions::new()
                .write(true)
                .open(&f)
                .unwrap()
                .write_all_at(&vec![0u8; 4096.min((len - at) as usize)], at)
                .unwrap();
        }),
    ];
    for (what, damage) in damages {
        let _ = std::fs::remove_dir_all(&a);
        copy_tree(&pristine, &a);
        damage(&a);
        // Whatever the damage, no command panics: it works or points to `repair`.
        let r = wk(&a, &["ls"]);
        assert!(
            r.code == 0
                || r.stderr.ends_with(
                    "the documents are kept in its packs: rebuild the index from them with `wenku repair`\n"
                ),
            "{what}: ls gave {} {}",
            r.code,
            r.stderr
        );
        let r = wk(&a, &["repair"]);
        assert_eq!(r.code, 0, "{what}: {}", r.stderr);
        assert!(
            r.stderr.ends_with(
                "index rebuilt from 1 packs: 6 documents, 7 versions, 6 blobs, 2 snapshots, 2 plugins enabled, 0 dictionaries; nothing lost\n"
            ),
            "{what}: {}",
            r.stderr
        );
        assert!(
            before == visible(&a),
            "{what}: the archive differs after repair"
        );
        assert_eq!(wk(&a, &["verify"]).code, 0, "{what}");
        // And it keeps working: a new import and a compact over the rebuilt index.
        let more = tmp.path().join("more");
        std::fs::create_dir_all(&more).unwrap();
        std::fs::write(more.join("new.txt"), "新的文件".as_bytes()).unwrap();
        assert_eq!(wk(&a, &["import", more.to_str().unwrap()]).code, 0);
        assert_eq!(wk(&a, &["compact"]).code, 0, "{what}");
        assert_eq!(
            wk(&a, &["cat", "--raw", "new.txt"]).stdout,
            "新的文件".as_bytes()
        );
    }
}

#[test]
fn repair_names_what_it_cannot_restore() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, docs) = seeds_archive(tmp.path());
    // Damage the body of one blob entry (the pack's first entry, seed 000).
    let pack = a.join("packs/pack-00000001.wpk");
    let mut bytes = std::fs::read(&pack).unwrap();
    bytes[100] ^= 0xff;
    std::fs::write(&pack, &bytes).unwrap();
    std::fs::remove_dir_all(a.join("index")).unwrap();
    let r = wk(&a, &["repair"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(
        lines[1].starts_with(&format!("unreadable: {}: ", pack.display()))
            && lines[1].ends_with(" bytes at offset 0 hold no readable entry"),
        "{}",
        r.stderr
    );
    assert!(
        lines[2].starts_with(&format!(
            "not restored: {}@1: its bytes (blob ",
            seed_names()[0]
        )),
        "{}",
        r.stderr
    );
    assert_eq!(
        *lines.last().unwrap(),
        "index rebuilt from 1 packs: 5 documents, 5 versions, 4 blobs, 0 snapshots, 0 plugins enabled, 0 dictionaries; 1 unreadable stretches (listed above): with no old index to compare, what they held cannot be known; 1 not restored (listed above)"
    );
    // The four intact documents read back exactly.
    for n in &seed_names()[1..] {
        assert_eq!(
            wk(&a, &["cat", "--raw", n]).stdout,
            std::fs::read(docs.join(n)).unwrap()
        );
    }
    // Importing the originals again heals the lost one: its version is the newest of
    // its key, whose bytes the archive no longer had at all (it said "unchanged" and
    // healed nothing before).
    let r = wk(&a, &["import", docs.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "the archive held these bytes damaged (key {}); stored them again from this input",
            seed_names()[0]
        )),
        "{}",
        r.stderr
    );
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stderr);
    assert_seeds_read_back(&a, &docs);
}

#[test]
fn repair_keeps_versions_whose_records_the_pack_lost_but_the_index_holds() {
    // The pack's last entry is the import's batch of version records: a byte flipped
    // in it made a repair rebuild the index without those versions (every document of
    // the batch, readable before) and say "nothing lost", exit 0. The index being
    // replaced still names them: they are taken from it, written to a pack again, and
    // the unreadable stretch is reported; everything the old index named is back
    // (exit 0). Without an old index to compare, what such a stretch held cannot be
    // known (exit 1).
    let tmp = tempfile::tempdir().unwrap();
    let (a, docs) = seeds_archive(tmp.path());
    let pack = a.join("packs/pack-00000001.wpk");
    let mut bytes = std::fs::read(&pack).unwrap();
    let at = bytes.len() - 20;
    bytes[at] ^= 0xff;
    std::fs::write(&pack, &bytes).unwrap();
    let r = wk(&a, &["repair"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .lines()
            .any(|l| l.starts_with(&format!("unreadable: {}: ", pack.display()))),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stderr.lines().last().unwrap(),
        "index rebuilt from 1 packs: 5 documents, 5 versions, 5 blobs, 0 snapshots, 0 plugins enabled, 0 dictionaries; 5 versions whose records no pack held readable taken from the old index and written to a pack again; 1 unreadable stretches (listed above), holding nothing the old index named that is not restored or listed"
    );
    // The records are in a pack again: a repair without any index brings every
    // document back too.
    std::fs::remove_dir_all(a.join("index")).unwrap();
    let r = wk(&a, &["repair"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("index rebuilt from 1 packs: 5 documents, 5 versions, 5 blobs"),
        "{}",
        r.stderr
    );
    assert_seeds_read_back(&a, &docs);
    assert_eq!(wk(&a, &["verify"]).code, 0);
}

#[test]
fn a_format_2_archive_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("old");
    copy_tree(&data_dir().join("format2/archive"), &a);
    let before = tree_bytes(&a);
    assert!(before.contains_key(Path::new("records.redb")));
    let expected = format!(
        "wenku: error: archive {} has format version 2 (redb storage); this wenku reads format 3 and leaves it untouched: export it as raw JSONL with the wenku that wrote it (`wenku export --raw --format jsonl --out FILE.jsonl`) and import that file here (`wenku import FILE.jsonl`)\n",
        a.display()
    );
    let seeds = wenku_tests::seeds_dir();
    let out = tmp.path().join("out");
    for args in [
        vec!["ls"],
        vec!["cat", "seeds/000_494a2534e3f5ba18.txt"],
        vec!["import", seeds.to_str().unwrap()],
        vec!["init"],
        vec!["repair"],
        vec!["compact"],
        vec!["verify"],
        vec!["export", "--out", out.to_str().unwrap()],
        vec!["plugin", "enable", "spam-trim"],
        vec!["snapshot", "create", "x"],
    ] {
        let r = wk(&a, &args);
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (2, expected.as_str()),
            "{args:?}"
        );
    }
    assert!(before == tree_bytes(&a), "the format-2 archive was changed");
    assert!(!out.exists());
}

#[test]
fn readers_run_together_and_a_writer_waits_its_turn() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let docs = tmp.path().join("docs");
    write_generated_corpus(&docs, 3000);
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    let keys = wk(&a, &["ls"]).stdout_str();
    let keys: Vec<&str> = keys.lines().collect();
    assert_eq!(keys.len(), 3000);
    let (k1, k2) = (keys[10], keys[2990]);
    let expected = |k: &str| std::fs::read(docs.join(k)).unwrap();

    // Two cats and an export at the same time.
    let out = tmp.path().join("export.jsonl");
    let spawn = |args: &[&str]| {
        let mut c = wenku(&a);
        c.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
        c.spawn().unwrap()
    };
    let export = spawn(&[
        "export",
        "--raw",
        "--format",
        "jsonl",
        "--out",
        out.to_str().unwrap(),
    ]);
    let cat1 = spawn(&["cat", "--raw", k1]);
    let cat2 = spawn(&["cat", "--raw", k2]);
    let (cat1, cat2) = (
        cat1.wait_with_output().unwrap(),
        cat2.wait_with_output().unwrap(),
    );
    let export = export.wait_with_output().unwrap();
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    assert!(
        cat1.status.success(),
        "{}",
        String::from_utf8_lossy(&cat1.stderr)
    );
    assert!(
        cat2.status.success(),
        "{}",
        String::from_utf8_lossy(&cat2.stderr)
    );
    assert_eq!(cat1.stdout, expected(k1));
    assert_eq!(cat2.stdout, expected(k2));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 3000);

    // An import started while an export runs waits for what it needs and completes;
    // the export gives exactly the documents it started with.
    let more = tmp.path().join("more");
    std::fs::create_dir_all(&more).unwrap();
    std::fs::write(more.join("late.txt"), b"late document").unwrap();
    let out2 = tmp.path().join("export2.jsonl");
    let export = spawn(&[
        "export",
        "--raw",
        "--format",
        "jsonl",
        "--out",
        out2.to_str().unwrap(),
    ]);
    let import = {
        let mut c = wenku(&a);
        c.args(["import", "--prefix", "more", more.to_str().unwrap()]);
        run(c, b"")
    };
    let export = export.wait_with_output().unwrap();
    assert_eq!(import.code, 0, "{}", import.stderr);
    // Told what it waits for if the export still holds the index.
    assert!(
        [
            "",
            "wenku: waiting up to 60 s for a command reading the archive to let go of the index…\n"
        ]
        .contains(&import.stderr.strip_suffix("1 new documents, 0 new versions, 0 unchanged, 0 failed; 13 raw bytes read, 13 bytes stored\n").unwrap_or("no summary")),
        "{}",
        import.stderr
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let lines = std::fs::read_to_string(&out2).unwrap().lines().count();
    assert!(lines == 3000 || lines == 3001, "{lines}");
    assert_eq!(
        wk(&a, &["cat", "--raw", "more/late.txt"]).stdout,
        b"late document"
    );
    assert_eq!(wk(&a, &["ls"]).stdout_str().lines().count(), 3001);
}

#[test]
fn compact_keeps_the_packs_a_reader_uses_until_it_is_done() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, docs) = seeds_archive(tmp.path());
    let old_pack = a.join("packs/pack-00000001.wpk");
    // A reader that has taken its copy of the index and reads from the packs.
    let mut reader = wenku_core::Archive::open_read(&a).unwrap();
    reader.detach().unwrap();
    let r = wk(&a, &["compact"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.ends_with("; 1 old packs are kept until the commands reading the archive finish (the next import or compact deletes them)\n"),
        "{}",
        r.stderr
    );
    assert!(old_pack.exists());
    assert_eq!(
        std::fs::read_to_string(a.join("packs/retired")).unwrap(),
        "1\n"
    );
    // The reader still reads every document from the pack it knows.
    for n in seed_names() {
        assert_eq!(
            reader.read(&n, None).unwrap().bytes,
            std::fs::read(docs.join(&n)).unwrap()
        );
    }
    drop(reader);
    // The next writer deletes the retired pack; the documents read from the new ones.
    let more = tmp.path().join("more");
    std::fs::create_dir_all(&more).unwrap();
    std::fs::write(more.join("x.txt"), b"x").unwrap();
    assert_eq!(wk(&a, &["import", more.to_str().unwrap()]).code, 0);
    assert!(!old_pack.exists());
    assert!(!a.join("packs/retired").exists());
    assert_seeds_read_back(&a, &docs);
}

#[test]
fn importing_the_same_files_again_heals_nothing_that_is_not_damaged() {
    // A small edit is kept as an inline delta in its version record, with no blob of
    // its bytes: importing the same file again is "unchanged", not a lost blob to heal.
    let tmp = tempfile::tempdir().unwrap();
    let (a, docs) = seeds_archive(tmp.path());
    let name = &seed_names()[1];
    let mut text = std::fs::read(docs.join(name)).unwrap();
    text.extend_from_slice("\n更新：一行。\n".as_bytes());
    std::fs::write(docs.join(name), &text).unwrap();
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    let r = wk(&a, &["--json", "import", docs.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("damaged"), "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["unchanged"], 5, "{j}");
    assert_eq!(j["healed"], 0, "{j}");
}
