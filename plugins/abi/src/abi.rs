//! The C ABI, version 1.1. Mirrored by `include/wenku_plugin.h`; a test compiles a C
//! plugin against that header and loads it.
//!
//! Rules of the ABI:
//! - The library exports one function, [`ENTRY_SYMBOL`], of type [`EntryFn`]. The host
//!   calls it with its own ABI version; the plugin returns a pointer to a descriptor
//!   that stays valid for the life of the process, or null if it cannot serve a host
//!   of that major version.
//! - New minor versions only append fields to [`Descriptor`]; `struct_size` tells the
//!   host how many fields the plugin knows. A different major version is refused.
//! - Everything the plugin hands over in a [`Output`] (output bytes, metadata, message)
//!   is owned by the plugin and stays valid until the host passes that `Output` to the
//!   plugin's `free_output`. The host never frees plugin memory itself, and the plugin
//!   never keeps pointers into the host's input after `transform` returns.
//! - Strings are UTF-8 and carry their length ([`Str`]); the descriptor's strings are
//!   NUL-terminated and static.

use std::ffi::{c_char, c_void};

/// `"WKPL"` read as a little-endian u32.
pub const MAGIC: u32 = 0x4c50_4b57;
/// ABI major version: the host refuses any other.
pub const ABI_MAJOR: u16 = 1;
/// ABI minor version: fields appended since the major release.
/// - 1.0: the descriptor up to `destroy`.
/// - 1.1: `transform_corpus` appended: the host hands corpus statistics ([`CorpusStats`]).
pub const ABI_MINOR: u16 = 1;
/// Name of the exported entry function.
pub const ENTRY_SYMBOL: &str = "wenku_plugin_v1";

/// Descriptor flag: one instance may be used by several threads at once. Without it,
/// the host gives each thread its own instance.
pub const FLAG_THREAD_SAFE: u32 = 1;

/// Success.
pub const STATUS_OK: i32 = 0;
/// The configuration was rejected (message says why).
pub const STATUS_BAD_CONFIG: i32 = 1;
/// This input cannot be processed (message says why); other inputs can.
pub const STATUS_BAD_INPUT: i32 = 2;
/// The plugin failed (message says why).
pub const STATUS_FAILED: i32 = 3;
/// The plugin panicked; the message holds the panic's text.
pub const STATUS_PANIC: i32 = 4;

/// Keep the record, replaced by `Output::data`.
pub const VERDICT_KEEP: i32 = 0;
/// Keep the record as it was (no copy); `Output::data` is ignored.
pub const VERDICT_UNCHANGED: i32 = 1;
/// Leave the record out (spam, empty); `Output::message` holds the reason.
pub const VERDICT_DROP: i32 = 2;

/// Borrowed bytes with a length (not NUL-terminated).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Str {
    pub ptr: *const u8,
    pub len: usize,
}

impl Str {
    pub const EMPTY: Str = Str {
        ptr: std::ptr::null(),
        len: 0,
    };

    pub fn from_slice(s: &[u8]) -> Str {
        Str {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// # Safety
    /// `ptr` must be null (with `len` 0) or point to `len` readable bytes that live
    /// for `'a`.
    pub unsafe fn as_slice<'a>(&self) -> &'a [u8] {
        if self.ptr.is_null() || self.len == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(self.ptr, self.len)
        }
    }
}

/// A metadata pair.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct MetaPair {
    pub key: Str,
    pub value: Str,
}

/// What `create` and `transform` hand back. The host zeroes it before each call
/// ([`Output::EMPTY`]) and passes it to `free_output` afterwards, whatever the status.
#[repr(C)]
#[derive(Debug)]
pub struct Output {
    /// One of the `VERDICT_*` constants.
    pub verdict: i32,
    /// New bytes (verdict keep).
    pub data: Str,
    /// Metadata to set on the record (later pairs win).
    pub meta: *const MetaPair,
    pub meta_len: usize,
    /// Error text (status not OK) or drop reason.
    pub message: Str,
    /// The plugin's own handle to what it allocated; only the plugin reads it.
    pub owner: *mut c_void,
}

