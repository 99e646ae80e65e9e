//! JSONL: one JSON object a line. The key is `id` (a string or number), else `url`; the
//! body is `text`, else `content`. A number id is kept as its exact text (`12345678901234567890`
//! stays that, never a rounded float), and a string id that reads as a number keeps its
//! quotes (`"7"`), so the ids `7` and `"7"` are two documents; `title` becomes the title, and every other field is
//! kept as metadata (strings as they are, other values as JSON). A line that is not such
//! an object is named with its line number and skipped. A byte-order mark at the start
//! of the file (written by some Windows tools) is not part of the first record.

use std::io::BufRead;

use super::{BadRecord, Record};

/// Read records from `reader` (named `name` in messages), calling `each` per record or
/// bad line, with lines up to [`super::DEFAULT_MAX_RECORD`]. Stops at the first read
/// error, which it returns.
pub fn read(
    reader: &mut dyn BufRead,
    name: &str,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    read_capped(reader, name, super::DEFAULT_MAX_RECORD, each)
}

/// [`read`], with lines of at most `max_record` bytes: a longer line (a gzip bomb, a
/// runaway record) is read past in bounded memory and fails by its line number.
pub fn read_capped(
    reader: &mut dyn BufRead,
    name: &str,
    max_record: u64,
    each: &mut dyn FnMut(Result<Record, BadRecord>),
) -> std::io::Result<()> {
    let mut number = 0usize;
    let mut raw = Vec::new();
    loop {
        let got = super::read_line_capped(reader, &mut raw, max_record)?;
        if got == super::Line::End {
            return Ok(());
        }
        number += 1;
        let input = format!("{name}:{number}");
        if got == super::Line::TooLong {
            each(Err(BadRecord {
                input,
                error: format!(
                    "line longer than the record limit of {max_record} bytes; skipped (raise it with --max-record)"
                ),
            }));
            continue;
        }
        // Lines that are not UTF-8 are reported, not fatal.
        let line = match std::str::from_utf8(&raw) {
            Ok(s) if number == 1 => s.strip_prefix('\u{feff}').unwrap_or(s),
            Ok(s) => s,
            Err(_) => {
                each(Err(BadRecord {
                    input,
                    error: "line is not UTF-8; skipped".into(),
                }));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        each(parse(line.trim_end_matches(['\n', '\r']), input));
    }
}

fn parse(line: &str, input: String) -> Result<Record, BadRecord> {
    let bad = |error: String| BadRecord {
        input: input.clone(),
        error,
    };
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| bad(format!("not JSON ({e}); skipped")))?;
    let serde_json::Value::Object(map) = v else {
        return Err(bad("not a JSON object; skipped".into()));
    };
    #[derive(serde::Deserialize)]
    struct RawId<'a> {
        #[serde(borrow)]
        id: Option<&'a serde_json::value::RawValue>,
    }
    let key = match map.get("id").or_else(|| map.get("url")) {
        Some(serde_json::Value::String(s)) if is_json_number(s) => format!("\"{s}\""),
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => match map.get("id") {
            // The id's exact text, not the number as parsed (a float past 2^53).
            Some(serde_json::Value::Number(_)) => serde_json::from_str::<RawId>(line)
                .ok()
                .and_then(|r| r.id.map(|v| v.get().trim().to_string()))
                .unwrap_or_else(|| n.to_string()),
            _ => n.to_string(),
        },
        _ => {
            return Err(bad(
                "no \"id\" (string or number) or \"url\" field; skipped".into(),
            ))
        }
    };
    let body = match map.get("text").or_else(|| map.get("content")) {
        Some(serde_json::Value::String(s)) => s.clone().into_bytes(),
        Some(_) => return Err(bad("\"text\" / \"content\" is not a string; skipped".into())),
        None => return Err(bad("no \"text\" or \"content\" field; skipped".into())),
    };
    let mut rec = Record {
        key,
        body,
        source: input.clone(),
        ..Record::default()
    };
    let body_field = if map.contains_key("text") {
        "text"
    } else {
        "content"
    };
    for (k, v) in map {
        if k == body_field || k == "id" && id_matches(&rec.key, &v) {
            continue;
        }
        let text = value_text(&v);
        match k.as_str() {
            "title" => rec.title = Some(text),
            _ => rec.extra.push((k, text)),
        }
    }
    Ok(rec)
}

