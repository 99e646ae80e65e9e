//! Markdown with YAML front matter: the front matter's fields become metadata, and the
//! body becomes blocks with a CommonMark parser (pulldown-cmark, tables on): headings,
//! emphasis and links reduced to their text, images to their alt text when it reads as a
//! caption (else nothing, nested image links included), tables row by row, lists item by
//! item, code verbatim; HTML inside the Markdown (a `<figure>`, `<p>` paragraphs) becomes
//! blocks of its own through the HTML parser; Hugo shortcodes (`{{< … >}}`, `{{% … %}}`)
//! are removed. Each block keeps its Markdown source for the Markdown output.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::block::{is_cjk, meaningful_image, weight, Block, Kind};

#[cfg(test)]
use crate::block::{render, Output};

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

/// Lines at most between the two halves of a link that blank lines split
/// ([`split_links_joined`]).
const SPLIT_LINK_GAP: usize = 2;

/// Lines at most between the first and the last line of a link that blank lines split
/// (a card's image, its kicker as a heading, its title, its description)
/// ([`split_links_joined`]).
const SPLIT_LINK_PARTS: usize = 4;

/// The end of the image `![alt](src)` that `s` starts with.
fn leading_image(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("![")?;
    let mid = rest.find("](")?;
    if rest[..mid].contains(['[', ']']) {
        return None;
    }
    let close = rest[mid + 2..].find(')')?;
    Some(2 + mid + 2 + close + 1)
}

/// `t` without the marks of an ATX heading it starts with (`## Title`: `Title`).
fn without_heading_marks(t: &str) -> &str {
    let marks = t.bytes().take_while(|&b| b == b'#').count();
    match t[marks..].strip_prefix(' ') {
        Some(rest) if (1..=6).contains(&marks) => rest.trim_start(),
        _ => t,
    }
}

