//! Export, snapshots and exchange imports through the real `wenku` binary with the real
//! plugin libraries.

use std::io::Write;
use std::path::{Path, PathBuf};

use wenku_tests::{data_dir, seed_names, seeds_dir, wk};

fn expected(n: &str) -> Vec<u8> {
    std::fs::read(data_dir().join(format!("expected/export/{}.txt", &n[..3]))).unwrap()
}

/// An archive with the seeds imported and all three filters enabled.
fn archive_with_filters(tmp: &Path) -> PathBuf {
    let a = tmp.join("arch");
    assert_eq!(wk(&a, &["import", seeds_dir().to_str().unwrap()]).code, 0);
    for p in ["encoding-repair", "spam-trim", "script-convert"] {
        let r = wk(&a, &["plugin", "enable", p]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    a
}

#[test]
fn every_format_exports_the_cleaned_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive_with_filters(tmp.path());
    // dir
    let dir = tmp.path().join("out");
    let r = wk(&a, &["--json", "export", "--out", dir.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["exported"], 5);
    for n in seed_names() {
        assert!(
            std::fs::read(dir.join(&n)).unwrap() == expected(&n),
            "dir {n}"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["exported"], 5);
    let names: Vec<&str> = manifest["pipeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["encoding-repair", "spam-trim", "script-convert"]);
    for rec in manifest["records"].as_array().unwrap() {
        let key = rec["key"].as_str().unwrap();
        assert_eq!(rec["version"], 1);
        assert_eq!(
            rec["blake3"].as_str().unwrap(),
            blake3::hash(&expected(key)).to_hex().as_str()
        );
    }
    // Existing output is not overwritten without --force.
    let r = wk(&a, &["export", "--out", dir.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("exists and is not empty; choose another --out or add --force"),
        "{}",
        r.stderr
    );
    assert_eq!(
        wk(&a, &["export", "--out", dir.to_str().unwrap(), "--force"]).code,
        0
    );

    // jsonl
    let jsonl = tmp.path().join("out.jsonl");
    assert_eq!(
        wk(
            &a,
            &[
                "export",
                "--out",
                jsonl.to_str().unwrap(),
                "--format",
                "jsonl"
            ]
        )
        .code,
        0
    );
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line parses"))
        .collect();
    assert_eq!(lines.len(), 5);
    for (line, n) in lines.iter().zip(seed_names()) {
        assert_eq!(line["id"], n.as_str());
        assert_eq!(line["version"], 1);
        assert_eq!(
            line["text"].as_str().unwrap().as_bytes(),
            expected(&n).as_slice()
        );
        let m = &line["metadata"];
        assert_eq!(m["media_type"], "text/plain");
        assert!(m["source"].as_str().unwrap().ends_with(&n));
        assert!(m["imported"].as_str().unwrap().ends_with('Z'));
        assert!(m["spam_score"].is_string());
        assert!(m["script"].is_string());
    }
    assert_eq!(lines[0]["metadata"]["title"], "尽快遏制疫情扩散蔓延势头");
    assert_eq!(lines[0]["metadata"]["author"], "ZAKER");
    assert_eq!(
        lines[2]["metadata"]["script"], "Hans",
        "the script of the output"
    );
    assert_eq!(
        lines[2]["metadata"]["script_input"], "Hant",
        "the script found before conversion"
    );
    assert!(tmp.path().join("out.jsonl.manifest.json").exists());

    // tar
    let tarpath = tmp.path().join("out.tar");
    assert_eq!(
        wk(
            &a,
            &[
                "export",
                "--out",
                tarpath.to_str().unwrap(),
                "--format",
                "tar"
            ]
        )
        .code,
        0
    );
    let mut ar = tar::Archive::new(std::fs::File::open(&tarpath).unwrap());
    let mut seen = Vec::new();
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut bytes).unwrap();
        assert!(bytes == expected(&name), "tar {name}");
        seen.push(name);
    }
    assert_eq!(seen, seed_names());
    // tar to stdout carries its manifest as the last entry.
    let r = wk(&a, &["export", "--out", "-", "--format", "tar"]);
    assert_eq!(r.code, 0);
    let names: Vec<String> = tar::Archive::new(r.stdout.as_slice())
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.last().map(String::as_str), Some("manifest.json"));
}

#[test]
fn a_snapshot_exports_the_same_bytes_later_and_refuses_a_changed_plugin() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let docs = tmp.path().join("docs");
    wenku_tests::copy_seeds(&docs);
    // The script-convert library from a folder of our own, so it can be "rebuilt".
    let plugins = tmp.path().join("plugins");
    std::fs::create_dir(&plugins).unwrap();
    let lib = plugins.join(wenku_tests::dylib_name("wenku_script_convert"));
    std::fs::copy(
        wenku_tests::built()
            .bin_dir
            .join(wenku_tests::dylib_name("wenku_script_convert")),
        &lib,
    )
    .unwrap();
    let p = plugins.to_str().unwrap();
    // `wenku --plugin-dir PLUGINS ARGS`, and an export of snapshot "first" as JSONL.
    let with_plugins = |args: &[&str]| {
        let mut all = vec!["--plugin-dir", p];
        all.extend_from_slice(args);
        wk(&a, &all)
    };
    let export_first = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "export",
            "--snapshot",
            "first",
            "--out",
            out.to_str().unwrap(),
            "--format",
            "jsonl",
        ];
        args.extend_from_slice(extra);
        with_plugins(&args)
    };
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    assert_eq!(
        with_plugins(&[
            "plugin",
            "enable",
            "script-convert",
            "--set",
            "config=s2twp"
        ])
        .code,
        0
    );
    assert_eq!(wk(&a, &["snapshot", "create", "first"]).code, 0);
    let out1 = tmp.path().join("s1.jsonl");
    assert_eq!(export_first(&out1, &[]).code, 0);

    // New versions, a different pipeline config: the snapshot still exports the same.
    std::fs::write(
        docs.join("003_4c023f02afb06f96.txt"),
        "全新的第二版内容。\n",
    )
    .unwrap();
    assert_eq!(wk(&a, &["import", docs.to_str().unwrap()]).code, 0);
    assert_eq!(
        with_plugins(&["plugin", "enable", "script-convert", "--set", "config=t2s"]).code,
        0
    );
    let out2 = tmp.path().join("s2.jsonl");
    let r = export_first(&out2, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read(&out1).unwrap() == std::fs::read(&out2).unwrap(),
        "snapshot export changed"
    );
    let latest = tmp.path().join("latest.jsonl");
    with_plugins(&[
        "export",
        "--out",
        latest.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert!(std::fs::read_to_string(&latest)
        .unwrap()
        .contains("全新的第二版内容"));

    // A rebuilt library: the snapshot export refuses, unless allowed.
    let mut bytes = std::fs::read(&lib).unwrap();
    bytes.extend_from_slice(b"rebuilt");
    std::fs::write(&lib, &bytes).unwrap();
    let out3 = tmp.path().join("s3.jsonl");
    let r = export_first(&out3, &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(
            "wenku: error: snapshot \"first\" was made with plugin script-convert sha256 "
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("add --allow-pipeline-change"),
        "{}",
        r.stderr
    );
    let r = export_first(&out3, &["--allow-pipeline-change"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let list = wk(&a, &["--json", "snapshot", "list"]).json();
    assert_eq!(list[0]["name"], "first");
    assert_eq!(list[0]["documents"], 5);
    let show = wk(&a, &["--json", "snapshot", "show", "first"]).json();
    assert_eq!(show["pipeline"][0]["config"]["config"], "s2twp");
    assert_eq!(show["entries"].as_array().unwrap().len(), 5);
    let r = wk(&a, &["snapshot", "create", "first"]);
    assert_eq!(r.code, 2);
}

#[test]
fn hostile_keys_never_leave_the_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let jsonl = tmp.path().join("keys.jsonl");
    let mut f = std::fs::File::create(&jsonl).unwrap();
    for id in [
        "../../x",
        "/etc/passwd",
        "a/../../b",
        "CON",
        "nul.txt",
        "C:\\evil",
        "a\u{0}b",
        "manifest.json",
    ] {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": id, "text": format!("body of {id}")})
        )
        .unwrap();
    }
    drop(f);
    let r = wk(&a, &["--json", "import", jsonl.to_str().unwrap()]);
    assert_eq!(r.code, 1, "the NUL key fails");
    let s = r.json();
    assert_eq!(s["new_documents"], 7);
    assert_eq!(s["failed"][0]["input"], format!("{}:7", jsonl.display()));
    assert!(s["failed"][0]["error"]
        .as_str()
        .unwrap()
        .contains("keys cannot contain a NUL byte"));

    let out = tmp.path().join("sub/out");
    let r = wk(&a, &["export", "--out", out.to_str().unwrap(), "--raw"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Everything written is inside `out`.
    let mut files = Vec::new();
    for e in walkdir(tmp.path()) {
        if e.starts_with(&a) || e == jsonl {
            continue;
        }
        assert!(
            e.starts_with(&out),
            "{} is outside the output folder",
            e.display()
        );
        files.push(e.strip_prefix(&out).unwrap().to_string_lossy().into_owned());
    }
    files.sort();
    assert_eq!(
        files,
        [
            "%2E%2E/%2E%2E/x",
            "C%3A%5Cevil",
            "_CON",
            "_nul.txt",
            "a/%2E%2E/%2E%2E/b",
            "etc/passwd",
            "manifest.json",
            "manifest.json~2"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(out.join("etc/passwd")).unwrap(),
        "body of /etc/passwd"
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let renamed = manifest["renamed"].as_array().unwrap();
    assert!(renamed
        .iter()
        .any(|r| r["key"] == "../../x" && r["path"] == "%2E%2E/%2E%2E/x"));
    assert!(renamed
        .iter()
        .any(|r| r["key"] == "manifest.json" && r["path"] == "manifest.json~2"));
}

fn walkdir(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn warc_record(uri: &str, http: &[u8]) -> Vec<u8> {
    let mut r = format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-03-20T00:00:00Z\r\nContent-Length: {}\r\n\r\n", http.len()).into_bytes();
    r.extend_from_slice(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn warc_and_jsonl_files_import_with_keys_and_bodies() {
    use flate2::write::GzEncoder;
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let page_a = "<html><body><p>甲页正文</p></body></html>";
    let (gbk, _, _) =
        encoding_rs::GBK.encode("<html><body><p>乙页正文，用GBK编码。</p></body></html>");
    let mut http_b = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\n\r\n".to_vec();
    http_b.extend_from_slice(&gbk);
    let rec_a = warc_record(
        "http://example.com/a",
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page_a}")
            .as_bytes(),
    );
    let rec_b = warc_record("http://example.com/b", &http_b);
    // Gzipped per record.
    let mut per_record = Vec::new();
    for rec in [&rec_a, &rec_b] {
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(rec).unwrap();
        per_record.extend(gz.finish().unwrap());
    }
    std::fs::write(tmp.path().join("per-record.warc.gz"), per_record).unwrap();
    // Gzipped whole, and a key prefix to keep them apart.
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&[rec_a.clone(), rec_b.clone()].concat())
        .unwrap();
    let whole = tmp.path().join("whole.data");
    std::fs::write(&whole, gz.finish().unwrap()).unwrap();

    let r = wk(
        &a,
        &[
            "--json",
            "import",
            tmp.path().join("per-record.warc.gz").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["new_documents"], 2);
    let r = wk(
        &a,
        &[
            "--json",
            "import",
            "--prefix",
            "whole",
            whole.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["new_documents"], 2, "auto finds WARC by content");
    assert_eq!(wk(&a, &["ls"]).stdout_str(), "http://example.com/a\nhttp://example.com/b\nwhole/http://example.com/a\nwhole/http://example.com/b\n");
    assert_eq!(
        wk(&a, &["cat", "--raw", "http://example.com/a"]).stdout,
        page_a.as_bytes()
    );
    assert!(wk(&a, &["cat", "--raw", "whole/http://example.com/b"]).stdout == gbk.as_ref());
    let log = wk(&a, &["--json", "log", "http://example.com/b"]).json();
    assert_eq!(log[0]["charset"], "gbk");
    assert_eq!(log[0]["media_type"], "text/html");
    // The HTTP charset reaches encoding-repair.
    assert_eq!(wk(&a, &["plugin", "enable", "encoding-repair"]).code, 0);
    assert_eq!(wk(&a, &["plugin", "enable", "spam-trim"]).code, 0);
    assert_eq!(
        wk(&a, &["cat", "http://example.com/b"]).stdout_str(),
        "乙页正文，用GBK编码。\n"
    );

    let jsonl = tmp.path().join("docs.jsonl");
    std::fs::write(&jsonl, "{\"id\":\"j1\",\"text\":\"第一条\",\"title\":\"标题一\",\"lang\":\"zh\"}\nnot json\n{\"url\":\"http://x/2\",\"content\":\"第二条\"}\n").unwrap();
    let r = wk(&a, &["--json", "import", jsonl.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let s = r.json();
    assert_eq!(s["new_documents"], 2);
    assert_eq!(s["failed"][0]["input"], format!("{}:2", jsonl.display()));
    assert_eq!(wk(&a, &["cat", "--raw", "j1"]).stdout, "第一条".as_bytes());
    assert_eq!(
        wk(&a, &["cat", "--raw", "http://x/2"]).stdout,
        "第二条".as_bytes()
    );
    let log = wk(&a, &["--json", "log", "j1"]).json();
    assert_eq!(log[0]["title"], "标题一");
}
