//! Import, alongside the write: the corpus statistics of the documents an import makes
//! new heads of, counted from the bytes it reads anyway (on the worker threads), so
//! that the archive's statistics file is not counted again from every document.

use std::collections::HashSet;

use super::*;
use crate::corpus::{self, CorpusStats};

/// What the statistics count of one document read by the import.
pub(super) enum Lines {
    /// Larger than [`corpus::MAX_DOCUMENT_BYTES`]: not counted.
    TooLarge,
    /// Its source and its distinct line fingerprints.
    Counted {
        source: String,
        fingerprints: Vec<u32>,
    },
}

impl Lines {
    /// The lines of a document with key `key`, metadata `extra` and bytes `raw`.
    pub(super) fn of(key: &str, extra: &[(String, String)], raw: &[u8]) -> Lines {
        if raw.len() as u64 > corpus::MAX_DOCUMENT_BYTES {
            return Lines::TooLarge;
        }
        Lines::Counted {
            source: corpus::source_of_parts(key, extra, raw),
            fingerprints: corpus::document_fingerprints(raw),
        }
    }
}

/// The counts of the new heads written so far.
pub(super) struct NewHeads {
    counted: CorpusStats,
    /// Keys of every new head.
    keys: HashSet<String>,
    /// New heads whose bytes the import did not read as new content (the archive held
    /// them already, e.g. under another key): counted from the archive at the end.
    later: Vec<String>,
    /// A key got two new heads in one import: its first was counted and is no head any
    /// more, so everything is counted again at the end.
    recount: bool,
    /// The archive held no document when the import began.
    empty_before: bool,
    /// Every line's count of the archive as the import found it ([`corpus::LINES_FILE`],
    /// when it matched the archive's heads).
    before: Option<CorpusStats>,
}

impl NewHeads {
    pub(super) fn new(archive: &Archive) -> NewHeads {
        let empty_before = archive.engine().len(TreeName::Docs) == 0;
        let before = match empty_before || !archive.dir().join(corpus::LINES_FILE).exists() {
            true => None,
            false => corpus::heads_digest(archive)
                .ok()
                .and_then(|d| CorpusStats::read_all_matching(archive.dir(), &d)),
        };
        NewHeads {
            counted: CorpusStats::default(),
            keys: HashSet::new(),
            later: Vec::new(),
            recount: false,
            empty_before,
            before,
        }
    }

    /// `before` without the heads this import replaced (the version before the new head
    /// of each key that had one), read from the archive; `None` when one cannot be read
    /// or is not in `before` (the archive is then counted again).
    fn without_replaced(&self, archive: &Archive, mut before: CorpusStats) -> Option<CorpusStats> {
        use rayon::prelude::*;
        let replaced: Vec<Option<Lines>> = self
            .keys
            .par_iter()
            .filter_map(|key| {
                let n = archive.head(key).ok()??.latest;
                (n > 1).then_some((key, n - 1))
            })
            .map(|(key, n)| {
                let (_, record) = archive.version(key, Some(n)).ok()?;
                if record.raw_len > corpus::MAX_DOCUMENT_BYTES {
                    return Some(Lines::TooLarge);
                }
                let doc = archive.read(key, Some(n)).ok()?;
                Some(Lines::of(key, &doc.record.extra, &doc.bytes))
            })
            .collect();
        for lines in replaced {
            match lines? {
                Lines::TooLarge => {}
                Lines::Counted {
                    source,
                    fingerprints,
                } => {
                    if !before.remove(&source, &fingerprints) {
                        return None;
                    }
                }
            }
        }
        Some(before)
    }

    /// A new head of `key` was written; `lines` as read (if it was).
    pub(super) fn add(&mut self, key: &str, lines: Option<Lines>) {
        if !self.keys.insert(key.to_string()) {
            self.recount = true;
            return;
        }
        match lines {
            Some(Lines::TooLarge) => {}
            Some(Lines::Counted {
                source,
                fingerprints,
            }) => self.counted.add(&source, &fingerprints),
            None => self.later.push(key.to_string()),
        }
    }

    /// The archive's statistics: the documents this import did not touch counted from
    /// the archive (none when it was empty), plus the new heads; with the digest of the
    /// heads they are saved with ([`CorpusStats::save_stamped`]).
    ///
    /// Into an archive that held documents, every line's count is written too
    /// ([`corpus::LINES_FILE`]), and the next import starts from it: the documents this
    /// import did not touch are then not read again.
    pub(super) fn finish(mut self, archive: &Archive) -> Result<(CorpusStats, [u8; 32])> {
        let digest = corpus::heads_digest(archive)?;
        let stats = self.count(archive)?;
        // The file only spares the next import a count: one that cannot be written fails
        // nothing (the next import counts again, as without it).
        if !self.empty_before && stats.save_all_stamped(archive.dir(), digest).is_err() {
            let _ = std::fs::remove_file(archive.dir().join(corpus::LINES_FILE));
        }
        Ok((stats, digest))
    }

