//! A record on its way through the pipeline. This is the one place that builds the
//! metadata a record starts with, so `cat`, `filter`, `export`, `explain` and the server
//! hand plugins (and show users) the same pairs, and the one JSON shape of a cleaned
//! record.

use std::time::{Duration, UNIX_EPOCH};

use serde_json::json;

use super::ffi::CorpusLookup;
use super::pipeline::{Outcome, Pipeline, Runner, StageError};
use super::{PluginHost, Selection};
use crate::archive::{Archive, Document};
use crate::corpus::CorpusStats;
use crate::error::Result;
use crate::sniff;

/// Keys of the metadata that name the record rather than describe it; the JSON shape
/// carries them as `id` and `version`.
const IDENTITY: [&str; 2] = ["key", "version"];

fn rfc3339(ms: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_millis(ms)).to_string()
}

/// The metadata an archived version starts the pipeline with, in this order: `key`,
/// `version`, `media_type`, `source`, `charset` (when known), `title` (when the record or
/// its bytes carry one), `imported`, then the fields an exchange format brought along
/// (JSONL/WARC `extra`).
pub fn metadata(archive: &Archive, doc: &Document) -> Vec<(String, String)> {
    let rec = &doc.record;
    let mut m = vec![
        ("key".to_string(), doc.key.clone()),
        ("version".to_string(), doc.version.to_string()),
        ("media_type".to_string(), rec.media_type.mime().to_string()),
        ("source".to_string(), archive.source(&doc.key, rec)),
    ];
    if let Some(c) = &rec.charset {
        m.push(("charset".into(), c.clone()));
    }
    if let Some(t) = rec.title(&doc.bytes) {
        m.push(("title".into(), t));
    }
    m.push(("imported".into(), rfc3339(rec.imported_ms)));
    m.extend(rec.extra.iter().cloned());
    m
}

/// The metadata of bytes that come from no archive (`wenku filter`): `key` `-`, the
/// sniffed `media_type`, `source` `stdin`, `charset` and `title` when found.
pub fn metadata_of_stdin(bytes: &[u8]) -> Vec<(String, String)> {
    let s = sniff::sniff(bytes, "");
    let mut m = vec![
        ("key".to_string(), "-".to_string()),
        ("media_type".to_string(), s.media_type.mime().to_string()),
        ("source".to_string(), "stdin".to_string()),
    ];
    if let Some(c) = s.charset {
        m.push(("charset".into(), c));
    }
    if let Some(t) = s.title {
        m.push(("title".into(), t));
    }
    m
}

/// What the pipeline made of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The record's text after every plugin.
    Keep(Vec<u8>),
    /// A plugin dropped the record.
    Drop { plugin: String, reason: String },
}

/// A record after the pipeline: verdict and metadata (the starting pairs, then each
/// plugin's updates).
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub key: String,
    pub version: u32,
    pub verdict: Verdict,
    pub metadata: Vec<(String, String)>,
}

impl Cleaned {
    /// `{"id","version","text","metadata","verdict"}` (and `dropped_by`, `reason` for a
    /// drop, whose `text` is null). `metadata` leaves out `key` and `version` and is the
    /// same object a JSONL export writes.
    pub fn to_json(&self) -> serde_json::Value {
        match &self.verdict {
            Verdict::Keep(bytes) => {
                let mut v = record_json(&self.key, self.version, bytes, &self.metadata);
                v["verdict"] = json!("keep");
                v
            }
            Verdict::Drop { plugin, reason } => json!({
                "id": self.key,
                "version": self.version,
                "text": null,
                "metadata": metadata_json(&self.metadata),
                "verdict": "drop",
                "dropped_by": plugin,
                "reason": reason,
            }),
        }
    }
}

/// The metadata object of a record's JSON: every pair but `key` and `version`.
pub fn metadata_json(meta: &[(String, String)]) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    for (k, v) in meta {
        if !IDENTITY.contains(&k.as_str()) {
            m.insert(k.clone(), json!(v));
        }
    }
    m
}

/// `{"id","version","text","metadata"}`, the JSONL export's line; text that is not
/// UTF-8 is converted lossily and `metadata.text_lossy_utf8` says so.
pub fn record_json(
    key: &str,
    version: u32,
    bytes: &[u8],
    meta: &[(String, String)],
) -> serde_json::Value {
    let text = String::from_utf8_lossy(bytes);
    let mut metadata = metadata_json(meta);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        metadata.insert("text_lossy_utf8".into(), json!(true));
    }
    json!({"id": key, "version": version, "text": text, "metadata": metadata})
}

/// The starting metadata of `doc` ([`metadata`], plus `corpus_source` when `stats` are
/// given) and the statistics over its source.
pub fn start<'s>(
    archive: &Archive,
    stats: Option<&'s CorpusStats>,
    doc: &Document,
) -> (Vec<(String, String)>, Option<&'s dyn CorpusLookup>) {
    let mut meta = metadata(archive, doc);
    let lookup = crate::corpus::lookup(stats, &doc.key, &doc.record, &doc.bytes, &mut meta);
    (meta, lookup)
}

/// A pipeline over one archive, with the corpus statistics its plugins take.
pub struct Cleaner<'a> {
    archive: &'a Archive,
    pipeline: Pipeline,
    stats: Option<CorpusStats>,
}

impl<'a> Cleaner<'a> {
    /// The archive's pipeline changed by `selection`, with the archive's current
    /// statistics when a plugin takes them.
    pub fn for_archive(
        archive: &'a Archive,
        host: &PluginHost,
        selection: &Selection,
    ) -> Result<Cleaner<'a>> {
        let pipeline = super::archive_pipeline(archive, host, selection)?;
        let stats = if pipeline.takes_corpus() {
            Some(CorpusStats::load_or_build(archive, false)?)
        } else {
            None
        };
        Ok(Cleaner::new(archive, pipeline, stats))
    }

    /// `pipeline` over `archive` with these statistics (a snapshot's pinned ones, or
    /// none).
    pub fn new(
        archive: &'a Archive,
        pipeline: Pipeline,
        stats: Option<CorpusStats>,
    ) -> Cleaner<'a> {
        Cleaner {
            archive,
            pipeline,
            stats,
        }
    }

    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// The starting metadata of `doc` (with `corpus_source` when statistics are used)
    /// and the statistics over its source.
    pub fn start(&self, doc: &Document) -> (Vec<(String, String)>, Option<&dyn CorpusLookup>) {
        start(self.archive, self.stats.as_ref(), doc)
    }

    /// Run the pipeline on `doc` with `runner` (one per thread, from
    /// `self.pipeline().runner()`).
    pub fn clean(&self, runner: &mut Runner<'_>, doc: &Document) -> Result<Cleaned, StageError> {
        let (meta, lookup) = self.start(doc);
        let p = runner.run_with_corpus(&doc.bytes, meta, lookup)?;
        Ok(Cleaned {
            key: doc.key.clone(),
            version: doc.version,
            verdict: match p.outcome {
                Outcome::Kept(b) => Verdict::Keep(b.into_vec()),
                Outcome::Dropped { plugin, reason } => Verdict::Drop { plugin, reason },
            },
            metadata: p.meta,
        })
    }
}
