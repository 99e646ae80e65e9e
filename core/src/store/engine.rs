//! The key-value engine under the archive: the index that makes reads fast. It holds
//! document heads, version records and blob locations, and can always be rebuilt from
//! the packs and the catalog (`wenku repair`), which are the archive's truth.
//!
//! [`SledEngine`] is sled `=1.0.0-alpha.124`, pinned exactly (its README says the on-disk
//! format changes before 1.0). It has no transactions across trees, so the archive's
//! logical trees live in one sled tree, each behind a one-byte key prefix
//! ([`TreeName::prefix`]), and a commit is one `apply_batch` (all-or-nothing across a
//! crash). Writes are durable after [`Engine::flush`], which every command calls before
//! it reports success; sled's background flusher is off (it aborts the process when a
//! flush fails). sled panics on a damaged leaf instead of returning an error: every call
//! into it runs under `catch_unwind` and a panic becomes [`Error::IndexDamaged`], whose
//! message points to `wenku repair`.
//!
//! sled holds an exclusive lock on its directory while it is open, so one process at a
//! time has the index open; the archive keeps that time short for read-only commands
//! (see `Archive::open_with`). Opening runs the external `sync` command (sled 1.0 alpha
//! does this unconditionally before recovery; there is no setting to avoid it). Measured
//! on the 6,000 news pages' index (0.55 MB): open and close 32 ms, of which `sync` 1.3 ms
//! on a quiet disk — but seconds when gigabytes of unrelated data are dirty.
//!
//! [`MemEngine`] is a copy of the index in memory, for a long read (export, verify) that
//! lets the index go after taking its copy.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The logical trees of an archive. `Meta`, `Docs`, `Versions` and `Blobs` live in the
/// engine; `Plugins`, `Snapshots` and `Dicts` live in the catalog (see
/// [`crate::store::catalog`]) and are only routed through this trait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TreeName {
    Meta,
    Docs,
    Versions,
    Blobs,
    Plugins,
    Snapshots,
    Dicts,
    /// Similarity sketches of documents' newest versions (`store::similar`).
    Sketches,
}

impl TreeName {
    pub const ALL: [TreeName; 8] = [
        TreeName::Meta,
        TreeName::Docs,
        TreeName::Versions,
        TreeName::Blobs,
        TreeName::Plugins,
        TreeName::Snapshots,
        TreeName::Dicts,
        TreeName::Sketches,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TreeName::Meta => "meta",
            TreeName::Docs => "docs",
            TreeName::Versions => "versions",
            TreeName::Blobs => "blobs",
            TreeName::Plugins => "plugins",
            TreeName::Snapshots => "snapshots",
            TreeName::Dicts => "dicts",
            TreeName::Sketches => "sketches",
        }
    }

    /// The byte before every key of this tree in the engine (FORMAT.md).
    pub fn prefix(self) -> u8 {
        match self {
            TreeName::Meta => b'm',
            TreeName::Docs => b'd',
            TreeName::Versions => b'v',
            TreeName::Blobs => b'b',
            TreeName::Plugins => b'p',
            TreeName::Snapshots => b's',
            TreeName::Dicts => b'x',
            TreeName::Sketches => b'g',
        }
    }

    /// Whether the catalog (not the engine) holds this tree.
    pub fn in_catalog(self) -> bool {
        matches!(
            self,
            TreeName::Plugins | TreeName::Snapshots | TreeName::Dicts
        )
    }
}

/// A write in an atomic batch: `None` removes the key.
pub type Write = (TreeName, Vec<u8>, Option<Vec<u8>>);

/// Key-value pairs from a scan, in key order.
pub type Scan<'a> = Box<dyn Iterator<Item = Result<(Vec<u8>, Vec<u8>)>> + 'a>;

/// What the archive asks of a storage engine.
pub trait Engine: Send + Sync {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>>;
    fn contains(&self, tree: TreeName, key: &[u8]) -> Result<bool> {
        Ok(self.get(tree, key)?.is_some())
    }
    /// A single write, durable after the next [`Engine::flush`].
    fn insert(&self, tree: TreeName, key: &[u8], value: &[u8]) -> Result<()> {
        self.commit(&[(tree, key.to_vec(), Some(value.to_vec()))])
    }
    /// All keys starting with `prefix`, in byte order.
    fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_>;
    /// Apply every write or none of them (also across a crash).
    fn commit(&self, writes: &[Write]) -> Result<()>;
    /// Make everything written so far durable.
    fn flush(&self) -> Result<()>;
    /// Number of keys in `tree` (a scan: call it rarely).
    fn len(&self, tree: TreeName) -> usize {
        self.scan_prefix(tree, b"").count()
    }
    /// Give back space freed by rewritten records (after an import or a compaction).
    fn reclaim(&self) -> Result<()> {
        Ok(())
    }
}

