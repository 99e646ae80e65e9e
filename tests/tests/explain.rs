//! Why a document came out as it did, on the real binary and plugins: one metadata
//! builder for `cat` and `export`, `explain`, `cat --json`, `export --with`,
//! `ls --dropped`, and the smaller read-path fixes.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::{json, Value};
use wenku_tests::{seed_names, wk};

const SPAM_ONLY: &str = "日韩精品人妻系列无码专区 | 欧美日韩中文字幕| 亚洲美日韩Av中文字幕无码久久久妻妇| 久久午夜无码鲁丝片秋霞| 国产成人A人亚洲精品无码| 久久久中文字幕\n";

/// The seeds plus a page that is nothing but spam, with the three plugins enabled.
fn archive(tmp: &Path) -> PathBuf {
    let input = tmp.join("in");
    wenku_tests::copy_seeds(&input);
    std::fs::write(input.join("spam_only.txt"), SPAM_ONLY).unwrap();
    let a = tmp.join("arch");
    let r = wk(&a, &["import", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for p in ["encoding-repair", "spam-trim", "script-convert"] {
        let r = wk(&a, &["plugin", "enable", p]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    a
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn cat_json_and_export_give_the_same_record_for_every_seed() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let out = tmp.path().join("out.jsonl");
    let r = wk(
        &a,
        &[
            "export",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let exported = jsonl(&out);
    assert_eq!(exported.len(), seed_names().len());
    for line in &exported {
        let id = line["id"].as_str().unwrap();
        let r = wk(&a, &["--json", "cat", id]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mut cat = r.json();
        assert_eq!(cat["verdict"], json!("keep"), "{id}");
        cat.as_object_mut().unwrap().remove("verdict");
        assert_eq!(&cat, line, "{id}");
        // Every path hands plugins the import time; JSONL fields would come along too.
        assert!(cat["metadata"]["imported"].is_string(), "{id}");
        assert!(cat["metadata"]["source"].as_str().unwrap().ends_with(id));
    }
}

#[test]
fn a_dropped_record_says_so_under_json() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let r = wk(&a, &["--json", "cat", "spam_only.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["verdict"], json!("drop"));
    assert_eq!(v["text"], Value::Null);
    assert_eq!(v["dropped_by"], json!("spam-trim"));
    assert_eq!(
        v["reason"],
        json!("SEO spam only (99% of the text was keyword lists)")
    );
    assert_eq!(v["id"], json!("spam_only.txt"));
    assert_eq!(v["version"], json!(1));
}

#[test]
fn explain_names_the_spam_block_of_seed_002_and_its_rule() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let key = "002_d66d1dd5df9fb961.txt";
    let r = wk(&a, &["--json", "explain", key]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e = r.json();
    let plugins: Vec<&str> = e["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["plugin"].as_str().unwrap())
        .collect();
    assert_eq!(plugins, ["encoding-repair", "spam-trim", "script-convert"]);
    let spam = &e["steps"][1];
    assert_eq!(spam["verdict"], json!("keep"));
    let removed = spam["removed"].as_array().unwrap();
    let block: Vec<&Value> = removed
        .iter()
        .filter(|r| r["rule"] == json!("spam"))
        .collect();
    assert_eq!(block.len(), 1, "{removed:?}");
    let line = block[0]["line"].as_str().unwrap();
    assert!(
        line.starts_with("日韩精品人妻系列无码专区 | 欧美日韩中文字幕|"),
        "{line}"
    );
    assert!(line.ends_with("国产精品中文久久久久久久|"), "{line}");
    assert!(removed.contains(&json!({"line": "責任編輯: 王曉娟", "rule": "boilerplate"})));
    // The explanation's text and metadata are what cat gives.
    let cat = wk(&a, &["--json", "cat", key]).json();
    assert_eq!(e["text"], cat["text"]);
    assert_eq!(e["metadata"], cat["metadata"]);
    assert_eq!(e["verdict"], json!("keep"));
    // The text form names the rule before the line.
    let text = wk(&a, &["explain", key]).stdout_str();
    assert!(
        text.contains("2. spam-trim: keep")
            && text.contains("   - [spam] 日韩精品人妻系列无码专区 |"),
        "{text}"
    );
    // And the removed line is in the input, not in the output.
    let cleaned = cat["text"].as_str().unwrap();
    assert!(!cleaned.contains("日韩精品人妻系列无码专区"));
}

#[test]
fn ls_dropped_lists_exactly_what_an_export_drops() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let r = wk(&a, &["--json", "ls", "--dropped"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let listed = r.json();
    assert_eq!(
        listed,
        json!([{"key": "spam_only.txt", "version": 1, "plugin": "spam-trim",
                "reason": "SEO spam only (99% of the text was keyword lists)"}])
    );
    let out = tmp.path().join("out");
    let r = wk(&a, &["export", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["dropped"], listed);
    assert_eq!(
        wk(&a, &["ls", "--dropped"]).stdout_str(),
        "spam_only.txt@1  dropped by spam-trim: SEO spam only (99% of the text was keyword lists)\n"
    );
    // Without spam-trim nothing is dropped.
    assert_eq!(
        wk(&a, &["--json", "ls", "--dropped", "--without", "spam-trim"]).json(),
        json!([])
    );
}

#[test]
fn export_with_equals_cat_with_for_every_seed() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    for (i, with) in ["spam-trim", "encoding-repair,script-convert"]
        .iter()
        .enumerate()
    {
        let out = tmp.path().join(format!("out{i}"));
        let r = wk(
            &a,
            &["export", "--out", out.to_str().unwrap(), "--with", with],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        for n in seed_names() {
            let cat = wk(&a, &["cat", &n, "--with", with]);
            assert_eq!(cat.code, 0, "{}", cat.stderr);
            assert!(
                std::fs::read(out.join(&n)).unwrap() == cat.stdout,
                "{n} --with {with}"
            );
        }
    }
    // --without as cat takes it.
    let out = tmp.path().join("without");
    let r = wk(
        &a,
        &[
            "export",
            "--out",
            out.to_str().unwrap(),
            "--without",
            "script-convert",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let n = "001_bc63e35d409cf408.txt";
    assert!(
        std::fs::read(out.join(n)).unwrap()
            == wk(&a, &["cat", n, "--without", "script-convert"]).stdout
    );
    // A snapshot keeps its pinned pipeline.
    assert_eq!(wk(&a, &["snapshot", "create", "s"]).code, 0);
    let r = wk(
        &a,
        &[
            "export",
            "--snapshot",
            "s",
            "--out",
            tmp.path().join("s").to_str().unwrap(),
            "--with",
            "spam-trim",
        ],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "wenku: error: snapshot \"s\" pins its pipeline; export it without --with/--without, or export the latest versions with them\n"
    );
}

#[test]
fn export_bytes_written_is_the_size_of_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    for format in ["jsonl", "tar"] {
        let out = tmp.path().join(format!("out.{format}"));
        let r = wk(
            &a,
            &[
                "--json",
                "export",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(
            r.json()["bytes_written"].as_u64().unwrap(),
            std::fs::metadata(&out).unwrap().len(),
            "{format}"
        );
    }
}

#[test]
fn a_typo_in_the_import_path_creates_no_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("arch");
    let missing = tmp.path().join("seeds-typo");
    let r = wk(&a, &["import", missing.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "wenku: error: {} does not exist; nothing imported and no archive created at {} (check the path)\n",
            missing.display(),
            a.display()
        )
    );
    assert!(!a.exists());
}

#[test]
fn ls_into_a_closed_pipe_is_quiet() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("many");
    std::fs::create_dir_all(&input).unwrap();
    for i in 0..3000 {
        std::fs::write(
            input.join(format!("k{i:05}-{}.txt", "x".repeat(60))),
            format!("{i}"),
        )
        .unwrap();
    }
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", "-q", input.to_str().unwrap()]).code, 0);
    let mut c = wenku_tests::wenku(&a);
    c.arg("ls").stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone: `wenku ls | head -1`.
    let out = child.wait_with_output().unwrap();
    assert_eq!(first, format!("k00000-{}.txt\n", "x".repeat(60)));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn log_gives_the_h1_of_markdown_as_its_title() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("note.md"), "# 一个标题\n\n正文第一段。\n").unwrap();
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    let v = wk(&a, &["--json", "log", "note.md"]).json();
    assert_eq!(v[0]["title"], json!("一个标题"));
    assert!(wk(&a, &["log", "note.md"])
        .stdout_str()
        .contains("\n    title: 一个标题\n"));
}

#[test]
fn explain_names_the_masthead_lines_and_the_author_goes_to_the_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("kpwn.md"),
        "---\ntitle: Kernel PWN从入门到提升\nsource: 看雪学苑\n---\n\n# Kernel PWN从入门到提升\n\nkotoriseed\n\n看雪学苑\n\n本文为看雪论坛精华文章，作者用一道例题详细讲解内核漏洞利用从入门过渡到较高难度的部分。\n",
    )
    .unwrap();
    let a = tmp.path().join("arch");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    assert_eq!(wk(&a, &["plugin", "enable", "spam-trim"]).code, 0);
    let r = wk(&a, &["--json", "explain", "kpwn.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e = r.json();
    assert_eq!(
        e["steps"][0]["removed"],
        json!([
            {"line": "kotoriseed", "rule": "masthead"},
            {"line": "看雪学苑", "rule": "masthead"}
        ])
    );
    assert_eq!(e["metadata"]["author"], json!("kotoriseed"));
    assert_eq!(e["metadata"]["masthead_lines"], json!("2"));
    assert_eq!(
        e["text"],
        json!("Kernel PWN从入门到提升\n\n本文为看雪论坛精华文章，作者用一道例题详细讲解内核漏洞利用从入门过渡到较高难度的部分。\n")
    );
}
