//! `wenku verify`

use std::process::ExitCode;

use anyhow::Result;

use crate::global::Global;
use crate::print;

pub fn exec(g: &Global) -> Result<ExitCode> {
    let mut archive = g.open()?;
    archive.detach()?;
    let report = archive.verify()?;
    if g.json {
        print::json(&serde_json::to_value(&report)?)?;
    } else {
        for d in &report.damaged {
            eprintln!("damaged: {}@{}: {}", d.key, d.version, d.error);
        }
        for o in &report.other {
            eprintln!("damaged: {o}");
        }
        g.note(&format!(
            "checked {} versions, {} blobs: {}",
            report.versions_checked,
            report.blobs_checked,
            if report.is_clean() {
                "all intact".to_string()
            } else {
                format!("{} damaged", report.damaged.len() + report.other.len())
            }
        ));
    }
    Ok(super::failures(usize::from(!report.is_clean())))
}