/// The engine's directory inside an archive directory.
pub const INDEX_DIR: &str = "index";

type Db = sled::Db<1024>;

/// sled 1.0 alpha, one directory per archive (`index/`).
pub struct SledEngine {
    path: PathBuf,
    /// The database ([`Engine::reclaim`] swaps in a rebuilt one). A sled `Db` may move
    /// between threads but not be shared by them: each call takes a handle (a clone)
    /// from `idle` and gives it back. The handles are boxed: a `Db` is 20 KB, and moving
    /// it in and out of the pool on every call was a third of a read's time.
    db: Mutex<Option<Db>>,
    idle: Mutex<Vec<Box<Db>>>,
}

/// sled's cache, an upper bound (sled holds what it has read). The index of 150,000
/// documents takes about 60 MB in memory: a 64 MB cache made random reads of that archive
/// page leaves in and out (p99 254 µs against 55 µs with this bound).
const CACHE_BYTES: usize = 512 * 1024 * 1024;
/// zstd level of sled's leaves (sled's default). Level 9 made the news pages' index 10 KB
/// smaller (of 0.57 MB), and cost time on every flush of a large index.
const INDEX_LEVEL: i32 = 3;
/// zstd level of the leaves of an index rebuilt by [`Engine::reclaim`]. Level 9 made the
/// news pages' rebuilt index 7 KB smaller (651,733 against 658,880 bytes) and the end of
/// their import, where the rebuild runs alone on one core, about 100 ms longer (of ~1 s).
const REBUILD_LEVEL: i32 = 3;
/// Below this the engine's directory is left as it is by [`Engine::reclaim`].
const REBUILD_MIN_BYTES: u64 = 256 * 1024;

thread_local! {
    /// Set while this thread is inside sled: a panic there is reported as an error, not
    /// printed by the panic hook.
    static IN_ENGINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn quiet_engine_panics() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_ENGINE.with(|f| f.get()) {
                previous(info);
            }
        }));
    });
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without message".into())
}

/// Run `f` (a call into sled) with its panics caught and its errors named.
fn guarded<T>(dir: &Path, f: impl FnOnce() -> std::io::Result<T>) -> Result<T> {
    quiet_engine_panics();
    let was = IN_ENGINE.with(|c| c.replace(true));
    let r = std::panic::catch_unwind(AssertUnwindSafe(f));
    IN_ENGINE.with(|c| c.set(was));
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(io_error(dir, e)),
        Err(p) => {
            let text = panic_text(p.as_ref());
            Err(if text.contains("No space left on device") {
                disk_full(dir)
            } else {
                Error::IndexDamaged {
                    dir: archive_of(dir),
                    detail: format!("the engine failed: {text}"),
                }
            })
        }
    }
}

/// Free bytes a flush of the index wants on its disk (see [`SledEngine::flush`]): more
/// than sled writes for an import's batch.
pub const FLUSH_MIN_FREE: u64 = 16 << 20;

/// Bytes free to this user on the disk holding `path` (`None`: not known).
fn free_bytes(path: &Path) -> Option<u64> {
    let s = rustix::fs::statvfs(path).ok()?;
    // A file system that tells no size (a FUSE one without statfs says zeros) is
    // not known to be full.
    if s.f_blocks == 0 {
        return None;
    }
    Some(s.f_bavail.saturating_mul(s.f_frsize))
}

/// A full disk is no damage: the index is as the last flush left it.
fn disk_full(dir: &Path) -> Error {
    Error::Storage {
        dir: archive_of(dir),
        detail: format!(
            "the disk is full ({}); free space on it and run the command again (nothing stored is lost)",
            dir.display()
        ),
    }
}

fn archive_of(index: &Path) -> PathBuf {
    index.parent().unwrap_or(index).to_path_buf()
}

