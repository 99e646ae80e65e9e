//! The host side of the plugin boundary. All `unsafe` of the host is here: loading a
//! library, checking its descriptor, and calling its functions. Everything above this
//! module is safe Rust over [`Loaded`] and [`Instance`].
//!
//! Libraries are opened with `RTLD_NOW | RTLD_LOCAL` (every symbol resolved up front,
//! none leaking into other plugins) and never unloaded: a descriptor, its strings and
//! its functions stay valid for the life of the process.

use std::ffi::{c_void, CStr};
use std::path::{Path, PathBuf};

use wenku_plugin::abi::{
    self, CorpusStats, CreateFn, Descriptor, DestroyFn, EntryFn, FreeOutputFn, MetaPair, Output,
    Str, TransformCorpusFn, TransformFn,
};

/// What a plugin declares about itself.
#[derive(Debug, Clone)]
pub struct PluginInfo {
    pub name: String,
    pub version: String,
    pub description: String,
    pub config_schema: String,
    pub thread_safe: bool,
    pub abi_major: u16,
    pub abi_minor: u16,
    pub path: PathBuf,
    /// SHA-256 of the library file as loaded.
    pub sha256: [u8; 32],
}

/// A library that passed every check, with its functions.
pub struct Loaded {
    pub info: PluginInfo,
    create: CreateFn,
    transform: TransformFn,
    free_output: FreeOutputFn,
    destroy: DestroyFn,
    /// ABI 1.1 plugins that take corpus statistics.
    transform_corpus: Option<TransformCorpusFn>,
}

/// Statistics over a record's source, as the host answers them to a plugin (ABI 1.1).
pub trait CorpusLookup: Sync {
    /// How many documents the source has.
    fn source_documents(&self) -> u64;
    /// How many of them hold `line` (normalised by the host).
    fn line_documents(&self, line: &str) -> u64;
}

/// The `line_documents` callback handed to plugins: `ctx` is a `&&dyn CorpusLookup`.
unsafe extern "C" fn line_documents(ctx: *const c_void, line: *const u8, len: usize) -> u64 {
    if ctx.is_null() {
        return 0;
    }
    // SAFETY: the host passes a pointer to a `&dyn CorpusLookup` that outlives the
    // transform call, and the plugin passes `len` readable bytes (ABI rule).
    let lookup: &&dyn CorpusLookup = unsafe { &*(ctx as *const &dyn CorpusLookup) };
    let bytes = unsafe { Str { ptr: line, len }.as_slice() };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    // A panic must not unwind into the plugin.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lookup.line_documents(text)))
        .unwrap_or(0)
}

/// Largest output a plugin may return for one record (a guard against garbage lengths).
pub const MAX_OUTPUT: usize = 1 << 32;

