//! The key-value engine under the archive, behind a small trait so it could be swapped.
//!
//! The archive needs only: named trees, point reads and writes, ordered prefix scans,
//! one atomic write across several trees, and a durable flush. [`SledEngine`] provides
//! them with sled 0.34.7; nothing outside this module names sled.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The named trees of an archive (never the engine's default tree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TreeName {
    Meta,
    Docs,
    Versions,
    Blobs,
    Plugins,
    Snapshots,
}

impl TreeName {
    pub const ALL: [TreeName; 6] = [
        TreeName::Meta,
        TreeName::Docs,
        TreeName::Versions,
        TreeName::Blobs,
        TreeName::Plugins,
        TreeName::Snapshots,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TreeName::Meta => "meta",
            TreeName::Docs => "docs",
            TreeName::Versions => "versions",
            TreeName::Blobs => "blobs",
            TreeName::Plugins => "plugins",
            TreeName::Snapshots => "snapshots",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A write in an atomic batch: `None` removes the key.
pub type Write = (TreeName, Vec<u8>, Option<Vec<u8>>);

/// Key-value pairs from a scan, in key order.
pub type Scan<'a> = Box<dyn Iterator<Item = Result<(Vec<u8>, Vec<u8>)>> + 'a>;

/// What the archive asks of a storage engine.
pub trait Engine: Send + Sync {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>>;
    fn contains(&self, tree: TreeName, key: &[u8]) -> Result<bool>;
    /// A single write, durable after the next [`Engine::flush`].
    fn insert(&self, tree: TreeName, key: &[u8], value: &[u8]) -> Result<()>;
    /// All keys starting with `prefix`, in byte order.
    fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_>;
    /// Apply every write or none of them (also across a crash).
    fn commit(&self, writes: &[Write]) -> Result<()>;
    /// Make everything written so far durable.
    fn flush(&self) -> Result<()>;
    fn len(&self, tree: TreeName) -> usize;
}

/// sled 0.34.7.
pub struct SledEngine {
    dir: PathBuf,
    db: sled::Db,
    trees: Vec<sled::Tree>,
}

impl SledEngine {
    /// Open (or create) the sled database in `dir`.
    pub fn open(dir: &Path) -> Result<Self> {
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(64 * 1024 * 1024)
            .mode(sled::Mode::LowSpace)
            .flush_every_ms(None)
            .open()
            .map_err(|e| map_open_error(dir, e))?;
        let mut trees = Vec::with_capacity(TreeName::ALL.len());
        for t in TreeName::ALL {
            trees.push(db.open_tree(t.name()).map_err(|e| storage(dir, e))?);
        }
        Ok(SledEngine {
            dir: dir.to_path_buf(),
            db,
            trees,
        })
    }

    fn tree(&self, t: TreeName) -> &sled::Tree {
        &self.trees[t.index()]
    }

    fn err(&self, e: sled::Error) -> Error {
        storage(&self.dir, e)
    }
}

fn storage(dir: &Path, e: sled::Error) -> Error {
    match e {
        sled::Error::Corruption { .. } => Error::corrupt(format!("archive {}", dir.display()), e),
        e => Error::Storage {
            dir: dir.to_path_buf(),
            detail: e.to_string(),
        },
    }
}

fn map_open_error(dir: &Path, e: sled::Error) -> Error {
    if let sled::Error::Io(io) = &e {
        // sled 0.34 reports a held lock as an io error whose text names the lock
        // (wrapping WouldBlock).
        let text = io.to_string();
        if io.kind() == std::io::ErrorKind::WouldBlock || text.contains("could not acquire lock") {
            return Error::ArchiveInUse {
                dir: dir.to_path_buf(),
            };
        }
    }
    storage(dir, e)
}

impl Engine for SledEngine {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self
            .tree(tree)
            .get(key)
            .map_err(|e| self.err(e))?
            .map(|v| v.to_vec()))
    }

    fn contains(&self, tree: TreeName, key: &[u8]) -> Result<bool> {
        self.tree(tree).contains_key(key).map_err(|e| self.err(e))
    }

    fn insert(&self, tree: TreeName, key: &[u8], value: &[u8]) -> Result<()> {
        self.tree(tree)
            .insert(key, value)
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_> {
        Box::new(self.tree(tree).scan_prefix(prefix).map(move |r| {
            r.map(|(k, v)| (k.to_vec(), v.to_vec()))
                .map_err(|e| self.err(e))
        }))
    }

    fn commit(&self, writes: &[Write]) -> Result<()> {
        use sled::transaction::{ConflictableTransactionError, Transactional};
        if writes.is_empty() {
            return Ok(());
        }
        self.trees
            .as_slice()
            .transaction(|views| {
                for (tree, key, value) in writes {
                    let view = &views[tree.index()];
                    match value {
                        Some(v) => view.insert(key.as_slice(), v.as_slice())?,
                        None => view.remove(key.as_slice())?,
                    };
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => self.err(e),
                sled::transaction::TransactionError::Abort(()) => Error::Storage {
                    dir: self.dir.clone(),
                    detail: "transaction aborted".into(),
                },
            })
    }

    fn flush(&self) -> Result<()> {
        self.db.flush().map_err(|e| self.err(e))?;
        Ok(())
    }

    fn len(&self, tree: TreeName) -> usize {
        self.tree(tree).len()
    }
}
