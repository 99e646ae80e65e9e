//! `wenku filter --with NAME[,NAME] [--set NAME.key=value]`: stdin → stdout, no archive.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use wenku_core::plugin::{Outcome, Pipeline};
use wenku_plugin::Config;

use crate::global::Global;

#[derive(clap::Args)]
pub struct Args {
    /// Plugins to run, in order
    #[arg(
        long,
        required = true,
        value_delimiter = ',',
        value_name = "NAME[,NAME]"
    )]
    with: Vec<String>,
    /// A plugin setting, NAME.key=value (repeatable)
    #[arg(long = "set", value_name = "NAME.KEY=VALUE")]
    set: Vec<String>,
}

/// Settings of `filter`: `NAME.key=value`.
fn stage_settings(with: &[String], set: &[String]) -> Result<Vec<(String, Config)>> {
    let mut stages: Vec<(String, Vec<(String, String)>)> =
        with.iter().map(|n| (n.clone(), Vec::new())).collect();
    for s in set {
        let (k, v) = super::plugin::setting(s)?;
        let Some((name, key)) = k.split_once('.') else {
            bail!("--set {s:?} must be NAME.key=value (e.g. script-convert.config=s2t)")
        };
        let Some(stage) = stages.iter_mut().find(|(n, _)| n == name) else {
            bail!(
                "--set {s:?} names plugin {name:?}, which is not in --with {}",
                with.join(",")
            )
        };
        stage.1.push((key.to_string(), v));
    }
    Ok(stages
        .into_iter()
        .map(|(n, c)| (n, Config::from_pairs(c)))
        .collect())
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let host = g.host();
    let mut stages = Vec::new();
    for (name, config) in stage_settings(&a.with, &a.set)? {
        stages.push((host.get(&name)?, config));
    }
    let pipeline = Pipeline::new(stages)?;
    let mut input = Vec::new();
    // Size the buffer up front when stdin is a file.
    if let Ok(m) = std::fs::metadata("/dev/stdin") {
        if m.is_file() {
            input.reserve_exact(m.len() as usize + 1);
        }
    }
    std::io::stdin().lock().read_to_end(&mut input)?;
    let meta = wenku_core::plugin::record::metadata_of_stdin(&input);
    match pipeline.runner().run(&input, meta) {
        Ok(p) => match p.outcome {
            Outcome::Kept(bytes) => {
                std::io::stdout().lock().write_all(&bytes)?;
                Ok(ExitCode::SUCCESS)
            }
            Outcome::Dropped { plugin, reason } => {
                g.note(&format!("stdin: dropped by {plugin}: {reason}"));
                Ok(ExitCode::SUCCESS)
            }
        },
        Err(e) => {
            eprintln!("failed: stdin: {e}");
            Ok(ExitCode::from(1))
        }
    }
}
