//! `wenku ls [PREFIX] [--versions]`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    prefix: Option<String>,
    /// Also list every version
    #[arg(long)]
    versions: bool,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open()?;
    let docs = archive.list(a.prefix.as_deref().unwrap_or(""))?;
    if g.json {
        let mut list = Vec::new();
        for (key, head) in &docs {
            let mut v = json!({ "key": key, "versions": head.latest, "created": print::time(head.created_ms), "updated": print::time(head.updated_ms) });
            if a.versions {
                let all: Vec<_> = archive
                    .versions(key)?
                    .iter()
                    .map(|(n, r)| print::version_json(&archive, key, *n, r))
                    .collect();
                v["history"] = json!(all);
            }
            list.push(v);
        }
        print::json(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for (key, head) in &docs {
        if a.versions {
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
                    print::time(r.imported_ms),
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
