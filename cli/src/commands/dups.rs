//! `wenku dups [PREFIX]`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use wenku_core::ops::dedup::{self, DedupMode};

use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    /// Only keys starting with this
    prefix: Option<String>,
    /// exact (same normalised text) or near[=THRESHOLD] (estimated Jaccard similarity,
    /// 0.8 by default)
    #[arg(long, default_value = "near")]
    mode: String,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let mode = DedupMode::parse(&a.mode)?;
    let mut archive = g.open()?;
    archive.detach()?;
    let members = dedup::members(&archive, a.prefix.as_deref().unwrap_or(""))?;
    let clusters = dedup::clusters(&members, mode);
    if g.json {
        print::json(&serde_json::to_value(&clusters)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for c in &clusters {
        writeln!(out, "{}", c.keep)?;
        for d in &c.duplicates {
            writeln!(out, "  {:.2}  {}", d.similarity, d.key)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
