//! `wenku cat KEY[@VERSION]`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use wenku_core::plugin::record::{Cleaner, Verdict};
use wenku_core::plugin::Selection;
use wenku_core::Archive;

use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = "KEY[@VERSION]")]
    key: String,
    /// Version N; the argument is then the key whole, `@` and all (a key such as `page@2`)
    #[arg(long, value_name = "N")]
    at: Option<u32>,
    /// The stored bytes exactly as imported (no plugins)
    #[arg(long, conflicts_with_all = ["with", "without"])]
    raw: bool,
    #[command(flatten)]
    plugins: PluginChoice,
}

/// `--with` / `--without`: the pipeline for this call (cat, export, explain, ls --dropped).
#[derive(clap::Args, Clone, Default)]
pub struct PluginChoice {
    /// Run exactly these plugins, in this order, for this call
    #[arg(long, value_delimiter = ',', value_name = "NAME[,NAME]")]
    with: Option<Vec<String>>,
    /// Leave these plugins out for this call
    #[arg(long, value_delimiter = ',', value_name = "NAME[,NAME]")]
    without: Vec<String>,
}

impl PluginChoice {
    pub fn selection(&self) -> Selection {
        Selection {
            with: self.with.clone(),
            without: self.without.clone(),
        }
    }
}

/// Split `KEY@N` when the archive has no document named exactly so; with `--at N`, the
/// argument is the key whole. When a key `page@2` is there and `page` has a version 2
/// too, the key is read and a note says how to ask for that version.
pub fn split_key_version(
    g: &Global,
    archive: &Archive,
    spec: &str,
    at: Option<u32>,
) -> Result<(String, Option<u32>)> {
    if at.is_some() {
        return Ok((spec.to_string(), at));
    }
    if let Some((k, v)) = spec.rsplit_once('@') {
        if let Ok(n) = v.parse::<u32>() {
            if archive.head(spec)?.is_none() {
                return Ok((k.to_string(), Some(n)));
            }
            if archive
                .head(k)?
                .is_some_and(|h| (1..=h.latest).contains(&n))
            {
                g.note(&format!(
                    "note: `{spec}` is a document's key: reading it; for version {n} of `{k}`, run the command with `{k} --at {n}`"
                ));
            }
        }
    }
    Ok((spec.to_string(), None))
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open()?;
    let (key, version) = split_key_version(g, &archive, &a.key, a.at)?;
    let doc = archive.read(&key, version)?;
    if a.raw {
        std::io::stdout().lock().write_all(&doc.bytes)?;
        return Ok(ExitCode::SUCCESS);
    }
    let cleaner = Cleaner::for_archive(&archive, &g.host(), &a.plugins.selection())?;
    let what = format!("{}@{}", doc.key, doc.version);
    let cleaned = match cleaner.clean(&mut cleaner.pipeline().runner(), &doc) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("failed: {what}: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    if g.json {
        print::json(&cleaned.to_json())?;
        return Ok(ExitCode::SUCCESS);
    }
    match &cleaned.verdict {
        Verdict::Keep(bytes) => std::io::stdout().lock().write_all(bytes)?,
        Verdict::Drop { plugin, reason } => {
            g.note(&format!("{what}: dropped by {plugin}: {reason}"))
        }
    }
    Ok(ExitCode::SUCCESS)
}
