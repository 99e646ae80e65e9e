//! The `wenku` command: a thin layer over wenku-core.
//!
//! Exit status: 0 success; 1 some records failed (each named on stderr, the rest done);
//! 2 usage, archive or plugin error (nothing changed).

mod plugins;
mod progress;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, UNIX_EPOCH};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use serde_json::json;
use wenku_core::archive::{Access, Opening};
use wenku_core::exchange::Format;
use wenku_core::export::{ExportFormat, ExportOptions};
use wenku_core::import::{ImportOptions, ImportSummary};
use wenku_core::plugin::{PluginHost, Selection};
use wenku_core::records::{hex, VersionRecord};
use wenku_core::store::lock::Wait;
use wenku_core::Archive;

#[derive(Parser)]
#[command(
    name = "wenku",
    version,
    about = "An archive for web-scraped documents, with filter plugins that clean them on demand"
)]
struct Cli {
    /// Archive directory [default: $WENKU_ARCHIVE, else ./.wenku]
    #[arg(short = 'A', long, global = true, value_name = "DIR")]
    archive: Option<PathBuf>,
    /// Extra directory to look for plugin libraries in (repeatable; searched first)
    #[arg(long = "plugin-dir", global = true, value_name = "DIR")]
    plugin_dir: Vec<PathBuf>,
    /// No progress bars or notes on stderr
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Machine-readable output on stdout
    #[arg(long, global = true)]
    json: bool,
    /// How long to wait for another wenku command that holds the archive
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 60)]
    wait: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an empty archive
    Init,
    /// Import files and directories (recursively); changed files add a version
    Import {
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
        /// How files are read: auto (by extension and content), file (one document each), jsonl, warc
        #[arg(long, value_enum, default_value_t = ImportFormat::Auto)]
        format: ImportFormat,
    },
    /// List documents (keys starting with PREFIX)
    Ls {
        prefix: Option<String>,
        /// Also list every version
        #[arg(long)]
        versions: bool,
    },
    /// Show the versions of one document
    Log { key: String },
    /// Print a document (KEY or KEY@VERSION)
    Cat {
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
    },
    /// Line diff between two versions of a document
    Diff { key: String, v1: u32, v2: u32 },
    /// Counts, sizes and compression of the archive
    Stats,
    /// Re-read every version and check it against its hash
    Verify,
    /// Rebuild the archive's index from its packs (after the index was lost or damaged)
    Repair,
    /// Retrain the dictionary, recompress every blob at a higher level, rebuild deltas
    Compact {
        /// zstd level of the rewritten blobs
        #[arg(long, default_value_t = 19, value_parser = clap::value_parser!(i32).range(1..=22))]
        level: i32,
    },
    /// List, inspect, enable, disable and order filter plugins
    Plugin {
        #[command(subcommand)]
        command: PluginCommand,
    },
    /// Export the latest version of every document (or a snapshot) through the pipeline
    Export {
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
        #[arg(long)]
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
        /// Keep one document per cluster of duplicates: exact (same text) or
        /// near[=THRESHOLD] (estimated Jaccard similarity, default 0.8)
        #[arg(long, value_name = "MODE")]
        dedup: Option<String>,
    },
    /// Near-duplicate clusters: the document kept and its duplicates
    Dups {
        /// Only keys starting with this
        prefix: Option<String>,
        /// exact or near[=THRESHOLD]
        #[arg(long, default_value = "near")]
        mode: String,
    },
    /// Freeze, list and show snapshots (key → version and the pipeline)
    Snapshot {
        #[command(subcommand)]
        command: SnapshotCommand,
    },
    /// Run plugins on stdin and write the result to stdout (no archive)
    Filter {
        /// Plugins to run, in order
        #[arg(
            long,
            required = true,
            value_delimiter = ',',
            value_name = "NAME[,NAME]"
        )]
        with: Vec<String>,
        /// A plugin setting, NAME.key=value (repeatable)
        #[arg(long = "set", value_name = "NAME.KEY=VALUE")]
        set: Vec<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportFormat {
    Auto,
    File,
    Jsonl,
    Warc,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormatArg {
    Dir,
    Jsonl,
    Tar,
}

#[derive(Subcommand)]
enum SnapshotCommand {
    /// Freeze the latest version of every document and the enabled pipeline
    Create { name: String },
    /// List snapshots
    List,
    /// Show a snapshot's pipeline and counts (with --json, also its entries)
    Show { name: String },
}

#[derive(Subcommand)]
enum PluginCommand {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        // The reader of stdout went away (`wenku log KEY | head`): nothing to report.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "wenku: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn archive_dir(cli: &Cli) -> PathBuf {
    cli.archive
        .clone()
        .or_else(|| {
            std::env::var_os("WENKU_ARCHIVE")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from(".wenku"))
}

/// Open the archive for `access`, waiting up to `--wait` seconds for other commands and
/// saying so on stderr.
fn open_as(cli: &Cli, access: Access, command: &str) -> Result<Archive> {
    let notify = |what: &str| {
        if !cli.quiet {
            eprintln!("wenku: {what}…");
        }
    };
    Ok(Archive::open_with(
        &archive_dir(cli),
        &Opening {
            access,
            command,
            wait: wait(cli, &notify),
        },
    )?)
}

fn wait<'a>(cli: &Cli, notify: &'a (dyn Fn(&str) + Sync)) -> Wait<'a> {
    Wait {
        timeout: Duration::from_secs(cli.wait),
        notify: Some(notify),
    }
}

