//! Addresses hidden by Cloudflare's email obfuscation, given back.
//!
//! Cloudflare rewrites every email address of a page it serves into a link or span that
//! says `[email protected]` and holds the address XOR-encoded in hex
//! (`data-cfemail="HEX"`, or a link to `/cdn-cgi/l/email-protection#HEX`); a script in
//! the browser decodes it, a scraper does not. The first byte of the hex is the key, each
//! following byte the address's byte XOR that key. A page saved as Markdown keeps the
//! link (`[[email protected]](…/cdn-cgi/l/email-protection#HEX)`); one saved as HTML
//! keeps the element. Where the hex was not kept the placeholder stays: nothing says what
//! it stood for.

/// The placeholder text, as Markdown and HTML write it (with a no-break space between
/// its words, or a plain one).
const PLACEHOLDERS: [&str; 4] = [
    "[email protected]",
    "[email\u{a0}protected]",
    "[email&#160;protected]",
    "[email&nbsp;protected]",
];

/// The address `hex` encodes, if it decodes to text with an `@` and no markup.
pub fn decode(hex: &str) -> Option<String> {
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    let (&key, rest) = bytes.split_first()?;
    let address = String::from_utf8(rest.iter().map(|b| b ^ key).collect()).ok()?;
    (address.contains('@')
        && !address.contains(['<', '>', '"', '\'', '(', ')', '[', ']', ' ', '\n']))
    .then_some(address)
}

/// The hex after `marker` in `s` (`data-cfemail="` or `email-protection#`).
fn hex_after<'a>(s: &'a str, marker: &str) -> Option<&'a str> {
    let at = s.find(marker)? + marker.len();
    let rest = &s[at..];
    let n = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
    (n >= 4 && n % 2 == 0).then(|| &rest[..n])
}

/// `text` with every decodable placeholder replaced by its address (Markdown links and
/// HTML elements), or `None` when there is none.
pub fn restore(text: &str) -> Option<String> {
    if !PLACEHOLDERS.iter().any(|p| text.contains(p)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some((at, p)) = PLACEHOLDERS
        .iter()
        .filter_map(|p| rest.find(p).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)
    {
        let after = &rest[at + p.len()..];
        // Markdown: `[PLACEHOLDER](TARGET)`.
        if rest[..at].ends_with('[') && after.starts_with("](") {
            let target_end = after.find(')').unwrap_or(after.len());
            let target = &after[2..target_end];
            if let Some(address) = hex_after(target, "email-protection#").and_then(decode) {
                out.push_str(&rest[..at - 1]);
                out.push_str(&address);
                rest = &after[(target_end + 1).min(after.len())..];
                changed = true;
                continue;
            }
        }
        // HTML: the element that holds the placeholder and the hex, closed right after it.
        let open = rest[..at].rfind('<');
        let close = ["</a>", "</span>"]
            .iter()
            .find(|c| after.starts_with(**c))
            .map(|c| c.len());
        if let (Some(open), Some(close)) = (open, close) {
            let tag = &rest[open..at];
            let hex =
                hex_after(tag, "data-cfemail=\"").or_else(|| hex_after(tag, "email-protection#"));
            if let Some(address) = tag.ends_with('>').then_some(hex).flatten().and_then(decode) {
                out.push_str(&rest[..open]);
                out.push_str(&address);
                rest = &after[close..];
                changed = true;
                continue;
            }
        }
        out.push_str(&rest[..at + p.len()]);
        rest = after;
    }
    out.push_str(rest);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `address` encoded as Cloudflare encodes it, with `key`.
    fn encoded(address: &str, key: u8) -> String {
        std::iter::once(key)
            .chain(address.bytes().map(|b| b ^ key))
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn hidden_addresses_are_given_back_in_markdown_and_html() {
        let hex = encoded("info@hkcnews.com", 0x07);
        assert_eq!(decode(&hex).as_deref(), Some("info@hkcnews.com"));
        let md = format!("Interested parties, please contact [[email\u{a0}protected]](/web/20210712052336/https://www.hkcnews.com/cdn-cgi/l/email-protection#{hex}) for details.\n欢迎联络：[[email protected]](/cdn-cgi/l/email-protection)\n");
        assert_eq!(
            restore(&md).as_deref(),
            Some("Interested parties, please contact info@hkcnews.com for details.\n欢迎联络：[[email protected]](/cdn-cgi/l/email-protection)\n")
        );
        let html = format!("<p>Write to <a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" data-cfemail=\"{hex}\">[email&#160;protected]</a> or <a href=\"/cdn-cgi/l/email-protection#{hex}\"><span class=\"__cf_email__\" data-cfemail=\"{hex}\">[email&#160;protected]</span></a>.</p>");
        assert_eq!(
            restore(&html).as_deref(),
            Some("<p>Write to info@hkcnews.com or <a href=\"/cdn-cgi/l/email-protection#0767...\">info@hkcnews.com</a>.</p>"
                .replace("0767...", &hex)
                .as_str())
        );
        // Nothing to decode: nothing changes; a hex that is no address is left.
        assert_eq!(restore("no address here [email protected] at all"), None);
        assert_eq!(decode("07"), None);
        assert_eq!(decode(&encoded("no at sign", 9)), None);
    }
}
