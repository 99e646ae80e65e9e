//! Boilerplate learned from the archive: lines that many documents of the record's
//! source hold (appeals, bios, footers, share prompts, "related" lists) are removed,
//! using the host's corpus statistics (ABI 1.1) instead of a lexicon.
//!
//! Boilerplate is held by more documents than the article around it. A document's
//! *copies* ([`own_text_documents`]) is how many documents hold its own text: the count
//! that the most shared quarter of its paragraphs (lines longer than a title, not
//! boilerplate anywhere) reaches, by characters — 1 for an article of its own, 3 for one
//! of three versions of an article. No line held by `copies` documents or fewer is
//! removed.
//!
//! - Anywhere in a document, a line goes when at least `max(min_docs, ⌈min_share ×
//!   documents of the source⌉)` documents of its source hold it; in a source of fewer
//!   documents than that (five or more), when every one of them holds it (not the
//!   document's first line, a label or a line of a few letters and figures).
//! - At the document's edges (its first and last lines, where sites put bylines, bios,
//!   appeals and link lists), a run of lines each held by at least `max(edge_min_docs,
//!   2 × copies)` documents goes — as long as the run is at most a third of the
//!   document's text, so a page whose whole text repeats (a copy of another page) is
//!   left alone, and the paragraphs that versions of one article share stay — also at
//!   an edge, when a paragraph inside the document (between lines of its own) is held
//!   by as many documents (the older entries at the end of a live report).
//!
//! Lines are whole lines (compared as the host normalises them): a phrase repeated
//! inside a sentence never matches. A "related articles" list goes with the edge it
//! stands at; in the middle of a document, short lines a few documents share are
//! text (the headlines of a news summary recur from day to day).

use std::collections::HashMap;

use wenku_plugin::Corpus;

use crate::block::letters;

/// A line longer than this is a paragraph (not a title, caption or list item).
pub const PARAGRAPH_MIN_CHARS: usize = 50;

/// Fewest documents of a source for a line that every one of them holds to be the
/// source's boilerplate anywhere ([`remove_repeated_except`]).
pub const SMALL_SOURCE_MIN_DOCS: u64 = 5;

/// Fewest letters of a line that every document of a small source holds, for it to be
/// the source's boilerplate ([`SMALL_SOURCE_MIN_DOCS`]).
const EVERY_LINE_MIN_LETTERS: usize = 6;

/// When a line counts as repeated boilerplate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Anywhere: at least this many documents of the source hold the line…
    pub min_docs: u64,
    /// …and at least this share of the source's documents.
    pub min_share: f64,
    /// At the edges of a document: at least this many documents hold each line.
    pub edge_min_docs: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_docs: 20,
            min_share: 0.05,
            edge_min_docs: 3,
        }
    }
}

impl Thresholds {
    /// The thresholds a plugin config sets (`repeat_min_docs`, `repeat_min_share`,
    /// `repeat_edge_min_docs`), the defaults for the rest.
    pub fn from_config(config: &wenku_plugin::Config) -> Result<Thresholds, String> {
        let d = Thresholds::default();
        let docs = |key: &str, default: u64| match config.get(key) {
            Some(v) => v
                .parse::<u64>()
                .map_err(|_| format!("{key}={v:?} is not a whole number of documents")),
            None => Ok(default),
        };
        let min_share = match config.get("repeat_min_share") {
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|x| (0.0..=1.0).contains(x))
                .ok_or_else(|| format!("repeat_min_share={v:?} is not a share between 0 and 1"))?,
            None => d.min_share,
        };
        Ok(Thresholds {
            min_docs: docs("repeat_min_docs", d.min_docs)?,
            min_share,
            edge_min_docs: docs("repeat_edge_min_docs", d.edge_min_docs)?,
        })
    }

    /// The number of documents that makes a line boilerplate anywhere in a source of
    /// `documents`.
    pub fn needed(&self, documents: u64) -> u64 {
        let share = (self.min_share * documents as f64).ceil() as u64;
        self.min_docs.max(share).max(2)
    }
}

/// A line removed because it repeats across the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub line: String,
    /// Documents of the source that hold it.
    pub documents: u64,
    /// Which rule removed it: `repeated` or `edge`.
    pub rule: &'static str,
}

/// `text` without the lines that repeat across its source, and what went. A line that
/// is the document's `title` is its own text to the edge rule (a heading that
/// versions of an article share); the same title on every page of a site (`《新闻联播》
/// (20220924)`) is boilerplate like any other line.
pub fn remove_repeated(
    text: &str,
    title: Option<&str>,
    corpus: &Corpus,
    t: Thresholds,
) -> (String, Vec<Removed>) {
    remove_repeated_wrapped(text, title, corpus, t, None)
}

/// Whether `line` names a quote's source: a dash (`--`, `——`, `—`, `―`) and a short
/// name after it, no dash closing it (`—— 往期推荐 ——` is a heading).
fn quote_source(line: &str) -> bool {
    let Some(rest) = ["--", "——", "—", "―"]
        .iter()
        .find_map(|d| line.strip_prefix(d))
    else {
        return false;
    };
    let name = rest.trim_start();
    name.chars().next().is_some_and(char::is_alphanumeric)
        && name.chars().count() <= 40
        && !name.ends_with(['-', '—', '―'])
}

/// [`remove_repeated`] on the text made from `source` (the document as written, before
/// parsing): a line of `text` that is a paragraph `source` wraps over several lines
/// (which the statistics count one by one) is held by as many documents as the fewest
/// of those lines — the bio a column ends with, broken in the middle of a word.
pub fn remove_repeated_wrapped(
    text: &str,
    title: Option<&str>,
    corpus: &Corpus,
    t: Thresholds,
    source: Option<&str>,
) -> (String, Vec<Removed>) {
    remove_repeated_except(text, title, corpus, t, source, &[])
}

