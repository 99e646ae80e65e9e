//! Progress bars on stderr, shown only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar that stays hidden off a terminal or with `--quiet`. It counts bytes
/// when the operation knows them (import), else the items it works through (records,
/// blobs), named by `unit`.
pub struct Bar {
    bar: ProgressBar,
    unit: &'static str,
    bytes: std::sync::atomic::AtomicBool,
}

impl Bar {
    pub fn new(quiet: bool, verb: &str) -> Bar {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(&format!(
                "{verb} {{bar:30}} {{bytes}}/{{total_bytes}} {{binary_bytes_per_sec}} {{msg}}"
            )) {
                b.set_style(style);
            }
            b
        };
        Bar {
            bar,
            unit: "files",
            bytes: std::sync::atomic::AtomicBool::new(true),
        }
    }

    /// A bar that counts `unit` (records, blobs) instead of bytes.
    pub fn items(quiet: bool, verb: &str, unit: &'static str) -> Bar {
        let b = Bar::new(quiet, verb);
        if !b.bar.is_hidden() {
            if let Ok(style) = ProgressStyle::with_template(&format!(
                "{verb} {{bar:30}} {{pos}}/{{len}} {unit} {{per_sec}}"
            )) {
                b.bar.set_style(style);
            }
        }
        b.bytes.store(false, std::sync::atomic::Ordering::Relaxed);
        Bar { unit, ..b }
    }

    fn counts_bytes(&self) -> bool {
        self.bytes.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl wenku_core::import::Progress for Bar {
    fn start(&self, items: u64, bytes: u64) {
        if self.counts_bytes() {
            self.bar.set_length(bytes);
            self.bar.set_message(format!("{items} {}", self.unit));
        } else {
            self.bar.set_length(items);
        }
    }
    fn advance(&self, items: u64, bytes: u64) {
        self.bar
            .inc(if self.counts_bytes() { bytes } else { items });
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
