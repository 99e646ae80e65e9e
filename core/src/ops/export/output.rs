//! Where an export writes, and how it appears complete.
//!
//! An export never writes into a wenku archive: an output inside an archive, or one that
//! holds the archive being exported, is refused. Everything is written under a
//! temporary name beside the output (`.NAME.wenku-partial-PID`) and renamed into place
//! only when complete, the manifest last; so a killed export leaves no output and no
//! manifest that claims to be complete. `--force` replaces an earlier export as a whole
//! (its stale files go with it) and never writes through a symlink it finds there; a
//! folder that is not an earlier export (no `manifest.json` of wenku) is refused.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// Whether `dir` is a wenku archive (any format wenku has written).
pub fn is_archive_dir(dir: &Path) -> bool {
    if let Ok(bytes) = std::fs::read(dir.join("FORMAT")) {
        if bytes.starts_with(b"wenku archive format") {
            return true;
        }
    }
    dir.join("records.redb").is_file() && dir.join("packs").is_dir()
}

/// `path` made absolute with its symlinks resolved, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for r in rest.iter().rev() {
                out.push(r);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(p), Some(n)) => {
                rest.push(n.to_os_string());
                cur = p;
            }
            _ => return abs,
        }
    }
}

/// Refuse an output inside a wenku archive or one that contains `archive`.
pub fn check_not_archive(archive: &Path, out: &Path) -> Result<()> {
    let out_r = resolved(out);
    let arch_r = resolved(archive);
    if out_r.starts_with(&arch_r) || arch_r.starts_with(&out_r) {
        return Err(Error::Usage(format!(
            "--out {} {} the archive {}; an export never writes into an archive — choose an output outside it",
            out.display(),
            if out_r.starts_with(&arch_r) { "is inside" } else { "contains" },
            archive.display()
        )));
    }
    for anc in out_r.ancestors() {
        if is_archive_dir(anc) {
            return Err(Error::Usage(format!(
                "--out {} is inside the wenku archive {}; an export never writes into an archive — choose an output outside it",
                out.display(),
                anc.display()
            )));
        }
    }
    Ok(())
}

/// The temporary name beside `out` that an export writes to.
pub fn partial_path(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let parent = out.parent().unwrap_or(Path::new(""));
    parent.join(format!(".{name}.wenku-{suffix}-{}", std::process::id()))
}

/// Remove what killed exports to `out` left beside it (`.NAME.wenku-partial-PID`,
/// `.NAME.wenku-old-PID` of processes no longer running; Linux only, where `/proc`
/// tells).
pub fn sweep_leftovers(out: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(rd) = std::fs::read_dir(parent) else {
        return;
    };
    for e in rd.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&format!(".{name}.wenku-")) else {
            continue;
        };
        let pid = rest
            .strip_prefix("partial-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid {
            if !Path::new("/proc").join(pid.to_string()).exists() {
                let p = e.path();
                let _ = if p.is_dir() && !p.is_symlink() {
                    std::fs::remove_dir_all(&p)
                } else {
                    std::fs::remove_file(&p)
                };
            }
        }
    }
}

/// Whether `dir` is an earlier wenku export: its `manifest.json` was written by wenku.
fn is_earlier_export(dir: &Path) -> bool {
    let Ok(f) = std::fs::File::open(dir.join("manifest.json")) else {
        return false;
    };
    #[derive(serde::Deserialize)]
    struct Manifest {
        #[allow(dead_code)] // only its presence is checked
        wenku_version: String,
    }
    serde_json::from_reader::<_, Manifest>(std::io::BufReader::new(f)).is_ok()
}

/// Check that a folder export may go to `out` (before anything is written).
pub fn check_dir_target(out: &Path, force: bool) -> Result<()> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(_) => return Ok(()),
    };
    if !meta.is_dir() {
        return Err(Error::Usage(format!(
            "{} exists and is not a folder; choose another --out or remove it",
            out.display()
        )));
    }
    let nonempty = std::fs::read_dir(out).map_err(io(out))?.next().is_some();
    if !nonempty {
        return Ok(());
    }
    if !force {
        return Err(Error::Usage(format!(
            "{} exists and is not empty; choose another --out or add --force to replace an earlier export there",
            out.display()
        )));
    }
    if !is_earlier_export(out) {
        return Err(Error::Usage(format!(
            "{} is not an earlier wenku export (no manifest.json of wenku); --force replaces only an earlier export — choose another --out or empty it yourself",
            out.display()
        )));
    }
    Ok(())
}

/// Create the temporary folder a folder export writes to.
pub fn start_dir(out: &Path) -> Result<PathBuf> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    sweep_leftovers(out);
    let staging = partial_path(out, "partial");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    std::fs::create_dir(&staging).map_err(io(&staging))?;
    Ok(staging)
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

