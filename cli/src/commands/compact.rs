//! `wenku compact [--level N]`

use std::process::ExitCode;

use anyhow::Result;
use wenku_core::archive::Access;
use wenku_core::compact::CompactOptions;

use crate::global::Global;
use crate::{print, progress};

#[derive(clap::Args)]
pub struct Args {
    /// zstd level of the rewritten blobs
    #[arg(long, default_value_t = 19, value_parser = clap::value_parser!(i32).range(1..=22))]
    level: i32,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let archive = g.open_as(Access::Write, "compact")?;
    let bar = progress::Bar::items(g.quiet, "compacting", "blobs");
    let r = wenku_core::compact::compact(&archive, &CompactOptions { level: a.level }, &bar)?;
    if g.json {
        print::json(&serde_json::to_value(&r)?)?;
    } else {
        g.note(&format!(
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
        ));
    }
    Ok(ExitCode::SUCCESS)
}
