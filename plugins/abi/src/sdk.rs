//! The Rust SDK: implement [`Filter`], then `wenku_plugin::export_plugin!(MyFilter);`.
//!
//! The macro exports `wenku_plugin_v1` and a descriptor whose functions
//! - parse the config JSON into a [`Config`] and call [`Filter::new`];
//! - call [`Filter::transform`] with the input bytes and metadata;
//! - keep every buffer they hand to the host alive until the host calls `free_output`;
//! - catch every panic and return it as `STATUS_PANIC` with the panic's message and
//!   place, so a bug in a filter fails one record and never unwinds into the host.
//!
//! All `unsafe` of the plugin side of the boundary is in this module.

use std::cell::RefCell;
use std::ffi::{c_char, c_void, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Once, OnceLock};

use crate::abi::{self, CorpusStats, Descriptor, MetaPair, Output as RawOutput, Str};
use crate::config::Config;

/// The metadata of the record being transformed: key, version, media_type, charset,
/// source, title, and whatever earlier filters set.
pub struct Meta<'a> {
    pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> Meta<'a> {
    pub fn new(pairs: Vec<(&'a str, &'a str)>) -> Meta<'a> {
        Meta { pairs }
    }

    /// The value of `key` (the last one if given twice).
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.pairs.iter().copied()
    }
}

/// Statistics over the documents of the record's source (ABI 1.1): how many documents
/// the source has, and how many of them hold a given line. Lines are compared after the
/// host's normalisation (markup, punctuation, spacing and letter case ignored).
#[derive(Clone, Copy)]
pub struct Corpus<'a> {
    inner: CorpusInner<'a>,
}

#[derive(Clone, Copy)]
enum CorpusInner<'a> {
    None,
    Host(&'a CorpusStats),
    Local(u64, &'a dyn Fn(&str) -> u64),
}

impl<'a> Corpus<'a> {
    /// No statistics (the record's source is unknown, or the host is older than 1.1).
    pub const NONE: Corpus<'static> = Corpus {
        inner: CorpusInner::None,
    };

    /// Statistics answered by a function, for tests and for programs that link a
    /// filter directly.
    pub fn from_fn(source_documents: u64, line_documents: &'a dyn Fn(&str) -> u64) -> Corpus<'a> {
        Corpus {
            inner: CorpusInner::Local(source_documents, line_documents),
        }
    }

    /// How many documents the record's source has (0 when there are no statistics).
    pub fn source_documents(&self) -> u64 {
        match self.inner {
            CorpusInner::None => 0,
            CorpusInner::Host(c) => c.source_documents,
            CorpusInner::Local(n, _) => n,
        }
    }

    /// How many documents of the source hold `line` (0 when unknown).
    pub fn line_documents(&self, line: &str) -> u64 {
        match self.inner {
            CorpusInner::None => 0,
            CorpusInner::Host(c) => match c.line_documents {
                // SAFETY: the host keeps `ctx` valid during the transform call that
                // handed over `c`, and `line` outlives the call.
                Some(f) => unsafe { f(c.ctx, line.as_ptr(), line.len()) },
                None => 0,
            },
            CorpusInner::Local(_, f) => f(line),
        }
    }
}

/// What a filter decided about a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Replace the record's bytes.
    Keep(Vec<u8>),
    /// Keep the record as it came in (no copy).
    Unchanged,
    /// Leave the record out of exports, for this reason.
    Drop(String),
}

/// A filter's result: the verdict and metadata to set on the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub verdict: Verdict,
    pub meta: Vec<(String, String)>,
}

impl Output {
    pub fn keep(bytes: impl Into<Vec<u8>>) -> Output {
        Output {
            verdict: Verdict::Keep(bytes.into()),
            meta: Vec::new(),
        }
    }
    pub fn unchanged() -> Output {
        Output {
            verdict: Verdict::Unchanged,
            meta: Vec::new(),
        }
    }
    pub fn drop(reason: impl Into<String>) -> Output {
        Output {
            verdict: Verdict::Drop(reason.into()),
            meta: Vec::new(),
        }
    }
    /// Keep `text` if it differs from `input`, else unchanged.
    pub fn keep_if_changed(input: &[u8], text: String) -> Output {
        if text.as_bytes() == input {
            Output::unchanged()
        } else {
            Output::keep(text)
        }
    }
    /// Add a metadata pair.
    pub fn with_meta(mut self, key: impl Into<String>, value: impl Into<String>) -> Output {
        self.meta.push((key.into(), value.into()));
        self
    }
}

