//! `wenku serve [--bind ADDR] [--allow-remote]`: the JSON API and review page.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::global::Global;

#[derive(clap::Args)]
pub struct Args {
    /// Address and port to listen on (port 0: any free port, printed on start)
    #[arg(long, default_value = "127.0.0.1:8330", value_name = "ADDR:PORT")]
    bind: String,
    /// Allow an address other than loopback (the API is read-only but not authenticated)
    #[arg(long)]
    allow_remote: bool,
    /// Requests handled at once
    #[arg(long, default_value_t = 8, value_name = "N")]
    threads: usize,
}

pub fn exec(g: &Global, a: &Args) -> Result<ExitCode> {
    let addr: SocketAddr = a.bind.parse().with_context(|| {
        format!(
            "--bind {:?} is not ADDRESS:PORT (e.g. 127.0.0.1:8330)",
            a.bind
        )
    })?;
    if !addr.ip().is_loopback() && !a.allow_remote {
        bail!(
            "--bind {addr} is not a loopback address; anyone who reaches it can read the whole archive. \
             Add --allow-remote to serve it anyway, or bind 127.0.0.1"
        );
    }
    // Fail now, not on the first request, when there is no archive.
    drop(g.open()?);
    crate::serve::run(g, addr, a.threads.max(1))?;
    Ok(ExitCode::SUCCESS)
}
