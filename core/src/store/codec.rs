//! Compression codecs: zstd, zstd with a trained dictionary, zstd delta against the raw
//! bytes of another blob (`zstd --patch-from`), and stored.
//!
//! Dictionaries are trained from a sample of the archive's documents, kept in the
//! catalog's `dicts` tree under an id while a blob uses them, and prepared once per
//! loaded archive (encoder dictionaries per level, one decoder dictionary) — never per
//! record. The compression contexts that hold a dictionary belong to that dictionary
//! object, which belongs to one archive's [`Codecs`]: two archives open in one program
//! never share a context, even when their dictionaries have the same id.
//!
//! Delta chains are capped at [`DELTA_DEPTH_MAX`]: reading any version costs at most
//! `DELTA_DEPTH_MAX + 1` decompressions, each a few microseconds for a news-sized
//! document, so a read stays within the 50 µs budget (p50 14 µs measured on blobs
//! without deltas).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Mutex, RwLock};

use serde::{Deserialize, Serialize};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

use crate::error::{Error, Result};
use crate::store::engine::{Engine, TreeName};
use crate::store::records::{decode, encode, BlobHash, Codec};

/// Longest delta chain a new delta may extend.
pub const DELTA_DEPTH_MAX: u32 = 4;
/// Size of the dictionary an import trains. Measured on the news pages (`cargo bench -p
/// wenku-tests --bench dictionary`): 255 KiB stores them 5% smaller than 110 KiB at the
/// same speed; larger ones pay for themselves only in large archives (see `compact`).
/// Sizes are a power of two less 1 KiB: the engine stores a large value in a power-of-two
/// run of pages, and 1 KiB leaves room for the record around the dictionary.
pub const DICT_SIZE: usize = 255 * 1024;
/// Smallest and largest dictionary `compact` trains (it scales with the archive).
pub const DICT_SIZE_MIN: usize = 63 * 1024;
pub const DICT_SIZE_MAX: usize = 1023 * 1024;

/// The largest dictionary size of the form 2^k KiB − 1 KiB not above `target`, within
/// [`DICT_SIZE_MIN`]..=`max`.
pub fn dict_size(target: usize, max: usize) -> usize {
    let mut size = DICT_SIZE_MIN;
    while (size + 1024) * 2 - 1024 <= target.min(max) {
        size = (size + 1024) * 2 - 1024;
    }
    size
}

/// Deltas are tried only when base and new bytes together stay under this.
const DELTA_MAX_BYTES: usize = 32 << 20;

const CURRENT_KEY: &[u8] = b"current";

fn dict_key(id: u32) -> Vec<u8> {
    id.to_be_bytes().to_vec()
}

/// A dictionary as named in the catalog's `dicts` tree.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DictRecord {
    /// BLAKE3 of the dictionary, checked when loaded.
    blake3: BlobHash,
    /// Empty: the dictionary is in its file ([`crate::store::dictfile`]); else the
    /// dictionary itself (archives written before the files, and tests without them).
    raw: Vec<u8>,
}

/// A loaded dictionary (kept for the life of the process), with the contexts that
/// compress and decompress with it.
pub struct Dictionary {
    pub id: u32,
    raw: Vec<u8>,
    decoder: DecoderDictionary<'static>,
    encoders: Mutex<HashMap<i32, &'static EncoderDictionary<'static>>>,
    /// Idle compression contexts, by level.
    cctx: Mutex<Vec<(i32, zstd::bulk::Compressor<'static>)>>,
    /// Idle decompression contexts.
    dctx: Mutex<Vec<zstd::bulk::Decompressor<'static>>>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dictionary({}, {} bytes)", self.id, self.raw.len())
    }
}