/// The source with each link that blank lines split joined again: a menu's card saved
/// as `[IDA Pro` / blank / `State-of-the-art, binary code analysis tool](https://…)`,
/// which Markdown reads as two paragraphs of text (`[IDA Pro` stayed as text, its
/// description went). A line that opens a bracket it does not close, then after at most
/// [`SPLIT_LINK_GAP`] blank lines a line that closes it with `](` before any other
/// bracket (or right after an image), with at most [`SPLIT_LINK_PARTS`] lines of plain
/// text or images alone between, become one line. A card opened on the line another
/// card's link ends (`…](/story/a)[## B`) starts a paragraph of its own, and a heading's
/// marks inside a card go (`[## B` / `Read Now`: `[B Read Now](…)`, not a line of
/// cards that reads `## A Read Now ## B Read Now`). Code fences are left alone.
pub fn split_links_joined(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains('[') {
        return std::borrow::Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    // A line that starts a link it does not close, or ends with one after a link (the
    // next card of a row of them: `…](/story/a)[## B`).
    let opens = |l: &str| {
        let t = l.trim();
        t.rfind('[')
            .is_some_and(|p| !t[p..].contains(']') && (p == 0 || t[..p].ends_with(')')))
    };
    let closes = |l: &str| {
        // After the card's image, when it has one (`![icon](/a.png)](https://…)`).
        let t = l.trim_start();
        if leading_image(t).is_some_and(|end| t[end..].starts_with("](")) {
            return true;
        }
        l.find("](")
            .is_some_and(|at| !l[..at].contains(['[', ']']) && !l[..at].trim().is_empty())
    };
    // A line of the card between its halves: plain text with no bracket (a heading's
    // marks too), or an image alone.
    let between = |l: &str| {
        let t = l.trim();
        (!t.contains(['[', ']']) && !t.starts_with("```"))
            || leading_image(t).is_some_and(|end| end == t.len())
    };
    let mut out = String::with_capacity(md.len());
    let mut changed = false;
    let mut fenced = false;
    let mut i = 0;
    while i < lines.len() {
        let mut line = std::borrow::Cow::Borrowed(lines[i]);
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        while !fenced && opens(&line) {
            // The next lines of text, each after at most SPLIT_LINK_GAP blank lines,
            // until one closes the link (at most SPLIT_LINK_PARTS lines between).
            let mut parts: Vec<usize> = Vec::new();
            let mut at = i;
            let mut closed = None;
            while parts.len() <= SPLIT_LINK_PARTS {
                let Some(j) = (at + 1..lines.len().min(at + 2 + SPLIT_LINK_GAP))
                    .find(|&j| !lines[j].trim().is_empty())
                else {
                    break;
                };
                if j == at + 1 && at == i {
                    break;
                }
                if closes(lines[j]) {
                    closed = Some(j);
                    break;
                }
                if !between(lines[j]) {
                    break;
                }
                parts.push(j);
                at = j;
            }
            // A card after another on its line (`…](/story/a)[## B`) starts a paragraph of
            // its own, closed or not (a page saved cut short); a heading's marks inside a
            // card are no text of it (`[## B` / `### Title`: a card's kicker and title).
            let head = line.trim_end();
            let open = head.rfind('[').unwrap_or(0);
            let after_card = !head[..open].trim().is_empty();
            if after_card {
                out.push_str(head[..open].trim_end());
                out.push_str("\n\n");
                changed = true;
            }
            let Some(j) = closed else {
                if after_card {
                    line = std::borrow::Cow::Owned(line[open..].to_string());
                }
                break;
            };
            // (Its indent kept: a card inside a list item stays inside it.)
            let indent = if after_card { "" } else { &head[..open] };
            let mut joined = format!("{indent}[{}", without_heading_marks(&head[open + 1..]));
            for &p in &parts {
                joined.push(' ');
                joined.push_str(without_heading_marks(lines[p].trim()));
            }
            joined.push(' ');
            joined.push_str(lines[j].trim_start());
            line = std::borrow::Cow::Owned(joined);
            changed = true;
            i = j;
        }
        out.push_str(&line);
        i += 1;
    }
    match changed {
        true => std::borrow::Cow::Owned(out),
        false => std::borrow::Cow::Borrowed(md),
    }
}

/// `md` with its lines of nothing but ideographic spaces (`U+3000`) and other Unicode
/// white space made empty: Chinese editors indent with them, and CommonMark, which
/// knows only spaces and tabs as blank, would join the paragraphs around such a line.
pub fn ideographic_blank_lines(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains('\u{3000}') && !md.contains('\u{a0}') {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len());
    for line in md.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.is_empty() && body.trim().is_empty() {
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Spaces a line is indented by (four make it code).
fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// Whether a line is a table's row that starts with a pipe (not indented as code).
fn table_row(l: &str) -> bool {
    indent(l) < 4 && l.trim_start().starts_with('|')
}

/// Whether a line is a table's delimiter row (`| --- | :-: |`).
fn delimiter_row(l: &str) -> bool {
    let t = l.trim();
    indent(l) < 4
        && t.contains('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// `md` without the rows of nothing but pipes (`|`, `|  |`) inside a table: a converter
/// writes them for a row it found empty, and CommonMark ends the table there, so the rows
/// after it ran together as one paragraph (`| h/H/LEFT | 左 |  | | l/L/RIGHT | 右 |…`).
pub fn empty_table_rows(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("\n|") {
        return std::borrow::Cow::Borrowed(md);
    }
    let row = table_row;
    let delimiter = delimiter_row;
    let pipes_only = |l: &str| {
        let t = l.trim();
        row(l) && t.chars().all(|c| matches!(c, '|' | ' ' | '\t'))
    };
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let body = |i: usize| {
        lines
            .get(i)
            .map_or("", |l| l.trim_end_matches(['\n', '\r']))
    };
    let mut out = String::with_capacity(md.len());
    let (mut in_table, mut in_fence, mut changed) = (false, false, false);
    let mut prev_row = false;
    for (i, line) in lines.iter().enumerate() {
        let l = body(i);
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            in_table = false;
        } else if !in_fence {
            // Not where the next table's head row starts (`|` / `| a | b |` / `|---|`).
            let next_table = row(body(i + 1)) && delimiter(body(i + 2));
            if in_table && pipes_only(l) && !next_table {
                changed = true;
                continue;
            }
            in_table = (in_table && row(l)) || (prev_row && delimiter(l));
        }
        prev_row = !in_fence && row(l);
        out.push_str(line);
    }
    match changed {
        true => std::borrow::Cow::Owned(out),
        false => std::borrow::Cow::Borrowed(md),
    }
}

/// `md` with the cells a table's row has beyond its columns (as many as its delimiter
/// row's) joined to its last cell by escaped pipes: a converter that left a pipe of the
/// text unescaped (`| **事件名称** | AI风险分析 | 攻击组织在多个AWS租户环境劫持LLM模型 |`
/// under two columns) split a cell, and CommonMark leaves out a row's surplus cells, so
/// the text after the pipe was lost. Rows in code blocks are not looked at.
pub fn surplus_cells(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("\n|") {
        return std::borrow::Cow::Borrowed(md);
    }
    // The byte offsets of a row's unescaped pipes.
    let pipes = |l: &str| -> Vec<usize> {
        let b = l.as_bytes();
        (0..b.len())
            .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
            .collect()
    };
    // Whether a line (trimmed) ends with an unescaped pipe after its first character.
    let closed = |t: &str| pipes(t).last().is_some_and(|&p| p + 1 == t.len() && p > 0);
    // A row's cells: pipes between text, less a leading and a trailing one.
    let cells = |l: &str| -> usize {
        let t = l.trim();
        pipes(t).len() + 1 - usize::from(t.starts_with('|')) - usize::from(closed(t))
    };
    let row = table_row;
    let delimiter = delimiter_row;
    // A table's later rows need no leading pipe; a list's item, a quote, a heading or
    // HTML starts another block, which ends the table.
    let in_row = |l: &str| {
        let t = l.trim_start();
        let item = t.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
        });
        let bullet = t.starts_with(['-', '*', '+']) && matches!(t.get(1..2), Some(" " | "\t"));
        let hashes = t.len() - t.trim_start_matches('#').len();
        let heading =
            (1..=6).contains(&hashes) && matches!(t.get(hashes..hashes + 1), None | Some(" "));
        let html = t.starts_with('<')
            && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && !t.split('>').next().unwrap_or("").contains("://");
        let other = item || bullet || heading || html || t.starts_with('>');
        indent(l) < 4 && !pipes(l).is_empty() && !other
    };
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let body = |i: usize| {
        lines
            .get(i)
            .map_or("", |l| l.trim_end_matches(['\n', '\r']))
    };
    let mut out = String::with_capacity(md.len());
    let (mut columns, mut in_fence, mut changed) = (0, false, false);
    for (i, line) in lines.iter().enumerate() {
        let l = body(i);
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            columns = 0;
        } else if !in_fence && row(l) && delimiter(body(i + 1)) {
            columns = cells(body(i + 1));
        } else if !in_fence && columns > 0 && in_row(l) && !delimiter(l) && cells(l) > columns {
            // Escape the pipes after the last column's, but for a closing one: when a
            // surplus cell holds text, and no cell is a delimiter's (a table inside a
            // cell, flattened: `| | --- | | **01** | ● 标题 | | ► [点击阅读](…) |`).
            let t = l.trim_end();
            let at = pipes(t);
            let lead = usize::from(t.trim_start().starts_with('|'));
            let closing = closed(t.trim_start());
            let from = lead + columns - 1;
            let to = at.len() - usize::from(closing);
            let nested = at.windows(2).any(|w| {
                let c = t[w[0] + 1..w[1]].trim();
                c.len() >= 3 && c.chars().all(|ch| matches!(ch, '-' | ':'))
            });
            let surplus = &t[at[from] + 1..at.get(to).map_or(t.len(), |&p| p)];
            if nested || surplus.chars().all(|c| matches!(c, '|' | ' ' | '\t')) {
                out.push_str(line);
                continue;
            }
            let mut fixed = String::with_capacity(line.len() + 8);
            let mut last = 0;
            for &p in &at[from..to] {
                fixed.push_str(&t[last..p]);
                fixed.push('\\');
                last = p;
            }
            fixed.push_str(&t[last..]);
            fixed.push_str(&line[t.len()..]);
            out.push_str(&fixed);
            changed = true;
            continue;
        } else if !in_row(l) {
            columns = 0;
        }
        out.push_str(line);
    }
    match changed {
        true => std::borrow::Cow::Owned(out),
        false => std::borrow::Cow::Borrowed(md),
    }
}

/// `md` without a site's drop-down menus: a list item that is a bare label (`* Solutions`)
/// with the menu's toggle buttons right under it (`Close Solutions`, `Open Solutions`:
/// the labels a WordPress page builder gives a drop-down's two buttons), together with
/// everything nested under it (the drop-down's headings, product taglines and links, which
/// read as sentences). A page saved before its article was reached keeps nothing else.
pub fn menu_toggles(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("Close ") || !md.contains("Open ") {
        return std::borrow::Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let body = |i: usize| lines[i].trim_end_matches(['\n', '\r']);
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let blank = |i: usize| body(i).trim().is_empty();
    // The next two non-blank lines after `i`.
    let next_two = |i: usize| {
        let mut it = (i + 1..lines.len()).filter(|&j| !blank(j));
        (it.next(), it.next())
    };
    let fence = |i: usize| {
        let t = body(i).trim_start();
        t.starts_with("```") || t.starts_with("~~~")
    };
    // The drop-downs, as ranges of lines: each item with every line nested under it
    // (blank lines between them included).
    let mut menus: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut i, mut in_fence) = (0, false);
    while i < lines.len() {
        let l = body(i);
        let t = l.trim_start();
        if fence(i) {
            in_fence = !in_fence;
        }
        let label = (!in_fence)
            .then(|| t.strip_prefix(['*', '+', '-']))
            .flatten()
            .filter(|rest| rest.starts_with(' '))
            .map(str::trim)
            .filter(|label| !label.is_empty() && !label.contains(['[', ']', '(', ')']));
        let toggles = label.is_some_and(|label| {
            let (a, b) = next_two(i);
            let said = |j: Option<usize>, verb: &str| {
                j.is_some_and(|j| {
                    indent(body(j)) > indent(l)
                        && body(j).trim().strip_prefix(verb).map(str::trim) == Some(label)
                })
            };
            said(a, "Close ") && said(b, "Open ")
        });
        if !toggles {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < lines.len() {
            if blank(end) {
                let more = (end..lines.len()).find(|&j| !blank(j));
                match more {
                    Some(j) if indent(body(j)) > indent(l) => end = j,
                    _ => break,
                }
            } else if indent(body(end)) > indent(l) {
                end += 1;
            } else {
                break;
            }
        }
        // A fence inside the item opens or closes as it would have.
        in_fence ^= (i + 1..end).filter(|&j| fence(j)).count() % 2 == 1;
        menus.push(i..end);
        i = end;
    }
    // A menu has drop-downs beside each other; one item with such lines under it may be
    // a manual's (`* File` / `Close File` / `Open File` / `Save File As`).
    if menus.len() < MENU_DROP_DOWNS_MIN {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len());
    let mut at = 0;
    for m in menus {
        lines[at..m.start].iter().for_each(|l| out.push_str(l));
        at = m.end;
    }
    lines[at..].iter().for_each(|l| out.push_str(l));
    std::borrow::Cow::Owned(out)
}

/// Fewest drop-downs ([`menu_toggles`]) on a page for them to be its menu.
const MENU_DROP_DOWNS_MIN: usize = 2;

/// A code fence opened at the end of a line of text (`一个例子: ```html`, a converter's
/// slip; CommonMark opens fences only at a line's start): when the next fence at a
/// line's start is a bare ```` ``` ```` (a closing one) and the one after it, if any,
/// names a language (an opening one), the fence is moved to a line of its own, so the
/// code after it is code and the prose after its closing fence is prose again.
pub fn inline_fence_split(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("```") {
        return std::borrow::Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let fence_at_start = |l: &str| l.trim_start().starts_with("```");
    let opener = |t: &str| -> Option<usize> {
        if fence_at_start(t) {
            return None;
        }
        let i = t.rfind("```")?;
        let (before, fence) = (&t[..i], &t[i + 3..]);
        let info_ok = !fence.is_empty()
            && fence
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#'));
        (info_ok && !before.trim().is_empty() && !before.contains('`')).then_some(i)
    };
    let mut out = String::with_capacity(md.len() + 8);
    let mut split = false;
    for (n, line) in lines.iter().enumerate() {
        let t = line.trim_end();
        if let Some(i) = opener(t) {
            let mut next = lines[n + 1..]
                .iter()
                .map(|l| l.trim())
                .filter(|l| l.starts_with("```"));
            let closes = next.next() == Some("```");
            let then_opens = next.next().is_none_or(|l| l.len() > 3);
            if closes && then_opens {
                out.push_str(t[..i].trim_end());
                out.push_str("\n\n");
                out.push_str(&t[i..]);
                out.push('\n');
                split = true;
                continue;
            }
        }
        out.push_str(line);
    }
    if split {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(md)
    }
}

/// Two bold spans a converter wrote without a space between them (`**1****、什么是硬件钱包**`,
/// `## **INTRODUCTION****:**`, `**g****li Stati Uniti**`): CommonMark reads the `****`
/// as text and leaves stars in the text (`1**、什么是硬件钱包**`). Four stars between two
/// characters that are not stars or spaces go, inside a span (an odd number of `**`
/// before them on the line; `sk-kqfq****czha` is a mask) and outside code (fences,
/// lines with a backtick), so the spans are one; a line with a longer run of stars
/// (`****分享最多=赠书一本+****包邮********`) is left to the parser, which reads it.
pub fn glued_strong(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("****") {
        return std::borrow::Cow::Borrowed(md);
    }
    let glued = |l: &str| -> Option<String> {
        if l.contains('`') || !l.contains("****") || l.contains("*****") {
            return None;
        }
        let mut out = String::with_capacity(l.len());
        let mut rest = l;
        let mut changed = false;
        while let Some(at) = rest.find("****") {
            let before = rest[..at].chars().next_back();
            let after = rest[at + 4..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c != '*' && !c.is_whitespace());
            out.push_str(&rest[..at]);
            // Inside a span: an odd number of `**` before it on the line (outside one,
            // four stars are a mask: `sk-kqfq****czha`).
            let open = out.matches("**").count() % 2 == 1;
            if open && word(before) && word(after) {
                changed = true;
            } else {
                // A run of stars: copy it whole, so its tail is not read as four.
                let run = rest[at..].bytes().take_while(|&b| b == b'*').count();
                out.push_str(&rest[at..at + run]);
                rest = &rest[at + run..];
                continue;
            }
            rest = &rest[at + 4..];
        }
        out.push_str(rest);
        changed.then_some(out)
    };
    let mut out = String::with_capacity(md.len());
    let mut in_fence = false;
    let mut changed = false;
    for line in md.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        match (in_fence, glued(line)) {
            (false, Some(g)) => {
                out.push_str(&g);
                changed = true;
            }
            _ => out.push_str(line),
        }
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(md)
    }
}

/// The images in a code fence never closed: a fence left open runs to the page's end
/// (CommonMark), so a converter's stray fence (a `<pre>` holding ```` ``` ```` of its
/// own) turns the page's chrome after it into code, and its images into text of the
/// code (a tracking pixel, `![](https://mc.yandex.ru/watch/54912310)`). A line that is
/// an image alone after the open fence goes; code written in Markdown by a converter
/// holds no image syntax, which it would have escaped.
pub fn unclosed_fence_images(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("```") && !md.contains("~~~") {
        return std::borrow::Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let Some(from) = open_fence_at_end(&lines) else {
        return std::borrow::Cow::Borrowed(md);
    };
    let image_alone = |l: &str| {
        let t = l.trim();
        t.starts_with("![") && t.ends_with(')') && t.contains("](") && t.matches("![").count() == 1
    };
    if !lines[from + 1..].iter().any(|l| image_alone(l)) {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len());
    for (n, line) in lines.iter().enumerate() {
        if n > from && image_alone(line) {
            continue;
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

/// A code fence's line: at most three spaces (`indent`) before a run of at least three
/// backticks or tildes (`c`, `run` long) and its info string (`` ```MySQL ``: `MySQL`).
#[derive(Debug, Clone, Copy)]
struct Fence<'a> {
    indent: usize,
    c: u8,
    run: usize,
    info: &'a str,
}

/// `line` as a code fence, or `None` (no backtick in a backtick fence's info string, as
/// CommonMark has it).
fn fence_line(line: &str) -> Option<Fence<'_>> {
    let l = line.trim_end_matches(['\r', '\n']);
    let t = l.trim_start_matches(' ');
    let indent = l.len() - t.len();
    let c = t.bytes().next().filter(|c| matches!(c, b'`' | b'~'))?;
    let run = t.bytes().take_while(|&b| b == c).count();
    let info = t[run..].trim();
    (indent <= 3 && run >= 3 && !(c == b'`' && info.contains('`'))).then_some(Fence {
        indent,
        c,
        run,
        info,
    })
}

/// The line of the fence that CommonMark leaves open at the end of `lines`, if any: a
/// fence closes at a bare fence of its character at least as long.
fn open_fence_at_end(lines: &[&str]) -> Option<usize> {
    let mut open: Option<(usize, Fence)> = None;
    for (n, f) in lines
        .iter()
        .enumerate()
        .filter_map(|(n, l)| fence_line(l).map(|f| (n, f)))
    {
        match open {
            None => open = Some((n, f)),
            Some((_, o)) if o.c == f.c && f.run >= o.run && f.info.is_empty() => open = None,
            Some(_) => {}
        }
    }
    open.map(|(n, _)| n)
}

/// Code fences nested in a fence of the same length: a converter that wraps a `<pre>` in
/// a bare ```` ``` ```` when the `<pre>`'s own text holds fenced code (an advisory written
/// in Markdown: `` ```MySQL `` … ```` ``` ````). CommonMark closes the outer fence at the
/// inner one's close, so the rest of the code becomes text and the outer fence's close
/// opens a fence that runs to the page's end (or to the next code block's close), the
/// page's footer in it as code. Read with nesting — inside a fence opened without an info
/// string, a fence with one (`` ```MySQL ``) opens a nested fence and a bare one closes
/// the innermost — when every fence then closes, the outer fences that hold nested ones
/// are lengthened (```` ```` ````), so the code is code to its end and the page after it is
/// text. Only a page that CommonMark leaves with a fence open at its end is read again:
/// one whose fences CommonMark closes is left alone (a tutorial that shows `` ```python ``
/// in a bare fence means it as text of the code), and so is one whose fences do not all
/// close when read with nesting (a page cut short inside its code).
pub fn nested_fences(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("```") && !md.contains("~~~") {
        return std::borrow::Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    if open_fence_at_end(&lines).is_none() {
        return std::borrow::Cow::Borrowed(md);
    }
    // (opening line, closing line, longest inner fence) of each outer fence that holds
    // another.
    let mut outer: Vec<(usize, usize, usize)> = Vec::new();
    // The open outer fence: its line, character, run, whether it names a language,
    // depth and longest inner fence.
    let mut cur: Option<(usize, u8, usize, bool, usize, usize)> = None;
    for (n, f) in lines
        .iter()
        .enumerate()
        .filter_map(|(n, l)| fence_line(l).map(|f| (n, f)))
    {
        match cur.as_mut() {
            None => cur = Some((n, f.c, f.run, !f.info.is_empty(), 1, 0)),
            Some((_, oc, orun, named, depth, inner)) if *oc == f.c && f.run >= *orun => {
                if f.info.is_empty() {
                    *depth -= 1;
                } else if !*named {
                    *depth += 1;
                }
                // An inner fence, opening or closing: the outer one must be longer.
                if *depth > 0 && !*named {
                    *inner = (*inner).max(f.run);
                }
                if *depth == 0 {
                    let (from, _, _, _, _, inner) = cur.take().unwrap_or_default();
                    if inner > 0 {
                        outer.push((from, n, inner));
                    }
                }
            }
            Some(_) => {}
        }
    }
    if cur.is_some() || outer.is_empty() {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len() + 2 * outer.len());
    let mut lengthen: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (from, to, inner) in outer {
        lengthen.insert(from, inner + 1);
        lengthen.insert(to, inner + 1);
    }
    for (n, line) in lines.iter().enumerate() {
        match lengthen
            .get(&n)
            .and_then(|&len| fence_line(line).map(|f| (len, f)))
        {
            Some((len, f)) => {
                out.push_str(&line[..f.indent]);
                out.extend(std::iter::repeat_n(char::from(f.c), len));
                out.push_str(&line[f.indent + f.run..]);
            }
            None => out.push_str(line),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The level of an ATX heading line (`## Title`: 2): one to six `#` at the line's start,
/// then a space, a tab or the line's end. `#hashtag`, `####### x` and `#!/bin/sh` are none.
pub(crate) fn atx_heading_level(line: &str) -> Option<usize> {
    let t = line.trim_end_matches(['\r', '\n']);
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t'])))
        .then_some(hashes)
}

/// The comments of code written without a fence (a scraped `<pre>` whose lines the
/// converter left as they were): a run of lines that open as a heading does (`# msfvenom
/// -p …`, `# Date: 2025-05-05`), outside fences, with a line of code right above or
/// right below it and no blank line between ([`code_line`], or a `#!/…` interpreter
/// line) is the program's, when the paragraph it stands in reads as code without it
/// ([`code_lines`]); the `#` at each line's start is escaped, so the lines stay lines of
/// the code with their `#`. A converter writes a heading between blank lines.
pub fn code_comments(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("\n#") {
        return std::borrow::Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let heading = |l: &str| atx_heading_level(l.trim_end()).is_some_and(|h| l.trim_end().len() > h);
    // A line of an indented code block is the block's: a heading beside it is a heading.
    let code = |l: &str| {
        let t = l.trim();
        let indent = l.len() - l.trim_start().len();
        !t.is_empty()
            && indent < 4
            && !l.starts_with('\t')
            && (code_line(t) || t.starts_with("#!/"))
    };
    let mut escaped = vec![false; lines.len()];
    let (mut i, mut in_fence) = (0, false);
    while i < lines.len() {
        let t = lines[i].trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if in_fence || !heading(lines[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < lines.len() && heading(lines[end + 1]) {
            end += 1;
        }
        let above = i.checked_sub(1).is_some_and(|j| code(lines[j]));
        let below = lines.get(end + 1).is_some_and(|l| code(l));
        // The paragraph the run joins must read as code without its comments.
        let blank = |l: &&str| l.trim().is_empty() || l.trim_start().starts_with("```");
        let first = lines[..i].iter().rposition(blank).map_or(0, |j| j + 1);
        let last = lines[end + 1..]
            .iter()
            .position(blank)
            .map_or(lines.len(), |j| end + 1 + j);
        if (above || below) && code_lines(&lines[first..last].concat()) {
            escaped[i..=end].iter_mut().for_each(|e| *e = true);
        }
        i = end + 1;
    }
    if !escaped.contains(&true) {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len() + 16);
    for (line, e) in lines.iter().zip(escaped) {
        if e {
            out.push('\\');
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

/// Remove Hugo shortcodes (`{{< name … >}}`, `{{% name %}}`, closing forms too); a line
/// left blank by them goes with them.
pub fn strip_shortcodes(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains("{{<") && !md.contains("{{%") {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len());
    for line in md.split_inclusive('\n') {
        let mut rest = line;
        let mut changed = false;
        let mut kept = String::new();
        loop {
            let open = match (rest.find("{{<"), rest.find("{{%")) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => break,
            };
            let close = if rest[open..].starts_with("{{<") {
                ">}}"
            } else {
                "%}}"
            };
            match rest[open + 3..].find(close) {
                Some(e) => {
                    kept.push_str(&rest[..open]);
                    rest = &rest[open + 3 + e + 3..];
                    changed = true;
                }
                None => break,
            }
        }
        kept.push_str(rest);
        if changed && kept.trim().is_empty() {
            continue;
        }
        out.push_str(&kept);
    }
    std::borrow::Cow::Owned(out)
}

/// Markdown (shortcodes already removed or not) to blocks.
pub fn blocks(md: &str) -> Vec<Block> {
    let md = strip_shortcodes(md);
    let md = ideographic_blank_lines(&md);
    let md = inline_fence_split(&md);
    let md = nested_fences(&md);
    let md = empty_table_rows(&md);
    let md = surplus_cells(&md);
    let md = menu_toggles(&md);
    let md = code_comments(&md);
    let md = unclosed_fence_images(&md);
    let md = glued_strong(&md);
    let md = split_links_joined(&md);
    let md: &str = &md;
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    // `- [ ] item`: the check box is not text (Markdown output keeps the source).
    opts.insert(Options::ENABLE_TASKLISTS);
    let mut b = Builder {
        src: md,
        out: Vec::new(),
        cur: None,
        cur_start: 0,
        link_depth: 0,
        image: None,
        image_src: String::new(),
        placeholder: None,
        lists: Vec::new(),
        numbers: Vec::new(),
        marker: None,
        counter: 0,
        table: 0,
        html: String::new(),
        html_range: None,
        group: 0,
        emphasis: Vec::new(),
        links: Vec::new(),
        block_links: 0,
        own_address_weight: 0,
        own_address_text: String::new(),
        cell_start: 0,
        row_end: None,
        drop_bracket: false,
        closing: None,
        line_image: false,
        line_text: false,
        setext: None,
        payloads: Vec::new(),
    };
    for (ev, range) in Parser::new_ext(md, opts).into_offset_iter() {
        b.event(ev, range);
    }
    b.flush_html();
    b.flush(md.len());
    b.out
}

struct Builder<'a> {
    src: &'a str,
    out: Vec<Block>,
    cur: Option<Block>,
    cur_start: usize,
    link_depth: usize,
    /// Alt text of the image being read.
    image: Option<String>,
    /// Address of the image being read.
    image_src: String,
    /// The alt text of the last image read when it was a lazy loader's placeholder (a
    /// `data:` address), with where the text stood then: the picture it stands for
    /// comes next.
    placeholder: Option<(String, usize)>,
    /// Open lists (their ids).
    lists: Vec<u32>,
    /// For each open list, the number of its next item (`None`: a bullet list).
    numbers: Vec<Option<u64>>,
    /// The number the current item was written with (`3. `).
    marker: Option<String>,
    counter: u32,
    table: u32,
    /// HTML block lines being collected, and their source range.
    html: String,
    html_range: Option<std::ops::Range<usize>>,
    group: u32,
    /// Links the block being read holds, and the weight of those whose text is their own
    /// address ([`own_address`]).
    block_links: usize,
    own_address_weight: usize,
    own_address_text: String,
    /// Where the table cell being read starts in the row's text, and where the row's
    /// last cell with text ends: empty cells after it leave no separators.
    cell_start: usize,
    row_end: Option<usize>,
    /// Open links: where each points, where its text starts in the block's text, the
    /// block's link weight before it and where the link is written in the source
    /// (a reference mark, a note's arrow back and a wiki's edit link are taken out).
    links: Vec<(String, Option<usize>, usize, std::ops::Range<usize>)>,
    /// An edit link in brackets went (`History[[edit](…action=edit…)]`): the `]` after it
    /// goes too.
    drop_bracket: bool,
    /// Underscore emphasis around one identifier-like word: its source and where its text
    /// starts (`__init__` is an identifier, not bold "init").
    emphasis: Vec<Option<(usize, std::ops::Range<usize>)>>,
    /// Names of the closing tags the source holds (`</figcapture>`), found on first need.
    closing: Option<std::collections::HashSet<&'a str>>,
    /// Whether the paragraph's current line (since its last break) holds an image, and
    /// whether it holds text of its own: a line that is an image alone breaks the
    /// paragraph's text there ([`Builder::soft_break`]).
    line_image: bool,
    line_text: bool,
    /// In a Setext heading of several lines: where its last line starts, and the
    /// heading's level ([`setext_split`]).
    setext: Option<(usize, u8)>,
    /// Names of the payload tags kept as text and not closed yet
    /// ([`wenku_plugin::markup::payload_tag`]): their closing tags stay too
    /// (`<a href="javascript:alert(1)">x</a>`).
    payloads: Vec<String>,
}

impl<'a> Builder<'a> {
    fn start(&mut self, kind: Kind, at: usize) {
        self.flush(at);
        self.line_image = false;
        self.line_text = false;
        // A list item's Markdown starts with its indentation.
        let at = if matches!(kind, Kind::Item { .. }) {
            let before = &self.src[..at.min(self.src.len())];
            let line_start = before.rfind('\n').map_or(0, |p| p + 1);
            if before[line_start..].chars().all(|c| c == ' ' || c == '\t') {
                line_start
            } else {
                at
            }
        } else {
            at
        };
        let mut b = Block::new(kind);
        self.group += 1;
        b.group = self.group;
        self.cur = Some(b);
        self.cur_start = at;
    }

    fn flush(&mut self, end: usize) {
        self.payloads.clear();
        // (A lazy loader's placeholder stands for the picture after it in its block.)
        self.placeholder = None;
        let links = std::mem::take(&mut self.block_links);
        let own_address = std::mem::take(&mut self.own_address_weight);
        let own_text = std::mem::take(&mut self.own_address_text);
        if let Some(mut b) = self.cur.take() {
            // A paragraph or item that is one link showing its own address
            // (`<https://a.org/x>`, `[1] [https://a.org/x](https://a.org/x)`) shows the
            // reader a bare address: it is read as the same address written plainly is (a
            // reference list's entries), not as a link. After a label it stays a link
            // (`原文地址：<https://…>`, a translation's credit among a page's header
            // lines); two or more in one block are a row of a site's accounts (`Like
            // fb.com/x` / `Follow instagram.com/x`) and count as links too.
            // (Zero-width spaces are no text: `<https://…>\u{200b}` is alone too.)
            let alone = b
                .text
                .trim_matches(|c: char| c.is_whitespace() || crate::INVISIBLE.contains(&c))
                .trim_start_matches(|c: char| {
                    c == '[' || c == ']' || c.is_ascii_digit() || c == '.' || c == ' '
                })
                == own_text;
            if links == 1 && alone {
                b.link_weight = b.link_weight.saturating_sub(own_address);
            }
            let end = end.max(self.cur_start).min(self.src.len());
            b.markdown = self
                .src
                .get(self.cur_start..end)
                .unwrap_or_default()
                .trim_end()
                .to_string();
            b.text = spans_met(&b.text).into_owned();
            // Code written without a fence (a scraped `<pre>`): its lines stay lines and
            // are held out of the line cleaning as a fenced block's are
            // ([`unfenced_code`]); it stays a paragraph for the rules that choose the
            // article.
            // A code block's lines in a table's row are written as the code block.
            if b.code_row {
                b.markdown = format!("```\n{}\n```", b.text);
            }
            if b.kind == Kind::Paragraph && code_lines(&b.text) {
                // (A bold label over the code is a line of its own.)
                b.text = b
                    .text
                    .replace('\u{1}', "\n")
                    .replace('\u{3}', "*")
                    .replace('\u{5}', "\n");
                b.markdown = format!("```\n{}\n```", b.text);
            } else if b.kind != Kind::Code {
                // Join the lines of a paragraph: nothing between two CJK characters, else
                // a space (a record's, a drawing's and a paragraph's written a line a
                // paragraph keep theirs: [`join_lines`]).
                let paired = escaped_pairs(&b.text);
                let joined = join_lines(&paired);
                let joined = unparsed_strong(&joined).into_owned();
                let joined = stray_strong(&joined).into_owned();
                let joined = glued_reference_marks(&joined).into_owned();
                let joined = unparsed_underline(&joined).into_owned();
                let (text, link_weight) = residual_links(&joined);
                let text = text
                    .trim_matches(|c: char| c.is_ascii_whitespace())
                    .to_string();
                b.link_weight += link_weight;
                b.text = text;
            }
            if b.text.contains('\u{3}') {
                b.text = b.text.replace('\u{3}', "*");
            }
            if b.text.contains('\u{5}') {
                b.text = label_breaks(&b.text);
            }
            b.number = self.marker.take();
            if !b.text.trim().is_empty() && !self.image_title_shown(&b) {
                self.out.push(b);
            }
        }
    }

    /// Whether a paragraph is the name of a picture's file alone
    /// ([`crate::lines::picture_file_name`]: `92883-rn4n90qpxcd.png`, `image.png`) or a
    /// word a page's template writes for any picture ([`PICTURE_WORDS`]: `img`) right
    /// under a line that is an image: the title the page's image carried, shown as its
    /// caption. File names an article lists as its text stay (`PXL_20240830_150806479.jpg`
    /// among others in a paragraph, under a sentence).
    fn image_title_shown(&self, b: &Block) -> bool {
        // (Written plainly: `secret.png` in code or bold is the article's.)
        if b.kind != Kind::Paragraph
            || !(crate::lines::picture_file_name(&b.text) || PICTURE_WORDS.contains(&b.text.trim()))
            || b.markdown.trim() != b.text.trim()
        {
            return false;
        }
        let before = self.src.get(..self.cur_start).unwrap_or_default();
        before
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .is_some_and(image_only_line)
    }

    fn flush_html(&mut self) {
        let Some(range) = self.html_range.take() else {
            return;
        };
        let html = std::mem::take(&mut self.html);
        self.group += 1;
        let source = self
            .src
            .get(range)
            .unwrap_or_default()
            .trim_end()
            .to_string();
        let mut blocks = crate::html::fragment_blocks(&html);
        for b in blocks.iter_mut() {
            b.group = self.group;
            // The fragment's Markdown is its HTML, written once for the group.
            b.markdown = source.clone();
            // A Markdown writer escaped punctuation inside the HTML too (`图片 \| 刘静`,
            // `\[图源：搜狐\]`), which CommonMark leaves as written there; code keeps it.
            if b.kind != Kind::Code && b.text.contains('\\') {
                b.text = markdown_unescaped(&b.text);
            }
        }
        self.out.extend(blocks);
    }

    /// Whether an opening tag of no HTML element is closed later in the source
    /// (`<figcapture>…</figcapture>`: a misspelt element, markup); a placeholder in angle
    /// brackets never is (`<rental-service>`).
    fn closed(&mut self, tag: &str) -> bool {
        let src = self.src;
        let closing = self.closing.get_or_insert_with(|| {
            src.match_indices("</")
                .map(|(i, _)| tag_name(&src[i + 2..]))
                .filter(|n| !n.is_empty())
                .collect()
        });
        let name = tag_name(tag.trim_start_matches('<'));
        !name.is_empty() && closing.contains(name)
    }

    /// Whether an inline tag at `at` of the page is one a sentence names rather than
    /// markup: a tag whose attribute's value opens with a curly quote, which no browser
    /// reads as quoting (`<embed src=“File:///etc/passwd”>`), or a bare tag, without
    /// attributes, set apart from ASCII letters and digits on both sides, of an element
    /// that has no closing tag anywhere on the page (its name as written or in lower
    /// case) and is not a line break or rule (`craft an <iframe> that points to`, `包含
    /// <script> 标签`, `the <img> tag`); an element whose closing tag HTML leaves out
    /// (`<p>`, `<li>`) only before punctuation (a list's comma, a quote's or bracket's
    /// end, a stop), a space and a lower-case or CJK word, or `标签`/`元素`.
    fn written_tag(&mut self, tag: &str, at: std::ops::Range<usize>) -> bool {
        if tag.starts_with("</") {
            return false;
        }
        if ["=“", "=”", "=‘", "=’"].iter().any(|q| tag.contains(q)) {
            return true;
        }
        let Some(name) = tag.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
            return false;
        };
        let lower = name.to_ascii_lowercase();
        if name.is_empty()
            || !name.bytes().all(|b| b.is_ascii_alphanumeric())
            || matches!(lower.as_str(), "br" | "hr" | "wbr")
            || self.closed(tag)
            || self.closed(&format!("<{lower}>"))
        {
            return false;
        }
        let before = self.src.get(..at.start).and_then(|s| s.chars().next_back());
        let rest = self.src.get(at.end..).unwrap_or_default();
        let after = rest.chars().next();
        let apart = |c: Option<char>| {
            c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '<' || c == '>'))
        };
        // An element whose closing tag HTML leaves out (`<p>`, `<li>`, `<td>`) is markup
        // however it stands, unless punctuation, a lower-case or CJK word after a space,
        // or `标签` follows it (`<p>、<code>等标签`, `the <p> element`, `<li>元素`).
        let named = matches!(
            after,
            Some(
                '、' | '，'
                    | ','
                    | '”'
                    | '"'
                    | '’'
                    | '\''
                    | ')'
                    | '）'
                    | '.'
                    | ';'
                    | ':'
                    | '。'
                    | '：'
                    | '；'
            )
        ) || rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase() || is_cjk(c)))
            || ["标签", "元素", "標籤"].iter().any(|w| rest.starts_with(w));
        // (A name in capitals is a placeholder: `-o <Option>`.)
        let unclosed = name == lower
            && matches!(
                lower.as_str(),
                "p" | "li"
                    | "td"
                    | "th"
                    | "tr"
                    | "dt"
                    | "dd"
                    | "option"
                    | "optgroup"
                    | "thead"
                    | "tbody"
                    | "tfoot"
                    | "colgroup"
                    | "rt"
                    | "rp"
            );
        apart(before) && apart(after) && (!unclosed || named)
    }

    /// Whether an inline tag is a payload kept as text
    /// ([`wenku_plugin::markup::payload_tag`]), or the closing tag of the last one kept.
    fn payload(&mut self, tag: &str) -> bool {
        if let Some(closing) = tag.strip_prefix("</") {
            let name = tag_name(closing).to_ascii_lowercase();
            if self.payloads.last() == Some(&name) {
                self.payloads.pop();
                return true;
            }
        }
        if !wenku_plugin::markup::payload_tag(tag) {
            return false;
        }
        let name = tag_name(tag.trim_start_matches('<')).to_ascii_lowercase();
        if !tag.starts_with("</")
            && !tag.ends_with("/>")
            && !name.is_empty()
            && !crate::html::VOID.contains(&name.as_str())
        {
            self.payloads.push(name);
        }
        true
    }

    /// A link just closed, to `dest`, its text from `at` of the block's: a reference mark
    /// (`[[1]](#cite_note-1)`) or a note's arrow back (`[^](#cite_ref-1)`, `↩`) within the
    /// page, or a wiki's edit link (`[edit](/w/index.php?…&action=edit&section=1)`), goes.
    /// Its text's weight is told apart when the link's text is its own address
    /// ([`own_address`]).
    fn link_out(&mut self, dest: &str, at: Option<usize>, weight: usize) {
        let Some(b) = &mut self.cur else {
            return;
        };
        let at = at.unwrap_or(0);
        let Some(inner) = b.text.get(at..) else {
            return;
        };
        self.block_links += 1;
        if own_address(inner.trim(), dest) {
            self.own_address_weight += b.link_weight.saturating_sub(weight);
            self.own_address_text = inner.trim().to_string();
        }
        let within = dest.starts_with('#');
        let edit = dest.contains("action=edit")
            && matches!(
                inner.trim(),
                "edit" | "编辑" | "編輯" | "Edit" | "modifier" | "Bearbeiten"
            );
        let heading = matches!(b.kind, Kind::Heading(_));
        if (within
            && (crate::html::reference_mark(inner)
                || crate::html::back_reference(inner)
                || heading && crate::html::permalink_mark(inner)))
            || edit
        {
            b.text.truncate(at);
            if edit && b.text.ends_with('[') {
                b.text.pop();
                self.drop_bracket = true;
            }
        }
    }

    fn push_text(&mut self, t: &str) {
        if let Some(alt) = &mut self.image {
            alt.push_str(t);
            return;
        }
        let link = self.link_depth > 0;
        let kind = if self.lists.is_empty() {
            Kind::Paragraph
        } else {
            Kind::Item {
                list: *self.lists.last().unwrap_or(&0),
            }
        };
        if self.cur.is_none() {
            let at = self.cur_start;
            self.start(kind, at);
        }
        if !t.trim().is_empty() {
            self.line_text = true;
        }
        if let Some(b) = &mut self.cur {
            b.text.push_str(t);
            if link {
                b.link_weight += weight(t);
            }
        }
    }

    /// A table row read: the separators of the empty cells at its end go (`左 | ` of
    /// `| h/H/LEFT | 左 |  |`), a last cell that is itself `|` stays.
    fn end_row(&mut self) {
        if let (Some(b), Some(end)) = (&mut self.cur, self.row_end.take()) {
            if b.text.is_char_boundary(end) {
                b.text.truncate(end);
            }
        }
        // A code block's gutter of line numbers, kept as a table's first cell (a blog's
        // highlighted code saved as `| ``` 1 2 3 … 17 ``` | ``` $ nmap … ``` |`): the
        // code is the row's text; its lines, when the scrape left two spaces between
        // them, are lines of code again ([`gutter_code`]).
        if let Some(b) = &mut self.cur {
            if let Some((gutter, code)) = b.text.split_once(" | ") {
                if line_numbers(gutter) && !code.trim().is_empty() {
                    match gutter_code(gutter, code) {
                        Some(lines) => {
                            b.code_row = true;
                            b.text = lines;
                        }
                        None => b.text = code.to_string(),
                    }
                }
            }
        }
        self.cell_start = 0;
    }

    /// A soft break after a line that is one bold label (`1. **邮件投递**` / `邮件源自…`):
    /// the label does not run into the text under it (`邮件投递 邮件源自…`, not
    /// `邮件投递邮件源自…`): a space, or a line's end over a paragraph
    /// ([`label_breaks`]).
    fn label_break(&mut self) {
        self.line_image = false;
        self.line_text = false;
        match &mut self.cur {
            // (Marked `\u{5}`: [`label_breaks`] makes it a space or a line's end, and so
            // does a paragraph written a line a paragraph, [`unwrapped_lines`].)
            Some(b) if b.kind != Kind::Code && self.image.is_none() => b.text.push('\u{5}'),
            _ => self.soft_break(),
        }
    }

    /// A soft break that stays a line's end in text (between two lines each bold as a
    /// whole, [`strong_lines_around`]; before a Chinese line under a list item without
    /// its indent, [`lazy_chinese_line`]).
    fn line_end(&mut self) {
        match &mut self.cur {
            Some(b) if b.kind != Kind::Code && self.image.is_none() => {
                self.line_image = false;
                self.line_text = false;
                b.text.push('\n');
            }
            _ => self.soft_break(),
        }
    }

    fn soft_break(&mut self) {
        if self.image.is_some() {
            if let Some(a) = &mut self.image {
                a.push(' ');
            }
            return;
        }
        // A line that is an image alone between two lines of text (a screenshot between
        // two steps, written in one `<p>` with `<br>`s) is where the page showed the
        // text apart: the lines either side stay lines instead of joining
        // (`启动后防火墙也会放行该端口` / `设置启用监听`, not `…端口设置启用…`).
        let image_alone = std::mem::take(&mut self.line_image) && !self.line_text;
        self.line_text = false;
        if let Some(b) = &mut self.cur {
            if b.kind == Kind::Code {
                b.text.push('\n');
            } else if image_alone && b.text.ends_with('\u{1}') {
                b.text.pop();
                b.text.push('\n');
            } else if !(image_alone && b.text.ends_with('\n')) {
                b.text.push('\u{1}');
            }
        }
    }

    fn event(&mut self, ev: Event<'_>, range: std::ops::Range<usize>) {
        if !matches!(ev, Event::Html(_)) {
            self.flush_html();
        }
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph if self.lists.is_empty() || self.cur.is_none() => {
                    let kind = match self.lists.last() {
                        Some(l) => Kind::Item { list: *l },
                        None => Kind::Paragraph,
                    };
                    if self.cur.as_ref().is_none_or(|c| !c.text.trim().is_empty()) {
                        self.start(kind, range.start);
                    }
                }
                Tag::Heading { level, .. } => match setext_split(self.src, range.clone()) {
                    Some(at) => {
                        self.setext = Some((at, level as u8));
                        self.start(Kind::Paragraph, range.start);
                    }
                    None => self.start(Kind::Heading(level as u8), range.start),
                },
                Tag::CodeBlock(_) => self.start(Kind::Code, range.start),
                Tag::List(start) => {
                    self.flush(range.start);
                    self.counter += 1;
                    self.lists.push(self.counter);
                    self.numbers.push(start);
                }
                Tag::Item => {
                    let list = *self.lists.last().unwrap_or(&0);
                    self.start(Kind::Item { list }, range.start);
                    // An ordered list's items keep their numbers in the text output (an
                    // article refers to its steps by them), as they were written (`4)`
                    // where a second list goes on counting, `1.` for every item).
                    if let Some(Some(_)) = self.numbers.last() {
                        let written = self.src.get(range.clone()).unwrap_or_default().trim_start();
                        let digits: String =
                            written.chars().take_while(char::is_ascii_digit).collect();
                        let delim = written[digits.len()..].chars().next();
                        if let (false, Some(d @ ('.' | ')'))) = (digits.is_empty(), delim) {
                            self.marker = Some(format!("{digits}{d} "));
                        }
                    }
                }
                Tag::Table(_) => {
                    self.flush(range.start);
                    self.counter += 1;
                    self.table = self.counter;
                }
                Tag::TableHead | Tag::TableRow => {
                    let t = self.table;
                    self.start(Kind::Row { table: t }, range.start);
                }
                Tag::TableCell => {
                    if let Some(b) = &mut self.cur {
                        if !b.text.is_empty() {
                            b.text.push_str(" | ");
                        }
                        self.cell_start = b.text.len();
                    }
                }
                Tag::Link { dest_url, .. } => {
                    self.link_depth += 1;
                    let at = self.cur.as_ref().map(|b| b.text.len());
                    let weight = self.cur.as_ref().map_or(0, |b| b.link_weight);
                    self.links
                        .push((dest_url.to_string(), at, weight, range.clone()));
                }
                Tag::Image { dest_url, .. } if self.image.is_none() => {
                    self.line_image = true;
                    self.image = Some(String::new());
                    self.image_src = dest_url.to_string();
                }
                Tag::Strong | Tag::Emphasis => {
                    let src = self.src.get(range.clone()).unwrap_or_default();
                    let delim = if matches!(tag, Tag::Strong) {
                        "__"
                    } else {
                        "_"
                    };
                    let inner = src
                        .strip_prefix(delim)
                        .and_then(|s| s.strip_suffix(delim))
                        .filter(|s| {
                            !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
                        });
                    // A product in a formula (`Ei/40*E*20%`): stars between Latin letters
                    // or digits around a Latin word or number are the formula's.
                    let bytes = self.src.as_bytes();
                    let ascii_word = |i: Option<usize>| {
                        i.and_then(|i| bytes.get(i))
                            .is_some_and(u8::is_ascii_alphanumeric)
                    };
                    let inner = inner.or_else(|| {
                        src.strip_prefix('*')
                            .and_then(|s| s.strip_suffix('*'))
                            .filter(|s| {
                                matches!(tag, Tag::Emphasis)
                                    && !s.is_empty()
                                    && s.bytes().all(|c| c.is_ascii_alphanumeric())
                                    && ascii_word(range.start.checked_sub(1))
                                    && ascii_word(Some(range.end))
                            })
                    });
                    self.emphasis.push(inner.map(|_| {
                        let at = self.cur.as_ref().map_or(0, |b| b.text.len());
                        (at, range.clone())
                    }));
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => {
                    if self.lists.is_empty() {
                        self.flush(range.end);
                    } else if let Some(b) = &mut self.cur {
                        b.text.push('\u{1}');
                    }
                }
                // The head row's Markdown runs to the next row (the `|---|` line with it).
                TagEnd::TableCell => {
                    if let Some(b) = &self.cur {
                        let filled = b
                            .text
                            .get(self.cell_start..)
                            .is_some_and(|t| !t.trim().is_empty());
                        if filled {
                            self.row_end = Some(b.text.len());
                        }
                    }
                }
                TagEnd::TableHead => self.end_row(),
                TagEnd::TableRow => {
                    self.end_row();
                    self.setext = None;
                    self.flush(range.end)
                }
                TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table => {
                    self.setext = None;
                    self.flush(range.end)
                }
                TagEnd::Item => self.flush(range.end),
                TagEnd::List(_) => {
                    self.flush(range.end);
                    self.lists.pop();
                    self.numbers.pop();
                }
                TagEnd::Link => {
                    self.link_depth = self.link_depth.saturating_sub(1);
                    if let Some((dest, at, weight, source)) = self.links.pop() {
                        // Code written without a fence reads as a link where a quoted key
                        // meets a call (`localStorage[‘getItem’](‘XsuH…’)`,
                        // `String[‘fromCharCode’](_Ox38f46)`): a target that is no web
                        // address (nor a path or an anchor) and holds curly quotes or
                        // starts with a quote, or whose text is quoted right after an
                        // identifier, is no link, and the code stays as written.
                        let written = self.src.get(source.clone()).unwrap_or_default();
                        let before = self.src[..source.start].chars().next_back();
                        let address = dest.contains("://")
                            || dest.starts_with(['/', '#'])
                            || dest.starts_with("www.");
                        let quoted = !address
                            && (dest.contains(['‘', '’', '“', '”'])
                                || dest.starts_with(['\'', '"'])
                                || (written.starts_with(['['])
                                    && written[1..].starts_with(['‘', '“', '\'', '"'])
                                    && before.is_some_and(|c| {
                                        c.is_ascii_alphanumeric() || matches!(c, '_' | ')' | ']')
                                    })));
                        match (quoted, at, self.src.get(source)) {
                            (true, Some(at), Some(written)) if self.link_depth == 0 => {
                                if let Some(b) = &mut self.cur {
                                    if b.text.is_char_boundary(at) {
                                        // Code, not a link's text: the block's link
                                        // weight is what it was before the "link".
                                        b.link_weight = weight;
                                        b.text.truncate(at);
                                        b.text.push_str(&markdown_unescaped(written));
                                    }
                                }
                            }
                            _ => self.link_out(&dest, at, weight),
                        }
                    }
                }
                TagEnd::Image => {
                    if let Some(alt) = self.image.take() {
                        let alt = alt.trim().to_string();
                        // A picture a lazy loader shows (`![Cyber Defence](data:image/png;
                        // base64...)![Cyber Defence](…/shutterstock_1935591628-1.jpg)`,
                        // a page's design): its alt text is the editor's words for search
                        // engines (the title again, keywords), no caption.
                        // (A placeholder is a few bytes, an empty picture; a picture
                        // embedded whole, kilobytes, keeps its caption.)
                        let at = self.cur.as_ref().map_or(0, |b| b.text.trim_end().len());
                        let stand_in = self.image_src.starts_with("data:")
                            && self.image_src.len() < PLACEHOLDER_MAX_BYTES;
                        let lazy = stand_in
                            || self
                                .placeholder
                                .take()
                                .is_some_and(|(a, was)| a == alt && was == at);
                        if stand_in && self.link_depth == 0 {
                            self.placeholder = Some((alt.clone(), at));
                        }
                        if meaningful_image(&alt, &self.image_src) && self.link_depth == 0 && !lazy
                        {
                            let own = self.cur.as_ref().is_none_or(|b| b.text.trim().is_empty());
                            if own {
                                self.start(Kind::Caption, range.start);
                            } else if self
                                .cur
                                .as_ref()
                                .is_some_and(|b| !b.text.ends_with(char::is_whitespace))
                            {
                                self.push_text(" ");
                            }
                            self.push_text(&alt);
                        }
                    }
                }
                TagEnd::Strong | TagEnd::Emphasis => {
                    if let Some(Some((at, src_range))) = self.emphasis.pop() {
                        // Put the identifier's underscores (the formula's stars) back.
                        let src = self.src.get(src_range).unwrap_or_default();
                        if let Some(b) = &mut self.cur {
                            if b.text.is_char_boundary(at) && at <= b.text.len() {
                                b.text.truncate(at);
                                b.text.push_str(src);
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if self.cur.is_none() && self.image.is_none() {
                    self.cur_start = range.start;
                }
                // A star the source escaped (`\*\*卫生院\*\*\*\*大…`, a name masked) is a
                // character of the text, no delimiter the parser left: marked (`\u{3}`)
                // so the passes that remove those ([`unparsed_strong`]) leave it, a star
                // again once the block is complete.
                // (The parser starts a text at each escaped character, after its
                // backslash.)
                let mut t: &str = &t;
                // (An odd run of backslashes before it: `\\*` is a backslash and a star.)
                let backslashes = self.src.as_bytes()[..range.start.min(self.src.len())]
                    .iter()
                    .rev()
                    .take_while(|&&c| c == b'\\')
                    .count();
                if t.starts_with('*') && self.image.is_none() && backslashes % 2 == 1 {
                    self.push_text("\u{3}");
                    t = &t[1..];
                    if t.is_empty() {
                        return;
                    }
                }
                // Inside an emphasis span, a run of exactly four `*` between two words is
                // where two spans of the source met (`**Contact For****m**`), no mask.
                // The parser gives each of its stars as text of its own: the run is
                // marked (`\u{2}`) at its first and judged by its neighbours when the
                // block is complete ([`spans_met`]).
                if !self.emphasis.is_empty() && self.image.is_none() && t == "*" {
                    let b = self.src.as_bytes();
                    let start = (0..range.start)
                        .rev()
                        .find(|&j| b[j] != b'*')
                        .map_or(0, |j| j + 1);
                    let end = (range.start..b.len())
                        .find(|&j| b[j] != b'*')
                        .unwrap_or(b.len());
                    if end - start == 4 {
                        if start == range.start {
                            self.push_text("\u{2}");
                        }
                        return;
                    }
                }
                if std::mem::take(&mut self.drop_bracket) {
                    if let Some(rest) = t.strip_prefix(']') {
                        if !rest.is_empty() {
                            self.push_text(rest);
                        }
                        return;
                    }
                }
                self.push_text(t)
            }
            Event::Code(t) => {
                if self.cur.is_none() {
                    self.cur_start = range.start;
                }
                self.push_text(&t)
            }
            Event::SoftBreak => match self.setext {
                Some((at, level)) if range.end >= at => {
                    self.setext = None;
                    self.flush(range.start);
                    self.start(Kind::Heading(level), at);
                }
                // A picture that begins a paragraph, its alt text the caption, and lines
                // under it in the same paragraph (`![美国国防部创建 BreachNation]()` /
                // `资料来源：X.com (@EquationCorp)` / `美国国防部对…`, a converter writing a
                // page's `<br>` as a line's end): the lines are text of their own, not
                // the caption's.
                // (Text after the picture on its line is a sentence the picture begins,
                // and wraps on: `![Quote mark](q.png) Security is a process, not a
                // product, as` / `Bruce Schneier wrote…`.)
                _ if self.image.is_none()
                    && self.cur.as_ref().is_some_and(|b| {
                        b.kind == Kind::Caption && !b.text.contains(['\u{1}', '\n'])
                    })
                    && image_only_line(source_line_before(self.src, range.start).trim()) =>
                {
                    // The next block starts right after the break, with the line's first
                    // delimiter (`[Read the report](…)`, `**…**`) in its Markdown.
                    let kind = match self.lists.last() {
                        Some(l) => Kind::Item { list: *l },
                        None => Kind::Paragraph,
                    };
                    self.start(kind, range.end);
                }
                _ if strong_lines_around(self.src, range.clone()) => self.line_end(),
                _ if strong_label_before(self.src, range.start) => self.label_break(),
                _ if self
                    .cur
                    .as_ref()
                    .is_some_and(|b| matches!(b.kind, Kind::Item { .. }))
                    && lazy_chinese_line(self.src, range.clone()) =>
                {
                    self.line_end()
                }
                _ => self.soft_break(),
            },
            Event::HardBreak => {
                self.line_image = false;
                self.line_text = false;
                if let Some(b) = &mut self.cur {
                    b.text.push('\n');
                }
            }
            Event::Html(h) => {
                self.flush(range.start);
                self.html.push_str(&h);
                self.html_range = Some(match self.html_range.take() {
                    Some(r) => r.start..range.end,
                    None => range,
                });
            }
            Event::InlineHtml(h) => {
                let tag = h.trim_start_matches('<').to_ascii_lowercase();
                if tag.starts_with("br") {
                    self.line_image = false;
                    self.line_text = false;
                    if let Some(b) = &mut self.cur {
                        b.text.push('\n');
                    }
                } else if let Some(alt) = inline_img_alt(&h) {
                    self.push_text(&alt);
                } else if h.starts_with("<?")
                    || self.payload(&h)
                    || !(html_element(&h) || self.closed(&h))
                    || self.written_tag(&h, range.clone())
                {
                    // A processing instruction inside prose is code the writer shows
                    // (`写入<?php phpinfo();?>`), not markup; so is a placeholder or a
                    // name in angle brackets that no HTML element bears
                    // (`<rental-service>.<airlineprovider>.sec`, `Nick Cottrell
                    // <Rad10Logic>`), and a script tag or an event handler a report
                    // quotes as its payload (`t8xqv<script>alert(1)</script>uou2q`), and a
                    // tag a sentence names ([`Self::written_tag`]).
                    self.push_text(&h);
                }
            }
            _ => {}
        }
    }
}

/// Elements of HTML (and the few SVG and MathML ones found inline) that a page's
/// Markdown writes as tags.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "path",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// A link's text that is the address it points to, as the reader sees it: the same, or
/// without its scheme, `mailto:` or a last `/` (`<a@b.org>`, `[a.org/x](https://a.org/x/)`).
fn own_address(text: &str, dest: &str) -> bool {
    let bare = |s: &str| -> String {
        let s = s.strip_prefix("mailto:").unwrap_or(s);
        let s = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s);
        s.trim_end_matches('/').to_ascii_lowercase()
    };
    let t = bare(text);
    if t.len() <= 3 || !t.contains('.') {
        return false;
    }
    // Or the address through a redirector that carries it in its query
    // (`https://link.zhihu.com/?target=https%3A//wpscan.com/…`).
    t == bare(dest)
        || dest.split_once('?').is_some_and(|(_, query)| {
            query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .any(|(_, v)| bare(&crate::content::percent_decoded(v)) == t)
        })
}

/// Whether an inline HTML fragment is a tag of an HTML element ([`HTML_ELEMENTS`]), a
/// closing tag, a tag with attributes, or a comment: `<span class="x">`, `</font>`, `<!--
/// … -->`; not `<your key>`.
fn html_element(fragment: &str) -> bool {
    if fragment.starts_with("<!") {
        return true;
    }
    let name = tag_name(fragment.trim_start_matches('<').trim_start_matches('/'));
    // A closing tag, or one with attributes, is markup too (`</left>`, `<x-card
    // data-id="1">`). No element's name holds a `-`: `<table-name>` is a placeholder.
    fragment.starts_with("</")
        || HTML_ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
        || (fragment.contains('=') && fragment.contains(['"', '\'']))
}

/// The name a tag starts with: letters, digits and `-` (`table-name` in `<table-name>`).
fn tag_name(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Link and image syntax the parser did not take as such (a space or an unbalanced
/// parenthesis in the address, an address cut short): `[text](http…)` → text,
/// `![alt](http…)` → nothing.
///
/// Also returns the weight of the link text found so.
pub(crate) fn residual_links(s: &str) -> (std::borrow::Cow<'_, str>, usize) {
    // Each replacement copies the rest of the block: leave pathological blocks alone.
    if !s.contains("](") || s.matches("](").count() > 2000 {
        return (std::borrow::Cow::Borrowed(s), 0);
    }
    let mut link_weight = 0;
    let mut t = s.to_string();
    let mut from = 0;
    while let Some(p) = t[from..].find("](").map(|p| p + from) {
        let addr = &t[p + 2..];
        let is_address = ["http", "/", "#", "www.", "data:", "mailto:", "./", "../"]
            .iter()
            .any(|a| addr.starts_with(a));
        if !is_address {
            from = p + 2;
            continue;
        }
        let open = t[..p].rfind('[').filter(|&o| !t[o + 1..p].contains(']'));
        // The address ends at `)`, else (cut short) at a space or the end.
        let end = match addr.find(')') {
            Some(c) => p + 2 + c + 1,
            None => p + 2 + addr.find(char::is_whitespace).unwrap_or(addr.len()),
        };
        match open {
            Some(o) => {
                let image = o > 0 && t.as_bytes()[o - 1] == b'!';
                let text = if image {
                    String::new()
                } else {
                    t[o + 1..p].to_string()
                };
                link_weight += weight(&text);
                let start = if image { o - 1 } else { o };
                t.replace_range(start..end, &text);
                from = start;
            }
            // The link's text began in an earlier block: keep it, drop the address.
            None => {
                link_weight += weight(&t[from..p]);
                t.replace_range(p..end, "");
                from = p;
            }
        }
    }
    (std::borrow::Cow::Owned(t), link_weight)
}

/// `t` without each `\u{2}` (a run of four stars marked in a span) between two characters that are neither
/// spaces nor stars; the others become `****` again.
fn spans_met(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains('\u{2}') {
        return std::borrow::Cow::Borrowed(t);
    }
    let chars: Vec<char> = t.chars().collect();
    let word = |c: Option<&char>| {
        c.is_some_and(|c| !c.is_whitespace() && *c != '*' && *c != '\u{1}' && *c != '\u{2}')
    };
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != '\u{2}' {
            out.push(c);
        } else if !(i > 0 && word(chars.get(i - 1)) && word(chars.get(i + 1))) {
            out.push_str("****");
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `\u{1}` marks where a paragraph's lines meet.
/// `s` without the `**` pairs CommonMark left as text: a strong span closed by `**` after
/// CJK punctuation and before a letter (`**摘要：**互联网…`) is not one by the
/// flanking rules, so its delimiters stay in the text. A pair goes when its opening `**`
/// is followed, and its closing `**` preceded, by something other than a space, its
/// opening `**` does not follow a Latin letter or digit (`x**2 + y**2` stays) unless what
/// it holds is punctuation alone (`required**:** Time`) or begins with the punctuation
/// and space that ended that word (`in passato**, i clienti devono…**`), and what it holds
/// has no `*`, or it holds Chinese text after a section's number with its dot alone at
/// the line's start (`1.2**“顶名车”贷款操作流程**`); a lone `**` (`2**10`) stays.
/// Most characters of a section's number before a strong span ([`unparsed_strong`]).
const SECTION_NUMBER_MAX: usize = 8;

fn unparsed_strong(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("**") {
        return std::borrow::Cow::Borrowed(s);
    }
    let emptied = empty_strong(s);
    let s = emptied.as_str();
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("**") {
        let inner_start = open + 2;
        let after_word = rest[..open]
            .chars()
            .last()
            .or_else(|| out.chars().last())
            .is_some_and(|c| c.is_ascii_alphanumeric());
        // What stands before the stars on their line is a section's number with its dot
        // (`1.2`, `3.`): read back over digits and dots only, to the line's start.
        let section_number = after_word && {
            let back = rest[..open].chars().rev().chain(
                if rest[..open].contains(['\n', '\u{1}']) {
                    None
                } else {
                    Some(out.chars().rev())
                }
                .into_iter()
                .flatten(),
            );
            let mut number = String::new();
            let mut at_start = true;
            for c in back.take(SECTION_NUMBER_MAX + 1) {
                if c == '\n' || c == '\u{1}' {
                    break;
                }
                if !(c.is_ascii_digit() || c == '.') || number.len() == SECTION_NUMBER_MAX {
                    at_start = false;
                    break;
                }
                number.push(c);
            }
            at_start && number.contains('.') && number.ends_with(|c: char| c.is_ascii_digit())
        };
        let pair = rest[inner_start..]
            .find("**")
            .map(|k| inner_start + k)
            .filter(|&close| {
                let inner = &rest[inner_start..close];
                // Spaces inside the delimiters of Chinese text are an editor's slip
                // (`**搜狐出品 **`), not a product of numbers (`a ** b ** c`).
                let han = inner.chars().any(han_letter);
                // A span of punctuation only closes a label after its word
                // (`**Transparency****:**Remember`: CommonMark closes the first span
                // and leaves `**:**` as text); `x**2 + y**2` holds more.
                let punctuation = inner
                    .chars()
                    .all(|c| !c.is_alphanumeric() && !c.is_whitespace());
                // A span whose opening stars slipped before the punctuation that ends
                // the word before it (`in passato**, i clienti devono…**`).
                let slipped = inner.starts_with([',', ';', ':', '.', '!', '?'])
                    && inner[1..].starts_with(' ')
                    && inner.chars().any(char::is_alphabetic);
                // Chinese text after a section's number alone at the line's start
                // (`1.2**“顶名车”贷款操作流程**`: CommonMark closed `***1.2***` and left
                // the next span's stars); not a grade or a mask (`考获6科5**、…5科5**`,
                // `p**.bat`).
                let numbered = section_number
                    && !inner.contains('\n')
                    && inner.chars().filter(|&c| han_letter(c)).count() >= 2;
                (!after_word || punctuation || slipped || numbered)
                    && !inner.trim().is_empty()
                    && !inner.contains('*')
                    && (han
                        || (!inner.starts_with(char::is_whitespace)
                            && !inner.ends_with(char::is_whitespace)))
            });
        match pair {
            Some(close) => {
                out.push_str(&rest[..open]);
                let inner = &rest[inner_start..close];
                out.push_str(inner);
                rest = &rest[close + 2..];
                // `**标签：\n** 正文`: the space after the closing stars begins a line.
                if inner.ends_with('\n') {
                    rest = rest.trim_start_matches(' ');
                }
            }
            None => {
                out.push_str(&rest[..inner_start]);
                rest = &rest[inner_start..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// `s` with each run of exactly two escaped stars (marked `\u{3}`) as the delimiter it
/// stood for: a converter that escaped a page's own Markdown writes its bold spans
/// `\*\*开源 UI 框架\*\*`, which go as the spans CommonMark left ([`unparsed_strong`]), and
/// so does a run of four where two such spans meet; a run of one, three, five or more, or
/// of four inside a word, is a mask or a wildcard (`杭州\*\*\*\*\*事务所`, `(\*)`) and stays
/// text, and so is a run of two between slashes, an empty comment or a glob
/// (`/\*\*/`, `src/\*\*/x.js`). (A name masked with two stars, `王\*\*`, is not told
/// from a bold span's delimiter: it goes as it did before stars were read as escaped.)
fn escaped_pairs(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("\u{3}\u{3}") {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\u{3}' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '\u{3}').count();
        // Four inside a word or an address are a mask (`卫生院\*\*\*\*大`,
        // `https://\*\*\*.\*\*\*\*.\*\*\*`); beside punctuation or a space, two spans
        // that meet (`（\*\*[\*\*/resouces/JsEnv.js\*\*](…)\*\*）`).
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || ".-_".contains(*c));
        let masked = run == 4
            && word(i.checked_sub(1).and_then(|k| chars.get(k)))
            && word(chars.get(i + run));
        // Two between slashes are code's (an empty comment `/**/`, a glob's `src/**/x`),
        // not a span's delimiter (`**/etc/passwd**`, `[**/x.js**]`).
        let slashed = run == 2
            && i.checked_sub(1).and_then(|k| chars.get(k)) == Some(&'/')
            && chars.get(i + run) == Some(&'/');
        let mark = if (run == 2 && !slashed) || (run == 4 && !masked) {
            '*'
        } else {
            '\u{3}'
        };
        out.extend(std::iter::repeat_n(mark, run));
        i += run;
    }
    std::borrow::Cow::Owned(out)
}

/// A letter of CJK text: a Han character, kana or Hangul.
fn han_letter(c: char) -> bool {
    crate::block::char_weight(c) == 2 && c.is_alphabetic()
}

/// CJK and full-width punctuation (`，`, `。`, `：`, `（`).
fn cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
}

/// `s` without the stars a converter left in Chinese text once the span they belonged
/// to was broken (a bold paragraph cut by a list, `**標題：** **** 正文`): an empty span,
/// four stars between two spaces after a Han character or full-width punctuation
/// (`145万元： **** 在16人`, `农耕环境变差 **** 内地`), becomes one space; a lone `**`
/// closing a line right after a Han character or a closing mark, the line's only one
/// (`谈港独的盲人摸象 ｜吴尚水**`), goes. A mask (`138****1234`, `密码：****`), a grade
/// (`5**`), a power (`2**10`), a rule of stars and a chorus mark after a space (`Repeat
/// **`) stay.
/// The text without reference marks written as text and glued after a sentence's or
/// clause's punctuation or a CJK character: `…第一所国立综合性大学。[1] 学校…`,
/// `…will also be free.[^3] One day…`, `…教职工两万余人。[2-3]`, `[citation needed]`. A
/// number in brackets after a letter, digit or bracket (`array[1]`, `x[2]`, `f()[0]` in a
/// code span), at a line's start (a reference list's `[1] Smith…`, `[3][4] Title`) or
/// before a link's `(` stays.
pub(crate) fn glued_reference_marks(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('[') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mark = |inner: &str| {
        let body = inner.strip_prefix('^').unwrap_or(inner);
        let numbers = !body.is_empty()
            && body
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | ',' | '，'))
            && body.starts_with(|c: char| c.is_ascii_digit())
            && body.ends_with(|c: char| c.is_ascii_digit())
            && body
                .split(|c: char| !c.is_ascii_digit())
                .all(|n| n.len() <= 3);
        let footnote = inner.len() > 1
            && inner.starts_with('^')
            && inner[1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            && inner.len() <= 21;
        numbers || footnote || matches!(inner, "citation needed" | "需要引用" | "來源請求")
    };
    let after_ok = |c: char| {
        crate::block::is_cjk(c)
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '。'
                    | '，'
                    | '；'
                    | '：'
                    | '！'
                    | '？'
                    | '、'
                    | '」'
                    | '』'
                    | '”'
                    | '’'
                    | '"'
            )
    };
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    while let Some(i) = rest.find('[') {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let prev = out.chars().next_back();
        let close = tail.find(']');
        // (After a mark taken out the text before it is what it is glued to, `。[2][3]`;
        // a mark after one that stays, a reference list's `[3][4] Title`, stays.)
        let glued = prev.is_some_and(|c| after_ok(c) && c != '\n');
        match close {
            Some(j) if glued && mark(&tail[1..j]) && !tail[j + 1..].starts_with('(') => {
                changed = true;
                rest = &tail[j + 1..];
                // Between CJK text the space after the mark goes with it (`的文章[1] ，写了`).
                let cjk = |c: char| {
                    crate::block::is_cjk(c)
                        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF65}')
                };
                if let Some(r) = rest.strip_prefix(' ') {
                    if prev.is_some_and(cjk) && r.starts_with(cjk) {
                        rest = r;
                    }
                }
            }
            _ => {
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn stray_strong(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("**") {
        return std::borrow::Cow::Borrowed(s);
    }
    let cjk = |c: char| han_letter(c) || cjk_punct(c) || "）」』】》〉”".contains(c);
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut l = line.to_string();
        while let Some(at) = l.find(" **** ") {
            let before = l[..at].chars().next_back();
            let after = l[at + 6..].chars().next();
            if before.is_some_and(cjk) && after.is_some_and(|c| !c.is_whitespace() && c != '*') {
                l.replace_range(at..at + 5, "");
            } else {
                break;
            }
        }
        if let Some(head) = l.strip_suffix("**") {
            let closes = |c: char| han_letter(c) || "）」』】》〉”。！？".contains(c);
            if !head.contains("**") && head.chars().next_back().is_some_and(closes) {
                l.truncate(head.len());
            }
        }
        out.push_str(&l);
    }
    std::borrow::Cow::Owned(out)
}

/// `s` with the `__` delimiters CommonMark left as text in Chinese text dropped: a pair
/// of `__` (two underscores, no more) around text holding a CJK character or full-width
/// punctuation (`__小写__。`, `__（一）旅行。__如果`, `2:01:39__，__成为`; the flanking rules
/// refuse such emphasis; the pair opens and closes on text, not after or before a Latin
/// letter), and an empty pair, `__ __` or `** **`, next to CJK text
/// (`（@wuzhenda__ __投稿）`), which becomes a space. `__init__`, `__name__` and
/// `snake__case` hold no CJK and stay, and so does `__init__的__call__`.
fn unparsed_underline(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("__") && !s.contains("** ") {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    // Where a run of exactly two `d` starts at `i`.
    let two = |i: usize, d: char| {
        i + 1 < chars.len()
            && chars[i] == d
            && chars[i + 1] == d
            && (i == 0 || chars[i - 1] != d)
            && chars.get(i + 2) != Some(&d)
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let d = chars[i];
        if (d == '_' || d == '*') && two(i, d) {
            // An empty pair: `__ __`, `** **`, next to CJK text.
            let mut j = i + 2;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j > i + 2 && two(j, d) {
                let before = i.checked_sub(1).map(|k| chars[k]);
                let after = chars.get(j + 2).copied();
                if before.is_some_and(is_cjk) || after.is_some_and(is_cjk) {
                    // A space parts a name from the next word, once (`调查** ** 这口`
                    // keeps its own); none between two CJK characters.
                    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
                    let cjk_both = before.is_some_and(is_cjk) && after.is_some_and(is_cjk);
                    if !spaced(before) && !spaced(after) && !cjk_both {
                        out.push(' ');
                    }
                    i = j + 2;
                    continue;
                }
            }
            // A pair of `__` around CJK text.
            if d == '_' {
                let close = (i + 2..chars.len().saturating_sub(1)).find(|&k| two(k, '_'));
                if let Some(k) = close {
                    let inner = &chars[i + 2..k];
                    let letter = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic());
                    if !inner.is_empty()
                        && !inner[0].is_whitespace()
                        && !inner[inner.len() - 1].is_whitespace()
                        && !letter(i.checked_sub(1).map(|p| &chars[p]))
                        && !letter(chars.get(k + 2))
                        && !inner.contains(&'_')
                        && !inner.contains(&'\n')
                        && inner.iter().any(|c| is_cjk(*c))
                    {
                        out.extend(inner);
                        i = k + 2;
                        continue;
                    }
                }
            }
        }
        out.push(d);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// `s` without the empty strong spans an editor leaves inside Chinese text
/// (`表示********正在`, `【****不止`): a run of four asterisks or more before a Han
/// character, after a Han character, an opening bracket or at a line's start. A run
/// after a space (a rule of stars, a code comment), before a space, or between letters
/// or digits (a masked key), stays.
fn empty_strong(s: &str) -> String {
    // A line of Chinese text between runs of four stars and more (`******1、…漏洞******`):
    // an editor's empty spans around it.
    let wrapped: String;
    let s = if s.starts_with("****") && s.trim_end().ends_with("****") && !s.contains('\n') {
        let inner = s.trim_start_matches('*').trim_end().trim_end_matches('*');
        if inner.chars().any(han_letter) {
            wrapped = inner.to_string();
            wrapped.as_str()
        } else {
            s
        }
    } else {
        s
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '*' {
            let end = (i..chars.len())
                .find(|&j| chars[j] != '*')
                .unwrap_or(chars.len());
            // Before a Han character, after a Han character or an opening bracket: a
            // mask of letters or digits (`sk-kqfq****czha`, `138****1234`) or one before
            // punctuation (`密码是****。`) stays.
            let han = |c: Option<&char>| c.is_some_and(|c| han_letter(*c));
            let opening = |c: Option<&char>| c.is_some_and(|c| "【「『（《〈“‘".contains(*c));
            // Full-width punctuation on both sides (`”****？`, `。****。`): no mask.
            let punct =
                |c: Option<&char>| c.is_some_and(|c| cjk_punct(*c) || "“”‘’…—".contains(*c));
            let before = if i > 0 { chars.get(i - 1) } else { None };
            // At a line's start, right before a Han character (`****一年**智联…**`): no
            // rule of stars runs into a word.
            let line_start = before.is_none_or(|c| *c == '\n');
            // Eight and more after a Han character, before punctuation (`英伟达********，`):
            // two empty spans, longer than a mask.
            let doubled = end - i >= 8 && han(before) && punct(chars.get(end))
                || end - i >= 6
                    && punct(before)
                    && !line_start
                    && chars.get(end).is_some_and(|c| c.is_alphanumeric());
            // At the start of a line of Chinese text, before its number or a Latin word
            // (`******1、北京…`, `****NO.9避免数字痕迹`).
            let numbered = end - i >= 4
                && line_start
                && chars.get(end).is_some_and(char::is_ascii_alphanumeric)
                && chars[end..]
                    .iter()
                    .take_while(|c| **c != '\n')
                    .any(|c| han(Some(c)));
            // One empty span closing a line of Chinese text (`（暂定）****`, `回港教学 ****`):
            // after a closing bracket or a sentence's end, or a space after one or after a
            // Han character; right after a Han character only in a line of credits split
            // by bars (`编辑| 郑玄****`). Elsewhere it is a mask (`密码是****`, `联系人：张****`,
            // `密码：****`) and stays.
            let row = chars[..i]
                .iter()
                .rposition(|c| *c == '\n')
                .map_or(0, |p| p + 1);
            let credits = chars[row..i].iter().any(|c| matches!(c, '|' | '｜'));
            let closes_line = end - i == 4 && chars.get(end).is_none_or(|c| *c == '\n') && {
                let closing =
                    |c: Option<&char>| c.is_some_and(|c| "）」』】》〉。！？”".contains(*c));
                closing(before)
                    || han(before) && credits
                    || before == Some(&' ')
                        && i >= 2
                        && (closing(chars.get(i - 2)) || han(chars.get(i - 2)))
            };
            // After a Han character, before a colon or an opening quote or bracket
            // (`翻译成****：“迟到的正义也是正义”`): a mask ends a phrase, before `。`.
            let opens_quote = end - i == 4
                && han(before)
                && chars.get(end).is_some_and(|c| "：“「『（".contains(*c));
            if doubled
                || numbered
                || closes_line
                || opens_quote
                || end - i >= 4
                    && ((han(before) || opening(before) || punct(before) || line_start)
                        && (han(chars.get(end)) || opening(chars.get(end)))
                        || punct(before) && punct(chars.get(end)))
            {
                i = end;
                continue;
            }
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Words a page's template writes under any picture as its caption (a blog's `img`
/// under each screenshot), saying nothing of it ([`Builder::image_title_shown`]).
const PICTURE_WORDS: [&str; 7] = ["img", "IMG", "image", "Image", "图片", "圖片", "pic"];

/// A text's width in columns: a Han character, kana, Hangul or full-width mark two.
fn cjk_columns(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Width, in columns (a Han character two), from which the text under a bold label is
/// a paragraph of its own ([`label_breaks`]).
const LABEL_TEXT_MIN: usize = 60;

/// Width, in columns, from which a sentence under a bold label is a paragraph of its
/// own: not a value that ends with an abbreviation's stop (`**Vendor**` / `Acme Inc.`).
const LABEL_SENTENCE_MIN: usize = 16;

/// A block's text with each bold label's break (`\u{5}`, [`strong_label_before`]) made
/// a line's end where the text under the label is a paragraph (a sentence of at least
/// [`LABEL_SENTENCE_MIN`] columns, or at least [`LABEL_TEXT_MIN`] columns to its line's
/// end or the next label: `**赫尔辛基教育部门数据泄露…有关**` / `初步调查发现，…造成的。`,
/// a heading over its paragraph), else a space: a byline's or an entry's value
/// (`**Published**` / `December 15, 2022`, `**DEF CON 34**` / `Aug. 6-9, 2026`), and a
/// sentence the bold words begin, whose text under them starts with a lower-case letter,
/// a comma or stop, or a Han character that goes on a sentence ([`CJK_CONTINUATIONS`]:
/// `**But then**` / `the server crashed…`, `**永远不要信任用户输入**` / `，尤其是…`). The
/// converter writes a page's `<br>` as a line's end, so the page showed the label on a
/// line of its own; a short value under it reads as one line with it. (The text of a
/// paragraph its writer wrapped is measured to the wrap: a heading over it keeps its
/// line when the wrapped line is long enough.)
fn label_breaks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\u{5}') {
        out.push_str(&rest[..at]);
        rest = &rest[at + '\u{5}'.len_utf8()..];
        let under = rest[..rest.find(['\u{1}', '\u{5}', '\n']).unwrap_or(rest.len())].trim();
        let width = cjk_columns(under);
        // (A lower-case name right before Han text in a line that announces what follows
        // is no sentence going on: `httpd文件调用…的对应请求：`; `curl命令发送恶意请求…。`
        // under `**攻击者可以通过**` is.)
        let named = under
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
            .starts_with(|c: char| is_cjk(c) && c.is_alphanumeric())
            && under.ends_with([':', '：']);
        let goes_on = under.chars().next().is_some_and(|c| {
            (c.is_lowercase() && !named)
                || "，、；：。！？,;:.!?)）".contains(c)
                || CJK_CONTINUATIONS.contains(&c)
        });
        // (Or a sentence that announces what follows: `**漏洞静态分析**` / `httpd文件调用
        // sub_40A918处理/admin/powerline的对应请求：`.)
        let sentence = (crate::lines::ends_sentence(under) || under.ends_with([':', '：']))
            && width >= LABEL_SENTENCE_MIN;
        if !goes_on && (sentence || width >= LABEL_TEXT_MIN) {
            out.push('\n');
            rest = rest.trim_start_matches(' ');
        } else {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

fn join_lines(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\u{1}', '\u{5}']) {
        return std::borrow::Cow::Borrowed(s);
    }
    // A bold label's line (`1. **邮件投递**` / `邮件源自…`) runs into the next with a
    // space, or stands over it as its heading ([`label_breaks`]), unless the paragraph
    // keeps its lines (below).
    let marked = s;
    let spaced;
    let s = if s.contains('\u{5}') {
        spaced = label_breaks(s);
        spaced.as_str()
    } else {
        s
    };
    // A record written a field a line (an advisory's `Vendor: …` / `CVE: …`, an HTTP
    // request's headers, `作者：…` / `来源：…`) keeps its lines: joined, its fields run
    // into each other. So does a drawing (a box of `║` lines).
    if field_lines(s) || field_pair(s) || bullet_lines(s) || marked_lines(s) || drawn_lines(s) {
        let lines: Vec<&str> = s.split('\u{1}').filter(|l| !l.trim().is_empty()).collect();
        return std::borrow::Cow::Owned(lines.join("\n"));
    }
    // A paragraph written a line a paragraph (no blank line between them) keeps its
    // lines where they end a sentence or a heading.
    if let Some(kept) = unwrapped_lines(marked) {
        return std::borrow::Cow::Owned(kept);
    }
    if !s.contains('\u{1}') {
        return std::borrow::Cow::Owned(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != '\u{1}' {
            out.push(c);
            continue;
        }
        let prev = out.chars().next_back();
        let next = chars[i + 1..].iter().find(|&&x| x != '\u{1}').copied();
        // The lines either side of this break, as written.
        let kept = {
            // (A line's end kept before, `\n`, parts lines too.)
            let start = chars[..i]
                .iter()
                .rposition(|&x| x == '\u{1}' || x == '\n')
                .map_or(0, |p| p + 1);
            let before: String = chars[start..i].iter().collect();
            let after: String = chars[i + 1..]
                .iter()
                .take_while(|&&x| x != '\u{1}' && x != '\n')
                .collect();
            keeps_break(&before, &after)
        };
        // An interview's next turn (`答：…`) starts a line of its own.
        let rest: String = chars[i + 1..].iter().take(3).collect();
        if prev.is_some() && DIALOG_LABELS.iter().any(|l| rest.starts_with(l)) {
            out.push('\n');
            continue;
        }
        match (prev, next) {
            (Some(_), Some(_)) if kept => out.push('\n'),
            (Some(p), Some(n)) if is_cjk(p) && is_cjk(n) => {}
            (Some(p), Some(n)) if !p.is_whitespace() && !n.is_whitespace() => out.push(' '),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Width, in columns (a Han character, kana, Hangul or full-width mark two), of a
/// paragraph's line that no editor wraps at: a paragraph holding one is written a line
/// a paragraph ([`unwrapped_lines`]).
const UNWRAPPED_LINE_MIN: usize = 160;

/// Longest line (in characters) that stands apart as a heading in a paragraph written a
/// line a paragraph ([`unwrapped_lines`]).
const UNWRAPPED_HEADING_MAX: usize = 80;

/// Longest line (in characters) with Han characters that stands apart as a heading in a
/// paragraph written a line a paragraph ([`unwrapped_lines`]): `引言`, `2.1 分布式训练的定
/// 义`, not the first part of a sentence that goes on.
const UNWRAPPED_CJK_HEADING_MAX: usize = 16;

/// Characters that go on a Chinese sentence and start no paragraph (`这段代码就是公式` /
/// `的具体实现过程`, a formula between them gone).
const CJK_CONTINUATIONS: [char; 24] = [
    '的', '了', '地', '得', '着', '和', '与', '及', '或', '而', '并', '等', '是', '也', '就', '被',
    '都', '又', '才', '之', '们', '吗', '呢', '吧',
];

/// A block's text (`\u{1}` between its lines, `\u{5}` after a bold label's) with its
/// lines kept where the page had its paragraphs apart, when one of its lines is at
/// least [`UNWRAPPED_LINE_MIN`] columns of prose: a page converted without blank lines
/// between its paragraphs (`…come si pongono i modelli di base … europea?` / `Se lo
/// chiedono…`), whose lines no editor wrapped. A line's end stays where it ends a
/// sentence or a label (a colon), after a bold label, before an interview's next turn
/// (`答：`), and after a heading's line: one that stands where a paragraph starts (first,
/// or after a line whose end stays), of at most [`UNWRAPPED_HEADING_MAX`] characters with
/// a letter or figure, no bar, and no comma, dash, Han character or lower-case letter at
/// its end, followed by a capital or a figure (`USA` / `Biden accelera…`), or a Chinese
/// heading of at most [`UNWRAPPED_CJK_HEADING_MAX`] characters without a comma or stop,
/// followed by a line that starts with a Han character that goes on no sentence
/// ([`CJK_CONTINUATIONS`]; not punctuation) or by a section's number with a dot (`引言` /
/// `大型语言模型…`, `分布式训练的核心概念` / `2.1 …`); and
/// before a list's next item written `N、`. From a line
/// that starts with a web address on (a digest's source links and their titles, which
/// [`crate::lines::source_links_at`] takes from the paragraph's end), and elsewhere, the
/// lines join as wrapped lines do: nothing between two Han characters, else a space.
/// `None` for a wrapped paragraph.
fn unwrapped_lines(s: &str) -> Option<String> {
    let width = cjk_columns;
    // (A hard break's `\n` parts lines too.)
    let long = s.split(['\u{1}', '\u{5}', '\n']).any(|l| {
        let l = l.trim();
        width(l) >= UNWRAPPED_LINE_MIN && l.contains(|c: char| c == ' ' || is_cjk(c))
    });
    // The lines with text, each with whether a bold label's break came before it.
    let mut lines: Vec<(&str, bool)> = Vec::new();
    let mut label = false;
    let mut rest = s;
    loop {
        let at = rest.find(['\u{1}', '\u{5}']).unwrap_or(rest.len());
        let line = rest[..at].trim();
        if !line.is_empty() {
            lines.push((line, label));
            label = false;
        }
        if at == rest.len() {
            break;
        }
        label |= rest[at..].starts_with('\u{5}');
        rest = &rest[at + 1..];
    }
    if lines.len() < 2 || !long {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    out.push_str(lines[0].0);
    let (mut sources, mut opens) = (false, true);
    let han = |c: char| is_cjk(c) && c.is_alphanumeric();
    for pair in lines.windows(2) {
        let ((before, _), (after, label)) = (pair[0], pair[1]);
        let last = before.chars().next_back();
        let first = after.chars().next();
        let heading = opens
            && before.chars().count() <= UNWRAPPED_HEADING_MAX
            && before.contains(char::is_alphanumeric)
            && !before.contains('|')
            && last.is_some_and(|c| !c.is_lowercase() && !is_cjk(c) && !matches!(c, ',' | '-'))
            && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        // A Chinese heading (`引言`, `2.1 分布式训练的定义`) over its text or its first
        // numbered section (`2.1 `, `3.2.1 `; not a year, `2024 年`).
        let section = after.split_once(' ').is_some_and(|(n, _)| {
            n.contains('.')
                && n.split('.')
                    .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
        });
        let cjk_heading = opens
            && before.chars().count() <= UNWRAPPED_CJK_HEADING_MAX
            && before.contains(han)
            && !before.contains([
                '，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '|',
            ])
            && last.is_some_and(|c| han(c) || c.is_ascii_alphanumeric() || "】）」》".contains(c))
            && (first.is_some_and(|c| han(c) && !CJK_CONTINUATIONS.contains(&c)) || section);
        // The next item of a list written a line an item (`1、…` / `2、…`).
        let item = item_number(after).is_some();
        let heading = heading || cjk_heading || item;
        let stop = crate::lines::ends_sentence(before) || before.ends_with([':', '：']);
        let turn = DIALOG_LABELS.iter().any(|l| after.starts_with(l));
        sources = sources
            || after
                .split(' ')
                .next()
                .is_some_and(crate::lines::web_address);
        opens = (label || stop || heading || turn || credit_line(before)) && !sources;
        if opens {
            out.push('\n');
        } else if !(last.is_some_and(is_cjk) && first.is_some_and(is_cjk)) {
            out.push(' ');
        }
        out.push_str(after);
    }
    Some(out)
}

/// Whether a table's cell is a code block's gutter: the numbers from 1 to at least
/// [`GUTTER_MIN`], one after the other, spaces between them (`1 2 3 4 5 6 7 8`).
fn line_numbers(cell: &str) -> bool {
    let mut n = 0;
    for w in cell.split_whitespace() {
        if w.parse::<u32>().ok() != Some(n + 1) {
            return false;
        }
        n += 1;
    }
    n >= GUTTER_MIN
}

/// The lines of a code block saved as a table's row beside its gutter of line numbers
/// when the scrape joined them with two spaces (a WordPress highlighter's table:
/// `| 1  2  3 | ## 设置代理  git config …  npm config delete proxy |`): the gutter's
/// numbers two spaces apart tell that two spaces end a line, so at most as many lines as
/// the gutter numbers (a last empty line is not saved); more would split a line aligned
/// with spaces, and the text stays one line. A gutter written with single spaces (`1 2
/// 3`) joined its code's lines otherwise (Hexo's, a space each). Empty lines in a row
/// are one.
fn gutter_code(gutter: &str, code: &str) -> Option<String> {
    let gutter = gutter.trim();
    let numbers = gutter.split_whitespace().count();
    if gutter.split("  ").count() != numbers {
        return None;
    }
    let code = code.trim_end();
    let lines: Vec<&str> = code.split("  ").collect();
    if lines.len() < 2 || lines.len() > numbers {
        return None;
    }
    // Two spaces inside a line (a format string's, before a comment) would end it too: a
    // line whose double quotes do not pair up is a string cut in two (`printf "%-8s` /
    // `%s\n" …`), and the text stays one line.
    if lines.iter().any(|l| l.matches('"').count() % 2 == 1) {
        return None;
    }
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank {
                out.push('\n');
            }
        }
        blank = false;
        out.push_str(line);
    }
    Some(out)
}

/// Fewest numbers of a code block's gutter ([`line_numbers`]): a row of a table that
/// numbers its rows (`1 | …`) or a couple of cells of figures is none.
const GUTTER_MIN: u32 = 3;

/// Whether a paragraph's lines, two or more, are a drawing: half of them or more hold a
/// box-drawing or block character (`╔═══╗` / `║ DISCLAIMER ║`), a box written outside
/// a code fence whose lines stay lines.
fn drawn_lines(s: &str) -> bool {
    let lines = paragraph_lines(s);
    let drawn = lines
        .iter()
        .filter(|l| l.contains(|c: char| ('\u{2500}'..='\u{259f}').contains(&c)))
        .count();
    lines.len() >= 2 && drawn * 2 >= lines.len()
}

/// A source line's text after its list item's marker, if it has one (`- `, `* `, `+ `,
/// `1. `, `12) `), trimmed.
fn item_text(line: &str) -> &str {
    line.strip_prefix(['-', '*', '+'])
        .filter(|r| r.starts_with(' '))
        .or_else(|| {
            let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            line.get(digits..)
                .filter(|_| (1..=3).contains(&digits))
                .and_then(|r| r.strip_prefix(['.', ')']))
                .filter(|r| r.starts_with(' '))
        })
        .unwrap_or(line)
        .trim()
}

/// Whether a line of source, perhaps after a list item's marker or a quote's `>`, is one
/// bold span as a whole (`**Speaker: Joe Marshall**`), of any length.
fn strong_line(line: &str) -> bool {
    let line = item_text(line.trim().trim_start_matches(['>', ' ']));
    ["**", "__"].iter().any(|d| {
        line.strip_prefix(d)
            .and_then(|r| r.strip_suffix(d))
            .is_some_and(|inner| {
                !inner.trim().is_empty()
                    && !inner.contains(&d[..1])
                    && !inner.starts_with(' ')
                    && !inner.ends_with(' ')
            })
    })
}

/// Whether the soft break at `range` (in `src`) is between two lines each bold as a
/// whole (`**Lagoon KL, Level 2 | Wednesday, Aug 6, 12:05–1:30 PM**` / `**Speaker: Joe
/// Marshall**`): the converter writes a page's `<br>` as a line's end, and two lines of
/// bold are two headings or two fields the page showed apart; joined, they read as one.
fn strong_lines_around(src: &str, range: std::ops::Range<usize>) -> bool {
    let (Some(before), Some(after)) = (src.get(..range.start), src.get(range.end..)) else {
        return false;
    };
    let before = before.rsplit('\n').next().unwrap_or(before);
    let after = after.split('\n').next().unwrap_or(after);
    strong_line(before) && strong_line(after)
}

/// Columns under which a list item's line of Chinese is no line an editor wrapped
/// ([`lazy_chinese_line`]).
const ITEM_LINE_WRAPPED_MIN: usize = 60;

/// Whether the soft break at `range` (in `src`) ends a list item's line of Chinese of
/// fewer than [`ITEM_LINE_WRAPPED_MIN`] columns and starts a line written without the
/// item's indent that begins with a Han character (not one that goes on a sentence,
/// [`CJK_CONTINUATIONS`]), or with an ASCII letter or figure after a Han character:
/// `- ExitProcess 退出第一个进程` / `x.dll的行为会根据执行位置而改变。…`. CommonMark reads
/// such a line as the item's lazy continuation; the converter wraps no line, so it is a
/// paragraph the page showed under the item, not the rest of the item's sentence: it
/// keeps its line. An item's line that ends with a comma, a dash, an opening bracket or
/// a Han character that goes on a sentence (`这是我们的` / `目标和计划。`) goes on, and so
/// does a line bold as a whole (a label, [`strong_label_before`]).
fn lazy_chinese_line(src: &str, range: std::ops::Range<usize>) -> bool {
    let (Some(before), Some(after)) = (src.get(..range.start), src.get(range.end..)) else {
        return false;
    };
    let before = before.rsplit('\n').next().unwrap_or(before).trim();
    let after = after.split('\n').next().unwrap_or(after);
    let line = before
        .trim_start_matches(['-', '*', '+'])
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim();
    let han = crate::lines::is_han;
    let last = line.chars().next_back();
    let first = after.chars().next();
    line.chars().any(han)
        && cjk_columns(line) < ITEM_LINE_WRAPPED_MIN
        && !strong_line(line)
        && last
            .is_some_and(|c| !"，、；,;-—–(（“‘《「".contains(c) && !CJK_CONTINUATIONS.contains(&c))
        && first.is_some_and(|c| {
            (han(c) && !CJK_CONTINUATIONS.contains(&c))
                || (c.is_ascii_alphanumeric() && last.is_some_and(han))
        })
        && after.chars().any(han)
}

/// Whether the source line ending at `end` (a soft break's start) is one bold label,
/// perhaps after a list item's marker or a quote's `>`: `**邮件投递**`, `1. __Step 1__`.
fn strong_label_before(src: &str, end: usize) -> bool {
    let Some(before) = src.get(..end) else {
        return false;
    };
    let mut source_lines = before.rsplit('\n');
    let line = source_lines.next().unwrap_or(before).trim();
    // Where the label stands: it opens its paragraph or item, or follows a sentence's
    // end. A bold line in the middle of a wrapped sentence (`根据调查，` / `**攻击者利用了
    // 该漏洞**` / `获取了服务器权限。`) is no label.
    let opens = source_lines.next().is_none_or(|prev| {
        let prev = prev.trim().trim_start_matches(['>', ' ']);
        prev.is_empty()
            || prev.ends_with(['。', '！', '？', '.', '!', '?', '：', ':'])
            || prev
                .trim_end_matches(['*', '_'])
                .ends_with(['。', '！', '？', '.', '!', '?', '：', ':'])
    });
    let line = line.trim_start_matches(['>', ' ']);
    let marked = line.starts_with(['-', '*', '+']) && line.get(1..2) == Some(" ")
        || line.split_once(['.', ')']).is_some_and(|(n, rest)| {
            (1..=3).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(' ')
        });
    if !opens && !marked {
        return false;
    }
    let line = item_text(line);
    ["**", "__"].iter().any(|d| {
        line.strip_prefix(d)
            .and_then(|r| r.strip_suffix(d))
            .is_some_and(|inner| {
                let n = inner.chars().count();
                // (A label ending in a colon or a stop is left to the joining of lines,
                // which keeps a list or a record under it as lines.)
                (1..=40).contains(&n)
                    && !inner.ends_with([':', '：', '。', '.', '！', '!', '？', '?'])
                    && !inner.contains(['*', '_'])
                    && !inner.starts_with(' ')
                    && !inner.ends_with(' ')
            })
    })
}

/// Where the last line of a Setext heading of several lines starts (`range` is the
/// heading's source, its `---` or `===` underline included), else `None` (also for a
/// record's fields). CommonMark
/// makes every line of the paragraph over an underline the heading; a page converted
/// without blank lines between its blocks (`…从流量层面看看吧` / `0x02 流量侧心酸突破历程`
/// / `-----`) has its paragraph there and its heading on the last line only.
fn setext_split(src: &str, range: std::ops::Range<usize>) -> Option<usize> {
    let text = src.get(range.clone())?.trim_end();
    let under = text.rfind('\n')?;
    let underline = text[under + 1..].trim();
    if underline.is_empty()
        || !(underline.bytes().all(|b| b == b'-') || underline.bytes().all(|b| b == b'='))
    {
        return None;
    }
    let lines = text[..under].trim_end_matches('\r');
    let last = lines.rfind('\n')?;
    // A record written a field a line over a `---` (sqlmap's injection points) is one
    // block, kept line by line ([`field_lines`]).
    if field_lines(&lines.replace('\n', "\u{1}")) {
        return None;
    }
    Some(range.start + last + 1)
}

/// The non-blank lines of a paragraph (`\u{1}` between them), trimmed.
fn paragraph_lines(s: &str) -> Vec<&str> {
    s.split('\u{1}')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a paragraph's lines (`\u{1}` between them) are a record written a field a
/// line: at least [`FIELD_LINES_MIN`] lines, half of them or more a field
/// ([`field_line`]) or a label alone with its value on the next line (an advisory's
/// `Vendor:` / `needyamin`; a value with a letter, not a count: `点赞：` / `10` is a page's
/// counter), with two labels at least. Wrapped prose seldom starts two of its lines
/// with a label.
fn field_lines(s: &str) -> bool {
    let lines = paragraph_lines(s);
    let (mut fields, mut labels, mut i) = (0, 0, 0);
    while i < lines.len() {
        if field_line(lines[i]) {
            fields += 1;
            labels += 1;
        } else if label_alone(lines[i])
            && lines.get(i + 1).is_some_and(|v| {
                v.chars().any(char::is_alphabetic) && !field_line(v) && !label_alone(v)
            })
        {
            fields += 2;
            labels += 1;
            i += 1;
        }
        i += 1;
    }
    lines.len() >= FIELD_LINES_MIN && labels >= 2 && fields * 2 >= lines.len()
}

/// Whether a paragraph is two lines, each a field ([`field_line`]), the second's label
/// not in lower case, or one word under a label not capitalised (a message's `From: …` /
/// `Date: …`, `链接：…` / `提取码：…`, `name: …` / `uses: …`, `url: …` / `Method: …`); a
/// wrapped sentence goes on in lower case (`…that fixes` / `the bug: users should…`,
/// `Update: …` / `workarounds: …`).
fn field_pair(s: &str) -> bool {
    let lines = paragraph_lines(s);
    let label = |i: usize| {
        lines
            .get(i)
            .and_then(|l| l.split([':', '：']).next())
            .unwrap_or("")
    };
    let lower = |l: &str| l.starts_with(char::is_lowercase);
    let upper = |l: &str| l.starts_with(char::is_uppercase);
    lines.len() == 2
        && lines.iter().all(|l| field_line(l))
        && !(lower(label(1)) && (label(1).contains(' ') || upper(label(0))))
}

/// Whether a paragraph's lines all start with one bullet written as text (`-Called
/// phone numbers` / `-Time of calls`, `● 第一` / `● 第二`), perhaps under one line that
/// introduces them with a colon (`…a variety of demo topics, including:` / `•
/// Understanding of Cloud Mindset…` / `• Support options`): a list CommonMark did not
/// read as one (no space after the dash, or a bullet that is no list marker), whose items
/// stay lines.
fn bullet_lines(s: &str) -> bool {
    const BULLETS: [char; 12] = ['-', '•', '·', '●', '▪', '■', '◆', '○', '◇', '√', '✓', '➢'];
    let mut lines = paragraph_lines(s);
    if lines.len() > BULLET_LINES_MIN
        && lines[0].trim_end().ends_with([':', '：'])
        && !lines[0].starts_with(BULLETS)
    {
        lines.remove(0);
    }
    let Some(first) = lines.first().and_then(|l| l.chars().next()) else {
        return false;
    };
    lines.len() >= BULLET_LINES_MIN
        && BULLETS.contains(&first)
        && lines.iter().all(|l| {
            let mut cs = l.chars();
            cs.next() == Some(first) && cs.next().is_some_and(|c| c != first)
        })
}

/// Whether a paragraph's lines, two or more, each start with an address (an exploit's
/// targets, `https://…/index.jsp?page=2 RLIKE …`) or each with a mark in brackets (a
/// tool's output or an advisory's notes, `[+] E-Mail: …` / `[+] GitHub: …`; references,
/// `[1] …`): lines written one under another that stay lines.
fn marked_lines(s: &str) -> bool {
    let lines = paragraph_lines(s);
    let address = |l: &str| l.starts_with("https://") || l.starts_with("http://");
    let marked = |l: &str| {
        l.strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .is_some_and(|(mark, rest)| {
                (1..=3).contains(&mark.chars().count())
                    && !mark.contains(char::is_whitespace)
                    && rest.starts_with(' ')
            })
    };
    lines.len() >= 2 && (lines.iter().all(|l| address(l)) || lines.iter().all(|l| marked(l)))
}

/// Lines a paragraph has at least for [`bullet_lines`] to keep them apart.
const BULLET_LINES_MIN: usize = 3;

/// Whether a line is a field's label alone, its value to come on the next line
/// (`Vendor Link:`, `Affected Components:`): a label as [`field_line`] takes it, then
/// the colon and nothing more.
fn label_alone(l: &str) -> bool {
    let l = &*unstarred_label(l);
    l.strip_suffix([':', '：'])
        .is_some_and(|label| !label.contains([':', '：']) && field_label(label))
}

/// A line without the stars of a bold label that CommonMark left as text (`**国家：**美国
/// （科罗拉多州）`: a strong span closed after a full-width colon and before a letter is
/// none by the flanking rules), to be read as a field ([`field_line`], [`label_alone`]):
/// `国家：美国（科罗拉多州）`. Other lines as they are.
fn unstarred_label(l: &str) -> std::borrow::Cow<'_, str> {
    for d in ["**", "__"] {
        let Some(rest) = l.strip_prefix(d) else {
            continue;
        };
        if let Some(k) = rest.find(d) {
            let label = &rest[..k];
            if label.ends_with([':', '：']) && !label.contains(['*', '_']) {
                return std::borrow::Cow::Owned(format!("{label}{}", &rest[k + d.len()..]));
            }
        }
    }
    std::borrow::Cow::Borrowed(l)
}

/// Lines a paragraph has at least for [`field_lines`] to keep them.
const FIELD_LINES_MIN: usize = 3;

/// Whether one line is a field of a record: a label of at most four words (letters
/// first, at most [`FIELD_LABEL_MAX_CHARS`]), a colon and a space (`Vuln ID:
/// MVID-2022-0654`, `Host: localhost`) or a full-width colon (`作者：张三`), then a
/// value, perhaps after a comment's `#` (`#Date: 2025-04-23`); or an HTTP request or
/// status line (`GET / HTTP/1.1`, `HTTP/1.0 200 OK`). A
/// label alone (`点赞：` above its count) is no field, nor a clock (`10:30`) or an
/// address (`https://…`).
fn field_line(l: &str) -> bool {
    const METHODS: [&str; 7] = [
        "GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ",
    ];
    let l = &*unstarred_label(l);
    // A script's header comment (`#Exploit Title: Aom Web Designer - Sql Injection`,
    // `#Date: 2025-04-23`): its `#` is no heading's, there being no space after it.
    let l = l
        .strip_prefix('#')
        .filter(|r| r.starts_with(char::is_alphabetic))
        .unwrap_or(l);
    if l.starts_with("HTTP/") || (METHODS.iter().any(|m| l.starts_with(m)) && l.contains(" HTTP/"))
    {
        return true;
    }
    let Some((label, colon, rest)) = label_split(l) else {
        return false;
    };
    field_label(label) && (colon == '：' || rest.starts_with(' ')) && !rest.trim().is_empty()
}

/// Whether the words before a field's colon are a label: letters first, at most four
/// words and [`FIELD_LABEL_MAX_CHARS`] characters, letters, digits and ` -_/.()&'` only.
fn field_label(label: &str) -> bool {
    label.chars().next().is_some_and(char::is_alphabetic)
        && label.chars().count() <= FIELD_LABEL_MAX_CHARS
        && label.split_whitespace().count() <= 4
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || " -_/.()&'".contains(c))
}

/// Characters a field's label has at most ([`field_line`]).
const FIELD_LABEL_MAX_CHARS: usize = 30;

/// Whether a paragraph is source code the Markdown reader found written without a fence
/// (its lines kept, its Markdown fenced): at least [`CODE_LINES_MIN`] lines, three in
/// four of them a line of code ([`code_line`]). Wrapped prose seldom has a call, an
/// assignment or a brace in most of its lines.
pub fn unfenced_code(b: &Block) -> bool {
    b.kind == Kind::Paragraph && b.markdown.starts_with("```\n") && code_lines(&b.text)
}

/// Whether lines (`\u{1}` or `\n` between them) are source code ([`unfenced_code`]).
/// Comment lines (`# msfvenom …`, `#!/usr/bin/python`, `#JMP short 6bytes`, `// x`)
/// count neither way; one [`code_line`] reads as code counts as code (`#include
/// <stdio.h>`).
fn code_lines(s: &str) -> bool {
    let lines: Vec<&str> = s
        .split(['\u{1}', '\n'])
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !((l.starts_with('#') || l.starts_with("// ")) && !code_line(l))
        })
        .collect();
    lines.len() >= CODE_LINES_MIN
        && lines.iter().filter(|l| code_line(l)).count() * 4 >= lines.len() * 3
}

/// Longest `data:` address of a lazy loader's placeholder picture, in bytes (a 1×1 GIF,
/// an empty SVG; a converter shortens them to `data:image/png;base64...`).
const PLACEHOLDER_MAX_BYTES: usize = 1024;

/// Lines a paragraph has at least for [`code_lines`] to read it as code.
const CODE_LINES_MIN: usize = 4;

/// Whether one line reads as a line of program text: a statement keyword alone or
/// starting it (`import os`, `return`, `else:`), a call (`print(x)`), an assignment or
/// comparison (`a = b`, `x == 1`), or a line ended by `{`, `}` or `;`.
fn code_line(l: &str) -> bool {
    const ALONE: [&str; 9] = [
        "return", "pass", "break", "continue", "else:", "try:", "finally:", "}", "};",
    ];
    const STARTS: [&str; 12] = [
        "import ",
        "from ",
        "def ",
        "class ",
        "return ",
        "elif ",
        "except",
        "#include",
        "const ",
        "let ",
        "var ",
        "function ",
    ];
    if ALONE.contains(&l) || STARTS.iter().any(|k| l.starts_with(k)) || command_line(l) {
        return true;
    }
    // Brackets alone (`[`, `],`, `} )`), a quoted string or an identifier as a list's
    // element (`'Windows Command',`, `info,`, `ARCH_CMD,`, `NULL,`, a JSON member `"active": true,`;
    // not a word of prose, `However,`),
    // a module pulled in (`include Msf::Exploit::Retry`,
    // `require 'base64'`), a block's `end`.
    if l.chars().all(|c| "{}[](),; ".contains(c))
        || l.strip_suffix(',').is_some_and(|e| {
            let quoted = |q: char| e.len() >= 2 && e.starts_with(q) && e.ends_with(q);
            quoted('\'')
                || quoted('"')
                || (e.starts_with('"') && e.contains("\":"))
                || (!e.is_empty()
                    && e.bytes()
                        .all(|c| c.is_ascii_alphanumeric() || b"_.:".contains(&c))
                    && (e.starts_with(|c: char| c.is_ascii_lowercase())
                        || e.bytes().any(|c| c.is_ascii_digit() || b"_.:".contains(&c))
                        || (e.len() >= 2 && e.bytes().all(|c| c.is_ascii_uppercase()))))
        })
        || ["include ", "require ", "require_relative "]
            .iter()
            .any(|k| l.starts_with(k) && !l.ends_with(['.', '。']))
        || l == "end"
    {
        return true;
    }
    let call = l
        .as_bytes()
        .windows(2)
        .any(|w| (w[0].is_ascii_alphanumeric() || w[0] == b'_') && w[1] == b'(');
    call || [" = ", " == ", " != ", " += ", " => "]
        .iter()
        .any(|t| l.contains(t))
        || l.ends_with(['{', '}', ';'])
}

/// The source line that ends at `at`, after a blockquote's markers and the line's
/// indentation (a list item's marker stays: the caller trims).
fn source_line_before(src: &str, at: usize) -> &str {
    let before = src.get(..at.min(src.len())).unwrap_or_default();
    let line = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
    line.trim_start_matches(['>', ' ', '\t'])
}

/// Whether a source line is one image and nothing else, perhaps linked:
/// `![](https://a.cn/b.png "b.png")`, `[![x](a.png)](https://a.cn/)`.
fn image_only_line(l: &str) -> bool {
    // The end of a `](target)` that starts `s`, if the target closes.
    let target_end = |s: &str| -> Option<usize> { s.strip_prefix("](")?.find(')').map(|i| i + 3) };
    let (linked, rest) = match l.strip_prefix("[![") {
        Some(r) => (true, r),
        None => match l.strip_prefix("![") {
            Some(r) => (false, r),
            None => return false,
        },
    };
    let Some(alt_end) = rest.find("](") else {
        return false;
    };
    let Some(end) = target_end(&rest[alt_end..]) else {
        return false;
    };
    let rest = &rest[alt_end + end..];
    if linked {
        target_end(rest).is_some_and(|e| rest[e..].trim().is_empty())
    } else {
        rest.trim().is_empty()
    }
}

/// Commands of a shell or a batch file that start a line of a script (`chcp 65001 >nul`,
/// `setlocal EnableDelayedExpansion`, `chmod +x run.sh`), written in lower case.
const COMMANDS: [&str; 24] = [
    "sudo ",
    "chmod ",
    "chown ",
    "chattr ",
    "mkdir ",
    "rm -",
    "ls -",
    "cd /",
    "cd ~",
    "echo ",
    "curl ",
    "wget ",
    "apt ",
    "apt-get ",
    "yum ",
    "rpm ",
    "systemctl ",
    "chcp ",
    "setlocal",
    "@echo ",
    "schtasks ",
    "reg add ",
    "reg query ",
    "powershell ",
];

/// Whether a line starts a command of a shell or a batch file ([`COMMANDS`]), or sets a
/// variable as one does (`set "TOKEN=…"`, `export PATH=…`).
fn command_line(l: &str) -> bool {
    COMMANDS.iter().any(|c| l.starts_with(c))
        || ["set ", "export "]
            .iter()
            .any(|c| l.starts_with(c) && l.contains('='))
}

/// `text` with each backslash before ASCII punctuation (a Markdown escape) removed:
/// `图片 \| 刘静` → `图片 | 刘静`. A backslash before anything else stays (`C:\Users`).
pub fn markdown_unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether the break between two lines of a paragraph, as written, stays a line break:
/// two short lines of Chinese text, the first ending its sentence (`工人阶级万岁！` /
/// `社会主义万岁！`, messages one a line) are the text's own lines; a long line ending
/// a sentence is a paragraph wrapped by its writer, and joins the next (unless the
/// paragraph is written a line a paragraph, [`unwrapped_lines`]). So are two items of a
/// list written `N、` a line, numbered one after the other (`1、全程美国代理IP；` /
/// `2、不必要的项目…`), however long, and the first of them under the line that
/// announces them (`要求：`) or under a section numbered in Chinese (`一、Web/H5`); and
/// such an item's line over a Chinese sentence that explains it; and a picture's credit
/// over the text ([`credit_line`]).
pub fn keeps_break(before: &str, after: &str) -> bool {
    let (before, after) = (before.trim(), after.trim());
    // A list's first item under the line that announces it (`要求：` / `1、…`), or under a
    // section numbered in Chinese (`一、Web/H5` / `1、软件商店…`).
    let section = before.split_once('、').is_some_and(|(n, rest)| {
        !n.is_empty()
            && n.chars().all(|c| "一二三四五六七八九十".contains(c))
            && rest.chars().count() <= 20
    });
    let first = item_number(after) == Some(1) && (before.ends_with([':', '：']) || section);
    let numbered = first || item_number(before).is_some_and(|n| item_number(after) == Some(n + 1));
    // A numbered item's line over the sentence that explains it (`1、getNonce方法：生成随机
    // 字符串nonce（…）` / `函数通过循环从指定字符集中…`): the item's line ends with no comma,
    // dash, opening bracket or character that goes on a sentence, the next starts with a
    // Han character that starts one.
    let explained = item_number(before).is_some()
        && before.chars().next_back().is_some_and(|c| {
            !"，、；,;-—–(（“‘《「".contains(c) && !CJK_CONTINUATIONS.contains(&c)
        })
        && after
            .chars()
            .next()
            .is_some_and(|c| is_cjk(c) && c.is_alphanumeric() && !CJK_CONTINUATIONS.contains(&c));
    let credit = credit_line(before) && !after.is_empty();
    numbered
        || explained
        || credit
        || (before.chars().last().is_some_and(ends_cjk_sentence)
            && after.chars().next().is_some_and(is_cjk)
            && before.chars().count() <= SHORT_LINE_MAX
            && after.chars().count() <= SHORT_LINE_MAX)
}

/// Whether a line of a paragraph is a picture's credit under it, over the text
/// (`资料来源：X.com (@EquationCorp)` / `他的声明还详细说明了…`): a label of a source and
/// a short value; the break after it stays ([`keeps_break`], [`unwrapped_lines`]).
fn credit_line(l: &str) -> bool {
    label_split(l.trim()).is_some_and(|(label, _, value)| {
        CREDIT_LABELS.contains(&label.trim())
            && !value.trim().is_empty()
            && value.chars().count() <= CREDIT_VALUE_MAX
    })
}

/// Most characters of a credit's value ([`credit_line`]): a site, an account, an agency
/// (`X.com (@EquationCorp)`, `俄克拉荷马州众议院`), not a sentence that goes on.
const CREDIT_VALUE_MAX: usize = 24;

/// Labels of a picture's credit on a line of its own ([`credit_line`]).
const CREDIT_LABELS: &[&str] = &[
    "资料来源",
    "資料來源",
    "图片来源",
    "圖片來源",
    "图源",
    "圖源",
    "来源",
    "來源",
];

/// A line split at its first colon, half- or full-width: the label before it (as
/// written), the colon, and what follows it.
pub(crate) fn label_split(l: &str) -> Option<(&str, char, &str)> {
    let (at, colon) = l.char_indices().find(|&(_, c)| c == ':' || c == '：')?;
    Some((&l[..at], colon, &l[at + colon.len_utf8()..]))
}

/// The number of a list's item written `N、…` (one or two digits), if the line is one.
fn item_number(l: &str) -> Option<u32> {
    l.split_once('、')
        .filter(|(n, _)| (1..=2).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
        .and_then(|(n, _)| n.parse().ok())
}

/// Characters a line of a paragraph may have for its break to stay ([`keeps_break`]).
pub const SHORT_LINE_MAX: usize = 40;

/// Whether `c` ends a sentence of Chinese text (`。！？…`, or a closing quote).
pub fn ends_cjk_sentence(c: char) -> bool {
    "。！？；…」』”".contains(c)
}

/// The labels of an interview's turns: a paragraph's line that starts with one is a
/// turn of its own, not the line before it going on.
pub(crate) const DIALOG_LABELS: [&str; 10] = [
    "问：", "答：", "問：", "Q：", "A：", "问:", "答:", "問:", "Q:", "A:",
];

/// The alt text of an inline `<img …>` tag, when it reads as a caption.
fn inline_img_alt(tag: &str) -> Option<String> {
    if !tag.to_ascii_lowercase().starts_with("<img") {
        return None;
    }
    let b = crate::html::fragment_blocks(tag);
    b.into_iter()
        .find(|b| b.kind == Kind::Caption)
        .map(|b| b.text)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines_keep_their_breaks() {
        for (before, after) in [
            (
                "1、全程美国代理IP；",
                "2、不必要的项目，不懂的项目不要乱填，避免画蛇添足。",
            ),
            (
                "9、信息搜集模块增加导出",
                "10、密码字典可选择追加或覆盖模式",
            ),
            ("注意事项：", "1、全程美国代理IP；"),
            ("一、Web/H5", "1、软件商店：api-cn.open.heytapmobi.com"),
            (
                "资料来源：X.com (@EquationCorp)",
                "他的声明还详细说明了支持新论坛的资源和基础设施的分配。",
            ),
            (
                "1、getNonce方法：生成随机字符串nonce（根据主函数来看是nonce长度是32）",
                "函数通过循环从指定字符集中随机选择字符，构建最终字符串。",
            ),
        ] {
            assert!(keeps_break(before, after), "{before} / {after}");
        }
        for (before, after) in [
            ("1、全程美国代理IP；", "3、不必要的项目"),
            ("注意事项", "1、全程美国代理IP；"),
            ("2023、", "2024、两年"),
            (
                "一、这是一个很长很长很长很长很长很长的小节标题",
                "1、第一项",
            ),
            ("1、这是攻击者使用", "的工具。"),
            ("1、配置完成后，", "重启服务即可。"),
            ("1、getNonce方法", "nonce的长度是32。"),
            // A source named in a sentence that goes on; a label without a value.
            (
                "来源：这份报告由国家互联网应急中心和多家安全厂商在今年联合",
                "发布。",
            ),
            ("来源：", "国家互联网应急中心"),
        ] {
            assert!(!keeps_break(before, after), "{before} / {after}");
        }
    }

    #[test]
    fn a_gutter_of_line_numbers_and_a_scripts_header_comments() {
        assert!(line_numbers("1 2 3"));
        assert!(line_numbers("1  2  3  4"));
        for cell in ["1 2", "1 3 4", "2 3 4", "1 2 x", ""] {
            assert!(!line_numbers(cell), "{cell}");
        }
        assert!(field_line("#Date: 2025-04-23"));
        assert!(field_line(
            "#Exploit Title: Aom Web Designer - Sql Injection"
        ));
        assert!(!field_line("#1: the first"));
        assert!(!field_line("## Date"));
    }

    #[test]
    fn a_code_tables_lines_joined_with_two_spaces_are_lines_again() {
        assert_eq!(
            gutter_code("1  2  3  4  5", "cd a  make    # done  exit  ").as_deref(),
            Some("cd a\nmake\n\n# done\nexit")
        );
        // Fewer lines than numbers: the last empty line was not saved.
        assert_eq!(
            gutter_code("1  2  3", "mkdir -p data  cd data").as_deref(),
            Some("mkdir -p data\ncd data")
        );
        // More pieces than numbers: spaces aligned a line's parts; a gutter with single
        // spaces joined its lines otherwise; one piece is one line already; a string cut
        // in two.
        for (gutter, code) in [
            ("1  2  3", r#"printf "%-8s  %s\n" Name: "$USER"  exit 0"#),
            ("1  2", "docker --version          # 24.0.6"),
            ("1 2 3", "PORT   STATE SERVICE 22/tcp open  ssh"),
            ("1  2  3", "make install"),
        ] {
            assert_eq!(gutter_code(gutter, code), None, "{code}");
        }
    }

    #[test]
    fn a_lazy_loaded_pictures_alt_text_is_no_caption() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        // A lazy loader's placeholder and the picture after it, one alt text: the page's
        // design, the editor's words for search engines; a picture of its own keeps its
        // alt text as a caption.
        assert_eq!(
            texts("![Cyber Defence](data:image/png;base64...)![Cyber Defence](https://s.it/wp-content/uploads/shutterstock_1935591628-1.jpg)\n\nLe buone prassi di security sono solitamente considerate.\n\n![Ebook Image](data:image/png;base64...)\n\n![The attack chain of the campaign, step by step](https://s.it/chain.png)\n"),
            vec![
                "Le buone prassi di security sono solitamente considerate.",
                "The attack chain of the campaign, step by step",
            ]
        );
        // The placeholder stands for the picture after it in its block only; a picture
        // embedded whole (kilobytes of `data:`) keeps its caption.
        let embedded = format!(
            "![Figure 3: the infection flow](data:image/png;base64,{})",
            "A".repeat(2000)
        );
        assert_eq!(
            texts(&format!("![Infection flow of the loader](data:image/png;base64...)\n\nThe loader drops a DLL.\n\n![Infection flow of the loader](https://x.org/flow.png)\n\n[![Diagram of the C2 protocol](data:image/png;base64...)](https://x.org/)\n\n![Diagram of the C2 protocol](https://x.org/c2.png)\n\n{embedded}\n")),
            vec![
                "The loader drops a DLL.",
                "Infection flow of the loader",
                "Diagram of the C2 protocol",
                "Figure 3: the infection flow",
            ]
        );
    }

    #[test]
    fn a_pictures_file_name_under_it_goes() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        assert_eq!(
            texts(
                "Burp 爆破模块对 IP C 段进行探测。\n\n![](https://a.cn/b.png \"92883-rn4n90qpxcd.png\")\n\n92883-rn4n90qpxcd.png\n\n![](https://a.cn/c.png)\n\nimage.png\n\n这个服务器存在 SSRF 漏洞。\n\n![](https://a.cn/d.png)\n\nexploit.py\n\nAndroid names them so:\n\nPXL_20240830_150806479.jpg\n\n![](https://a.cn/e.png)\n\n`secret.png`\n\n![](https://a.cn/f.png) The output of the tool\n\nflag.png\n\n[![](https://a.cn/g.png)](https://a.cn/g)\n\n1.png\n"
            ),
            vec![
                "Burp 爆破模块对 IP C 段进行探测。",
                "这个服务器存在 SSRF 漏洞。",
                "exploit.py",
                "Android names them so:",
                "PXL_20240830_150806479.jpg",
                "secret.png",
                "The output of the tool",
                "flag.png",
            ]
        );
    }

    #[test]
    fn a_chinese_line_under_a_list_item_without_its_indent_keeps_its_line() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        assert_eq!(
            texts("- CreateProcessW 再次执行自身\n- ExitProcess 退出第一个进程\nx.dll的行为会根据执行位置而改变。\n"),
            vec![
                "CreateProcessW 再次执行自身",
                "ExitProcess 退出第一个进程\nx.dll的行为会根据执行位置而改变。"
            ]
        );
        // A line that goes on the item's sentence: after a comma, before a Han character
        // that goes on one, or under a long line an editor wrapped; and Latin text.
        for (md, text) in [
            ("- 这是一个列表项，它在这里，\n换行了。\n", "这是一个列表项，它在这里，换行了。"),
            ("- 这是攻击者使用\n的工具。\n", "这是攻击者使用的工具。"),
            ("- 这是我们的\n目标和计划。\n", "这是我们的目标和计划。"),
            ("- 使用 Burp\nSuite 抓包即可。\n", "使用 Burp Suite 抓包即可。"),
            ("- これは日本語の文章を書いて\nいます。\n", "これは日本語の文章を書いています。"),
            (
                "- 这是一个很长的列表项它在这里一直写下去直到编辑器把它折到下一行为止\n换行了。\n",
                "这是一个很长的列表项它在这里一直写下去直到编辑器把它折到下一行为止换行了。",
            ),
            (
                "- Pag. 184: Il modo più risoluto di proteggere i dati nel cloud è quello di\nrimuoverli dal cloud.\n",
                "Pag. 184: Il modo più risoluto di proteggere i dati nel cloud è quello di rimuoverli dal cloud.",
            ),
        ] {
            assert_eq!(texts(md), vec![text], "{md}");
        }
    }

    #[test]
    fn a_templates_word_under_a_picture_goes() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        assert_eq!(
            texts(
                "抓包可以发现这个设备发了消息：\n\n![](https://a.cn/b.png)\n\nimg\n\n![](https://a.cn/c.png)\n\n图片\n\nThe tag is written so:\n\nimg\n\n![](https://a.cn/d.png)\n\n`img`\n\n![](https://a.cn/e.png)\n\nimg tags\n"
            ),
            vec![
                "抓包可以发现这个设备发了消息：",
                "The tag is written so:",
                "img",
                "img",
                "img tags",
            ]
        );
    }

    #[test]
    fn fields_under_bold_labels_left_as_text_and_bold_lines_keep_their_lines() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        // `**国家：**美国`: CommonMark closes no strong span after a full-width colon and
        // before a letter; its stars stay in the text, the fields are read through them.
        assert_eq!(
            texts("**国家：**美国（爱达荷州）\n**成立时间：**2016\nPlexTrac于2月获得B轮融资7,000万美元。\n"),
            vec!["国家：美国（爱达荷州）\n成立时间：2016\nPlexTrac于2月获得B轮融资7,000万美元。"]
        );
        assert!(field_line("**国家：**美国（爱达荷州）"));
        assert!(label_alone("**漏洞名称：**"));
        assert_eq!(unstarred_label("**成立时间：**2016"), "成立时间：2016");
        assert_eq!(unstarred_label("**成立时间**：2016"), "**成立时间**：2016");
        assert_eq!(unstarred_label("**a: b** c"), "**a: b** c");
        // Two lines each bold as a whole keep their line's end; a bold sentence wrapped
        // over two lines, or a bold line over plain text, does not by this rule.
        let around = |s: &str| {
            let at = s.find('\n').unwrap_or(s.len());
            strong_lines_around(s, at..at + 1)
        };
        assert!(around(
            "**Lagoon KL, Level 2 | Wednesday, Aug 6, 12:05–1:30 PM**\n**Speaker: Joe Marshall**"
        ));
        assert!(around("- **One**\n**Two**"));
        assert!(around("1. **Step one**\n**Open the settings**"));
        assert!(around("**file_name.py**\n**other_file.py**"));
        assert!(!around("**The first part of a bold\nsentence goes on**"));
        assert!(!around("**Speaker**\nJoe Marshall"));
        assert!(!around("**a**b**\n**c**"));
    }

    #[test]
    fn a_modules_brackets_elements_and_includes_are_code() {
        // An exploit page's Ruby module, its indentation lost.
        let ruby = "class MetasploitModule < Msf::Exploit::Remote\u{1}Rank = ExcellentRanking\u{1}include Msf::Exploit::Remote::HttpClient\u{1}require 'base64'\u{1}def initialize(info = {})\u{1}super(\u{1}info,\u{1}'Targets' => [\u{1}[\u{1}'Windows Command',\u{1}{\u{1}'Platform' => 'win',\u{1}}\u{1}],\u{1}]\u{1}end";
        assert!(code_lines(ruby));
        for line in [
            "[",
            "],",
            "} )",
            "'Windows Command',",
            "info,",
            "include Msf::Exploit::Retry",
            "require 'base64'",
            "end",
            "NULL,",
            "\"active\": true,",
        ] {
            assert!(code_line(line), "{line}");
        }
        // Prose that names an include or ends a clause with a comma is not.
        for line in [
            "include the header in every request.",
            "However, the server",
            "Ends here, and",
            "end of the story",
            "However,",
            "Thanks,",
            "I,",
            "首先,",
            "\"We are the best,\" he said,",
        ] {
            assert!(!code_line(line), "{line}");
        }
        let prose = "The team found that the server,\u{1}when asked for the file,\u{1}returned its contents and,\u{1}worse, its configuration.";
        assert!(!code_lines(prose));
    }

    #[test]
    fn a_bold_label_over_a_sentence_that_announces_what_follows_keeps_its_line() {
        assert_eq!(
            label_breaks(
                "漏洞静态分析\u{5}httpd文件调用sub_40A918处理/admin/powerline的对应请求："
            ),
            "漏洞静态分析\nhttpd文件调用sub_40A918处理/admin/powerline的对应请求："
        );
        // A short value that ends with a colon still reads with its label; a sentence the
        // bold words begin goes on.
        assert_eq!(label_breaks("Vendor\u{5}Acme:"), "Vendor Acme:");
        assert_eq!(
            label_breaks("攻击者可以通过\u{5}curl命令发送恶意请求获取服务器权限。"),
            "攻击者可以通过 curl命令发送恶意请求获取服务器权限。"
        );
    }

    #[test]
    fn unfenced_code_is_told_from_wrapped_prose() {
        let code = "import socket\u{1}offset = b\"A\"*2455\u{1}if (x == 0)\u{1}{\u{1}run(x);\u{1}}";
        assert!(code_lines(code));
        // An exploit's Perl with its comments between its statements (a comment counts
        // neither way; an `#include` line is code).
        let perl = "#!/usr/bin/perl\u{1}my $file= \"exploit.pgn\";\u{1}my $junk= \"\\x41\" x 336;\u{1}#JMP short 6bytes\u{1}my $seh=\"\\xeb\\x06\";\u{1}#bad chars: \\x00\u{1}my $nop= \"\\x90\" x 10;\u{1}open($FILE,\">$file\");";
        assert!(code_lines(perl));
        assert!(code_lines(
            "#include <stdio.h>\u{1}#include <stdlib.h>\u{1}#define N 4\u{1}int main() {\u{1}}"
        ));
        // A batch file's lines (`set` with the value it gives).
        assert!(code_lines(
            "chcp 65001 >nul\u{1}setlocal EnableDelayedExpansion\u{1}set “TOKEN=7604003483:AAGG”\u{1}set “CHAT_ID=5674938532”\u{1}set “IP=Unknown”"
        ));
        // Three lines are too few, whatever they hold.
        assert!(!code_lines("import os\u{1}run(x)\u{1}return"));
        // Prose wrapped by its writer, a call and an assignment in two of its five lines.
        let prose = "The patch (see commit(1) in the notes) changes how the\u{1}server reads a request: x = 1 was the\u{1}default, and it now refuses any request\u{1}that does not name its host, as the\u{1}standard asks.";
        assert!(!code_lines(prose));
        for (line, is) in [
            ("else:", true),
            ("print(f\"{res.text}\")", true),
            ("egghunter += b\"\\x2e\"", true),
            ("};", true),
            ("for example, the (old) form", false),
            ("returns nothing", false),
            ("chcp 65001 >nul", true),
            ("set “CHAT_ID=5674938532”", true),
            ("set up the server as before", false),
            ("echo-chamber of the forums", false),
        ] {
            assert_eq!(code_line(line), is, "{line}");
        }
    }

    #[test]
    fn a_link_that_shows_its_own_address_is_read_as_the_address() {
        assert!(own_address("https://a.org/x", "https://a.org/x"));
        assert!(own_address("a.org/x", "https://a.org/x/"));
        assert!(own_address("a@b.org", "mailto:a@b.org"));
        assert!(own_address(
            "https://wpscan.com/vulnerability/5c21ad35",
            "https://link.zhihu.com/?target=https%3A//wpscan.com/vulnerability/5c21ad35"
        ));
        assert!(!own_address(
            "https://wpscan.com/vulnerability/5c21ad35",
            "https://link.zhihu.com/?target=https%3A//other.org/x"
        ));
        assert!(!own_address("Home", "https://a.org/"));
        assert!(!own_address("a.org", "https://b.org/"));
        // One such link alone (or after a reference number) weighs as text; after a
        // label, or in a row of two (a row of a site's accounts), as a link; a named
        // link is a link.
        let weights =
            |md: &str| -> Vec<usize> { blocks(md).iter().map(|b| b.link_weight).collect() };
        assert_eq!(weights("<https://a.org/x>\n"), vec![0]);
        // A zero-width space after it is no text of the block.
        assert_eq!(weights("<https://a.org/x>\u{200b}\n"), vec![0]);
        assert_eq!(weights("[1] [https://a.org/x](https://a.org/x)\n"), vec![0]);
        assert!(weights("原文地址：<https://a.org/x>\n")[0] > 0);
        assert!(weights("Like [fb.com/x](https://fb.com/x)\nFollow [instagram.com/x](https://instagram.com/x)\n")[0] > 0);
        assert!(weights("[Home](https://a.org/)\n")[0] > 0);
    }

    #[test]
    fn items_bulleted_as_text_stay_lines() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        assert_eq!(
            texts("-Called phone numbers\n-Time of calls\n-Length of calls\n"),
            vec!["-Called phone numbers\n-Time of calls\n-Length of calls"]
        );
        // Two lines, or a line that does not start with the bullet, join as before.
        assert_eq!(
            texts("-Called phone numbers\n-Time of calls\n"),
            vec!["-Called phone numbers -Time of calls"]
        );
        assert_eq!(
            texts("●第一\n●第二\n还有第三\n"),
            vec!["●第一 ●第二还有第三"]
        );
        // Under the one line that introduces them with a colon; not under a line without
        // one, nor two bulleted lines under it.
        assert_eq!(
            texts("The workshop covered a variety of topics, including:\n• Cloud mindset\n• Localization\n• Support options\n"),
            vec!["The workshop covered a variety of topics, including:\n• Cloud mindset\n• Localization\n• Support options"]
        );
        assert_eq!(
            texts("The workshop covered a variety of topics\n• Cloud mindset\n• Localization\n• Support options\n"),
            vec!["The workshop covered a variety of topics • Cloud mindset • Localization • Support options"]
        );
        assert_eq!(
            texts("It covered these:\n• Cloud mindset\n• Localization\n"),
            vec!["It covered these: • Cloud mindset • Localization"]
        );
    }

    #[test]
    fn a_drop_down_menu_goes_with_what_is_nested_under_it() {
        let md = "# Title\n\n* [Login](/login)\n* Solutions\n\n   Close Solutions\n\n   Open Solutions\n\n  #### products\n  + [DeepResponse](/deep/)\n\n  Stop threats others miss.\n* Why Us\n   Close Why Us\n   Open Why Us\n  We're trusted worldwide.\n\nThe article starts here.\n";
        assert_eq!(
            menu_toggles(md),
            "# Title\n\n* [Login](/login)\n\nThe article starts here.\n"
        );
        // One item alone with such lines under it is no menu (a manual's `File` menu).
        let file = "* File\n   Close File\n   Open File\n   Save File As\n  Saves the document under another name.\n";
        assert_eq!(menu_toggles(file), file);
        // Buttons that name another label, stand level with the item, or sit in code,
        // and a label that is a link, are no drop-down (each case twice: a menu's two).
        for kept in [
            "* Solutions\n   Close Products\n   Open Products\n  Text.\n",
            "* Solutions\nClose Solutions\nOpen Solutions\n",
            "```\n* Solutions\n   Close Solutions\n   Open Solutions\n```\n",
            "* [Solutions](/s/)\n   Close [Solutions](/s/)\n   Open [Solutions](/s/)\n",
            "* Solutions\n   Open Solutions\n   Close Solutions\n",
        ] {
            let twice = format!("{kept}{kept}");
            assert_eq!(menu_toggles(&twice), twice);
        }
    }

    /// The text of each of a table's rows in `md`.
    fn row_texts(md: &str) -> Vec<String> {
        blocks(md)
            .into_iter()
            .filter(|b| matches!(b.kind, Kind::Row { .. }))
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn a_paragraph_written_a_line_a_paragraph_keeps_its_lines() {
        let long = "Ora che l’AI Act è più vicino ed ha assunto una prima forma, come si pongono i modelli di base rispetto agli obblighi e requisiti previsti dalla prossima legislazione europea?";
        // A bold label's line (`\u{5}`), a heading before a capital, a sentence's end.
        let s = format!("AI Act, partono i triloghi\u{5}{long}\u{1}Se lo chiedono i ricercatori.\u{1}USA\u{1}Biden accelera, ascolta i rischi\u{1}e cerca finanziatori.");
        assert_eq!(
            join_lines(&s),
            format!("AI Act, partono i triloghi\n{long}\nSe lo chiedono i ricercatori.\nUSA\nBiden accelera, ascolta i rischi e cerca finanziatori.")
        );
        // Chinese lines: a stop keeps the break; a number split from its text (`增长` /
        // `4%`) and a heading's rule do not apply after a Han character.
        let zh = "该组织估计北美所需的网络安全工人缺口已增长\u{1}4%，达到 543,000 人，而其对现有劳动力的估计则缩减了 2.7%，至 145 万人。ISC2 对 15,8000 多名从业人员和决策者进行了调查，旨在确定全球企业需要多少网络安全专业人才。\u{1}第二段。";
        assert_eq!(
            join_lines(zh),
            "该组织估计北美所需的网络安全工人缺口已增长 4%，达到 543,000 人，而其对现有劳动力的估计则缩减了 2.7%，至 145 万人。ISC2 对 15,8000 多名从业人员和决策者进行了调查，旨在确定全球企业需要多少网络安全专业人才。\n第二段。"
        );
        // Source addresses under it join as before (and what follows them).
        let src = format!(
            "{long}\u{1}www.washingtonpost.com/climate/paris/\u{1}科技日报:\u{1}巴黎限制汽车"
        );
        assert_eq!(
            join_lines(&src),
            format!("{long} www.washingtonpost.com/climate/paris/ 科技日报: 巴黎限制汽车")
        );
        // Wrapped lines (none of 160 columns) join, a label's with a space.
        assert_eq!(
            join_lines("**Step 1**\u{5}The old post was wrapped at\u{1}seventy-two columns."),
            "**Step 1** The old post was wrapped at seventy-two columns."
        );
        // An empty line (a space, an image's) between two lines is no line; an
        // interview's next turn starts a line; a short line ending in capitals inside a
        // sentence (not where a paragraph starts) is no heading.
        let zh = format!("问：你好吗\u{1}答：很好。{long}");
        assert_eq!(join_lines(&zh), format!("问：你好吗\n答：很好。{long}"));
        let s = format!("{long}\u{1}\u{a0}\u{1}Next one.\u{5}\u{1}{long}");
        assert_eq!(join_lines(&s), format!("{long}\nNext one.\n{long}"));
        let s = format!(
            "{long}\u{1}It was later attributed\u{1}by the FBI\u{1}Cyber Division to a group."
        );
        assert_eq!(
            join_lines(&s),
            format!("{long}\nIt was later attributed by the FBI Cyber Division to a group.")
        );
        // Chinese headings over their text and over a numbered section; a line ending in
        // a comma goes on.
        let zh = format!("引言\u{1}大型语言模型{long}\u{1}分布式训练的核心概念\u{1}2.1 分布式训练的定义\u{1}分布式训练是指将任务分配到多个节点上。\u{1}在训练中，\u{1}通信开销是关键。\u{1}这段代码就是公式\u{1}的实现。\u{1}1、本科学历\u{1}2、熟悉加解密，数据安全\u{1}3、4年经验。\u{1}截至目前\u{1}2024 年已有 30 家企业受影响。\u{1}这个问题\u{1}是由配置错误导致的。\u{1}如有问题请发送至邮箱\u{1}，我们会尽快回复。\u{1}【乐活红尘】\u{1}我的生活，偶有悲忧。");
        assert_eq!(
            join_lines(&zh),
            format!("引言\n大型语言模型{long}\n分布式训练的核心概念\n2.1 分布式训练的定义\n分布式训练是指将任务分配到多个节点上。\n在训练中，通信开销是关键。\n这段代码就是公式的实现。\n1、本科学历\n2、熟悉加解密，数据安全\n3、4年经验。\n截至目前 2024 年已有 30 家企业受影响。\n这个问题是由配置错误导致的。\n如有问题请发送至邮箱，我们会尽快回复。\n【乐活红尘】\n我的生活，偶有悲忧。")
        );
        // A record keeps its lines however long one is.
        let rec = format!("Original source: https://malvuln.com/a.txt\u{1}Contact: malvuln13@gmail.com\u{1}Threat: {long}");
        assert_eq!(join_lines(&rec), rec.replace('\u{1}', "\n"));
    }

    #[test]
    fn a_drawing_keeps_its_lines() {
        let box_ = "╔══════╗\u{1}║ DISCLAIMER ║\u{1}║ This PoC is for research ║\u{1}╚══════╝";
        assert!(drawn_lines(box_));
        assert_eq!(join_lines(box_), box_.replace('\u{1}', "\n"));
        // One rule in prose is no drawing.
        assert!(!drawn_lines(
            "Results below\u{1}──────\u{1}were measured\u{1}twice"
        ));
    }

    #[test]
    fn a_rows_surplus_cells_join_its_last_one() {
        let md = "|  |  |\n| --- | --- |\n| **事件名称** | AI风险分析 | 攻击组织在多个AWS租户环境劫持LLM模型 |\n| **事件来源** | https://www.wiz.io/blog/a |\nx | y | z\n\n```\n| a | b | c |\n```\n";
        assert_eq!(
            surplus_cells(md),
            "|  |  |\n| --- | --- |\n| **事件名称** | AI风险分析 \\| 攻击组织在多个AWS租户环境劫持LLM模型 |\n| **事件来源** | https://www.wiz.io/blog/a |\nx | y \\| z\n\n```\n| a | b | c |\n```\n"
        );
        let rows = row_texts(md);
        assert_eq!(
            rows,
            [
                "事件名称 | AI风险分析 | 攻击组织在多个AWS租户环境劫持LLM模型",
                "事件来源 | https://www.wiz.io/blog/a",
                "x | y | z"
            ]
        );
        // An autolink or an issue's number starts no other block.
        assert_eq!(
            surplus_cells("| a | b |\n| --- | --- |\n<https://a.com> | Site | x\n#12 | Fix | y\n"),
            "| a | b |\n| --- | --- |\n<https://a.com> | Site \\| x\n#12 | Fix \\| y\n"
        );
        // An escaped pipe at the row's end is text of its last cell.
        assert_eq!(
            surplus_cells("| a | b |\n| --- | --- |\n| 1 | 2 | 3 \\|\n"),
            "| a | b |\n| --- | --- |\n| 1 | 2 \\| 3 \\|\n"
        );
        // Rows as wide as the table, an escaped pipe, a row outside a table, a table
        // flattened into a row (a cell of dashes), surplus cells that are empty, and a
        // list's item after the table stay.
        for md in [
            "| a | b |\n| --- | --- |\n| 1 | 2 |\n| `\\|` | 3 |\n",
            "| a | b | c |\n\ntext\n",
            "|  |  |\n| --- | --- |\n| | | --- | --- | | 01 | ● 标题 | | ► [点击阅读](https://a.com/1) | |\n",
            "| a | b |\n| --- | --- |\n| 1 | 2 |  | |\n",
            "| a | b |\n| --- | --- |\n| 1 | 2 |\n- run `cat x | grep y | wc -l`\n> a | b | c\n",
            "| a | b |\n| --- | --- |\n## x | y | z\n<div>a | b | c</div>\n",
        ] {
            assert_eq!(surplus_cells(md), md);
        }
    }

    #[test]
    fn a_row_of_nothing_but_pipes_does_not_end_its_table() {
        // A stack drawn in indented code, and two tables a pipe apart, stay as they are.
        let drawn = "| a |\n\n    |-------------|\n    | ret addr    |\n    |             |\n";
        assert_eq!(empty_table_rows(drawn), drawn);
        let two = "| a | b |\n| --- | --- |\n| 1 | 2 |\n|\n| c | d |\n| --- | --- |\n| 3 | 4 |\n";
        assert_eq!(empty_table_rows(two), two);
        let md = "| 按键 | 作用 | 备注 |\n| --- | --- | --- |\n|\n|  |\n| h/H/LEFT | 左 |  |\n| l/L/RIGHT | 右 | 又 |\n\n|\n\n```\n| --- |\n|\n```\n";
        assert_eq!(
            empty_table_rows(md),
            "| 按键 | 作用 | 备注 |\n| --- | --- | --- |\n| h/H/LEFT | 左 |  |\n| l/L/RIGHT | 右 | 又 |\n\n|\n\n```\n| --- |\n|\n```\n"
        );
        let rows = row_texts(md);
        // A last cell that is itself a pipe stays.
        let ops: Vec<String> = blocks("| 符号 | 说明 |\n| --- | --- |\n| 管道符 | `\\|` |\n")
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(ops, ["符号 | 说明", "管道符 | |"]);
        // (An empty cell at a row's end leaves no separator.)
        assert_eq!(
            rows,
            ["按键 | 作用 | 备注", "h/H/LEFT | 左", "l/L/RIGHT | 右 | 又"]
        );
    }

    #[test]
    fn a_bold_label_on_its_own_line_does_not_run_into_the_sentence_under_it() {
        let texts = |md: &str| -> Vec<String> { blocks(md).into_iter().map(|b| b.text).collect() };
        assert_eq!(
            texts("1. **邮件投递**\n   邮件源自**SendGrid服务**：通过验证\n2. __可信跳板__\n   初始链接使用域名\n"),
            vec!["邮件投递 邮件源自SendGrid服务：通过验证", "可信跳板 初始链接使用域名"]
        );
        // A wrapped sentence still joins, bold words in it or not, a bold line in it too.
        assert_eq!(
            texts("这是**一个**\n句子，**没有标签**的行\n也会连在一起。\n"),
            vec!["这是一个句子，没有标签的行也会连在一起。"]
        );
        assert_eq!(
            texts("根据调查，\n**攻击者利用了该漏洞**\n获取了服务器权限。\n"),
            vec!["根据调查，攻击者利用了该漏洞获取了服务器权限。"]
        );
        // After a sentence's end, a bold line is a section's label: over a sentence it
        // is a heading on a line of its own.
        assert_eq!(
            texts("上一节到此为止。\n**设计缺陷**\n该漏洞编号为CVE-2023-52424。\n"),
            vec!["上一节到此为止。\n设计缺陷\n该漏洞编号为CVE-2023-52424。"]
        );
        // A heading over its paragraph (a sentence, or a line of 60 columns or more)
        // keeps its line; a short value under a label runs on after a space.
        assert_eq!(
            texts(
                "**赫尔辛基教育部门数据泄露与远程访问漏洞有关**\n初步调查发现，数据泄露可能是由于漏洞造成的。\n\n\
                 **Published**\nDecember 15, 2022\n\n\
                 **ASPSESSIONIDxxxx**\nTechnical cookie for the management of interactions with users\n\n\
                 **Part of the announcement**\n![zlig announcement](/a.png)\n"
            ),
            vec![
                "赫尔辛基教育部门数据泄露与远程访问漏洞有关\n初步调查发现，数据泄露可能是由于漏洞造成的。",
                "Published December 15, 2022",
                "ASPSESSIONIDxxxx\nTechnical cookie for the management of interactions with users",
                "Part of the announcement  zlig announcement",
            ]
        );
        // Bold words that begin a sentence run on into it; a value ending with an
        // abbreviation's stop is a value.
        assert_eq!(
            texts(
                "It failed on the first attempt.\n**But then**\nthe production server crashed, and everyone was paged at once.\n\n\
                 教训很简单：\n**永远不要信任用户输入**\n，尤其是当它到达解析器时，后果可能非常严重。\n\n\
                 **Vendor**\nAcme Inc.\n"
            ),
            vec![
                "It failed on the first attempt. But then the production server crashed, and everyone was paged at once.",
                "教训很简单：永远不要信任用户输入 ，尤其是当它到达解析器时，后果可能非常严重。",
                "Vendor Acme Inc.",
            ]
        );
        // Over code written without a fence, a label is a line of its own.
        assert_eq!(
            texts("**Install the packages**\nsudo apt update\nsudo apt install -y nginx\nsudo systemctl enable nginx\nsudo systemctl start nginx\n"),
            vec!["Install the packages\nsudo apt update\nsudo apt install -y nginx\nsudo systemctl enable nginx\nsudo systemctl start nginx"]
        );
    }

    #[test]
    fn a_link_split_by_blank_lines_is_one_link_again() {
        let md = "Products\n\n[IDA Pro\n\nState-of-the-art, binary code analysis tool](https://hex-rays.com/ida-pro)\n\n[IDA Home\n\nAffordable tool](https://hex-rays.com/ida-home)\n\n[a note\n\nthat says no link.\n\n```\n[x\n\ny](z)\n```\n";
        assert_eq!(
            split_links_joined(md),
            "Products\n\n[IDA Pro State-of-the-art, binary code analysis tool](https://hex-rays.com/ida-pro)\n\n[IDA Home Affordable tool](https://hex-rays.com/ida-home)\n\n[a note\n\nthat says no link.\n\n```\n[x\n\ny](z)\n```\n"
        );
        // As blocks: two links (navigation), no text `[IDA Pro`.
        let b = blocks(md);
        assert!(b.iter().all(|b| !b.text.contains("[IDA")), "{b:?}");
        assert_eq!(b.iter().filter(|b| b.link_weight > 0).count(), 2);
        // A row of cards, each a heading and a call split by blank lines, the next card
        // opening after the last one's link (`…](/a)[## B`): a paragraph each, without
        // the heading's marks; a card cut short stays a line of its own. A card inside a
        // list item keeps its indent.
        let row = "[## Bank strengthens its reporting\n\nRead Now\n\n![](/a.png)](/stories/bank)[## Holding extends to the cloud\n\nRead Now\n\n![](/b.png)](/stories/holding)[## Communisis modernizes\n\nRead Now\n\n![](/c.p...\n\n* [Docs](/docs)\n\n  [Blog\n\n  Insights and updates](/blog)\n";
        assert_eq!(
            split_links_joined(row),
            "[Bank strengthens its reporting Read Now ![](/a.png)](/stories/bank)\n\n[Holding extends to the cloud Read Now ![](/b.png)](/stories/holding)\n\n[## Communisis modernizes\n\nRead Now\n\n![](/c.p...\n\n* [Docs](/docs)\n\n  [Blog Insights and updates](/blog)\n"
        );
        let b = blocks(row);
        assert!(b.iter().all(|b| !b.text.contains("Read Now ##")), "{b:?}");
    }

    #[test]
    fn two_bold_spans_written_without_a_space_are_one() {
        let md = "**1****、什么是硬件钱包**\n\n## **INTRODUCTION****:**\n\n**SAP****_CUST Client Copy Profile**\n\n****分享最多=赠书一本+****包邮********\n\n`a****b` and x****y\n\n```\nprint(a****b)\n```\n\nKey sk-kqfq****czha here.\n";
        assert_eq!(
            glued_strong(md),
            "**1、什么是硬件钱包**\n\n## **INTRODUCTION:**\n\n**SAP_CUST Client Copy Profile**\n\n****分享最多=赠书一本+****包邮********\n\n`a****b` and x****y\n\n```\nprint(a****b)\n```\n\nKey sk-kqfq****czha here.\n"
        );
        let b = blocks(md);
        assert_eq!(
            b.iter()
                .take(4)
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>(),
            [
                "1、什么是硬件钱包",
                "INTRODUCTION:",
                "SAP_CUST Client Copy Profile",
                "分享最多=赠书一本+包邮"
            ]
        );
    }

    #[test]
    fn images_in_a_fence_left_open_go() {
        let md = "Steps.\n\n```\nShare\n\n![](https://mc.yandex.ru/watch/54912310)\n";
        assert_eq!(unclosed_fence_images(md), "Steps.\n\n```\nShare\n\n");
        // A closed fence keeps its lines, and so does a longer fence that a shorter one
        // inside it does not close; an image beside text is no image alone.
        for md in [
            "```\n![](a.png)\n```\n",
            "````\n```\n![](a.png)\n````\n",
            "```\nSee ![](a.png) here\n",
        ] {
            assert_eq!(unclosed_fence_images(md), md);
        }
        assert_eq!(
            unclosed_fence_images("~~~~\n```\n![](a.png)\n"),
            "~~~~\n```\n"
        );
    }

    #[test]
    fn fences_nested_in_a_fence_keep_the_code_and_the_page_after_it() {
        // An advisory's `<pre>` holding fenced code of its own, the converter's fences
        // the same length as the advisory's: the footer after it is text, not code.
        let md = "# Bangresto 1.0 - SQL Injection\n\n```\n## Exploit Title: Bangresto 1.0 - SQL Injection\n## Description:\nThe `stuff` parameter is vulnerable.\n\n```MySQL\n---\nParameter: stuff (GET)\n---\n```\n\n## Reproduce:\n[href](https://github.com/x/y)\n```\n\n* [Terms](/terms)\n* [Privacy](/privacy)\n";
        assert_eq!(
            nested_fences(md),
            md.replacen("\n```\n## Exploit", "\n````\n## Exploit", 1)
                .replacen(
                    "(https://github.com/x/y)\n```\n",
                    "(https://github.com/x/y)\n````\n",
                    1
                )
        );
        assert_eq!(
            render(&blocks(md), Output::Text),
            "Bangresto 1.0 - SQL Injection\n\n## Exploit Title: Bangresto 1.0 - SQL Injection\n## Description:\nThe `stuff` parameter is vulnerable.\n\n```MySQL\n---\nParameter: stuff (GET)\n---\n```\n\n## Reproduce:\n[href](https://github.com/x/y)\n\nTerms\nPrivacy\n"
        );
        // An inner fence closed by a longer run: the outer one outgrows it.
        assert_eq!(
            nested_fences("```\n```sql\nselect 1;\n`````\nend\n```\n\nShare\n"),
            "``````\n```sql\nselect 1;\n`````\nend\n``````\n\nShare\n"
        );
        // Tildes, CRLF line ends, an indented outer fence.
        assert_eq!(
            nested_fences("~~~\r\n~~~ini\r\na=1\r\n~~~\r\n~~~\r\nmenu\r\n"),
            "~~~~\r\n~~~ini\r\na=1\r\n~~~\r\n~~~~\r\nmenu\r\n"
        );
        assert_eq!(
            nested_fences("  ```\n```md\nx\n```\n ```\nmenu\n"),
            "  ````\n```md\nx\n```\n ````\nmenu\n"
        );
        // Fences that close as CommonMark reads them, a page cut short inside its code
        // (also after a fence naming a language that nothing closed), and a fence naming
        // a language that holds another are left alone.
        for md in [
            "```\nA\n```\n\n```python\nprint(1)\n```\n",
            "````\n```MySQL\nselect 1;\n```\n````\n",
            "text\n```\ncode\n```\n\n```python\nprint(1)\n```MySQL\nand the page cut sh",
            "```\nA\n```\ntext\n```\nB\n",
            "```py\na\n\nprose one\n\n```js\nb\n```\n\nprose two\n\n```\ntruncated code",
            "```md\n```sh\nls\n```\n```\nmenu\n",
            // A tutorial showing a fence's lines as code: CommonMark closes every fence
            // (so does the advisory shape followed by a code block of the page's own,
            // which is left as CommonMark reads it).
            "Open a block:\n\n```\n```python\n```\n\nThen close it:\n\n````\n```\n````\n\nThat is all.\n",
            "```\n## Exploit\n```MySQL\nselect 1;\n```\n## Reproduce:\n```\n\n* [Terms](/terms)\n\n```sh\nls\n```\n",
        ] {
            assert_eq!(nested_fences(md), md, "{md:?}");
        }
    }

    #[test]
    fn a_fence_opened_after_text_opens_code() {
        let md = "一个例子: ```html\n<meta http-equiv=\"Content-Security-Policy\">\n```\n\n而eval就是类似于setTimeout这种可以把字符执行的命令。\n\n```php\necho 1;\n```\n";
        assert_eq!(
            render(&blocks(md), Output::Text),
            "一个例子:\n\n<meta http-equiv=\"Content-Security-Policy\">\n\n而eval就是类似于setTimeout这种可以把字符执行的命令。\n\necho 1;\n"
        );
        // A fence quoted inside a sentence is left as it is.
        let quoted = "Write ```rust to open a block.\n\n```rust\nfn f() {}\n```\n";
        assert_eq!(inline_fence_split(quoted), quoted);
    }

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
    fn a_quoted_key_before_a_call_is_code_not_a_link() {
        assert_eq!(
            text("if(s!==![] || localStorage[‘getItem’](‘XsuH’)===null)\n"),
            "if(s!==![] || localStorage[‘getItem’](‘XsuH’)===null)\n"
        );
        assert_eq!(
            text("return String[‘fromCharCode’](\\_Ox38);\n"),
            "return String[‘fromCharCode’](_Ox38);\n"
        );
        assert_eq!(text("el['focus']();\n"), "el['focus']();\n");
        // Links: to an address holding curly quotes, a note's number after a word, a
        // quoted title after a space.
        assert_eq!(
            text("见[〈“公民社会”〉](https://www.rfi.fr/tw/中國/“公民社會”)。\n"),
            "见〈“公民社会”〉。\n"
        );
        assert_eq!(
            text("see tag['x'](https://a.org/‘x’) here\n"),
            "see tag'x' here\n"
        );
        assert_eq!(text("a[‘b\\\\_c’](x)\n"), "a[‘b\\_c’](x)\n");
        assert_eq!(text("as RFC 9110 says[1](#fn1).\n"), "as RFC 9110 says1.\n");
        assert_eq!(
            text("read ['Origins'](https://a.org/o) first.\n"),
            "read 'Origins' first.\n"
        );
    }

    fn text(md: &str) -> String {
        render(&blocks(md), Output::Text)
    }

    #[test]
    fn underscores_commonmark_leaves_as_text_in_chinese_go() {
        assert_eq!(
            unparsed_underline("__小写__。标识符应该全部用小写字母来书写"),
            "小写。标识符应该全部用小写字母来书写"
        );
        assert_eq!(
            unparsed_underline("__（一）旅行。__如果你不知道想干什么"),
            "（一）旅行。如果你不知道想干什么"
        );
        assert_eq!(
            unparsed_underline("创造了新的马拉松纪录 2:01:39__，__成为有史以来第一个"),
            "创造了新的马拉松纪录 2:01:39，成为有史以来第一个"
        );
        assert_eq!(
            unparsed_underline("组织结构图等。（@wuzhenda__ __投稿）"),
            "组织结构图等。（@wuzhenda 投稿）"
        );
        assert_eq!(
            unparsed_underline("分享阅读与思考的专栏。（@fanfeilong** **投稿）"),
            "分享阅读与思考的专栏。（@fanfeilong 投稿）"
        );
        assert_eq!(
            unparsed_underline("调查** ** 这口纸锅是谁造的，纸锅** **上之前"),
            "调查 这口纸锅是谁造的，纸锅上之前"
        );
        for kept in [
            "使用 __name__ 变量，或者__init__方法",
            "__init__的__call__方法",
            "snake__case__name",
            "a ** b ** c",
            "___三个___",
        ] {
            assert_eq!(unparsed_underline(kept), kept);
        }
    }

    #[test]
    fn strong_spans_commonmark_leaves_as_text_lose_their_stars() {
        assert_eq!(
            text("**摘要：**互联网的诞生给人类带来了翻天覆地的变化。\n"),
            "摘要：互联网的诞生给人类带来了翻天覆地的变化。\n"
        );
        assert_eq!(
            text("**一是全面推进严格规范公正文明执法的必然要求。**党的二十大报告强调。\n"),
            "一是全面推进严格规范公正文明执法的必然要求。党的二十大报告强调。\n"
        );
        // Stars the source escaped in runs of one or of three and more are text: a name
        // masked in an indicator list; runs of two are a bold span a converter escaped.
        assert_eq!(
            text("样本名为 \\*\\*卫生院\\*\\*\\*\\*大赔付险登记表.exe，投递方式为邮件附件。\n"),
            "样本名为 **卫生院****大赔付险登记表.exe，投递方式为邮件附件。\n"
        );
        assert_eq!(
            text("类型是 (void \\\\*)ptr 和 \\*\\*加粗\\*\\* 两种。\n"),
            "类型是 (void \\*)ptr 和 加粗 两种。\n"
        );
        assert_eq!(
            text("样本 杭州\\*\\*\\*\\*\\*事务所——工作需求问题汇总.exe 和 (\\*) 通配。\n"),
            "样本 杭州*****事务所——工作需求问题汇总.exe 和 (*) 通配。\n"
        );
        assert_eq!(
            text("Flutter 是一个由 Google 开发的 \\*\\*开源 UI 框架\\*\\*，用于构建跨平台应用。\n"),
            "Flutter 是一个由 Google 开发的 开源 UI 框架，用于构建跨平台应用。\n"
        );
        assert_eq!(
            text("\\*\\*注入JS，构建通信环境（\\*\\*[\\*\\*/resouces/JsEnv.js\\*\\*](https://github.com/j/JsRpc)\\*\\*）\\*\\*\n\n漏洞地址 https://\\*\\*\\*.\\*\\*\\*\\*.\\*\\*\\*.\\*\\*/scm/v1/vendor/\n"),
            "注入JS，构建通信环境（/resouces/JsEnv.js）\n\n漏洞地址 https://***.****.***.**/scm/v1/vendor/\n"
        );
        // Two beside a slash are a comment's or a glob's.
        assert_eq!(
            text("Payload: nocache=9/\\*\\*/oR/\\*\\*/5=5-- for src/\\*\\*/x.js too.\n"),
            "Payload: nocache=9/**/oR/**/5=5-- for src/**/x.js too.\n"
        );
        // A bold path is a span.
        assert_eq!(
            text("读取 \\*\\*/etc/passwd\\*\\* 文件，见 \\*\\*https://x.com/\\*\\* 网站。\n"),
            "读取 /etc/passwd 文件，见 https://x.com/ 网站。\n"
        );
        assert_eq!(unparsed_strong("2**10 is 1024"), "2**10 is 1024");
        assert_eq!(unparsed_strong("x**2 + y**2"), "x**2 + y**2");
        // Opening stars slipped before the comma after a word.
        assert_eq!(
            unparsed_strong("in passato**, i clienti devono installare le patch** per prevenire"),
            "in passato, i clienti devono installare le patch per prevenire"
        );
        assert_eq!(unparsed_strong("a**, 2**"), "a**, 2**");
        // Chinese text set strong right after a section's number.
        assert_eq!(
            text("***1.2*****“顶名车”贷款操作流程**\n"),
            "1.2“顶名车”贷款操作流程\n"
        );
        assert_eq!(unparsed_strong("x**2 + 名**2"), "x**2 + 名**2");
        assert_eq!(
            unparsed_strong("分别有2位考生考获6科5**、6位考生考获5科5**。"),
            "分别有2位考生考获6科5**、6位考生考获5科5**。"
        );
        assert_eq!(
            unparsed_strong("运行p**.bat以启动j**.bat。"),
            "运行p**.bat以启动j**.bat。"
        );
        assert_eq!(
            text("`2**10` 的结果是 1024，`3**5` 的结果是 243\n"),
            "2**10 的结果是 1024，3**5 的结果是 243\n"
        );
        // A label's colon set strong on its own after the strong label.
        assert_eq!(
            text("**Transparency****:**Remember to be honest.\n\n**Stakeholder engagement****/** communication strategy**:** Did you include them?\n"),
            "Transparency:Remember to be honest.\n\nStakeholder engagement/ communication strategy: Did you include them?\n"
        );
        // Ordered items keep their numbers and delimiters; bullets and empty items go.
        assert_eq!(
            text("捐款方法：\n\n1) 銀行轉賬\n2) 新增Paypal帳戶\n3) 支票\n\n注：用第3種方法請寄支票。\n\n3. 第三步\n4.\n5. 第五步\n\n- 要點\n"),
            "捐款方法：\n\n1) 銀行轉賬\n2) 新增Paypal帳戶\n3) 支票\n\n注：用第3種方法請寄支票。\n\n3. 第三步\n5. 第五步\n要點\n"
        );
        // Empty spans inside words go; rules of stars stay.
        assert_eq!(
            unparsed_strong("现代和起亚表示********正在进行软件升级"),
            "现代和起亚表示正在进行软件升级"
        );
        assert_eq!(
            unparsed_strong("现开启活动**第二弹【****不止漏洞奖励】**，提供更多玩法"),
            "现开启活动第二弹【不止漏洞奖励】，提供更多玩法"
        );
        assert_eq!(
            unparsed_strong("****一年**智联联盟学员成长计划的使用权限**"),
            "一年智联联盟学员成长计划的使用权限"
        );
        assert_eq!(
            unparsed_strong("****首战********芯片********英伟达********，********小试牛刀"),
            "首战芯片英伟达，小试牛刀"
        );
        assert_eq!(
            unparsed_strong("以下为本期****《深蓝洞察 | 2024 年度安全报告》****的**第八篇**。"),
            "以下为本期《深蓝洞察 | 2024 年度安全报告》的第八篇。"
        );
        assert_eq!(
            unparsed_strong("******1、************北京九思协同软件有限公司OA协同办公系统存在任意文件读取漏洞******"),
            "1、北京九思协同软件有限公司OA协同办公系统存在任意文件读取漏洞"
        );
        assert_eq!(
            unparsed_strong("******2、************用友NC存在SQL注入漏洞"),
            "2、用友NC存在SQL注入漏洞"
        );
        assert_eq!(
            unparsed_strong("****5678 is the card"),
            "****5678 is the card"
        );
        assert_eq!(
            unparsed_strong("******1、************Adobe Animate空指针解引用漏洞******"),
            "1、Adobe Animate空指针解引用漏洞"
        );
        assert_eq!(
            unparsed_strong("1、******Adobe Animate越界写入漏洞（CNVD-2024-48896）"),
            "1、Adobe Animate越界写入漏洞（CNVD-2024-48896）"
        );
        assert_eq!(unparsed_strong("I****mplementation"), "I****mplementation");
        assert_eq!(
            unparsed_strong("sk-kqfqnd************czhaoxnsc"),
            "sk-kqfqnd************czhaoxnsc"
        );
        assert_eq!(unparsed_strong("密码是****。"), "密码是****。");
        assert_eq!(
            unparsed_strong("**************** calculate price"),
            "**************** calculate price"
        );
        assert_eq!(unparsed_strong("a **** b"), "a **** b");
        assert_eq!(unparsed_strong("a ** b ** c"), "a ** b ** c");
        assert_eq!(
            unparsed_strong("**搜狐极昼工作室出品 **"),
            "搜狐极昼工作室出品 "
        );
        assert_eq!(
            unparsed_strong("严搏非说：“今天，** 当所有的神圣事物都消失**，人们”"),
            "严搏非说：“今天， 当所有的神圣事物都消失，人们”"
        );
        assert_eq!(
            unparsed_strong("“错”****？有点烦躁。****。。"),
            "“错”？有点烦躁。。。"
        );
        assert_eq!(unparsed_strong("**  END  **"), "**  END  **");
        assert_eq!(
            markdown_unescaped("图片 \\| 刘静 \\[图源\\] a\\\\|b C:\\Users"),
            "图片 | 刘静 [图源] a\\|b C:\\Users"
        );
        assert_eq!(
            unparsed_strong("**冻结金额：7000万\n** 调查方向：洗黑钱"),
            "冻结金额：7000万\n调查方向：洗黑钱"
        );
        assert_eq!(unparsed_strong("x**2 + y**2"), "x**2 + y**2");
        // An empty span closing a line of Chinese text, or opening one before a Latin
        // word; a mask after a colon or between Latin letters stays.
        assert_eq!(
            unparsed_strong("作者 | 周永亮编辑| 郑玄****"),
            "作者 | 周永亮编辑| 郑玄"
        );
        assert_eq!(
            unparsed_strong("2022年12月 · 重庆站（暂定）****\n下一行"),
            "2022年12月 · 重庆站（暂定）\n下一行"
        );
        assert_eq!(unparsed_strong("选择回港教学 ****"), "选择回港教学 ");
        assert_eq!(unparsed_strong("****NO.9避免数字痕迹"), "NO.9避免数字痕迹");
        assert_eq!(
            unparsed_strong("账号：admin 密码：****"),
            "账号：admin 密码：****"
        );
        assert_eq!(
            unparsed_strong("mr.mansoori@yahoo.com ****"),
            "mr.mansoori@yahoo.com ****"
        );
        assert_eq!(unparsed_strong("密码是****"), "密码是****");
        assert_eq!(unparsed_strong("联系人：张****"), "联系人：张****");
        assert_eq!(
            unparsed_strong("这句话被翻译成****：“迟到的正义也是正义”****"),
            "这句话被翻译成：“迟到的正义也是正义”"
        );
        // Inside a strong span, where two spans met; outside one, a mask.
        assert_eq!(
            text("La funzionalità **Contact For****m** che mette.\n"),
            "La funzionalità Contact Form che mette.\n"
        );
        assert_eq!(
            text("senza **controlli****di integrità.** Fine\n"),
            "senza controllidi integrità. Fine\n"
        );
        assert_eq!(
            text("Key sk-kqfq****czha here.\n"),
            "Key sk-kqfq****czha here.\n"
        );
    }

    #[test]
    fn a_record_written_a_field_a_line_keeps_its_lines() {
        // An advisory's fields, an HTTP request and a Chinese record, each one paragraph.
        assert_eq!(
            text("Threat: Trojan.Win32\nFamily: Agent\nType: PE64\nExploit/PoC:\nC:\\>curl x\n"),
            "Threat: Trojan.Win32\nFamily: Agent\nType: PE64\nExploit/PoC:\nC:>curl x\n"
        );
        assert_eq!(
            text("POST /login.php HTTP/1.1\nHost: localhost\nAccept: \\*/\\*\n"),
            "POST /login.php HTTP/1.1\nHost: localhost\nAccept: */*\n"
        );
        assert_eq!(
            text("利用条件：无权限要求\n交互要求：0-click\n漏洞危害：高危\n"),
            "利用条件：无权限要求\n交互要求：0-click\n漏洞危害：高危\n"
        );
        // Wrapped prose with one label, a clock or an address, and labels without their
        // values (`点赞：` over its count) are joined as before.
        assert_eq!(
            text("Note: the attack ran from\n10:30 until noon, see\nhttps://example.com for\nthe details.\n"),
            "Note: the attack ran from 10:30 until noon, see https://example.com for the details.\n"
        );
        assert_eq!(
            text("点赞：\n10\n评论：0\n收藏：\n0\n"),
            "点赞： 10 评论：0 收藏： 0\n"
        );
        // Labels alone with their values on the next line count as fields.
        assert_eq!(
            text("Title: Upload flaw in signup.php\nVendor:\nneedyamin\nVendor Link:\nhttps://github.com/needyamin/\nAffected Components:\nsignup.php\n"),
            "Title: Upload flaw in signup.php\nVendor:\nneedyamin\nVendor Link:\nhttps://github.com/needyamin/\nAffected Components:\nsignup.php\n"
        );
        assert_eq!(
            text("The patch changes the\nfollowing:\nthe parser reads the\nheader first.\n"),
            "The patch changes the following: the parser reads the header first.\n"
        );
        // Two lines, each a field: a message's header in emphasis, a link and its code.
        assert_eq!(
            text("*From*: \"Stefan Kanthak\" <stefan.kanthak () nexgo de>\n*Date*: Fri, 10 Feb 2023 14:22:42 +0100\n"),
            "From: \"Stefan Kanthak\" <stefan.kanthak () nexgo de>\nDate: Fri, 10 Feb 2023 14:22:42 +0100\n"
        );
        assert_eq!(
            text("链接：https://pan.baidu.com/s/1ZMG\n提取码：541r\n"),
            "链接：https://pan.baidu.com/s/1ZMG\n提取码：541r\n"
        );
        assert_eq!(
            text("name: Checkout Code\nuses: actions/checkout@v2\n"),
            "name: Checkout Code\nuses: actions/checkout@v2\n"
        );
        assert_eq!(
            text("Public consultation: Planned for Q4 2024.\n公众咨询：计划于 2024 年第四季度进行。\n"),
            "Public consultation: Planned for Q4 2024.\n公众咨询：计划于 2024 年第四季度进行。\n"
        );
        // A line of prose over a field is joined, and a sentence wrapped after a label
        // and before a colon.
        assert_eq!(
            text("The tool reads the file and\nNote: it never writes.\n"),
            "The tool reads the file and Note: it never writes.\n"
        );
        assert_eq!(
            text("Update: the vendor released a patch on Monday that fixes\nthe bug: users should upgrade.\n"),
            "Update: the vendor released a patch on Monday that fixes the bug: users should upgrade.\n"
        );
        assert_eq!(
            text("Update: the vendor offers two\nworkarounds: disable the service or upgrade.\n"),
            "Update: the vendor offers two workarounds: disable the service or upgrade.\n"
        );
    }

    #[test]
    fn reference_marks_and_a_wikis_edit_links_go() {
        // As text, glued after punctuation or a CJK character; as links within the page;
        // a wiki's edit link in its brackets; a note's arrow back.
        assert_eq!(
            glued_reference_marks(
                "是中国第一所国立综合性大学。[1][2] 学校现有教职工两万余人。[2-3]"
            ),
            "是中国第一所国立综合性大学。学校现有教职工两万余人。"
        );
        assert_eq!(glued_reference_marks("的文章[1] ，写了"), "的文章，写了");
        assert_eq!(
            glued_reference_marks(
                "德国自2019年[14]起 and free.[^3] Next, the end.[citation needed]"
            ),
            "德国自2019年起 and free. Next, the end."
        );
        for kept in [
            "[3][4] 11省份上调2021年最低工资标准",
            "The array[1] holds f()[0] and x[2], see [1] or [the docs](x).[1](y)",
            "注释 [4] 。",
        ] {
            assert_eq!(glued_reference_marks(kept), kept);
        }
        let md = "# Mozilla\n\n## History[[edit](/w/index.php?title=Mozilla&action=edit&section=1)]\n\nMozilla is a free-software community created by members of Netscape.[[1]](#cite_note-1) It is supported by the Mozilla Foundation.[[2]](#cite_note-2)[[3]](#cite_note-3) See [[1]](https://example.com/one).\n\n1. **[^](#cite_ref-1)** \"Mozilla Manifesto\". Retrieved 2015-05-20.\n";
        let texts: Vec<String> = blocks(md).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "Mozilla",
                "History",
                "Mozilla is a free-software community created by members of Netscape. It is supported by the Mozilla Foundation. See [1].",
                "\"Mozilla Manifesto\". Retrieved 2015-05-20."
            ]
        );
    }

    #[test]
    fn stars_left_of_a_broken_span_go() {
        assert_eq!(
            stray_strong("145万元： **** 在16人在囚期间"),
            "145万元： 在16人在囚期间"
        );
        assert_eq!(
            stray_strong("农耕环境变差 **** 内地平货竞争大"),
            "农耕环境变差 内地平货竞争大"
        );
        assert_eq!(stray_strong("不思蜀的原因 **** 9"), "不思蜀的原因 9");
        assert_eq!(
            stray_strong("4) 谈港独的盲人摸象 ｜吴尚水**"),
            "4) 谈港独的盲人摸象 ｜吴尚水"
        );
        assert_eq!(
            stray_strong("（6000 + 87）X 20万＝～$12亿**"),
            "（6000 + 87）X 20万＝～$12亿"
        );
        for kept in [
            "电话 138****1234",
            "密码：****",
            "验证码：**",
            "中文科考获5**",
            "2**10 = 1024",
            "Repeat **",
            "Repeat**",
            "a **** b",
            "**粗体**",
            "**",
        ] {
            assert_eq!(stray_strong(kept), kept);
        }
    }

    #[test]
    fn a_line_that_is_an_image_alone_breaks_the_paragraph() {
        // Two steps with their screenshot between them, one `<p>` with `<br>`s.
        assert_eq!(
            text("启动后防火墙也会放行该端口\n[![1](https://e.com/1.png)](https://e.com/1.png)\n设置启用监听\n"),
            "启动后防火墙也会放行该端口\n设置启用监听\n"
        );
        assert_eq!(
            text("First step.\n![](https://e.com/1.png)\n![](https://e.com/2.png)\nSecond step.\n"),
            "First step.\nSecond step.\n"
        );
        // An image inside a line, or a line with text beside its image, joins as before.
        assert_eq!(
            text("点击![](https://e.com/i.png)按钮\n然后保存\n"),
            "点击按钮然后保存\n"
        );
        assert_eq!(
            text("See the chart\n![](https://e.com/c.png) below\nfor the figures.\n"),
            "See the chart below for the figures.\n"
        );
    }

    #[test]
    fn a_setext_heading_of_several_lines_is_its_paragraph_and_its_last_line() {
        // A page converted without blank lines: the paragraph runs into the heading's
        // underline; only its last line is the heading.
        let b = blocks("于是想着那干脆从流量层面看看吧\n搜索也没有\n0x02 流量侧心酸突破历程\n--------------\n直接设置系统代理\n");
        let kinds: Vec<(Kind, &str)> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Paragraph, "于是想着那干脆从流量层面看看吧搜索也没有"),
                (Kind::Heading(2), "0x02 流量侧心酸突破历程"),
                (Kind::Paragraph, "直接设置系统代理"),
            ]
        );
        // One line over its underline is a heading as before; a record's fields over a
        // `---` stay one block, a field a line.
        let b = blocks("Title\n=====\n");
        assert_eq!((b[0].kind, b[0].text.as_str()), (Kind::Heading(1), "Title"));
        assert_eq!(
            text("Type: time-based blind\nTitle: MySQL >= 5.0.12 AND time-based blind\nPayload: name=x' AND SLEEP(5)\n---\n"),
            "Type: time-based blind\nTitle: MySQL >= 5.0.12 AND time-based blind\nPayload: name=x' AND SLEEP(5)\n"
        );
    }

    #[test]
    fn a_field_line_has_a_short_label_and_a_value() {
        for l in [
            "Vuln ID: MVID-2022-0654",
            "作者：张三",
            "GET / HTTP/1.1",
            "HTTP/1.0 200 OK",
            "sec-ch-ua-mobile: ?0",
        ] {
            assert!(field_line(l), "{l}");
        }
        for l in [
            "Exploit/PoC:",
            "点赞：",
            "10:30 until noon",
            "https://example.com",
            "The researchers who found the flaw said: it is bad",
            "GET the details",
        ] {
            assert!(!field_line(l), "{l}");
        }
    }

    #[test]
    fn markdown_becomes_text() {
        assert_eq!(
            text("# 标题\n\n**粗体** 和 [链接](http://x) 和 ![图说](a.jpg)\n- 项目"),
            "标题\n\n粗体 和 链接 和 图说\n\n项目\n"
        );
    }

    #[test]
    fn an_image_named_by_its_file_name_says_nothing() {
        assert_eq!(
            text("大会开幕。\n\n![图片1.png](https://x.org/1.png)\n\n![图为会场](https://x.org/2.png)\n"),
            "大会开幕。\n\n图为会场\n"
        );
    }

    #[test]
    fn php_tags_inside_prose_stay() {
        assert_eq!(
            text("首先在文本文档里写入<?php phpinfo();?>文件后缀修改为.jpg\n"),
            "首先在文本文档里写入<?php phpinfo();?>文件后缀修改为.jpg\n"
        );
    }

    #[test]
    fn nested_image_links_multi_line_links_and_shortcodes() {
        assert_eq!(
            text("[![Logo](img.png)](https://x.org)\n\n看[多行\n链接](http://a)文字\n\n{{< video src=\"a.mp4\" >}}\n\nRead [the\nguide](http://g) now\n"),
            "看多行链接文字\n\nRead the guide now\n"
        );
    }

    #[test]
    fn identifiers_urls_and_ideographic_spaces_stay() {
        assert_eq!(
            text(
                "　　call `__init__` or __init__ at https://mp.weixin.qq.com/s?__biz=MjM5&mid=1\n"
            ),
            "　　call __init__ or __init__ at https://mp.weixin.qq.com/s?__biz=MjM5&mid=1\n"
        );
    }

    #[test]
    fn payloads_a_report_quotes_stay_markup_goes() {
        assert_eq!(
            text("The payload t8xqv<script>alert(1)</script>uou2q came back; so did giflc<img src=a onerror=alert(1)>c0yu0, <svg/onload=alert(document.domain)> and <a href=\"javascript:alert(1)\">x</a>, but <span class=\"note\">plain</span> and <font color=\"red\">red</font> went.\n"),
            "The payload t8xqv<script>alert(1)</script>uou2q came back; so did giflc<img src=a onerror=alert(1)>c0yu0, <svg/onload=alert(document.domain)> and <a href=\"javascript:alert(1)\">x</a>, but plain and red went.\n"
        );
    }

    #[test]
    fn placeholders_in_angle_brackets_stay_tags_go() {
        assert_eq!(
            text("SELECT * FROM <table-name>; the host was <rental-service>.<airlineprovider>.sec, by Nick Cottrell <Rad10Logic>; <span class=\"x\">bold</span> and <font color=red>red</font><!-- c --><x-card data-id=\"1\">. <figcapture>A caption</figcapture>\n"),
            "SELECT * FROM <table-name>; the host was <rental-service>.<airlineprovider>.sec, by Nick Cottrell <Rad10Logic>; bold and red. A caption\n"
        );
    }

    #[test]
    fn tags_a_sentence_names_stay_markup_goes() {
        // Set apart, bare, never closed; or quoted with curly quotes: said. Glued to a
        // word, closed on the page (in any case), or a line break: markup.
        assert_eq!(
            text("Pandoc renders <iframe> tags, 如 <style>、<noscript> 等标签, an <embed src=“/etc/passwd”> payload and the <img> tag; but x<iframe>y, <hr> and <em>said</em>.\n"),
            "Pandoc renders <iframe> tags, 如 <style>、<noscript> 等标签, an <embed src=“/etc/passwd”> payload and the <img> tag; but xy,  and said.\n"
        );
        // An element HTML leaves unclosed is markup unless a list or a lower-case word
        // follows it; a name in capitals is a placeholder; a curly apostrophe inside a
        // value quoted as HTML quotes is markup's.
        assert_eq!(
            text("text <p>\nNext line, 标签<p>、<code>等, the <p> element, run -o <Option>, a <a href=\"https://x.org\" title=\"Don’t click\">link</a>, <IFRAME> closed by </iframe>, HTML 中的 <p> 标签，<li>元素, use <td>.\n"),
            "text Next line, 标签<p>、<code>等, the <p> element, run -o <Option>, a link,  closed by , HTML 中的 <p> 标签，<li>元素, use <td>.\n"
        );
    }

    #[test]
    fn a_formulas_stars_stay_emphasis_in_words_goes() {
        assert_eq!(
            text("Gi=Ei/40*E*20%+Pi/40*P*20%，其中 *重点* 和 a *word* here 与**加粗**内容\n"),
            "Gi=Ei/40*E*20%+Pi/40*P*20%，其中 重点 和 a word here 与加粗内容\n"
        );
    }

    #[test]
    fn links_the_parser_refused_are_reduced_too() {
        assert_eq!(
            text("作者為 [關注組](https://x.org/ HKVTCG/) 召集人\n\n注[1](见下)\n"),
            "作者為 關注組 召集人\n\n注1\n"
        );
    }

    #[test]
    fn tables_and_lists() {
        assert_eq!(
            text("| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n  - inner\n"),
            "a | b\n1 | 2\n\none\ntwo\ninner\n"
        );
    }

    #[test]
    fn task_list_boxes_are_not_text() {
        let md = "- [ ] [Update Fri Jul  5](https://github.com/a/b)\n- [x] done\n";
        assert_eq!(text(md), "Update Fri Jul  5\ndone\n");
        assert_eq!(
            render(&blocks(md), Output::Markdown),
            "- [ ] [Update Fri Jul  5](https://github.com/a/b)\n- [x] done\n"
        );
    }

    #[test]
    fn comments_of_unfenced_code_stay_comments_and_headings_stay_headings() {
        let code = "Intro.\n\n# Exploit Title: DiskBoss 7.4.28\n# Date: 2025-05-05\n#!/usr/bin/python\nimport socket\noffset = b\"A\"*2455\nseh = struct.pack(b\"<I\",0x10016A70)\n# msfvenom -p windows/shell_reverse_tcp\nshellcode = b\"\"\n";
        assert_eq!(
            code_comments(code),
            "Intro.\n\n\\# Exploit Title: DiskBoss 7.4.28\n\\# Date: 2025-05-05\n#!/usr/bin/python\nimport socket\noffset = b\"A\"*2455\nseh = struct.pack(b\"<I\",0x10016A70)\n\\# msfvenom -p windows/shell_reverse_tcp\nshellcode = b\"\"\n"
        );
        // A heading between blank lines, one over prose, and one beside a paragraph
        // that is no program stay headings.
        for md in [
            "Text.\n\n# Setup\n\nimport os\nx = 1\ny = 2\nprint(x)\n",
            "# Hacking Try\nThe page renders the Markdown a user sends (x = 1).\n",
            "If you are not root\nthe tool stops here\nand says so\n# Checking the capability\ncaps = read(x)\n",
        ] {
            assert_eq!(code_comments(md), md);
        }
        // A block's `end` is a line of code: the comment under it is the program's.
        assert_eq!(
            code_comments(
                "unless is_root?\n  return Safe\nend\n# Checking the capability\ncaps = read(x)\n"
            ),
            "unless is_root?\n  return Safe\nend\n\\# Checking the capability\ncaps = read(x)\n"
        );
    }
}