/// sled's I/O errors: a locked directory is "in use"; everything else it reports is
/// trouble with the index (a disk error reads the same way to the user: repair).
fn io_error(dir: &Path, e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::WouldBlock => Error::ArchiveInUse {
            dir: archive_of(dir),
        },
        _ if e.kind() == std::io::ErrorKind::StorageFull
            || e.to_string().contains("No space left on device") =>
        {
            disk_full(dir)
        }
        _ => {
            // sled prefixes its messages with the place in its source that raised them.
            let text = e.to_string();
            let text = text.rsplit(" -> ").next().unwrap_or(&text).to_string();
            Error::IndexDamaged {
                dir: archive_of(dir),
                detail: format!("{}: {text}", dir.display()),
            }
        }
    }
}

fn prefixed(tree: TreeName, key: &[u8]) -> Vec<u8> {
    let mut k = Vec::with_capacity(key.len() + 1);
    k.push(tree.prefix());
    k.extend_from_slice(key);
    k
}

fn open_db(path: &Path, level: i32) -> Result<Db> {
    keep_metadata_recoverable(path)?;
    guarded(path, || {
        sled::Config::new()
            .path(path)
            .flush_every_ms(None)
            .cache_capacity_bytes(CACHE_BYTES)
            .zstd_compression_level(level)
            .open()
    })
}

/// sled 1.0.0-alpha.124 loses a whole index when it opens a `metadata/` folder holding a
/// snapshot and no newer log: its recovery writes the new snapshot under the old one's
/// name and then deletes "the old one". A process killed after its own recovery wrote a
/// snapshot and before it created its next log leaves exactly that (every command opens
/// the index, readers too: 1 in 40 exports killed at a random moment did it). An empty
/// newer log — what every open leaves behind anyway — makes the next recovery sound.
fn keep_metadata_recoverable(path: &Path) -> Result<()> {
    let dir = path.join("metadata");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(());
    };
    let (mut snapshot, mut log) = (None::<u64>, None::<u64>);
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let id = |prefix: &str| {
            name.strip_prefix(prefix)
                .and_then(|hex| u64::from_str_radix(hex, 16).ok())
        };
        snapshot = snapshot.max(id("snapshot_"));
        log = log.max(id("log_"));
    }
    if let Some(s) = snapshot {
        if log.is_none_or(|l| l <= s) {
            let next = dir.join(format!("log_{:016x}", s + 1));
            std::fs::File::create(&next)
                .and_then(|f| f.sync_all())
                .and_then(|()| std::fs::File::open(&dir)?.sync_all())
                .map_err(|e| Error::io(&next, e))?;
        }
    }
    Ok(())
}

/// Whether `dir` looks like a sled database (so that opening it does not create one).
pub fn index_present(dir: &Path) -> bool {
    dir.join("metadata").is_dir() && dir.join("slabs").is_dir()
}

impl SledEngine {
    /// Open the index at `path` (an `index/` directory). With `create`, a missing one is
    /// made; without, a missing or incomplete one is [`Error::IndexDamaged`]. A directory
    /// another process has open is [`Error::ArchiveInUse`].
    pub fn open(path: &Path, create: bool) -> Result<Self> {
        if !create && !index_present(path) {
            return Err(Error::IndexDamaged {
                dir: archive_of(path),
                detail: format!("the index {} is missing", path.display()),
            });
        }
        let db = open_db(path, INDEX_LEVEL)?;
        Ok(SledEngine {
            path: path.to_path_buf(),
            db: Mutex::new(Some(db)),
            idle: Mutex::new(Vec::new()),
        })
    }

