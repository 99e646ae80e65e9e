//! What a document is, from its first bytes: media type, charset hint and title.
//!
//! Sniffing looks at a bounded prefix ([`SNIFF_LEN`]) so it costs the same on any file.

use crate::store::records::MediaType;

/// How many leading bytes sniffing looks at.
pub const SNIFF_LEN: usize = 4 * 1024;

/// What sniffing found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub media_type: MediaType,
    pub charset: Option<String>,
    pub title: Option<String>,
}

/// Sniff a document from its first bytes; `name` (file name or URL) gives an extension hint.
pub fn sniff(head: &[u8], name: &str) -> Sniffed {
    let head = &head[..head.len().min(SNIFF_LEN)];
    let bom = bom_charset(head);
    let media_type = media_type(head, bom.is_some(), name);
    let charset = bom.map(str::to_string).or_else(|| match media_type {
        MediaType::Binary => None,
        _ => declared_charset(head),
    });
    let title = title(media_type, head);
    Sniffed {
        media_type,
        charset,
        title,
    }
}

/// Whether a document of `media_type` can carry a title in its bytes (HTML, Markdown);
/// listings read no bytes for the others.
pub fn has_title(media_type: MediaType) -> bool {
    matches!(media_type, MediaType::Html | MediaType::Markdown)
}

/// The title found in the first bytes of a document of `media_type`.
pub fn title(media_type: MediaType, head: &[u8]) -> Option<String> {
    let head = &head[..head.len().min(SNIFF_LEN)];
    match media_type {
        MediaType::Html => html_title(head),
        MediaType::Markdown => front_matter_title(head).or_else(|| h1_title(head)),
        _ => None,
    }
}

/// Charset named by a byte-order mark.
pub fn bom_charset(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some("utf-8")
    } else if b.starts_with(&[0xFF, 0xFE, 0, 0]) {
        Some("utf-32le")
    } else if b.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some("utf-32be")
    } else if b.starts_with(&[0xFF, 0xFE]) {
        Some("utf-16le")
    } else if b.starts_with(&[0xFE, 0xFF]) {
        Some("utf-16be")
    } else {
        None
    }
}

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.split(['?', '#']).next().unwrap_or(base);
    match base.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    }
}

fn media_type(head: &[u8], has_bom: bool, name: &str) -> MediaType {
    if !has_bom && looks_binary(head) {
        return MediaType::Binary;
    }
    let text = crate::utf8_lossy(&head[..head.len().min(4096)]);
    let body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if body.starts_with("---\n") || body.starts_with("---\r\n") {
        return MediaType::Markdown;
    }
    let lower = crate::utf8_lossy(&body.as_bytes()[..body.len().min(4096)]).to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
    {
        return MediaType::Html;
    }
    match extension(name).as_str() {
        "html" | "htm" | "xhtml" | "shtml" => return MediaType::Html,
        "md" | "markdown" => return MediaType::Markdown,
        _ => {}
    }
    // A text whose start is markup: several of the common HTML tags near the top.
    const TAGS: [&str; 12] = [
        "<div", "<p>", "<p ", "<style", "<script", "<body", "<head", "<meta", "<span", "<br",
        "<table", "<a href",
    ];
    // A tag quoted as a payload (`<script>alert(1)</script>` in a report) is no markup.
    let hits = wenku_plugin::markup::markup_kinds(&lower, &TAGS);
    if lower.starts_with('<') && hits >= 1 || hits >= 3 {
        return MediaType::Html;
    }
    MediaType::Text
}

/// Binary: NUL bytes, or many control characters that no text encoding uses.
fn looks_binary(head: &[u8]) -> bool {
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    controls * 10 > head.len()
}

