//! `wenku init`

use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use wenku_core::archive::Access;

use crate::global::Global;
use crate::print;

pub fn exec(g: &Global) -> Result<ExitCode> {
    g.open_as(Access::Create, "init")?;
    if g.json {
        print::json(&json!({ "archive": g.archive_dir }))?;
    } else {
        g.note(&format!("archive ready at {}", g.archive_dir.display()));
    }
    Ok(ExitCode::SUCCESS)
}
