//! Web-archive files as crawlers write them, imported by the real `wenku` binary:
//! WARC `resource` records (Webrecorder, wget), `revisit` records (resolved within one
//! import, else named), Common Crawl WET `conversion` records, ARC v1 and v2 (plain and
//! gzipped per record). The files are written here with the record layouts of the
//! WARC 1.1 specification and the Internet Archive's ARC file format.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use wenku_tests::wk;

/// One WARC record: version line, named headers, Content-Length, block, two CRLFs.
fn warc_record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut r = b"WARC/1.1\r\n".to_vec();
    for (k, v) in headers {
        r.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    r.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Records gzipped one member each, as crawlers write `.warc.gz` / `.arc.gz`.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(r).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

fn warcinfo() -> Vec<u8> {
    warc_record(
        &[
            ("WARC-Type", "warcinfo"),
            (
                "WARC-Record-ID",
                "<urn:uuid:00000000-0000-0000-0000-000000000000>",
            ),
            ("WARC-Date", "2024-01-01T00:00:00Z"),
            ("Content-Type", "application/warc-fields"),
        ],
        b"software: test\r\nformat: WARC File Format 1.1\r\n",
    )
}

fn http(body: &str, content_type: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn cat_raw(archive: &Path, key: &str) -> Vec<u8> {
    let r = wk(archive, &["cat", "--raw", key]);
    assert_eq!(r.code, 0, "cat {key}: {}", r.stderr);
    r.stdout
}

fn keys(archive: &Path) -> Vec<String> {
    wk(archive, &["ls"])
        .stdout_str()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn resource_records_are_documents() {
    let tmp = tempfile::tempdir().unwrap();
    // As Webrecorder writes a page it stored directly: warcinfo, resource, metadata.
    let file = tmp.path().join("webrecorder.warc.gz");
    let page = "<html><head><title>資源</title></head><body><p>直接保存的網頁</p></body></html>";
    std::fs::write(
        &file,
        gzip_members(&[
            warcinfo(),
            warc_record(
                &[
                    ("WARC-Type", "resource"),
                    (
                        "WARC-Record-ID",
                        "<urn:uuid:6e7f60da-2c7b-11e7-aaf7-0242ac120007>",
                    ),
                    ("WARC-Target-URI", "urn:pageinfo:http://example.com/"),
                    ("WARC-Date", "2024-01-01T00:00:01Z"),
                    ("Content-Type", "application/json"),
                ],
                br#"{"url": "http://example.com/"}"#,
            ),
            warc_record(
                &[
                    ("WARC-Type", "resource"),
                    (
                        "WARC-Record-ID",
                        "<urn:uuid:6e7f60da-2c7b-11e7-aaf7-0242ac120008>",
                    ),
                    ("WARC-Target-URI", "http://example.com/page.html"),
                    ("WARC-Date", "2024-01-01T00:00:02Z"),
                    ("Content-Type", "text/html; charset=utf-8"),
                ],
                page.as_bytes(),
            ),
            warc_record(
                &[
                    ("WARC-Type", "metadata"),
                    ("WARC-Target-URI", "http://example.com/page.html"),
                    ("Content-Type", "application/warc-fields"),
                ],
                b"via: http://example.com/\r\n",
            ),
        ]),
    )
    .unwrap();
    let a = tmp.path().join("a");
    let r = wk(&a, &["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The page list (an `urn:` resource) is Webrecorder's bookkeeping, not a document.
    assert_eq!(keys(&a), ["http://example.com/page.html"]);
    assert_eq!(cat_raw(&a, "http://example.com/page.html"), page.as_bytes());
    let r = wk(
        &a,
        &[
            "export", "--format", "jsonl", "--out", "-", "--raw", "--prefix", "http",
        ],
    );
    let line: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(line["metadata"]["warc-type"], "resource");
    assert_eq!(line["metadata"]["charset"], "utf-8");
    assert_eq!(line["metadata"]["title"], "資源");
}

#[test]
fn revisits_resolve_within_one_import_and_are_named_otherwise() {
    let tmp = tempfile::tempdir().unwrap();
    let original = warc_record(
        &[
            ("WARC-Type", "response"),
            ("WARC-Record-ID", "<urn:uuid:1>"),
            ("WARC-Target-URI", "http://example.com/"),
            ("WARC-Date", "2024-01-01T00:00:00Z"),
            (
                "WARC-Payload-Digest",
                "sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK",
            ),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &http("<p>原文</p>", "text/html; charset=utf-8"),
    );
    let revisit = |uri: &str, extra: &[(&str, &str)]| {
        let mut h = vec![
            ("WARC-Type", "revisit"),
            ("WARC-Target-URI", uri),
            ("WARC-Date", "2024-02-01T00:00:00Z"),
            (
                "WARC-Profile",
                "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
            ),
        ];
        h.extend_from_slice(extra);
        warc_record(&h, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
    };
    // The original in one file, revisits of it in another: one import resolves them.
    let first = tmp.path().join("1.warc");
    let second = tmp.path().join("2.warc");
    std::fs::write(&first, [warcinfo(), original].concat()).unwrap();
    std::fs::write(
        &second,
        [
            revisit(
                "http://mirror.example.com/",
                &[
                    ("WARC-Refers-To-Target-URI", "http://example.com/"),
                    ("WARC-Refers-To-Date", "2024-01-01T00:00:00Z"),
                ],
            ),
            revisit(
                "http://other.example.com/",
                &[(
                    "WARC-Payload-Digest",
                    "sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK",
                )],
            ),
        ]
        .concat(),
    )
    .unwrap();
    let a = tmp.path().join("a");
    let r = wk(
        &a,
        &["import", first.to_str().unwrap(), second.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for key in [
        "http://example.com/",
        "http://mirror.example.com/",
        "http://other.example.com/",
    ] {
        assert_eq!(cat_raw(&a, key), "<p>原文</p>".as_bytes(), "{key}");
    }
    // The revisits alone: nothing to resolve them to, each named.
    let b = tmp.path().join("b");
    let r = wk(&b, &["import", second.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let name = second.display();
    assert_eq!(
        r.stderr.lines().filter(|l| l.starts_with("failed:")).collect::<Vec<_>>(),
        [
            format!("failed: {name}#record 1 (http://mirror.example.com/): revisit of http://example.com/ at 2024-01-01T00:00:00Z, which is not in this import; skipped (import the WARC holding the original together with this one)"),
            format!("failed: {name}#record 2 (http://other.example.com/): revisit of payload sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK, which is not in this import; skipped (import the WARC holding the original together with this one)"),
        ]
    );
}

#[test]
fn common_crawl_wet_files_give_their_text() {
    let tmp = tempfile::tempdir().unwrap();
    let conversion = |uri: &str, id: &str, text: &str| {
        warc_record(
            &[
                ("WARC-Type", "conversion"),
                ("WARC-Target-URI", uri),
                ("WARC-Date", "2024-02-20T10:00:00Z"),
                ("WARC-Record-ID", id),
                (
                    "WARC-Refers-To",
                    "<urn:uuid:aaaaaaaa-0000-0000-0000-000000000000>",
                ),
                ("WARC-Block-Digest", "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                ("WARC-Identified-Content-Language", "zho"),
                ("Content-Type", "text/plain"),
            ],
            text.as_bytes(),
        )
    };
    let file = tmp.path().join("CC-MAIN-20240220-00000.warc.wet.gz");
    std::fs::write(
        &file,
        gzip_members(&[
            warc_record(
                &[
                    ("WARC-Type", "warcinfo"),
                    ("WARC-Date", "2024-02-20T10:00:00Z"),
                    ("WARC-Filename", "CC-MAIN-20240220-00000.warc.wet.gz"),
                    ("Content-Type", "application/warc-fields"),
                ],
                b"Software-Info: ia-web-commons\r\nExtracted-Date: Tue, 20 Feb 2024\r\n",
            ),
            conversion(
                "http://news.example.cn/1.html",
                "<urn:uuid:1>",
                "第一篇新聞\n正文。",
            ),
            conversion(
                "http://news.example.cn/2.html",
                "<urn:uuid:2>",
                "第二篇新闻\n正文。",
            ),
        ]),
    )
    .unwrap();
    let a = tmp.path().join("a");
    let r = wk(&a, &["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        keys(&a),
        [
            "http://news.example.cn/1.html",
            "http://news.example.cn/2.html"
        ]
    );
    assert_eq!(
        cat_raw(&a, "http://news.example.cn/2.html"),
        "第二篇新闻\n正文。".as_bytes()
    );
}

const ARC_V1_FILEDESC: &str = "filedesc://crawl.arc 0.0.0.0 20140216050221 text/plain 76\n1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n";
const ARC_V2_FILEDESC: &str = "filedesc://crawl.arc 0.0.0.0 20140216050221 text/plain 200 - - 0 crawl.arc 122\n2 0 InternetArchive\nURL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length\n";

fn arc_record(header: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!("{header} {}\n", block.len()).into_bytes();
    r.extend_from_slice(block);
    r.push(b'\n');
    r
}

#[test]
fn arc_files_version_1_and_2_plain_and_gzipped() {
    let tmp = tempfile::tempdir().unwrap();
    let big5 = encoding_rs::BIG5.encode("繁體網頁").0.into_owned();
    let mut page = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=big5\r\n\r\n".to_vec();
    page.extend_from_slice(&big5);
    let v1 = [
        format!("{ARC_V1_FILEDESC}\n").into_bytes(),
        arc_record(
            "http://a.example/ 192.0.2.1 20140216050221 text/html",
            &page,
        ),
        arc_record(
            "dns:a.example 192.0.2.1 20140216050221 text/dns",
            b"192.0.2.1",
        ),
    ];
    std::fs::write(tmp.path().join("v1.arc"), v1.concat()).unwrap();
    let v2 = [
        format!("{ARC_V2_FILEDESC}\n").into_bytes(),
        arc_record(
            "http://b.example/x y 192.0.2.2 20140216050222 text/html 200 ABCDEF - 0 crawl.arc",
            &http("v2 page", "text/html"),
        ),
    ];
    // Gzipped per record, and named so that only its content says ARC.
    std::fs::write(tmp.path().join("v2.dat"), gzip_members(&v2)).unwrap();
    let a = tmp.path().join("a");
    let dir = tmp.path().to_str().unwrap().to_string();
    let r = wk(
        &a,
        &["import", &format!("{dir}/v1.arc"), &format!("{dir}/v2.dat")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(keys(&a), ["http://a.example/", "http://b.example/x y"]);
    assert_eq!(cat_raw(&a, "http://a.example/"), big5);
    assert_eq!(cat_raw(&a, "http://b.example/x y"), b"v2 page");
    // The charset from the HTTP header reaches the plugins: encoding-repair decodes Big5.
    assert_eq!(wk(&a, &["plugin", "enable", "encoding-repair"]).code, 0);
    assert_eq!(
        wk(&a, &["cat", "http://a.example/"]).stdout_str(),
        "繁體網頁"
    );
    // An ARC file given as WARC says what it is.
    let r = wk(
        &tmp.path().join("b"),
        &["import", "--format", "warc", &format!("{dir}/v1.arc")],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("v1.arc#record 1: an ARC file, not WARC; import it with --format arc (or name it .arc / .arc.gz)"),
        "{}",
        r.stderr
    );
}
