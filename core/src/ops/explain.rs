//! Why a record came out as it did: each plugin in order with its verdict, what it
//! changed (removed lines with the rule or statistic that removed them, metadata it set)
//! and the metadata after it; and which records the pipeline drops, and why, without
//! writing an export.
//!
//! Both run the records through [`Cleaner`], the same path `cat` and `export` take, so
//! what they report is what those commands do.

use rayon::prelude::*;
use serde::Serialize;

use crate::archive::{Archive, Document};
use crate::error::{Error, Result};
use crate::ops::Failure;
use crate::plugin::pipeline::StepDecision;
use crate::plugin::record::{metadata_json, Cleaner, Verdict};

/// The metadata key `explain` sets on a record's input so that plugins report details
/// (plugins that know it answer with [`REMOVED_DETAIL`]). Never shown in the metadata.
pub const EXPLAIN_KEY: &str = "wenku.explain";
/// The metadata key in which a plugin, asked with [`EXPLAIN_KEY`], lists the lines it
/// removed: a JSON list of `{"line","rule"}` objects, with `documents` (how many
/// documents of the record's source hold the line) for rules from corpus statistics.
pub const REMOVED_DETAIL: &str = "removed_detail";

/// A line a plugin removed and the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RemovedLine {
    pub line: String,
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<u64>,
}

/// What one plugin did to the record.
#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    pub plugin: String,
    /// `keep` (new text), `unchanged` or `drop`.
    pub verdict: &'static str,
    /// Why it dropped the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Lines of its input that are not in its output.
    pub lines_removed: usize,
    /// Lines of its output that are not in its input (repairs, conversions, text
    /// taken out of markup).
    pub lines_added: usize,
    /// The removed lines with their rules, when the plugin reports them.
    pub removed: Vec<RemovedLine>,
    /// The metadata pairs it set.
    pub set: serde_json::Map<String, serde_json::Value>,
    /// The record's metadata after it.
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

/// What the pipeline made of one record, plugin by plugin.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub id: String,
    pub version: u32,
    /// The metadata the record started with.
    pub input_metadata: serde_json::Map<String, serde_json::Value>,
    pub steps: Vec<StepReport>,
    /// `keep` or `drop`.
    pub verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The text after the pipeline (`None` when dropped).
    pub text: Option<String>,
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

fn visible(meta: &[(String, String)]) -> Vec<(String, String)> {
    meta.iter()
        .filter(|(k, _)| k != EXPLAIN_KEY && k != REMOVED_DETAIL)
        .cloned()
        .collect()
}

/// Run `doc` through `cleaner`'s pipeline, stage by stage.
pub fn explain(cleaner: &Cleaner<'_>, doc: &Document) -> Result<Explanation> {
    let (mut meta, lookup) = cleaner.start(doc);
    let input_metadata = metadata_json(&meta);
    meta.push((EXPLAIN_KEY.to_string(), "1".to_string()));
    let mut runner = cleaner.pipeline().runner();
    let (processed, steps) = runner
        .run_traced(&doc.bytes, meta.clone(), lookup)
        .map_err(|e| Error::Plugin(format!("{}@{}: {e}", doc.key, doc.version)))?;
    let mut reports = Vec::with_capacity(steps.len());
    for step in steps {
        let mut removed = Vec::new();
        let mut set = Vec::new();
        for (k, v) in &step.updates {
            if k == REMOVED_DETAIL {
                removed = serde_json::from_str(v).map_err(|e| {
                    Error::Plugin(format!(
                        "plugin {} listed its removed lines in {REMOVED_DETAIL} as invalid JSON: {e}",
                        step.plugin
                    ))
                })?;
            } else {
                set.push((k.clone(), v.clone()));
            }
        }
        crate::plugin::pipeline::merge_meta(&mut meta, step.updates.clone());
        let (verdict, reason, output) = match &step.decision {
            StepDecision::Keep(b) => ("keep", None, Some(b.as_slice())),
            StepDecision::Unchanged => ("unchanged", None, None),
            StepDecision::Drop(r) => ("drop", Some(r.clone()), None),
        };
        let (lines_removed, lines_added) = match output {
            Some(out) => line_changes(&step.input, out),
            None => (0, 0),
        };
        let mut set_json = serde_json::Map::new();
        for (k, v) in set {
            set_json.insert(k, serde_json::Value::String(v));
        }
        reports.push(StepReport {
            plugin: step.plugin,
            verdict,
            reason,
            lines_removed,
            lines_added,
            removed,
            set: set_json,
            metadata: metadata_json(&visible(&meta)),
        });
    }
    let metadata = metadata_json(&visible(&processed.meta));
    let (verdict, dropped_by, reason, text) = match processed.outcome {
        crate::plugin::Outcome::Kept(b) => (
            "keep",
            None,
            None,
            Some(String::from_utf8_lossy(&b).into_owned()),
        ),
        crate::plugin::Outcome::Dropped { plugin, reason } => {
            ("drop", Some(plugin), Some(reason), None)
        }
    };
    Ok(Explanation {
        id: doc.key.clone(),
        version: doc.version,
        input_metadata,
        steps: reports,
        verdict,
        dropped_by,
        reason,
        text,
        metadata,
    })
}

/// Lines of `a` missing from `b`, and lines of `b` missing from `a`.
fn line_changes(a: &[u8], b: &[u8]) -> (usize, usize) {
    let (ta, tb) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let diff = similar::TextDiff::from_lines(ta.as_ref(), tb.as_ref());
    let (mut removed, mut added) = (0, 0);
    for c in diff.iter_all_changes() {
        match c.tag() {
            similar::ChangeTag::Delete => removed += 1,
            similar::ChangeTag::Insert => added += 1,
            similar::ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

/// A record the pipeline drops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DroppedRecord {
    pub key: String,
    pub version: u32,
    pub plugin: String,
    pub reason: String,
}

/// The latest versions under `prefix` that `cleaner` drops, in key order (what an
/// export with the same pipeline leaves out), and the records that failed.
pub fn dropped(
    archive: &Archive,
    cleaner: &Cleaner<'_>,
    prefix: &str,
    jobs: Option<usize>,
) -> Result<(Vec<DroppedRecord>, Vec<Failure>)> {
    let list: Vec<(String, u32)> = archive
        .list(prefix)?
        .into_iter()
        .map(|(k, h)| (k, h.latest))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start threads: {e}")))?;
    let results: Vec<std::result::Result<Option<DroppedRecord>, Failure>> = pool.install(|| {
        list.par_iter()
            .map_init(
                || cleaner.pipeline().runner(),
                |runner, (key, version)| {
                    let fail = |error: String| Failure {
                        input: format!("{key}@{version}"),
                        error,
                    };
                    let doc = archive
                        .read(key, Some(*version))
                        .map_err(|e| fail(e.to_string()))?;
                    let c = cleaner
                        .clean(runner, &doc)
                        .map_err(|e| fail(e.to_string()))?;
                    Ok(match c.verdict {
                        Verdict::Keep(_) => None,
                        Verdict::Drop { plugin, reason } => Some(DroppedRecord {
                            key: c.key,
                            version: c.version,
                            plugin,
                            reason,
                        }),
                    })
                },
            )
            .collect()
    });
    let (mut dropped, mut failed) = (Vec::new(), Vec::new());
    for r in results {
        match r {
            Ok(Some(d)) => dropped.push(d),
            Ok(None) => {}
            Err(f) => failed.push(f),
        }
    }
    Ok((dropped, failed))
}