impl Dictionary {
    /// Its size in bytes.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Prepare a dictionary for decoding (kept for the life of the process).
    pub fn new(id: u32, raw: Vec<u8>) -> &'static Dictionary {
        let decoder = DecoderDictionary::copy(&raw);
        Box::leak(Box::new(Dictionary {
            id,
            raw,
            decoder,
            encoders: Mutex::new(HashMap::new()),
            cctx: Mutex::new(Vec::new()),
            dctx: Mutex::new(Vec::new()),
        }))
    }

    /// The encoder dictionary for `level` (prepared once).
    fn encoder(&'static self, level: i32) -> &'static EncoderDictionary<'static> {
        let mut map = self.encoders.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(level)
            .or_insert_with(|| Box::leak(Box::new(EncoderDictionary::copy(&self.raw, level))))
    }

    fn compress(&'static self, raw: &[u8], level: i32) -> Result<Vec<u8>> {
        let idle = {
            let mut pool = self.cctx.lock().unwrap_or_else(|e| e.into_inner());
            pool.iter()
                .position(|(l, _)| *l == level)
                .map(|i| pool.swap_remove(i).1)
        };
        let mut cctx = match idle {
            Some(c) => c,
            None => {
                let mut c = zstd::bulk::Compressor::with_prepared_dictionary(self.encoder(level))
                    .map_err(zstd_error)?;
                // The frame does not name its dictionary: the blob's codec does (4 bytes a
                // blob; a frame without the id decodes with the dictionary all the same).
                c.set_parameter(zstd::zstd_safe::CParameter::DictIdFlag(false))
                    .map_err(zstd_error)?;
                c
            }
        };
        let out = cctx.compress(raw).map_err(zstd_error);
        let mut pool = self.cctx.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < POOL_MAX {
            pool.push((level, cctx));
        }
        out
    }

    fn decompress(
        &'static self,
        data: &[u8],
        raw_len: usize,
    ) -> std::result::Result<Vec<u8>, String> {
        let idle = self.dctx.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut dctx = match idle {
            Some(d) => d,
            None => zstd::bulk::Decompressor::with_prepared_dictionary(&self.decoder)
                .map_err(|e| e.to_string())?,
        };
        let out = dctx
            .decompress(data, raw_len)
            .map_err(|e| format!("zstd: {e}"));
        let mut pool = self.dctx.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < POOL_MAX {
            pool.push(dctx);
        }
        out
    }
}

/// Idle contexts kept per dictionary (one per worker thread is enough).
const POOL_MAX: usize = 16;

/// The dictionaries of an archive.
#[derive(Default)]
pub struct Codecs {
    dicts: RwLock<HashMap<u32, &'static Dictionary>>,
    current: RwLock<Option<&'static Dictionary>>,
    /// Dictionaries that failed their check: (id, why).
    damaged: RwLock<Vec<(u32, String)>>,
    /// Where the dictionary files are kept ([`crate::store::dictfile`]; `None`: the
    /// dictionaries are kept in the catalog only, as in tests).
    copies: Option<std::path::PathBuf>,
}

/// A dictionary made by [`Codecs::prepare`], not yet stored.
pub struct NewDictionary {
    dict: &'static Dictionary,
}

impl NewDictionary {
    /// The dictionary, to compress with.
    pub fn dictionary(&self) -> &'static Dictionary {
        self.dict
    }
}

