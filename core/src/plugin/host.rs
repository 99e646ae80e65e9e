//! Finding plugin libraries: the search path, discovery, lookup by name, hashing.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use super::ffi::{self, Loaded};
use crate::error::{Error, Result};

/// Environment variable with extra plugin directories (`:`-separated).
pub const PLUGIN_PATH_ENV: &str = "WENKU_PLUGIN_PATH";

/// A library in the search path that could not be used, and why.
#[derive(Debug, Clone)]
pub struct Refused {
    pub path: PathBuf,
    pub reason: String,
}

/// Everything found in the search path.
pub struct Discovery {
    /// Usable plugins, first occurrence of each name (search order).
    pub plugins: Vec<&'static Loaded>,
    /// Later libraries with a name already found (not used).
    pub shadowed: Vec<&'static Loaded>,
    pub refused: Vec<Refused>,
}

/// Loads plugins from the user's search path. Only libraries in these directories are
/// ever loaded: an archive names plugins, never paths.
pub struct PluginHost {
    dirs: Vec<PathBuf>,
    discovery: OnceLock<Discovery>,
}

impl PluginHost {
    /// A host searching `dirs` in order.
    pub fn new(dirs: Vec<PathBuf>) -> PluginHost {
        PluginHost {
            dirs,
            discovery: OnceLock::new(),
        }
    }

    /// The default search path: `extra` (from `--plugin-dir`), then the absolute
    /// entries of `WENKU_PLUGIN_PATH`, then the directory of the running executable and
    /// its `plugins/` folder. A relative entry of `WENKU_PLUGIN_PATH` (`.`, `lib`) is
    /// left out — it would load code from whatever folder wenku runs in — and listed by
    /// [`PluginHost::ignored_path_entries`] for a warning.
    pub fn default_search_path(extra: &[PathBuf]) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = extra.to_vec();
        if let Some(v) = std::env::var_os(PLUGIN_PATH_ENV) {
            dirs.extend(std::env::split_paths(&v).filter(|p| p.is_absolute()));
        }
        if let Some(exe_dir) = std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(Path::to_path_buf))
        {
            dirs.push(exe_dir.join("plugins"));
            dirs.insert(dirs.len() - 1, exe_dir);
        }
        dirs
    }

    /// The relative entries of `WENKU_PLUGIN_PATH`, which the search path leaves out.
    pub fn ignored_path_entries() -> Vec<PathBuf> {
        std::env::var_os(PLUGIN_PATH_ENV)
            .map(|v| {
                std::env::split_paths(&v)
                    .filter(|p| !p.as_os_str().is_empty() && !p.is_absolute())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }

    /// Load every library in the search path (once per process).
    pub fn discover(&self) -> &Discovery {
        self.discovery.get_or_init(|| {
            let mut d = Discovery {
                plugins: Vec::new(),
                shadowed: Vec::new(),
                refused: Vec::new(),
            };
            for dir in &self.dirs {
                let Ok(rd) = std::fs::read_dir(dir) else {
                    continue;
                };
                let mut files: Vec<PathBuf> = rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.extension()
                            .is_some_and(|x| x == std::env::consts::DLL_EXTENSION)
                            && p.is_file()
                    })
                    .collect();
                files.sort();
                for path in files {
                    if path.to_str().is_none() {
                        // Not loaded: a name that cannot be shown or stored as text.
                        d.refused.push(Refused {
                            path: PathBuf::from(path.to_string_lossy().into_owned()),
                            reason: "file name is not UTF-8; rename it to load it".into(),
                        });
                        continue;
                    }
                    match load_file(&path) {
                        Ok(p) if d.plugins.iter().any(|q| q.info.name == p.info.name) => {
                            d.shadowed.push(p)
                        }
                        Ok(p) => d.plugins.push(p),
                        Err(reason) => d.refused.push(Refused { path, reason }),
                    }
                }
            }
            d
        })
    }

    /// The plugin called `name`, or an error listing what is available and where wenku
    /// looked.
    pub fn get(&self, name: &str) -> Result<&'static Loaded> {
        let d = self.discover();
        if let Some(p) = d.plugins.iter().find(|p| p.info.name == name) {
            return Ok(p);
        }
        // A library refused for this name: say so first, with the reason.
        let stem_name = |p: &Path| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            stem.strip_prefix("lib").unwrap_or(&stem).replace('_', "-")
        };
        if let Some(r) = d
            .refused
            .iter()
            .find(|r| r.reason.contains(&format!("{name:?}")) || stem_name(&r.path) == name)
        {
            return Err(Error::Plugin(format!(
                "plugin {name} cannot be used: {}: {}",
                r.path.display(),
                r.reason
            )));
        }
        let available: Vec<&str> = d.plugins.iter().map(|p| p.info.name.as_str()).collect();
        let dirs: Vec<String> = self.dirs.iter().map(|p| p.display().to_string()).collect();
        let mut msg = format!(
            "no plugin named {name:?}; available: {}; searched: {} (add a directory with --plugin-dir or {PLUGIN_PATH_ENV})",
            if available.is_empty() { "none".to_string() } else { available.join(", ") },
            dirs.join(", ")
        );
        for r in &d.refused {
            msg.push_str(&format!("\n  refused {}: {}", r.path.display(), r.reason));
        }
        Err(Error::Plugin(msg))
    }
}

/// SHA-256 of a file.
pub fn sha256_file(path: &Path) -> std::io::Result<[u8; 32]> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h)?;
    Ok(h.finalize().into())
}

/// Load one library (kept for the life of the process).
pub fn load_file(path: &Path) -> std::result::Result<&'static Loaded, String> {
    let sha = sha256_file(path).map_err(|e| format!("cannot read: {e}"))?;
    let loaded = ffi::load(path, sha)?;
    Ok(Box::leak(Box::new(loaded)))
}