/// Open `path` and check that it is a wenku plugin this host can use. The error text
/// says what is wrong; callers add the path.
pub fn load(path: &Path, sha256: [u8; 32]) -> Result<Loaded, String> {
    use libloading::os::unix::{Library, RTLD_LOCAL, RTLD_NOW};
    // SAFETY: loading a library runs its initialisers; libraries are only loaded from
    // the user's plugin search path, which is the trust boundary (see README).
    let lib = unsafe { Library::open(Some(path), RTLD_NOW | RTLD_LOCAL) }
        .map_err(|e| format!("not a loadable library ({e})"))?;
    // SAFETY: the symbol is declared by the ABI with exactly this type.
    let entry: Result<libloading::os::unix::Symbol<EntryFn>, _> =
        unsafe { lib.get(format!("{}\0", abi::ENTRY_SYMBOL).as_bytes()) };
    let entry = match entry {
        Ok(e) => *e,
        Err(_) => {
            std::mem::forget(lib);
            return Err(format!(
                "not a wenku plugin (it exports no `{}` function)",
                abi::ENTRY_SYMBOL
            ));
        }
    };
    // Never unloaded: the descriptor and functions must outlive every use.
    std::mem::forget(lib);
    // SAFETY: calling the entry function as the ABI defines it.
    let desc = unsafe { entry(abi::ABI_MAJOR, abi::ABI_MINOR) };
    if desc.is_null() {
        return Err(format!(
            "the plugin does not support ABI major {} (its entry returned nothing); rebuild it against wenku-plugin {}.x",
            abi::ABI_MAJOR,
            abi::ABI_MAJOR
        ));
    }
    // SAFETY: a non-null descriptor points at least to the fixed leading fields, which
    // are the same in every ABI version; the rest is read only once struct_size says
    // it is there.
    let (magic, major, minor, size) = unsafe {
        let d = desc as *const u8;
        (
            std::ptr::read_unaligned(d as *const u32),
            std::ptr::read_unaligned(d.add(4) as *const u16),
            std::ptr::read_unaligned(d.add(6) as *const u16),
            std::ptr::read_unaligned(d.add(8) as *const u32),
        )
    };
    if magic != abi::MAGIC {
        return Err(format!(
            "not a wenku plugin (descriptor magic {magic:#010x}, expected {:#010x})",
            abi::MAGIC
        ));
    }
    if major != abi::ABI_MAJOR {
        return Err(format!(
            "ABI mismatch: the plugin speaks ABI {major}.{minor}, this wenku speaks {}.{}; rebuild the plugin against wenku-plugin {}.x",
            abi::ABI_MAJOR,
            abi::ABI_MINOR,
            abi::ABI_MAJOR
        ));
    }
    if size < abi::DESCRIPTOR_V1_0_SIZE {
        return Err(format!(
            "invalid descriptor: struct_size {size} is smaller than the ABI {}.0 descriptor ({})",
            abi::ABI_MAJOR,
            abi::DESCRIPTOR_V1_0_SIZE
        ));
    }
    // SAFETY: magic, major and size checked: the pointer is to a v1 descriptor.
    let d: &Descriptor = unsafe { &*desc };
    let text = |p: *const std::ffi::c_char, field: &str| -> Result<String, String> {
        if p.is_null() {
            return Err(format!("invalid descriptor: {field} is null"));
        }
        // SAFETY: non-null descriptor strings are NUL-terminated and static (ABI rule).
        let s = unsafe { CStr::from_ptr(p) };
        s.to_str()
            .map(str::to_string)
            .map_err(|_| format!("invalid descriptor: {field} is not UTF-8"))
    };
    let name = text(d.name, "name")?;
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "invalid descriptor: plugin name {name:?} must be ASCII letters, digits, '-' or '_'"
        ));
    }
    let missing =
        |f: &str| format!("invalid descriptor: plugin {name:?} has a null `{f}` function");
    let info = PluginInfo {
        version: text(d.version, "version")?,
        description: text(d.description, "description")?,
        config_schema: text(d.config_schema, "config_schema")?,
        thread_safe: d.flags & abi::FLAG_THREAD_SAFE != 0,
        abi_major: major,
        abi_minor: minor,
        path: path.to_path_buf(),
        sha256,
        name: name.clone(),
    };
    let transform_corpus = if size >= abi::DESCRIPTOR_V1_1_SIZE {
        // SAFETY: struct_size says the plugin's descriptor has this ABI 1.1 field.
        unsafe { std::ptr::addr_of!((*desc).transform_corpus).read_unaligned() }
    } else {
        None
    };
    Ok(Loaded {
        transform_corpus,
        create: d.create.ok_or_else(|| missing("create"))?,
        transform: d.transform.ok_or_else(|| missing("transform"))?,
        free_output: d.free_output.ok_or_else(|| missing("free_output"))?,
        destroy: d.destroy.ok_or_else(|| missing("destroy"))?,
        info,
    })
}

/// What one call of `transform` decided.
#[derive(Debug)]
pub enum Decision {
    Keep(PluginBytes),
    Unchanged,
    Drop(String),
}

/// Output bytes still owned by the plugin that made them (no copy); handed back to
/// the plugin's `free_output` when dropped.
pub struct PluginBytes {
    plugin: &'static Loaded,
    out: Output,
}

// SAFETY: the bytes are immutable plugin memory, valid until free_output, which the
// ABI allows from any thread.
unsafe impl Send for PluginBytes {}
unsafe impl Sync for PluginBytes {}

impl std::ops::Deref for PluginBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: checked non-null (or empty) when taken; valid until free_output.
        unsafe { self.out.data.as_slice() }
    }
}