    fn count(&mut self, archive: &Archive) -> Result<CorpusStats> {
        if self.recount {
            return CorpusStats::build(archive);
        }
        use rayon::prelude::*;
        archive.head("")?; // Opens the index before the workers: sled's recovery waits on them.
        let before = self.before.take();
        let mut stats = if self.empty_before {
            CorpusStats::default()
        } else {
            match before.and_then(|b| self.without_replaced(archive, b)) {
                Some(s) => s,
                None => CorpusStats::build_except(archive, &self.keys)?,
            }
        };
        stats.merge(std::mem::take(&mut self.counted));
        let later: Vec<(String, Vec<u32>)> = std::mem::take(&mut self.later)
            .par_iter()
            .filter_map(|key| {
                let doc = archive.read(key, None).ok()?;
                match Lines::of(key, &doc.record.extra, &doc.bytes) {
                    Lines::TooLarge => None,
                    Lines::Counted {
                        source,
                        fingerprints,
                    } => Some((source, fingerprints)),
                }
            })
            .collect();
        for (source, fps) in later {
            stats.add(&source, &fps);
        }
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LINES_FILE, STATS_FILE};

    fn write(dir: &Path, name: &str, text: &str) {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// The statistics file an import writes equals the statistics counted from the
    /// whole archive: into an empty archive, into one with documents (new documents, new
    /// versions, content the archive holds under another key), and with a key twice.
    #[test]
    fn imports_write_the_statistics_of_the_whole_archive() {
        let tmp = tempfile::tempdir().unwrap();
        let a = Archive::open_or_create(&tmp.path().join("a")).unwrap();
        let docs = tmp.path().join("docs");
        let footer = "Follow us on the news site\n版权所有 不得转载\n";
        for i in 0..40 {
            write(
                &docs,
                &format!("site{}/p{i}.txt", i % 3),
                &format!(
                    "Story number {i} begins here\n{footer}Line {} of many\n",
                    i % 7
                ),
            );
        }
        let check = |a: &Archive| {
            let file = CorpusStats::read(&a.dir().join(STATS_FILE)).unwrap();
            let all = CorpusStats::build(a).unwrap();
            assert_eq!(file, all.pruned(2));
            assert!(!file.sources.is_empty());
            // Every line's count, once the archive has had a second import.
            if let Ok(lines) = CorpusStats::read(&a.dir().join(LINES_FILE)) {
                assert_eq!(lines, all.pruned(1));
                assert_eq!(lines.heads_digest, corpus::heads_digest(a).unwrap());
            }
        };
        let opts = ImportOptions::default();
        import_paths(&a, std::slice::from_ref(&docs), &opts, &NoProgress).unwrap();
        check(&a);
        // New versions, a new document, and a new key whose content is stored already.
        write(
            &docs,
            "site0/p0.txt",
            &format!("Story zero, corrected\n{footer}"),
        );
        write(&docs, "site1/p1.txt", "Nothing in common\n");
        write(&docs, "site2/new.txt", &format!("A new story\n{footer}"));
        write(
            &docs,
            "site2/copy.txt",
            &std::fs::read_to_string(docs.join("site1/p4.txt")).unwrap(),
        );
        let s = import_paths(&a, std::slice::from_ref(&docs), &opts, &NoProgress).unwrap();
        assert_eq!((s.new_documents, s.new_versions), (2, 2));
        check(&a);
        // Records whose source is the host of their URL (metadata of the record).
        let urls = tmp.path().join("urls.jsonl");
        let line = |i: u32| {
            serde_json::json!({
                "id": format!("u{i}"),
                "url": format!("https://news.example.org/{i}"),
                "text": format!("Report {i}\n{footer}"),
            })
        };
        std::fs::write(&urls, format!("{}\n{}\n{}\n", line(1), line(2), line(3))).unwrap();
        let s = import_paths(&a, &[urls], &opts, &NoProgress).unwrap();
        assert_eq!(s.new_documents, 3, "{s:?}");
        check(&a);
        let file = CorpusStats::read(&a.dir().join(STATS_FILE)).unwrap();
        assert_eq!(
            file.source("news.example.org").map(|s| s.documents),
            Some(3)
        );
        // One key twice in one import (a JSONL file naming it twice).
        let jsonl = tmp.path().join("twice.jsonl");
        std::fs::write(
            &jsonl,
            format!(
                "{}\n{}\n",
                serde_json::json!({"id": "site0/p3.txt", "text": format!("First\n{footer}")}),
                serde_json::json!({"id": "site0/p3.txt", "text": "Second\n"}),
            ),
        )
        .unwrap();
        let s = import_paths(&a, &[jsonl], &opts, &NoProgress).unwrap();
        assert_eq!(s.new_versions, 2, "{s:?}");
        check(&a);
    }

    /// An import into an archive whose every line's count is on file adds to those
    /// counts: new documents and new versions of documents (whose replaced heads are
    /// taken back), without counting the archive again; a file that no longer matches the
    /// archive's heads is counted again.
    #[test]
    fn imports_add_to_every_lines_count_on_file() {
        let tmp = tempfile::tempdir().unwrap();
        let a = Archive::open_or_create(&tmp.path().join("a")).unwrap();
        let docs = tmp.path().join("docs");
        let footer = "Subscribe to the weekly letter today\n版权所有 不得转载\n";
        for i in 0..12 {
            write(
                &docs,
                &format!("site{}/p{i}.txt", i % 2),
                &format!("Story number {i} begins here\n{footer}"),
            );
        }
        let opts = ImportOptions::default();
        let import =
            |a: &Archive| import_paths(a, std::slice::from_ref(&docs), &opts, &NoProgress).unwrap();
        let check = |a: &Archive| {
            let all = CorpusStats::build(a).unwrap();
            let lines = CorpusStats::read(&a.dir().join(LINES_FILE)).unwrap();
            assert_eq!(lines, all.pruned(1));
            let file = CorpusStats::read(&a.dir().join(STATS_FILE)).unwrap();
            assert_eq!(file, all.pruned(2));
        };
        import(&a);
        // A one-shot archive: no file of every line.
        assert!(!a.dir().join(LINES_FILE).exists());
        write(
            &docs,
            "site0/p12.txt",
            &format!("A twelfth story\n{footer}"),
        );
        import(&a);
        check(&a);
        // Plant a source in the file (its digest kept): the next import starts from the
        // file, so the planted source is still there after it.
        let digest = corpus::heads_digest(&a).unwrap();
        let mut planted = CorpusStats::read(&a.dir().join(LINES_FILE)).unwrap();
        planted.add("planted.example", &[7, 8]);
        planted.save_all_stamped(a.dir(), digest).unwrap();
        // New versions (their old lines taken back), a new document.
        write(
            &docs,
            "site0/p0.txt",
            "Story zero, corrected and without its footer\n",
        );
        write(
            &docs,
            "site1/p3.txt",
            &format!("Story three, corrected\n{footer}"),
        );
        write(
            &docs,
            "site1/p13.txt",
            &format!("A thirteenth story\n{footer}"),
        );
        let s = import(&a);
        assert_eq!((s.new_documents, s.new_versions), (1, 2));
        let lines = CorpusStats::read(&a.dir().join(LINES_FILE)).unwrap();
        assert_eq!(
            lines.source("planted.example").map(|s| s.documents),
            Some(1)
        );
        let mut unplanted = lines.clone();
        unplanted.sources.remove("planted.example");
        let all = CorpusStats::build(&a).unwrap();
        assert_eq!(unplanted, all.pruned(1));
        let site0 = lines.source("site0").unwrap();
        assert_eq!(site0.documents, 7);
        let footer_fp = corpus::line_fingerprint("Subscribe to the weekly letter today").unwrap();
        assert_eq!(site0.lines.get(&footer_fp), Some(&6));
        // A file from other heads is not used: the archive is counted again.
        let stale = CorpusStats::read(&a.dir().join(LINES_FILE)).unwrap();
        stale.save_all_stamped(a.dir(), [9; 32]).unwrap();
        write(
            &docs,
            "site0/p14.txt",
            &format!("A fourteenth story\n{footer}"),
        );
        import(&a);
        check(&a);
        // A file that cannot be written fails no import: the statistics are right, and
        // the next import counts again.
        std::fs::remove_file(a.dir().join(LINES_FILE)).unwrap();
        std::fs::create_dir(a.dir().join(LINES_FILE.to_string() + ".tmp")).unwrap();
        write(
            &docs,
            "site1/p15.txt",
            &format!("A fifteenth story\n{footer}"),
        );
        let s = import(&a);
        assert_eq!(s.new_documents, 1);
        assert!(!a.dir().join(LINES_FILE).exists());
        let file = CorpusStats::read(&a.dir().join(STATS_FILE)).unwrap();
        assert_eq!(file, CorpusStats::build(&a).unwrap().pruned(2));
    }
}
