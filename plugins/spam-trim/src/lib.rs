//! wenku plugin `spam-trim`: the article text out of HTML, Markdown (front matter to
//! metadata) and scraped text, with boilerplate and SEO spam removed and nothing of the
//! article lost.
//!
//! The pipeline of one record ([`SpamTrim::trim`]): records that are not prose (JSON,
//! CSV, source code, binary) are left unchanged → front matter to metadata → the body to
//! blocks (HTML: [`html`], Markdown: [`markdown`]) → the article among the blocks (HTML:
//! [`html::Page::article`], Markdown: [`content::choose`], started at the page's title by
//! [`content::from_title`]) → the title heading of a
//! Markdown page put back when extraction left it out ([`block::title_restored`]) and said once
//! ([`block::title_once`]) → an excerpt the text after it repeats left out
//! ([`block::excerpt_once`]) → a block said three times and more in a row said once
//! ([`block::repeats_once`]) → written as text or Markdown ([`block::render`]) → line
//! cleaning ([`lines::clean`]) → a page left with a few short lines and no sentence holds
//! no article ([`record::article_less`]), unless a paragraph of prose the chooser left out
//! ([`record::prose_sentence`]) keeps it, and neither does one left with its title, a date
//! and an excerpt cut short ([`record::teaser_only`]) → the result.
//!
//! Settings: `output` (`text`, default, or `markdown`), `lexicon` (path of a user file
//! with more boilerplate phrases or spam terms, same format as `data/boilerplate.txt`;
//! `[spam]` section for spam terms), `drop_spam_only` (default `true`: a record that is
//! nothing but spam is dropped), `drop_article_less` (default `true`: a page that
//! extraction reduces to at most 20 short lines, none a sentence — a title, menus,
//! interface text — holds no article and is dropped), `captions` (default `true`: image
//! captions and alt texts that read as captions are kept), `headline` (default `true`:
//! an HTML page's headline that the article's container leaves out is put first, when
//! it says the page's title). Metadata set: `media_type`
//! (`text/plain` or `text/markdown`, as written), `spam_score` (share of the input's
//! characters that were SEO spam), `removed_lines`, every front matter field (or the
//! HTML `title`), and `not_prose` with the reason when a record is left unchanged.

pub mod block;
pub mod cfemail;
pub mod content;
pub mod corpus;
pub mod formula;
pub mod html;
pub mod lexicon;
pub mod lines;
pub mod markdown;
pub mod platform;
pub mod record;

use wenku_plugin::{Config, Corpus, Filter, Meta, Output};

pub use block::Output as Format;
pub use lexicon::Lexicon;
pub use platform::Platforms;

pub struct SpamTrim {
    lexicon: Lexicon,
    drop_spam_only: bool,
    drop_article_less: bool,
    output: Format,
    captions: bool,
    headline: bool,
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
    /// Set when the record is not prose and was left unchanged (`text` is then `None`).
    pub not_prose: Option<record::NotProse>,
    /// A page (HTML or Markdown) that extraction took blocks out of (chrome, navigation),
    /// without code or tables: if what is left is a few short lines and no sentence, it
    /// holds no article.
    pub reduced: bool,
    /// The record was read as a page (HTML or Markdown) that extraction took blocks out
    /// of (chrome, navigation), with or without code and tables, or whose front matter
    /// names the address it was saved from (a digest keeps all its blocks): a saved web
    /// page, not a document written as Markdown.
    pub page: bool,
    /// Set when the record is such a page and holds no article (`text` is then `None`):
    /// the number of short lines that were left.
    pub article_less: Option<usize>,
    /// The text with the sentences of prose the article chooser left out, for a page
    /// (see `reduced`) that would otherwise hold no article: used if the page holds none.
    pub rescued: Option<String>,
    /// The lines of the code blocks in `text` ([`lines::Cleaned::code_lines`]).
    pub code_lines: Vec<String>,
    /// The headings' lines in `text` ([`lines::Cleaned::heading_lines`]).
    pub heading_lines: Vec<String>,
    /// An HTML page's headline that the article's container left out, written out: put
    /// first in `text` when the page is judged here, else by the caller once it keeps
    /// the text ([`block::with_headline`]).
    pub headline: Option<String>,
    /// Set when the record is such a page and holds nothing but its title, perhaps a
    /// date, and an excerpt cut short (`text` is then `None`; see
    /// [`record::teaser_only`]).
    pub teaser_only: bool,
}