/// Open the archive to read it (any number of readers at once).
fn open(cli: &Cli) -> Result<Archive> {
    open_as(cli, Access::Read, "read")
}

fn host(cli: &Cli) -> PluginHost {
    PluginHost::new(PluginHost::default_search_path(&cli.plugin_dir))
}

fn time(ms: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_millis(ms)).to_string()
}

pub(crate) fn print_json(v: &serde_json::Value) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
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

fn run(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Init => {
            let dir = archive_dir(cli);
            open_as(cli, Access::Create, "init")?;
            if cli.json {
                print_json(&json!({ "archive": dir }))?;
            } else if !cli.quiet {
                eprintln!("archive ready at {}", dir.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            paths,
            prefix,
            exclude,
            jobs,
            format,
        } => {
            let exclude = exclude
                .iter()
                .map(|g| {
                    glob::Pattern::new(g)
                        .with_context(|| format!("--exclude {g:?} is not a valid glob"))
                })
                .collect::<Result<Vec<_>>>()?;
            let archive = open_as(cli, Access::Create, "import")?;
            let format = match format {
                ImportFormat::Auto => Format::Auto,
                ImportFormat::File => Format::File,
                ImportFormat::Jsonl => Format::Jsonl,
                ImportFormat::Warc => Format::Warc,
            };
            let opts = ImportOptions {
                prefix: prefix.clone(),
                exclude,
                jobs: *jobs,
                format,
            };
            let bar = progress::Bar::new(cli.quiet, "importing");
            let summary = wenku_core::import::import_paths(&archive, paths, &opts, &bar)?;
            report_import(cli, &summary)
        }
        Command::Ls { prefix, versions } => ls(cli, prefix.as_deref().unwrap_or(""), *versions),
        Command::Log { key } => {
            let archive = open(cli)?;
            let versions = archive.versions(key)?;
            if cli.json {
                let list: Vec<_> = versions
                    .iter()
                    .map(|(n, r)| version_json(&archive, key, *n, r))
                    .collect();
                return print_json(&json!(list)).map(|_| ExitCode::SUCCESS);
            }
            let mut out = std::io::stdout().lock();
            for (n, r) in versions.iter().rev() {
                writeln!(
                    out,
                    "{key}@{n}  {}  {} bytes  {}  blob {}",
                    time(r.imported_ms),
                    r.raw_len,
                    r.media_type.mime(),
                    &hex(&r.blob)[..16]
                )?;
                writeln!(out, "    source: {}", archive.source(key, r))?;
                if let Some(c) = &r.charset {
                    writeln!(out, "    charset: {c}")?;
                }
                if let Some(t) = version_title(&archive, key, *n, r) {
                    writeln!(out, "    title: {t}")?;
                }
                if let Some(note) = &r.note {
                    writeln!(out, "    note: {note}")?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Cat {
            key,
            raw,
            with,
            without,
        } => {
            let archive = open(cli)?;
            let (key, version) = split_key_version(&archive, key)?;
            let doc = archive.read(&key, version)?;
            if *raw {
                std::io::stdout().lock().write_all(&doc.bytes)?;
                return Ok(ExitCode::SUCCESS);
            }
            let selection = Selection {
                with: with.clone(),
                without: without.clone(),
            };
            plugins::cat(&host(cli), &archive, &doc, &selection, cli.quiet)
        }
        Command::Plugin { command } => match command {
            PluginCommand::List => {
                let archive = match open(cli) {
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
                plugins::list(&host(cli), archive.as_ref(), cli.json)
            }
            PluginCommand::Info { name } => plugins::info(&host(cli), name, cli.json),
            PluginCommand::Enable {
                name,
                set,
                before,
                after,
            } => {
                let archive = open_as(cli, Access::Create, "plugin enable")?;
                plugins::enable(
                    &host(cli),
                    &archive,
                    name,
                    set,
                    before.as_deref(),
                    after.as_deref(),
                    cli.quiet,
                )
            }
            PluginCommand::Disable { name } => {
                let archive = open_as(cli, Access::Write, "plugin disable")?;
                wenku_core::plugin::disable(&archive, name)?;
                if !cli.quiet {
                    let order: Vec<String> = wenku_core::plugin::enabled(&archive)?
                        .into_iter()
                        .map(|p| p.name)
                        .collect();
                    eprintln!(
                        "disabled {name}; pipeline: {}",
                        if order.is_empty() {
                            "empty".into()
                        } else {
                            order.join(" → ")
                        }
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
        },
        Command::Filter { with, set } => plugins::filter(&host(cli), with, set, cli.quiet),
        Command::Compact { level } => {
            let archive = open_as(cli, Access::Write, "compact")?;
            let bar = progress::Bar::items(cli.quiet, "compacting", "blobs");
            let r = wenku_core::compact::compact(
                &archive,
                &wenku_core::compact::CompactOptions { level: *level },
                &bar,
            )?;
            if cli.json {
                print_json(&serde_json::to_value(&r)?)?;
            } else if !cli.quiet {
                eprintln!(
                    "compacted {} blobs at level {} ({} rewritten, {} deltas{}): stored {} → {} bytes, on disk {} → {} bytes{}",
                    r.blobs,
                    r.level,
                    r.rewritten,
                    r.deltas,
                    r.dictionary.map(|d| format!(", dictionary {d}")).unwrap_or_default(),
                    r.stored_before,
                    r.stored_after,
                    r.disk_before,
                    r.disk_after,
                    if r.packs_deferred > 0 {
                        format!("; {} old packs are kept until the commands reading the archive finish (the next import or compact deletes them)", r.packs_deferred)
                    } else {
                        String::new()
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            out,
            format,
            snapshot,
            prefix,
            raw,
            force,
            allow_pipeline_change,
            jobs,
            dedup,
        } => {
            let dedup = dedup
                .as_deref()
                .map(wenku_core::ops::dedup::DedupMode::parse)
                .transpose()?;
            let mut archive = open(cli)?;
            // The export reads its records from a copy and the bytes from the packs, so
            // other commands can use the index meanwhile.
            archive.detach()?;
            let opts = ExportOptions {
                out: out.clone(),
                format: match format {
                    ExportFormatArg::Dir => ExportFormat::Dir,
                    ExportFormatArg::Jsonl => ExportFormat::Jsonl,
                    ExportFormatArg::Tar => ExportFormat::Tar,
                },
                prefix: prefix.clone(),
                snapshot: snapshot.clone(),
                raw: *raw,
                force: *force,
                allow_pipeline_change: *allow_pipeline_change,
                jobs: *jobs,
                dedup,
            };
            let bar = progress::Bar::items(cli.quiet, "exporting", "documents");
            let s = wenku_core::export::export(&archive, &host(cli), &opts, &bar)?;
            for f in &s.failed {
                eprintln!("failed: {}: {}", f.input, f.error);
            }
            if cli.json && out.as_os_str() != "-" {
                print_json(&serde_json::to_value(&s)?)?;
            } else if !cli.quiet {
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
            Ok(if s.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Snapshot { command } => {
            let archive = match command {
                SnapshotCommand::Create { .. } => open_as(cli, Access::Write, "snapshot create")?,
                _ => open(cli)?,
            };
            match command {
                SnapshotCommand::Create { name } => {
                    let m = wenku_core::snapshot::create(&archive, name)?;
                    if cli.json {
                        print_json(&snapshot_json(&m))?;
                    } else if !cli.quiet {
                        let p: Vec<&str> = m.pipeline.iter().map(|p| p.name.as_str()).collect();
                        eprintln!(
                            "snapshot {} of {} documents; pipeline: {}",
                            m.name,
                            m.documents,
                            if p.is_empty() {
                                "none".into()
                            } else {
                                p.join(" → ")
                            }
                        );
                    }
                }
                SnapshotCommand::List => {
                    let all = wenku_core::snapshot::list(&archive)?;
                    if cli.json {
                        print_json(&json!(all.iter().map(snapshot_json).collect::<Vec<_>>()))?;
                    } else {
                        let mut out = std::io::stdout().lock();
                        for m in all {
                            writeln!(
                                out,
                                "{}  {}  {} documents",
                                m.name,
                                time(m.created_ms),
                                m.documents
                            )?;
                        }
                    }
                }
                SnapshotCommand::Show { name } => {
                    let m = wenku_core::snapshot::require(&archive, name)?;
                    if cli.json {
                        let mut v = snapshot_json(&m);
                        let entries = wenku_core::snapshot::entries(&archive, &m)?;
                        v["entries"] = json!(entries
                            .iter()
                            .map(|(k, n)| json!({"key": k, "version": n}))
                            .collect::<Vec<_>>());
                        print_json(&v)?;
                    } else {
                        let mut out = std::io::stdout().lock();
                        writeln!(
                            out,
                            "snapshot  {}\ncreated   {}\ndocuments {}",
                            m.name,
                            time(m.created_ms),
                            m.documents
                        )?;
                        for (i, p) in m.pipeline.iter().enumerate() {
                            let cfg: Vec<String> =
                                p.config.iter().map(|(k, v)| format!("{k}={v}")).collect();
                            writeln!(
                                out,
                                "plugin {}  {} {}  sha256 {}  {}",
                                i + 1,
                                p.name,
                                p.version,
                                &hex(&p.sha256)[..16],
                                cfg.join(" ")
                            )?;
                        }
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { key, v1, v2 } => {
            let archive = open(cli)?;
            let diff = archive.diff(key, *v1, *v2)?;
            if cli.json {
                print_json(&json!({ "key": key, "from": v1, "to": v2, "unified_diff": diff }))?;
            } else {
                std::io::stdout().lock().write_all(diff.as_bytes())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats => {
            let mut archive = open(cli)?;
            archive.detach()?;
            let s = archive.stats()?;
            if cli.json {
                return print_json(&serde_json::to_value(&s)?).map(|_| ExitCode::SUCCESS);
            }
            let mut out = std::io::stdout().lock();
            writeln!(out, "documents     {}", s.documents)?;
            writeln!(out, "versions      {}", s.versions)?;
            writeln!(out, "blobs         {}", s.blobs)?;
            writeln!(
                out,
                "raw bytes     {} (unique {})",
                s.raw_bytes, s.unique_raw_bytes
            )?;
            writeln!(out, "stored bytes  {}", s.stored_bytes)?;
            writeln!(out, "ratio         {:.2}x", s.ratio)?;
            writeln!(out, "disk bytes    {}", s.disk_bytes)?;
            let mix: Vec<String> = s.codecs.iter().map(|(k, v)| format!("{k} {v}")).collect();
            writeln!(out, "codecs        {}", mix.join(", "))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Dups { prefix, mode } => {
            let mode = wenku_core::ops::dedup::DedupMode::parse(mode)?;
            let mut archive = open(cli)?;
            archive.detach()?;
            let members =
                wenku_core::ops::dedup::members(&archive, prefix.as_deref().unwrap_or(""))?;
            let clusters = wenku_core::ops::dedup::clusters(&members, mode);
            if cli.json {
                return print_json(&serde_json::to_value(&clusters)?).map(|_| ExitCode::SUCCESS);
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
        Command::Repair => repair(cli),
        Command::Verify => {
            let mut archive = open(cli)?;
            archive.detach()?;
            let report = archive.verify()?;
            if cli.json {
                print_json(&serde_json::to_value(&report)?)?;
            } else {
                for d in &report.damaged {
                    eprintln!("damaged: {}@{}: {}", d.key, d.version, d.error);
                }
                for o in &report.other {
                    eprintln!("damaged: {o}");
                }
                if !cli.quiet {
                    eprintln!(
                        "checked {} versions, {} blobs: {}",
                        report.versions_checked,
                        report.blobs_checked,
                        if report.is_clean() {
                            "all intact".to_string()
                        } else {
                            format!("{} damaged", report.damaged.len() + report.other.len())
                        }
                    );
                }
            }
            Ok(if report.is_clean() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn repair(cli: &Cli) -> Result<ExitCode> {
    let notify = |what: &str| {
        if !cli.quiet {
            eprintln!("wenku: {what}…");
        }
    };
    let quiet = cli.quiet;
    let r = wenku_core::repair::repair(&archive_dir(cli), &wait(cli, &notify), &|id, total| {
        if !quiet {
            eprintln!("read pack {id} ({total} in all)");
        }
    })?;
    for u in &r.unreadable {
        eprintln!("unreadable: {u}");
    }
    for l in &r.lost {
        eprintln!("not restored: {l}");
    }
    if cli.json {
        print_json(&serde_json::to_value(&r)?)?;
    } else if !cli.quiet {
        eprintln!(
            "index rebuilt from {} packs: {} documents, {} versions, {} blobs, {} snapshots, {} plugins enabled, {} dictionaries; {}",
            r.packs,
            r.documents,
            r.versions,
            r.blobs,
            r.snapshots,
            r.plugins,
            r.dictionaries,
            if r.is_complete() {
                "nothing lost".to_string()
            } else {
                format!("{} not restored (listed above)", r.lost.len())
            }
        );
    }
    Ok(if r.is_complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn snapshot_json(m: &wenku_core::snapshot::SnapshotMeta) -> serde_json::Value {
    json!({
        "name": m.name,
        "created": time(m.created_ms),
        "documents": m.documents,
        "pipeline": m.pipeline.iter().map(|p| json!({
            "name": p.name, "version": p.version, "sha256": hex(&p.sha256),
            "config": p.config.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The title of a version, read from its bytes unless the record carries one.
fn version_title(archive: &Archive, key: &str, n: u32, r: &VersionRecord) -> Option<String> {
    r.title.clone().or_else(|| {
        archive
            .read(key, Some(n))
            .ok()
            .and_then(|d| r.title(&d.bytes))
    })
}

fn version_json(archive: &Archive, key: &str, n: u32, r: &VersionRecord) -> serde_json::Value {
    json!({
        "key": key,
        "version": n,
        "imported": time(r.imported_ms),
        "bytes": r.raw_len,
        "media_type": r.media_type.mime(),
        "charset": r.charset,
        "title": version_title(archive, key, n, r),
        "source": archive.source(key, r),
        "blob": hex(&r.blob),
        "note": r.note,
    })
}

fn ls(cli: &Cli, prefix: &str, versions: bool) -> Result<ExitCode> {
    let archive = open(cli)?;
    let docs = archive.list(prefix)?;
    let mut out = std::io::stdout().lock();
    if cli.json {
        let mut list = Vec::new();
        for (key, head) in &docs {
            let mut v = json!({ "key": key, "versions": head.latest, "created": time(head.created_ms), "updated": time(head.updated_ms) });
            if versions {
                let all: Vec<_> = archive
                    .versions(key)?
                    .iter()
                    .map(|(n, r)| version_json(&archive, key, *n, r))
                    .collect();
                v["history"] = json!(all);
            }
            list.push(v);
        }
        drop(out);
        print_json(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    for (key, head) in &docs {
        if versions {
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
                    time(r.imported_ms),
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

fn report_import(cli: &Cli, s: &ImportSummary) -> Result<ExitCode> {
    for f in &s.failed {
        eprintln!("failed: {}: {}", f.input, f.error);
    }
    if !cli.quiet {
        for n in &s.notes {
            eprintln!("note: {n}");
        }
    }
    if cli.json {
        print_json(&serde_json::to_value(s)?)?;
    } else if !cli.quiet {
        eprintln!(
            "{} new documents, {} new versions, {} unchanged, {} failed; {} raw bytes read, {} bytes stored",
            s.new_documents,
            s.new_versions,
            s.unchanged,
            s.failed.len(),
            s.raw_bytes,
            s.stored_bytes
        );
    }
    Ok(if s.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
