//! `wenku plugin list | info NAME | enable NAME | disable NAME`

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use serde_json::json;
use wenku_core::archive::Access;
use wenku_core::plugin::{self, PluginHost, Position};
use wenku_core::records::hex;
use wenku_core::Archive;

use crate::global::Global;
use crate::print;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Plugins found in the search path and enabled in the archive
    List,
    /// A plugin's description and config schema
    Info { name: String },
    /// Enable a plugin (again: new settings, re-trust a rebuilt library, move it)
    Enable {
        name: String,
        /// A setting, key=value (repeatable)
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// Run it just before this plugin
        #[arg(long, conflicts_with = "after", value_name = "NAME")]
        before: Option<String>,
        /// Run it just after this plugin
        #[arg(long, value_name = "NAME")]
        after: Option<String>,
    },
    /// Disable a plugin
    Disable { name: String },
}

pub fn exec(g: &Global, command: &Command) -> Result<ExitCode> {
    match command {
        Command::List => {
            let archive = match g.open() {
                Ok(a) => Some(a),
                Err(e)
                    if matches!(
                        e.downcast_ref::<wenku_core::Error>(),
                        Some(wenku_core::Error::NoArchive { .. })
                    ) =>
                {
                    None
                }
                Err(e) => return Err(e),
            };
            list(&g.host(), archive.as_ref(), g.json)
        }
        Command::Info { name } => info(&g.host(), name, g.json),
        Command::Enable {
            name,
            set,
            before,
            after,
        } => {
            let archive = g.open_as(Access::Create, "plugin enable")?;
            enable(g, &archive, name, set, before.as_deref(), after.as_deref())
        }
        Command::Disable { name } => {
            let archive = g.open_as(Access::Write, "plugin disable")?;
            plugin::disable(&archive, name)?;
            g.note(&format!(
                "disabled {name}; pipeline: {}",
                print::order(&enabled_names(&archive)?, "empty")
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn enabled_names(archive: &Archive) -> Result<Vec<String>> {
    Ok(plugin::enabled(archive)?
        .into_iter()
        .map(|p| p.name)
        .collect())
}

/// Parse `key=value`.
pub fn setting(s: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => bail!("--set {s:?} is not key=value"),
    }
}

fn list(host: &PluginHost, archive: Option<&Archive>, json_out: bool) -> Result<ExitCode> {
    let enabled = match archive {
        Some(a) => plugin::enabled(a)?,
        None => Vec::new(),
    };
    let d = host.discover();
    let mut rows = Vec::new();
    for p in &d.plugins {
        let pos = enabled.iter().position(|e| e.name == p.info.name);
        let state = match pos {
            Some(i) if enabled[i].sha256 != p.info.sha256 => {
                format!("enabled #{} — library changed since enabled; run `wenku plugin enable {}` to trust it", i + 1, p.info.name)
            }
            Some(i) => format!("enabled #{}", i + 1),
            None => "available".to_string(),
        };
        rows.push(json!({
            "name": p.info.name,
            "version": p.info.version,
            "state": state,
            "order": pos.map(|i| i + 1),
            "config": pos.map(|i| enabled[i].config.iter().cloned().collect::<std::collections::BTreeMap<_, _>>()),
            "library": p.info.path,
            "sha256": hex(&p.info.sha256),
            "pinned_sha256": pos.map(|i| hex(&enabled[i].sha256)),
            "thread_safe": p.info.thread_safe,
        }));
    }
    for (i, e) in enabled.iter().enumerate() {
        if !d.plugins.iter().any(|p| p.info.name == e.name) {
            rows.push(json!({
                "name": e.name, "version": e.version, "order": i + 1,
                "state": format!("enabled #{} — not found in the plugin search path", i + 1),
                "library": null, "sha256": null, "pinned_sha256": hex(&e.sha256),
            }));
        }
    }
    rows.sort_by_key(|r| {
        (
            r["order"].as_u64().unwrap_or(u64::MAX),
            r["name"].as_str().unwrap_or("").to_string(),
        )
    });
    let refused: Vec<_> = d
        .refused
        .iter()
        .map(|r| json!({ "library": r.path, "reason": r.reason }))
        .collect();
    if json_out {
        print::json(&json!({ "plugins": rows, "refused": refused, "search_path": host.dirs() }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for r in &rows {
        writeln!(
            out,
            "{:<18} {:<20} {}",
            r["name"].as_str().unwrap_or(""),
            r["version"].as_str().unwrap_or(""),
            r["state"].as_str().unwrap_or("")
        )?;
        if let Some(lib) = r["library"].as_str() {
            writeln!(
                out,
                "    library {lib}  sha256 {}",
                &r["sha256"].as_str().unwrap_or("")
                    [..16.min(r["sha256"].as_str().unwrap_or("").len())]
            )?;
        }
        if let Some(cfg) = r["config"].as_object().filter(|c| !c.is_empty()) {
            let items: Vec<String> = cfg
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                .collect();
            writeln!(out, "    config  {}", items.join(" "))?;
        }
    }
    for r in &d.refused {
        writeln!(out, "refused {}: {}", r.path.display(), r.reason)?;
    }
    if rows.is_empty() {
        let dirs: Vec<String> = host
            .dirs()
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        writeln!(out, "no plugins found; searched: {}", dirs.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn info(host: &PluginHost, name: &str, json_out: bool) -> Result<ExitCode> {
    let p = host.get(name)?;
    let schema: serde_json::Value =
        serde_json::from_str(&p.info.config_schema).unwrap_or(json!(p.info.config_schema));
    if json_out {
        print::json(&json!({
            "name": p.info.name, "version": p.info.version, "description": p.info.description,
            "config_schema": schema, "library": p.info.path, "sha256": hex(&p.info.sha256),
            "abi": format!("{}.{}", p.info.abi_major, p.info.abi_minor), "thread_safe": p.info.thread_safe,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} {}", p.info.name, p.info.version)?;
    writeln!(out, "{}", p.info.description)?;
    writeln!(out, "library  {}", p.info.path.display())?;
    writeln!(out, "sha256   {}", hex(&p.info.sha256))?;
    writeln!(
        out,
        "abi      {}.{}{}",
        p.info.abi_major,
        p.info.abi_minor,
        if p.info.thread_safe {
            ", thread-safe"
        } else {
            ""
        }
    )?;
    writeln!(out, "config schema:")?;
    writeln!(out, "{}", serde_json::to_string_pretty(&schema)?)?;
    Ok(ExitCode::SUCCESS)
}

fn enable(
    g: &Global,
    archive: &Archive,
    name: &str,
    set: &[String],
    before: Option<&str>,
    after: Option<&str>,
) -> Result<ExitCode> {
    let settings = set.iter().map(|s| setting(s)).collect::<Result<Vec<_>>>()?;
    let position = match (before, after) {
        (Some(b), _) => Position::Before(b.to_string()),
        (None, Some(a)) => Position::After(a.to_string()),
        (None, None) => Position::Default,
    };
    let e = plugin::enable(archive, &g.host(), name, settings, position)?;
    g.note(&format!(
        "enabled {} {} (sha256 {}); pipeline: {}",
        e.name,
        e.version,
        &hex(&e.sha256)[..16],
        print::order(&enabled_names(archive)?, "empty")
    ));
    Ok(ExitCode::SUCCESS)
}