/// Least [`block::weight`] of an HTML page's article below which the text of its
/// `<noscript>` is looked at ([`html::with_noscript_text`]).
const NOSCRIPT_FALLBACK_WEIGHT: usize = 200;

/// How many times the weight of the article a page shows its JSON-LD `articleBody` must
/// have at least to be taken for the text instead ([`html::ld_article_body`]): a body a
/// little longer than what the page shows is the same text with its captions or boxes.
const LD_BODY_SHARE: usize = 2;

/// Most paragraphs of prose the article chooser left out that keep a page which would
/// otherwise hold no article (more are other articles' headlines and excerpts).
const RESCUED_MAX_BLOCKS: usize = 2;

/// Marks a code block's place while the text around it is cleaned (a private-use
/// character, not text; no icon glyph to the line rules, see [`lines::icon`]).
pub(crate) const CODE_MARK: char = '\u{F8FF}';

/// How the body of a record is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Html,
    Markdown,
    Plain,
}

/// The metadata key a host sets (to any value) to ask for [`REMOVED_DETAIL`].
pub const EXPLAIN_KEY: &str = "wenku.explain";
/// The metadata key of the removed lines with their rules, a JSON list of
/// `{"line","rule"}` (and `documents` for the corpus rules `repeated` and `edge`),
/// set only when the host asked with [`EXPLAIN_KEY`].
pub const REMOVED_DETAIL: &str = "removed_detail";

