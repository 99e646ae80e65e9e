//! The options every command shares, and what they give: the archive directory, opening
//! the archive with `--wait`, the plugin host.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use clap::Parser;
use wenku_core::archive::{Access, Opening};
use wenku_core::plugin::PluginHost;
use wenku_core::store::lock::Wait;
use wenku_core::Archive;

use crate::commands::Command;

#[derive(Parser)]
#[command(
    name = "wenku",
    version,
    about = "An archive for web-scraped documents, with filter plugins that clean them on demand"
)]
pub struct Cli {
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
    pub command: Command,
}

/// The global options, resolved.
pub struct Global {
    pub archive_dir: PathBuf,
    pub plugin_dirs: Vec<PathBuf>,
    pub quiet: bool,
    pub json: bool,
    pub wait: Duration,
}

impl From<&Cli> for Global {
    fn from(cli: &Cli) -> Global {
        Global {
            archive_dir: cli
                .archive
                .clone()
                .or_else(|| {
                    std::env::var_os("WENKU_ARCHIVE")
                        .filter(|v| !v.is_empty())
                        .map(PathBuf::from)
                })
                .unwrap_or_else(|| PathBuf::from(".wenku")),
            plugin_dirs: cli.plugin_dir.clone(),
            quiet: cli.quiet,
            json: cli.json,
            wait: Duration::from_secs(cli.wait),
        }
    }
}

impl Global {
    /// Open the archive for `access`, waiting up to `--wait` seconds for other commands
    /// and saying so on stderr.
    pub fn open_as(&self, access: Access, command: &str) -> Result<Archive> {
        let notify = |what: &str| self.note(&format!("wenku: {what}…"));
        Ok(Archive::open_with(
            &self.archive_dir,
            &Opening {
                access,
                command,
                wait: self.waiting(&notify),
            },
        )?)
    }

    /// Open the archive to read it (any number of readers at once).
    pub fn open(&self) -> Result<Archive> {
        self.open_as(Access::Read, "read")
    }

    pub fn waiting<'a>(&self, notify: &'a (dyn Fn(&str) + Sync)) -> Wait<'a> {
        Wait {
            timeout: self.wait,
            notify: Some(notify),
        }
    }

    pub fn host(&self) -> PluginHost {
        PluginHost::new(PluginHost::default_search_path(&self.plugin_dirs))
    }

    /// A note on stderr unless `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
}
