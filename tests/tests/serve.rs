//! `wenku serve` on the real binary: the JSON API, many clients at once, read-only, and
//! `import` and `cat` on the same archive while it runs.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use wenku_tests::{seed_names, wk};

use wenku_tests::serve;

/// One HTTP/1.1 request: status and body.
pub fn request(addr: &str, method: &str, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(addr).expect("connect to wenku serve");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    (status, raw[split + 4..].to_vec())
}

pub fn get_json(addr: &str, path: &str) -> Value {
    let (status, body) = request(addr, "GET", path);
    assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

fn archive(tmp: &Path) -> PathBuf {
    let input = tmp.join("in");
    wenku_tests::copy_seeds(&input);
    let a = tmp.join("arch");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    for p in ["encoding-repair", "spam-trim", "script-convert"] {
        assert_eq!(wk(&a, &["plugin", "enable", p]).code, 0);
    }
    a
}

#[test]
fn the_api_answers_as_the_commands_do() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let s = serve(&a);
    let keys = get_json(&s.addr, "/api/keys?prefix=00");
    assert_eq!(keys["total"], json!(5));
    let names: Vec<&str> = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap())
        .collect();
    assert_eq!(names, seed_names());
    assert_eq!(get_json(&s.addr, "/api/keys?prefix=003")["total"], json!(1));
    for n in seed_names() {
        let record = get_json(&s.addr, &format!("/api/record?key={n}"));
        assert_eq!(record, wk(&a, &["--json", "cat", &n]).json(), "{n}");
        let (status, raw) = request(&s.addr, "GET", &format!("/api/raw?key={n}&version=1"));
        assert_eq!(status, 200);
        assert!(raw == wk(&a, &["cat", "--raw", &n]).stdout, "{n}");
        let e = get_json(
            &s.addr,
            &format!("/api/explain?key={n}&without=script-convert"),
        );
        let mut cli = wk(
            &a,
            &["--json", "explain", &n, "--without", "script-convert"],
        )
        .json();
        cli["raw"] = json!(String::from_utf8_lossy(&raw));
        assert_eq!(e, cli, "{n}");
    }
    assert_eq!(
        get_json(&s.addr, "/api/plugins"),
        json!({"pipeline": ["encoding-repair", "spam-trim", "script-convert"]})
    );
    assert_eq!(get_json(&s.addr, "/api/stats")["documents"], json!(5));
    let (status, body) = request(&s.addr, "GET", "/api/record?key=nope");
    assert_eq!(status, 404);
    assert_eq!(
        String::from_utf8_lossy(&body),
        r#"{"error":"no document with key \"nope\" in the archive; list the keys with `wenku ls`"}"#
    );
    let (status, _) = request(&s.addr, "POST", "/api/keys");
    assert_eq!(status, 405);
    let (status, page) = request(&s.addr, "GET", "/");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("<title>wenku review</title>"));
}

#[test]
fn twenty_clients_at_once_are_all_answered() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let s = serve(&a);
    let expected: Vec<(String, Value)> = seed_names()
        .into_iter()
        .map(|n| {
            let v = wk(&a, &["--json", "cat", &n]).json();
            (n, v)
        })
        .collect();
    let answered = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for c in 0..20 {
            let (addr, expected, answered) = (&s.addr, &expected, &answered);
            scope.spawn(move || {
                for i in 0..10 {
                    let (n, v) = &expected[(c + i) % expected.len()];
                    assert_eq!(&get_json(addr, &format!("/api/record?key={n}")), v);
                    answered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    assert_eq!(answered.into_inner(), 200);
}

#[test]
fn import_and_cat_work_while_the_server_runs_and_the_new_version_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let s = serve(&a);
    let key = "003_4c023f02afb06f96.txt";
    assert_eq!(
        get_json(&s.addr, &format!("/api/versions?key={key}"))["versions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let input = tmp.path().join("in");
    let mut text = std::fs::read_to_string(input.join(key)).unwrap();
    text.push_str("\n新增的一段：第二版多了这一行。\n");
    std::fs::write(input.join(key), &text).unwrap();
    let r = wk(&a, &["import", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = wk(&a, &["cat", "--raw", key]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout_str(), text);
    let v = get_json(&s.addr, &format!("/api/versions?key={key}"));
    assert_eq!(v["versions"].as_array().unwrap().len(), 2);
    let d = get_json(&s.addr, &format!("/api/diff?key={key}&from=1&to=2"));
    assert!(d["unified_diff"]
        .as_str()
        .unwrap()
        .contains("\n+新增的一段：第二版多了这一行。\n"));
    let record = get_json(&s.addr, &format!("/api/record?key={key}"));
    assert_eq!(record["version"], json!(2));
}

#[test]
fn a_remote_bind_is_refused_without_allow_remote() {
    let tmp = tempfile::tempdir().unwrap();
    let a = archive(tmp.path());
    let r = wk(&a, &["serve", "--bind", "0.0.0.0:0"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "wenku: error: --bind 0.0.0.0:0 is not a loopback address; anyone who reaches it can read the whole archive. Add --allow-remote to serve it anyway, or bind 127.0.0.1\n"
    );
}