    fn handle(&self) -> Result<Box<Db>> {
        if let Some(db) = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop() {
            return Ok(db);
        }
        let mut guard = self.db.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            // Closed by a rebuild: opened again when next used (sled's open runs `sync`).
            *guard = Some(open_db(&self.path, INDEX_LEVEL)?);
        }
        match guard.as_ref() {
            Some(db) => guarded(&self.path, || Ok(Box::new(db.clone()))),
            None => Err(Error::Storage {
                dir: self.path.clone(),
                detail: "the index is closed".into(),
            }),
        }
    }

    fn with_db<T>(&self, f: impl FnOnce(&Db) -> std::io::Result<T>) -> Result<T> {
        let db = self.handle()?;
        let r = guarded(&self.path, || f(&db));
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).push(db);
        r
    }

    /// Copy every key-value pair into a fresh database at `to` and flush it.
    fn copy_to(&self, to: &Path) -> Result<()> {
        let fresh = open_db(to, REBUILD_LEVEL)?;
        let mut batch = sled::Batch::default();
        let mut n = 0usize;
        for r in self.scan_all() {
            let (k, v) = r?;
            batch.insert(k, v);
            n += 1;
            if n.is_multiple_of(65536) {
                let b = std::mem::take(&mut batch);
                guarded(to, || fresh.apply_batch(b))?;
            }
        }
        guarded(to, || fresh.apply_batch(batch))?;
        guarded(to, || fresh.flush().map(|_| ()))?;
        drop(fresh);
        Ok(())
    }

    /// Every pair of every tree, prefixes included.
    fn scan_all(&self) -> Scan<'_> {
        self.raw_scan(Vec::new(), 0)
    }

    fn raw_scan(&self, prefix: Vec<u8>, strip: usize) -> Scan<'_> {
        let iter = self.with_db(|db| Ok(db.scan_prefix(&prefix)));
        match iter {
            Err(e) => Box::new(std::iter::once(Err(e))),
            Ok(mut iter) => {
                let path = self.path.clone();
                let mut done = false;
                Box::new(std::iter::from_fn(move || {
                    if done {
                        return None;
                    }
                    let next = guarded(&path, || Ok(iter.next()));
                    match next {
                        Ok(None) => None,
                        Ok(Some(Ok((k, v)))) => Some(Ok((k[strip..].to_vec(), v.to_vec()))),
                        Ok(Some(Err(e))) => {
                            done = true;
                            Some(Err(io_error(&path, e)))
                        }
                        Err(e) => {
                            done = true;
                            Some(Err(e))
                        }
                    }
                }))
            }
        }
    }

    /// Bytes of the engine's files.
    pub fn disk_bytes(&self) -> u64 {
        crate::archive::dir_size(&self.path)
    }
}

impl Engine for SledEngine {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>> {
        let k = prefixed(tree, key);
        self.with_db(|db| db.get(&k).map(|v| v.map(|v| v.to_vec())))
    }

    fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_> {
        self.raw_scan(prefixed(tree, prefix), 1)
    }

    fn commit(&self, writes: &[Write]) -> Result<()> {
        if writes.is_empty() {
            return Ok(());
        }
        let mut batch = sled::Batch::default();
        for (tree, key, value) in writes {
            let k = prefixed(*tree, key);
            match value {
                Some(v) => batch.insert(k, v.as_slice()),
                None => batch.remove(k),
            }
        }
        self.with_db(|db| db.apply_batch(batch))
    }

    fn flush(&self) -> Result<()> {
        // sled 1.0 alpha's flush waits forever when its writes fail for want of space
        // (an import on a full disk hung there): a disk with less than
        // [`FLUSH_MIN_FREE`] free is said to be full instead, before sled is asked.
        if free_bytes(&self.path).is_some_and(|free| free < FLUSH_MIN_FREE) {
            return Err(disk_full(&self.path));
        }
        self.with_db(|db| db.flush().map(|_| ()))
    }

