//! Telling markup from text that quotes it, shared by the host's sniffing and the
//! plugins: a vulnerability report quotes tags as its payload
//! (`t8xqv<script>alert(1)</script>uou2q`, `<img src=a onerror=alert(1)>`), and such a
//! tag says neither that a text is HTML nor that it is markup to take out.

/// Longest tag looked at when an occurrence of a tag's start is judged.
const TAG_MAX_BYTES: usize = 512;

/// Whether a tag (`<…>`, `</…>`) is a script's payload quoted as text rather than
/// markup: a `<script>` or `</script>` tag, or a tag with an event handler (`onerror=`,
/// `onload=`) or a `javascript:` address.
pub fn payload_tag(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let rest = lower.trim_start_matches('<').trim_start_matches('/');
    let name_end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if &rest[..name_end] == "script" || lower.contains("javascript:") {
        return true;
    }
    // An attribute `on…=`: after a space, `/` or quote, `on`, three letters or more, `=`.
    lower.match_indices("on").any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = &lower[i + 2..];
        let letters = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_lowercase())
                .len();
        matches!(before, Some(' ' | '/' | '"' | '\'' | '\t' | '\n'))
            && letters >= 3
            && after[letters..].trim_start().starts_with('=')
    })
}

/// How many of `starts` (tag starts such as `"<div"`, lower case) occur in `lower` (a
/// lower-cased text) as markup: an occurrence whose tag is a payload ([`payload_tag`])
/// does not count.
pub fn markup_kinds(lower: &str, starts: &[&str]) -> usize {
    starts
        .iter()
        .filter(|start| {
            lower.match_indices(*start).any(|(i, _)| {
                let mut end = (i + TAG_MAX_BYTES).min(lower.len());
                while !lower.is_char_boundary(end) {
                    end -= 1;
                }
                let tail = &lower[i..end];
                let tag = tail.find('>').map_or(tail, |e| &tail[..=e]);
                !payload_tag(tag)
            })
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_told_from_markup() {
        for tag in [
            "<script>",
            "</SCRIPT>",
            "<script src='//x.org/a.js'>",
            "<img src=a onerror=alert(1)>",
            "<svg/onload=alert(document.domain)>",
            "<body onLoad = \"go()\">",
            "<a href=\"javascript:alert(1)\">",
        ] {
            assert!(payload_tag(tag), "{tag}");
        }
        for tag in [
            "<span class=\"note\">",
            "</a>",
            "<img src=\"a.png\" alt=\"on the left\">",
            "<div id=x data-on=1>",
            "<scripts>",
        ] {
            assert!(!payload_tag(tag), "{tag}");
        }
    }

    #[test]
    fn only_markup_counts_as_a_kind() {
        let starts = ["<p>", "<div", "<script", "<img", "<span"];
        let quoted = "the payload <script>alert(1)</script> and <img src=x onerror=alert(1)>";
        assert_eq!(markup_kinds(quoted, &starts), 0);
        let page = "text<div class=a><p>hi <img src=a.png><script>go()</script>";
        assert_eq!(markup_kinds(page, &starts), 3);
    }
}