/// A filter plugin.
pub trait Filter: Sized + Send + Sync + 'static {
    /// The plugin's name, the user-facing handle (`wenku plugin enable NAME`).
    const NAME: &'static str;
    const VERSION: &'static str;
    const DESCRIPTION: &'static str;
    /// JSON Schema of the config object.
    const CONFIG_SCHEMA: &'static str =
        r#"{"type":"object","properties":{},"additionalProperties":false}"#;
    /// Whether one instance may serve several threads at once.
    const THREAD_SAFE: bool = true;

    /// Make an instance from its settings; an error message says what is wrong.
    fn new(config: &Config) -> Result<Self, String>;

    /// Transform one record. An error fails this record only.
    fn transform(&self, input: &[u8], meta: &Meta) -> Result<Output, String>;

    /// Transform one record knowing statistics over its source (ABI 1.1). The default
    /// ignores them.
    fn transform_with_corpus(
        &self,
        input: &[u8],
        meta: &Meta,
        corpus: &Corpus,
    ) -> Result<Output, String> {
        let _ = corpus;
        self.transform(input, meta)
    }
}

/// What the SDK owns behind `Output::owner`.
struct Owned {
    data: Vec<u8>,
    meta: Vec<(String, String)>,
    raw_meta: Vec<MetaPair>,
    message: String,
}

/// The descriptor of a filter type, built once (strings leaked for the process's life).
pub struct Shared(Descriptor);
// SAFETY: the descriptor is immutable after construction and its pointers are to
// leaked, never-freed strings and to functions.
unsafe impl Sync for Shared {}
unsafe impl Send for Shared {}

fn leak(s: &str) -> *const c_char {
    let c = CString::new(s.replace('\0', " ")).unwrap_or_default();
    c.into_raw() as *const c_char
}

/// Body of the exported entry function (see [`export_plugin!`]).
pub fn entry<F: Filter>(
    slot: &'static OnceLock<Shared>,
    host_major: u16,
    _host_minor: u16,
) -> *const Descriptor {
    if host_major != abi::ABI_MAJOR {
        return std::ptr::null();
    }
    let shared = slot.get_or_init(|| {
        Shared(Descriptor {
            magic: abi::MAGIC,
            abi_major: abi::ABI_MAJOR,
            abi_minor: abi::ABI_MINOR,
            struct_size: std::mem::size_of::<Descriptor>() as u32,
            flags: if F::THREAD_SAFE {
                abi::FLAG_THREAD_SAFE
            } else {
                0
            },
            name: leak(F::NAME),
            version: leak(F::VERSION),
            description: leak(F::DESCRIPTION),
            config_schema: leak(F::CONFIG_SCHEMA),
            create: Some(create::<F>),
            transform: Some(transform::<F>),
            free_output: Some(free_output),
            destroy: Some(destroy::<F>),
            transform_corpus: Some(transform_corpus::<F>),
        })
    });
    &shared.0
}

thread_local! {
    static PANIC_PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replace the default panic output of this library with a record of where the panic
/// happened, so the host gets the place in the error message instead of stray stderr.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_PLACE.with(|p| *p.borrow_mut() = place);
        }))
    });
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    };
    match PANIC_PLACE.with(|p| p.borrow_mut().take()) {
        Some(place) => format!("panicked at {place}: {msg}"),
        None => format!("panicked: {msg}"),
    }
}

/// Fill `out` with `owned`, handing ownership to the host until `free_output`.
///
/// # Safety
/// `out` must be a valid, writable `Output`.
unsafe fn fill(out: *mut RawOutput, verdict: i32, mut owned: Box<Owned>) {
    owned.raw_meta = owned
        .meta
        .iter()
        .map(|(k, v)| MetaPair {
            key: Str::from_slice(k.as_bytes()),
            value: Str::from_slice(v.as_bytes()),
        })
        .collect();
    let out = &mut *out;
    out.verdict = verdict;
    out.data = Str::from_slice(&owned.data);
    out.meta = owned.raw_meta.as_ptr();
    out.meta_len = owned.raw_meta.len();
    out.message = Str::from_slice(owned.message.as_bytes());
    out.owner = Box::into_raw(owned) as *mut c_void;
}

unsafe fn fail(out: *mut RawOutput, status: i32, message: String) -> i32 {
    if !out.is_null() {
        fill(
            out,
            abi::VERDICT_UNCHANGED,
            Box::new(Owned {
                data: Vec::new(),
                meta: Vec::new(),
                raw_meta: Vec::new(),
                message,
            }),
        );
    }
    status
}

unsafe extern "C" fn create<F: Filter>(
    config: *const u8,
    config_len: usize,
    instance: *mut *mut c_void,
    out: *mut RawOutput,
) -> i32 {
    install_panic_hook();
    if instance.is_null() {
        return fail(
            out,
            abi::STATUS_FAILED,
            "create called without an instance slot".into(),
        );
    }
    let bytes = Str {
        ptr: config,
        len: config_len,
    }
    .as_slice();
    let result = catch_unwind(|| {
        let text = std::str::from_utf8(bytes).map_err(|e| format!("config is not UTF-8: {e}"))?;
        let cfg =
            Config::parse(text).map_err(|e| format!("config is not a flat JSON object: {e}"))?;
        F::new(&cfg)
    });
    match result {
        Ok(Ok(f)) => {
            *instance = Box::into_raw(Box::new(f)) as *mut c_void;
            abi::STATUS_OK
        }
        Ok(Err(msg)) => fail(out, abi::STATUS_BAD_CONFIG, msg),
        Err(p) => fail(out, abi::STATUS_PANIC, panic_message(p)),
    }
}

