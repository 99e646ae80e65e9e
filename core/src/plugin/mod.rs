//! Filter plugins: loading ([`ffi`], [`host`]), the pipeline ([`pipeline`]), and which
//! plugins an archive has enabled, in what order, with what config and pinned hash.

pub mod ffi;
pub mod host;
pub mod pipeline;
pub mod record;

use serde::{Deserialize, Serialize};
use wenku_plugin::Config;

use crate::archive::Archive;
use crate::error::{Error, Result};
use crate::store::engine::TreeName;
use crate::store::records::{decode, encode, hex};
pub use ffi::CorpusLookup;
pub use host::PluginHost;
pub use pipeline::{Bytes, Outcome, Pipeline, Processed, StageError, StageFingerprint};

/// Built-in plugin names in their default order.
pub const DEFAULT_ORDER: [&str; 3] = ["encoding-repair", "spam-trim", "script-convert"];

const PIPELINE_KEY: &[u8] = b"pipeline";

/// A plugin enabled in an archive: no path, only what identifies the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnabledPlugin {
    pub name: String,
    pub version: String,
    /// SHA-256 of the library that was enabled; another build is refused until
    /// enabled again.
    pub sha256: [u8; 32],
    pub config: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct PipelineRecord {
    plugins: Vec<EnabledPlugin>,
}

/// Where `enable` puts a plugin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// The default order (encoding-repair → spam-trim → script-convert → others), or
    /// where it already is.
    Default,
    Before(String),
    After(String),
}

fn rank(name: &str) -> usize {
    DEFAULT_ORDER
        .iter()
        .position(|n| *n == name)
        .unwrap_or(DEFAULT_ORDER.len())
}

/// The plugins enabled in `archive`, in order.
pub fn enabled(archive: &Archive) -> Result<Vec<EnabledPlugin>> {
    match archive.engine().get(TreeName::Plugins, PIPELINE_KEY)? {
        Some(b) => Ok(decode::<PipelineRecord>(&b, "the archive's plugin list")?.plugins),
        None => Ok(Vec::new()),
    }
}

fn save(archive: &Archive, plugins: Vec<EnabledPlugin>) -> Result<()> {
    let rec = PipelineRecord { plugins };
    archive
        .engine()
        .commit(&[(TreeName::Plugins, PIPELINE_KEY.to_vec(), Some(encode(&rec)))])?;
    archive.flush()
}

/// Enable (or re-enable: new config, re-trusted library, new place) a plugin.
pub fn enable(
    archive: &Archive,
    host: &PluginHost,
    name: &str,
    settings: Vec<(String, String)>,
    position: Position,
) -> Result<EnabledPlugin> {
    let plugin = host.get(name)?;
    let mut list = enabled(archive)?;
    let old_index = list.iter().position(|p| p.name == name);
    let old = old_index.map(|i| list.remove(i));
    let config = Config::from_pairs(match &old {
        Some(o) if settings.is_empty() => o.config.clone(),
        Some(o) => o.config.iter().cloned().chain(settings).collect(),
        None => settings,
    });
    // Refuse a bad config now, with the schema's or the plugin's complaint.
    Pipeline::new(vec![(plugin, config.clone())])?;
    let entry = EnabledPlugin {
        name: name.to_string(),
        version: plugin.info.version.clone(),
        sha256: plugin.info.sha256,
        config: config
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    };
    let at = |other: &str, list: &[EnabledPlugin]| {
        list.iter().position(|p| p.name == other).ok_or_else(|| {
            Error::Plugin(format!("cannot place {name} next to {other}: {other} is not enabled; see `wenku plugin list`"))
        })
    };
    let index = match &position {
        Position::Before(o) => at(o, &list)?,
        Position::After(o) => at(o, &list)? + 1,
        Position::Default => match old_index {
            Some(i) => i,
            None => list
                .iter()
                .position(|p| rank(&p.name) > rank(name))
                .unwrap_or(list.len()),
        },
    };
    list.insert(index, entry.clone());
    save(archive, list)?;
    Ok(entry)
}

/// Disable a plugin.
pub fn disable(archive: &Archive, name: &str) -> Result<()> {
    let mut list = enabled(archive)?;
    let Some(i) = list.iter().position(|p| p.name == name) else {
        let names: Vec<&str> = list.iter().map(|p| p.name.as_str()).collect();
        return Err(Error::Plugin(format!(
            "plugin {name} is not enabled; enabled: {}",
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        )));
    };
    list.remove(i);
    save(archive, list)
}

/// Which plugins to run for one call.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Exactly these plugins, in this order (configs from the archive where enabled).
    pub with: Option<Vec<String>>,
    /// Leave these out.
    pub without: Vec<String>,
}

/// The pipeline of `archive` (changed by `selection`), with every enabled library
/// checked against its pinned hash.
pub fn archive_pipeline(
    archive: &Archive,
    host: &PluginHost,
    selection: &Selection,
) -> Result<Pipeline> {
    let list = enabled(archive)?;
    let names: Vec<String> = match &selection.with {
        Some(w) => w.clone(),
        None => list.iter().map(|p| p.name.clone()).collect(),
    };
    let specs: Vec<EnabledPlugin> = names
        .iter()
        .filter(|n| !selection.without.contains(n))
        .map(|name| match list.iter().find(|p| p.name == *name) {
            Some(e) => Ok(e.clone()),
            // Named for this call only: no pin, default config.
            None => host.get(name).map(|p| EnabledPlugin {
                name: name.clone(),
                version: p.info.version.clone(),
                sha256: p.info.sha256,
                config: Vec::new(),
            }),
        })
        .collect::<Result<_>>()?;
    pipeline_from_specs(host, &specs, |name, plugin, pinned| {
        Err(Error::Plugin(format!(
            "plugin {name}: the library {} (sha256 {}) is not the build that was enabled (sha256 {}); \
             if you trust the new build, run `wenku plugin enable {name}` again",
            plugin.info.path.display(),
            &hex(&plugin.info.sha256)[..16],
            &hex(pinned)[..16],
        )))
    })
}

/// A pipeline from stored specs (names, pinned hashes, configs). `on_mismatch` decides
/// what a library whose hash differs from its pin does: an error refuses, `Ok(())`
/// accepts the library found.
pub fn pipeline_from_specs(
    host: &PluginHost,
    specs: &[EnabledPlugin],
    on_mismatch: impl Fn(&str, &ffi::Loaded, &[u8; 32]) -> Result<()>,
) -> Result<Pipeline> {
    let mut stages = Vec::new();
    for spec in specs {
        let plugin = host.get(&spec.name)?;
        if spec.sha256 != plugin.info.sha256 {
            on_mismatch(&spec.name, plugin, &spec.sha256)?;
        }
        stages.push((plugin, Config::from_pairs(spec.config.clone())));
    }
    Pipeline::new(stages)
}
