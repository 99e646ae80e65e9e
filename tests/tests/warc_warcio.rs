//! The test files of the `warcio` project (tests/data/warcio, Apache-2.0, see ORIGIN.md)
//! imported by the real `wenku` binary: which become documents, and what is reported
//! for the rest.

use std::path::PathBuf;

use wenku_tests::{data_dir, wk};

fn file(name: &str) -> PathBuf {
    data_dir().join("warcio").join(name)
}

/// (file, keys imported, failures reported after the file name, exit status)
const CASES: &[(&str, &[&str], &[&str], i32)] = &[
    ("example.warc", &["http://example.com/"], &[], 0),
    ("example.warc.gz", &["http://example.com/"], &[], 0),
    ("example.arc", &["http://example.com/"], &[], 0),
    ("example.arc.gz", &["http://example.com/"], &[], 0),
    ("example-bad-non-chunked.warc.gz", &["http://example.com/"], &[], 0),
    ("example-wrong-chunks.warc.gz", &["http://example.com/"], &[], 0),
    ("example-iana.org-chunked.warc", &["http://www.iana.org/"], &[], 0),
    ("example-resource.warc.gz", &["http://example.com/"], &[], 0),
    ("example-space-in-target-uri.warc.gz", &["file:///example with spaces.png"], &[], 0),
    ("example-wget-bad-target-uri.warc.gz", &["http://example.com/"], &[], 0),
    ("example-bad.warc.gz.bad", &["http://example.com?example=1", "http://www.iana.org/domains/example"], &[], 0),
    ("post-test.warc.gz", &["http://httpbin.org/post", "http://httpbin.org/post?foo=bar"], &[], 0),
    // Request records only: nothing to import.
    ("example-digest.warc", &[], &[], 0),
    // Lengths of -1 and "abc": no record can be delimited.
    ("bad.arc", &[], &["#record 1: header line \"filedesc://bad.arc.gz 127.0.0.1 20140301000000 text/plain -1\" does not end in a block length; the rest of the file is skipped"], 1),
    // The header says 1591 bytes; the file holds 1579 after it.
    ("example-space-in-url.arc", &[], &["#record 2: record is cut short (1579 of 1591 bytes)"], 1),
    // Cut inside a gzip-coded HTTP body, then garbage.
    ("example-trunc.warc", &[], &["#record 3: Content-Length 973 does not end where the record ends; skipped"], 1),
];

#[test]
fn warcio_test_files_import_or_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    for (i, (name, keys, failures, code)) in CASES.iter().enumerate() {
        let a = tmp.path().join(format!("a{i}"));
        let path = file(name);
        let r = wk(&a, &["import", path.to_str().unwrap()]);
        assert_eq!(r.code, *code, "{name}: {}", r.stderr);
        let failed: Vec<String> = r
            .stderr
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("failed: {}", path.display())))
            .map(str::to_string)
            .collect();
        assert_eq!(failed, *failures, "{name}");
        let listed = if keys.is_empty() {
            Vec::new()
        } else {
            wk(&a, &["ls"])
                .stdout_str()
                .lines()
                .map(str::to_string)
                .collect()
        };
        assert_eq!(listed, *keys, "{name}");
    }
}

#[test]
fn the_same_page_from_warc_and_arc_is_the_same_document() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    // example.warc holds a response and a revisit of it (same URI, same payload);
    // example.arc the same capture.
    let r = wk(
        &a,
        &[
            "--json",
            "import",
            file("example.warc").to_str().unwrap(),
            file("example.arc").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary = r.json();
    assert_eq!(
        (
            &summary["new_documents"],
            &summary["new_versions"],
            &summary["unchanged"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(0),
            &serde_json::json!(2)
        )
    );
    let page = wk(&a, &["cat", "--raw", "http://example.com/"]).stdout;
    assert!(
        page.starts_with(b"<!doctype html>"),
        "{}",
        String::from_utf8_lossy(&page)
    );
    assert_eq!(page.len(), 1270);
}
