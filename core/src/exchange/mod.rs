//! Exchange formats read by import: JSONL (one object a line), WARC (response, resource,
//! conversion and revisit records; Common Crawl's WET files are WARC), ARC, and how
//! `auto` picks a format for a file.

pub mod arc;
pub mod jsonl;
pub mod warc;

use std::io::Read;
use std::path::Path;

/// How the files given to `import` are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// By extension and content: `.jsonl`/`.ndjson` (optionally `.gz`) are JSONL; files
    /// that start with `WARC/` (optionally gzipped) or end in `.warc`/`.wet` (optionally
    /// `.gz`) are WARC; files that start with `filedesc://` or end in `.arc` (optionally
    /// `.gz`) are ARC; everything else is one document.
    #[default]
    Auto,
    /// Every file is one document.
    File,
    Jsonl,
    Warc,
    Arc,
    /// Parquet: imported by the Python package (`python -m wenku import`), named here so
    /// it is not stored as one opaque document.
    Parquet,
}

/// A record read from an exchange file.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub key: String,
    pub body: Vec<u8>,
    /// Where in the file (`FILE:LINE` or `FILE#record N`).
    pub source: String,
    pub charset: Option<String>,
    pub media_type: Option<String>,
    pub title: Option<String>,
    pub extra: Vec<(String, String)>,
}

/// A record that could not be read, and why.
#[derive(Debug, Clone)]
pub struct BadRecord {
    pub input: String,
    pub error: String,
}

/// The format of one file under `format`.
pub fn detect(path: &Path, format: Format) -> Format {
    if format != Format::Auto {
        return format;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        return Format::Jsonl;
    }
    if name.ends_with(".warc") || name.ends_with(".wet") {
        return Format::Warc;
    }
    if name.ends_with(".arc") {
        return Format::Arc;
    }
    if name.ends_with(".parquet") {
        return Format::Parquet;
    }
    // Content: a WARC file starts with "WARC/", an ARC file with "filedesc://", also
    // inside gzip.
    let mut head = [0u8; 11];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    if head[..n].starts_with(b"WARC/") {
        return Format::Warc;
    }
    if head[..n].starts_with(b"filedesc://") {
        return Format::Arc;
    }
    if head[..n].starts_with(&[0x1f, 0x8b]) {
        let mut inner = [0u8; 11];
        let n = std::fs::File::open(path)
            .and_then(|f| {
                flate2::read::MultiGzDecoder::new(f)
                    .take(11)
                    .read(&mut inner)
            })
            .unwrap_or(0);
        if inner[..n].starts_with(b"WARC/") {
            return Format::Warc;
        }
        if inner[..n].starts_with(b"filedesc://") {
            return Format::Arc;
        }
    }
    Format::File
}

/// Open a file, decompressing gzip (one or many members) transparently.
pub fn open(path: &Path) -> std::io::Result<Box<dyn std::io::BufRead>> {
    let mut f = std::fs::File::open(path)?;
    let mut magic = [0u8; 2];
    let n = f.read(&mut magic)?;
    let f = std::fs::File::open(path)?;
    Ok(if n == 2 && magic == [0x1f, 0x8b] {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(
            f,
        )))
    } else {
        Box::new(std::io::BufReader::new(f))
    })
}
