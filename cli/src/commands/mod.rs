//! One file per command: `Args` declares what it takes, `exec` calls wenku-core and
//! prints through `crate::print`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use crate::global::Global;

pub mod cat;
pub mod compact;
pub mod diff;
pub mod dups;
pub mod explain;
pub mod export;
pub mod filter;
pub mod import;
pub mod init;
pub mod log;
pub mod ls;
pub mod plugin;
pub mod repair;
pub mod serve;
pub mod snapshot;
pub mod stats;
pub mod verify;

#[derive(Subcommand)]
pub enum Command {
    /// Create an empty archive
    Init,
    /// Import files and directories (recursively); changed files add a version
    Import(import::Args),
    /// List documents (keys starting with PREFIX)
    Ls(ls::Args),
    /// Show the versions of one document
    Log(log::Args),
    /// Print a document (KEY or KEY@VERSION)
    Cat(cat::Args),
    /// Line diff between two versions of a document
    Diff(diff::Args),
    /// What each plugin did to a document, and why (KEY or KEY@VERSION)
    Explain(explain::Args),
    /// Counts, sizes and compression of the archive
    Stats,
    /// Re-read every version and check it against its hash
    Verify,
    /// Rebuild the archive's index from its packs (after the index was lost or damaged)
    Repair,
    /// Retrain the dictionary, recompress every blob at a higher level, rebuild deltas
    Compact(compact::Args),
    /// List, inspect, enable, disable and order filter plugins
    Plugin {
        #[command(subcommand)]
        command: plugin::Command,
    },
    /// Export the latest version of every document (or a snapshot) through the pipeline
    Export(export::Args),
    /// Near-duplicate clusters: the document each keeps, and its duplicates
    Dups(dups::Args),
    /// Freeze, list and show snapshots (key → version and the pipeline)
    Snapshot {
        #[command(subcommand)]
        command: snapshot::Command,
    },
    /// Run plugins on stdin and write the result to stdout (no archive)
    Filter(filter::Args),
    /// HTTP API and review page over the archive (loopback by default, read-only)
    Serve(serve::Args),
}

pub fn exec(g: &Global, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Init => init::exec(g),
        Command::Import(a) => import::exec(g, a),
        Command::Ls(a) => ls::exec(g, a),
        Command::Log(a) => log::exec(g, a),
        Command::Cat(a) => cat::exec(g, a),
        Command::Diff(a) => diff::exec(g, a),
        Command::Explain(a) => explain::exec(g, a),
        Command::Stats => stats::exec(g),
        Command::Verify => verify::exec(g),
        Command::Repair => repair::exec(g),
        Command::Compact(a) => compact::exec(g, a),
        Command::Plugin { command } => plugin::exec(g, command),
        Command::Export(a) => export::exec(g, a),
        Command::Dups(a) => dups::exec(g, a),
        Command::Snapshot { command } => snapshot::exec(g, command),
        Command::Filter(a) => filter::exec(g, a),
        Command::Serve(a) => serve::exec(g, a),
    }
}

/// Exit 0 when nothing failed, else 1.
pub fn failures(failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