impl Codecs {
    /// Load every dictionary of the archive: those the catalog names, from their files
    /// in `dir` ([`crate::store::dictfile`]; an archive written before the files held
    /// them keeps them in the catalog), and any file whose catalog entry was lost. A
    /// writer (`writable`) rewrites a file that was repaired from its parity, and writes
    /// the file of a dictionary that only the catalog holds.
    pub fn load(engine: &dyn Engine, dir: std::path::PathBuf, writable: bool) -> Result<Codecs> {
        use crate::store::dictfile;
        let c = Codecs {
            copies: Some(dir.clone()),
            ..Codecs::default()
        };
        let damaged = |id: u32, why: String| {
            c.damaged
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .push((id, why))
        };
        let loaded = |id: u32, raw: Vec<u8>| {
            c.dicts
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id, Dictionary::new(id, raw));
        };
        // From its file, checked against `expected` (the catalog's hash) when known.
        let from_file = |id: u32, expected: Option<&BlobHash>| -> Result<()> {
            match dictfile::read(&dir, id) {
                None => damaged(
                    id,
                    format!(
                        "its file {} is missing",
                        dir.join(format!("dict-{id:08}.wdict")).display()
                    ),
                ),
                Some(Err(why)) => damaged(id, why),
                Some(Ok(f)) if expected.is_some_and(|h| blake3::hash(&f.raw).as_bytes() != h) => {
                    damaged(id, "its file holds another dictionary".into())
                }
                Some(Ok(f)) => {
                    if f.repaired > 0 && writable {
                        dictfile::write(&dir, id, &f.raw)?;
                    }
                    loaded(id, f.raw);
                }
            }
            Ok(())
        };
        let mut named = std::collections::HashSet::new();
        for r in engine.scan_prefix(TreeName::Dicts, b"") {
            let (k, v) = r?;
            let Ok(id) = <[u8; 4]>::try_from(k.as_slice()).map(u32::from_be_bytes) else {
                continue;
            };
            named.insert(id);
            match decode::<DictRecord>(&v, &format!("dictionary {id}")) {
                Ok(rec) if rec.raw.is_empty() => from_file(id, Some(&rec.blake3))?,
                Ok(rec) if blake3::hash(&rec.raw).as_bytes() == &rec.blake3 => {
                    if writable && !matches!(dictfile::read(&dir, id), Some(Ok(_))) {
                        dictfile::write(&dir, id, &rec.raw)?;
                    }
                    loaded(id, rec.raw);
                }
                // The catalog's copy is damaged: its file may hold it.
                Ok(rec) => from_file(id, Some(&rec.blake3))?,
                Err(_) => from_file(id, None)?,
            }
        }
        for id in dictfile::ids(&dir) {
            if !named.contains(&id) {
                from_file(id, None)?;
            }
        }
        if let Some(v) = engine.get(TreeName::Dicts, CURRENT_KEY)? {
            if let Ok(b) = <[u8; 4]>::try_from(v.as_slice()) {
                let id = u32::from_be_bytes(b);
                *c.current.write().unwrap_or_else(|e| e.into_inner()) = c.get(id);
            }
        }
        Ok(c)
    }

    /// The dictionary new blobs are compressed with.
    pub fn current(&self) -> Option<&'static Dictionary> {
        *self.current.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, id: u32) -> Option<&'static Dictionary> {
        self.dicts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .copied()
    }

    /// Dictionaries stored but unusable.
    pub fn damaged(&self) -> Vec<(u32, String)> {
        self.damaged
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Number of dictionaries.
    pub fn count(&self) -> usize {
        self.dicts.read().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Store a new dictionary and make it current. Returns its id.
    pub fn install(&self, engine: &dyn Engine, raw: Vec<u8>) -> Result<u32> {
        let new = self.prepare(raw);
        self.store(engine, &new)?;
        Ok(new.dict.id)
    }

    /// A new dictionary under the next free id, ready to compress with but not stored:
    /// nothing written with it may be committed before [`Codecs::store`] succeeds. An
    /// import compresses its first batch while the dictionary is stored.
    pub fn prepare(&self, raw: Vec<u8>) -> NewDictionary {
        let id = {
            let dicts = self.dicts.read().unwrap_or_else(|e| e.into_inner());
            let damaged = self.damaged.read().unwrap_or_else(|e| e.into_inner());
            dicts
                .keys()
                .chain(damaged.iter().map(|(i, _)| i))
                .max()
                .map_or(1, |m| m + 1)
        };
        NewDictionary {
            dict: Dictionary::new(id, raw),
        }
    }

    /// Store a prepared dictionary durably and make it current.
    pub fn store(&self, engine: &dyn Engine, new: &NewDictionary) -> Result<()> {
        let d = new.dict;
        // The dictionary goes to its file, durably, before the catalog names it; the
        // catalog keeps its hash (or, without a folder for files, the dictionary itself).
        let rec = DictRecord {
            blake3: *blake3::hash(&d.raw).as_bytes(),
            raw: match &self.copies {
                Some(dir) => {
                    crate::store::dictfile::write(dir, d.id, &d.raw)?;
                    Vec::new()
                }
                None => d.raw.clone(),
            },
        };
        engine.commit(&[
            (TreeName::Dicts, dict_key(d.id), Some(encode(&rec))),
            (
                TreeName::Dicts,
                CURRENT_KEY.to_vec(),
                Some(d.id.to_be_bytes().to_vec()),
            ),
        ])?;
        self.dicts
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(d.id, d);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(d);
        Ok(())
    }

    /// Delete the stored dictionaries whose ids are not in `used` (after `compact` has
    /// moved every blob off them). If the current one goes, new blobs get plain zstd
    /// until the next import trains a dictionary again.
    pub fn retain(
        &self,
        engine: &dyn Engine,
        used: &std::collections::HashSet<u32>,
    ) -> Result<usize> {
        let gone: Vec<u32> = {
            let dicts = self.dicts.read().unwrap_or_else(|e| e.into_inner());
            let damaged = self.damaged.read().unwrap_or_else(|e| e.into_inner());
            dicts
                .keys()
                .chain(damaged.iter().map(|(i, _)| i))
                .filter(|id| !used.contains(id))
                .copied()
                .collect()
        };
        if gone.is_empty() {
            return Ok(0);
        }
        let current_goes = self.current().is_some_and(|d| gone.contains(&d.id));
        let mut writes: Vec<crate::store::engine::Write> = gone
            .iter()
            .map(|id| (TreeName::Dicts, dict_key(*id), None))
            .collect();
        if current_goes {
            writes.push((TreeName::Dicts, CURRENT_KEY.to_vec(), None));
        }
        engine.commit(&writes)?;
        let mut dicts = self.dicts.write().unwrap_or_else(|e| e.into_inner());
        for id in &gone {
            dicts.remove(id);
            if let Some(dir) = &self.copies {
                crate::store::dictfile::remove(dir, *id);
            }
        }
        self.damaged
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(id, _)| !gone.contains(id));
        if current_goes {
            *self.current.write().unwrap_or_else(|e| e.into_inner()) = None;
        }
        Ok(gone.len())
    }
}

