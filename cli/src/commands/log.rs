//! `wenku log KEY`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use wenku_core::records::hex;

use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    key: String,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open()?;
    let key = &a.key;
    let versions = archive.versions(key)?;
    let mut titles = print::Titles::new(&archive);
    if g.json {
        let list: Vec<_> = versions
            .iter()
            .map(|(n, r)| print::version_json(&mut titles, &archive, key, *n, r))
            .collect();
        print::json(&json!(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for (n, r) in versions.iter().rev() {
        writeln!(
            out,
            "{key}@{n}  {}  {} bytes  {}  blob {}",
            print::time(r.imported_ms),
            r.raw_len,
            r.media_type.mime(),
            match titles.hash(key, *n, r) {
                Some(h) => hex(&h)[..16].to_string(),
                None => "(unreadable)".to_string(),
            }
        )?;
        writeln!(out, "    source: {}", archive.source(key, r))?;
        if let Some(c) = &r.charset {
            writeln!(out, "    charset: {c}")?;
        }
        if let Some(t) = titles.get(key, *n, r) {
            writeln!(out, "    title: {t}")?;
        }
        if let Some(note) = &r.note {
            writeln!(out, "    note: {note}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
