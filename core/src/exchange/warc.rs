//! WARC/1.0 and WARC/1.1, uncompressed or gzipped (per record or whole): the records
//! that hold documents.
//!
//! - `response`: the key is the `WARC-Target-URI`; the body is the HTTP payload with the
//!   status line and headers stripped (chunked transfer coding and gzip or deflate
//!   content coding undone); the HTTP `Content-Type` charset is the charset hint.
//! - `resource` (documents stored directly, as Webrecorder and wget write them) and
//!   `conversion` (derived text, as in Common Crawl's WET files): the block is the
//!   document; the WARC `Content-Type` gives media type and charset.
//! - `revisit`: resolved to the payload of the record it refers to, read earlier in the
//!   same import ([`Revisits`]): by `WARC-Refers-To` (record id), else by
//!   `WARC-Refers-To-Target-URI` + `WARC-Refers-To-Date`, else by `WARC-Payload-Digest`.
//!   A revisit whose original is not in the import is reported and skipped.
//!
//! `warcinfo`, `request`, `metadata` and `continuation` records hold no document and are
//! passed over, as are `resource` records of crawler bookkeeping (`metadata://` and
//! `urn:` target URIs: wget's log and arguments, Webrecorder's page lists).

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::sync::Arc;

use super::{BadRecord, Record};

/// Largest record accepted (a guard against garbage lengths).
const MAX_RECORD: u64 = 1 << 30;

/// Payload bytes kept for resolving revisits, over all files of one import. Originals
/// read after the budget is spent cannot be referred to (their revisits are reported).
const REVISIT_BUDGET: usize = 512 << 20;

pub(crate) fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    buf.clear();
    r.read_until(b'\n', buf)
}

/// A document read earlier in the import that a revisit can refer to.
#[derive(Debug)]
struct Original {
    body: Vec<u8>,
    charset: Option<String>,
    media_type: Option<String>,
    http: Vec<(String, String)>,
}

/// The originals revisits may refer to: filled by every `response`/`resource` record
/// read through [`read_with`], over all files of one import.
#[derive(Debug, Default)]
pub struct Revisits {
    by_id: HashMap<String, Arc<Original>>,
    by_uri_date: HashMap<(String, String), Arc<Original>>,
    by_digest: HashMap<String, Arc<Original>>,
    kept: usize,
}

impl Revisits {
    fn remember(&mut self, headers: &Headers, rec: &Record) {
        if self.kept + rec.body.len() > REVISIT_BUDGET {
            return;
        }
        self.kept += rec.body.len();
        let original = Arc::new(Original {
            body: rec.body.clone(),
            charset: rec.charset.clone(),
            media_type: rec.media_type.clone(),
            http: rec
                .extra
                .iter()
                .filter(|(k, _)| k.starts_with("http_"))
                .cloned()
                .collect(),
        });
        if let Some(id) = headers.get("warc-record-id") {
            self.by_id.insert(id.to_string(), original.clone());
        }
        if let (Some(uri), Some(date)) = (headers.get("warc-target-uri"), headers.get("warc-date"))
        {
            self.by_uri_date
                .insert((strip_angles(uri), date.to_string()), original.clone());
        }
        if let Some(d) = headers.get("warc-payload-digest") {
            self.by_digest.insert(d.to_string(), original);
        }
    }

    fn find(&self, headers: &Headers) -> Option<&Arc<Original>> {
        if let Some(id) = headers.get("warc-refers-to") {
            if let Some(o) = self.by_id.get(id) {
                return Some(o);
            }
        }
        if let (Some(uri), Some(date)) = (
            headers.get("warc-refers-to-target-uri"),
            headers.get("warc-refers-to-date"),
        ) {
            if let Some(o) = self.by_uri_date.get(&(strip_angles(uri), date.to_string())) {
                return Some(o);
            }
        }
        headers
            .get("warc-payload-digest")
            .and_then(|d| self.by_digest.get(d))
    }
}

/// A record's WARC headers, names lower-cased, in order.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, k: &str) -> Option<&str> {
        self.0.iter().find(|(h, _)| h == k).map(|(_, v)| v.as_str())
    }
}

fn strip_angles(uri: &str) -> String {
    uri.trim_matches(['<', '>']).to_string()
}