/// [`remove_repeated_wrapped`], leaving the lines of `code` (sorted: the trimmed lines of
/// the document's code blocks) where they are: `return;`, `}` and `else:` are in many
/// documents' programs, and a program without them is broken.
pub fn remove_repeated_except(
    text: &str,
    title: Option<&str>,
    corpus: &Corpus,
    t: Thresholds,
    source: Option<&str>,
    code: &[String],
) -> (String, Vec<Removed>) {
    let documents = corpus.source_documents();
    let needed = t.needed(documents);
    let base_edge = t.edge_min_docs.max(2);
    if documents < base_edge {
        return (text.to_string(), Vec::new());
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let in_code = |l: &str| code.binary_search_by(|c| c.as_str().cmp(l.trim())).is_ok();
    // A date alone is held by as many documents as share its shape (the statistics
    // count `2018年4月25日` as `0年0月0日`): it is this document's own line.
    // So is a quote's source under it (`-- Hacker News 读者`): a digest names the same
    // sources week after week.
    let direct: Vec<u64> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let c = l.trim();
            let quoted = || {
                lines[..i]
                    .iter()
                    .rev()
                    .map(|p| p.trim())
                    .find(|p| !p.is_empty())
                    .is_some_and(crate::lines::ends_sentence)
            };
            if c.is_empty()
                || in_code(c)
                || crate::lines::date_line(c)
                || crate::lines::identifier_line(c)
                || (quote_source(c) && quoted())
            {
                0
            } else {
                corpus.line_documents(c)
            }
        })
        .collect();
    // A line no document holds as it is may be a paragraph the source wraps, or lines
    // of the source the parser joined (a list item's paragraphs).
    let mut wrapped: Option<HashMap<String, u64>> = None;
    let mut parts: Option<Vec<(String, u64)>> = None;
    let counts: Vec<u64> = lines
        .iter()
        .zip(&direct)
        .map(|(l, n)| match (n, source) {
            (0, Some(s)) if !l.trim().is_empty() && !in_code(l) => {
                let target = letters(&visible(l.trim()));
                wrapped
                    .get_or_insert_with(|| wrapped_paragraphs(s, corpus))
                    .get(&target)
                    .copied()
                    .or_else(|| {
                        let parts = parts.get_or_insert_with(|| source_lines(s, corpus));
                        joined_count(parts, &target)
                    })
                    .unwrap_or(0)
            }
            _ => *n,
        })
        .collect();
    // The counts the edge and list rules go by: a title is held by this document only.
    let as_own = |counts: &[u64]| -> Vec<u64> {
        lines
            .iter()
            .zip(counts)
            .map(|(l, c)| if is_title(l.trim(), title) { 1 } else { *c })
            .collect()
    };
    let own = as_own(&counts);
    // How many documents hold this document's own text (several versions or copies of
    // one article share their paragraphs): boilerplate is held by more documents. Lines
    // counted as wrapped paragraphs are left out: a menu the source writes one item a
    // line, parsed into one line, is no paragraph that copies of an article share.
    let mut copies = own_text_documents(&lines, &as_own(&direct), needed);
    // A page whose title no other document holds, and each of whose other lines as many
    // documents hold as the edge rule needs, is no copy of them: a page of a site's
    // template and its own title (a stub whose article the capture missed). Copies of an
    // article share its title; a report that reuses another's paragraphs has lines of
    // its own, or lines that only its twin holds.
    let titled_alone = || {
        title.is_some_and(|t| {
            lines.iter().any(|l| is_title(l.trim(), Some(t)))
                && corpus.line_documents(t.trim()) <= 1
        })
    };
    let none_own = || {
        lines
            .iter()
            .zip(&counts)
            .all(|(l, c)| l.trim().is_empty() || *c >= base_edge || is_title(l.trim(), title))
    };
    if copies > 1 && none_own() && titled_alone() {
        copies = 1;
    }
    let edge = base_edge.max(copies.saturating_mul(2));
    let mut rule: Vec<Option<&'static str>> = vec![None; lines.len()];
    // The title on the document's first line stays however many documents hold it: a
    // series' titles differ in their numbers (`每周分享第 48 期`, `《新闻联播》 (20230824)`),
    // which the statistics fold.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    for (i, l) in lines.iter().enumerate() {
        let heading = Some(i) == first && is_title(l.trim(), title);
        // In a source of fewer documents than `needed`, a line every one of them holds
        // (at least [`SMALL_SOURCE_MIN_DOCS`]) is as much the source's own (a site that
        // served its front page for each article's address) — but a label (`Author:`)
        // and a line mostly of figures (`2023-01-04 | CVSS 9.0`, which the statistics
        // count by its shape) are the page's data, and so is its first line (a series'
        // titles differ in their numbers, which the statistics fold).
        let every = documents < needed
            && Some(i) != first
            && documents >= SMALL_SOURCE_MIN_DOCS
            && counts[i] >= documents
            && {
                // Its shown text: link targets and the emphasis around a label
                // (`**Author:**`) left out.
                let shown = visible(l);
                let letters = shown.chars().filter(|c| c.is_alphabetic()).count();
                let digits = shown.chars().filter(|c| c.is_numeric()).count();
                !shown
                    .trim_end()
                    .trim_end_matches(['*', '_'])
                    .ends_with([':', '：'])
                    && letters >= EVERY_LINE_MIN_LETTERS
                    && letters > digits
            };
        if !l.trim().is_empty() && (counts[i] >= needed || every) && counts[i] > copies && !heading
        {
            rule[i] = Some("repeated");
        }
    }
    // An item of the document's own numbered list, and the heading that item names,
    // are the document's lines however many documents hold them.
    let mut listed = own_list_lines(&lines, &rule);
    // So is a section heading the source writes as one (`### 国内联播快讯`) between
    // lines of the document's own: the text it heads (its first line, perhaps a short
    // one) and a paragraph, a sentence or a numbered item before it. Not the title: a
    // site's heading right under it is as often its interface (GitHub's `## Repository
    // files navigation`) as a series' section (`## 新闻摘要`).
    if let Some(source) = source {
        let headings = markdown_headings(source);
        let own = |j: usize| {
            rule[j].is_none() && counts[j] <= copies && !is_title(lines[j].trim(), title)
        };
        for (i, l) in lines.iter().enumerate() {
            if rule[i] != Some("repeated") || listed[i] || !headings.contains(l.trim()) {
                continue;
            }
            let next =
                (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty() && rule[j].is_none());
            let prev = (0..i)
                .rev()
                .find(|&j| !lines[j].trim().is_empty() && rule[j].is_none());
            // What it heads: a line of the document's own, or the first item of a
            // numbered list (`1、 [HTTP Cat](…)`, an item other issues link too).
            let heads = |j: usize| own(j) || numbered(lines[j]).is_some_and(|(n, _, _)| n == 1);
            listed[i] = next.is_some_and(heads)
                && prev.is_some_and(|j| {
                    own(j)
                        && (paragraph_like(lines[j])
                            || sentence(lines[j])
                            || numbered(lines[j]).is_some())
                });
        }
    }
    for (i, keep) in listed.iter().enumerate() {
        if *keep {
            rule[i] = None;
        }
    }
    // The edges: runs of lines held by `edge` documents or more (addresses are no text).
    let chars: Vec<usize> = lines
        .iter()
        .map(|l| visible(l.trim()).chars().count())
        .collect();
    let total: usize = chars.iter().sum();
    let (head_end, tail_start) = edge_runs(&lines, &own, edge);
    // The site's lines right under the title (a magazine's `邮发代号 2-786` / `征订热线：…`,
    // a kicker) are the head as much as lines over it, when as many documents hold them
    // as the common run below asks (a lead that three copies of an article share is no
    // header), up to a section heading: the title is passed over, and stays.
    let titled = |i: usize| is_title(lines[i].trim(), title);
    let head_end = match lines.iter().position(|l| !l.trim().is_empty()) {
        Some(f) if head_end <= f && titled(f) => {
            // A section heading begins the article.
            let headings = source.map(section_headings).unwrap_or_default();
            (f + 1..tail_start)
                .take_while(|&i| {
                    lines[i].trim().is_empty()
                        || (own[i] >= edge
                            && own[i] * 2 >= needed.min(documents)
                            && !headings.contains(lines[i].trim()))
                })
                .last()
                .map_or(head_end, |i| i + 1)
        }
        _ => head_end,
    };
    // The document's own lines: no other document holds them, and not its title.
    let mine: Vec<bool> = lines
        .iter()
        .zip(&counts)
        .map(|(l, c)| !l.trim().is_empty() && *c <= 1 && !is_title(l.trim(), title))
        .collect();
    let (head_end, tail_start) =
        shared_text_at_edges(&lines, &own, &mine, needed, head_end, tail_start);
    for range in [0..head_end.min(tail_start), tail_start..lines.len()] {
        // A run of what many documents hold (a columnist's bio, held by every column of
        // theirs) is weighed without the boilerplate found anywhere beside it (the site's
        // appeals), which would else outweigh a third of a short column; a run of what a
        // few documents share (the captions of photos that three reports carry) is
        // weighed whole.
        let many = range.clone().all(|i| {
            rule[i].is_some()
                || lines[i].trim().is_empty()
                || titled(i)
                || own[i] > ALONE_MAX_DOCUMENTS
        });
        let chars: usize = range
            .clone()
            .filter(|&i| !(titled(i) || many && rule[i].is_some()))
            .map(|i| chars[i])
            .sum();
        // A run each of whose lines half as many documents hold as boilerplate anywhere
        // needs (the bio under every column of a reader's-letters section) goes however
        // short the text above it, as long as some of the document's text stays.
        // (In a source of fewer documents than that, half of its documents.)
        let common = range.clone().all(|i| {
            rule[i].is_some()
                || lines[i].trim().is_empty()
                || titled(i)
                || own[i] * 2 >= needed.min(documents)
        });
        let rest = (0..lines.len())
            .any(|i| !range.contains(&i) && rule[i].is_none() && !lines[i].trim().is_empty());
        if chars * 3 <= total || (common && rest && needed > copies.saturating_mul(2)) {
            for i in range {
                if rule[i].is_none() && !lines[i].trim().is_empty() && !listed[i] && !titled(i) {
                    rule[i] = Some("edge");
                }
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        match rule[i] {
            Some(r) => removed.push(Removed {
                line: l.trim().to_string(),
                documents: counts[i],
                rule: r,
            }),
            None => out.push_str(l),
        }
    }
    if removed.is_empty() {
        return (text.to_string(), removed);
    }
    (tidy_blank_lines(&out), removed)
}

/// A numbered line's number, the style of its marker and the item's text after it:
/// `13.国内联播快讯：` is `(13, "N.", "国内联播快讯：")`; the markers are `N.` `N．` `N、`
/// `N)` `N）` `(N)` `（N）`, the number at most four digits.
fn numbered(line: &str) -> Option<(u32, &'static str, &str)> {
    let t = line.trim();
    let (open, rest) = match t.chars().next()? {
        '(' => ("(", &t[1..]),
        '（' => ("（", &t['（'.len_utf8()..]),
        _ => ("", t),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let n: u32 = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    let close = after.chars().next()?;
    let style = match (open, close) {
        ("", '.') => "N.",
        ("", '．') => "N．",
        ("", '、') => "N、",
        ("", ')') => "N)",
        ("", '）') => "N）",
        ("(", ')') => "(N)",
        ("（", '）') => "（N）",
        _ => return None,
    };
    let item = after[close.len_utf8()..].trim();
    (!item.is_empty()).then_some((n, style, item))
}

/// Whether the Markdown `source` writes `line` as a heading (`### 国内联播快讯`).
pub fn markdown_heading(source: &str, line: &str) -> bool {
    !line.is_empty() && markdown_headings(source).contains(line)
}

/// The section headings of `source`: those it writes as Markdown headings (`### 前言`) and
/// its short bold lines of their own (`**前言**`, at most [`BOLD_HEADING_MAX_CHARS`]
/// characters).
fn section_headings(source: &str) -> std::collections::HashSet<&str> {
    let mut headings = markdown_headings(source);
    for l in source.lines() {
        let inner = l
            .trim()
            .strip_prefix("**")
            .and_then(|t| t.strip_suffix("**"))
            .map(str::trim);
        if let Some(h) = inner.filter(|h| {
            !h.is_empty() && !h.contains('*') && h.chars().count() <= BOLD_HEADING_MAX_CHARS
        }) {
            headings.insert(h);
        }
    }
    headings
}

/// The texts of the Markdown headings `source` writes (`### 国内联播快讯` → `国内联播快讯`).
fn markdown_headings(source: &str) -> std::collections::HashSet<&str> {
    source
        .lines()
        .map(str::trim_start)
        .filter(|t| t.starts_with('#'))
        .map(|t| t.trim_start_matches('#').trim())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A sentence of the document's own before a section heading, however short a paragraph
/// it makes (a digest's note under an item: `本文是一篇科普文章，介绍什么是 Linux 信号，以及
/// 它的基本用法。（@lyhellcat 投稿）`): at least [`SENTENCE_MIN_CHARS`] characters with a
/// sentence's end in them.
fn sentence(line: &str) -> bool {
    let v = visible(line.trim());
    v.chars().count() >= SENTENCE_MIN_CHARS
        && (v.contains(['。', '！', '？']) || v.trim_end().ends_with(['.', '!', '?']))
}

/// Fewest characters of a [`sentence`] before a section heading.
const SENTENCE_MIN_CHARS: usize = 15;

/// A line of prose: longer than a title ([`PARAGRAPH_MIN_CHARS`], addresses not counted).
fn paragraph_like(line: &str) -> bool {
    visible(line.trim()).chars().count() > PARAGRAPH_MIN_CHARS
}

/// [`own_list_lines`] for lines of which `repeated` says which the statistics hold
/// for boilerplate (as a benchmark counts an export's lines).
pub fn listed_lines(lines: &[&str], repeated: &[bool]) -> Vec<bool> {
    let rule: Vec<Option<&'static str>> =
        repeated.iter().map(|r| r.then_some("repeated")).collect();
    own_list_lines(lines, &rule)
}

/// The lines of a document's own numbered list that `rule` would remove as repeated,
/// and the headings those items name: an item numbered in the same style right after
/// or right before an item the document keeps (`12.春和景明 游客尽享浓浓春意；` /
/// `13.国内联播快讯：` / `14.俄罗斯莫斯科州…`) is part of the list, whose numbering
/// would else jump; a short line that says what such an item says (the section heading
/// `国内联播快讯` that the summary's item names) is the section it lists. A list every
/// item of which many documents hold (a footer's numbered links) stays boilerplate.
fn own_list_lines(lines: &[&str], rule: &[Option<&'static str>]) -> Vec<bool> {
    let items: Vec<Option<(u32, &'static str, &str)>> = lines.iter().map(|l| numbered(l)).collect();
    let mut keep = vec![false; lines.len()];
    let kept = |i: usize, keep: &[bool]| rule[i].is_none() || keep[i];
    // The item in the same style next to `i`, after it (`forward`) or before it (other
    // lines between them: sub-items, the text under an item).
    let neighbour = |i: usize, forward: bool| {
        let (_, style, _) = items[i]?;
        let mut j = i;
        loop {
            j = if forward { j + 1 } else { j.checked_sub(1)? };
            match items.get(j)? {
                Some((m, s, _)) if *s == style => return Some((j, *m)),
                _ => {}
            }
        }
    };
    for pass in [false, true] {
        let order: Vec<usize> = match pass {
            false => (0..lines.len()).collect(),
            true => (0..lines.len()).rev().collect(),
        };
        for i in order {
            let Some((n, _, _)) = items[i] else { continue };
            if rule[i].is_none() || keep[i] {
                continue;
            }
            let joins = |forward: bool, keep: &[bool]| {
                neighbour(i, forward).is_some_and(|(j, m)| {
                    kept(j, keep) && if forward { m == n + 1 } else { m + 1 == n }
                })
            };
            if joins(pass, &keep) || joins(!pass, &keep) {
                keep[i] = true;
            }
        }
    }
    let named: Vec<String> = (0..lines.len())
        .filter(|&i| keep[i])
        .filter_map(|i| items[i].map(|(_, _, t)| letters(t)))
        .filter(|w| !w.is_empty())
        .collect();
    if !named.is_empty() {
        for (i, l) in lines.iter().enumerate() {
            if rule[i].is_some() && !keep[i] && items[i].is_none() {
                let w = letters(l.trim());
                keep[i] = !w.is_empty() && named.contains(&w);
            }
        }
    }
    keep
}

/// The paragraphs of `source` written over several lines, as their [`words`], each with
/// the fewest documents that hold one of its lines (lines too short to count left out);
/// only paragraphs whose counted lines other documents all hold.
fn wrapped_paragraphs(source: &str, corpus: &Corpus) -> HashMap<String, u64> {
    let mut out = HashMap::new();
    let mut block: Vec<&str> = Vec::new();
    let mut add = |lines: &[&str]| {
        if lines.len() < 2 {
            return;
        }
        let counts: Vec<u64> = lines
            .iter()
            .filter(|l| letters(&visible(l)).chars().count() >= WRAPPED_LINE_MIN_CHARS)
            .map(|l| corpus.line_documents(l.trim()))
            .collect();
        if let Some(min) = counts.iter().min().filter(|m| **m >= 2) {
            let joined: String = lines.iter().map(|l| letters(&visible(l))).collect();
            out.insert(joined, *min);
        }
    };
    // The parser keeps some breaks (`markdown::keeps_break`): the paragraph's parts
    // between them are the lines it makes.
    let mut flush = |block: &mut Vec<&str>| {
        let mut start = 0;
        for i in 0..block.len() {
            let kept = block
                .get(i + 1)
                .is_some_and(|next| crate::markdown::keeps_break(block[i], next));
            if kept || i + 1 == block.len() {
                add(&block[start..=i]);
                start = i + 1;
            }
        }
        block.clear();
    };
    for line in source.lines() {
        if line.trim().is_empty() {
            flush(&mut block);
        } else {
            block.push(line);
        }
    }
    flush(&mut block);
    out
}

/// Most characters of a bold line taken for a section heading (`**前言**`).
const BOLD_HEADING_MAX_CHARS: usize = 20;

/// The non-blank lines of `source` as their letters and digits ([`letters`] of what is
/// [`visible`]) with how many documents hold each.
fn source_lines(source: &str, corpus: &Corpus) -> Vec<(String, u64)> {
    source
        .lines()
        .map(|l| (letters(&visible(l.trim())), l))
        .filter(|(w, _)| !w.is_empty())
        .map(|(w, l)| {
            let n = corpus.line_documents(l.trim());
            (w, n)
        })
        .collect()
}

/// How many documents hold `target` (letters and digits) as consecutive lines of the
/// source (`parts`, [`source_lines`]) the parser joined into one, blank lines and list
/// markers between them (`* Incident Response` / `  Incident Response` →
/// `Incident Response Incident Response`): the fewest that hold one of them (lines of
/// fewer than [`WRAPPED_LINE_MIN_CHARS`] letters, and digits alone that no document
/// holds, left out). `None` when no two or more
/// consecutive lines make it, or some line of them is held by fewer than two.
fn joined_count(parts: &[(String, u64)], target: &str) -> Option<u64> {
    for start in 0..parts.len() {
        if !target.starts_with(parts[start].0.as_str()) {
            continue;
        }
        let (mut pos, mut k, mut min) = (0, start, u64::MAX);
        while pos < target.len()
            && k < parts.len()
            && target[pos..].starts_with(parts[k].0.as_str())
        {
            pos += parts[k].0.len();
            // A short line of digits alone is no line to the statistics (its run of
            // digits folds to one `0`): it counts for nothing.
            let digits = parts[k].1 == 0 && parts[k].0.chars().all(|c| c.is_ascii_digit());
            if parts[k].0.chars().count() >= WRAPPED_LINE_MIN_CHARS && !digits {
                min = min.min(parts[k].1);
            }
            k += 1;
        }
        if pos == target.len() && k - start >= 2 && min >= 2 && min != u64::MAX {
            return Some(min);
        }
    }
    None
}

/// Letters and digits a line of a wrapped paragraph needs for its count to matter
/// ([`wrapped_paragraphs`]): the statistics leave shorter lines out (`。` alone).
const WRAPPED_LINE_MIN_CHARS: usize = 2;

/// Where the run of lines held by at least `min` documents (blank lines included) at
/// the start of a document ends, and where the one at its end starts.
fn edge_runs(lines: &[&str], counts: &[u64], min: u64) -> (usize, usize) {
    let blank_or_common = |i: usize| lines[i].trim().is_empty() || counts[i] >= min;
    let tail_start = (0..lines.len())
        .rev()
        .take_while(|i| blank_or_common(*i))
        .last()
        .unwrap_or(lines.len());
    let head_end = (0..lines.len())
        .take_while(|i| blank_or_common(*i))
        .last()
        .map_or(0, |i| i + 1);
    (head_end.min(tail_start), tail_start)
}

/// The edge runs (`head_end`, `tail_start` from [`edge_runs`]) without the article
/// text that other documents share: a paragraph at an edge held by no more documents
/// than a paragraph inside the document (held by fewer than `needed`, with lines of the
/// document's own — `mine` — before and after it) is that shared text — the older
/// entries at the end of a live report that its earlier versions also hold — and so is
/// every line between it and the inside, and the lines next to it held by no more
/// documents (a caption of those entries). A bio or an appeal under an article that
/// shares no paragraph with other documents still goes; so does a footer under a site
/// notice that only the title precedes.
fn shared_text_at_edges(
    lines: &[&str],
    counts: &[u64],
    mine: &[bool],
    needed: u64,
    head_end: usize,
    tail_start: usize,
) -> (usize, usize) {
    let paragraph = |i: usize| visible(lines[i].trim()).chars().count() > PARAGRAPH_MIN_CHARS;
    let first_own = mine.iter().position(|m| *m);
    let last_own = mine.iter().rposition(|m| *m);
    let between_own =
        |i: usize| first_own.is_some_and(|f| f < i) && last_own.is_some_and(|l| l > i);
    let inside = (head_end..tail_start)
        .filter(|i| between_own(*i) && paragraph(*i) && counts[*i] < needed)
        .map(|i| counts[i])
        .max()
        .unwrap_or(0);
    if inside < 2 {
        return (head_end, tail_start);
    }
    let shared = |i: &usize| paragraph(*i) && counts[*i] <= inside;
    let with_it = |i: &usize| lines[*i].trim().is_empty() || counts[*i] <= inside;
    let head_end = match (0..head_end).find(shared) {
        Some(h) => (0..h).rev().find(|i| !with_it(i)).map_or(0, |i| i + 1),
        None => head_end,
    };
    let tail_start = match (tail_start..lines.len()).rev().find(shared) {
        Some(t) => (t + 1..lines.len())
            .find(|i| !with_it(i))
            .unwrap_or(lines.len()),
        None => tail_start,
    };
    (head_end, tail_start)
}

/// How many documents hold a document's own text: the count that the most shared
/// quarter of its paragraphs reaches, by characters (a bio or an appeal under an article
/// is less than that, or one line that many documents hold). Paragraphs are the `lines` longer
/// than a title ([`PARAGRAPH_MIN_CHARS`]) and held by fewer than `needed` documents
/// (more is boilerplate anywhere); one no document holds, as written, counts as held
/// by this one. 1 for an article of its own (and for a text without paragraphs); 3 for
/// one of three versions of an article, even when a version rewrote some paragraphs.
pub fn own_text_documents(lines: &[&str], counts: &[u64], needed: u64) -> u64 {
    // Characters a reader sees: an image's or a link's address is no text.
    let chars = |l: &&str| visible(l.trim()).chars().count();
    // Lines between blank lines are one paragraph (a bio wrapped over two lines).
    let mut paragraph = 0;
    let mut weighted: Vec<(u64, usize, usize)> = Vec::new();
    for (l, c) in lines.iter().zip(counts) {
        if l.trim().is_empty() {
            paragraph += 1;
            continue;
        }
        let n = chars(l);
        if n > PARAGRAPH_MIN_CHARS && *c < needed {
            weighted.push(((*c).max(1), n, paragraph));
        }
    }
    weighted.sort_unstable_by(|a, b| b.cmp(a));
    let total: usize = weighted.iter().map(|(_, n, _)| n).sum();
    // One paragraph alone reaches the share only when few documents hold it (a paragraph
    // that versions of an article share): one that many hold is the bio under a short
    // column.
    let mut seen = 0;
    let first = weighted.first().map(|(_, _, p)| *p);
    let mut several = false;
    for (c, n, p) in weighted {
        seen += n;
        several |= Some(p) != first;
        if seen * 4 >= total && (several || c <= ALONE_MAX_DOCUMENTS) {
            return c;
        }
    }
    1
}

/// Most documents one line alone may be shared by to count as a document's own text
/// ([`own_text_documents`]): versions and copies of one article are a few.
const ALONE_MAX_DOCUMENTS: u64 = 5;

/// Whether `line` is the document's title (its letters and digits, lower-cased, the
/// same): a title is the document's own text even when other documents hold it.
fn is_title(line: &str, title: Option<&str>) -> bool {
    let words = letters;
    title.is_some_and(|t| {
        let l = words(line);
        let whole = words(t);
        if whole.is_empty() {
            return false;
        }
        // The headline is the title without the site's name (`标题 - 知乎`, `标题_新浪网`,
        // `Title | Site`).
        l == whole
            || [" - ", " | ", " – ", " — ", "_"].iter().any(|sep| {
                t.split(sep)
                    .filter(|p| p.chars().count() >= TITLE_PART_MIN_CHARS)
                    .any(|p| words(p) == l)
            })
    })
}

/// Fewest characters of a title's part that a headline may be (see [`is_title`]).
const TITLE_PART_MIN_CHARS: usize = 4;

/// At most one blank line in a row, none at the start or end.
pub fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    if text.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    out
}

/// A line this short (characters, trimmed) that repeats may leave a paragraph of other
/// lines when it stands alone in it (see [`remove_repeated_paragraphs`]).
pub const STANDALONE_MAX_CHARS: usize = 40;

/// `text` (Markdown or plain text, before it is parsed) without the repeated lines that
/// Markdown would join with their neighbours into one line, where no single line of the
/// output is any line of the source and [`remove_repeated`] cannot see them. A line is
/// repeated when at least [`Thresholds::needed`] documents of the source hold it (and
/// more than hold the document's own text). It goes:
/// - with its whole block (its paragraph, or a link written over several paragraphs)
///   when every line of the block is repeated: a menu written one item a line;
/// - in a run of such lines, each short ([`STANDALONE_MAX_CHARS`]), when the run stands
///   on its own in the block: it starts the block, a list item, or follows the end of a
///   sentence or a line narrower than [`WRAPPED_MIN_COLUMNS`], and it ends the block, a sentence, or before a list item
///   (`10.大美中国。` / `（《新闻联播》 20241004 19:00）`; `阅读量:23` / `收藏`).
///
/// A hard-wrapped prose paragraph whose one wrapped line repeats elsewhere stays whole;
/// so do front matter, fenced code, lines holding HTML, one-line blocks (those stand
/// alone after parsing and go by [`remove_repeated`]), and lines `keep` holds
/// (a platform's stub text).
pub fn remove_repeated_paragraphs(
    text: &str,
    corpus: &Corpus,
    t: Thresholds,
    keep: &dyn Fn(&str) -> bool,
) -> (String, Vec<Removed>) {
    let documents = corpus.source_documents();
    let needed = t.needed(documents);
    if documents < needed {
        return (text.to_string(), Vec::new());
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Lines that may go: outside front matter and fences, without HTML.
    let mut open = vec![false; lines.len()];
    let mut first = 0;
    if lines.first().is_some_and(|l| l.trim() == "---") {
        if let Some(end) = (1..lines.len()).find(|k| lines[*k].trim() == "---") {
            first = end + 1;
        }
    }
    let mut fence: Option<&str> = None;
    for (k, l) in lines.iter().enumerate().skip(first) {
        let trimmed = l.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(f), Some(m)) if f == m => fence = None,
            (None, None) => open[k] = !l.contains('<') && !keep(l),
            _ => {}
        }
    }
    let counts: Vec<u64> = lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let c = l.trim();
            if !open[k] || c.is_empty() {
                0
            } else {
                corpus.line_documents(c)
            }
        })
        .collect();
    let copies = own_text_documents(&lines, &counts, needed);
    let repeated = |k: usize| open[k] && counts[k] >= needed && counts[k] > copies;
    let mut gone = vec![false; lines.len()];
    let mut k = first;
    while k < lines.len() {
        if !open[k] || lines[k].trim().is_empty() {
            k += 1;
            continue;
        }
        // The block: lines up to a blank line outside a link, or a line that stays.
        let mut block = vec![k];
        let mut depth = bracket_depth(lines[k]);
        let mut j = k + 1;
        while j < lines.len() && open[j] {
            if lines[j].trim().is_empty() {
                if depth <= 0 {
                    break;
                }
            } else {
                block.push(j);
            }
            depth += bracket_depth(lines[j]);
            j += 1;
        }
        // Its items: a line, with the lines a link opened in it goes on over.
        let mut items: Vec<Vec<usize>> = Vec::new();
        let mut depth = 0;
        for b in block {
            if depth > 0 {
                if let Some(item) = items.last_mut() {
                    item.push(b);
                }
            } else {
                items.push(vec![b]);
                depth = 0;
            }
            depth += bracket_depth(lines[b]);
        }
        // An item is repeated when its lines are, apart from lines without letters
        // (a counter, `·`, the `3](…)` that ends a link).
        let item_repeated = |item: &[usize]| {
            item.iter().all(|b| repeated(*b) || !has_letters(lines[*b]))
                && item.iter().any(|b| repeated(*b))
        };
        let first_line = |item: &[usize]| lines[item[0]].trim();
        let last_line = |item: &[usize]| lines[item[item.len() - 1]].trim();
        if items.iter().all(|i| item_repeated(i)) {
            // A line that stands alone is left to `remove_repeated`, after the article
            // is found among the blocks (where it still counts).
            let alone = items.len() == 1 && items[0].len() == 1;
            if !alone {
                items.iter().flatten().for_each(|b| gone[*b] = true);
            }
        } else {
            // Runs of short repeated items that stand alone: after the block's start, a
            // list item's start or a sentence's end, and up to the block's end, a list
            // item or the end of a sentence.
            let short = |item: &[usize]| {
                let chars: usize = item
                    .iter()
                    .map(|b| visible(lines[*b].trim()).chars().count())
                    .sum();
                item_repeated(item) && chars <= STANDALONE_MAX_CHARS
            };
            let mut n = 0;
            while n < items.len() {
                if !short(&items[n]) {
                    n += 1;
                    continue;
                }
                let end = (n..items.len())
                    .find(|m| !short(&items[*m]))
                    .unwrap_or(items.len());
                let starts_alone = n == 0
                    || list_item(first_line(&items[n]))
                    || ends_sentence(last_line(&items[n - 1]))
                    || columns(last_line(&items[n - 1])) < WRAPPED_MIN_COLUMNS;
                let last = last_line(&items[end - 1]);
                let ends_alone = end == items.len()
                    || list_item(first_line(&items[end]))
                    || ends_sentence(last)
                    || last.ends_with(['：', ':']);
                if starts_alone && ends_alone {
                    items[n..end].iter().flatten().for_each(|b| gone[*b] = true);
                }
                n = end;
            }
        }
        k = j;
    }
    if !gone.contains(&true) {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if gone[k] {
            removed.push(Removed {
                line: l.trim().to_string(),
                documents: counts[k],
                rule: "repeated",
            });
        } else {
            out.push_str(l);
        }
    }
    (out, removed)
}

/// A line of hard-wrapped prose followed by another of its paragraph is at least this
/// wide (in columns, a Han character two): a narrower line ends where its writer ended
/// it (a dateline, a name, a menu item), not at the wrapping width.
pub const WRAPPED_MIN_COLUMNS: usize = 40;

/// The width of a line's visible text (link targets left out) in columns: wide (East
/// Asian) characters count two.
fn columns(line: &str) -> usize {
    visible(line)
        .chars()
        .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
        .sum()
}

/// How many more `[` than `]` a line opens (a link's anchor text may go on over lines).
fn bracket_depth(line: &str) -> i64 {
    line.chars()
        .map(|c| match c {
            '[' => 1,
            ']' => -1,
            _ => 0,
        })
        .sum()
}

/// A line without its link and image targets (`[a](/x)` → `[a`).
fn visible(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i]);
        match rest[i..].find(')') {
            Some(e) => rest = &rest[i + e + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a line holds a letter outside link targets (`3](/x/issues)` holds none).
fn has_letters(line: &str) -> bool {
    visible(line).chars().any(|c| c.is_alphabetic())
}

/// Whether a line starts a Markdown list item (`* `, `- `, `+ `, `1. `).
pub(crate) fn list_item(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    ["* ", "- ", "+ "].iter().any(|m| t.starts_with(m))
        || (digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")))
}

/// Whether a line starts a list item ([`list_item`], a tab after its mark, or numbered
/// the Chinese way: `1、`) or a table's row (`| a | b |`).
pub(crate) fn item_or_row(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let tabbed = |r: &str| {
        let mark = if digits == 0 {
            ['*', '-', '+'].as_slice()
        } else {
            ['.', ')'].as_slice()
        };
        r.starts_with(mark) && r[1..].starts_with('\t')
    };
    list_item(t)
        || t.starts_with('|')
        || tabbed(&t[digits..])
        || (digits > 0 && t[digits..].starts_with('、'))
}

/// Whether a line ends a sentence or closes a bracket (so the next line does not go on
/// with it).
fn ends_sentence(line: &str) -> bool {
    line.chars()
        .last()
        .is_some_and(|c| "。！？!?.;；…)）】」』”\"".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`remove_repeated_wrapped`] with the default thresholds and the document's source.
    fn wrapped(
        text: &str,
        title: Option<&str>,
        corpus: &Corpus,
        source: &str,
    ) -> (String, Vec<Removed>) {
        remove_repeated_wrapped(text, title, corpus, Thresholds::default(), Some(source))
    }

    fn counts(line: &str) -> u64 {
        match line {
            "請加入成為眾新聞的月費訂戶" => 300,
            "相關文章" => 400,
            "另一篇的標題" => 3,
            "第三篇的標題" => 3,
            "今日要聞的標題" => 2,
            "博客 | 德小姐" => 30,
            "【德小姐】專欄主要說說在德國、旅行的事。" => 30,
            "眾新聞製圖" => 150,
            _ => 1,
        }
    }

    /// [`remove_repeated`] of `text` in a source of 6,000 documents where `g` says how
    /// many hold each line, with the default thresholds.
    fn in_source(text: &str, g: &dyn Fn(&str) -> u64) -> (String, Vec<Removed>) {
        remove_repeated(text, None, &Corpus::from_fn(6000, g), Thresholds::default())
    }

    fn rules(removed: &[Removed]) -> Vec<(&str, u64, &str)> {
        removed
            .iter()
            .map(|r| (r.line.as_str(), r.documents, r.rule))
            .collect()
    }

    #[test]
    fn items_and_rows_are_told_from_lines_that_start_so() {
        for item in [
            "* a",
            "- a",
            "+ a",
            "1. a",
            "2) a",
            "1、a",
            "| a | b |",
            "-\ta",
            "1.\ta",
            "  * a",
        ] {
            assert!(item_or_row(item), "{item:?}");
        }
        for line in [
            "**Bold** lead",
            "-1 point",
            "+86 10 1234",
            "1.5 million",
            ".\ta",
            "1",
        ] {
            assert!(!item_or_row(line), "{line:?}");
        }
    }

    #[test]
    fn a_headline_is_its_title_without_the_sites_name() {
        let t = Some("跨性别者占据了舆论高地？ - 知乎");
        assert!(is_title("跨性别者占据了舆论高地？", t));
        assert!(is_title("跨性别者占据了舆论高地？ - 知乎", t));
        assert!(!is_title("知乎", t));
        assert!(is_title(
            "香港国安法重点先看",
            Some("香港国安法重点先看_新浪网")
        ));
        assert!(!is_title("另一篇的标题", t));
    }

    #[test]
    fn repeated_lines_and_edges_go_unique_lines_stay() {
        let f = counts;
        let corpus = Corpus::from_fn(6000, &f);
        let text = "正文第一段，說了很多很多的事情，這是一段很長的文章內容。\n\n請加入成為眾新聞的月費訂戶\n今日要聞的標題\n\n正文第二段，請加入成為眾新聞的月費訂戶的句子。\n\n眾新聞製圖\n\n第三段也是這篇文章自己的內容，記者在現場看到的情況。\n\n結語只此一篇，也是很長很長的一段文字。\n\n相關文章\n另一篇的標題\n第三篇的標題\n\n博客 | 德小姐\n\n【德小姐】專欄主要說說在德國、旅行的事。\n";
        let (out, removed) = remove_repeated(text, None, &corpus, Thresholds::default());
        assert_eq!(
            out,
            "正文第一段，說了很多很多的事情，這是一段很長的文章內容。\n\n今日要聞的標題\n\n正文第二段，請加入成為眾新聞的月費訂戶的句子。\n\n眾新聞製圖\n\n第三段也是這篇文章自己的內容，記者在現場看到的情況。\n\n結語只此一篇，也是很長很長的一段文字。\n"
        );
        assert_eq!(
            rules(&removed),
            vec![
                ("請加入成為眾新聞的月費訂戶", 300, "repeated"),
                ("相關文章", 400, "repeated"),
                ("另一篇的標題", 3, "edge"),
                ("第三篇的標題", 3, "edge"),
                ("博客 | 德小姐", 30, "edge"),
                ("【德小姐】專欄主要說說在德國、旅行的事。", 30, "edge"),
            ]
        );
    }

    #[test]
    fn a_copied_article_after_a_repeated_line_stays() {
        let f = |l: &str| if l == "{{< video >}}" { 500 } else { 2 };
        let text = "{{< video >}}\n\n數十名防暴警方周六晚上十時過後抵達漆咸道南，並在科學館道施放多枚催淚彈驅散示威者，有多枚催淚彈射入停車場範圍。\n\n短句。\n";
        let (out, removed) = remove_repeated(
            text,
            None,
            &Corpus::from_fn(6000, &f),
            Thresholds::default(),
        );
        assert_eq!(
            out,
            "數十名防暴警方周六晚上十時過後抵達漆咸道南，並在科學館道施放多枚催淚彈驅散示威者，有多枚催淚彈射入停車場範圍。\n\n短句。\n"
        );
        assert_eq!(rules(&removed), vec![("{{< video >}}", 500, "repeated")]);
    }

    #[test]
    fn paragraphs_that_versions_of_one_article_share_stay() {
        // Three versions of one report: they share their heading, caption and most
        // paragraphs (3 documents each; two hold the third version's paragraph), one
        // paragraph was rewritten (1); the columnist's bio under it is held by 15.
        let f = |l: &str| {
            match l {
            "再有大學移除六四雕像" | "學生報只放了一會，有保安拿走。" => 3,
            "中大校園的民主女神像，是為北京天安門六四事件中樹立的仿製品，由華人雕塑家陳維明所製作，二零一零年六月二日送抵香港，由支聯會接收。" => 3,
            "更新後的一段：中大今晨從大學站廣場移走雕像後發聲明回應，指大學從未准許該雕像於校園展示，亦沒有任何組織為雕像的管理負責。" => 1,
            "中大學生及職員表示早已預料民主女神像會被移除，但沒想過在毫無預料下於清晨進行，有學生形容校方在無聲無色之下完成了這件事情。" => 2,
            "【某某・專欄】專欄作者的簡介，每篇專欄文章下面都有。" => 15,
            _ => 3,
        }
        };
        let text = "再有大學移除六四雕像\n\n更新後的一段：中大今晨從大學站廣場移走雕像後發聲明回應，指大學從未准許該雕像於校園展示，亦沒有任何組織為雕像的管理負責。\n\n中大學生及職員表示早已預料民主女神像會被移除，但沒想過在毫無預料下於清晨進行，有學生形容校方在無聲無色之下完成了這件事情。\n\n在中大工作逾十年的職員表示，對校方清晨移除民主女神像的舉動感到驚訝，他說每年大型活動都會在雕像前面舉行，已經是地標一樣的存在。\n\n學生報只放了一會，有保安拿走。\n\n中大校園的民主女神像，是為北京天安門六四事件中樹立的仿製品，由華人雕塑家陳維明所製作，二零一零年六月二日送抵香港，由支聯會接收。\n\n【某某・專欄】專欄作者的簡介，每篇專欄文章下面都有。\n";
        let corpus = Corpus::from_fn(6000, &f);
        let (out, removed) = remove_repeated(text, None, &corpus, Thresholds::default());
        assert_eq!(
            out,
            "再有大學移除六四雕像\n\n更新後的一段：中大今晨從大學站廣場移走雕像後發聲明回應，指大學從未准許該雕像於校園展示，亦沒有任何組織為雕像的管理負責。\n\n中大學生及職員表示早已預料民主女神像會被移除，但沒想過在毫無預料下於清晨進行，有學生形容校方在無聲無色之下完成了這件事情。\n\n在中大工作逾十年的職員表示，對校方清晨移除民主女神像的舉動感到驚訝，他說每年大型活動都會在雕像前面舉行，已經是地標一樣的存在。\n\n學生報只放了一會，有保安拿走。\n\n中大校園的民主女神像，是為北京天安門六四事件中樹立的仿製品，由華人雕塑家陳維明所製作，二零一零年六月二日送抵香港，由支聯會接收。\n"
        );
        assert_eq!(
            rules(&removed),
            vec![(
                "【某某・專欄】專欄作者的簡介，每篇專欄文章下面都有。",
                15,
                "edge"
            )]
        );
        // Where only the heading and the last paragraph are shared, that paragraph is
        // still a quarter of the text: a quoted paragraph, not boilerplate; the bio goes.
        let g = |l: &str| match l {
            "【某某・專欄】專欄作者的簡介，每篇專欄文章下面都有。" => 15,
            _ if l == "再有大學移除六四雕像" || l.starts_with("中大校園的民主女神像") => {
                3
            }
            _ => 1,
        };
        let (_, removed) = remove_repeated(
            text,
            None,
            &Corpus::from_fn(6000, &g),
            Thresholds::default(),
        );
        assert_eq!(
            rules(&removed),
            vec![(
                "【某某・專欄】專欄作者的簡介，每篇專欄文章下面都有。",
                15,
                "edge"
            )]
        );
        let lines: Vec<&str> = text.lines().collect();
        let counts: Vec<u64> = lines.iter().map(|l| f(l.trim())).collect();
        assert_eq!(own_text_documents(&lines, &counts, 300), 3);
        assert_eq!(own_text_documents(&lines, &counts, 3), 2);
        assert_eq!(own_text_documents(&["短句。"], &[40], 300), 1);
        // One paragraph alone that many documents hold is no text of its own; few, it is.
        let long = "一段很长的文字，".repeat(8);
        assert_eq!(own_text_documents(&[long.as_str()], &[40], 300), 1);
        assert_eq!(own_text_documents(&[long.as_str()], &[4], 300), 4);
        assert_eq!(own_text_documents(&[], &[], 300), 1);
    }

    #[test]
    fn a_bio_under_a_short_column_goes_beside_the_sites_appeals() {
        // The site's appeals (boilerplate anywhere) do not count towards the third of the
        // text an edge may take: the bio under a short column still goes.
        let verse: Vec<String> = (1..=16)
            .map(|n| format!("第{n}行，一句短短的詩。"))
            .collect();
        let appeal =
            "請加入成為眾新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的通訊。";
        let fee = "月費訂戶 網址：hkcnews.com/aboutus/#subscribe，歡迎大家加入成為訂戶支持";
        let bio =
            "【某某・荒腔走板】專業插畫師，雙周刊專欄作者，註冊催眠治療師。文章基本上是雜談。";
        // The columnist's avatar: its address is no text of the column's.
        let avatar = "![博客 | 某某](https://web.archive.org/web/20210712021816im_/https://www.example.org/uploads/avatars/4fd00de7-759a-438d-8f39-82f1c14731ab.png?1811327768)";
        let text = format!(
            "{}\n\n{appeal}\n\n{fee}\n\n{avatar}\n\n博客 | 某某\n\n{bio}\n",
            verse.join("\n")
        );
        let g = |l: &str| -> u64 {
            match l {
                l if l == appeal || l == fee => 4700,
                l if l == bio || l == "博客 | 某某" || l == avatar => 78,
                _ => 1,
            }
        };
        let (kept, removed) = in_source(&text, &g);
        assert_eq!(kept, format!("{}\n", verse.join("\n")));
        assert_eq!(
            rules(&removed),
            vec![
                (appeal, 4700, "repeated"),
                (fee, 4700, "repeated"),
                (avatar, 78, "edge"),
                ("博客 | 某某", 78, "edge"),
                (bio, 78, "edge")
            ]
        );
    }

    #[test]
    fn captions_three_reports_share_stay_beside_the_sites_appeals() {
        // A short report, the captions of the photos two other reports of the event also
        // carry (3 documents), the site's appeal (boilerplate anywhere): the appeal goes,
        // the captions stay.
        let report = "菲律宾马尼拉一间赌场酒店今日凌晨发生枪击事件，警方表示事件造成多人死伤，枪手仍然在逃。\n\n警方封锁现场一带道路，大批警员在赌场酒店内外搜索枪手，附近居民被要求留在家中。";
        let captions = [
            "救护员在现场治疗伤者。",
            "警员在发生枪击事件的赌场酒店外巡逻。",
            "大批警员奉召到场。",
        ];
        let appeal =
            "請加入成為眾新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的通訊。";
        let text = format!("{report}\n\n{}\n\n{appeal}\n", captions.join("\n\n"));
        let g = |l: &str| -> u64 {
            if l == appeal {
                4700
            } else if captions.contains(&l) {
                3
            } else {
                1
            }
        };
        let (kept, removed) = in_source(&text, &g);
        assert_eq!(kept, format!("{report}\n\n{}\n", captions.join("\n\n")));
        assert_eq!(rules(&removed), vec![(appeal, 4700, "repeated")]);
    }

    /// `body`, then a columnist's name and bio that `docs` documents hold: the bio goes,
    /// with the name, and `body` stays.
    fn bio_under(body: &str, name: &str, bio: &str, docs: u64) {
        let byline = format!("博客 | {name}");
        let text = format!("{body}\n\n{byline}\n\n{bio}\n");
        let g = |l: &str| -> u64 {
            if l == bio || l == byline {
                docs
            } else {
                1
            }
        };
        let (kept, removed) = in_source(&text, &g);
        assert_eq!(kept, format!("{body}\n"));
        assert_eq!(
            rules(&removed),
            vec![(byline.as_str(), docs, "edge"), (bio, docs, "edge")]
        );
    }

    #[test]
    fn a_bio_wrapped_over_two_lines_goes() {
        // The bio that ten columns hold, its paragraph broken over two lines: two lines
        // of one paragraph are one paragraph alone, no text of the column's own.
        let body = "有威不要衝出來認，有彩不要衝出來攞，歸功於同事和巿民，這本來就是公僕態度，才真正稱得上公僕，不必自己讚自己。\n\n語言藝術整色整水，難以服眾，說得再漂亮，市民也只會看你做了甚麼事情。\n疫症爆發，世界大亂，各地政府手忙腳亂，香港也不例外，確診數字天天上升。\n去到最後，香港需要的不是英雄，而是平實的同行者，和市民一起走過難關。\n最高的讚譽從來不是自己讚自己，而是由巿民傳媒甘願送頂高帽你戴上頭。\n而你心領神會，拿住帽子彎腰致謝，然後繼續默默工作，不要衝出來認功。\n這才是公僕應有的態度，也是市民一直所期望的，可惜今天已經很少見到。\n請大家自重，理性中立地說事，好多確診者都有好多難處，不要隨便指責。";
        let bio = [
            "【某某・豁達心懷】某某（Walter）前銀行總裁高級顧問，現為傳訊公司董事總經理、大學課程顧問、公共關係協會理事，",
            "經理、大學課程顧問、公共關係協會理事，曾出任傳訊總監、報章港聞副主管、跨國公司亞洲市場推廣主管，亦曾擔任學院顧問委員會主席。",
        ];
        let text = format!("{body}\n\n博客 | 某某\n\n{}\n", bio.join("\n"));
        let g = |l: &str| -> u64 {
            if bio.contains(&l) || l == "博客 | 某某" {
                10
            } else {
                1
            }
        };
        let (kept, removed) = in_source(&text, &g);
        assert_eq!(kept, format!("{body}\n"));
        assert_eq!(
            rules(&removed),
            vec![
                ("博客 | 某某", 10, "edge"),
                (bio[0], 10, "edge"),
                (bio[1], 10, "edge")
            ]
        );
    }

    #[test]
    fn a_bio_wrapped_in_the_source_goes_as_the_one_line_parsed() {
        // As written, the bio breaks in the middle of a word, and the statistics count its
        // two lines (ten columns hold each); parsed, it is one line no document holds.
        let body = "第一段，一篇專欄文章的內容，寫得很長很長，談論時事和社會現象，作者的觀點和分析，引用了好幾位學者的研究，也提到了政府最近公布的數字，讀來很有意思。\n\n第二段，繼續討論，提出更多的觀點和例子，說明作者的看法，最後作出總結，並且回應了讀者上一期的來信，解釋了幾個常見的誤會，語氣平和而堅定。\n\n第三段，結論部分，作者呼籲大家關注這個問題，並提出解決的辦法，希望政府和市民一起努力，不要等到問題變得更嚴重才去處理，全文完。";
        let bio = [
            "【某某・豁達心懷】某某（Walter）前銀行總裁高級顧問，現為傳訊公司董事總",
            "經理、**大學課程顧問**、公共關係協會理事，曾出任傳訊總監。",
        ];
        let source = format!("{body}\n\n**博客 | 某某**\n\n{}\n", bio.join("\n"));
        let parsed_bio = "【某某・豁達心懷】某某（Walter）前銀行總裁高級顧問，現為傳訊公司董事總經理、大學課程顧問、公共關係協會理事，曾出任傳訊總監。";
        let parsed = format!("{body}\n\n博客 | 某某\n\n{parsed_bio}\n");
        let f = |l: &str| -> u64 {
            // Lines one document holds are not in the statistics.
            if bio.contains(&l) || l == "博客 | 某某" || l == "**博客 | 某某**" {
                10
            } else {
                0
            }
        };
        let corpus = Corpus::from_fn(6000, &f);
        let (out, removed) = wrapped(&parsed, None, &corpus, &source);
        assert_eq!(out, format!("{body}\n"));
        assert_eq!(
            rules(&removed),
            vec![("博客 | 某某", 10, "edge"), (parsed_bio, 10, "edge")]
        );
        // Without the source, the parsed bio is the column's own line.
        let (out, _) = remove_repeated(&parsed, None, &corpus, Thresholds::default());
        assert_eq!(out, parsed);
        // A paragraph with a line of its own (held by this document only) stays.
        let own = source.replace("公共關係協會理事", "公共關係學會會員");
        let (out, _) = remove_repeated_wrapped(
            &parsed.replace("公共關係協會理事", "公共關係學會會員"),
            None,
            &corpus,
            Thresholds::default(),
            Some(&own),
        );
        assert!(out.contains("學會會員"), "{out}");
    }

    #[test]
    fn a_bio_half_as_common_as_boilerplate_goes_under_a_short_text() {
        // A photo essay of four short lines, the site's appeal, and the bio that the
        // reader's-letters section puts under each of its 258 columns (boilerplate
        // anywhere needs 281 of the 5,613 documents): the bio goes, though longer than
        // a third of the text. Held by 30, it is weighed as before and stays.
        let essay = "【攝影／文字：某某】\n\n之前看袁國勇的訪問，很記得他的這一句話：「唯有在真實中作出決定，我們才會最安全。」\n\n當說真話也要道歉，這才是病毒。\n\n攝影師FB： 某某 Photography";
        let appeal =
            "請加入成為眾新聞的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的通訊。";
        let bio = "【讀者來論・眾聲】這個專欄開放讀者來論，不設稿酬，稿件請電郵至編輯部，主旨請註明：投稿【眾聲】，文章內容只代表作者意見，不代表本網立場。";
        let text = format!("{essay}\n\n{appeal}\n\n博客 | 讀者來論\n\n{bio}\n");
        for (docs, kept) in [
            (258, format!("{essay}\n")),
            (30, format!("{essay}\n\n博客 | 讀者來論\n\n{bio}\n")),
        ] {
            let f = |l: &str| -> u64 {
                match l {
                    l if l == appeal => 4769,
                    l if l == bio || l == "博客 | 讀者來論" => docs,
                    _ => 0,
                }
            };
            let (out, _) = remove_repeated(
                &text,
                None,
                &Corpus::from_fn(5613, &f),
                Thresholds::default(),
            );
            assert_eq!(out, kept, "bio held by {docs}");
        }
    }

    #[test]
    fn a_letters_date_stays_though_its_shape_is_common() {
        // The statistics count every `2018年4月25日` as one line held by 40 documents; a
        // date is the document's own line, and the letter keeps its signature's date.
        let letter = "我们会择期将这封联名信附带签署名单寄至北京大学校长办公室，并附上将来是否愿意在网络公开个人具体信息。\n\n希望在我们的共同努力下，学校能变得更美好！\n\n北京大学部分学生\n\n2018年4月25日\n";
        let f = |l: &str| -> u64 {
            if l.starts_with("2018年") {
                40
            } else {
                0
            }
        };
        let (out, removed) = remove_repeated(
            letter,
            None,
            &Corpus::from_fn(612, &f),
            Thresholds::default(),
        );
        assert_eq!((out.as_str(), removed.len()), (letter, 0));
    }

    #[test]
    fn a_quotes_source_stays_though_many_documents_name_it() {
        // A weekly names the same sources week after week; under a quote, the source is
        // the quote's. A heading between dashes is no source.
        let text = "有人说：“软件开发最难的部分，是决定要开发什么。”\n\n-- Hacker News 读者\n\n—— 往期推荐 ——\n\n-- Hacker News 读者\n";
        let f = |l: &str| -> u64 {
            match l {
                "-- Hacker News 读者" => 214,
                "—— 往期推荐 ——" => 300,
                _ => 1,
            }
        };
        let (out, removed) =
            remove_repeated(text, None, &Corpus::from_fn(418, &f), Thresholds::default());
        assert_eq!(
            out,
            "有人说：“软件开发最难的部分，是决定要开发什么。”\n\n-- Hacker News 读者\n"
        );
        assert_eq!(
            rules(&removed),
            vec![
                ("—— 往期推荐 ——", 300, "repeated"),
                ("-- Hacker News 读者", 214, "repeated")
            ]
        );
    }

    #[test]
    fn a_case_number_stays_though_its_shape_is_common() {
        // The statistics fold digits: every `案件編號：ESCC0/0` is one line that many court
        // reports hold. The number is the report's own.
        let report = "被告今日在東區裁判法院認罪，案件押後至下月判刑，期間還押看管。\n\n案件編號：ESCC345/2021\n";
        let f = |l: &str| -> u64 {
            if l.starts_with("案件編號") {
                164
            } else {
                1
            }
        };
        let (out, removed) = remove_repeated(
            report,
            None,
            &Corpus::from_fn(6000, &f),
            Thresholds::default(),
        );
        assert_eq!((out.as_str(), removed.len()), (report, 0));
        assert!(crate::lines::identifier_line(
            "案件編號：DCCC1073、1074/2020"
        ));
        assert!(!crate::lines::identifier_line("阅读：1234"));
        assert!(!crate::lines::identifier_line("記者：陳大文"));
    }

    #[test]
    fn a_bio_a_quarter_of_a_short_article_goes() {
        // Three paragraphs, and a bio as long as one of them that 44 documents hold: one
        // line that many documents share is no text of the article's.
        let paragraphs = [
            "有便利店有人买晒报纸，然后叫人免费攞，天水围的街坊买了一千份，说要送给大家，支持自由的新闻，大家排队去拿。",
            "有美女股神，昨日下昼一毫九九买二万股当支持，今天一睇竟然是五毫半，马上沽出了赚了几千元，这些钱用来支持报纸。",
            "港共以为用二百人去扫场就可以玩羞辱、玩恐吓，但香港人越吓越勇，完全走到人民的对立面了，这是他们没有想到的。",
        ];
        let bio = "【一悠・到此一游】喜欢谈古论今，也常谈股论金。心理、钢琴、股票、教育，交义感染，交流一下。学历：香港中文大学文学士，研究院教育文凭。";
        bio_under(&paragraphs.join("\n\n"), "一悠", bio, 44);
    }

    #[test]
    fn a_bio_under_a_text_of_short_lines_goes() {
        // A column written one phrase a line: only its bio is longer than a title.
        let verse = [
            "在電影裏，晴子哭着請求編輯：",
            "「請給我工作，我老公患上憂鬱症了！」",
            "事後，她對幹男說：",
            "「說出口之後，我鬆了一口氣。」",
            "之前，我以為自己礙於社會對這病症不認識，",
            "所以不好說出口。",
            "但今天我發覺這只是個藉口，",
            "而真正的理由，其實是我怕丟臉。",
        ];
        let bio = "【某某・荒腔走板】專業插畫師，雙周刊專欄作者，註冊催眠治療師。文章基本上是雜談，範疇包括哲學、科學、藝術。";
        // Three stanzas of it, each line its own.
        let verse: Vec<String> = (1..=3)
            .flat_map(|n| verse.iter().map(move |l| format!("{l}（{n}）")))
            .collect();
        bio_under(&verse.join("\n"), "某某", bio, 78);
    }

    #[test]
    fn the_title_stays_when_other_documents_hold_it() {
        let f = |l: &str| match l {
            "# 當香港師奶遇上馬偕牧師" => 3,
            "相信有好多香港人都來過台灣淡水玩，行老街，看日落。" => 3,
            _ => 1,
        };
        let text = "# 當香港師奶遇上馬偕牧師\n\n相信有好多香港人都來過台灣淡水玩，行老街，看日落。\n\n一百四十六年前，1871年3月9日，二十八歲的馬偕牧師坐船開進了淡水河口。\n\n馬偕牧師落腳淡水之後，他跟牧童學台語，隔年建立北台灣第一間教會。\n\n時至今日，淡水仍然處處看到馬偕牧師的身影，我常常帶著香港朋友去看。\n";
        let (out, removed) = remove_repeated(
            text,
            Some("當香港師奶遇上馬偕牧師"),
            &Corpus::from_fn(6000, &f),
            Thresholds::default(),
        );
        assert_eq!((out.as_str(), removed.len()), (text, 0));
        let g = |l: &str| {
            if l == "《新闻联播》 (20220924)" {
                300
            } else {
                1
            }
        };
        let (out, removed) = remove_repeated(
            "《新闻联播》 (20220924)\n\n今天节目的主要内容有：国内新闻和国际新闻。\n",
            Some("《新闻联播》 (20220924)"),
            &Corpus::from_fn(300, &g),
            Thresholds::default(),
        );
        // The same title, its number folded, on every page of a series is each page's
        // own title: it stays.
        assert_eq!(
            (out.as_str(), removed.len()),
            (
                "《新闻联播》 (20220924)\n\n今天节目的主要内容有：国内新闻和国际新闻。\n",
                0
            )
        );
    }

    #[test]
    fn a_quoted_line_held_by_a_few_documents_stays_inside_an_article() {
        // A standard sentence quoted as its own paragraph by 12 articles of 300: below
        // the anywhere threshold (20), and not at an edge.
        let f = |l: &str| match l {
            "《基本法》第86條：原在香港實行的陪審制度的原則予以保留。" => {
                12
            }
            "眾新聞製圖" => 30,
            _ => 1,
        };
        let text = "正文第一段，法官在判詞中談到陪審團制度的由來。\n\n《基本法》第86條：原在香港實行的陪審制度的原則予以保留。\n\n正文第二段，辯方律師引用了這一條文。\n";
        let (out, removed) =
            remove_repeated(text, None, &Corpus::from_fn(300, &f), Thresholds::default());
        assert_eq!((out.as_str(), removed.len()), (text, 0));
    }

    /// For each line of a generated source's documents, how many of them hold it.
    fn line_counts(documents: &[String]) -> std::collections::HashMap<String, u64> {
        let mut counts = std::collections::HashMap::new();
        for d in documents {
            let mut lines: Vec<&str> = d.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            lines.sort_unstable();
            lines.dedup();
            for l in lines {
                *counts.entry(l.to_string()).or_insert(0) += 1;
            }
        }
        counts
    }

    #[test]
    fn shared_paragraphs_of_a_source_stay_and_its_bios_go() {
        const FOOTER: &str = "請加入成為眾新聞的月費訂戶，長期支持我們的工作。";
        const BACKGROUND: &str = "控罪指，八人被控去年八月三十一日在灣仔涉嫌參與暴動，各被告分別由大律師代表，案件由區域法院法官審理，控方傳召多名證人。";
        const ENTRY_B: &str = "十二時二十五分，律政司覆核失敗，法官批准第二名申請人按原有條件保釋，他須每周四次到警署報到，不得離港並交出所有旅遊證件。";
        const ENTRY_A: &str = "開庭，高院先處理律政司就第一名申請人提出的保釋覆核，申請人由資深大律師代表，開庭前他不時望向旁聽席，約有二十名公眾人士旁聽。";
        const CAPTION: &str = "法院外停泊約十輛警車。記者攝";
        const BIO: &str = "【某某・專欄】專欄作者的簡介，每篇專欄文章下面都有，寫得很長很長的一段自我介紹的文字。";
        let unique = |i: usize, k: usize| {
            format!("第{i}篇文章的第{k}段，記者在現場看到的情況，說了很多很多的事情，這一段是這篇文章自己的內容，別的文章都沒有；記者又訪問了在場的市民，他們各有各的看法，說了很長的一番話。")
        };
        let mut documents: Vec<String> = Vec::new();
        // Articles of their own; four of a series of court reports hold its background
        // paragraph inside, between paragraphs of their own.
        for i in 0..24 {
            let middle = if i < 4 {
                BACKGROUND.to_string()
            } else {
                unique(i, 2)
            };
            documents.push(format!(
                "{}\n\n{middle}\n\n{}\n\n{FOOTER}\n",
                unique(i, 1),
                unique(i, 3)
            ));
        }
        // Three versions of a live report: each adds its newest entry on top; the older
        // entries (B inside, A with its caption at the end) are in all three.
        let paragraphs = |i: usize, ks: std::ops::Range<usize>| {
            ks.map(|k| unique(i, k)).collect::<Vec<_>>().join("\n\n")
        };
        let report = |v: usize| {
            format!(
                "{}\n\n{ENTRY_B}\n\n{}\n\n{ENTRY_A}\n\n{CAPTION}\n",
                paragraphs(v, 1..4),
                paragraphs(v, 4..7)
            )
        };
        for v in 24..27 {
            documents.push(format!("{}\n{FOOTER}\n", report(v)));
        }
        // Three columns of one columnist, with the bio under each.
        for c in 27..30 {
            documents.push(format!(
                "{}\n\n{}\n\n{}\n\n{FOOTER}\n\n博客 | 某某\n\n{BIO}\n",
                unique(c, 1),
                unique(c, 2),
                unique(c, 3)
            ));
        }
        let counts = line_counts(&documents);
        let f = |l: &str| counts.get(l).copied().unwrap_or(0);
        let corpus = Corpus::from_fn(documents.len() as u64, &f);
        let clean = |d: &str| remove_repeated(d, None, &corpus, Thresholds::default());

        let (out, removed) = clean(&documents[0]);
        assert_eq!(
            out,
            format!("{}\n\n{BACKGROUND}\n\n{}\n", unique(0, 1), unique(0, 3))
        );
        assert_eq!(rules(&removed), vec![(FOOTER, 30, "repeated")]);

        let (out, removed) = clean(&documents[26]);
        assert_eq!(out, report(26));
        assert_eq!(rules(&removed), vec![(FOOTER, 30, "repeated")]);

        let (out, removed) = clean(&documents[29]);
        assert_eq!(
            out,
            format!(
                "{}\n\n{}\n\n{}\n",
                unique(29, 1),
                unique(29, 2),
                unique(29, 3)
            )
        );
        assert_eq!(
            rules(&removed),
            vec![
                (FOOTER, 30, "repeated"),
                ("博客 | 某某", 3, "edge"),
                (BIO, 3, "edge")
            ]
        );

        // Without the shared entry inside, the old entries at the end are what three
        // documents hold at their edge, as a bio is: they go.
        let own = paragraphs(26, 1..7);
        let (out, removed) = clean(&format!("{own}\n\n{ENTRY_A}\n\n{CAPTION}\n\n{FOOTER}\n"));
        assert_eq!(out, format!("{own}\n"));
        assert_eq!(
            rules(&removed),
            vec![
                (ENTRY_A, 3, "edge"),
                (CAPTION, 3, "edge"),
                (FOOTER, 30, "repeated")
            ]
        );
    }

    #[test]
    fn a_site_header_under_the_title_is_not_shared_article_text() {
        // Three pages of a site carry its notice under their title and its legal
        // footer at their end; between them, text of their own. The notice is no
        // paragraph of the article's (no text of its own comes before it), so the
        // footer, held by as many documents, still goes.
        const NOTICE: &str = "关注我们：本站新版网站常见问题请点击这里查看，旧版网站的文章已经全部迁移到新版网站，欢迎读者继续阅读。";
        const FOOTER: &str = "本站提到的所有注册商标属于他们各自的所有人所有，评论属于其发表者所有，本站对评论内容不承担任何法律责任。";
        let f = |l: &str| if l == NOTICE || l == FOOTER { 3 } else { 0 };
        let own = "越来越多的大学生在写论文时求助于人工智能工具，一项调查发现超过一半的学生承认曾经用过这类工具来帮助写作，有的只是用来润色文字。\n\n教授们说很难分辨哪些文字是学生自己写的，哪些是工具写的，有的大学已经修改了考核的方式，要求学生在课堂上当场完成写作，也有的大学开始允许学生在注明的前提下使用这类工具。\n\n有学生表示，工具写出来的文字常常有事实错误，最后还是要自己逐句检查和修改，花的时间未必比自己写少，但整理资料和列出大纲的时候确实方便了很多。\n\n也有学者担心，学生过分依赖这类工具，会失去独立思考和组织论证的能力，建议大学教导学生如何负责任地使用，而不是一味禁止，因为毕业后的工作中也会用到。\n\n调查还发现，理工科学生使用这类工具的比例比文科学生高，而研究生比本科生更常用它来整理文献和翻译外文资料，只有少数学生完全没有用过。\n";
        let text = format!("越来越多的大学生在 AI 帮助下写论文\n\n{NOTICE}\n\n{own}\n{FOOTER}\n");
        let (out, removed) = remove_repeated(
            &text,
            Some("越来越多的大学生在 AI 帮助下写论文"),
            &Corpus::from_fn(53, &f),
            Thresholds::default(),
        );
        assert_eq!(
            out,
            format!("越来越多的大学生在 AI 帮助下写论文\n\n{NOTICE}\n\n{own}")
        );
        assert_eq!(rules(&removed), vec![(FOOTER, 3, "edge")]);
    }

    #[test]
    fn a_page_of_its_own_title_and_a_small_sites_template_keeps_only_its_title() {
        // Six pages of one blog; this one's capture holds its title and the site's menu
        // and service blurbs, each held by all six pages.
        let title = "Oracle July 2024 Critical Patch Update Addresses 175 CVEs";
        let f = |l: &str| if l == title { 1 } else { 6 };
        let text = format!(
            "{title}\n\nGet Started with Tenable One\n\nTenable One Connectors\n\nUse Tenable One Connectors to seamlessly combine data from third-party security tools with Tenable's native sensor data.\n\nExposure Management Platform\n\nTenable One Exposure Management Platform enables you to gain visibility across your attack surface.\n"
        );
        let corpus = Corpus::from_fn(6, &f);
        let (out, removed) = remove_repeated(&text, Some(title), &corpus, Thresholds::default());
        assert_eq!(out, format!("{title}\n"));
        assert_eq!(removed.len(), 5);
        // Copies of one article share its title: left alone.
        let copies = |_: &str| 6;
        let (out, removed) = remove_repeated(
            &text,
            Some(title),
            &Corpus::from_fn(6, &copies),
            Thresholds::default(),
        );
        assert_eq!((out.as_str(), removed.len()), (text.as_str(), 0));
        // So is a page with a line only it and its twin hold.
        let twin = |l: &str| match l {
            l if l == title => 1,
            "Tenable One Connectors" => 2,
            _ => 6,
        };
        let (out, _) = remove_repeated(
            &text,
            Some(title),
            &Corpus::from_fn(6, &twin),
            Thresholds::default(),
        );
        assert_eq!(out, text);
    }

    #[test]
    fn a_line_every_page_of_a_small_source_holds_goes_but_its_labels_and_figures_stay() {
        // Seven pages of one site; this one has text of its own, and the site's sidebar
        // blurb and its latest-news line, which all seven hold, in its middle.
        let title = "SecWiki News 2023-05-26 Review";
        let own = "今天的安全资讯汇总了七篇文章，涵盖漏洞分析、威胁情报和安全会议，以下逐一介绍。";
        let own2 = "第二篇文章分析了一个输入法云控下发恶意模块的案例，给出了检测方法和处置建议。";
        let blurb = "安全沙漏是一个专注安全领域的数据交流平台，安全研究人员可以基于此平台分享各类科研数据。";
        let news = "2025-09-26输入法云控下发恶意模块分析 ourren || discuss";
        let f = |l: &str| {
            if l == blurb || l == news || l == "Author:" || l == "2023-01-04 | CVSS 9.0" {
                7
            } else {
                1
            }
        };
        let text = format!(
            "{title}\n\n{own}\n\n{blurb}\n\n{news}\n\nAuthor:\n\n2023-01-04 | CVSS 9.0\n\n{own2}\n"
        );
        let (out, removed) = remove_repeated(
            &text,
            Some(title),
            &Corpus::from_fn(7, &f),
            Thresholds::default(),
        );
        assert_eq!(
            out,
            format!("{title}\n\n{own}\n\nAuthor:\n\n2023-01-04 | CVSS 9.0\n\n{own2}\n")
        );
        assert_eq!(removed.len(), 2);
        // Four pages are too few to tell a site's template from what they share.
        let (out, _) = remove_repeated(
            &text,
            Some(title),
            &Corpus::from_fn(4, &|l| f(l).min(4)),
            Thresholds::default(),
        );
        assert_eq!(out, text);
    }

    #[test]
    fn lines_the_parser_joined_count_as_the_source_lines_they_are_made_of() {
        // A list item's paragraphs, joined into one line, and a nested item with its
        // number: each source line held by all six pages of the blog (the number alone is
        // no line to the statistics).
        let title = "Defining the Threat of IT and OT Convergence";
        let source = format!("# {title}\n\n* Incident Response\n\n  Incident Response\n\n  Get access to immediate incident response assistance.\n\n  24 HOUR HOTLINES\n\n  + AMERICAS\n\n    +1 855 438 4305\n");
        let held = |l: &str| match l.trim() {
            "* Incident Response"
            | "Incident Response"
            | "Get access to immediate incident response assistance."
            | "24 HOUR HOTLINES"
            | "+ AMERICAS" => 6,
            l if l.ends_with(title) || l.starts_with("The attackers") => 1,
            _ => 0,
        };
        let text = format!("{title}\n\nIncident Response Incident Response\n\nGet access to immediate incident response assistance. 24 HOUR HOTLINES\nAMERICAS +1 855 438 4305\n");
        let corpus = Corpus::from_fn(6, &held);
        let (out, removed) = wrapped(&text, Some(title), &corpus, &source);
        assert_eq!(out, format!("{title}\n"));
        assert_eq!(
            removed
                .iter()
                .map(|r| (r.line.as_str(), r.documents))
                .collect::<Vec<_>>(),
            [
                ("Incident Response Incident Response", 6),
                (
                    "Get access to immediate incident response assistance. 24 HOUR HOTLINES",
                    6
                ),
                ("AMERICAS +1 855 438 4305", 6)
            ]
        );
        // A line of the page's own between them keeps the page.
        let own = format!("{text}The attackers reached the plant's controllers through a vendor's remote access.\n");
        let (out, _) = wrapped(&own, Some(title), &corpus, &source);
        assert!(out.contains("The attackers reached"), "{out}");
    }

    #[test]
    fn a_sites_lines_under_the_title_go_the_title_and_a_section_heading_stay() {
        // Fifteen pages of a magazine's account: its subscription lines under every
        // title, and the articles' own `前言` heading that many of them also hold.
        let title = "关注 | “ChatGPT禁令”频发为哪般";
        let held = |l: &str| match l.trim() {
            "邮发代号 2-786" | "征订热线：010-82341063" => 15,
            "前言" | "**前言**" => 9,
            _ => 1,
        };
        let body = "要说2023年初的互联网热点当属ChatGPT，但是最近多家公司和机构开始限制它的使用。\n\n首先是信息泄露和合规风险，摩根大通近日开始限制员工使用ChatGPT。\n";
        let text = format!("{title}\n\n邮发代号 2-786\n\n征订热线：010-82341063\n\n{body}");
        let corpus = Corpus::from_fn(15, &held);
        let (out, removed) = wrapped(&text, Some(title), &corpus, &text);
        assert_eq!(out, format!("{title}\n\n{body}"));
        assert_eq!(removed.len(), 2);
        for heading in ["### 前言", "**前言**"] {
            let source = format!("# {title}\n\n{heading}\n\n{body}");
            let text = format!("{title}\n\n前言\n\n{body}");
            let (out, removed) = wrapped(&text, Some(title), &corpus, &source);
            assert_eq!(
                (out.as_str(), removed.len()),
                (text.as_str(), 0),
                "{heading}"
            );
        }
    }

    #[test]
    fn a_page_that_repeats_whole_is_left_alone() {
        let f = |_: &str| 4;
        let text = "同一篇文章的第一段。\n\n同一篇文章的第二段。\n";
        let (out, removed) = remove_repeated(
            text,
            None,
            &Corpus::from_fn(1000, &f),
            Thresholds::default(),
        );
        assert_eq!((out.as_str(), removed.len()), (text, 0));
    }

    #[test]
    fn small_sources_and_missing_statistics_change_nothing() {
        let f = counts;
        let text = "相關文章\n正文。\n";
        assert_eq!(
            remove_repeated(text, None, &Corpus::from_fn(2, &f), Thresholds::default()).0,
            text
        );
        assert_eq!(
            remove_repeated(text, None, &Corpus::NONE, Thresholds::default()).0,
            text
        );
        assert_eq!(Thresholds::default().needed(6000), 300);
        assert_eq!(Thresholds::default().needed(300), 20);
    }

    #[test]
    fn joined_repeated_lines_go_before_parsing_and_wrapped_prose_stays_whole() {
        let f = |l: &str| match l {
            "CNCERT"
            | "CNNVD"
            | "会员体系（甲方）"
            | "会员体系（厂商）"
            | "产品名录"
            | "企业空间" => 23,
            "请订阅我们的通讯，支持独立新闻" | "（《新闻联播》 20241004 19:00）" => {
                300
            }
            "菜单" | "title: 标题" | "+ [Actions" => 300,
            "Automate any workflow](https://github.com/features/actions)" => 300,
            _ => 1,
        };
        let text = "---\ntitle: 标题\n---\n\n正文第一段。\n\nCNCERT\nCNNVD\n\n会员体系（甲方）\n会员体系（厂商）\n产品名录\n企业空间\n\n+ [Actions\n\n  Automate any workflow](https://github.com/features/actions)\n\n这是一段硬换行的文章，第一行写到这里还没有写完，\n请订阅我们的通讯，支持独立新闻\n的这句话在句子里面，第三行才是句子的结尾。\n\n10.大美中国。\n（《新闻联播》 20241004 19:00）\n\n菜单\n";
        let (out, removed) = remove_repeated_paragraphs(
            text,
            &Corpus::from_fn(400, &f),
            Thresholds::default(),
            &|_| false,
        );
        assert_eq!(
            out,
            "---\ntitle: 标题\n---\n\n正文第一段。\n\n\n\n\n\n这是一段硬换行的文章，第一行写到这里还没有写完，\n请订阅我们的通讯，支持独立新闻\n的这句话在句子里面，第三行才是句子的结尾。\n\n10.大美中国。\n\n菜单\n"
        );
        assert_eq!(
            rules(&removed),
            vec![
                ("CNCERT", 23, "repeated"),
                ("CNNVD", 23, "repeated"),
                ("会员体系（甲方）", 23, "repeated"),
                ("会员体系（厂商）", 23, "repeated"),
                ("产品名录", 23, "repeated"),
                ("企业空间", 23, "repeated"),
                ("+ [Actions", 300, "repeated"),
                (
                    "Automate any workflow](https://github.com/features/actions)",
                    300,
                    "repeated"
                ),
                ("（《新闻联播》 20241004 19:00）", 300, "repeated"),
            ]
        );
        // Below the threshold (23 of 1000 documents), the menu stays; so does a stub
        // text the platform rules drop the page for.
        let (out, removed) = remove_repeated_paragraphs(
            text,
            &Corpus::from_fn(1000, &f),
            Thresholds::default(),
            &|_| false,
        );
        assert!(out.contains("\nCNCERT\nCNNVD\n") && removed.len() == 3);
        let (out, _) = remove_repeated_paragraphs(
            "正文。\n\n+ [Actions\n\n  Automate any workflow](https://github.com/features/actions)\n",
            &Corpus::from_fn(400, &f),
            Thresholds::default(),
            &|l| l.contains("Automate"),
        );
        assert_eq!(
            out,
            "正文。\n\n+ [Actions\n\n  Automate any workflow](https://github.com/features/actions)\n"
        );
    }

    /// `line` with each run of digits as `0`, as the host's statistics count a short line.
    fn digits_as_one(line: &str) -> String {
        let mut out = String::new();
        for c in line.chars() {
            if !c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('0') {
                out.push('0');
            }
        }
        out
    }

    #[test]
    fn a_numbered_item_of_the_documents_list_and_its_heading_stay() {
        // Every broadcast's summary numbers its two sections of briefs, and its details
        // head them: all 300 documents hold the labels (digits count as one); the
        // footer's numbered links too.
        let g = |l: &str| match digits_as_one(l).as_str() {
            "本期节目主要内容：" | "0.国内联播快讯：" | "0.国际联播快讯：" => {
                300
            }
            "国内联播快讯" | "国际联播快讯" => 290,
            "0.关注我们" | "0.联系我们" => 300,
            _ => 1,
        };
        let text = "本期节目主要内容：\n\n1.习近平同多米尼克总统互致贺电；\n\n2.国内联播快讯：\n\n（1）全国新设立外商投资企业数量同比增长；\n\n（2）我国境内机场达38个；\n\n3.以军与巴武装组织在加沙冲突持续；\n\n4.国际联播快讯：\n\n（1）冰岛西南部火山持续喷发。\n\n国内联播快讯\n\n商务部最新数据显示，今年1—2月，全国新设立外商投资企业7160家。\n\n国际联播快讯\n\n冰岛西南部雷克雅内斯半岛上的火山持续活跃。\n\n1.关注我们\n\n2.联系我们\n";
        let (out, removed) = in_source(text, &g);
        assert_eq!(
            out,
            "1.习近平同多米尼克总统互致贺电；\n\n2.国内联播快讯：\n\n（1）全国新设立外商投资企业数量同比增长；\n\n（2）我国境内机场达38个；\n\n3.以军与巴武装组织在加沙冲突持续；\n\n4.国际联播快讯：\n\n（1）冰岛西南部火山持续喷发。\n\n国内联播快讯\n\n商务部最新数据显示，今年1—2月，全国新设立外商投资企业7160家。\n\n国际联播快讯\n\n冰岛西南部雷克雅内斯半岛上的火山持续活跃。\n"
        );
        assert_eq!(
            rules(&removed),
            vec![
                ("本期节目主要内容：", 300, "repeated"),
                ("1.关注我们", 300, "repeated"),
                ("2.联系我们", 300, "repeated"),
            ]
        );
        assert_eq!(numbered("（12）天气"), Some((12, "（N）", "天气")));
        assert_eq!(numbered("2024.03.23"), Some((2024, "N.", "03.23")));
        assert_eq!(numbered("12345.x"), None);
        assert_eq!(numbered("3."), None);
    }

    #[test]
    fn a_section_heading_between_the_documents_own_text_stays() {
        // A broadcast without a summary: its briefs are headed `### 国内联播快讯`, which
        // every broadcast holds. Written as a paragraph, the same line is a site's
        // appeal between two paragraphs, and goes.
        let g = |l: &str| match l {
            "国内联播快讯" => 290,
            _ => 1,
        };
        let corpus = Corpus::from_fn(300, &g);
        let text = "上半年全国居民消费价格同比上涨0.1%，扣除食品和能源价格后的核心消费价格同比上涨0.8%，物价总水平保持平稳。\n\n国内联播快讯\n\n2024年中欧班列累计开行一万列\n\n今天，X8017次中欧班列从武汉吴家山站开出，前往德国杜伊斯堡，这标志着今年中欧班列累计开行已达10000列。\n";
        let heading = "上半年全国居民消费价格同比上涨0.1%，扣除食品和能源价格后的核心消费价格同比上涨0.8%，物价总水平保持平稳。\n\n### 国内联播快讯\n\n**2024年中欧班列累计开行一万列**\n\n今天，X8017次中欧班列从武汉吴家山站开出，前往德国杜伊斯堡，这标志着今年中欧班列累计开行已达10000列。\n";
        let (out, removed) = wrapped(text, None, &corpus, heading);
        assert_eq!(out, text);
        assert!(removed.is_empty());
        let paragraph = heading.replace("### ", "");
        let (out, removed) = wrapped(text, None, &corpus, &paragraph);
        assert_eq!(out, text.replace("国内联播快讯\n\n", ""));
        assert_eq!(rules(&removed), vec![("国内联播快讯", 290, "repeated")]);
    }

    #[test]
    fn a_section_heading_after_a_short_note_of_the_documents_own_stays() {
        // A weekly digest: an item's note is a sentence shorter than a paragraph; the
        // next section's heading (`## 工具`) is held by every issue.
        let g = |l: &str| match l {
            "工具" => 395,
            _ => 1,
        };
        let corpus = Corpus::from_fn(418, &g);
        let text =
            "本文是一篇科普文章，介绍什么是 Linux 信号，以及它的基本用法。\n\n工具\n\n1、Lexical\n";
        let source = "本文是一篇科普文章，介绍什么是 Linux 信号，以及它的基本用法。\n\n## 工具\n\n1、[Lexical](https://lexical.dev/)\n";
        let (out, removed) = wrapped(text, None, &corpus, source);
        assert_eq!((out.as_str(), removed.len()), (text, 0));
        // After a short line that is no sentence (a caption, a title), it goes.
        let caption = text.replace(
            "本文是一篇科普文章，介绍什么是 Linux 信号，以及它的基本用法。",
            "Linux 信号示意图",
        );
        let source = source.replace(
            "本文是一篇科普文章，介绍什么是 Linux 信号，以及它的基本用法。",
            "Linux 信号示意图",
        );
        let (out, _) = wrapped(&caption, None, &corpus, &source);
        assert_eq!(out, "Linux 信号示意图\n\n1、Lexical\n");
        // After an item of the document's numbered list (an item without a note), it
        // stays.
        let item = "2、Flet\n\n工具\n\n1、Lexical\n";
        let source =
            "2、[Flet](https://flet.dev/)\n\n## 工具\n\n1、[Lexical](https://lexical.dev/)\n";
        let (out, removed) = wrapped(item, None, &corpus, source);
        assert_eq!((out.as_str(), removed.len()), (item, 0));
        // Before the first item of its list, which other issues link too, it stays.
        let g = |l: &str| match l {
            "工具" => 395,
            "1、HTTP Cat" => 2,
            _ => 1,
        };
        let corpus = Corpus::from_fn(418, &g);
        let (out, removed) = wrapped(
            "一个使用 WebGL 技术搭建的在线图像编辑器，使用非常流畅。\n\n工具\n\n1、HTTP Cat\n\n该网站对每个 HTTP 状态码，返回一张不同的猫咪照片。\n",
            None,
            &corpus,
            "一个使用 WebGL 技术搭建的在线图像编辑器，使用非常流畅。\n\n## 工具\n\n1、[HTTP Cat](https://http.cat/)\n\n该网站对每个 HTTP 状态码，返回一张不同的猫咪照片。\n",
        );
        assert_eq!(
            (out.as_str(), removed.len()),
            ("一个使用 WebGL 技术搭建的在线图像编辑器，使用非常流畅。\n\n工具\n\n1、HTTP Cat\n\n该网站对每个 HTTP 状态码，返回一张不同的猫咪照片。\n", 0)
        );
    }
}