impl std::fmt::Debug for PluginBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PluginBytes({} bytes from {})",
            self.len(),
            self.plugin.info.name
        )
    }
}

impl Drop for PluginBytes {
    fn drop(&mut self) {
        // SAFETY: every output goes back to the plugin that filled it, once.
        unsafe { (self.plugin.free_output)(&mut self.out) };
    }
}

/// A plugin instance. Dropping it calls the plugin's `destroy`.
pub struct Instance<'a> {
    plugin: &'a Loaded,
    ptr: *mut c_void,
}

/// Checks of an output's data before it is kept.
fn check_data(out: &Output) -> Result<(), String> {
    if out.data.ptr.is_null() && out.data.len != 0 {
        return Err(format!(
            "returned a null buffer with length {} and success",
            out.data.len
        ));
    }
    if out.data.len > MAX_OUTPUT {
        return Err(format!(
            "returned an output of {} bytes, more than the {} allowed",
            out.data.len, MAX_OUTPUT
        ));
    }
    Ok(())
}

// SAFETY: an instance may move between threads (the ABI allows a plugin's instance to
// be used from any thread, one call at a time unless FLAG_THREAD_SAFE).
unsafe impl Send for Instance<'_> {}

/// An instance of a plugin that declared FLAG_THREAD_SAFE: shareable across threads.
pub struct SharedInstance<'a>(Instance<'a>);
// SAFETY: only built for plugins whose descriptor declares concurrent calls safe.
unsafe impl Sync for SharedInstance<'_> {}

impl<'a> SharedInstance<'a> {
    pub fn new(i: Instance<'a>) -> Option<SharedInstance<'a>> {
        i.plugin.info.thread_safe.then_some(SharedInstance(i))
    }
    pub fn get(&self) -> &Instance<'a> {
        &self.0
    }
}

/// A plugin's output: metadata and message copied out; the data kept in place.
struct Taken {
    status: i32,
    verdict: i32,
    data: Option<PluginBytes>,
    meta: Vec<(String, String)>,
    message: String,
}

impl Loaded {
    /// Whether the plugin takes corpus statistics (ABI 1.1 `transform_corpus`).
    pub fn takes_corpus(&self) -> bool {
        self.transform_corpus.is_some()
    }

