//! Pack files: where blob bytes live. The archive's tables hold only small records;
//! the compressed bytes of every blob are appended to `packs/pack-NNNNNNNN.wpk` and the
//! blob record names the pack, offset and length.
//!
//! Why not inside the key-value engine: sled 0.34 (format 1) rewrote whole leaf pages as
//! they filled and did not reclaim the dead space, measured at 3.2× the stored bytes on
//! 6,000 news pages; a B-tree such as redb copies every page it changes and leaves
//! half-empty pages behind. Append-only packs cost what they hold, and reads go straight
//! to the bytes.
//!
//! Contract: bytes are appended and `sync`ed (fsync) before any record that points to
//! them is committed, so a committed record never points past the end of a pack, even
//! after a power loss. Bytes appended by an import that died before its commit are
//! unreferenced and harmless; `compact` writes live blobs to new packs and deletes packs
//! that no record references any more.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use crate::error::{Error, Result};

/// A pack is closed for appends past this size.
pub const PACK_MAX: u64 = 1 << 30;

struct Writing {
    id: u32,
    file: File,
    len: u64,
    dirty: bool,
}

/// The pack files of an archive.
pub struct Packs {
    dir: PathBuf,
    writing: Mutex<Option<Writing>>,
    readers: RwLock<HashMap<u32, Arc<File>>>,
}

fn name(id: u32) -> String {
    format!("pack-{id:08}.wpk")
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

impl Packs {
    /// The packs of the archive at `archive_dir` (the `packs` folder is made if absent).
    pub fn open(archive_dir: &Path) -> Result<Packs> {
        let dir = archive_dir.join("packs");
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        Ok(Packs {
            dir,
            writing: Mutex::new(None),
            readers: RwLock::new(HashMap::new()),
        })
    }

    pub fn path(&self, id: u32) -> PathBuf {
        self.dir.join(name(id))
    }

    /// Ids of the pack files present, ascending.
    pub fn ids(&self) -> Result<Vec<u32>> {
        let mut ids: Vec<u32> = std::fs::read_dir(&self.dir)
            .map_err(io(&self.dir))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.strip_prefix("pack-")?.strip_suffix(".wpk")?.parse().ok()
            })
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    fn with_writer<T>(&self, f: impl FnOnce(&mut Writing) -> Result<T>) -> Result<T> {
        let mut guard = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        if guard.as_ref().is_none_or(|w| w.len >= PACK_MAX) {
            // Continue the last pack if it has room, else start a new one.
            let last = self.ids()?.last().copied();
            let id = match (guard.as_ref(), last) {
                (Some(w), _) => w.id + 1,
                (None, Some(l))
                    if std::fs::metadata(self.path(l))
                        .map(|m| m.len())
                        .unwrap_or(u64::MAX)
                        < PACK_MAX =>
                {
                    l
                }
                (None, Some(l)) => l + 1,
                (None, None) => 1,
            };
            if let Some(w) = guard.as_mut() {
                if w.dirty {
                    w.file.sync_data().map_err(io(&self.path(w.id)))?;
                }
            }
            let path = self.path(id);
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(io(&path))?;
            let len = file.metadata().map_err(io(&path))?.len();
            *guard = Some(Writing {
                id,
                file,
                len,
                dirty: false,
            });
        }
        match guard.as_mut() {
            Some(w) => f(w),
            None => Err(Error::Storage {
                dir: self.dir.clone(),
                detail: "no pack open for writing".into(),
            }),
        }
    }

    /// Append `data`; returns (pack, offset).
    pub fn append(&self, data: &[u8]) -> Result<(u32, u64)> {
        self.with_writer(|w| {
            let at = w.len;
            w.file.write_all(data).map_err(io(&self.path(w.id)))?;
            w.len += data.len() as u64;
            w.dirty = true;
            Ok((w.id, at))
        })
    }

    /// Append everything `fill` writes (streamed, bounded memory); returns (pack, offset,
    /// length).
    pub fn append_with(
        &self,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<(u32, u64, u64)> {
        self.with_writer(|w| {
            let at = w.len;
            let path = self.path(w.id);
            struct Counting<'a> {
                file: &'a mut File,
                n: u64,
            }
            impl Write for Counting<'_> {
                fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                    let n = self.file.write(b)?;
                    self.n += n as u64;
                    Ok(n)
                }
                fn flush(&mut self) -> std::io::Result<()> {
                    self.file.flush()
                }
            }
            let mut c = Counting {
                file: &mut w.file,
                n: 0,
            };
            let r = fill(&mut c);
            let n = c.n;
            w.len += n;
            w.dirty = true;
            r.map_err(|e| match e {
                Error::Io { source, .. } => Error::Io {
                    path: path.clone(),
                    source,
                },
                e => e,
            })?;
            Ok((w.id, at, n))
        })
    }

    /// Make everything appended durable (fsync).
    pub fn sync(&self) -> Result<()> {
        let mut guard = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(w) = guard.as_mut() {
            if w.dirty {
                w.file.sync_data().map_err(io(&self.path(w.id)))?;
                w.dirty = false;
            }
        }
        Ok(())
    }

    fn reader(&self, id: u32) -> Result<Arc<File>> {
        if let Some(f) = self
            .readers
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
        {
            return Ok(f.clone());
        }
        let path = self.path(id);
        let f = Arc::new(File::open(&path).map_err(io(&path))?);
        self.readers
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, f.clone());
        Ok(f)
    }

    /// Read `len` bytes at `offset` of pack `id`.
    pub fn read(&self, id: u32, offset: u64, len: u64) -> Result<Vec<u8>> {
        if len > 1 << 34 {
            return Err(Error::corrupt(
                format!("pack {id}"),
                format!("implausible length {len}"),
            ));
        }
        let f = self.reader(id)?;
        let mut buf = vec![0; len as usize];
        f.read_exact_at(&mut buf, offset).map_err(|e| {
            Error::corrupt(
                format!("pack {}", self.path(id).display()),
                format!("cannot read {len} bytes at {offset}: {e}"),
            )
        })?;
        Ok(buf)
    }

    /// A reader over `len` bytes at `offset` of pack `id`.
    pub fn stream(&self, id: u32, offset: u64, len: u64) -> Result<impl Read> {
        struct At {
            file: Arc<File>,
            pos: u64,
            end: u64,
        }
        impl Read for At {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = ((self.end - self.pos) as usize).min(buf.len());
                if n == 0 {
                    return Ok(0);
                }
                let got = self.file.read_at(&mut buf[..n], self.pos)?;
                if got == 0 {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "pack ends early",
                    ));
                }
                self.pos += got as u64;
                Ok(got)
            }
        }
        Ok(At {
            file: self.reader(id)?,
            pos: offset,
            end: offset + len,
        })
    }

    /// Delete a pack no record references (after `compact`). The pack being written is
    /// never deleted.
    pub fn remove(&self, id: u32) -> Result<()> {
        if self
            .writing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .is_some_and(|w| w.id == id)
        {
            return Ok(());
        }
        self.readers
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
        let path = self.path(id);
        std::fs::remove_file(&path).map_err(io(&path))
    }

    /// Start appending to a new pack (so that `compact` writes apart from old data).
    pub fn roll(&self) -> Result<()> {
        self.sync()?;
        let mut guard = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let next = guard
            .as_ref()
            .map(|w| w.id + 1)
            .or_else(|| self.ids().ok()?.last().map(|l| l + 1))
            .unwrap_or(1);
        let path = self.path(next);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io(&path))?;
        *guard = Some(Writing {
            id: next,
            file,
            len: 0,
            dirty: false,
        });
        Ok(())
    }
}