/// Charset declared in `<meta charset>`, `<meta http-equiv content="…charset=…">` or an
/// XML declaration, lowercased.
pub fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if lower.starts_with(b"<?xml") {
        if let Some(v) = attr_value(&lower, b"encoding") {
            return Some(v);
        }
    }
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(v) = attr_value(tag, b"charset") {
            return Some(v);
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The value after `name=` (quoted or not) in a lowercased tag.
fn attr_value(tag: &[u8], name: &[u8]) -> Option<String> {
    let i = find(tag, name)? + name.len();
    let rest = &tag[i..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let v = std::str::from_utf8(&rest[..end]).ok()?;
    (!v.is_empty()).then(|| v.to_string())
}

fn html_title(head: &[u8]) -> Option<String> {
    let text = crate::utf8_lossy(head);
    let lower = text.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    clean_title(&text[start..end])
}

fn front_matter_title(head: &[u8]) -> Option<String> {
    let text = crate::utf8_lossy(head);
    let body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let after = body.strip_prefix("---")?;
    let end = after.find("\n---")?;
    after[..end].lines().find_map(|line| {
        let v = line.strip_prefix("title:")?.trim();
        let v = v
            .strip_prefix('\'')
            .and_then(|v| v.strip_suffix('\''))
            .unwrap_or(v);
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        clean_title(v)
    })
}

/// The first line of a Markdown body (after any front matter) when it is an H1
/// (`# Title`).
fn h1_title(head: &[u8]) -> Option<String> {
    let text = crate::utf8_lossy(head);
    let mut body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if let Some(after) = body.strip_prefix("---") {
        body = after.find("\n---").map_or(body, |end| &after[end + 4..]);
    }
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let t = line.strip_prefix("# ")?.trim_end_matches('#');
    clean_title(t)
}

fn clean_title(t: &str) -> Option<String> {
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        assert_eq!(
            sniff(b"\n---\ntitle: 'x'\n---\nbody", "a.txt").media_type,
            MediaType::Markdown
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html><html>", "a").media_type,
            MediaType::Html
        );
        assert_eq!(
            sniff(b"<style id=\"u\"></style>\n<p>x</p>", "a.txt").media_type,
            MediaType::Html
        );
        assert_eq!(
            sniff("plain 文字\n".as_bytes(), "a.txt").media_type,
            MediaType::Text
        );
        // Tags a report quotes as payloads do not make it HTML; a fragment's markup does.
        assert_eq!(
            sniff(
                b"XSS: \"><script>alert(1)</script>, <body onload=alert(1)>, <a href=javascript:x>",
                "a.txt"
            )
            .media_type,
            MediaType::Text
        );
        assert_eq!(
            sniff(
                b"Intro<br>text <span>a</span> <a href=\"/b\">b</a>",
                "a.txt"
            )
            .media_type,
            MediaType::Html
        );
        assert_eq!(sniff(b"# Title\n", "a.md").media_type, MediaType::Markdown);
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a.png").media_type,
            MediaType::Binary
        );
        assert_eq!(sniff(b"", "empty").media_type, MediaType::Text);
    }

    #[test]
    fn charset_hints() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBFabc", "a").charset.as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            sniff(b"\xFF\xFEa\0b\0", "a").charset.as_deref(),
            Some("utf-16le")
        );
        assert_eq!(sniff(b"\xFF\xFEa\0b\0", "a").media_type, MediaType::Text);
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\"><title> A  b </title>";
        let s = sniff(html, "a.html");
        assert_eq!(s.charset.as_deref(), Some("gb2312"));
        assert_eq!(s.title.as_deref(), Some("A b"));
        assert_eq!(
            sniff(b"<html><meta charset='big5'>", "a")
                .charset
                .as_deref(),
            Some("big5")
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\" encoding=\"GBK\"?><html>", "a")
                .charset
                .as_deref(),
            Some("gbk")
        );
    }

    #[test]
    fn a_markdown_h1_is_the_title() {
        assert_eq!(
            title(MediaType::Markdown, b"# Hello  world #\n\ntext").as_deref(),
            Some("Hello world")
        );
        assert_eq!(
            title(MediaType::Markdown, b"---\ndate: 1\n---\n\n# After\n").as_deref(),
            Some("After")
        );
        assert_eq!(title(MediaType::Markdown, b"text\n# Later\n"), None);
        assert_eq!(title(MediaType::Markdown, b"## Second level\n"), None);
    }

    #[test]
    fn front_matter_title_is_found() {
        let s = sniff(
            "\n---\ntitle: '尽快遏制疫情扩散蔓延势头'\nauthor: Z\n---\n<div>".as_bytes(),
            "000.txt",
        );
        assert_eq!(s.title.as_deref(), Some("尽快遏制疫情扩散蔓延势头"));
    }
}