/// Whether `s` is the text of a JSON number (then it is kept as a number's key).
pub fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(c) if c.is_ascii_digit() => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// Whether the `id` field `v` is what the key was made from (then it is not metadata).
fn id_matches(key: &str, v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => {
            key == s || key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) == Some(s)
        }
        serde_json::Value::Number(_) => is_json_number(key),
        _ => false,
    }
}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Result<Record, BadRecord>> {
        let mut out = Vec::new();
        read(&mut text.as_bytes(), "f.jsonl", &mut |r| out.push(r)).unwrap();
        out
    }

    #[test]
    fn keys_bodies_and_metadata() {
        let r = all("{\"id\":\"a\",\"text\":\"正文\",\"title\":\"标题\",\"lang\":\"zh\",\"n\":3}\n\n{\"url\":\"http://x/1\",\"content\":\"c\"}\n{\"id\":7,\"text\":\"t\"}\n");
        let ok: Vec<&Record> = r.iter().filter_map(|x| x.as_ref().ok()).collect();
        assert_eq!(ok.len(), 3);
        assert_eq!(
            (
                ok[0].key.as_str(),
                ok[0].body.as_slice(),
                ok[0].title.as_deref()
            ),
            ("a", "正文".as_bytes(), Some("标题"))
        );
        assert_eq!(
            ok[0].extra,
            [
                ("lang".to_string(), "zh".to_string()),
                ("n".to_string(), "3".to_string())
            ]
        );
        assert_eq!(ok[1].key, "http://x/1");
        assert_eq!(ok[2].key, "7");
        assert!(ok[2].extra.is_empty());
        assert_eq!(ok[0].source, "f.jsonl:1");
        assert_eq!(ok[1].source, "f.jsonl:3");
    }

    #[test]
    fn a_byte_order_mark_opening_the_file_is_not_part_of_the_first_record() {
        let r =
            all("\u{feff}{\"id\":\"a\",\"text\":\"x\"}\n\u{feff}{\"id\":\"b\",\"text\":\"y\"}\n");
        let first = r[0]
            .as_ref()
            .map(|rec| (rec.key.as_str(), rec.body.as_slice()));
        assert_eq!(first.ok(), Some(("a", "x".as_bytes())));
        // Inside the file it is a character like any other, and not JSON.
        let second = r[1]
            .as_ref()
            .err()
            .map(|b| format!("{}: {}", b.input, b.error));
        assert_eq!(
            second.as_deref(),
            Some("f.jsonl:2: not JSON (expected value at line 1 column 1); skipped")
        );
    }

    #[test]
    fn ids_keep_their_exact_text() {
        let r = all("{\"id\":123456789012345678901,\"text\":\"a\"}\n{\"id\":123456789012345678902,\"text\":\"b\"}\n{\"id\":7,\"text\":\"c\"}\n{\"id\":\"7\",\"text\":\"d\"}\n{\"id\":1.50,\"text\":\"e\"}\n{\"id\":\"x7\",\"text\":\"f\"}\n");
        let keys: Vec<String> = r.into_iter().map(|x| x.unwrap().key).collect();
        assert_eq!(
            keys,
            [
                "123456789012345678901",
                "123456789012345678902",
                "7",
                "\"7\"",
                "1.50",
                "x7"
            ]
        );
        for (s, n) in [
            ("7", true),
            ("-0.5e+3", true),
            ("01", false),
            ("1.", false),
            ("", false),
            ("- 1", false),
            ("1e", false),
        ] {
            assert_eq!(is_json_number(s), n, "{s}");
        }
    }

    #[test]
    fn bad_lines_are_named() {
        let r = all(
            "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n[1]\n{\"text\":\"no key\"}\n{\"id\":\"b\"}\n",
        );
        let bad: Vec<String> = r
            .iter()
            .filter_map(|x| x.as_ref().err())
            .map(|b| format!("{}: {}", b.input, b.error))
            .collect();
        assert_eq!(bad.len(), 4);
        assert!(bad[0].starts_with("f.jsonl:2: not JSON"));
        assert_eq!(bad[1], "f.jsonl:3: not a JSON object; skipped");
        assert_eq!(
            bad[2],
            "f.jsonl:4: no \"id\" (string or number) or \"url\" field; skipped"
        );
        assert_eq!(
            bad[3],
            "f.jsonl:5: no \"text\" or \"content\" field; skipped"
        );
    }

    #[test]
    fn a_line_over_the_limit_fails_alone() {
        let text = format!(
            "{{\"id\":\"a\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"ok\"}}\n",
            "x".repeat(100)
        );
        let mut out = Vec::new();
        read_capped(&mut text.as_bytes(), "f.jsonl", 64, &mut |r| out.push(r)).unwrap();
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(
            format!("{}: {}", e.input, e.error),
            "f.jsonl:1: line longer than the record limit of 64 bytes; skipped (raise it with --max-record)"
        );
        assert_eq!(out[1].as_ref().unwrap().body, b"ok");
    }
}