fn looks_html(s: &str) -> bool {
    let head = &s.as_bytes()[..s.len().min(4096)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = lower.trim_start();
    if t.starts_with("<!doctype html") || t.starts_with("<html") {
        return true;
    }
    // A tag quoted as a payload (`<script>alert(1)</script>` in a report) is no markup.
    let hits = wenku_plugin::markup::markup_kinds(
        &lower,
        &[
            "<p>", "<p ", "<div", "<br", "<span", "<table", "<img", "<h1", "<h2", "<article",
            "<body", "<style", "<script", "<li",
        ],
    );
    (t.starts_with('<') && hits >= 1) || hits >= 3
}

fn looks_markdown(s: &str) -> bool {
    s.contains("](")
        || s.contains("\n```")
        || s.starts_with("```")
        || s.lines()
            .any(|l| markdown::atx_heading_level(l).is_some_and(|h| l.len() > h))
}

impl SpamTrim {
    pub fn with_lexicon(lexicon: Lexicon) -> SpamTrim {
        SpamTrim {
            lexicon,
            drop_spam_only: true,
            drop_article_less: true,
            output: Format::Text,
            captions: true,
            headline: true,
            platforms: Platforms::builtin(),
            repeat: Some(corpus::Thresholds::default()),
        }
    }

    /// The same trimmer writing `output`.
    pub fn writing(mut self, output: Format) -> SpamTrim {
        self.output = output;
        self
    }

    /// The same trimmer dropping (`true`, the default) or keeping pages without an article.
    pub fn dropping_article_less(mut self, drop: bool) -> SpamTrim {
        self.drop_article_less = drop;
        self
    }

    /// The same trimmer keeping (`true`, the default) or leaving out image captions and
    /// alt texts.
    pub fn with_captions(mut self, captions: bool) -> SpamTrim {
        self.captions = captions;
        self
    }

    /// The same trimmer putting an HTML page's headline first when the article's
    /// container left it out (`true`, the default) or not.
    pub fn with_headline(mut self, headline: bool) -> SpamTrim {
        self.headline = headline;
        self
    }

    /// Write the blocks (or, without blocks, the body as it is) and clean them line by
    /// line; code is held out of the cleaning (a `}` line is code, not a junk line).
    fn write_and_clean(&self, blocks: Option<Vec<block::Block>>, body: &str) -> lines::Cleaned {
        let mut code: Vec<String> = Vec::new();
        // Mailing lists' footers taken from the end of code blocks and of scraped text.
        let mut footers: Vec<String> = Vec::new();
        let mut headings: Vec<String> = Vec::new();
        let written = match blocks {
            Some(mut blocks) => {
                headings = blocks
                    .iter()
                    .filter(|b| matches!(b.kind, block::Kind::Heading(_)))
                    .map(|b| b.text.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                for b in blocks.iter_mut().filter(|b| {
                    b.kind == block::Kind::Code || b.code_row || markdown::unfenced_code(b)
                }) {
                    let mut held = match self.output {
                        Format::Text => std::mem::take(&mut b.text),
                        Format::Markdown => std::mem::take(&mut b.markdown),
                    };
                    if let Some((kept, footer)) = without_list_footer(&held) {
                        held = kept;
                        footers.push(footer);
                    }
                    let mark = format!("{CODE_MARK}code{}{CODE_MARK}", code.len());
                    code.push(held);
                    b.text = mark.clone();
                    b.markdown = mark;
                }
                std::borrow::Cow::Owned(block::render(&blocks, self.output))
            }
            // Scraped text: reference marks glued after punctuation or a CJK character go,
            // line by line, as from a paragraph of Markdown.
            None => {
                let mut out = String::new();
                let mut changed = false;
                let body = match lines::mailing_list_footer(body) {
                    Some(at) => {
                        footers.push(body[at..].trim().to_string());
                        changed = true;
                        &body[..at]
                    }
                    None => body,
                };
                for line in body.split_inclusive('\n') {
                    let t = markdown::glued_reference_marks(line);
                    changed |= matches!(t, std::borrow::Cow::Owned(_));
                    out.push_str(&t);
                }
                if changed {
                    std::borrow::Cow::Owned(out)
                } else {
                    std::borrow::Cow::Borrowed(body)
                }
            }
        };
        let mut cleaned = match self.output {
            Format::Text => lines::clean(&written, &self.lexicon),
            Format::Markdown => lines::clean_markdown(&written, &self.lexicon),
        };
        for footer in footers {
            for line in footer.lines().map(str::trim).filter(|l| !l.is_empty()) {
                cleaned.removed_lines += 1;
                cleaned.removed.push((line.to_string(), "boilerplate"));
            }
        }
        let mut code_lines: Vec<String> = code
            .iter()
            .flat_map(|c| c.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        code_lines.sort();
        code_lines.dedup();
        cleaned.code_lines = code_lines;
        cleaned.heading_lines = headings;
        for (i, c) in code.iter().enumerate() {
            let mark = format!("{CODE_MARK}code{i}{CODE_MARK}");
            cleaned.text = cleaned
                .text
                .replacen(&mark, c.trim_end_matches(['\n', '\r']), 1);
        }
        cleaned
    }

    /// Trim one record of `media_type` (`text/html`, `text/markdown`, `text/plain`).
    pub fn trim(&self, text: &str, media_type: Option<&str>) -> Trimmed {
        self.trim_record(text, media_type, None)
    }

    /// Trim one record of `media_type` stored under `key` (its extension tells source
    /// code and tables apart).
    pub fn trim_record(&self, text: &str, media_type: Option<&str>, key: Option<&str>) -> Trimmed {
        self.trim_judged(text, media_type, key, true)
    }

    /// [`SpamTrim::trim_record`], judging whether a page holds an article (`judge`) or
    /// leaving that to the caller (the plugin judges after the platform rules, whose stub
    /// reasons say more).
    fn trim_judged(
        &self,
        text: &str,
        media_type: Option<&str>,
        key: Option<&str>,
        judge: bool,
    ) -> Trimmed {
        let media = media_type.unwrap_or("text/plain");
        if let Some(kind) = record::classify(text, media, key) {
            return Trimmed {
                text: None,
                spam_score: 0.0,
                removed_lines: 0,
                removed: Vec::new(),
                meta: Vec::new(),
                not_prose: Some(kind),
                reduced: false,
                page: false,
                article_less: None,
                rescued: None,
                headline: None,
                teaser_only: false,
                code_lines: Vec::new(),
                heading_lines: Vec::new(),
            };
        }
        // Front matter to metadata.
        let mut meta = Vec::new();
        let mut body: &str = text;
        let mut has_front_matter = false;
        if !media.contains("html") {
            if let Some(fm) = markdown::front_matter(text) {
                meta.extend(fm.fields.into_iter().filter(|(_, v)| !v.is_empty()));
                body = fm.body;
                has_front_matter = true;
            }
        }
        // The body to blocks, the article among them.
        let syntax = if media.contains("html") {
            Syntax::Html
        } else if media.contains("markdown") || has_front_matter {
            Syntax::Markdown
        } else if looks_html(body) {
            Syntax::Html
        } else if looks_markdown(body) {
            Syntax::Markdown
        } else {
            Syntax::Plain
        };
        // An HTML page's one `h1` near its article ([`html::Page::sole_headline_near`]).
        let mut sole_h1 = None;
        let (article, all): (Option<Vec<block::Block>>, Vec<block::Block>) = match syntax {
            Syntax::Html => {
                let shared = html::with_shared_article(body);
                let source = shared.as_deref().unwrap_or(body);
                let mut page = html::Page::parse(source);
                let mut article = page.article();
                // A page that a script fills, its text in a `<noscript>` for readers
                // without one.
                let words =
                    |blocks: &[block::Block]| -> usize { blocks.iter().map(|b| b.weight()).sum() };
                if words(&article) < NOSCRIPT_FALLBACK_WEIGHT {
                    if let Some(unwrapped) = html::with_noscript_text(source) {
                        let p = html::Page::parse(&unwrapped);
                        let a = p.article();
                        if words(&a) > words(&article) {
                            page = p;
                            article = a;
                        }
                    }
                }
                // A page whose schema.org data holds its whole text, of which the page
                // shows less than half (filled by a script, or behind a paywall).
                if let Some((body, headline)) = html::ld_article_body(source) {
                    if block::weight(&body) >= LD_BODY_SHARE * words(&article) {
                        let title = page.title.clone();
                        let made =
                            html::with_ld_article(&body, headline.as_deref(), title.as_deref());
                        let p = html::Page::parse(&made);
                        let a = p.article();
                        if words(&a) >= LD_BODY_SHARE * words(&article) {
                            page = p;
                            article = a;
                        }
                    }
                }
                if let Some(t) = &page.title {
                    if !meta.iter().any(|(k, _)| k == "title") {
                        meta.push(("title".into(), t.clone()));
                    }
                }
                sole_h1 = article
                    .first()
                    .and_then(|b| page.sole_headline_near(b.node));
                (Some(article), page.blocks)
            }
            Syntax::Markdown => {
                let blocks = markdown::blocks(body);
                // A feed's post saved as Markdown opens with its headline as a link to
                // the post (`[Title](url)` over a `---` line, `## [Title](url)`): the
                // title of a page that names none.
                if !meta.iter().any(|(k, _)| k == "title") {
                    if let Some(t) = block::linked_headline(&blocks) {
                        meta.push(("title".into(), t));
                    }
                }
                // A repository page on GitHub: its README is the article; a release
                // page: its notes.
                // A repository page on GitHub saved cut short above its README: its
                // description.
                let github = ["original_url", "url"]
                    .iter()
                    .find_map(|name| meta.iter().rev().find(|(k, _)| k == name))
                    .and_then(|(_, u)| platform::host_of(u))
                    .is_some_and(|h| platform::github_host(&h));
                let keep = content::choose_readme(&blocks, body, &self.lexicon)
                    .or_else(|| content::choose_release(&blocks))
                    .unwrap_or_else(|| {
                        let keep = content::choose(&blocks, body, &self.lexicon);
                        match github {
                            true => content::with_header(&blocks, keep),
                            false => keep,
                        }
                    });
                // A scraper's front matter may hold the title with its character
                // references (`oledump &#x26; MSI Files`); the headings hold it decoded.
                if let Some((_, t)) = meta.iter_mut().rev().find(|(k, _)| k == "title") {
                    *t = html::decode_entities(t);
                }
                let title = meta.iter().rev().find(|(k, _)| k == "title");
                let title = title.map(|(_, v)| v.as_str());
                let keep = content::from_title(&blocks, keep, title);
                let keep = content::with_title_lead(&blocks, keep, title);
                let article = blocks
                    .iter()
                    .zip(keep)
                    .filter(|(_, k)| *k)
                    .map(|(b, _)| b.clone())
                    .collect();
                (Some(article), blocks)
            }
            Syntax::Plain => (None, Vec::new()),
        };
        let chosen = article.as_ref().map_or(0, Vec::len);
        let saved = meta.iter().any(|(k, _)| k == "url" || k == "original_url");
        let blocks_in_all = all.len();
        let title = meta
            .iter()
            .rev()
            .find(|(k, _)| k == "title")
            .map(|(_, v)| v.clone());
        // An HTML page's headline that the article's container left out goes first in
        // what is kept; it is no part of what the rules below judge (a page of its
        // headline and a footer still holds no article).
        let headline = match (&article, syntax) {
            (Some(blocks), Syntax::Html) if self.headline => {
                block::missing_headline(blocks, &all, title.as_deref(), sole_h1)
                    .map(|h| block::render(std::slice::from_ref(&h), self.output))
            }
            _ => None,
        };
        let article = article
            .map(|blocks| {
                // A page saved as Markdown starts with its title heading; an HTML page's
                // `title` often names its site too, and its chooser keeps the heading
                // its article container holds.
                if syntax == Syntax::Markdown {
                    block::title_restored(blocks, &all, title.as_deref())
                } else {
                    blocks
                }
            })
            .map(|blocks| block::title_once(blocks, title.as_deref()))
            .map(|blocks| block::without_orphan_labels(blocks, &all))
            .map(|blocks| block::without_cover_captions(blocks, title.as_deref()))
            .map(|blocks| block::excerpt_once(blocks, title.as_deref()))
            .map(block::repeats_once)
            .map(block::without_avatar_boxes)
            .map(|blocks| block::without_byline_titles(blocks, &all))
            .map(|blocks| block::alt_said_by_caption(blocks, title.as_deref()))
            .map(block::without_sponsored_sections)
            .map(block::without_author_sections)
            .map(|blocks| block::without_trailing_headings(blocks, &all))
            .map(|blocks| {
                if self.captions {
                    blocks
                } else {
                    blocks
                        .into_iter()
                        .filter(|b| b.kind != block::Kind::Caption)
                        .collect()
                }
            });
        let structured = article.as_ref().is_some_and(|blocks| {
            blocks
                .iter()
                .any(|b| matches!(b.kind, block::Kind::Code | block::Kind::Row { .. }))
        });
        let chosen_blocks = article.clone();
        let mut cleaned = self.write_and_clean(article, body);
        let reduced = syntax != Syntax::Plain && !structured && chosen < blocks_in_all;
        // The article with the sentences of prose the chooser left out (a repository's
        // README of one linked sentence), for a page that would otherwise hold no article:
        // paragraphs, one or two (more are a list of other articles' headlines).
        let mut rescued = None;
        if reduced && self.drop_article_less {
            let prose: Vec<block::Block> = all
                .iter()
                .filter(|b| {
                    b.kind == block::Kind::Paragraph
                        && record::prose_sentence(&b.text)
                        && !lines::boilerplate(b.text.trim(), &self.lexicon)
                        && !cleaned.text.contains(b.text.trim())
                })
                .cloned()
                .collect();
            if (1..=RESCUED_MAX_BLOCKS).contains(&prose.len()) {
                let mut blocks = chosen_blocks.unwrap_or_default();
                blocks.extend(prose);
                rescued = Some(self.write_and_clean(Some(blocks), body));
            }
        }
        if judge && record::article_less_titled(&cleaned.text, title.as_deref()).is_some() {
            if let Some(r) = rescued.take() {
                cleaned = r;
            }
        }
        // Nothing left of the chosen blocks (a page whose only paragraph was its footer):
        // every block that is not navigation is the text.
        if !lines::has_words(&cleaned.text) && !all.is_empty() {
            let rest: Vec<block::Block> = all
                .into_iter()
                .filter(|b| !html::navigation_block(b))
                .collect();
            cleaned = self.write_and_clean(Some(rest), body);
        }
        let total = text.chars().count().max(1);
        let spam_score = cleaned.spam_chars as f64 / total as f64;
        let empty = !lines::has_words(&cleaned.text);
        let article_less = if judge && reduced && !empty && self.drop_article_less {
            record::article_less_titled(&cleaned.text, title.as_deref())
        } else {
            None
        };
        let teaser_only = judge
            && reduced
            && !empty
            && self.drop_article_less
            && article_less.is_none()
            && record::teaser_only(&cleaned.text, title.as_deref());
        Trimmed {
            text: (!empty && article_less.is_none() && !teaser_only).then_some(match judge {
                true => block::with_headline(headline.as_deref(), cleaned.text),
                false => cleaned.text,
            }),
            headline,
            spam_score,
            removed_lines: cleaned.removed_lines,
            removed: cleaned.removed,
            meta,
            not_prose: None,
            reduced,
            page: syntax != Syntax::Plain && (chosen < blocks_in_all || saved),
            article_less,
            rescued: rescued.map(|r| r.text),
            teaser_only,
            code_lines: cleaned.code_lines,
            heading_lines: cleaned.heading_lines,
        }
    }
}

/// A code block (its text, or its Markdown between fences) without the mailing list's
/// footer that ends it ([`lines::mailing_list_footer`]: an archive's page keeps the
/// message in its `<pre>`), and the footer; `None` when no footer ends it.
fn without_list_footer(code: &str) -> Option<(String, String)> {
    let body = code.trim_end();
    let (inner, fence) = match body.rfind('\n') {
        Some(i)
            if body[i + 1..].trim_start().starts_with("```")
                || body[i + 1..].trim_start().starts_with("~~~") =>
        {
            (&body[..i], &body[i..])
        }
        _ => (body, ""),
    };
    let at = lines::mailing_list_footer(inner)?;
    let kept = format!("{}{fence}", inner[..at].trim_end());
    Some((kept, inner[at..].trim().to_string()))
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
    const DESCRIPTION: &'static str = "Article text out of HTML, Markdown (front matter to metadata) and scraped text, as text or Markdown; navigation, boilerplate lines, breadcrumbs, junk digits and SEO spam lists removed; records that are only spam dropped; JSON, CSV, code and binary records left unchanged.";
    const CONFIG_SCHEMA: &'static str = r#"{"type":"object","properties":{"output":{"type":"string","enum":["text","markdown"],"default":"text","description":"write the article as plain text or keep it as Markdown"},"lexicon":{"type":"string","description":"path of an extra lexicon file ([short], [paragraph], [exact], [spam] sections)"},"drop_spam_only":{"type":"boolean","default":true,"description":"drop records that are nothing but spam"},"drop_article_less":{"type":"boolean","default":true,"description":"drop pages that extraction reduces to a few short lines with no sentence (title, menus, interface text): pages without an article"},"captions":{"type":"boolean","default":true,"description":"keep image captions and alt texts"},"headline":{"type":"boolean","default":true,"description":"put an HTML page's headline first when the article's container leaves it out (it says the page's title)"},"platforms":{"type":"string","description":"path of extra platform rules (interface text, stub pages; format of data/platforms.txt)"},"repeated_lines":{"type":"boolean","default":true,"description":"remove lines that repeat across the documents of the record's source (corpus statistics)"},"repeat_min_docs":{"type":"string","default":"20","description":"anywhere in a document, a repeated line is held by at least this many documents of its source"},"repeat_min_share":{"type":"string","default":"0.05","description":"and by at least this share of them"},"repeat_edge_min_docs":{"type":"string","default":"3","description":"at a document's start and end, a repeated line is held by at least this many documents (the run at most a third of the text)"}},"additionalProperties":false}"#;

    fn new(config: &Config) -> Result<Self, String> {
        config.only(&[
            "output",
            "lexicon",
            "drop_spam_only",
            "drop_article_less",
            "captions",
            "headline",
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
        let repeat = if config.flag("repeated_lines", true)? {
            Some(corpus::Thresholds::from_config(config)?)
        } else {
            None
        };
        let mut lexicon = Lexicon::builtin();
        if let Some(path) = config.get("lexicon") {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read lexicon {path}: {e}"))?;
            lexicon.add_boilerplate(&text);
        }
        let output = match config.get("output").unwrap_or("text") {
            "text" => Format::Text,
            "markdown" => Format::Markdown,
            other => {
                return Err(format!(
                    "output={other} is not a choice: use output=text or output=markdown"
                ))
            }
        };
        Ok(SpamTrim {
            lexicon,
            drop_spam_only: config.flag("drop_spam_only", true)?,
            drop_article_less: config.flag("drop_article_less", true)?,
            output,
            captions: config.flag("captions", true)?,
            headline: config.flag("headline", true)?,
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
        if record::binary(input) {
            return Ok(
                Output::unchanged().with_meta("not_prose", record::NotProse::Binary.reason())
            );
        }
        let text = simdutf8::compat::from_utf8(input).map_err(|e| {
            format!(
                "input is not UTF-8 (invalid byte at offset {}); enable encoding-repair before spam-trim",
                e.valid_up_to()
            )
        })?;
        // Addresses that Cloudflare's obfuscation hid, given back (see [`cfemail`]).
        let restored = cfemail::restore(text);
        let text = restored.as_deref().unwrap_or(text);
        // The name a WeChat page gives its account, which may differ from the record's
        // source (the feed's name for it): the masthead under the title says it.
        let account = record::wechat_account(text);
        // Interface lines and trailers of platforms go before the text is parsed.
        let known: Vec<String>;
        let mut stripped_lines = 0;
        let stripped;
        let joined;
        let mut joined_removed = Vec::new();
        let mut text = text;
        if !meta.get("media_type").unwrap_or("").contains("html") {
            let url = markdown::front_matter(text).and_then(|fm| {
                fm.fields
                    .iter()
                    .rev()
                    .find(|(k, _)| k == "original_url" || k == "url")
                    .map(|(_, v)| v.clone())
            });
            let (s, names, n) = self.platforms.strip_lines(text, url.as_deref());
            if n > 0 {
                stripped = s;
                text = &stripped;
                stripped_lines = n;
            }
            known = names;
            // Menus written one item a line, which Markdown would join into one.
            if let Some(thresholds) = self.repeat {
                let (s, removed) =
                    corpus::remove_repeated_paragraphs(text, corpus, thresholds, &|l| {
                        self.platforms.holds_stub(l)
                    });
                if !removed.is_empty() {
                    joined = s;
                    text = &joined;
                    joined_removed = removed;
                }
            }
        } else {
            // A page saved from a platform without its address (WeChat's, saved whole)
            // is known by the platform's markers in its interface text, which the
            // article left behind.
            known = self.platforms.marked(text);
        }
        let mut t = self.trim_judged(text, meta.get("media_type"), meta.get("key"), false);
        if let Some(kind) = t.not_prose {
            let mut out = Output::unchanged().with_meta("not_prose", kind.reason());
            if let Some(m) = kind.media_type() {
                out = out.with_meta("media_type", m);
            }
            return Ok(out);
        }
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
        // Platform rules and the corpus statistics, on the article as written.
        let mut after = Vec::new();
        if t.text.is_none() && stripped_lines > 0 && !known.is_empty() {
            let mut out = Output::drop(platform::interface_only(&known));
            out.meta = t.meta;
            out.meta.push(("platform".to_string(), known.join(",")));
            out.meta
                .push(("interface_lines".to_string(), stripped_lines.to_string()));
            return Ok(out);
        }
        if let Some(body) = t.text.take() {
            let field = |name: &str| {
                t.meta
                    .iter()
                    .rev()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            };
            let url = field("original_url")
                .or_else(|| field("url"))
                .or(meta.get("url"))
                .or_else(|| meta.get("key").filter(|k| k.contains("://")));
            let title = field("title").or(meta.get("title"));
            let applied = self.platforms.apply(&body, url, title, &known);
            if !applied.platforms.is_empty() {
                after.push(("platform".to_string(), applied.platforms.join(",")));
            }
            if applied.removed_lines + stripped_lines > 0 {
                after.push((
                    "interface_lines".to_string(),
                    (applied.removed_lines + stripped_lines).to_string(),
                ));
            }
            if let Some(reason) = applied.stub {
                let mut out = Output::drop(reason);
                out.meta = t.meta;
                out.meta.extend(after);
                return Ok(out);
            }
            let mut body = applied.text;
            // The account or feed's name under the title, and its author's above it: the
            // record's source, or the account's name as its page says it (`看雪学苑` for
            // the source `看雪学院`).
            let source = field("source");
            let mut mast = record::masthead(&body, title, source).or_else(|| {
                account
                    .filter(|a| Some(*a) != source)
                    .and_then(|a| record::masthead(&body, title, Some(a)))
            });
            // The account's profile card over `向上滑动看下一个` (its name, the page's last
            // line once its pictures are gone) goes with the rest of WeChat's interface.
            if let Some(a) = account {
                let (text, author, mut gone) = match mast.take() {
                    Some(m) => m,
                    None => (body.clone(), None, Vec::new()),
                };
                match record::without_last_line(&text, a) {
                    Some((kept, line)) => {
                        gone.push(line);
                        mast = Some((kept, author, gone));
                    }
                    None if gone.is_empty() => {}
                    None => mast = Some((text, author, gone)),
                }
            }
            if let Some((text, author, gone)) = mast {
                body = text;
                after.push(("masthead_lines".to_string(), gone.len().to_string()));
                detail.extend(
                    gone.iter()
                        .map(|l| format!("{{\"line\":{},\"rule\":\"masthead\"}}", json_string(l))),
                );
                if let Some(a) = author.filter(|_| field("author").is_none()) {
                    after.push(("author".to_string(), a));
                }
            }
            if let Some(thresholds) = self.repeat {
                let (kept, removed) = corpus::remove_repeated_except(
                    &body,
                    title,
                    corpus,
                    thresholds,
                    Some(text),
                    &t.code_lines,
                );
                let removed: Vec<corpus::Removed> =
                    joined_removed.drain(..).chain(removed).collect();
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
                    // A page of nothing but its title and the site's boilerplate (a
                    // test page, a video page without a word) has no article text.
                    if self.drop_article_less {
                        if let Some(n) = record::only_title(&body, title) {
                            t.article_less = Some(n);
                        }
                    }
                }
            }
            // What the platform rules and the corpus statistics left may be only short
            // lines.
            if t.reduced && self.drop_article_less {
                t.article_less = record::article_less_titled(&body, title);
                // The sentences of prose the chooser left out, under the same rules.
                if let Some(rescued) = t.article_less.and(t.rescued.take()) {
                    let applied = self.platforms.apply(&rescued, url, title, &known);
                    let mut text = applied.text;
                    if let Some(thresholds) = self.repeat {
                        text = corpus::remove_repeated(&text, title, corpus, thresholds).0;
                    }
                    if applied.stub.is_none() && record::article_less_titled(&text, title).is_none()
                    {
                        t.article_less = None;
                        body = text;
                    }
                }
            }
            if t.reduced && self.drop_article_less && t.article_less.is_none() {
                t.teaser_only = record::teaser_only(&body, title);
                // A page saved cut short inside its menus: its one sentence is the cut
                // line (`Looking for a product for your...`), which goes below, and no
                // line of what is left but the title ends a sentence. (A line saying what the page is
                // stays: a repository's description over its README cut short.)
                if t.page && !t.teaser_only {
                    if let Some((cut, _)) = record::cut_short_end(&body, text, false) {
                        if !record::holds_description(&cut, title)
                            && !cut
                                .lines()
                                .map(str::trim)
                                .filter(|l| !title.is_some_and(|t| record::title_bar(l, t.trim())))
                                .any(lines::ends_sentence)
                        {
                            t.article_less = record::article_less_titled(&cut, title);
                        }
                    }
                }
            }
            // The web addresses a paragraph ends with go last: the corpus statistics know
            // a line with them.
            let (cut, gone) = lines::without_source_links(&body);
            if !gone.is_empty() {
                detail.extend(
                    gone.iter().map(|l| {
                        format!("{{\"line\":{},\"rule\":\"source links\"}}", json_string(l))
                    }),
                );
                body = cut;
            }
            // A story's source on a line of its own under its last paragraph, on a page
            // (not a repository's, where the line is its website).
            let github = url
                .and_then(platform::host_of)
                .is_some_and(|h| platform::github_host(&h));
            if t.page && !github {
                if let Some((cut, gone)) = lines::without_source_address_end(&body) {
                    detail.push(format!(
                        "{{\"line\":{},\"rule\":\"source links\"}}",
                        json_string(&gone)
                    ));
                    body = cut;
                }
            }
            // A page its crawler saved cut short (`…to use it for complian...`): its last
            // paragraph ends at its last full sentence. (After the page is judged: a teaser
            // copy, a title over an excerpt cut short, is judged by its excerpt.) A page
            // with code or tables too (a repository's README under its file table); a last
            // line of code cut short goes whole.
            let last_line = body.trim_end().rsplit('\n').next().unwrap_or("").trim();
            let code = t.code_lines.iter().any(|c| c == last_line);
            if t.page {
                if let Some((cut, gone)) = record::cut_short_end(&body, text, code) {
                    detail.push(format!(
                        "{{\"line\":{},\"rule\":\"cut short\"}}",
                        json_string(&gone)
                    ));
                    body = record::without_last_headings(&cut, &t.heading_lines, title);
                    // What it left may be the title alone (a digest cut short in its
                    // first entry): no article.
                    if self.drop_article_less && t.article_less.is_none() {
                        t.article_less = record::only_title(&body, title);
                    }
                }
            }
            t.text = (lines::has_words(&body) && t.article_less.is_none() && !t.teaser_only)
                .then_some(body);
        }
        let mut out = match t.text {
            Some(s) => Output::keep_if_changed(
                input,
                without_invisible(block::with_headline(t.headline.as_deref(), s)),
            ),
            None if t.teaser_only => Output::drop(record::TEASER_ONLY_REASON),
            None if t.article_less.is_some() => {
                Output::drop(record::article_less_reason(t.article_less.unwrap_or(0)))
            }
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
        let media = match self.output {
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
        };
        out.meta.push(("media_type".into(), media.into()));
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

/// The invisible characters pages carry, which [`without_invisible`] takes out.
pub(crate) const INVISIBLE: [char; 3] = ['\u{200b}', '\u{2060}', '\u{feff}'];

/// `text` without the invisible characters pages carry (zero-width space `U+200B`, word
/// joiner `U+2060`, a byte order mark inside the text `U+FEFF`): they split words for
/// search and tokenizers and say nothing. Joiners that shape text (`U+200C`, `U+200D`:
/// Persian, emoji sequences) stay.
pub fn without_invisible(text: String) -> String {
    if text.contains(INVISIBLE) {
        text.replace(INVISIBLE, "")
    } else {
        text
    }
}

wenku_plugin::export_plugin!(SpamTrim);
