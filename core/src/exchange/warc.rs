//! WARC/1.0 and WARC/1.1: the `response` records of a file, uncompressed or gzipped
//! (per record or whole). The key is the `WARC-Target-URI`; the body is the HTTP payload
//! with the status line and headers stripped (chunked transfer coding and gzip or
//! deflate content coding undone); the HTTP `Content-Type` charset is the charset hint.

use std::io::{BufRead, Read};

use super::{BadRecord, Record};

/// Longest WARC header line accepted.
const HEADER_LINE_MAX: u64 = 64 * 1024;

/// A reader with bytes put back in front of it (to read again the start of a record
/// that a wrong `Content-Length` swallowed).
struct Pushback<'a> {
    front: Vec<u8>,
    at: usize,
    inner: &'a mut dyn BufRead,
}

impl Read for Pushback<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Pushback<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at < self.front.len() {
            return Ok(&self.front[self.at..]);
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        if self.at < self.front.len() {
            self.at += n;
            if self.at >= self.front.len() {
                self.front.clear();
                self.at = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

impl Pushback<'_> {
    fn put_back(&mut self, bytes: &[u8]) {
        let mut front = bytes.to_vec();
        front.extend_from_slice(&self.front[self.at..]);
        self.front = front;
        self.at = 0;
    }

    /// Whether the next bytes (after line ends) start a record or end the input: true
    /// after a block whose `Content-Length` was right.
    fn at_record_start(&mut self) -> std::io::Result<bool> {
        loop {
            let buf = self.fill_buf()?;
            if buf.is_empty() {
                return Ok(true);
            }
            let blank = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            if blank > 0 {
                self.consume(blank);
                continue;
            }
            let n = buf.len().min(5);
            return Ok(buf[..n] == b"WARC/"[..n]);
        }
    }
}

/// Where the next record starts inside `block` (a line beginning `WARC/1.`).
fn next_record_in(block: &[u8]) -> Option<usize> {
    find(block, b"\nWARC/1.").map(|i| i + 1)
}

/// Read the response records of a WARC stream, calling `each` per record or bad record,
/// with records up to [`super::DEFAULT_MAX_RECORD`].
pub fn read(
    reader: &mut dyn BufRead,
    name: &str,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    read_capped(reader, name, super::DEFAULT_MAX_RECORD, each)
}

/// [`read`], with records of at most `max_record` bytes, before and after decoding
/// (the block, the HTTP body after its content coding): a larger record fails by name,
/// is read past in bounded memory, and the file goes on. A record whose
/// `Content-Length` does not end where the record does (the next record starts inside
/// it, or does not start after it) fails alone; reading goes on at the next record. A
/// stream damaged otherwise ends the file with one bad record; earlier records stand.
pub fn read_capped(
    reader: &mut dyn BufRead,
    name: &str,
    max_record: u64,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    let reader = &mut Pushback {
        front: Vec::new(),
        at: 0,
        inner: reader,
    };
    let mut line = Vec::new();
    let mut index = 0usize;
    let read_line = |r: &mut Pushback<'_>, line: &mut Vec<u8>| -> std::io::Result<Option<bool>> {
        match super::read_line_capped(r, line, HEADER_LINE_MAX)? {
            super::Line::End => Ok(None),
            super::Line::Read => Ok(Some(true)),
            super::Line::TooLong => Ok(Some(false)),
        }
    };
    loop {
        // Skip blank lines between records.
        let mut too_long;
        loop {
            match read_line(reader, &mut line)? {
                None => return Ok(()),
                Some(ok) => too_long = !ok,
            }
            if too_long || !line.iter().all(|b| b.is_ascii_whitespace()) {
                break;
            }
        }
        index += 1;
        let input = format!("{name}#record {index}");
        if too_long || !line.starts_with(b"WARC/1.") {
            each(Err(BadRecord {
                input,
                error: "no WARC/1.x version line; the rest of the file is skipped".into(),
            }));
            return Ok(());
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match read_line(reader, &mut line)? {
                None => {
                    each(Err(BadRecord {
                        input,
                        error: "file ends inside the record headers".into(),
                    }));
                    return Ok(());
                }
                Some(false) => {
                    each(Err(BadRecord {
                        input,
                        error: format!("a header line longer than {HEADER_LINE_MAX} bytes; the rest of the file is skipped"),
                    }));
                    return Ok(());
                }
                Some(true) => {}
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
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            each(Err(BadRecord {
                input,
                error: "missing or invalid Content-Length; the rest of the file is skipped".into(),
            }));
            return Ok(());
        };
        if len > max_record {
            // Read past it without holding it.
            let skipped = std::io::copy(&mut Read::take(&mut *reader, len), &mut std::io::sink())?;
            each(Err(BadRecord {
                input,
                error: format!(
                    "record of {len} bytes is larger than the record limit of {max_record} bytes; skipped (raise it with --max-record)"
                ),
            }));
            if skipped < len {
                return Ok(());
            }
            continue;
        }
        let mut block = Vec::with_capacity(len.min(1 << 24) as usize);
        Read::take(&mut *reader, len).read_to_end(&mut block)?;
        let cut_short = (block.len() as u64) < len;
        if cut_short || !reader.at_record_start()? {
            // The length is wrong: this record fails alone and reading goes on at the
            // next record, inside the block or after it.
            let why = if cut_short {
                format!("record is cut short ({} of {len} bytes)", block.len())
            } else {
                format!("Content-Length {len} does not end where the record ends")
            };
            match next_record_in(&block) {
                Some(at) => {
                    reader.put_back(&block[at..]);
                    each(Err(BadRecord {
                        input,
                        error: format!("{why} (the next record starts inside it); skipped"),
                    }));
                    continue;
                }
                None if cut_short => {
                    each(Err(BadRecord { input, error: why }));
                    return Ok(());
                }
                None => {
                    each(Err(BadRecord {
                        input,
                        error: format!("{why}; skipped"),
                    }));
                    // Read on to the next record.
                    loop {
                        match read_line(reader, &mut line)? {
                            None => return Ok(()),
                            Some(true) if line.starts_with(b"WARC/1.") => {
                                let l = std::mem::take(&mut line);
                                reader.put_back(&l);
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                    continue;
                }
            }
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
        match http_payload(&block, max_record) {
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
fn http_payload(block: &[u8], max_record: u64) -> Result<Payload, String> {
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
    // Content codings are undone up to the record limit (a gzip bomb fails by name).
    let decode = |r: &mut dyn Read, what: &str| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        r.take(max_record + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("{what} body: {e}"))?;
        if out.len() as u64 > max_record {
            return Err(format!(
                "{what} body decodes to more than the record limit of {max_record} bytes; skipped (raise it with --max-record)"
            ));
        }
        Ok(out)
    };
    match encoding.as_deref() {
        Some("gzip") | Some("x-gzip") => {
            body = decode(
                &mut flate2::read::MultiGzDecoder::new(body.as_slice()),
                "gzip",
            )?;
        }
        Some("deflate") => {
            body = decode(
                &mut flate2::read::ZlibDecoder::new(body.as_slice()),
                "deflate",
            )?;
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

    #[test]
    fn a_wrong_length_fails_that_record_only() {
        let body = b"HTTP/1.1 200 OK\r\n\r\nfirst";
        let mut w = record("response", "http://a/", body);
        // Claims 40 bytes more than it has: the next record's start is inside.
        let lie = format!("Content-Length: {}", body.len());
        let pos = find(&w, lie.as_bytes()).unwrap();
        w.splice(
            pos..pos + lie.len(),
            format!("Content-Length: {}", body.len() + 40).into_bytes(),
        );
        w.extend(record(
            "response",
            "http://b/",
            b"HTTP/1.1 200 OK\r\n\r\nsecond",
        ));
        w.extend(record(
            "response",
            "http://c/",
            b"HTTP/1.1 200 OK\r\n\r\nthird",
        ));
        // A length too small: the rest of the block is read past.
        let mut short = record("response", "http://d/", b"HTTP/1.1 200 OK\r\n\r\nfourth");
        let lie = "Content-Length: 25";
        let pos = find(&short, lie.as_bytes()).unwrap();
        short.splice(pos..pos + lie.len(), b"Content-Length: 20".to_vec());
        w.extend(short);
        w.extend(record(
            "response",
            "http://e/",
            b"HTTP/1.1 200 OK\r\n\r\nfifth",
        ));
        let mut out = Vec::new();
        read(&mut w.as_slice(), "x.warc", &mut |r| out.push(r)).unwrap();
        let got: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(r) => format!("{} {}", r.key, String::from_utf8_lossy(&r.body)),
                Err(e) => format!("{}: {}", e.input, e.error),
            })
            .collect();
        assert_eq!(
            got,
            [
                "x.warc#record 1: Content-Length 64 does not end where the record ends (the next record starts inside it); skipped",
                "http://b/ second",
                "http://c/ third",
                "x.warc#record 4: Content-Length 20 does not end where the record ends; skipped",
                "http://e/ fifth",
            ]
        );
    }

    #[test]
    fn a_gzip_bomb_body_fails_by_name() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![0u8; 1 << 20]).unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        let mut w = record("response", "http://bomb/", &block);
        w.extend(record(
            "response",
            "http://ok/",
            b"HTTP/1.1 200 OK\r\n\r\nfine",
        ));
        let mut out = Vec::new();
        read_capped(&mut w.as_slice(), "x.warc", 5000, &mut |r| out.push(r)).unwrap();
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(e.input, "x.warc#record 1 (http://bomb/)");
        assert_eq!(e.error, "gzip body decodes to more than the record limit of 5000 bytes; skipped (raise it with --max-record)");
        assert_eq!(out[1].as_ref().unwrap().body, b"fine");
    }
}
