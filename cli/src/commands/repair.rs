//! `wenku repair`

use std::process::ExitCode;

use anyhow::Result;

use crate::global::Global;
use crate::print;

pub fn exec(g: &Global) -> Result<ExitCode> {
    let notify = |what: &str| g.note(&format!("wenku: {what}…"));
    let r = wenku_core::repair::repair(&g.archive_dir, &g.waiting(&notify), &|id, total| {
        g.note(&format!("read pack {id} ({total} in all)"))
    })?;
    for u in &r.unreadable {
        eprintln!("unreadable: {u}");
    }
    for l in &r.lost {
        eprintln!("not restored: {l}");
    }
    if g.json {
        print::json(&serde_json::to_value(&r)?)?;
    } else {
        g.note(&format!(
            "index rebuilt from {} packs: {} documents, {} versions, {} blobs, {} snapshots, {} plugins enabled, {} dictionaries; {}",
            r.packs,
            r.documents,
            r.versions,
            r.blobs,
            r.snapshots,
            r.plugins,
            r.dictionaries,
            outcome(&r)
        ));
    }
    Ok(super::failures(usize::from(!r.is_complete())))
}

/// The last words of `repair`'s summary: what came back, what did not.
fn outcome(r: &wenku_core::repair::RepairReport) -> String {
    let mut parts = Vec::new();
    if r.from_index > 0 {
        parts.push(format!(
            "{} versions whose records no pack held readable taken from the old index and written to a pack again",
            r.from_index
        ));
    }
    if !r.unreadable.is_empty() {
        parts.push(if r.index_compared {
            format!(
                "{} unreadable stretches (listed above), holding nothing the old index named that is not restored or listed",
                r.unreadable.len()
            )
        } else {
            format!(
                "{} unreadable stretches (listed above): with no old index to compare, what they held cannot be known",
                r.unreadable.len()
            )
        });
    }
    if !r.lost.is_empty() {
        parts.push(format!("{} not restored (listed above)", r.lost.len()));
    }
    if parts.is_empty() {
        "nothing lost".to_string()
    } else {
        parts.join("; ")
    }
}