/// Train a dictionary from sample documents (`None` if the samples are too few or too
/// small for zstd to train on).
pub fn train(samples: &[&[u8]], size: usize) -> Option<Vec<u8>> {
    let total: usize = samples.iter().map(|s| s.len()).sum();
    if samples.len() < 8 || total < size * 4 {
        return None;
    }
    zstd::dict::from_samples(samples, size).ok()
}

/// FASTCOVER parameters of [`train_fast`]: segments of `k` bytes, `d`-byte dmers. Measured
/// on the news pages (683 samples of the first batch, a 255 KiB dictionary, every page
/// compressed at level 5): `zstd::dict::from_samples` — which trains for five `k` from
/// 50 to 1998 on three quarters of the samples and keeps the best on the rest — chose
/// `k` = 537 and stored 13.49 MB in 200–270 ms; `k` = 537 trained once on all samples
/// stores 13.43 MB in 35 ms (`k` = 50: 13.67 MB, 1024: 13.47 MB, 1998: 13.54 MB). On the
/// 300 xinwenlianbo pages 2.335 MB against the search's 2.337 MB, on the 1,524 picker
/// pages 1.872 MB against 2.108 MB.
///
/// The dmer table of 2^[`FAST_F`] entries, every [`FAST_ACCEL`]th position, and the
/// dictionary's entropy tables gathered at the level the blobs are compressed at
/// ([`blobs::DEFAULT_LEVEL`](crate::store::blobs::DEFAULT_LEVEL)), measured again on a
/// later, slower machine (blobs at level 5 plus the dictionary at level 19, as its file
/// stores it; training time alone): news pages 13,429,015 bytes in 60 ms against
/// 13,515,398 bytes in 110 ms with zstd's defaults (2^20 entries, every position, tables
/// of level 3); xinwenlianbo-300 2,412,533 against 2,426,027; picker-1500 1,971,187
/// against 1,969,314.
const FAST_K: u32 = 537;
const FAST_D: u32 = 8;
const FAST_F: u32 = 18;
const FAST_ACCEL: u32 = 4;