unsafe extern "C" fn transform<F: Filter>(
    instance: *mut c_void,
    input: *const u8,
    input_len: usize,
    meta: *const MetaPair,
    meta_len: usize,
    out: *mut RawOutput,
) -> i32 {
    run::<F>(
        instance,
        input,
        input_len,
        meta,
        meta_len,
        Corpus::NONE,
        out,
    )
}

unsafe extern "C" fn transform_corpus<F: Filter>(
    instance: *mut c_void,
    input: *const u8,
    input_len: usize,
    meta: *const MetaPair,
    meta_len: usize,
    corpus: *const CorpusStats,
    out: *mut RawOutput,
) -> i32 {
    let corpus = match corpus.as_ref() {
        // Fields after `line_documents` would be read only when struct_size says so.
        Some(c) if c.struct_size as usize >= std::mem::size_of::<CorpusStats>() => Corpus {
            inner: CorpusInner::Host(c),
        },
        _ => Corpus::NONE,
    };
    run::<F>(instance, input, input_len, meta, meta_len, corpus, out)
}

/// Both transform entry points: check the arguments, call the filter, catch panics.
unsafe fn run<F: Filter>(
    instance: *mut c_void,
    input: *const u8,
    input_len: usize,
    meta: *const MetaPair,
    meta_len: usize,
    corpus: Corpus<'_>,
    out: *mut RawOutput,
) -> i32 {
    if instance.is_null() || out.is_null() {
        return fail(
            out,
            abi::STATUS_FAILED,
            "transform called with a null instance or output".into(),
        );
    }
    let filter = &*(instance as *const F);
    let input = Str {
        ptr: input,
        len: input_len,
    }
    .as_slice();
    let raw_meta: &[MetaPair] = if meta.is_null() || meta_len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(meta, meta_len)
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut pairs = Vec::with_capacity(raw_meta.len());
        for p in raw_meta {
            let k = std::str::from_utf8(p.key.as_slice())
                .map_err(|_| "metadata key is not UTF-8".to_string())?;
            let v = std::str::from_utf8(p.value.as_slice())
                .map_err(|_| format!("metadata {k:?} is not UTF-8"))?;
            pairs.push((k, v));
        }
        filter.transform_with_corpus(input, &Meta::new(pairs), &corpus)
    }));
    match result {
        Ok(Ok(o)) => {
            let (verdict, data, message) = match o.verdict {
                Verdict::Keep(d) => (abi::VERDICT_KEEP, d, String::new()),
                Verdict::Unchanged => (abi::VERDICT_UNCHANGED, Vec::new(), String::new()),
                Verdict::Drop(r) => (abi::VERDICT_DROP, Vec::new(), r),
            };
            fill(
                out,
                verdict,
                Box::new(Owned {
                    data,
                    meta: o.meta,
                    raw_meta: Vec::new(),
                    message,
                }),
            );
            abi::STATUS_OK
        }
        Ok(Err(msg)) => fail(out, abi::STATUS_BAD_INPUT, msg),
        Err(p) => fail(out, abi::STATUS_PANIC, panic_message(p)),
    }
}

unsafe extern "C" fn free_output(out: *mut RawOutput) {
    if out.is_null() {
        return;
    }
    let out = &mut *out;
    if !out.owner.is_null() {
        drop(Box::from_raw(out.owner as *mut Owned));
    }
    *out = RawOutput::EMPTY;
}

unsafe extern "C" fn destroy<F: Filter>(instance: *mut c_void) {
    if !instance.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(instance as *mut F))));
    }
}

/// Export a [`Filter`] as a wenku plugin: `wenku_plugin::export_plugin!(MyFilter);`
/// in a crate built as a `cdylib`. A crate that declares a `no-entry` feature can turn
/// the export off, so that several plugins link into one program (tests, benchmarks).
#[macro_export]
macro_rules! export_plugin {
    ($filter:ty) => {
        /// The wenku plugin entry point (ABI major 1).
        #[cfg(not(feature = "no-entry"))]
        #[no_mangle]
        pub extern "C" fn wenku_plugin_v1(
            host_major: u16,
            host_minor: u16,
        ) -> *const $crate::abi::Descriptor {
            static SLOT: ::std::sync::OnceLock<$crate::sdk::Shared> = ::std::sync::OnceLock::new();
            $crate::sdk::entry::<$filter>(&SLOT, host_major, host_minor)
        }
    };
}
