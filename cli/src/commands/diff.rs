//! `wenku diff KEY V1 V2`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use crate::global::Global;
use crate::print;

#[derive(clap::Args)]
pub struct Args {
    key: String,
    v1: u32,
    v2: u32,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open()?;
    let diff = archive.diff(&a.key, a.v1, a.v2)?;
    if g.json {
        print::json(&json!({ "key": a.key, "from": a.v1, "to": a.v2, "unified_diff": diff }))?;
    } else {
        std::io::stdout().lock().write_all(diff.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
