//! `wenku export --out PATH`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use wenku_core::export::{ExportFormat, ExportOptions};

use crate::global::Global;
use crate::{print, progress};

#[derive(clap::Args)]
pub struct Args {
    /// Output folder (dir), or file (jsonl, tar; `-` for stdout)
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = ExportFormatArg::Dir)]
    format: ExportFormatArg,
    /// Export this snapshot instead of the latest versions
    #[arg(long, value_name = "NAME")]
    snapshot: Option<String>,
    /// Only keys starting with this
    #[arg(long, default_value = "")]
    prefix: String,
    /// The stored bytes, without plugins
    #[arg(long, conflicts_with_all = ["with", "without"])]
    raw: bool,
    /// Write into existing output
    #[arg(long)]
    force: bool,
    /// Export a snapshot even though a plugin library changed since it was made
    #[arg(long)]
    allow_pipeline_change: bool,
    /// Worker threads [default: all cores]
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Only shard I of N: the keys whose hash (first 8 bytes of BLAKE3 of the key,
    /// little-endian, modulo N) is I; N runs with I = 0..N-1 export every key once
    #[arg(long, value_name = "I/N")]
    shard: Option<String>,
    #[command(flatten)]
    plugins: super::cat::PluginChoice,
    /// Keep one document per cluster of duplicates: exact (same text) or
    /// near[=THRESHOLD] (estimated Jaccard similarity, 0.8 by default)
    #[arg(long, value_name = "MODE")]
    dedup: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormatArg {
    Dir,
    Jsonl,
    Tar,
    /// Written by the Python package (see the README: Parquet)
    Parquet,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let shard = a
        .shard
        .as_deref()
        .map(wenku_core::ops::shard::Shard::parse)
        .transpose()?;
    let format = match a.format {
        ExportFormatArg::Dir => ExportFormat::Dir,
        ExportFormatArg::Jsonl => ExportFormat::Jsonl,
        ExportFormatArg::Tar => ExportFormat::Tar,
        ExportFormatArg::Parquet => anyhow::bail!(
            "Parquet is written by the Python package (it keeps the parquet crate out of this program): \
             pip install ./python, then `python -m wenku export -A ARCHIVE --out FILE.parquet` \
             (same --prefix, --snapshot and --shard)"
        ),
    };
    let mut archive = g.open()?;
    // The export reads its records from a copy and the bytes from the packs, so other
    // commands can use the index meanwhile.
    archive.detach()?;
    let opts = ExportOptions {
        out: a.out.clone(),
        format,
        prefix: a.prefix.clone(),
        snapshot: a.snapshot.clone(),
        raw: a.raw,
        force: a.force,
        allow_pipeline_change: a.allow_pipeline_change,
        jobs: a.jobs,
        selection: a.plugins.selection(),
        shard,
        dedup: a
            .dedup
            .as_deref()
            .map(wenku_core::ops::dedup::DedupMode::parse)
            .transpose()?,
    };
    let bar = progress::Bar::items(g.quiet, "exporting", "documents");
    let s = wenku_core::export::export(&archive, &g.host(), &opts, &bar)?;
    for f in &s.failed {
        eprintln!("failed: {}: {}", f.input, f.error);
    }
    if g.json && a.out.as_os_str() != "-" {
        print::json(&serde_json::to_value(&s)?)?;
    } else if !g.quiet {
        eprintln!(
            "{} exported, {} dropped, {} failed; {} bytes written{}",
            s.exported,
            s.dropped,
            s.failed.len(),
            s.bytes_written,
            s.manifest
                .as_ref()
                .map(|m| format!("; manifest {}", m.display()))
                .unwrap_or_default()
        );
        for (reason, n) in &s.dropped_reasons {
            eprintln!("  dropped {n}: {reason}");
        }
    }
    Ok(super::failures(s.failed.len()))
}
