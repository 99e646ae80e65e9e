//! The review server: a JSON API over the archive and a page that uses it.
//!
//! Concurrency: `threads` workers take requests from one listener. Every request opens
//! the archive read-only and lets it go when answered, so the server never holds the
//! archive between requests: `wenku import` (a writer) waits at most for the requests
//! in flight, and the next request sees what it imported. Plugin libraries are loaded
//! once and shared.

use std::io::Cursor;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{anyhow, Result};
use percent_encoding::percent_decode_str;
use serde_json::json;
use tiny_http::{Header, Method, Response, Server};
use wenku_core::archive::{Access, Opening};
use wenku_core::ops::explain;
use wenku_core::plugin::record::Cleaner;
use wenku_core::plugin::{PluginHost, Selection};
use wenku_core::store::lock::Wait;
use wenku_core::Archive;

use crate::global::Global;
use crate::print;

const PAGE: &str = include_str!("page.html");

struct State {
    archive_dir: std::path::PathBuf,
    wait: std::time::Duration,
    host: PluginHost,
}

/// An answer: status, content type, body.
type Answer = (u16, &'static str, Vec<u8>);

/// Serve until the process is stopped.
pub fn run(g: &Global, addr: SocketAddr, threads: usize) -> Result<()> {
    let server = Server::http(addr).map_err(|e| anyhow!("cannot listen on {addr}: {e}"))?;
    let local = server
        .server_addr()
        .to_ip()
        .map_or_else(|| addr.to_string(), |a| a.to_string());
    // The address goes to stdout, so scripts and tests can read the port chosen for :0.
    println!("serving {} at http://{local}/", g.archive_dir.display());
    let state = Arc::new(State {
        archive_dir: g.archive_dir.clone(),
        wait: g.wait,
        host: g.host(),
    });
    let server = Arc::new(server);
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let (server, state) = (server.clone(), state.clone());
            std::thread::spawn(move || {
                while let Ok(req) = server.recv() {
                    let (status, kind, body) = if *req.method() == Method::Get {
                        answer(&state, req.url())
                    } else {
                        error(405, "the server is read-only: only GET")
                    };
                    let mut resp = Response::new(
                        tiny_http::StatusCode(status),
                        vec![],
                        Cursor::new(body.clone()),
                        Some(body.len()),
                        None,
                    );
                    if let Ok(h) = Header::from_bytes(&b"Content-Type"[..], kind.as_bytes()) {
                        resp.add_header(h);
                    }
                    // A client that went away is no error of the server's.
                    let _ = req.respond(resp);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

fn error(status: u16, message: &str) -> Answer {
    (
        status,
        "application/json",
        json!({ "error": message }).to_string().into_bytes(),
    )
}

fn ok_json(v: &serde_json::Value) -> Answer {
    (200, "application/json", v.to_string().into_bytes())
}

/// Query parameters, percent-decoded (`+` is a space).
fn query(url: &str) -> Vec<(String, String)> {
    let Some((_, q)) = url.split_once('?') else {
        return Vec::new();
    };
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let dec = |s: &str| {
                percent_decode_str(&s.replace('+', " "))
                    .decode_utf8_lossy()
                    .into_owned()
            };
            (dec(k), dec(v))
        })
        .collect()
}

fn param<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn names(v: Option<&str>) -> Vec<String> {
    v.map(|s| {
        s.split(',')
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

fn selection(q: &[(String, String)]) -> Selection {
    Selection {
        with: param(q, "with").map(|w| names(Some(w))),
        without: names(param(q, "without")),
    }
}

fn answer(state: &State, url: &str) -> Answer {
    let path = url.split('?').next().unwrap_or("");
    if path == "/" || path == "/index.html" {
        return (200, "text/html; charset=utf-8", PAGE.as_bytes().to_vec());
    }
    let q = query(url);
    match api(state, path, &q) {
        Ok(a) => a,
        Err(e) => {
            let status = match e.downcast_ref::<wenku_core::Error>() {
                Some(
                    wenku_core::Error::NoSuchKey { .. } | wenku_core::Error::NoSuchVersion { .. },
                ) => 404,
                _ => 400,
            };
            error(status, &crate::print::error_text(&e))
        }
    }
}

fn open(state: &State) -> Result<Archive> {
    Ok(Archive::open_with(
        &state.archive_dir,
        &Opening {
            access: Access::Read,
            command: "serve",
            wait: Wait {
                timeout: state.wait,
                notify: None,
            },
        },
    )?)
}

fn required<'a>(q: &'a [(String, String)], name: &str) -> Result<&'a str> {
    param(q, name).ok_or_else(|| anyhow!("the request needs ?{name}=…"))
}

fn version(q: &[(String, String)], name: &str) -> Result<Option<u32>> {
    param(q, name)
        .map(|v| {
            v.parse::<u32>()
                .map_err(|_| anyhow!("{name}={v:?} is not a version number"))
        })
        .transpose()
}

fn api(state: &State, path: &str, q: &[(String, String)]) -> Result<Answer> {
    let archive = open(state)?;
    Ok(match path {
        "/api/keys" => {
            let prefix = param(q, "prefix").unwrap_or("");
            let limit = param(q, "limit")
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(1000);
            let docs = archive.list(prefix)?;
            let total = docs.len();
            let keys: Vec<_> = docs
                .iter()
                .take(limit)
                .map(|(k, h)| json!({"key": k, "versions": h.latest, "updated": print::time(h.updated_ms)}))
                .collect();
            ok_json(&json!({"prefix": prefix, "total": total, "keys": keys}))
        }
        "/api/versions" => {
            let key = required(q, "key")?;
            let mut titles = print::Titles::new(&archive);
            let list: Vec<_> = archive
                .versions(key)?
                .iter()
                .map(|(n, r)| print::version_json(&mut titles, &archive, key, *n, r))
                .collect();
            if list.is_empty() {
                return Err(anyhow!("no document {key:?} in the archive"));
            }
            ok_json(&json!({"key": key, "versions": list}))
        }
        "/api/raw" => {
            let doc = archive.read(required(q, "key")?, version(q, "version")?)?;
            (200, "application/octet-stream", doc.bytes)
        }
        "/api/record" | "/api/explain" => {
            let doc = archive.read(required(q, "key")?, version(q, "version")?)?;
            let cleaner = Cleaner::for_archive(&archive, &state.host, &selection(q))?;
            if path == "/api/record" {
                let c = cleaner
                    .clean(&mut cleaner.pipeline().runner(), &doc)
                    .map_err(|e| anyhow!("{}@{}: {e}", doc.key, doc.version))?;
                ok_json(&c.to_json())
            } else {
                let mut v = serde_json::to_value(explain::explain(&cleaner, &doc)?)?;
                v["raw"] = json!(String::from_utf8_lossy(&doc.bytes));
                ok_json(&v)
            }
        }
        "/api/diff" => {
            let key = required(q, "key")?;
            let (Some(from), Some(to)) = (version(q, "from")?, version(q, "to")?) else {
                return Err(anyhow!("the request needs ?from=N&to=M"));
            };
            let diff = archive.diff(key, from, to)?;
            ok_json(&json!({"key": key, "from": from, "to": to, "unified_diff": diff}))
        }
        "/api/stats" => ok_json(&serde_json::to_value(archive.stats()?)?),
        "/api/plugins" => {
            let names: Vec<String> = wenku_core::plugin::enabled(&archive)?
                .into_iter()
                .map(|p| p.name)
                .collect();
            ok_json(&json!({"pipeline": names}))
        }
        _ => error(
            404,
            &format!("no such path {path:?}; see README, \"Review server\""),
        ),
    })
}
