//! The `wenku` command: a thin layer over wenku-core. Each command lives in its own file
//! under `commands/` (`Args` declares its arguments, `exec` calls core and prints).
//!
//! Exit status: 0 success; 1 some records failed (each named on stderr, the rest done);
//! 2 usage, archive or plugin error (nothing changed).

mod commands;
mod global;
mod print;
mod progress;
mod serve;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = global::Cli::parse();
    let global = global::Global::from(&cli);
    match commands::exec(&global, &cli.command) {
        Ok(code) => code,
        // The reader of stdout went away (`wenku ls | head`): nothing to report.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "wenku: error: {}", print::error_text(&e));
            ExitCode::from(2)
        }
    }
}