    fn reclaim(&self) -> Result<()> {
        // sled rewrites leaves into size-class slabs and leaves holes behind; a copy into
        // a fresh directory holds only what is live (measured on the news pages: 0.73 MB
        // after import, 0.47 MB of it records). The copy is put in place by two renames;
        // the caller holds the archive so that no reader opens the index meanwhile.
        if self.disk_bytes() < REBUILD_MIN_BYTES {
            return Ok(());
        }
        self.flush()?;
        // The copy needs room for a second index: without it the index stays as it is
        // (larger, as good).
        if free_bytes(&self.path)
            .is_some_and(|free| free < self.disk_bytes().saturating_add(FLUSH_MIN_FREE))
        {
            return Ok(());
        }
        let fresh = self.path.with_extension("new");
        let old = self.path.with_extension("old");
        let _ = std::fs::remove_dir_all(&fresh);
        let _ = std::fs::remove_dir_all(&old);
        self.copy_to(&fresh)?;
        let mut guard = self.db.lock().unwrap_or_else(|e| e.into_inner());
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).clear();
        if let Some(db) = guard.take() {
            guarded(&self.path, || db.flush().map(|_| ()))?;
            drop(db);
        }
        let swapped = std::fs::rename(&self.path, &old)
            .and_then(|_| std::fs::rename(&fresh, &self.path))
            .map_err(|e| Error::io(&self.path, e));
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        swapped?;
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

/// A read-only copy of the engine's trees in memory, packed: every key and value back
/// to back in one buffer, with a sorted table of where each pair is (measured on 150,000
/// documents: a `BTreeMap` of the same pairs took 160 MB, mostly allocation overhead).
#[derive(Default)]
pub struct MemEngine {
    data: Vec<u8>,
    /// (offset of the key in `data`, key length, value length), sorted by key.
    pairs: Vec<(usize, u32, u32)>,
}

impl MemEngine {
    /// Copy every engine tree of `from`.
    pub fn copy_of(from: &dyn Engine) -> Result<MemEngine> {
        let mut m = MemEngine::default();
        for tree in TreeName::ALL.into_iter().filter(|t| !t.in_catalog()) {
            for r in from.scan_prefix(tree, b"") {
                let (k, v) = r?;
                let at = m.data.len();
                m.data.push(tree.prefix());
                m.data.extend_from_slice(&k);
                m.data.extend_from_slice(&v);
                m.pairs.push((at, k.len() as u32 + 1, v.len() as u32));
            }
        }
        let data = &m.data;
        m.pairs
            .sort_by(|a, b| data[a.0..a.0 + a.1 as usize].cmp(&data[b.0..b.0 + b.1 as usize]));
        m.data.shrink_to_fit();
        Ok(m)
    }

    fn key(&self, i: usize) -> &[u8] {
        let (at, k, _) = self.pairs[i];
        &self.data[at..at + k as usize]
    }

    fn value(&self, i: usize) -> &[u8] {
        let (at, k, v) = self.pairs[i];
        &self.data[at + k as usize..at + k as usize + v as usize]
    }

    /// The first pair whose key is not below `key`.
    fn lower_bound(&self, key: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.pairs.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

impl Engine for MemEngine {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>> {
        let k = prefixed(tree, key);
        let i = self.lower_bound(&k);
        Ok((i < self.pairs.len() && self.key(i) == k.as_slice()).then(|| self.value(i).to_vec()))
    }

    fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_> {
        let start = prefixed(tree, prefix);
        let first = self.lower_bound(&start);
        Box::new(
            (first..self.pairs.len())
                .take_while(move |i| self.key(*i).starts_with(&start))
                .map(|i| Ok((self.key(i)[1..].to_vec(), self.value(i).to_vec()))),
        )
    }

    fn commit(&self, _writes: &[Write]) -> Result<()> {
        Err(Error::Storage {
            dir: PathBuf::new(),
            detail: "the archive was opened for reading; its index copy cannot be changed".into(),
        })
    }

    fn flush(&self) -> Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_told_as_one_not_as_a_damaged_index() {
        let dir = Path::new("/data/a.wenku/index");
        let full = io_error(dir, std::io::Error::from_raw_os_error(28));
        assert_eq!(
            full.to_string(),
            "storage error in archive /data/a.wenku: the disk is full (/data/a.wenku/index); free space on it and run the command again (nothing stored is lost)"
        );
        let other = io_error(dir, std::io::Error::other("corrupted log"));
        assert!(matches!(other, Error::IndexDamaged { .. }), "{other}");
    }

    #[test]
    fn an_open_cut_short_after_its_snapshot_loses_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("index");
        {
            let e = SledEngine::open(&path, true).unwrap();
            e.commit(&[(TreeName::Meta, b"k".to_vec(), Some(b"v".to_vec()))])
                .unwrap();
            e.flush().unwrap();
        }
        // A reader's open: recovery writes a snapshot and creates a new, empty log.
        drop(SledEngine::open(&path, false).unwrap());
        // Killed between the two: the snapshot is there, the newer log is not.
        for e in std::fs::read_dir(path.join("metadata")).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().unwrap().to_str().unwrap().starts_with("log_") {
                assert_eq!(std::fs::metadata(&p).unwrap().len(), 0);
                std::fs::remove_file(p).unwrap();
            }
        }
        for _ in 0..2 {
            let e = SledEngine::open(&path, false).unwrap();
            assert_eq!(e.get(TreeName::Meta, b"k").unwrap(), Some(b"v".to_vec()));
        }
    }
}
