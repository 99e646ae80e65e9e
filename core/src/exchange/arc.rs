//! ARC, the Internet Archive's format before WARC (`.arc`, `.arc.gz`: gzipped per record
//! or whole), versions 1 and 2.
//!
//! A file opens with a `filedesc://` record (its block names the version and the field
//! layout); every record after it is one header line of space-separated fields — URL
//! first, the block length last (`URL IP DATE CONTENT-TYPE LENGTH` in version 1,
//! `URL IP DATE CONTENT-TYPE RESULT CHECKSUM LOCATION OFFSET FILENAME LENGTH` in
//! version 2) — then the block: for `http(s)://` URLs the HTTP response, read like a
//! WARC `response` (status line and headers stripped, transfer and content coding
//! undone); for other URLs (`dns:`, `ftp://`, `filedesc://`) no document.
//! The key is the URL, as for WARC's target URI.

use std::io::{BufRead, Read};

use super::warc::{content_type, http_payload, read_line};
use super::{BadRecord, Record};

/// Largest record accepted (a guard against garbage lengths).
const MAX_RECORD: u64 = 1 << 30;

/// Read the documents of an ARC stream, calling `each` per record or bad record.
/// A damaged header line ends the file with one bad record; earlier records stand.
pub fn read(
    reader: &mut dyn BufRead,
    name: &str,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    let mut line = Vec::new();
    let mut index = 0usize;
    let mut version = 1;
    loop {
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
        let header = String::from_utf8_lossy(&line);
        let fields: Vec<&str> = header.split_ascii_whitespace().collect();
        if index == 1 && !header.starts_with("filedesc://") {
            each(Err(BadRecord {
                input,
                error: "no filedesc:// line at the start, so not an ARC file; the file is skipped"
                    .into(),
            }));
            return Ok(());
        }
        // Version 1 has 5 fields, version 2 has 10; a URL with spaces adds fields before
        // the IP address, so the fields are counted from the end.
        let Some(len) = fields
            .last()
            .and_then(|l| l.parse::<u64>().ok())
            .filter(|n| *n <= MAX_RECORD && fields.len() >= 5)
        else {
            each(Err(BadRecord {
                input,
                error: format!(
                    "header line {:?} does not end in a block length; the rest of the file is skipped",
                    header.trim_end()
                ),
            }));
            return Ok(());
        };
        // Version 2: 9 fields after the URL; version 1: 4.
        let tail = if version == 2 && fields.len() >= 10 {
            9
        } else {
            4
        };
        let url = fields[..fields.len() - tail].join(" ");
        let date = fields[fields.len() - tail + 1];
        let mut block = Vec::with_capacity(len.min(1 << 24) as usize);
        reader.take(len).read_to_end(&mut block)?;
        if (block.len() as u64) < len {
            each(Err(BadRecord {
                input,
                error: format!("record is cut short ({} of {len} bytes)", block.len()),
            }));
            return Ok(());
        }
        if index == 1 {
            // The filedesc block's first line: "VERSION RESERVED ORIGIN".
            version = if block.starts_with(b"2 ") { 2 } else { 1 };
            continue;
        }
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            continue;
        }
        let mut rec = Record {
            key: url.clone(),
            source: format!("{input} ({url})"),
            ..Record::default()
        };
        rec.extra.push(("arc-date".into(), date.to_string()));
        match http_payload(&block) {
            Ok((status, ct, body)) => {
                if let Some(ct) = &ct {
                    (rec.media_type, rec.charset) = content_type(ct);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn records(data: &[u8]) -> Vec<Result<Record, BadRecord>> {
        let mut out = Vec::new();
        read(&mut &data[..], "x.arc", &mut |r| out.push(r)).unwrap();
        out
    }

    const FILEDESC: &str = "filedesc://x.arc 0.0.0.0 20140216050221 text/plain 75\n1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n\n";

    #[test]
    fn version_1_records_give_their_http_payload() {
        let body = "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=big5\r\n\r\n<p>x</p>";
        let data = format!(
            "{FILEDESC}http://a.example/ 1.2.3.4 20140216050221 text/html {}\n{body}\ndns:a.example 1.2.3.4 20140216050221 text/dns 7\n1.2.3.4\n",
            body.len()
        );
        let out = records(data.as_bytes());
        assert_eq!(out.len(), 1);
        let r = out[0].as_ref().unwrap();
        assert_eq!(
            (r.key.as_str(), r.body.as_slice()),
            ("http://a.example/", &b"<p>x</p>"[..])
        );
        assert_eq!(r.charset.as_deref(), Some("big5"));
        assert_eq!(r.source, "x.arc#record 2 (http://a.example/)");
    }

    const FILEDESC2: &str = "filedesc://x.arc 0.0.0.0 20140216050221 text/plain 200 - - 0 x.arc 76\n2 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n\n";

    #[test]
    fn version_2_headers_and_spaces_in_urls() {
        let body = "HTTP/1.1 200 OK\r\n\r\nv2";
        let data = format!(
            "{FILEDESC2}http://b.example/a b 1.2.3.4 20140216050221 text/html 200 - - 0 x.arc {}\n{body}\n",
            body.len()
        );
        let out = records(data.as_bytes());
        let r = out[0].as_ref().unwrap();
        assert_eq!(
            (r.key.as_str(), r.body.as_slice()),
            ("http://b.example/a b", &b"v2"[..])
        );
        assert_eq!(r.extra[0], ("arc-date".into(), "20140216050221".into()));
    }

    #[test]
    fn a_bad_length_ends_the_file_with_a_named_record() {
        let data = format!("{FILEDESC}http://a/ 1.2.3.4 20140216050221 text/html abc\n\n");
        let out = records(data.as_bytes());
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(e.input, "x.arc#record 2");
        assert_eq!(
            e.error,
            "header line \"http://a/ 1.2.3.4 20140216050221 text/html abc\" does not end in a block length; the rest of the file is skipped"
        );
    }
}
