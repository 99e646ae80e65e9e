//! Import, step 1: walk the inputs into a stable list of entries; record what cannot
//! be walked.

use super::*;

/// List the files to import, in a stable order; record what cannot be walked.
///
/// A wenku archive found among the inputs (the archive being imported into, or any
/// other) is skipped whole and named in `notes`: an import never reads an archive's own
/// files as documents.
pub(super) fn walk(
    paths: &[PathBuf],
    opts: &ImportOptions,
    archive_dir: &Path,
    failed: &mut Vec<Failure>,
    notes: &mut Vec<String>,
) -> Vec<Entry> {
    let own = archive_dir.canonicalize().ok();
    let is_archive = |dir: &Path| {
        crate::ops::export::is_archive_dir(dir) || (own.is_some() && dir.canonicalize().ok() == own)
    };
    // An input inside an archive (a pack file given directly, or a folder in it).
    let inside_archive = |p: &Path| -> Option<PathBuf> {
        let c = p.canonicalize().ok()?;
        c.ancestors().find(|a| is_archive(a)).map(Path::to_path_buf)
    };
    let skipped_note = |dir: &Path| {
        format!(
            "{}: a wenku archive; skipped (an import never reads an archive's files as documents — to copy its documents, export them and import that)",
            dir.display()
        )
    };
    let mut out = Vec::new();
    let excluded = |rel: &Path| {
        let rel_s = rel.to_string_lossy();
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        opts.exclude
            .iter()
            .any(|p| p.matches(&rel_s) || p.matches(&name))
    };
    for root in paths {
        if let Some(arch) = inside_archive(root) {
            notes.push(skipped_note(&arch));
            continue;
        }
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                // A path named on the command line that is not there is mistyped (or
                // not yet made), not gone while the import read.
                let error = match e.kind() {
                    std::io::ErrorKind::NotFound if std::fs::symlink_metadata(root).is_ok() => {
                        "a symbolic link to nothing (its target does not exist); skipped".into()
                    }
                    std::io::ErrorKind::NotFound => {
                        "no such file or directory; check the path (nothing was read from it)"
                            .into()
                    }
                    _ => io_message(&e),
                };
                failed.push(Failure {
                    input: root.display().to_string(),
                    error,
                });
                continue;
            }
        };
        if meta.is_file() {
            let name = root
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| root.clone());
            let k = keys::key_from_path(&opts.prefix, &name);
            out.push(Entry {
                path: root.clone(),
                key: k.key,
                escaped: k.escaped,
                len: meta.len(),
                record: None,
            });
            continue;
        }
        let skipped_archives = std::cell::RefCell::new(Vec::new());
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && excluded(e.path().strip_prefix(root).unwrap_or(e.path())) {
                    return false;
                }
                if e.file_type().is_dir() && is_archive(e.path()) {
                    skipped_archives.borrow_mut().push(e.path().to_path_buf());
                    return false;
                }
                true
            });
        for item in walker {
            match item {
                Ok(e) if e.file_type().is_file() => {
                    let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                    let k = keys::key_from_path(&opts.prefix, rel);
                    let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                    out.push(Entry {
                        path: e.path().to_path_buf(),
                        key: k.key,
                        escaped: k.escaped,
                        len,
                        record: None,
                    });
                }
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => failed.push(Failure {
                    input: e.path().display().to_string(),
                    error: "not a regular file (device, socket or pipe); skipped".into(),
                }),
                Err(e) => {
                    let input = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| root.display().to_string());
                    let error = match (e.loop_ancestor(), e.io_error()) {
                        (Some(anc), _) => format!(
                            "symlink loop (points back to {}); skipped — remove the link or --exclude it",
                            anc.display()
                        ),
                        (None, Some(io)) => io_message(io),
                        (None, None) => e.to_string(),
                    };
                    failed.push(Failure { input, error });
                }
            }
        }
        notes.extend(skipped_archives.borrow().iter().map(|d| skipped_note(d)));
    }
    out
}

pub(super) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "no such file or directory (did it vanish during the import?)".into()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's permissions".into()
        }
        _ => format!("cannot read: {e}"),
    }
}
