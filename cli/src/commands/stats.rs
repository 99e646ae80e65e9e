//! `wenku stats`

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;

use crate::global::Global;
use crate::print;

pub fn exec(g: &Global) -> Result<ExitCode> {
    let mut archive = g.open()?;
    archive.detach()?;
    let s = archive.stats()?;
    if g.json {
        print::json(&serde_json::to_value(&s)?)?;
        return Ok(ExitCode::SUCCESS);
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
