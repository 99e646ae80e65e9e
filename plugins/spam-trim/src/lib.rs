//! wenku plugin `spam-trim`: the article text out of HTML, Markdown (front matter to
//! metadata) and scraped text, with boilerplate and SEO spam removed and nothing of the
//! article lost.
//!
//! Settings: `lexicon` (path of a user file with more boilerplate phrases or spam terms,
//! same format as `data/boilerplate.txt`; `[spam]` section for spam terms),
//! `drop_spam_only` (default `true`: a record that is nothing but spam is dropped).
//! Metadata set: `media_type` (`text/plain`), `spam_score` (share of the input's
//! characters that were SEO spam), `removed_lines`, and front matter fields (`title`,
//! `date`, `author`, `categories`, `tags`) or the HTML `title`.

pub mod corpus;
pub mod html;
pub mod lexicon;
pub mod lines;
pub mod markdown;
pub mod platform;

use wenku_plugin::{Config, Corpus, Filter, Meta, Output};

pub use lexicon::Lexicon;
pub use platform::Platforms;

pub struct SpamTrim {
    lexicon: Lexicon,
    drop_spam_only: bool,
    platforms: Platforms,
    repeat: Option<corpus::Thresholds>,
}

/// What trimming made of a record.
#[derive(Debug)]
pub struct Trimmed {
    /// `None`: the record is nothing but spam (or empty after trimming).
    pub text: Option<String>,
    pub spam_score: f64,
    pub removed_lines: usize,
    /// Each removed line and its rule (see `lines::Cleaned::removed`).
    pub removed: Vec<(String, &'static str)>,
    pub meta: Vec<(String, String)>,
}

/// The metadata key a host sets (to any value) to ask for [`REMOVED_DETAIL`].
pub const EXPLAIN_KEY: &str = "wenku.explain";
/// The metadata key of the removed lines with their rules, a JSON list of
/// `{"line","rule"}` (and `documents` for the corpus rules `repeated`, `edge`, `list`),
/// set only when the host asked with [`EXPLAIN_KEY`].
pub const REMOVED_DETAIL: &str = "removed_detail";

fn looks_html(s: &str) -> bool {
    let head = &s.as_bytes()[..s.len().min(4096)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    [
        "<p", "<div", "<br", "<span", "<table", "<img", "<h1", "<h2", "<article", "<body", "<html",
        "<style", "<script",
    ]
    .iter()
    .filter(|t| lower.contains(*t))
    .count()
        >= 1
        && lower.contains('>')
}

impl SpamTrim {
    pub fn with_lexicon(lexicon: Lexicon) -> SpamTrim {
        SpamTrim {
            lexicon,
            drop_spam_only: true,
            platforms: Platforms::builtin(),
            repeat: Some(corpus::Thresholds::default()),
        }
    }

    /// Trim one record of `media_type` (`text/html`, `text/markdown`, `text/plain`).
    pub fn trim(&self, text: &str, media_type: Option<&str>) -> Trimmed {
        let mut meta = Vec::new();
        let media = media_type.unwrap_or("text/plain");
        let mut body: std::borrow::Cow<'_, str> = std::borrow::Cow::Borrowed(text);
        if media.contains("markdown") || media == "text/plain" {
            if let Some(fm) = markdown::front_matter(text) {
                for (k, v) in fm.fields {
                    if matches!(
                        k.as_str(),
                        "title" | "date" | "author" | "categories" | "tags"
                    ) && !v.is_empty()
                    {
                        meta.push((k, v));
                    }
                }
                body = std::borrow::Cow::Owned(fm.body.to_string());
            }
        }
        let is_html = media.contains("html") || looks_html(&body);
        let plain: String = if is_html {
            let e = html::extract(&body);
            if let Some(t) = e.title {
                if !meta.iter().any(|(k, _)| k == "title") {
                    meta.push(("title".into(), t));
                }
            }
            e.paragraphs.join("\n\n")
        } else if media.contains("markdown") {
            markdown::to_text(&body)
        } else {
            body.into_owned()
        };
        let cleaned = lines::clean(&plain, &self.lexicon);
        let total = text.chars().count().max(1);
        let spam_score = cleaned.spam_chars as f64 / total as f64;
        let empty = !lines::has_words(&cleaned.text);
        Trimmed {
            text: (!empty).then_some(cleaned.text),
            spam_score,
            removed_lines: cleaned.removed_lines,
            removed: cleaned.removed,
            meta,
        }
    }
}

/// `s` as a JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Filter for SpamTrim {
    const NAME: &'static str = "spam-trim";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Article text out of HTML, Markdown (front matter to metadata) and scraped text; boilerplate lines, breadcrumbs, junk digits and SEO spam lists removed; records that are only spam dropped.";
    const CONFIG_SCHEMA: &'static str = r#"{"type":"object","properties":{"lexicon":{"type":"string","description":"path of an extra lexicon file ([short], [paragraph], [exact], [spam] sections)"},"drop_spam_only":{"type":"boolean","default":true,"description":"drop records that are nothing but spam"},"platforms":{"type":"string","description":"path of extra platform rules (interface text, stub pages; format of data/platforms.txt)"},"repeated_lines":{"type":"boolean","default":true,"description":"remove lines that repeat across the documents of the record's source (corpus statistics)"},"repeat_min_docs":{"type":"string","default":"20","description":"anywhere in a document, a repeated line is held by at least this many documents of its source"},"repeat_min_share":{"type":"string","default":"0.05","description":"and by at least this share of them"},"repeat_edge_min_docs":{"type":"string","default":"3","description":"at a document's start and end, a repeated line is held by at least this many documents (the run at most a third of the text)"}},"additionalProperties":false}"#;

    fn new(config: &Config) -> Result<Self, String> {
        config.only(&[
            "lexicon",
            "drop_spam_only",
            "platforms",
            "repeated_lines",
            "repeat_min_docs",
            "repeat_min_share",
            "repeat_edge_min_docs",
        ])?;
        let mut platforms = Platforms::builtin();
        if let Some(path) = config.get("platforms") {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read platform rules {path}: {e}"))?;
            platforms
                .add(&text)
                .map_err(|e| format!("platform rules {path}: {e}"))?;
        }
        let defaults = corpus::Thresholds::default();
        let repeat = if config.flag("repeated_lines", true)? {
            let min_docs = match config.get("repeat_min_docs") {
                Some(v) => v.parse::<u64>().map_err(|_| {
                    format!("repeat_min_docs={v:?} is not a whole number of documents")
                })?,
                None => defaults.min_docs,
            };
            let min_share = match config.get("repeat_min_share") {
                Some(v) => v
                    .parse::<f64>()
                    .ok()
                    .filter(|x| (0.0..=1.0).contains(x))
                    .ok_or_else(|| {
                        format!("repeat_min_share={v:?} is not a share between 0 and 1")
                    })?,
                None => defaults.min_share,
            };
            let edge_min_docs = match config.get("repeat_edge_min_docs") {
                Some(v) => v.parse::<u64>().map_err(|_| {
                    format!("repeat_edge_min_docs={v:?} is not a whole number of documents")
                })?,
                None => defaults.edge_min_docs,
            };
            Some(corpus::Thresholds {
                min_docs,
                min_share,
                edge_min_docs,
            })
        } else {
            None
        };
        let mut lexicon = Lexicon::builtin();
        if let Some(path) = config.get("lexicon") {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read lexicon {path}: {e}"))?;
            lexicon.add_boilerplate(&text);
        }
        Ok(SpamTrim {
            lexicon,
            drop_spam_only: config.flag("drop_spam_only", true)?,
            platforms,
            repeat,
        })
    }

    fn transform(&self, input: &[u8], meta: &Meta) -> Result<Output, String> {
        self.transform_with_corpus(input, meta, &Corpus::NONE)
    }

    fn transform_with_corpus(
        &self,
        input: &[u8],
        meta: &Meta,
        corpus: &Corpus,
    ) -> Result<Output, String> {
        let text = simdutf8::compat::from_utf8(input).map_err(|e| {
            format!(
                "input is not UTF-8 (invalid byte at offset {}); enable encoding-repair before spam-trim",
                e.valid_up_to()
            )
        })?;
        let mut t = self.trim(text, meta.get("media_type"));
        let explain = meta.get(EXPLAIN_KEY).is_some();
        let mut detail: Vec<String> = t
            .removed
            .iter()
            .map(|(line, rule)| {
                format!(
                    "{{\"line\":{},\"rule\":{}}}",
                    json_string(line),
                    json_string(rule)
                )
            })
            .collect();
        let mut after = Vec::new();
        if let Some(body) = t.text.take() {
            let url = t
                .meta
                .iter()
                .rev()
                .find(|(k, _)| k == "original_url" || k == "url")
                .map(|(_, v)| v.as_str())
                .or(meta.get("url"))
                .or_else(|| meta.get("key").filter(|k| k.contains("://")));
            let title = t
                .meta
                .iter()
                .rev()
                .find(|(k, _)| k == "title")
                .map(|(_, v)| v.as_str())
                .or(meta.get("title"));
            let applied = self.platforms.apply(&body, url, title);
            if !applied.platforms.is_empty() {
                after.push(("platform".to_string(), applied.platforms.join(",")));
            }
            if applied.removed_lines > 0 {
                after.push((
                    "interface_lines".to_string(),
                    applied.removed_lines.to_string(),
                ));
            }
            if let Some(reason) = applied.stub {
                let mut out = Output::drop(reason);
                out.meta = t.meta;
                out.meta.extend(after);
                return Ok(out);
            }
            let mut body = applied.text;
            if let Some(thresholds) = self.repeat {
                let (kept, removed) = corpus::remove_repeated(&body, corpus, thresholds);
                if !removed.is_empty() {
                    detail.extend(removed.iter().map(|r| {
                        format!(
                            "{{\"line\":{},\"rule\":{},\"documents\":{}}}",
                            json_string(&r.line),
                            json_string(r.rule),
                            r.documents
                        )
                    }));
                    after.push(("repeated_lines".to_string(), removed.len().to_string()));
                    body = kept;
                }
            }
            t.text = lines::has_words(&body).then_some(body);
        }
        let mut out = match t.text {
            Some(s) => Output::keep_if_changed(input, s),
            None if self.drop_spam_only && t.spam_score > 0.0 => Output::drop(format!(
                "SEO spam only ({:.0}% of the text was keyword lists)",
                t.spam_score * 100.0
            )),
            None if self.drop_spam_only => {
                Output::drop("no article text (only boilerplate or empty)")
            }
            None => Output::keep(Vec::new()),
        };
        out.meta = t.meta;
        out.meta.push(("media_type".into(), "text/plain".into()));
        out.meta
            .push(("spam_score".into(), format!("{:.3}", t.spam_score)));
        out.meta
            .push(("removed_lines".into(), t.removed_lines.to_string()));
        out.meta.extend(after);
        if explain {
            out.meta.push((
                REMOVED_DETAIL.to_string(),
                format!("[{}]", detail.join(",")),
            ));
        }
        Ok(out)
    }
}

wenku_plugin::export_plugin!(SpamTrim);
