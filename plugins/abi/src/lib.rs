//! wenku-plugin: the C ABI between wenku and its filter plugins, and a Rust SDK for
//! writing plugins against it.
//!
//! - [`abi`]: the `#[repr(C)]` types and constants, mirrored by
//!   `include/wenku_plugin.h`. A plugin written in any language that exports
//!   `wenku_plugin_v1` with these types works.
//! - [`sdk`]: the [`Filter`] trait and [`export_plugin!`], which fill the descriptor,
//!   own every buffer handed to the host and turn panics into error statuses.
//! - [`config`]: the flat JSON object a plugin is configured with.
//! - [`markup`]: telling markup from text that quotes tags, for the host and plugins.
//!
//! This crate has no dependencies beyond std.

pub mod abi;
pub mod config;
pub mod markup;
pub mod sdk;

pub use config::Config;
pub use sdk::{Corpus, Filter, Meta, Output, Verdict};