/// Train a dictionary from sample documents in one FASTCOVER pass with fixed parameters
/// ([`FAST_K`], [`FAST_D`]), on all samples: several times faster than [`train`], which
/// searches for `k`. `None` if the samples are too few or too small.
pub fn train_fast(samples: &[&[u8]], size: usize) -> Option<Vec<u8>> {
    let total: usize = samples.iter().map(|s| s.len()).sum();
    if samples.len() < 8 || total < size * 4 {
        return None;
    }
    let flat = samples.concat();
    let sizes: Vec<usize> = samples.iter().map(|s| s.len()).collect();
    let count = u32::try_from(sizes.len()).ok()?;
    let params = zstd_sys::ZDICT_fastCover_params_t {
        k: FAST_K,
        d: FAST_D,
        f: FAST_F,
        steps: 0,
        nbThreads: 0,
        splitPoint: 1.0,
        accel: FAST_ACCEL,
        shrinkDict: 0,
        shrinkDictMaxRegression: 0,
        zParams: zstd_sys::ZDICT_params_t {
            compressionLevel: crate::store::blobs::DEFAULT_LEVEL,
            notificationLevel: 0,
            dictID: 0,
        },
    };
    let mut dict = vec![0u8; size];
    // SAFETY: `dict` has room for `size` bytes; `flat` holds the samples back to back,
    // `sizes` their `count` lengths, which add up to `flat.len()`. zstd reads the samples
    // and writes at most `size` bytes of `dict`, returning how many (or an error code).
    let n = unsafe {
        zstd_sys::ZDICT_trainFromBuffer_fastCover(
            dict.as_mut_ptr().cast(),
            size,
            flat.as_ptr().cast(),
            sizes.as_ptr(),
            count,
            params,
        )
    };
    // SAFETY: a pure function of the returned code.
    if unsafe { zstd_sys::ZDICT_isError(n) } != 0 || n > size {
        return None;
    }
    dict.truncate(n);
    Some(dict)
}

/// A blob to delta against: its hash, raw bytes, and its own chain depth.
pub struct Base<'a> {
    pub hash: BlobHash,
    pub raw: &'a [u8],
    pub depth: u32,
}

/// How to compress one blob.
pub struct Plan<'a> {
    pub level: i32,
    pub dict: Option<&'static Dictionary>,
    pub base: Option<Base<'a>>,
}

/// Stored bytes of a blob and how to read them back.
pub struct Encoded {
    pub codec: Codec,
    pub data: Vec<u8>,
}

fn zstd_error(e: impl std::fmt::Display) -> Error {
    Error::Storage {
        dir: Default::default(),
        detail: format!("zstd: {e}"),
    }
}

