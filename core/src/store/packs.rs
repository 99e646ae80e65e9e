//! Pack files: the archive's truth. Every blob's stored bytes and every version record
//! are appended to `packs/pack-NNNNNNNN.wpk` as self-describing, checksummed entries
//! ([`crate::store::frame`]); the engine only indexes them and can be rebuilt from them
//! (`wenku repair`). A blob record in the engine names the pack, offset and length of its
//! entry's body, so reads go straight to the bytes.
//!
//! Contract: entries are appended and `sync`ed (fsync) before any record that points to
//! them is committed, so a committed record never points past the end of a pack, even
//! after a power loss. Entries appended by an import that died before its commit are
//! complete or cut short: `repair` takes the complete ones and skips the rest. Packs are
//! never rewritten in place; `compact` writes live entries to new packs and deletes the
//! old ones once no reader uses them.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use crate::error::{Error, Result};
use crate::store::frame;

/// Packs dead after `compact`, waiting for the readers that may use them to finish.
const RETIRED_FILE: &str = "retired";

/// A pack is closed for appends past this size.
pub const PACK_MAX: u64 = 1 << 30;

struct Writing {
    id: u32,
    file: File,
    len: u64,
    dirty: bool,
}

impl Writing {
    fn write_at(&mut self, path: &Path, at: u64, data: &[u8]) -> Result<()> {
        self.file.write_all_at(data, at).map_err(io(path))?;
        self.len = self.len.max(at + data.len() as u64);
        self.dirty = true;
        Ok(())
    }
}

/// The pack files of an archive.
pub struct Packs {
    dir: PathBuf,
    writing: Mutex<Option<Writing>>,
    readers: RwLock<HashMap<u32, Arc<File>>>,
    /// The next append starts a new pack (set by [`Packs::roll`]; no file is made
    /// until something is written, so a roll leaves no empty pack).
    roll: std::sync::atomic::AtomicBool,
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
            roll: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The packs of the archive at `archive_dir`, for reading (nothing is created).
    pub fn open_read(archive_dir: &Path) -> Result<Packs> {
        Ok(Packs {
            dir: archive_dir.join("packs"),
            writing: Mutex::new(None),
            readers: RwLock::new(HashMap::new()),
            roll: std::sync::atomic::AtomicBool::new(false),
        })
    }

    pub fn path(&self, id: u32) -> PathBuf {
        self.dir.join(name(id))
    }

    /// Ids of the pack files present, ascending.
    pub fn ids(&self) -> Result<Vec<u32>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            r => r.map_err(io(&self.dir))?,
        };
        let mut ids: Vec<u32> = entries
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
        let roll = self.roll.swap(false, std::sync::atomic::Ordering::SeqCst);
        if roll || guard.as_ref().is_none_or(|w| w.len >= PACK_MAX) {
            // Continue the last pack if it has room, else start a new one.
            let last = self.ids()?.last().copied();
            let id = match (guard.as_ref(), last) {
                (Some(w), _) => w.id + 1,
                (None, Some(l))
                    if !roll
                        && std::fs::metadata(self.path(l))
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
                .truncate(false)
                .read(true)
                .write(true)
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

    /// Append one entry with `head` and `body`; returns (pack, offset of the body).
    pub fn append_entry(&self, head: &[u8], body: &[u8]) -> Result<(u32, u64)> {
        let entry = frame::encode(head, body);
        self.with_writer(|w| {
            let at = w.len;
            w.write_at(&self.path(w.id), at, &entry)?;
            Ok((w.id, at + frame::PREFIX_LEN + head.len() as u64))
        })
    }

    /// Append one entry with `head` and a body of everything `fill` writes (streamed,
    /// bounded memory); returns (pack, offset of the body, length of the body). A fill
    /// that fails leaves an incomplete entry that no record points to.
    pub fn append_entry_with(
        &self,
        head: &[u8],
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<(u32, u64, u64)> {
        self.with_writer(|w| {
            let at = w.len;
            let path = self.path(w.id);
            let body_at = at + frame::PREFIX_LEN + head.len() as u64;
            // The prefix holds the body's length: written last, once it is known.
            w.write_at(&path, at, &[0u8; frame::PREFIX_LEN as usize])?;
            w.write_at(&path, at + frame::PREFIX_LEN, head)?;
            let mut sum = frame::Checksum::default();
            sum.update(head);
            struct Counting<'a> {
                w: &'a mut Writing,
                path: &'a Path,
                pos: u64,
                sum: &'a mut frame::Checksum,
            }
            impl Write for Counting<'_> {
                fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                    self.w
                        .write_at(self.path, self.pos, b)
                        .map_err(std::io::Error::other)?;
                    self.pos += b.len() as u64;
                    self.sum.update(b);
                    Ok(b.len())
                }
                fn flush(&mut self) -> std::io::Result<()> {
                    Ok(())
                }
            }
            let mut c = Counting {
                w,
                path: &path,
                pos: body_at,
                sum: &mut sum,
            };
            let r = fill(&mut c);
            let end = c.pos;
            r.map_err(|e| match e {
                Error::Io { source, .. } => Error::Io {
                    path: path.clone(),
                    source,
                },
                e => e,
            })?;
            let body_len = end - body_at;
            let head_len = head.len() as u32;
            w.write_at(&path, end, &sum.finish(head_len, body_len))?;
            w.write_at(&path, at, &frame::prefix(head_len, body_len))?;
            Ok((w.id, body_at, body_len))
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
        Ok(frame::At {
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

    /// Delete packs `ids` (dead after `compact`) now if no other process reads the
    /// archive, else note them in `packs/retired` for the next writer to delete. Returns
    /// how many were deleted now.
    pub fn retire(&self, archive_dir: &Path, ids: &[u32]) -> Result<usize> {
        if ids.is_empty() {
            return Ok(0);
        }
        let list = self.dir.join(RETIRED_FILE);
        let mut text = std::fs::read_to_string(&list).unwrap_or_default();
        for id in ids {
            text.push_str(&format!("{id}\n"));
        }
        let tmp = self.dir.join("retired.new");
        std::fs::write(&tmp, &text)
            .and_then(|_| std::fs::rename(&tmp, &list))
            .map_err(io(&list))?;
        self.remove_retired(archive_dir)
    }

    /// Delete the packs listed in `packs/retired` if no other process reads the archive.
    pub fn remove_retired(&self, archive_dir: &Path) -> Result<usize> {
        let list = self.dir.join(RETIRED_FILE);
        let Ok(text) = std::fs::read_to_string(&list) else {
            return Ok(0);
        };
        let Some(_no_readers) = crate::store::lock::no_readers(archive_dir)? else {
            return Ok(0);
        };
        let mut n = 0;
        for id in text.lines().filter_map(|l| l.trim().parse::<u32>().ok()) {
            if self.path(id).exists() {
                self.remove(id)?;
                n += 1;
            }
        }
        std::fs::remove_file(&list).map_err(io(&list))?;
        Ok(n)
    }

    /// Start appending to a new pack (so that `compact` writes apart from old data).
    pub fn roll(&self) -> Result<()> {
        self.sync()?;
        self.roll.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }
}
