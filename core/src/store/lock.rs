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
//! message saying what is waited for; a wait that finds the archive held keeps trying
//! for at least [`SPAWN_GRACE`].

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
    /// Told once, with what is waited for, when the archive is still held after
    /// [`SPAWN_GRACE`] (never when `timeout` is shorter).
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

/// How long a wait that finds the archive held keeps trying at least, one told not to
/// wait too: what is held may be held by a child of this process. The index (sled) runs
/// the `sync` command each time it opens, and a child forked by one thread holds copies
/// of the process's open files, their locks with them, until it execs (after a search of
/// `PATH`): another thread's lock let go a moment ago — or sled's own lock on the index,
/// which it lets go by closing — then still looks held (parallel test threads, the
/// Python package's threads, `serve`). Our own lock files are also let go explicitly
/// ([`Held`]).
pub const SPAWN_GRACE: Duration = Duration::from_millis(500);

impl Wait<'_> {
    /// Retry `attempt` until it gives `Some`, or the deadline passes (then the error
    /// from `busy`, called with the seconds waited); the deadline is at least
    /// [`SPAWN_GRACE`] away.
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

/// A lock taken on one of the archive's lock files, let go explicitly when dropped: a
/// child process forked meanwhile (sled runs `sync` when it opens the index) holds a copy
/// of the file until it execs, and closing ours alone would leave the lock held by it.
pub struct Held(File);

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.0.unlock();
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
pub fn writer(dir: &Path, command: &str, wait: &Wait) -> Result<Held> {
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
    Ok(Held(file))
}

/// Join the readers of the archive in `dir` (shared; waits only while a writer swaps
/// files, which takes milliseconds).
pub fn reader(dir: &Path, wait: &Wait) -> Result<Held> {
    let path = dir.join(READERS_FILE);
    let file = open_lock_file(&path).map_err(|e| match e {
        // Reading takes the readers' lock and opens the index, which sled opens for
        // writing: a user who may only read the files (or a read-only mount) cannot.
        Error::Io { path, source }
            if matches!(
                source.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Error::Usage(format!(
                "archive {}: {} cannot be opened for writing ({source}), and reading an archive takes its lock and index files for writing; run the command as a user who may write the archive, or copy it (`cp -r '{}' COPY`) and read the copy",
                dir.display(),
                path.display(),
                dir.display()
            ))
        }
        e => e,
    })?;
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
    Ok(Held(file))
}

/// Whether no other process reads the archive now: if so, returns a lock that keeps
/// new readers out until it is dropped (they wait).
pub fn no_readers(dir: &Path) -> Result<Option<Held>> {
    let path = dir.join(READERS_FILE);
    let file = open_lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Held(file))),
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