thread_local! {
    /// Contexts without a dictionary (they hold nothing of any archive).
    static CCTX: RefCell<Option<(i32, zstd::bulk::Compressor<'static>)>> = const { RefCell::new(None) };
    static DCTX: RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { RefCell::new(None) };
    /// The context that decodes deltas (its base is given with each frame).
    static DELTA_DCTX: RefCell<Option<zstd::zstd_safe::DCtx<'static>>> = const { RefCell::new(None) };
}

/// The first four bytes of a zstd dictionary (little-endian): a base that begins with
/// them would be read as a dictionary, not as content, by `ZSTD_decompress_usingDict`.
const ZSTD_DICT_MAGIC: [u8; 4] = 0xEC30_A437u32.to_le_bytes();

/// Decode a delta frame against `base` (the frame was made with `base` as its prefix).
///
/// The thread's one delta context is reused, with `base` given as raw content to that
/// frame only (`ZSTD_decompress_usingDict`, which references it and keeps nothing after
/// the frame): making a context per delta (`ZSTD_createDCtx`, ~160 KB) took about a third
/// of the time of reading an older version. A base that begins like a zstd dictionary is
/// decoded with a context of its own and the base as a prefix, as before.
fn decompress_delta(
    data: &[u8],
    raw_len: usize,
    base: &[u8],
) -> std::result::Result<Vec<u8>, String> {
    use zstd::zstd_safe::{DCtx, DParameter};
    let fresh = || -> std::result::Result<DCtx<'static>, String> {
        let mut dctx = DCtx::create();
        dctx.set_parameter(DParameter::WindowLogMax(27))
            .map_err(|e| format!("zstd: {e}"))?;
        Ok(dctx)
    };
    let mut out = Vec::with_capacity(raw_len);
    if base.len() >= 8 && base[..4] == ZSTD_DICT_MAGIC {
        let mut dctx = fresh()?;
        dctx.ref_prefix(base).map_err(|e| format!("zstd: {e}"))?;
        dctx.decompress(&mut out, data)
            .map_err(|e| format!("zstd delta: {e}"))?;
        return Ok(out);
    }
    DELTA_DCTX.with(|d| {
        let mut slot = d.borrow_mut();
        if slot.is_none() {
            *slot = Some(fresh()?);
        }
        match slot.as_mut() {
            Some(dctx) => dctx
                .decompress_using_dict(&mut out, data, base)
                .map_err(|e| format!("zstd delta: {e}")),
            None => Err("no decompression context".to_string()),
        }
    })?;
    Ok(out)
}

fn compress_full(raw: &[u8], level: i32, dict: Option<&'static Dictionary>) -> Result<Vec<u8>> {
    if let Some(d) = dict {
        return d.compress(raw, level);
    }
    CCTX.with(|c| {
        let mut slot = c.borrow_mut();
        if !matches!(&*slot, Some((l, _)) if *l == level) {
            *slot = Some((
                level,
                zstd::bulk::Compressor::new(level).map_err(zstd_error)?,
            ));
        }
        match slot.as_mut() {
            Some((_, cctx)) => cctx.compress(raw).map_err(zstd_error),
            None => Err(zstd_error("no compression context")),
        }
    })
}

fn window_log(len: usize) -> u32 {
    (usize::BITS - len.max(1024).leading_zeros()).clamp(10, 27)
}

fn compress_delta(raw: &[u8], base: &[u8], level: i32) -> Result<Vec<u8>> {
    use zstd::zstd_safe::{CCtx, CParameter};
    let mut cctx = CCtx::create();
    cctx.set_parameter(CParameter::CompressionLevel(level))
        .map_err(zstd_error)?;
    cctx.set_parameter(CParameter::WindowLog(window_log(base.len() + raw.len())))
        .map_err(zstd_error)?;
    cctx.ref_prefix(base).map_err(zstd_error)?;
    let mut out = Vec::with_capacity(zstd::zstd_safe::compress_bound(raw.len()));
    cctx.compress2(&mut out, raw).map_err(zstd_error)?;
    Ok(out)
}

/// Compress `raw` as `plan` says: with the dictionary (or plain zstd), or as a delta
/// against the base when that is smaller and the chain allows it; stored as is when
/// nothing is smaller than the raw bytes.
pub fn compress(raw: &[u8], plan: &Plan) -> Result<Encoded> {
    let full = compress_full(raw, plan.level, plan.dict)?;
    let mut best = Encoded {
        codec: plan
            .dict
            .map_or(Codec::Zstd, |d| Codec::ZstdDict { dict_id: d.id }),
        data: full,
    };
    if let Some(base) = &plan.base {
        if crate::store::versions::extends(base.depth)
            && base.raw.len() + raw.len() <= DELTA_MAX_BYTES
            && !raw.is_empty()
        {
            let delta = compress_delta(raw, base.raw, plan.level)?;
            if delta.len() < best.data.len() {
                best = Encoded {
                    codec: Codec::ZstdDelta {
                        base: base.hash,
                        depth: base.depth + 1,
                    },
                    data: delta,
                };
            }
        }
    }
    if best.data.len() >= raw.len() {
        best = Encoded {
            codec: Codec::Stored,
            data: raw.to_vec(),
        };
    }
    Ok(best)
}

