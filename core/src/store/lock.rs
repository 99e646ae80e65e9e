//! Who may use an archive at the same time, and bounded waiting for one's turn.
//!
//! - `lock`: the writer lock. Commands that change the archive (import, compact,
//!   repair, plugin settings, snapshots) hold it exclusively for their whole run and
//!   write into it what they are (`import (pid 12)`), so that others can say what they
//!   wait for.
//! - `readers`: held shared by every open archive for its whole life; taken exclusively,
//!   never waiting, by a writer that is about to delete or swap files a reader may be
//!   using (packs after `compact`, the index after its rebuild). When readers are there
//!   the writer defers that step instead.
//! - the index (sled) locks its own directory while it is open; read-only commands keep
//!   it open only while they read records (an export copies what it needs and lets go).
//!
//! Every wait is bounded ([`Wait`]): polled every 20 ms until the deadline, with one
//! message saying what is waited for; every wait lasts at least [`SPAWN_GRACE`].

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

pub const LOCK_FILE: &str = "lock";
pub const READERS_FILE: &str = "readers";

/// How long to wait for the archive, and whom to tell.
#[derive(Clone, Copy)]
pub struct Wait<'a> {
    pub timeout: Duration,
    /// Told once, with what is waited for, when the archive is not free at once.
    pub notify: Option<&'a (dyn Fn(&str) + Sync)>,
}

impl Default for Wait<'_> {
    fn default() -> Self {
        Wait {
            timeout: Duration::ZERO,
            notify: None,
        }
    }
}

/// How long every wait lasts at least, one that does not wait too: a lock this process
/// let go of a moment ago can still be held by a child of it. The index (sled) runs the
/// `sync` command each time it opens, and the child holds copies of the process's open
/// files, locks and all, until it execs (after a search of `PATH`): another thread's
/// open, or a command's own next step, then found its own archive busy (about 1 run in
/// 30 of the core tests).
pub const SPAWN_GRACE: Duration = Duration::from_millis(500);

impl Wait<'_> {
    /// Retry `attempt` until it gives `Some`, or the deadline passes (then the error
    /// from `busy`, called with the seconds waited); never less than [`SPAWN_GRACE`].
    /// `what` says what is waited for.
    pub fn until<T>(
        &self,
        what: impl Fn() -> String,
        mut attempt: impl FnMut() -> Result<Option<T>>,
        busy: impl Fn(String, u64) -> Error,
    ) -> Result<T> {
        let start = Instant::now();
        let limit = self.timeout.max(SPAWN_GRACE);
        // Told only of a wait for another command, past the grace.
        let mut told = false;
        loop {
            if let Some(v) = attempt()? {
                return Ok(v);
            }
            let waited = start.elapsed();
            if waited >= limit {
                return Err(busy(what(), waited.as_secs()));
            }
            if !told && waited >= SPAWN_GRACE {
                told = true;
                if let Some(n) = self.notify {
                    n(&format!(
                        "waiting up to {} s for {}",
                        self.timeout.as_secs(),
                        what()
                    ));
                }
            }
            std::thread::sleep(Duration::from_millis(20).min(limit - waited));
        }
    }
}

fn open_lock_file(path: &Path) -> Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

/// What the holder of the writer lock wrote about itself.
pub fn holder(dir: &Path) -> String {
    let mut s = String::new();
    let _ = File::open(dir.join(LOCK_FILE)).and_then(|mut f| f.read_to_string(&mut s));
    let s = s.trim();
    if s.is_empty() {
        "another wenku command".into()
    } else {
        format!("`wenku {s}`")
    }
}

/// Take the writer lock of the archive in `dir`, waiting as `wait` says; `command` is
/// written into it for others to read.
pub fn writer(dir: &Path, command: &str, wait: &Wait) -> Result<File> {
    let path = dir.join(LOCK_FILE);
    let file = open_lock_file(&path)?;
    wait.until(
        || format!("{} to finish (it is changing the archive)", holder(dir)),
        || match file.try_lock() {
            Ok(()) => Ok(Some(())),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        },
        |holder, waited_s| Error::ArchiveBusy {
            dir: dir.into(),
            holder: format!("waiting for {holder}"),
            waited_s,
        },
    )?;
    let mut f = &file;
    let _ = f
        .set_len(0)
        .and_then(|_| f.rewind())
        .and_then(|_| write!(f, "{command} (pid {})", std::process::id()));
    Ok(file)
}

/// Join the readers of the archive in `dir` (shared; waits only while a writer swaps
/// files, which takes milliseconds).
pub fn reader(dir: &Path, wait: &Wait) -> Result<File> {
    let path = dir.join(READERS_FILE);
    let file = open_lock_file(&path)?;
    wait.until(
        || "a writer to finish replacing files".to_string(),
        || match file.try_lock_shared() {
            Ok(()) => Ok(Some(())),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        },
        |holder, waited_s| Error::ArchiveBusy {
            dir: dir.into(),
            holder: format!("waiting for {holder}"),
            waited_s,
        },
    )?;
    Ok(file)
}

/// Whether no other process reads the archive now: if so, returns a lock that keeps
/// new readers out until it is dropped (they wait).
pub fn no_readers(dir: &Path) -> Result<Option<File>> {
    let path = dir.join(READERS_FILE);
    let file = open_lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
    }
}

/// Whether a writer holds the archive in `dir` now.
pub fn writer_active(dir: &Path) -> bool {
    let Ok(file) = File::open(dir.join(LOCK_FILE)) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => false,
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(_)) => false,
    }
}
