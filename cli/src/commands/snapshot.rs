//! `wenku snapshot create NAME | list | show NAME`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use wenku_core::archive::Access;
use wenku_core::records::hex;
use wenku_core::snapshot;

use crate::global::Global;
use crate::print;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Freeze the latest version of every document and the enabled pipeline
    Create { name: String },
    /// List snapshots
    List,
    /// Show a snapshot's pipeline and counts (with --json, also its entries)
    Show { name: String },
}

pub fn exec(g: &Global, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Create { name } => {
            let archive = g.open_as(Access::Write, "snapshot create")?;
            let m = snapshot::create(&archive, name)?;
            if g.json {
                print::json(&print::snapshot_json(&m))?;
            } else {
                let p: Vec<String> = m.pipeline.iter().map(|p| p.name.clone()).collect();
                g.note(&format!(
                    "snapshot {} of {} documents; pipeline: {}",
                    m.name,
                    m.documents,
                    print::order(&p, "none")
                ));
            }
        }
        Command::List => {
            let archive = g.open()?;
            let all = snapshot::list(&archive)?;
            if g.json {
                print::json(&json!(all
                    .iter()
                    .map(print::snapshot_json)
                    .collect::<Vec<_>>()))?;
            } else {
                let mut out = std::io::stdout().lock();
                for m in all {
                    writeln!(
                        out,
                        "{}  {}  {} documents",
                        m.name,
                        print::time(m.created_ms),
                        m.documents
                    )?;
                }
            }
        }
        Command::Show { name } => {
            let archive = g.open()?;
            let m = snapshot::require(&archive, name)?;
            if g.json {
                let mut v = print::snapshot_json(&m);
                let entries = snapshot::entries(&archive, &m)?;
                v["entries"] = json!(entries
                    .iter()
                    .map(|(k, n)| json!({"key": k, "version": n}))
                    .collect::<Vec<_>>());
                print::json(&v)?;
            } else {
                let mut out = std::io::stdout().lock();
                writeln!(
                    out,
                    "snapshot  {}\ncreated   {}\ndocuments {}",
                    m.name,
                    print::time(m.created_ms),
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