/// Decompress one frame of `raw_len` bytes. `base` is the raw bytes of the delta base.
pub fn decompress(
    codec: &Codec,
    data: &[u8],
    raw_len: usize,
    base: Option<&[u8]>,
    codecs: &Codecs,
) -> std::result::Result<Vec<u8>, String> {
    match codec {
        Codec::Stored => Ok(data.to_vec()),
        Codec::Zstd | Codec::ZstdDict { .. } => {
            let id = match codec {
                Codec::ZstdDict { dict_id } => *dict_id,
                _ => 0,
            };
            let dict = match id {
                0 => None,
                id => Some(codecs.get(id).ok_or_else(|| {
                    match codecs.damaged().iter().find(|(d, _)| *d == id) {
                        Some((_, why)) => format!("dictionary {id} is damaged ({why})"),
                        None => format!("dictionary {id} is missing"),
                    }
                })?),
            };
            if let Some(dict) = dict {
                return dict.decompress(data, raw_len);
            }
            DCTX.with(|d| {
                let mut slot = d.borrow_mut();
                if slot.is_none() {
                    *slot = Some(zstd::bulk::Decompressor::new().map_err(|e| e.to_string())?);
                }
                match slot.as_mut() {
                    Some(dctx) => dctx
                        .decompress(data, raw_len)
                        .map_err(|e| format!("zstd: {e}")),
                    None => Err("no decompression context".to_string()),
                }
            })
        }
        Codec::ZstdDelta { .. } => {
            decompress_delta(data, raw_len, base.ok_or("delta without its base")?)
        }
    }
}

