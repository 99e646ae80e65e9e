//! `wenku cat KEY[@VERSION]`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use wenku_core::plugin::{self, Selection};
use wenku_core::Archive;

use crate::global::Global;

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = "KEY[@VERSION]")]
    key: String,
    /// The stored bytes exactly as imported (no plugins)
    #[arg(long, conflicts_with_all = ["with", "without"])]
    raw: bool,
    /// Run exactly these plugins, in this order, for this call
    #[arg(long, value_delimiter = ',', value_name = "NAME[,NAME]")]
    with: Option<Vec<String>>,
    /// Leave these plugins out for this call
    #[arg(long, value_delimiter = ',', value_name = "NAME[,NAME]")]
    without: Vec<String>,
}

/// Split `KEY@N` when the archive has no document named exactly so.
fn split_key_version(archive: &Archive, spec: &str) -> Result<(String, Option<u32>)> {
    if let Some((k, v)) = spec.rsplit_once('@') {
        if let Ok(n) = v.parse::<u32>() {
            if archive.head(spec)?.is_none() {
                return Ok((k.to_string(), Some(n)));
            }
        }
    }
    Ok((spec.to_string(), None))
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open()?;
    let (key, version) = split_key_version(&archive, &a.key)?;
    let doc = archive.read(&key, version)?;
    if a.raw {
        std::io::stdout().lock().write_all(&doc.bytes)?;
        return Ok(ExitCode::SUCCESS);
    }
    let selection = Selection {
        with: a.with.clone(),
        without: a.without.clone(),
    };
    let pipeline = plugin::archive_pipeline(&archive, &g.host(), &selection)?;
    let mut meta = plugin::pipeline::record_meta(
        &doc.key,
        doc.version,
        &doc.record,
        archive.source(&doc.key, &doc.record),
        &doc.bytes,
    );
    let stats = if pipeline.takes_corpus() {
        Some(wenku_core::corpus::CorpusStats::load_or_build(
            &archive, false,
        )?)
    } else {
        None
    };
    let corpus =
        wenku_core::corpus::lookup(stats.as_ref(), &doc.key, &doc.record, &doc.bytes, &mut meta);
    super::filter::emit(
        g,
        &pipeline,
        &doc.bytes,
        meta,
        corpus,
        &format!("{}@{}", doc.key, doc.version),
    )
}