impl Output {
    pub const EMPTY: Output = Output {
        verdict: VERDICT_UNCHANGED,
        data: Str::EMPTY,
        meta: std::ptr::null(),
        meta_len: 0,
        message: Str::EMPTY,
        owner: std::ptr::null_mut(),
    };
}

/// `create(config_json, len, &instance, &output) -> status`: make an instance from a
/// JSON object of settings. On failure, `output.message` says why.
pub type CreateFn = unsafe extern "C" fn(*const u8, usize, *mut *mut c_void, *mut Output) -> i32;
/// `transform(instance, input, len, meta, meta_len, &output) -> status`.
pub type TransformFn =
    unsafe extern "C" fn(*mut c_void, *const u8, usize, *const MetaPair, usize, *mut Output) -> i32;
/// `line_documents(ctx, line, len) -> count`: how many documents of the record's source
/// hold a line equal to `line` once both are normalised by the host (markup, punctuation,
/// spacing and letter case ignored; see the README). 0 for a line the host does not
/// count (too short after normalisation, not UTF-8) or has never seen.
pub type LineDocumentsFn = unsafe extern "C" fn(*const c_void, *const u8, usize) -> u64;

/// Read-only statistics over the documents of the record's *source* (its site or
/// feed), computed by the host over the archive (ABI 1.1). Valid only during the
/// `transform_corpus` call that receives it; the plugin must not keep the pointer.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct CorpusStats {
    /// `sizeof` the struct as the host was built; later minors append fields.
    pub struct_size: u32,
    /// How many documents the source has (0: no statistics for this record).
    pub source_documents: u64,
    /// The host's context for `line_documents`; only the host reads it.
    pub ctx: *const c_void,
    /// Null when there are no statistics.
    pub line_documents: Option<LineDocumentsFn>,
}

/// `transform_corpus(instance, input, len, meta, meta_len, corpus, &output) -> status`:
/// `transform` with corpus statistics (ABI 1.1). `corpus` is never null.
pub type TransformCorpusFn = unsafe extern "C" fn(
    *mut c_void,
    *const u8,
    usize,
    *const MetaPair,
    usize,
    *const CorpusStats,
    *mut Output,
) -> i32;
/// `free_output(&output)`: release what the plugin put in an output.
pub type FreeOutputFn = unsafe extern "C" fn(*mut Output);
/// `destroy(instance)`.
pub type DestroyFn = unsafe extern "C" fn(*mut c_void);
/// The entry function: `wenku_plugin_v1(host_abi_major, host_abi_minor)`.
pub type EntryFn = unsafe extern "C" fn(u16, u16) -> *const Descriptor;

/// What a plugin is and how to call it. ABI 1.0 fields, in order; later minors append.
#[repr(C)]
#[derive(Debug)]
pub struct Descriptor {
    pub magic: u32,
    pub abi_major: u16,
    pub abi_minor: u16,
    /// `sizeof` the descriptor as the plugin was built.
    pub struct_size: u32,
    /// `FLAG_*` bits.
    pub flags: u32,
    pub name: *const c_char,
    pub version: *const c_char,
    pub description: *const c_char,
    /// JSON Schema of the config object.
    pub config_schema: *const c_char,
    pub create: Option<CreateFn>,
    pub transform: Option<TransformFn>,
    pub free_output: Option<FreeOutputFn>,
    pub destroy: Option<DestroyFn>,
    // ABI 1.1
    /// `transform` with corpus statistics; null if the plugin does not use them.
    pub transform_corpus: Option<TransformCorpusFn>,
}

/// Size of the ABI 1.0 descriptor: the least `struct_size` a host of major 1 accepts.
pub const DESCRIPTOR_V1_0_SIZE: u32 = std::mem::offset_of!(Descriptor, transform_corpus) as u32;
/// Size of the ABI 1.1 descriptor: a plugin whose `struct_size` is at least this has
/// `transform_corpus`.
pub const DESCRIPTOR_V1_1_SIZE: u32 = std::mem::size_of::<Descriptor>() as u32;