    /// Make an instance with a config JSON object.
    pub fn create(&'static self, config_json: &str) -> Result<Instance<'static>, String> {
        let mut ptr: *mut c_void = std::ptr::null_mut();
        let mut out = Output::EMPTY;
        // SAFETY: create is called as the ABI defines, with valid pointers.
        let status =
            unsafe { (self.create)(config_json.as_ptr(), config_json.len(), &mut ptr, &mut out) };
        let taken = self.take(status, out, false)?;
        if taken.status != abi::STATUS_OK {
            return Err(status_message(taken.status, &taken.message));
        }
        if ptr.is_null() {
            return Err("create reported success but returned no instance".into());
        }
        Ok(Instance { plugin: self, ptr })
    }

    /// Copy the metadata and message the plugin put in `out` and check them. The data
    /// of a kept record stays with the plugin (as [`PluginBytes`]); everything else goes
    /// back to the plugin now.
    fn take(&'static self, status: i32, mut out: Output, want_data: bool) -> Result<Taken, String> {
        let result = (|| {
            let text = |s: Str, what: &str| -> Result<String, String> {
                if s.ptr.is_null() && s.len != 0 {
                    return Err(format!("returned a null {what} with length {}", s.len));
                }
                // SAFETY: the plugin keeps its output valid until free_output (ABI rule).
                let b = unsafe { s.as_slice() };
                String::from_utf8(b.to_vec())
                    .map_err(|_| format!("returned a {what} that is not UTF-8"))
            };
            let message = text(out.message, "message")?;
            let mut meta = Vec::new();
            if out.meta_len > 0 {
                if out.meta.is_null() {
                    return Err(format!(
                        "returned a null metadata array with length {}",
                        out.meta_len
                    ));
                }
                // SAFETY: as above.
                let pairs: &[MetaPair] =
                    unsafe { std::slice::from_raw_parts(out.meta, out.meta_len) };
                for p in pairs {
                    meta.push((
                        text(p.key, "metadata key")?,
                        text(p.value, "metadata value")?,
                    ));
                }
            }
            let keep = want_data && status == abi::STATUS_OK && out.verdict == abi::VERDICT_KEEP;
            if keep {
                check_data(&out)?;
            }
            Ok((
                keep,
                Taken {
                    status,
                    verdict: out.verdict,
                    data: None,
                    meta,
                    message,
                },
            ))
        })();
        match result {
            Ok((true, mut taken)) => {
                taken.data = Some(PluginBytes { plugin: self, out });
                Ok(taken)
            }
            Ok((false, taken)) => {
                // SAFETY: every output goes back to the plugin that filled it, once.
                unsafe { (self.free_output)(&mut out) };
                Ok(taken)
            }
            Err(e) => {
                // SAFETY: as above.
                unsafe { (self.free_output)(&mut out) };
                Err(e)
            }
        }
    }
}

fn status_message(status: i32, message: &str) -> String {
    let kind = match status {
        abi::STATUS_BAD_CONFIG => "bad config",
        abi::STATUS_BAD_INPUT => "cannot process this input",
        abi::STATUS_FAILED => "failed",
        abi::STATUS_PANIC => "panicked",
        _ => "failed with an unknown status",
    };
    if message.is_empty() {
        format!("{kind} (status {status})")
    } else if status == abi::STATUS_PANIC {
        message.to_string()
    } else {
        format!("{kind}: {message}")
    }
}

impl Instance<'static> {
    /// Run the plugin on one record, with statistics over its source when the plugin
    /// takes them (ABI 1.1) and the host has them.
    pub fn transform(
        &self,
        input: &[u8],
        meta: &[(String, String)],
        corpus: Option<&dyn CorpusLookup>,
    ) -> Result<(Decision, Vec<(String, String)>), String> {
        let pairs: Vec<MetaPair> = meta
            .iter()
            .map(|(k, v)| MetaPair {
                key: Str::from_slice(k.as_bytes()),
                value: Str::from_slice(v.as_bytes()),
            })
            .collect();
        let mut out = Output::EMPTY;
        let status = match (self.plugin.transform_corpus, corpus) {
            (Some(f), Some(lookup)) => {
                let ctx: &&dyn CorpusLookup = &lookup;
                let stats = CorpusStats {
                    struct_size: std::mem::size_of::<CorpusStats>() as u32,
                    source_documents: lookup.source_documents(),
                    ctx: ctx as *const &dyn CorpusLookup as *const c_void,
                    line_documents: Some(line_documents),
                };
                // SAFETY: called as the ABI defines; `input`, `pairs`, `stats` and the
                // lookup behind `ctx` outlive the call.
                unsafe {
                    f(
                        self.ptr,
                        input.as_ptr(),
                        input.len(),
                        pairs.as_ptr(),
                        pairs.len(),
                        &stats,
                        &mut out,
                    )
                }
            }
            // SAFETY: transform is called as the ABI defines; `input` and `pairs` outlive it.
            _ => unsafe {
                (self.plugin.transform)(
                    self.ptr,
                    input.as_ptr(),
                    input.len(),
                    pairs.as_ptr(),
                    pairs.len(),
                    &mut out,
                )
            },
        };
        let t = self.plugin.take(status, out, true)?;
        if t.status != abi::STATUS_OK {
            return Err(status_message(t.status, &t.message));
        }
        let decision = match t.verdict {
            abi::VERDICT_KEEP => match t.data {
                Some(d) => Decision::Keep(d),
                None => return Err("kept a record without output".into()),
            },
            abi::VERDICT_UNCHANGED => Decision::Unchanged,
            abi::VERDICT_DROP => Decision::Drop(if t.message.is_empty() {
                "no reason given".into()
            } else {
                t.message
            }),
            v => return Err(format!("returned an unknown verdict {v}")),
        };
        Ok((decision, t.meta))
    }
}

impl Drop for Instance<'_> {
    fn drop(&mut self) {
        // SAFETY: the instance was made by this plugin's create and is destroyed once.
        unsafe { (self.plugin.destroy)(self.ptr) };
    }
}
