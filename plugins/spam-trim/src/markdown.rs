//! Markdown with YAML front matter: the front matter's fields become metadata (title,
//! date, author, categories, tags), and the body — Markdown, or HTML inside Markdown —
//! becomes text.

/// Front matter fields and the body after it.
pub struct FrontMatter<'a> {
    pub fields: Vec<(String, String)>,
    pub body: &'a str,
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .map(|x| x.replace("''", "'"))
        .unwrap_or_else(|| v.to_string());
    v.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .map(str::to_string)
        .unwrap_or(v)
}

/// Split YAML front matter (`---` … `---` at the start, after blank lines) from the
/// body. Scalar fields and lists (`- item` lines, `[a, b]`) are read; anything else is
/// ignored.
pub fn front_matter(text: &str) -> Option<FrontMatter<'_>> {
    let start = text.len()
        - text
            .trim_start_matches(['\u{feff}', '\n', '\r', ' ', '\t'])
            .len();
    let rest = &text[start..];
    let after_open = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))?;
    let close = after_open.find("\n---")?;
    let yaml = &after_open[..close];
    let body_start = start + (rest.len() - after_open.len()) + close + 4;
    let body = text[body_start..].trim_start_matches(['-']);
    let body = body
        .strip_prefix('\n')
        .or_else(|| body.strip_prefix("\r\n"))
        .unwrap_or(body);
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut list_key: Option<String> = None;
    for line in yaml.lines() {
        let t = line.trim_end();
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            continue;
        }
        if let Some(item) = t.trim_start().strip_prefix("- ") {
            if let Some(k) = &list_key {
                let v = unquote(item);
                match fields.iter_mut().find(|(fk, _)| fk == k) {
                    Some((_, existing)) if !existing.is_empty() => {
                        existing.push_str(", ");
                        existing.push_str(&v);
                    }
                    Some((_, existing)) => *existing = v,
                    None => fields.push((k.clone(), v)),
                }
            }
            continue;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            continue;
        }
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        let key = k.trim().to_string();
        let v = v.trim();
        if v.is_empty() {
            list_key = Some(key.clone());
            fields.push((key, String::new()));
            continue;
        }
        list_key = None;
        let value = match v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
            Some(inner) => inner
                .split(',')
                .map(unquote)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            None => unquote(v),
        };
        fields.push((key, value));
    }
    Some(FrontMatter { fields, body })
}

/// Markdown to text: headings, emphasis, links and images (their text), code fences and
/// list markers are unwrapped; paragraphs stay paragraphs.
pub fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut in_fence = false;
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let t = t.trim_start_matches('#').trim_start();
        let t = t.strip_prefix("> ").unwrap_or(t);
        let t = ["* ", "- ", "+ "]
            .iter()
            .find_map(|m| t.strip_prefix(m))
            .unwrap_or(t);
        out.push_str(&inline(t));
        out.push('\n');
    }
    out
}

/// Links `[text](url)` → text, images `![alt](url)` → alt, `**x**`/`__x__`/`*x*`/`` `x` `` → x.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '[' || (c == '!' && chars.get(i + 1) == Some(&'['))) && i + 1 < chars.len() {
            let open = if c == '!' { i + 1 } else { i };
            if let Some(close) = chars[open + 1..]
                .iter()
                .position(|&x| x == ']')
                .map(|p| open + 1 + p)
            {
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(end) = chars[close + 2..]
                        .iter()
                        .position(|&x| x == ')')
                        .map(|p| close + 2 + p)
                    {
                        out.extend(&chars[open + 1..close]);
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        if c == '*' || c == '`' || (c == '_' && chars.get(i + 1) == Some(&'_')) {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_body() {
        let doc = "\n---\ntitle: '尽快遏制疫情'\ncategories: \n - 新媒体\n - ZAKER\nauthor: ZAKER\ncomments: false\ndate: Thu, 17 Mar 2022 21:20:41 GMT\ntags: [a, 'b']\n---\n\n<div>正文</div>\n";
        let fm = front_matter(doc).unwrap();
        let get = |k: &str| {
            fm.fields
                .iter()
                .find(|(f, _)| f == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("title"), Some("尽快遏制疫情"));
        assert_eq!(get("categories"), Some("新媒体, ZAKER"));
        assert_eq!(get("date"), Some("Thu, 17 Mar 2022 21:20:41 GMT"));
        assert_eq!(get("tags"), Some("a, b"));
        assert_eq!(fm.body, "\n<div>正文</div>\n");
        assert!(front_matter("no front matter").is_none());
    }

    #[test]
    fn markdown_becomes_text() {
        assert_eq!(
            to_text("# 标题\n\n**粗体** 和 [链接](http://x) 和 ![图说](a.jpg)\n- 项目"),
            "标题\n\n粗体 和 链接 和 图说\n项目\n"
        );
    }
}