/// Marks a decode error as damage of `what`.
pub fn damaged(what: &str, e: impl std::fmt::Display) -> Error {
    Error::corrupt(what, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_sizes_fit_power_of_two_runs() {
        assert_eq!(dict_size(0, DICT_SIZE_MAX), 63 * 1024);
        assert_eq!(dict_size(200 * 1024, DICT_SIZE_MAX), 127 * 1024);
        assert_eq!(dict_size(255 * 1024, DICT_SIZE_MAX), 255 * 1024);
        assert_eq!(dict_size(10 << 20, DICT_SIZE_MAX), 1023 * 1024);
        assert_eq!(dict_size(10 << 20, DICT_SIZE), DICT_SIZE);
    }

    #[test]
    fn delta_round_trips_and_is_small() {
        let base = "中共中央政治局常务委员会召开会议，分析新冠肺炎疫情形势。"
            .repeat(50)
            .into_bytes();
        let mut edited = base.clone();
        edited.extend_from_slice("更正：第二段有误。".as_bytes());
        let codecs = Codecs::default();
        let plan = Plan {
            level: 3,
            dict: None,
            base: Some(Base {
                hash: [1; 32],
                raw: &base,
                depth: 0,
            }),
        };
        let e = compress(&edited, &plan).unwrap();
        assert!(matches!(e.codec, Codec::ZstdDelta { depth: 1, .. }));
        assert!(e.data.len() < 60, "{} bytes", e.data.len());
        assert_eq!(
            decompress(&e.codec, &e.data, edited.len(), Some(&base), &codecs).unwrap(),
            edited
        );
        assert!(
            decompress(&e.codec, &e.data, edited.len(), Some(&edited), &codecs)
                .map_or(true, |d| d != edited)
        );
    }

    /// Deltas made against `bases`, each with its base edited at the end.
    fn deltas_of(bases: &[Vec<u8>]) -> Vec<(Vec<u8>, Encoded)> {
        bases
            .iter()
            .enumerate()
            .map(|(i, base)| {
                let mut edited = base.clone();
                edited.extend_from_slice(format!("更正{i}：第二段的数字有误。").as_bytes());
                let plan = Plan {
                    level: 3,
                    dict: None,
                    base: Some(Base {
                        hash: [1; 32],
                        raw: base,
                        depth: 0,
                    }),
                };
                let e = compress(&edited, &plan).unwrap();
                assert!(matches!(e.codec, Codec::ZstdDelta { depth: 1, .. }));
                (edited, e)
            })
            .collect()
    }

    #[test]
    fn deltas_read_one_after_another_each_against_its_own_base() {
        // The thread's one delta context decodes them all: each frame sees its own base.
        let bases: Vec<Vec<u8>> = (0..3)
            .map(|i| {
                format!("第{i}版：港口本周吞吐量上升，货柜码头延长作业时间。")
                    .repeat(40)
                    .into_bytes()
            })
            .collect();
        let deltas = deltas_of(&bases);
        let codecs = Codecs::default();
        for _ in 0..2 {
            for (base, (edited, e)) in bases.iter().zip(&deltas) {
                assert_eq!(
                    decompress(&e.codec, &e.data, edited.len(), Some(base), &codecs).unwrap(),
                    *edited
                );
            }
        }
    }

    #[test]
    fn a_delta_whose_base_begins_like_a_zstd_dictionary_reads_back() {
        // Given as a dictionary, such a base would be parsed as one, not read as content.
        let mut base = ZSTD_DICT_MAGIC.to_vec();
        base.extend_from_slice(
            &b"a stored file that begins with a dictionary's magic. ".repeat(30),
        );
        let deltas = deltas_of(std::slice::from_ref(&base));
        let (edited, e) = &deltas[0];
        let codecs = Codecs::default();
        assert_eq!(
            decompress(&e.codec, &e.data, edited.len(), Some(&base), &codecs).unwrap(),
            *edited
        );
    }

    #[test]
    fn a_frame_made_with_a_dictionary_does_not_name_it_and_reads_with_it() {
        let samples: Vec<Vec<u8>> = (0..400)
            .map(|i| {
                format!(
                    "<p>Report {i}: the harbour moved {} tonnes on day {}.</p>\n",
                    i * 37 % 1009,
                    i % 31
                )
                .repeat(3)
                .into_bytes()
            })
            .collect();
        let refs: Vec<&[u8]> = samples.iter().map(|s| s.as_slice()).collect();
        let raw = train(&refs, 4096).unwrap();
        let zstd_id = zstd::zstd_safe::get_dict_id_from_dict(&raw);
        assert!(zstd_id.is_some());
        let dict = Dictionary::new(7, raw);
        let page = b"<p>Report 5000: the harbour moved 12 tonnes on day 3.</p>\n".repeat(2);
        let plan = Plan {
            level: 5,
            dict: Some(dict),
            base: None,
        };
        let e = compress(&page, &plan).unwrap();
        assert_eq!(e.codec, Codec::ZstdDict { dict_id: 7 });
        // No dictionary id in the frame header (4 bytes a blob): the codec names it.
        assert_eq!(zstd::zstd_safe::get_dict_id_from_frame(&e.data), None);
        assert_eq!(dict.decompress(&e.data, page.len()).unwrap(), page);
    }

    #[test]
    fn chains_are_capped() {
        let base = b"some text some text some text".repeat(20);
        let plan = Plan {
            level: 3,
            dict: None,
            base: Some(Base {
                hash: [1; 32],
                raw: &base,
                depth: DELTA_DEPTH_MAX,
            }),
        };
        assert!(!matches!(
            compress(&base, &plan).unwrap().codec,
            Codec::ZstdDelta { .. }
        ));
    }
}
