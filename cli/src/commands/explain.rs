//! `wenku explain KEY[@N]`: each plugin in order, its verdict, what it changed and why.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use wenku_core::ops::explain;
use wenku_core::plugin::record::Cleaner;

use super::cat::{split_key_version, PluginChoice};
use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = "KEY[@VERSION]")]
    key: String,
    /// Version N; the argument is then the key whole, `@` and all (a key such as `page@2`)
    #[arg(long, value_name = "N")]
    at: Option<u32>,
    #[command(flatten)]
    plugins: PluginChoice,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open()?;
    let (key, version) = split_key_version(g, &archive, &a.key, a.at)?;
    let doc = archive.read(&key, version)?;
    let cleaner = Cleaner::for_archive(&archive, &g.host(), &a.plugins.selection())?;
    let e = explain::explain(&cleaner, &doc)?;
    if g.json {
        print::json(&serde_json::to_value(&e)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}@{}", e.id, e.version)?;
    if e.steps.is_empty() {
        writeln!(out, "no plugins: the text is the stored bytes")?;
    }
    for (i, s) in e.steps.iter().enumerate() {
        write!(out, "{}. {}: {}", i + 1, s.plugin, s.verdict)?;
        if let Some(r) = &s.reason {
            write!(out, " ({r})")?;
        }
        if s.verdict == "keep" {
            write!(
                out,
                ", {} lines removed, {} lines added",
                s.lines_removed, s.lines_added
            )?;
        }
        writeln!(out)?;
        for r in &s.removed {
            match r.documents {
                Some(n) => writeln!(out, "   - [{} in {n} documents] {}", r.rule, r.line)?,
                None => writeln!(out, "   - [{}] {}", r.rule, r.line)?,
            }
        }
        for (k, v) in &s.set {
            writeln!(out, "   set {k} = {}", v.as_str().unwrap_or_default())?;
        }
    }
    match (&e.dropped_by, &e.reason) {
        (Some(p), Some(r)) => writeln!(out, "verdict: drop by {p}: {r}")?,
        _ => writeln!(out, "verdict: keep")?,
    }
    writeln!(out, "metadata:")?;
    for (k, v) in &e.metadata {
        writeln!(out, "   {k} = {}", v.as_str().unwrap_or_default())?;
    }
    Ok(ExitCode::SUCCESS)
}
