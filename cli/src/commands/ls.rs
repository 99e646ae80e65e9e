//! `wenku ls [PREFIX] [--versions]`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use wenku_core::ops::explain;
use wenku_core::plugin::record::Cleaner;

use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    prefix: Option<String>,
    /// Also list every version
    #[arg(long, conflicts_with = "dropped")]
    versions: bool,
    /// List the documents the pipeline drops, and why (what an export leaves out)
    #[arg(long)]
    dropped: bool,
    #[command(flatten)]
    plugins: super::cat::PluginChoice,
}

fn dropped(g: &Global, a: &Args) -> Result<ExitCode> {
    let mut archive = g.open()?;
    archive.detach()?;
    let cleaner = Cleaner::for_archive(&archive, &g.host(), &a.plugins.selection())?;
    let (list, failed) =
        explain::dropped(&archive, &cleaner, a.prefix.as_deref().unwrap_or(""), None)?;
    for f in &failed {
        eprintln!("failed: {}: {}", f.input, f.error);
    }
    if g.json {
        print::json(&serde_json::to_value(&list)?)?;
    } else {
        let mut out = std::io::stdout().lock();
        for d in &list {
            writeln!(
                out,
                "{}@{}  dropped by {}: {}",
                d.key, d.version, d.plugin, d.reason
            )?;
        }
    }
    Ok(super::failures(failed.len()))
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    if a.dropped {
        return dropped(g, a);
    }
    let archive = g.open()?;
    let docs = archive.list(a.prefix.as_deref().unwrap_or(""))?;
    if g.json {
        let mut list = Vec::new();
        let mut titles = print::Titles::new(&archive);
        for (key, head) in &docs {
            let mut v = json!({ "key": key, "versions": head.latest, "created": print::time(head.created_ms), "updated": print::time(head.updated_ms) });
            if a.versions {
                let all: Vec<_> = archive
                    .versions(key)?
                    .iter()
                    .map(|(n, r)| print::version_json(&mut titles, &archive, key, *n, r))
                    .collect();
                v["history"] = json!(all);
            }
            list.push(v);
        }
        print::json(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for (key, head) in &docs {
        if a.versions {
            writeln!(
                out,
                "{key}  ({} version{})",
                head.latest,
                if head.latest == 1 { "" } else { "s" }
            )?;
            for (n, r) in archive.versions(key)? {
                writeln!(
                    out,
                    "  @{n}  {}  {} bytes  {}",
                    print::time(r.imported_ms),
                    r.raw_len,
                    r.media_type.mime()
                )?;
            }
        } else {
            writeln!(out, "{key}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