/// Media type and charset from a `Content-Type` value, lower-cased.
pub(crate) fn content_type(ct: &str) -> (Option<String>, Option<String>) {
    let lower = ct.to_ascii_lowercase();
    let media = lower
        .split(';')
        .next()
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty());
    let charset = lower.split(';').find_map(|p| {
        p.trim()
            .strip_prefix("charset=")
            .map(|c| c.trim_matches(['"', '\'']).to_string())
    });
    (media, charset)
}

/// Read the document records of a WARC stream, calling `each` per record or bad record.
/// Revisits resolve only to originals in the same stream (see [`read_with`]).
pub fn read(
    reader: &mut dyn BufRead,
    name: &str,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    read_with(reader, name, &mut Revisits::default(), each)
}

/// Read the document records of a WARC stream, calling `each` per record or bad record;
/// `revisits` carries the originals across the files of one import.
/// A damaged stream ends the file with one bad record; earlier records stand.
pub fn read_with(
    reader: &mut dyn BufRead,
    name: &str,
    revisits: &mut Revisits,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    let mut line = Vec::new();
    let mut index = 0usize;
    loop {
        // Skip blank lines between records.
        loop {
            if read_line(reader, &mut line)? == 0 {
                return Ok(());
            }
            if !line.iter().all(|b| b.is_ascii_whitespace()) {
                break;
            }
        }
        index += 1;
        let input = format!("{name}#record {index}");
        if !line.starts_with(b"WARC/1.") {
            let error = if index == 1 && line.starts_with(b"filedesc://") {
                "an ARC file, not WARC; import it with --format arc (or name it .arc / .arc.gz)"
            } else {
                "no WARC/1.x version line; the rest of the file is skipped"
            };
            each(Err(BadRecord {
                input,
                error: error.into(),
            }));
            return Ok(());
        }
        let mut headers = Vec::new();
        loop {
            if read_line(reader, &mut line)? == 0 {
                each(Err(BadRecord {
                    input,
                    error: "file ends inside the record headers".into(),
                }));
                return Ok(());
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let headers = Headers(headers);
        let len: u64 = match headers.get("content-length").and_then(|v| v.parse().ok()) {
            Some(n) if n <= MAX_RECORD => n,
            _ => {
                each(Err(BadRecord {
                    input,
                    error: "missing or invalid Content-Length; the rest of the file is skipped"
                        .into(),
                }));
                return Ok(());
            }
        };
        let mut block = Vec::with_capacity(len.min(1 << 24) as usize);
        reader.take(len).read_to_end(&mut block)?;
        if (block.len() as u64) < len {
            each(Err(BadRecord {
                input,
                error: format!("record is cut short ({} of {len} bytes)", block.len()),
            }));
            return Ok(());
        }
        let kind = headers.get("warc-type").unwrap_or("").to_ascii_lowercase();
        if !matches!(
            kind.as_str(),
            "response" | "resource" | "conversion" | "revisit"
        ) {
            continue;
        }
        let Some(uri) = headers.get("warc-target-uri").map(strip_angles) else {
            each(Err(BadRecord {
                input,
                error: format!("{kind} without WARC-Target-URI; skipped"),
            }));
            continue;
        };
        let mut rec = Record {
            key: uri.clone(),
            source: format!("{input} ({uri})"),
            ..Record::default()
        };
        for k in ["warc-date", "warc-record-id"] {
            if let Some(v) = headers.get(k) {
                rec.extra.push((k.to_string(), v.to_string()));
            }
        }
        if kind != "response" {
            rec.extra.push(("warc-type".into(), kind.clone()));
        }
        match kind.as_str() {
            "response" => match http_payload(&block) {
                Ok((status, ct, body)) => {
                    if let Some(ct) = &ct {
                        (rec.media_type, rec.charset) = content_type(ct);
                        rec.extra.push(("http_content_type".into(), ct.clone()));
                    }
                    if let Some(s) = status {
                        rec.extra.push(("http_status".into(), s));
                    }
                    rec.body = body;
                    revisits.remember(&headers, &rec);
                    each(Ok(rec));
                }
                Err(e) => each(Err(BadRecord {
                    input: rec.source,
                    error: e,
                })),
            },
            "resource" | "conversion" => {
                // Crawler bookkeeping, not documents: wget's `metadata://` log and
                // arguments, Webrecorder's `urn:pageinfo:` page lists.
                if uri.starts_with("metadata://") || uri.starts_with("urn:") {
                    continue;
                }
                if let Some(ct) = headers.get("content-type") {
                    (rec.media_type, rec.charset) = content_type(ct);
                }
                rec.body = block;
                if kind == "resource" {
                    revisits.remember(&headers, &rec);
                }
                each(Ok(rec));
            }
            _ => {
                let Some(original) = revisits.find(&headers) else {
                    let refers = headers
                        .get("warc-refers-to")
                        .map(|r| format!("record {r}"))
                        .or_else(|| {
                            headers.get("warc-refers-to-target-uri").map(|u| {
                                format!(
                                    "{} at {}",
                                    strip_angles(u),
                                    headers.get("warc-refers-to-date").unwrap_or("?")
                                )
                            })
                        })
                        .or_else(|| {
                            headers
                                .get("warc-payload-digest")
                                .map(|d| format!("payload {d}"))
                        })
                        .unwrap_or_else(|| "nothing it names".into());
                    each(Err(BadRecord {
                        input: rec.source,
                        error: format!(
                            "revisit of {refers}, which is not in this import; skipped (import the WARC holding the original together with this one)"
                        ),
                    }));
                    continue;
                };
                for k in [
                    "warc-refers-to",
                    "warc-refers-to-target-uri",
                    "warc-refers-to-date",
                ] {
                    if let Some(v) = headers.get(k) {
                        rec.extra.push((k.to_string(), strip_angles(v)));
                    }
                }
                rec.body = original.body.clone();
                rec.charset = original.charset.clone();
                rec.media_type = original.media_type.clone();
                rec.extra.extend(original.http.iter().cloned());
                each(Ok(rec));
            }
        }
    }
}

/// An HTTP response: status code, Content-Type, decoded body.
pub(crate) type Payload = (Option<String>, Option<String>, Vec<u8>);

/// Split an HTTP response into status, Content-Type and decoded body.
pub(crate) fn http_payload(block: &[u8]) -> Result<Payload, String> {
    let end = find(block, b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| find(block, b"\n\n").map(|p| (p, 2)));
    let Some((head_len, sep)) = end else {
        if block.starts_with(b"HTTP/") {
            return Err("HTTP headers without an end; skipped".into());
        }
        return Ok((None, None, block.to_vec()));
    };
    if !block.starts_with(b"HTTP/") {
        return Ok((None, None, block.to_vec()));
    }
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .map(str::to_string);
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(v.trim().to_string()),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                "content-encoding" => encoding = Some(v.trim().to_ascii_lowercase()),
                _ => {}
            }
        }
    }
    let mut body = block[head_len + sep..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("malformed chunked transfer coding; skipped")?;
    }
    match encoding.as_deref() {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .read_to_end(&mut out)
                .map_err(|e| format!("gzip body: {e}"))?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(body.as_slice())
                .read_to_end(&mut out)
                .map_err(|e| format!("deflate body: {e}"))?;
            body = out;
        }
        _ => {}
    }
    Ok((status, content_type, body))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(b, b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-03-20T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn responses_are_read_with_headers_stripped() {
        let mut w = record("warcinfo", "", b"software: test");
        w.extend(record("request", "http://a/", b"GET / HTTP/1.1\r\n\r\n"));
        w.extend(record(
            "response",
            "http://a/",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n<p>正文</p>".as_bytes(),
        ));
        w.extend(record("response", "http://b/", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
        let mut out = Vec::new();
        read(&mut w.as_slice(), "x.warc", &mut |r| out.push(r)).unwrap();
        let ok: Vec<Record> = out.into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(ok.len(), 2);
        assert_eq!(
            (ok[0].key.as_str(), ok[0].body.as_slice()),
            ("http://a/", "<p>正文</p>".as_bytes())
        );
        assert_eq!(ok[0].charset.as_deref(), Some("gbk"));
        assert_eq!(ok[0].media_type.as_deref(), Some("text/html"));
        assert_eq!(ok[1].body, b"abcde");
    }

    #[test]
    fn damage_ends_the_file_with_a_named_record() {
        let mut w = record("response", "http://a/", b"HTTP/1.1 200 OK\r\n\r\nok");
        w.extend_from_slice(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort");
        let mut out = Vec::new();
        read(&mut w.as_slice(), "x.warc", &mut |r| out.push(r)).unwrap();
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.input, "x.warc#record 2");
        assert_eq!(e.error, "record is cut short (5 of 999 bytes)");
    }

    fn with_headers(kind: &str, uri: &str, extra: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n{extra}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read_all(data: &[u8]) -> Vec<Result<Record, BadRecord>> {
        let mut out = Vec::new();
        read(&mut &data[..], "x.warc", &mut |r| out.push(r)).unwrap();
        out
    }

    #[test]
    fn resource_and_conversion_records_are_the_document() {
        let mut w = with_headers(
            "resource",
            "<http://a/doc.txt>",
            "Content-Type: text/plain; charset=Big5\r\n",
            "文件".as_bytes(),
        );
        w.extend(with_headers(
            "conversion",
            "http://b/",
            "WARC-Refers-To: <urn:uuid:1>\r\nContent-Type: text/plain\r\n",
            b"plain text",
        ));
        let out = read_all(&w);
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.key.as_str(), a.body.as_slice(), a.charset.as_deref()),
            ("http://a/doc.txt", "文件".as_bytes(), Some("big5"))
        );
        assert_eq!(
            a.extra,
            vec![("warc-type".to_string(), "resource".to_string())]
        );
        let b = out[1].as_ref().unwrap();
        assert_eq!(
            (b.key.as_str(), b.body.as_slice(), b.media_type.as_deref()),
            ("http://b/", &b"plain text"[..], Some("text/plain"))
        );
    }

    #[test]
    fn revisits_resolve_by_id_uri_and_date_or_digest_else_are_named() {
        let resp = |id: &str, date: &str, digest: &str, body: &str| {
            with_headers(
                "response",
                "http://a/",
                &format!("WARC-Record-ID: <{id}>\r\nWARC-Date: {date}\r\nWARC-Payload-Digest: {digest}\r\n"),
                format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}").as_bytes(),
            )
        };
        let mut w = resp("urn:1", "2020-01-01T00:00:00Z", "sha1:AAA", "one");
        w.extend(resp("urn:2", "2020-01-02T00:00:00Z", "sha1:BBB", "two"));
        let revisit = |uri: &str, extra: &str| {
            with_headers("revisit", uri, extra, b"HTTP/1.1 304 Not Modified\r\n\r\n")
        };
        w.extend(revisit("http://c/", "WARC-Refers-To: <urn:2>\r\n"));
        w.extend(revisit(
            "http://a/",
            "WARC-Refers-To-Target-URI: http://a/\r\nWARC-Refers-To-Date: 2020-01-01T00:00:00Z\r\n",
        ));
        w.extend(revisit("http://d/", "WARC-Payload-Digest: sha1:BBB\r\n"));
        w.extend(revisit("http://e/", "WARC-Payload-Digest: sha1:CCC\r\n"));
        let out = read_all(&w);
        let bodies: Vec<(String, String)> = out[2..5]
            .iter()
            .map(|r| {
                let r = r.as_ref().unwrap();
                (r.key.clone(), String::from_utf8_lossy(&r.body).into_owned())
            })
            .collect();
        assert_eq!(
            bodies,
            [
                ("http://c/", "two"),
                ("http://a/", "one"),
                ("http://d/", "two")
            ]
            .map(|(k, b)| (k.to_string(), b.to_string()))
        );
        assert_eq!(out[2].as_ref().unwrap().charset.as_deref(), Some("utf-8"));
        let e = out[5].as_ref().unwrap_err();
        assert_eq!(e.input, "x.warc#record 6 (http://e/)");
        assert_eq!(
            e.error,
            "revisit of payload sha1:CCC, which is not in this import; skipped (import the WARC holding the original together with this one)"
        );
    }

    #[test]
    fn an_arc_file_given_as_warc_says_so() {
        let out = read_all(b"filedesc://x.arc 0.0.0.0 20140216050221 text/plain 0\n\n");
        assert_eq!(
            out[0].as_ref().unwrap_err().error,
            "an ARC file, not WARC; import it with --format arc (or name it .arc / .arc.gz)"
        );
    }
}
