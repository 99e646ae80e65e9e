//! WARC/1.0 and WARC/1.1: the `response` records of a file, uncompressed or gzipped
//! (per record or whole). The key is the `WARC-Target-URI`; the body is the HTTP payload
//! with the status line and headers stripped (chunked transfer coding and gzip or
//! deflate content coding undone); the HTTP `Content-Type` charset is the charset hint.

use std::io::{BufRead, Read};

use super::{BadRecord, Record};

/// Largest record accepted (a guard against garbage lengths).
const MAX_RECORD: u64 = 1 << 30;

fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    buf.clear();
    r.read_until(b'\n', buf)
}

/// Read the response records of a WARC stream, calling `each` per record or bad record.
/// A damaged stream ends the file with one bad record; earlier records stand.
pub fn read(
    reader: &mut dyn BufRead,
    name: &str,
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
            each(Err(BadRecord {
                input,
                error: "no WARC/1.x version line; the rest of the file is skipped".into(),
            }));
            return Ok(());
        }
        let mut headers: Vec<(String, String)> = Vec::new();
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
        let get = |k: &str| {
            headers
                .iter()
                .find(|(h, _)| h == k)
                .map(|(_, v)| v.as_str())
        };
        let len: u64 = match get("content-length").and_then(|v| v.parse().ok()) {
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
        if get("warc-type") != Some("response") {
            continue;
        }
        let Some(uri) = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string())
        else {
            each(Err(BadRecord {
                input,
                error: "response without WARC-Target-URI; skipped".into(),
            }));
            continue;
        };
        let mut rec = Record {
            key: uri.clone(),
            source: format!("{input} ({uri})"),
            ..Record::default()
        };
        for k in ["warc-date", "warc-record-id"] {
            if let Some(v) = get(k) {
                rec.extra.push((k.to_string(), v.to_string()));
            }
        }
        match http_payload(&block) {
            Ok((status, content_type, body)) => {
                if let Some(ct) = &content_type {
                    let lower = ct.to_ascii_lowercase();
                    rec.media_type = lower
                        .split(';')
                        .next()
                        .map(|m| m.trim().to_string())
                        .filter(|m| !m.is_empty());
                    rec.charset = lower.split(';').find_map(|p| {
                        p.trim()
                            .strip_prefix("charset=")
                            .map(|c| c.trim_matches(['"', '\'']).to_string())
                    });
                    rec.extra.push(("http_content_type".into(), ct.clone()));
                }
                if let Some(s) = status {
                    rec.extra.push(("http_status".into(), s));
                }
                rec.body = body;
                each(Ok(rec));
            }
            Err(e) => each(Err(BadRecord {
                input: rec.source,
                error: e,
            })),
        }
    }
}

/// An HTTP response: status code, Content-Type, decoded body.
type Payload = (Option<String>, Option<String>, Vec<u8>);

/// Split an HTTP response into status, Content-Type and decoded body.
fn http_payload(block: &[u8]) -> Result<Payload, String> {
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
}
