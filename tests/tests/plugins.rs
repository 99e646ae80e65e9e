//! End-to-end tests of the plugin machinery: the real `wenku` binary loading fixture
//! plugins built from `tests/fixtures` (Rust, and C against the header).

use std::path::Path;

use wenku_tests::{dylib_name, fixture_dir, run, seeds_dir, wenku, wk};

fn with_fixtures(archive: &Path, args: &[&str]) -> wenku_tests::Run {
    let mut all = vec!["--plugin-dir", fixture_dir().to_str().unwrap()];
    all.extend_from_slice(args);
    wk(archive, &all)
}

fn filter(plugin_dir: &Path, args: &[&str], input: &[u8]) -> wenku_tests::Run {
    let mut c = wenku(Path::new("/nonexistent/archive"));
    c.arg("--plugin-dir")
        .arg(plugin_dir)
        .arg("filter")
        .args(args);
    run(c, input)
}

const KEY: &str = "001_bc63e35d409cf408.txt";

fn seeded(tmp: &Path) -> std::path::PathBuf {
    let a = tmp.join("arch");
    let r = wk(&a, &["import", seeds_dir().join(KEY).to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    a
}

#[test]
fn enable_disable_and_reorder_change_cat_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let a = seeded(tmp.path());
    let raw = std::fs::read(seeds_dir().join(KEY)).unwrap();
    let with = |suffix: &str| {
        let mut v = raw.clone();
        v.extend_from_slice(suffix.as_bytes());
        v
    };
    assert_eq!(
        with_fixtures(&a, &["cat", KEY]).stdout,
        raw,
        "no plugin enabled: cat gives the stored bytes"
    );

    assert_eq!(with_fixtures(&a, &["plugin", "enable", "tag-a"]).code, 0);
    assert_eq!(with_fixtures(&a, &["cat", KEY]).stdout, with("[a]"));
    let r = with_fixtures(&a, &["plugin", "enable", "tag-b"]);
    assert_eq!(
        r.stderr,
        format!(
            "enabled tag-b 1.0.0 (sha256 {}); pipeline: tag-a → tag-b\n",
            &sha_of("tag_b")[..16]
        )
    );
    assert_eq!(with_fixtures(&a, &["cat", KEY]).stdout, with("[a][b]"));

    // Move tag-b before tag-a, with a setting.
    assert_eq!(
        with_fixtures(
            &a,
            &["plugin", "enable", "tag-b", "--before", "tag-a", "--set", "label=x"]
        )
        .code,
        0
    );
    assert_eq!(with_fixtures(&a, &["cat", KEY]).stdout, with("[b:x][a]"));
    let list = with_fixtures(&a, &["--json", "plugin", "list"]).json();
    let enabled: Vec<(&str, u64)> = list["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| Some((p["name"].as_str()?, p["order"].as_u64()?)))
        .collect();
    assert_eq!(enabled, [("tag-b", 1), ("tag-a", 2)]);

    // For one call.
    assert_eq!(
        with_fixtures(&a, &["cat", KEY, "--without", "tag-a"]).stdout,
        with("[b:x]")
    );
    assert_eq!(
        with_fixtures(&a, &["cat", KEY, "--with", "tag-a,tag-b"]).stdout,
        with("[a][b:x]")
    );
    assert_eq!(with_fixtures(&a, &["cat", "--raw", KEY]).stdout, raw);

    assert_eq!(with_fixtures(&a, &["plugin", "disable", "tag-b"]).code, 0);
    assert_eq!(with_fixtures(&a, &["cat", KEY]).stdout, with("[a]"));
    let r = with_fixtures(&a, &["plugin", "disable", "tag-b"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "wenku: error: plugin tag-b is not enabled; enabled: tag-a\n"
        )
    );
}

fn sha_of(stem: &str) -> String {
    use sha2::Digest;
    let bytes = std::fs::read(fixture_dir().join(dylib_name(&format!("fixture_{stem}")))).unwrap();
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_panicking_plugin_fails_only_its_record() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("bad.txt"), b"please PANIC now").unwrap();
    std::fs::write(docs.join("good.txt"), b"calm text").unwrap();
    wk(&a, &["import", docs.to_str().unwrap()]);
    assert_eq!(with_fixtures(&a, &["plugin", "enable", "panicky"]).code, 0);
    let r = with_fixtures(&a, &["cat", "bad.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, b"");
    assert_eq!(r.stderr, "failed: bad.txt@1: plugin panicky panicked at panicky/src/lib.rs:17: the record asked for it\n");
    let r = with_fixtures(&a, &["cat", "good.txt"]);
    assert_eq!((r.code, r.stdout.as_slice()), (0, b"calm text".as_slice()));
}

#[test]
fn broken_plugins_are_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let a = seeded(tmp.path());
    let dir = fixture_dir().display().to_string();
    let r = with_fixtures(&a, &["plugin", "enable", "wrong-abi"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: plugin wrong-abi cannot be used: {dir}/libwrong_abi.so: ABI mismatch: the plugin speaks ABI 2.0, this wenku speaks 1.1; rebuild the plugin against wenku-plugin 1.x\n")
    );
    let r = with_fixtures(&a, &["plugin", "enable", "null-fn"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("wenku: error: plugin null-fn cannot be used: {dir}/libnull_fn.so: invalid descriptor: plugin \"null-fn\" has a null `transform` function\n")
    );
    let r = with_fixtures(&a, &["plugin", "enable", "no-such-plugin"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("wenku: error: no plugin named \"no-such-plugin\"; available: "),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("c-upper, identity, panicky, tag-a, tag-b"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("searched: {dir}, ")),
        "{}",
        r.stderr
    );
    // Not a library at all.
    let junk = tmp.path().join("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(junk.join(dylib_name("notaplugin")), b"this is text").unwrap();
    let r = filter(&junk, &["--with", "notaplugin"], b"x");
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with(&format!("wenku: error: plugin notaplugin cannot be used: {}/libnotaplugin.so: not a loadable library", junk.display())), "{}", r.stderr);
    // A bad config is refused with the schema's complaint.
    let r = with_fixtures(&a, &["plugin", "enable", "tag-a", "--set", "colour=red"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "wenku: error: plugin tag-a has no setting \"colour\"; its settings are: label (see `wenku plugin info tag-a`)\n");
}

#[test]
fn a_rebuilt_library_is_refused_until_enabled_again() {
    let tmp = tempfile::tempdir().unwrap();
    let a = seeded(tmp.path());
    let dir = tmp.path().join("plugins");
    std::fs::create_dir(&dir).unwrap();
    let lib = dir.join(dylib_name("fixture_tag_a"));
    std::fs::copy(fixture_dir().join(dylib_name("fixture_tag_a")), &lib).unwrap();
    let p = dir.to_str().unwrap();
    assert_eq!(
        wk(&a, &["--plugin-dir", p, "plugin", "enable", "tag-a"]).code,
        0
    );
    assert!(wk(&a, &["--plugin-dir", p, "cat", KEY])
        .stdout
        .ends_with(b"[a]"));
    // "Rebuild": the same code with different bytes.
    let mut bytes = std::fs::read(&lib).unwrap();
    bytes.extend_from_slice(b"rebuilt");
    std::fs::write(&lib, &bytes).unwrap();
    let r = wk(&a, &["--plugin-dir", p, "cat", KEY]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(&format!(
            "wenku: error: plugin tag-a: the library {} (sha256 ",
            lib.display()
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("if you trust the new build, run `wenku plugin enable tag-a` again\n"),
        "{}",
        r.stderr
    );
    let list = wk(&a, &["--plugin-dir", p, "plugin", "list"]).stdout_str();
    assert!(list.contains("enabled #1 — library changed since enabled; run `wenku plugin enable tag-a` to trust it"), "{list}");
    assert_eq!(
        wk(&a, &["--plugin-dir", p, "plugin", "enable", "tag-a"]).code,
        0
    );
    assert!(wk(&a, &["--plugin-dir", p, "cat", KEY])
        .stdout
        .ends_with(b"[a]"));
}

#[test]
fn filter_runs_on_stdin_without_an_archive() {
    let r = filter(
        fixture_dir(),
        &["--with", "tag-a,c-upper,tag-b", "--set", "tag-b.label=z"],
        b"mixed Case text ",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, b"MIXED CASE TEXT [A][b:z]");
    let r = filter(
        fixture_dir(),
        &["--with", "identity"],
        "原文不变\n".as_bytes(),
    );
    assert_eq!(r.stdout, "原文不变\n".as_bytes());
    let r = filter(
        fixture_dir(),
        &["--with", "tag-a", "--set", "tag-b.label=z"],
        b"",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "wenku: error: --set \"tag-b.label=z\" names plugin \"tag-b\", which is not in --with tag-a\n");
}

#[test]
fn plugin_info_shows_the_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let r = with_fixtures(tmp.path(), &["--json", "plugin", "info", "tag-a"]).json();
    assert_eq!(r["name"], "tag-a");
    assert_eq!(r["config_schema"]["properties"]["label"]["type"], "string");
    assert_eq!(r["thread_safe"], false);
    assert_eq!(r["abi"], "1.1");
}

#[test]
fn misbehaving_plugins_are_contained() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "第一篇".as_bytes()).unwrap();
    std::fs::write(docs.join("b.txt"), "第二篇".as_bytes()).unwrap();
    wk(&a, &["import", docs.to_str().unwrap()]);
    let cases = [
        ("null", "plugin misbehave returned a null buffer with length 10 and success"),
        ("huge", "plugin misbehave returned an output of 1099511627776 bytes, more than the 4294967296 allowed"),
        ("badmeta", "plugin misbehave returned a metadata value that is not UTF-8"),
        ("verdict", "plugin misbehave returned an unknown verdict 77"),
    ];
    for (mode, message) in cases {
        let r = filter(
            fixture_dir(),
            &[
                "--with",
                "misbehave",
                "--set",
                &format!("misbehave.mode={mode}"),
            ],
            b"text",
        );
        assert_eq!(r.code, 1, "{mode}");
        assert_eq!(r.stderr, format!("failed: stdin: {message}\n"), "{mode}");
        // In an export, the record fails alone and is named; the others are exported.
        assert_eq!(
            with_fixtures(
                &a,
                &[
                    "plugin",
                    "enable",
                    "misbehave",
                    "--set",
                    &format!("mode={mode}")
                ]
            )
            .code,
            0
        );
        let out = tmp.path().join(format!("out-{mode}.jsonl"));
        let r = with_fixtures(
            &a,
            &[
                "--json",
                "export",
                "--format",
                "jsonl",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 1, "{mode}: {}", r.stderr);
        assert_eq!(r.json()["failed"].as_array().unwrap().len(), 2);
        assert!(
            r.stderr.contains(&format!("failed: a.txt@1: {message}")),
            "{mode}: {}",
            r.stderr
        );
        assert_eq!(
            with_fixtures(&a, &["plugin", "disable", "misbehave"]).code,
            0
        );
    }
    // Bytes that are not UTF-8 are bytes to the pipeline; the next text filter names them.
    let mut c = wenku_tests::wenku(Path::new("/nonexistent/archive"));
    c.arg("--plugin-dir").arg(fixture_dir()).args([
        "filter",
        "--with",
        "misbehave,script-convert",
        "--set",
        "misbehave.mode=badutf8",
    ]);
    let r = run(c, b"x");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("plugin script-convert cannot process this input: input is not UTF-8 (invalid byte at offset 0)"), "{}", r.stderr);
}
