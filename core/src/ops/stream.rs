//! The records of an export as a stream the caller pulls a chunk at a time (the Python
//! package's `Archive.iter_records` and Arrow batches): the same selection, pipeline,
//! corpus statistics and JSONL objects as `wenku export --format jsonl`, without an
//! output file.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::archive::Archive;
use crate::corpus::CorpusStats;
use crate::error::{Error, Result};
use crate::ops::export::{jsonl_line, plan, process};
use crate::ops::shard::Shard;
use crate::plugin::{Pipeline, PluginHost, Selection};

/// What to stream.
#[derive(Debug, Clone, Default)]
pub struct StreamOptions {
    /// Only keys starting with this.
    pub prefix: String,
    /// A snapshot's versions and pinned pipeline instead of the latest versions.
    pub snapshot: Option<String>,
    /// Exactly these plugins, in this order (`Some(vec![])`: none, the stored bytes).
    pub with: Option<Vec<String>>,
    /// Only the keys of this shard.
    pub shard: Option<Shard>,
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("remaining", &self.remaining())
            .finish()
    }
}

/// One version after the pipeline.
#[derive(Debug)]
pub enum Item {
    Kept {
        key: String,
        version: u32,
        bytes: Vec<u8>,
        meta: Vec<(String, String)>,
    },
    Dropped {
        key: String,
        version: u32,
        plugin: String,
        reason: String,
    },
    Failed {
        key: String,
        version: u32,
        error: String,
    },
}

impl Item {
    /// The record's JSONL line (no newline), byte for byte what `wenku export --format
    /// jsonl` writes; `None` for a dropped or failed record.
    pub fn jsonl(&self) -> Option<String> {
        match self {
            Item::Kept {
                key,
                version,
                bytes,
                meta,
            } => Some(jsonl_line(key, *version, bytes, meta).to_string()),
            _ => None,
        }
    }

    /// The `text` and the `metadata` (as JSON text) of a kept record's JSONL line.
    pub fn text_and_metadata(&self) -> Option<(String, String)> {
        let Item::Kept {
            key,
            version,
            bytes,
            meta,
        } = self
        else {
            return None;
        };
        let mut line = jsonl_line(key, *version, bytes, meta);
        let text = match line["text"].take() {
            serde_json::Value::String(t) => t,
            _ => String::new(),
        };
        Some((text, line["metadata"].to_string()))
    }
}

/// The versions still to stream and what runs over them.
pub struct Stream {
    records: Vec<(String, u32)>,
    next: usize,
    pipeline: Arc<Pipeline>,
    stats: Option<CorpusStats>,
    /// Key → the key kept for its near-duplicate cluster (`near_duplicate_of`, as export
    /// writes it).
    near: HashMap<String, String>,
}

impl Stream {
    /// Select the versions and build the pipeline (errors as `wenku export` gives them).
    pub fn new(archive: &Archive, host: &PluginHost, opts: &StreamOptions) -> Result<Stream> {
        if opts.snapshot.is_some() && opts.with.is_some() {
            return Err(Error::Usage(
                "a snapshot pins its pipeline; leave out the plugin selection (with_) or the snapshot".into(),
            ));
        }
        let raw = matches!(&opts.with, Some(w) if w.is_empty());
        let selection = Selection {
            with: opts.with.clone(),
            without: Vec::new(),
        };
        let (mut records, pipeline, snapshot) = plan(
            archive,
            host,
            opts.snapshot.as_deref(),
            &opts.prefix,
            raw,
            false,
            &selection,
        )?;
        let near = crate::ops::dedup::duplicates_among(archive, &records, None)?;
        if let Some(shard) = &opts.shard {
            records.retain(|(key, _)| shard.contains(key));
        }
        let stats = if !pipeline.takes_corpus() {
            None
        } else if let Some(name) = &snapshot {
            crate::corpus::pinned(archive, name)?
        } else {
            Some(CorpusStats::load_or_build(archive, false)?)
        };
        Ok(Stream {
            records,
            next: 0,
            pipeline: Arc::new(pipeline),
            stats,
            near,
        })
    }

    /// The versions `opts` selects (its plugin selection left aside) through `pipeline`
    /// instead of the archive's: what a worker does with a pipeline it was handed.
    pub fn with_pipeline(
        archive: &Archive,
        host: &PluginHost,
        opts: &StreamOptions,
        pipeline: Arc<Pipeline>,
    ) -> Result<Stream> {
        let raw_opts = StreamOptions {
            with: if opts.snapshot.is_some() {
                None
            } else {
                Some(Vec::new())
            },
            ..opts.clone()
        };
        let mut stream = Stream::new(archive, host, &raw_opts)?;
        stream.stats = if pipeline.takes_corpus() {
            Some(CorpusStats::load_or_build(archive, false)?)
        } else {
            None
        };
        stream.pipeline = pipeline;
        Ok(stream)
    }

    /// Versions not yet streamed.
    pub fn remaining(&self) -> usize {
        self.records.len() - self.next
    }

    /// The next (at most) `n` versions in key order, run through the pipeline on all
    /// cores; empty at the end.
    pub fn next_chunk(&mut self, archive: &Archive, n: usize) -> Vec<Item> {
        let end = (self.next + n.max(1)).min(self.records.len());
        let chunk = &self.records[self.next..end];
        self.next = end;
        let pipeline = self.pipeline.as_ref();
        let stats = self.stats.as_ref();
        let near = &self.near;
        chunk
            .par_iter()
            .map_init(
                || pipeline.runner(),
                |runner, (key, version)| {
                    let done = process(archive, runner, stats, key, *version, near.get(key));
                    match (done.result, done.dropped) {
                        (Err(error), _) => Item::Failed {
                            key: done.key,
                            version: done.version,
                            error,
                        },
                        (Ok(Some((bytes, meta))), _) => Item::Kept {
                            key: done.key,
                            version: done.version,
                            bytes,
                            meta,
                        },
                        (Ok(None), dropped) => {
                            let (plugin, reason) = dropped.unwrap_or_default();
                            Item::Dropped {
                                key: done.key,
                                version: done.version,
                                plugin,
                                reason,
                            }
                        }
                    }
                },
            )
            .collect()
    }
}

impl Stream {
    /// One version of `key` (`None`: the latest) through the archive's pipeline, or
    /// exactly the plugins `with` names (`Some(vec![])`: none).
    pub fn one(
        archive: &Archive,
        host: &PluginHost,
        key: &str,
        version: Option<u32>,
        with: Option<Vec<String>>,
    ) -> Result<Stream> {
        let (n, _) = archive.version(key, version)?;
        let pipeline = match &with {
            Some(w) if w.is_empty() => Pipeline::default(),
            _ => crate::plugin::archive_pipeline(
                archive,
                host,
                &Selection {
                    with,
                    without: Vec::new(),
                },
            )?,
        };
        let stats = if pipeline.takes_corpus() {
            Some(CorpusStats::load_or_build(archive, false)?)
        } else {
            None
        };
        Ok(Stream {
            records: vec![(key.to_string(), n)],
            next: 0,
            pipeline: Arc::new(pipeline),
            stats,
            // One document read alone, as `wenku cat` reads it: no cluster to name.
            near: HashMap::new(),
        })
    }
}
