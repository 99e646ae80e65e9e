//! `wenku plugin …`, `wenku filter` and the pipeline side of `wenku cat`.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use serde_json::json;
use wenku_core::plugin::{self, Outcome, Pipeline, PluginHost, Position, Selection};
use wenku_core::records::hex;
use wenku_core::{sniff, Archive};
use wenku_plugin::Config;

/// Parse `key=value`.
pub fn setting(s: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => bail!("--set {s:?} is not key=value"),
    }
}

pub fn list(host: &PluginHost, archive: Option<&Archive>, json_out: bool) -> Result<ExitCode> {
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
        crate::print_json(
            &json!({ "plugins": rows, "refused": refused, "search_path": host.dirs() }),
        )?;
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

pub fn info(host: &PluginHost, name: &str, json_out: bool) -> Result<ExitCode> {
    let p = host.get(name)?;
    let schema: serde_json::Value =
        serde_json::from_str(&p.info.config_schema).unwrap_or(json!(p.info.config_schema));
    if json_out {
        crate::print_json(&json!({
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

pub fn enable(
    host: &PluginHost,
    archive: &Archive,
    name: &str,
    set: &[String],
    before: Option<&str>,
    after: Option<&str>,
    quiet: bool,
) -> Result<ExitCode> {
    let settings = set.iter().map(|s| setting(s)).collect::<Result<Vec<_>>>()?;
    let position = match (before, after) {
        (Some(b), _) => Position::Before(b.to_string()),
        (None, Some(a)) => Position::After(a.to_string()),
        (None, None) => Position::Default,
    };
    let e = plugin::enable(archive, host, name, settings, position)?;
    if !quiet {
        let order: Vec<String> = plugin::enabled(archive)?
            .into_iter()
            .map(|p| p.name)
            .collect();
        eprintln!(
            "enabled {} {} (sha256 {}); pipeline: {}",
            e.name,
            e.version,
            &hex(&e.sha256)[..16],
            order.join(" → ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Settings of `filter`: `NAME.key=value`.
fn stage_settings(with: &[String], set: &[String]) -> Result<Vec<(String, Config)>> {
    let mut stages: Vec<(String, Vec<(String, String)>)> =
        with.iter().map(|n| (n.clone(), Vec::new())).collect();
    for s in set {
        let (k, v) = setting(s)?;
        let Some((name, key)) = k.split_once('.') else {
            bail!("--set {s:?} must be NAME.key=value (e.g. script-convert.config=s2t)")
        };
        let Some(stage) = stages.iter_mut().find(|(n, _)| n == name) else {
            bail!(
                "--set {s:?} names plugin {name:?}, which is not in --with {}",
                with.join(",")
            )
        };
        stage.1.push((key.to_string(), v));
    }
    Ok(stages
        .into_iter()
        .map(|(n, c)| (n, Config::from_pairs(c)))
        .collect())
}

pub fn filter(host: &PluginHost, with: &[String], set: &[String], quiet: bool) -> Result<ExitCode> {
    let mut stages = Vec::new();
    for (name, config) in stage_settings(with, set)? {
        stages.push((host.get(&name)?, config));
    }
    let pipeline = Pipeline::new(stages)?;
    let mut input = Vec::new();
    // Size the buffer up front when stdin is a file.
    if let Ok(m) = std::fs::metadata("/dev/stdin") {
        if m.is_file() {
            input.reserve_exact(m.len() as usize + 1);
        }
    }
    std::io::stdin().lock().read_to_end(&mut input)?;
    let s = sniff::sniff(&input, "");
    let mut meta = vec![
        ("key".to_string(), "-".to_string()),
        ("media_type".to_string(), s.media_type.mime().to_string()),
        ("source".to_string(), "stdin".to_string()),
    ];
    if let Some(c) = s.charset {
        meta.push(("charset".into(), c));
    }
    if let Some(t) = s.title {
        meta.push(("title".into(), t));
    }
    emit(&pipeline, &input, meta, None, "stdin", quiet)
}

/// Run `pipeline` on one record and write the result to stdout.
pub fn emit(
    pipeline: &Pipeline,
    input: &[u8],
    meta: Vec<(String, String)>,
    corpus: Option<&dyn wenku_core::plugin::CorpusLookup>,
    what: &str,
    quiet: bool,
) -> Result<ExitCode> {
    match pipeline.runner().run_with_corpus(input, meta, corpus) {
        Ok(p) => match p.outcome {
            Outcome::Kept(bytes) => {
                std::io::stdout().lock().write_all(&bytes)?;
                Ok(ExitCode::SUCCESS)
            }
            Outcome::Dropped { plugin, reason } => {
                if !quiet {
                    eprintln!("{what}: dropped by {plugin}: {reason}");
                }
                Ok(ExitCode::SUCCESS)
            }
        },
        Err(e) => {
            eprintln!("failed: {what}: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// `cat` through the archive's pipeline.
pub fn cat(
    host: &PluginHost,
    archive: &Archive,
    doc: &wenku_core::Document,
    selection: &Selection,
    quiet: bool,
) -> Result<ExitCode> {
    let pipeline = plugin::archive_pipeline(archive, host, selection)?;
    let mut meta = plugin::pipeline::record_meta(
        &doc.key,
        doc.version,
        &doc.record,
        archive.source(&doc.key, &doc.record),
        &doc.bytes,
    );
    let stats = if pipeline.takes_corpus() {
        Some(wenku_core::corpus::CorpusStats::load_or_build(
            archive, false,
        )?)
    } else {
        None
    };
    let corpus =
        wenku_core::corpus::lookup(stats.as_ref(), &doc.key, &doc.record, &doc.bytes, &mut meta);
    emit(
        &pipeline,
        &doc.bytes,
        meta,
        corpus,
        &format!("{}@{}", doc.key, doc.version),
        quiet,
    )
}
