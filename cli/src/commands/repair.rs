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
            if r.is_complete() {
                "nothing lost".to_string()
            } else {
                format!("{} not restored (listed above)", r.lost.len())
            }
        ));
    }
    Ok(super::failures(usize::from(!r.is_complete())))
}
