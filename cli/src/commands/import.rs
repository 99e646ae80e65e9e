//! `wenku import PATH...`

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use wenku_core::archive::Access;
use wenku_core::exchange::Format;
use wenku_core::import::ImportOptions;

use crate::global::Global;
use crate::{print, progress};

#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Put this before every key (joined with '/')
    #[arg(long, default_value = "")]
    prefix: String,
    /// Skip files and directories whose relative path or name matches this glob (repeatable)
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Worker threads [default: all cores]
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// How files are read: auto (by extension and content), file (one document each), jsonl, warc (also WET), arc
    #[arg(long, value_enum, default_value_t = ImportFormat::Auto)]
    format: ImportFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportFormat {
    Auto,
    File,
    Jsonl,
    Warc,
    Arc,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let exclude = a
        .exclude
        .iter()
        .map(|p| {
            glob::Pattern::new(p).with_context(|| format!("--exclude {p:?} is not a valid glob"))
        })
        .collect::<Result<Vec<_>>>()?;
    // A typo'd path must not leave an empty archive behind.
    if !g.archive_dir.exists() {
        if let Some(missing) = a
            .paths
            .iter()
            .find(|p| std::fs::symlink_metadata(p).is_err())
        {
            if a.paths
                .iter()
                .all(|p| std::fs::symlink_metadata(p).is_err())
            {
                bail!(
                    "{} does not exist; nothing imported and no archive created at {} (check the path)",
                    missing.display(),
                    g.archive_dir.display()
                );
            }
        }
    }
    let archive = g.open_as(Access::Create, "import")?;
    let opts = ImportOptions {
        prefix: a.prefix.clone(),
        exclude,
        jobs: a.jobs,
        format: match a.format {
            ImportFormat::Auto => Format::Auto,
            ImportFormat::File => Format::File,
            ImportFormat::Jsonl => Format::Jsonl,
            ImportFormat::Warc => Format::Warc,
            ImportFormat::Arc => Format::Arc,
        },
    };
    let bar = progress::Bar::new(g.quiet, "importing");
    let s = wenku_core::import::import_paths(&archive, &a.paths, &opts, &bar)?;
    for f in &s.failed {
        eprintln!("failed: {}: {}", f.input, f.error);
    }
    for n in &s.notes {
        g.note(&format!("note: {n}"));
    }
    if g.json {
        print::json(&serde_json::to_value(&s)?)?;
    } else {
        g.note(&format!(
            "{} new documents, {} new versions, {} unchanged, {} failed; {} raw bytes read, {} bytes stored",
            s.new_documents,
            s.new_versions,
            s.unchanged,
            s.failed.len(),
            s.raw_bytes,
            s.stored_bytes
        ));
    }
    Ok(super::failures(s.failed.len()))
}
