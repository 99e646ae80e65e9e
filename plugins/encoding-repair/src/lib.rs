//! wenku plugin `encoding-repair`: raw bytes in, clean UTF-8 out.
//!
//! Steps, in order, each with a setting to switch it off (all `true` by default):
//! `decode` (BOMs, declared charset checked against the bytes, detection),
//! `entities` (HTML entities, in plain text and Markdown only — HTML keeps its markup, and
//! Markdown the entities of its markup characters: `&lt;`, `&gt;`, `&amp;`),
//! `mojibake` (text decoded with the wrong charset: see `mojibake`),
//! `controls` (C0 control characters other than newline and tab, C1 controls as the
//! windows-1252 characters they stand for; CRLF and CR to LF),
//! `nfc`, `radicals` (Kangxi and supplementary CJK radicals a PDF's text layer writes for
//! the characters they look like, `利⽤`, `钓⻥`, made those characters where they stand
//! beside Han characters), `pinyin` (readings inserted after characters by mirror sites), and
//! `punctuation` (`fullwidth` by default: ASCII `, : ; ! ?` and parentheses between Han
//! characters become full-width; `keep` leaves them). Full-width punctuation is never
//! folded to ASCII and quotes are never uncurled.
//!
//! Metadata set: `charset`, `charset_source`, `charset_declared_mismatch`, `repairs`
//! (the steps that changed something), `mojibake` (each kind of mix-up repaired and in
//! how many places), `damage` (lossy damage found, never repaired).

pub mod cjk;
pub mod codepage;
pub mod decode;
pub mod hygiene;
pub mod korean;
pub mod mojibake;
pub mod pinyin;
pub mod plausible;
pub mod recode;
pub mod scan;
pub mod singlebyte;
mod tables;

use std::borrow::Cow;

use wenku_plugin::{Config, Filter, Meta, Output};

/// Which steps run.
#[derive(Debug, Clone, Copy)]
pub struct Steps {
    pub decode: bool,
    pub mojibake: bool,
    pub entities: bool,
    pub controls: bool,
    pub nfc: bool,
    pub radicals: bool,
    pub pinyin: bool,
    pub punctuation: bool,
}

impl Default for Steps {
    fn default() -> Self {
        Steps {
            decode: true,
            mojibake: true,
            entities: true,
            controls: true,
            nfc: true,
            radicals: true,
            pinyin: true,
            punctuation: true,
        }
    }
}

pub struct EncodingRepair {
    steps: Steps,
}

/// The result of a repair: text, metadata, and whether anything changed.
pub struct Repaired<'a> {
    pub text: Cow<'a, str>,
    pub meta: Vec<(String, String)>,
}

/// Apply `step` to `text` if it changes it, recording its name.
fn apply<'a>(
    text: Cow<'a, str>,
    name: &str,
    repairs: &mut Vec<String>,
    step: impl Fn(&str) -> Option<String>,
) -> Cow<'a, str> {
    match step(&text) {
        Some(t) => {
            repairs.push(name.to_string());
            Cow::Owned(t)
        }
        None => text,
    }
}

impl EncodingRepair {
    pub fn with_steps(steps: Steps) -> EncodingRepair {
        EncodingRepair { steps }
    }