/// Put a complete folder export in place: an earlier export at `out` is replaced as a
/// whole (renamed aside, then deleted without following any symlink in it).
pub fn finish_dir(staging: &Path, out: &Path) -> Result<()> {
    let old = partial_path(out, "old");
    let had_old = std::fs::symlink_metadata(out).is_ok();
    if had_old {
        std::fs::rename(out, &old).map_err(io(out))?;
    }
    std::fs::rename(staging, out).map_err(io(out))?;
    if let Some(parent) = out.parent() {
        sync_dir(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        });
    }
    if had_old {
        // remove_dir_all deletes symlinks themselves, never what they point to.
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(())
}

/// Check that a file export (JSONL, tar) may go to `out` and its `manifest`.
pub fn check_file_target(out: &Path, manifest: &Path, force: bool) -> Result<()> {
    for p in [out, manifest] {
        match std::fs::symlink_metadata(p) {
            Err(_) => {}
            Ok(m) if m.is_dir() => {
                return Err(Error::Usage(format!(
                    "{} is a folder; choose another --out",
                    p.display()
                )))
            }
            Ok(_) if !force => {
                return Err(Error::Usage(format!(
                    "{} exists; choose another --out or add --force to overwrite it",
                    p.display()
                )))
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

/// Put a complete file export in place: the data file first (the earlier manifest
/// removed before it), then its manifest.
pub fn finish_file(
    staged: &Path,
    out: &Path,
    staged_manifest: &Path,
    manifest: &Path,
) -> Result<()> {
    if std::fs::symlink_metadata(manifest).is_ok() {
        std::fs::remove_file(manifest).map_err(io(manifest))?;
    }
    std::fs::rename(staged, out).map_err(io(out))?;
    std::fs::rename(staged_manifest, manifest).map_err(io(manifest))?;
    if let Some(parent) = out.parent() {
        sync_dir(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        });
    }
    Ok(())
}

/// Removes an export's temporary files unless the export completed (an export that
/// fails leaves nothing behind; one that is killed leaves only `.…wenku-partial-PID`).
#[derive(Default)]
pub struct Staging {
    paths: Vec<PathBuf>,
}

impl Staging {
    pub fn add(&mut self, path: PathBuf) {
        self.paths.push(path);
    }

    /// The export is in place: keep what was renamed.
    pub fn done(mut self) {
        self.paths.clear();
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        for p in &self.paths {
            match std::fs::symlink_metadata(p) {
                Ok(m) if m.is_dir() => {
                    let _ = std::fs::remove_dir_all(p);
                }
                Ok(_) => {
                    let _ = std::fs::remove_file(p);
                }
                Err(_) => {}
            }
        }
    }
}

/// One line of a JSONL export (fields in this order: `id`, `metadata`, `text`, `version`,
/// as [`super::jsonl_line`] gives them, with the id exact however long a number it is).
#[derive(serde::Serialize)]
pub struct JsonlLine<'a> {
    pub id: JsonlId,
    pub metadata: serde_json::Map<String, serde_json::Value>,
    pub text: std::borrow::Cow<'a, str>,
    pub version: u32,
}

/// The JSONL line of a kept record.
pub fn jsonl_record<'a>(
    key: &str,
    version: u32,
    bytes: &'a [u8],
    meta: &[(String, String)],
) -> JsonlLine<'a> {
    let text = String::from_utf8_lossy(bytes);
    let mut metadata = crate::plugin::record::metadata_json(meta);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        metadata.insert("text_lossy_utf8".into(), serde_json::Value::Bool(true));
    }
    JsonlLine {
        id: jsonl_id(key),
        metadata,
        text,
        version,
    }
}

/// [`jsonl_id`] as a JSON value: a number that fits 64 bits as a number, a longer one
/// as its text (a value cannot hold it exactly).
pub fn jsonl_id_value(key: &str) -> serde_json::Value {
    match jsonl_id(key) {
        JsonlId::Number(raw) => {
            let t = raw.get();
            t.parse::<u64>()
                .map(serde_json::Value::from)
                .or_else(|_| t.parse::<i64>().map(serde_json::Value::from))
                .unwrap_or_else(|_| serde_json::Value::String(t.to_string()))
        }
        JsonlId::Text(t) => serde_json::Value::String(t),
    }
}

/// The `id` of a JSONL line, as import reads it back to the same key: a key that is a
/// number's text is written as that number, a key that is a number in quotes as that
/// string, any other key as a string.
#[derive(serde::Serialize)]
#[serde(untagged)]
pub enum JsonlId {
    Number(Box<serde_json::value::RawValue>),
    Text(String),
}

pub fn jsonl_id(key: &str) -> JsonlId {
    use crate::exchange::jsonl::is_json_number;
    if is_json_number(key) {
        if let Ok(raw) = serde_json::value::RawValue::from_string(key.to_string()) {
            return JsonlId::Number(raw);
        }
    }
    match key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        Some(inner) if is_json_number(inner) => JsonlId::Text(inner.to_string()),
        _ => JsonlId::Text(key.to_string()),
    }
}
