//! The pipeline: enabled plugins in order with their configs, run over one record at a
//! time. A pipeline is shared by all threads; each thread runs it through its own
//! [`Runner`], which holds that thread's instances of plugins that are not thread-safe.

use std::collections::BTreeMap;

use serde::Serialize;
use wenku_plugin::Config;

use super::ffi::{CorpusLookup, Decision, Instance, Loaded, PluginBytes, SharedInstance};
use crate::error::{Error, Result};
use crate::store::records::{hex, VersionRecord};

/// One plugin of a pipeline with its settings.
pub struct Stage {
    plugin: &'static Loaded,
    config: Config,
    config_json: String,
    shared: Option<SharedInstance<'static>>,
}

/// Plugins in the order they run.
#[derive(Default)]
pub struct Pipeline {
    stages: Vec<Stage>,
}

/// What identifies a stage for reproducibility: exports record it, snapshots compare it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StageFingerprint {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub config: BTreeMap<String, String>,
}

/// A record's bytes after the pipeline: the input (no stage changed it) or the last
/// changing stage's output, still in that plugin's memory.
#[derive(Debug)]
pub enum Bytes<'a> {
    Input(&'a [u8]),
    Plugin(PluginBytes),
}

impl std::ops::Deref for Bytes<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Input(b) => b,
            Bytes::Plugin(p) => p,
        }
    }
}

impl Bytes<'_> {
    pub fn into_vec(self) -> Vec<u8> {
        self.to_vec()
    }
}

/// What a pipeline made of a record.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// The record's bytes after every stage.
    Kept(Bytes<'a>),
    /// A stage dropped the record.
    Dropped { plugin: String, reason: String },
}

/// A record through the pipeline: outcome and metadata (the record's, then each
/// stage's updates).
#[derive(Debug)]
pub struct Processed<'a> {
    pub outcome: Outcome<'a>,
    pub meta: Vec<(String, String)>,
}

/// A stage failed on a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageError {
    pub plugin: String,
    pub message: String,
}

impl std::fmt::Display for StageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "plugin {} {}", self.plugin, self.message)
    }
}

/// Check `config` against the plugin's schema (known settings, allowed values).
pub fn check_config(plugin: &Loaded, config: &Config) -> Result<()> {
    let name = &plugin.info.name;
    let Ok(schema) = serde_json::from_str::<serde_json::Value>(&plugin.info.config_schema) else {
        return Ok(());
    };
    let Some(props) = schema.get("properties").and_then(|p| p.as_object()) else {
        return Ok(());
    };
    for (k, v) in config.iter() {
        let Some(prop) = props.get(k) else {
            let known: Vec<&str> = props.keys().map(String::as_str).collect();
            return Err(Error::Plugin(format!(
                "plugin {name} has no setting {k:?}; its settings are: {} (see `wenku plugin info {name}`)",
                if known.is_empty() { "none".to_string() } else { known.join(", ") }
            )));
        };
        if let Some(allowed) = prop.get("enum").and_then(|e| e.as_array()) {
            let allowed: Vec<String> = allowed
                .iter()
                .map(|a| a.as_str().map_or_else(|| a.to_string(), str::to_string))
                .collect();
            if !allowed.iter().any(|a| a == v) {
                return Err(Error::Plugin(format!(
                    "plugin {name}: setting {k}={v:?} is not allowed; choose one of: {}",
                    allowed.join(", ")
                )));
            }
        }
    }
    Ok(())
}

impl Pipeline {
    /// Build a pipeline; every stage's config is checked against the schema and by
    /// creating one instance.
    pub fn new(stages: Vec<(&'static Loaded, Config)>) -> Result<Pipeline> {
        let mut out = Vec::with_capacity(stages.len());
        for (plugin, config) in stages {
            let name = &plugin.info.name;
            if out.iter().any(|s: &Stage| s.plugin.info.name == *name) {
                return Err(Error::Plugin(format!(
                    "plugin {name} is named twice in the pipeline"
                )));
            }
            check_config(plugin, &config)?;
            let config_json = config.to_json();
            let instance = plugin.create(&config_json).map_err(|e| {
                Error::Plugin(format!(
                    "plugin {name} refused its config {config_json}: {e}"
                ))
            })?;
            let shared = SharedInstance::new(instance);
            out.push(Stage {
                plugin,
                config,
                config_json,
                shared,
            });
        }
        Ok(Pipeline { stages: out })
    }

    /// Whether a stage takes corpus statistics (so callers need to load them).
    pub fn takes_corpus(&self) -> bool {
        self.stages.iter().any(|s| s.plugin.takes_corpus())
    }

    pub fn is_empty(&self) -> bool {
        self.stages.is_empty()
    }

    pub fn names(&self) -> Vec<&str> {
        self.stages
            .iter()
            .map(|s| s.plugin.info.name.as_str())
            .collect()
    }

    /// Names, versions, library hashes and configs, in order.
    pub fn fingerprint(&self) -> Vec<StageFingerprint> {
        self.stages
            .iter()
            .map(|s| StageFingerprint {
                name: s.plugin.info.name.clone(),
                version: s.plugin.info.version.clone(),
                sha256: hex(&s.plugin.info.sha256),
                config: s
                    .config
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            })
            .collect()
    }

    /// A runner for the calling thread.
    pub fn runner(&self) -> Runner<'_> {
        Runner {
            pipeline: self,
            own: self.stages.iter().map(|_| None).collect(),
        }
    }
}