    /// Repair `input`; `media_type` and `declared` come from the record's metadata.
    pub fn repair<'a>(
        &self,
        input: &'a [u8],
        media_type: Option<&str>,
        declared: Option<&str>,
    ) -> Result<Repaired<'a>, String> {
        let mut meta = Vec::new();
        let mut repairs = Vec::new();
        // SIMD validation: several times faster than std's on CJK text.
        let mut text: Cow<'a, str> = match simdutf8::basic::from_utf8(input) {
            Ok(s) if !s.starts_with('\u{feff}') => {
                meta.push(("charset".to_string(), "utf-8".to_string()));
                Cow::Borrowed(s)
            }
            _ if !self.steps.decode => {
                return Err("input is not UTF-8 and the decode step is off (decode=false)".into());
            }
            _ => {
                // Not UTF-8 (or has a BOM): decode.
                let d = decode::decode(input, declared).ok_or("undecodable input")?;
                meta.push(("charset".to_string(), d.charset.clone()));
                meta.push(("charset_source".to_string(), d.source.to_string()));
                if let Some(m) = d.declared_mismatch {
                    meta.push(("charset_declared_mismatch".to_string(), m));
                }
                if d.malformed {
                    meta.push((
                        "damage".to_string(),
                        format!("malformed {} sequences replaced by U+FFFD", d.charset),
                    ));
                }
                repairs.push("decode".to_string());
                Cow::Owned(d.text)
            }
        };
        let s = self.steps;
        // Which steps could change anything (one scan; rescanned after a step that may
        // bring new characters in).
        let mut flags = scan::scan(text.as_bytes());
        // Entities first: mojibake may hide behind them (`10Î&frac14;s`).
        let html = media_type.is_some_and(|m| m.contains("html"));
        if s.entities && !html && flags & scan::AMPERSAND != 0 {
            let before = repairs.len();
            let markdown = media_type.is_some_and(|m| m.contains("markdown"));
            let decode = if markdown {
                hygiene::markdown_entities
            } else {
                hygiene::entities
            };
            text = apply(text, "entities", &mut repairs, decode);
            if repairs.len() > before {
                flags = scan::scan(text.as_bytes());
            }
        }
        if s.mojibake {
            let mut tally = None;
            // UTF-8 read as Latin-1 and then as GBK: Han characters of two of GBK's rows
            // throughout, none of the characters the scan looks for.
            let mut twice = mojibake::Tally::default();
            if let Some(fixed) = cjk::twice_runs(&text, &mut twice) {
                tally = Some(twice);
                text = Cow::Owned(fixed);
                flags = scan::scan(text.as_bytes());
            }
            if flags & scan::LATIN1 != 0 {
                let markup = if html {
                    mojibake::Markup::Html
                } else if media_type.is_some_and(|m| m.contains("markdown")) {
                    mojibake::Markup::Markdown
                } else {
                    mojibake::Markup::Plain
                };
                if let Some((fixed, t)) = mojibake::repair(&text, markup) {
                    tally.get_or_insert_with(mojibake::Tally::default).merge(t);
                    text = Cow::Owned(fixed);
                    flags = scan::scan(text.as_bytes());
                }
            }
            // A byte order mark spelled in a Cyrillic or DOS code page, left by a
            // repair of the text around it or alone in clean text.
            if let Some((fixed, n)) = mojibake::byte_order_marks(&text) {
                tally
                    .get_or_insert_with(mojibake::Tally::default)
                    .add_n("byte order mark", n);
                text = Cow::Owned(fixed);
            }
            if let Some(t) = tally {
                repairs.push("mojibake".to_string());
                meta.push(("mojibake".to_string(), t.describe()));
            }
        }
        let mut damage = Vec::new();
        if flags & scan::LOSSY != 0 {
            damage.extend(mojibake::lossy_damage(&text));
        }
        // `?` that stand for lost bytes stay as they are (no full-width `？` either).
        let mut lost_question_marks = false;
        if flags & scan::PUNCT != 0 {
            let n = mojibake::gbk_question_marks(&text);
            lost_question_marks = n >= 2;
            if lost_question_marks {
                damage.push(format!(
                    "{n}× `?` for bytes lost when UTF-8 was read as GBK"
                ));
            }
        }
        if !damage.is_empty() && !meta.iter().any(|(k, _)| k == "damage") {
            meta.push(("damage".to_string(), damage.join("; ")));
        }
        if s.controls && flags & scan::CONTROLS != 0 {
            text = apply(text, "controls", &mut repairs, hygiene::controls);
        }
        if s.nfc && flags & scan::NFC != 0 {
            text = apply(text, "nfc", &mut repairs, hygiene::nfc);
        }
        if s.radicals && flags & scan::NFC != 0 {
            text = apply(text, "radicals", &mut repairs, hygiene::radicals);
        }
        if s.pinyin && flags & scan::PAREN != 0 {
            text = apply(text, "pinyin", &mut repairs, pinyin::remove);
        }
        if s.punctuation && flags & scan::PUNCT != 0 && !lost_question_marks {
            text = apply(text, "punctuation", &mut repairs, hygiene::punctuation);
        }
        if !repairs.is_empty() {
            meta.push(("repairs".to_string(), repairs.join(",")));
        }
        Ok(Repaired { text, meta })
    }
}

const SETTINGS: [&str; 8] = [
    "decode",
    "mojibake",
    "entities",
    "controls",
    "nfc",
    "radicals",
    "pinyin",
    "punctuation",
];

impl Filter for EncodingRepair {
    const NAME: &'static str = "encoding-repair";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Bytes in any encoding to clean UTF-8: charset detection and decoding, mojibake (UTF-8 read through 18 single-byte code pages, Latin, Cyrillic and others, layered or in runs; GBK/Big5 and windows-1251/KOI8-R read as Latin-1), judged by a plausibility model, HTML entities, control characters, NFC, CJK radicals written for characters, pinyin artifacts, full-width punctuation between Han characters.";
    const CONFIG_SCHEMA: &'static str = r#"{"type":"object","properties":{"decode":{"type":"boolean","default":true,"description":"decode legacy charsets (BOM, declared, detected)"},"mojibake":{"type":"boolean","default":true,"description":"undo UTF-8 read through a single-byte code page and GBK/Big5 read as Latin-1, where the repair is clearly more plausible"},"entities":{"type":"boolean","default":true,"description":"decode HTML entities in plain text and Markdown"},"controls":{"type":"boolean","default":true,"description":"remove control characters, CRLF and CR to LF"},"nfc":{"type":"boolean","default":true,"description":"Unicode NFC"},"radicals":{"type":"boolean","default":true,"description":"CJK radicals written for characters (a PDF's text layer: 利⽤, 钓⻥) beside Han characters to those characters"},"pinyin":{"type":"boolean","default":true,"description":"remove pinyin readings inserted after characters"},"punctuation":{"type":"string","enum":["fullwidth","keep"],"default":"fullwidth","description":"ASCII punctuation between Han characters to full-width, or keep"}},"additionalProperties":false}"#;

    fn new(config: &Config) -> Result<Self, String> {
        config.only(&SETTINGS)?;
        let punctuation = match config.get("punctuation").unwrap_or("fullwidth") {
            "fullwidth" | "true" => true,
            "keep" | "false" => false,
            v => {
                return Err(format!(
                    "setting \"punctuation\" must be fullwidth or keep, not {v:?}"
                ))
            }
        };
        Ok(EncodingRepair {
            steps: Steps {
                decode: config.flag("decode", true)?,
                mojibake: config.flag("mojibake", true)?,
                entities: config.flag("entities", true)?,
                controls: config.flag("controls", true)?,
                nfc: config.flag("nfc", true)?,
                radicals: config.flag("radicals", true)?,
                pinyin: config.flag("pinyin", true)?,
                punctuation,
            },
        })
    }

    fn transform(&self, input: &[u8], meta: &Meta) -> Result<Output, String> {
        let r = self.repair(input, meta.get("media_type"), meta.get("charset"))?;
        let mut out = match r.text {
            Cow::Borrowed(_) => Output::unchanged(),
            Cow::Owned(t) => Output::keep_if_changed(input, t),
        };
        out.meta = r.meta;
        Ok(out)
    }
}

wenku_plugin::export_plugin!(EncodingRepair);
