//! Boilerplate learned from the archive: lines that many documents of the record's
//! source hold (appeals, bios, footers, share prompts, "related" lists) are removed,
//! using the host's corpus statistics (ABI 1.1) instead of a lexicon.
//!
//! - Anywhere in a document, a line goes when at least `max(min_docs, ⌈min_share ×
//!   documents of the source⌉)` documents of its source hold it.
//! - At the document's edges (its first and last lines, where sites put bylines, bios,
//!   appeals and link lists), a run of lines each held by at least `edge_min_docs`
//!   documents goes — as long as the run is at most a third of the document's text, so
//!   a page whose whole text repeats (a copy of another page) is left alone.
//! - A removed line also takes the lines right after it that other documents hold too
//!   (at least two: the items of a "related articles" list are the titles of other
//!   pages), up to the first line only this document holds or longer than a title
//!   ([`LIST_ITEM_MAX_CHARS`]).
//!
//! Lines are whole lines (compared as the host normalises them): a phrase repeated
//! inside a sentence never matches.

use wenku_plugin::Corpus;

/// Longest line taken as an item of a list after a removed line (titles of other
/// pages); a longer line is prose and ends the list.
pub const LIST_ITEM_MAX_CHARS: usize = 50;

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
    /// Which rule removed it: `repeated`, `edge` or `list`.
    pub rule: &'static str,
}

/// `text` without the lines that repeat across its source, and what went.
pub fn remove_repeated(text: &str, corpus: &Corpus, t: Thresholds) -> (String, Vec<Removed>) {
    let documents = corpus.source_documents();
    let needed = t.needed(documents);
    let edge = t.edge_min_docs.max(2);
    if documents < edge {
        return (text.to_string(), Vec::new());
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let counts: Vec<u64> = lines
        .iter()
        .map(|l| {
            let c = l.trim();
            if c.is_empty() {
                0
            } else {
                corpus.line_documents(c)
            }
        })
        .collect();
    let mut rule: Vec<Option<&'static str>> = vec![None; lines.len()];
    let mut in_list = false;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        if counts[i] >= needed {
            rule[i] = Some("repeated");
            in_list = true;
        } else if in_list && counts[i] >= 2 && l.trim().chars().count() <= LIST_ITEM_MAX_CHARS {
            rule[i] = Some("list");
        } else {
            in_list = false;
        }
    }
    // The edges: runs of lines held by `edge` documents or more.
    let total: usize = lines.iter().map(|l| l.trim().chars().count()).sum();
    let blank_or_common = |i: usize| lines[i].trim().is_empty() || counts[i] >= edge;
    let tail_start = (0..lines.len())
        .rev()
        .take_while(|i| blank_or_common(*i))
        .last()
        .unwrap_or(lines.len());
    let head_end = (0..lines.len())
        .take_while(|i| blank_or_common(*i))
        .last()
        .map_or(0, |i| i + 1);
    for range in [0..head_end.min(tail_start), tail_start..lines.len()] {
        let chars: usize = range.clone().map(|i| lines[i].trim().chars().count()).sum();
        if chars * 3 <= total {
            for i in range {
                if rule[i].is_none() && !lines[i].trim().is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(line: &str) -> u64 {
        match line {
            "請加入成為眾新聞的月費訂戶" => 300,
            "相關文章" => 400,
            "另一篇的標題" => 3,
            "第三篇的標題" => 2,
            "博客 | 德小姐" => 30,
            "【德小姐】專欄主要說說在德國、旅行的事。" => 30,
            "眾新聞製圖" => 150,
            _ => 1,
        }
    }

    fn rules(removed: &[Removed]) -> Vec<(&str, u64, &str)> {
        removed
            .iter()
            .map(|r| (r.line.as_str(), r.documents, r.rule))
            .collect()
    }

    #[test]
    fn repeated_lines_lists_and_edges_go_unique_lines_stay() {
        let f = counts;
        let corpus = Corpus::from_fn(6000, &f);
        let text = "正文第一段，說了很多很多的事情，這是一段很長的文章內容。\n\n請加入成為眾新聞的月費訂戶\n\n正文第二段，請加入成為眾新聞的月費訂戶的句子。\n\n眾新聞製圖\n\n相關文章\n另一篇的標題\n第三篇的標題\n結語只此一篇，也是很長很長的一段文字。\n\n博客 | 德小姐\n\n【德小姐】專欄主要說說在德國、旅行的事。\n";
        let (out, removed) = remove_repeated(text, &corpus, Thresholds::default());
        assert_eq!(
            out,
            "正文第一段，說了很多很多的事情，這是一段很長的文章內容。\n\n正文第二段，請加入成為眾新聞的月費訂戶的句子。\n\n眾新聞製圖\n\n結語只此一篇，也是很長很長的一段文字。\n"
        );
        assert_eq!(
            rules(&removed),
            vec![
                ("請加入成為眾新聞的月費訂戶", 300, "repeated"),
                ("相關文章", 400, "repeated"),
                ("另一篇的標題", 3, "list"),
                ("第三篇的標題", 2, "list"),
                ("博客 | 德小姐", 30, "edge"),
                ("【德小姐】專欄主要說說在德國、旅行的事。", 30, "edge"),
            ]
        );
    }

    #[test]
    fn a_copied_article_after_a_repeated_line_is_no_list() {
        let f = |l: &str| if l == "{{< video >}}" { 500 } else { 2 };
        let text = "{{< video >}}\n\n數十名防暴警方周六晚上十時過後抵達漆咸道南，並在科學館道施放多枚催淚彈驅散示威者，有多枚催淚彈射入停車場範圍。\n\n短句。\n";
        let (out, removed) =
            remove_repeated(text, &Corpus::from_fn(6000, &f), Thresholds::default());
        assert_eq!(
            out,
            "數十名防暴警方周六晚上十時過後抵達漆咸道南，並在科學館道施放多枚催淚彈驅散示威者，有多枚催淚彈射入停車場範圍。\n\n短句。\n"
        );
        assert_eq!(rules(&removed), vec![("{{< video >}}", 500, "repeated")]);
    }

    #[test]
    fn a_page_that_repeats_whole_is_left_alone() {
        let f = |_: &str| 4;
        let text = "同一篇文章的第一段。\n\n同一篇文章的第二段。\n";
        let (out, removed) =
            remove_repeated(text, &Corpus::from_fn(1000, &f), Thresholds::default());
        assert_eq!((out.as_str(), removed.len()), (text, 0));
    }

    #[test]
    fn small_sources_and_missing_statistics_change_nothing() {
        let f = counts;
        let text = "相關文章\n正文。\n";
        assert_eq!(
            remove_repeated(text, &Corpus::from_fn(2, &f), Thresholds::default()).0,
            text
        );
        assert_eq!(
            remove_repeated(text, &Corpus::NONE, Thresholds::default()).0,
            text
        );
        assert_eq!(Thresholds::default().needed(6000), 300);
        assert_eq!(Thresholds::default().needed(300), 20);
    }
}