/// Runs a pipeline on one thread.
pub struct Runner<'p> {
    pipeline: &'p Pipeline,
    own: Vec<Option<Instance<'static>>>,
}

impl Runner<'_> {
    /// Run every stage on `input`. A stage that fails stops the record with its name
    /// and message; other records are unaffected.
    pub fn run<'a>(
        &mut self,
        input: &'a [u8],
        meta: Vec<(String, String)>,
    ) -> Result<Processed<'a>, StageError> {
        self.run_with_corpus(input, meta, None)
    }

    /// [`Runner::run`] with statistics over the record's source for the plugins that
    /// take them (ABI 1.1).
    pub fn run_with_corpus<'a>(
        &mut self,
        input: &'a [u8],
        meta: Vec<(String, String)>,
        corpus: Option<&dyn CorpusLookup>,
    ) -> Result<Processed<'a>, StageError> {
        self.run_observed(input, meta, corpus, None)
    }

    /// [`Runner::run_with_corpus`] that also says what each stage did, in order (for
    /// `explain`). The outcome is the same.
    pub fn run_traced<'a>(
        &mut self,
        input: &'a [u8],
        meta: Vec<(String, String)>,
        corpus: Option<&dyn CorpusLookup>,
    ) -> Result<(Processed<'a>, Vec<Step>), StageError> {
        let mut steps = Vec::new();
        let p = self.run_observed(input, meta, corpus, Some(&mut steps))?;
        Ok((p, steps))
    }

    fn run_observed<'a>(
        &mut self,
        input: &'a [u8],
        mut meta: Vec<(String, String)>,
        corpus: Option<&dyn CorpusLookup>,
        mut steps: Option<&mut Vec<Step>>,
    ) -> Result<Processed<'a>, StageError> {
        let mut bytes: Bytes<'a> = Bytes::Input(input);
        for (i, stage) in self.pipeline.stages.iter().enumerate() {
            let name = &stage.plugin.info.name;
            let fail = |message: String| StageError {
                plugin: name.clone(),
                message,
            };
            let instance = match &stage.shared {
                Some(s) => s.get(),
                None => {
                    if self.own[i].is_none() {
                        self.own[i] = Some(stage.plugin.create(&stage.config_json).map_err(fail)?);
                    }
                    // Just set above when it was empty.
                    self.own[i]
                        .as_ref()
                        .ok_or_else(|| fail("has no instance".into()))?
                }
            };
            let (decision, updates) = instance.transform(&bytes, &meta, corpus).map_err(fail)?;
            if let Some(steps) = steps.as_deref_mut() {
                steps.push(Step {
                    plugin: name.clone(),
                    input: bytes.to_vec(),
                    decision: match &decision {
                        Decision::Keep(b) => StepDecision::Keep(b.to_vec()),
                        Decision::Unchanged => StepDecision::Unchanged,
                        Decision::Drop(reason) => StepDecision::Drop(reason.clone()),
                    },
                    updates: updates.clone(),
                });
            }
            merge_meta(&mut meta, updates);
            match decision {
                Decision::Keep(b) => bytes = Bytes::Plugin(b),
                Decision::Unchanged => {}
                Decision::Drop(reason) => {
                    return Ok(Processed {
                        outcome: Outcome::Dropped {
                            plugin: name.clone(),
                            reason,
                        },
                        meta,
                    })
                }
            }
        }
        Ok(Processed {
            outcome: Outcome::Kept(bytes),
            meta,
        })
    }
}

/// What one stage did to a record (see [`Runner::run_traced`]).
#[derive(Debug, Clone)]
pub struct Step {
    pub plugin: String,
    /// The bytes the stage was given.
    pub input: Vec<u8>,
    pub decision: StepDecision,
    /// The metadata pairs the stage set.
    pub updates: Vec<(String, String)>,
}

/// A stage's verdict with its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepDecision {
    Keep(Vec<u8>),
    Unchanged,
    Drop(String),
}

/// Set each update on `meta` (replacing a pair with the same key).
pub fn merge_meta(meta: &mut Vec<(String, String)>, updates: Vec<(String, String)>) {
    for (k, v) in updates {
        match meta.iter_mut().find(|(mk, _)| *mk == k) {
            Some(slot) => slot.1 = v,
            None => meta.push((k, v)),
        }
    }
}

/// The metadata a record starts the pipeline with.
pub fn record_meta(
    key: &str,
    version: u32,
    rec: &VersionRecord,
    source: String,
    bytes: &[u8],
) -> Vec<(String, String)> {
    let mut m = vec![
        ("key".to_string(), key.to_string()),
        ("version".to_string(), version.to_string()),
        ("media_type".to_string(), rec.media_type.mime().to_string()),
        ("source".to_string(), source),
    ];
    if let Some(c) = &rec.charset {
        m.push(("charset".into(), c.clone()));
    }
    if let Some(t) = rec.title(bytes) {
        m.push(("title".into(), t));
    }
    m
}
