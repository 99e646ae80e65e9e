//! Storage: import speed and archive size against `tar | zstd` (and git for a version
//! history), `compact`, and the time to read one document.
//!
//! cargo bench -p wenku-tests --bench storage -- [CORPUS.tar.zst|DIR]
//! cargo bench -p wenku-tests --bench storage -- --reads ARCHIVE [ROUNDS]
//! cargo bench -p wenku-tests --bench storage -- --version-reads ARCHIVE [ROUNDS]
//!
//! `--reads`: only the read step, on an archive already made (each round opens it
//! again and reads 5,000 random keys; three rounds by default), to compare builds on
//! the same archive. `--version-reads`: the same for any version of any key (older
//! versions are deltas), beside one `zstd -3` file per version.
//!
//! Corpora: the news sample (../shared/corpus/bench/hkcnews-6000.tar.zst, or the path
//! given) when present, and 20,000 documents generated from the seeds; a history of 10
//! small edits of 200 news pages (or generated documents) and the seeds.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use wenku_tests::bench::{
    corpus_files, default_news_sample, timed_wenku, write_generated_corpus, Rng,
};
use wenku_tests::{seed_names, seeds_dir};

fn sh(cmd: &str) -> f64 {
    let t = Instant::now();
    let st = Command::new("sh").args(["-c", cmd]).status().expect("sh");
    assert!(st.success(), "{cmd} failed");
    t.elapsed().as_secs_f64()
}

/// Bytes on disk as `du -sb` counts them: the apparent size of every file and folder.
fn size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    let mut total = meta.len();
    if meta.is_dir() {
        if let Ok(rd) = std::fs::read_dir(path) {
            total += rd
                .filter_map(|e| e.ok())
                .map(|e| size(&e.path()))
                .sum::<u64>();
        }
    }
    total
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

/// Where an archive's bytes are.
fn parts(archive: &Path) -> String {
    format!(
        "index {:.3} MB, packs {:.3} MB, catalog {:.3} MB, dictionaries {:.3} MB, corpus statistics {:.3} MB, every line's count {:.3} MB",
        mb(size(&archive.join("index"))),
        mb(size(&archive.join("packs"))),
        mb(size(&archive.join("catalog.wlog"))),
        mb(size(&archive.join("dicts"))),
        mb(size(&archive.join("corpus-stats"))),
        mb(size(&archive.join("corpus-lines")))
    )
}

/// Import and compact one corpus directory, beside tar | zstd. Import, tar | zstd -3
/// on one thread and on two run alternately three times each (a fresh archive each
/// time) and the fastest of each counts: this machine is shared, and a single run says
/// more about its load.
fn corpus_row(bin: &Path, name: &str, dir: &Path, scratch: &Path) {
    let raw = wenku_core::archive::dir_size(dir);
    let files = corpus_files(dir, scratch).len();
    let archive = scratch.join(format!("{name}.wenku"));
    let parent = dir.parent().unwrap_or(Path::new("/")).display().to_string();
    let base = dir
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let z3 = scratch.join(format!("{name}.tar.zst"));
    let (mut t_import, mut t_z3, mut t_z3t2) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(&archive);
        t_import = t_import.min(timed_wenku(
            bin,
            &archive,
            &["import", dir.to_str().unwrap_or(".")],
        ));
        t_z3 = t_z3.min(sh(&format!(
            "tar -cf - -C '{parent}' '{base}' | zstd -3 -q -T1 -o '{}' -f",
            z3.display()
        )));
        t_z3t2 = t_z3t2.min(sh(&format!(
            "tar -cf - -C '{parent}' '{base}' | zstd -3 -q -T2 > /dev/null"
        )));
    }
    println!(
        "{name}: import {t_import:.3} s, tar | zstd -3 -T1 {t_z3:.3} s ({:.2}×), tar | zstd -3 -T2 {t_z3t2:.3} s ({:.2}×)",
        t_import / t_z3,
        t_import / t_z3t2
    );
    let after_import = size(&archive);
    println!("{name} after import: {}", parts(&archive));
    let z19 = scratch.join(format!("{name}.19.tar.zst"));
    let t_z19 = sh(&format!(
        "tar -cf - -C '{parent}' '{base}' | zstd -19 --long=27 -q -T1 -o '{}' -f",
        z19.display()
    ));
    let t_compact = timed_wenku(bin, &archive, &["compact"]);
    let after_compact = size(&archive);
    println!("{name} after compact: {}", parts(&archive));
    let (s3, s19) = (size(&z3), size(&z19));
    println!(
        "| {name} | {files} docs, {:.1} MB | {:.0} docs/s, {:.1} MB/s, {:.2} s ({:.2}× tar+zstd-3 time {:.2} s) | {:.2} MB ({:.3}× tar+zstd-3 {:.2} MB) | {:.1} s | {:.2} MB ({:.3}× tar+zstd-3, {:.2}× zstd-19 --long {:.2} MB, {:.1} s) |",
        mb(raw),
        files as f64 / t_import,
        mb(raw) / t_import,
        t_import,
        t_import / t_z3,
        t_z3,
        mb(after_import),
        after_import as f64 / s3 as f64,
        mb(s3),
        t_compact,
        mb(after_compact),
        after_compact as f64 / s3 as f64,
        after_compact as f64 / s19 as f64,
        mb(s19),
        t_z19,
    );
}

/// The news pages copied `n` times under different prefixes, each copy with one line
/// altered (a different line per copy), imported copy by copy: the archive against the
/// archive of one copy (near-copies become deltas against another document), with the
/// time to read any document.
fn copies(bin: &Path, files: &[PathBuf], root: &Path, n: usize, scratch: &Path) {
    let one = scratch.join("copies-one.wenku");
    let all = scratch.join("copies-all.wenku");
    let mut raw = 0u64;
    let mut t_all = 0.0;
    for c in 0..n {
        let dir = scratch.join(format!("copy{c:02}"));
        for f in files {
            let rel = f.strip_prefix(root).unwrap_or(f);
            let out = dir.join(rel);
            std::fs::create_dir_all(out.parent().unwrap_or(&dir)).expect("copy folder");
            let text = std::fs::read(f).expect("a news page");
            let text = String::from_utf8_lossy(&text);
            let lines: Vec<&str> = text.split('\n').collect();
            let at = (c * 7 + 3) % lines.len().max(1);
            let mut altered: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            if let Some(l) = altered.get_mut(at) {
                l.push_str(&format!(" [copy {c}]"));
            }
            let bytes = altered.join("\n");
            raw += bytes.len() as u64;
            std::fs::write(&out, bytes).expect("write a copy");
        }
        let prefix = format!("copy{c:02}");
        if c == 0 {
            timed_wenku(
                bin,
                &one,
                &["import", dir.to_str().unwrap_or("."), "--prefix", &prefix],
            );
        }
        t_all += timed_wenku(
            bin,
            &all,
            &["import", dir.to_str().unwrap_or("."), "--prefix", &prefix],
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
    let (s1, sn) = (size(&one), size(&all));
    println!(
        "| {n} altered copies | {:.1} MB raw | import {:.1} s ({:.1} MB/s) | {:.2} MB: {:.2}× one copy's archive ({:.2} MB) |",
        mb(raw),
        t_all,
        mb(raw) / t_all,
        mb(sn),
        sn as f64 / s1 as f64,
        mb(s1),
    );
    println!("{n} altered copies: {}", parts(&all));
    reads(&all);
}

/// A small edit of a document: a changed digit, a sentence added or a line dropped.
fn edit(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return format!("{text}\n更新。");
    }
    let i = rng.below(lines.len());
    match rng.below(3) {
        0 => lines[i].push_str("（更新）"),
        1 => lines.insert(i, format!("编者按：本文于第{}次修订。", rng.below(100))),
        _ => {
            let l: String = lines[i]
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        char::from(b'0' + rng.below(10) as u8)
                    } else {
                        c
                    }
                })
                .collect();
            lines[i] = l;
        }
    }
    lines.join("\n")
}

/// Returns the reads of any version (as imported, compacted), printed after the table.
fn history(bin: &Path, pages: &[PathBuf], scratch: &Path) -> [String; 2] {
    let dir = scratch.join("history");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("history dir");
    let archive = scratch.join("history.wenku");
    let _ = std::fs::remove_dir_all(&archive);
    let git = scratch.join("history.git");
    let _ = std::fs::remove_dir_all(&git);
    let all_versions = scratch.join("all-versions");
    let _ = std::fs::remove_dir_all(&all_versions);
    let mut texts: Vec<(String, String)> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                format!("doc{i:04}.txt"),
                String::from_utf8_lossy(&std::fs::read(p).expect("page")).into_owned(),
            )
        })
        .collect();
    let mut rng = Rng::new(7);
    sh(&format!("git init -q '{}' && git -C '{}' config user.email b@e && git -C '{}' config user.name bench", git.display(), git.display(), git.display()));
    let mut one_version = 0;
    let mut t_import = 0.0;
    for round in 0..10 {
        if round > 0 {
            for (_, t) in texts.iter_mut() {
                *t = edit(t, &mut rng);
            }
        }
        let vdir = all_versions.join(format!("v{round}"));
        std::fs::create_dir_all(&vdir).expect("version dir");
        for (n, t) in &texts {
            std::fs::write(dir.join(n), t).expect("write");
            std::fs::write(git.join(n), t).expect("write");
            std::fs::write(vdir.join(n), t).expect("write");
        }
        t_import += timed_wenku(bin, &archive, &["import", dir.to_str().unwrap_or(".")]);
        sh(&format!(
            "git -C '{}' add -A && git -C '{}' commit -q -m v{round}",
            git.display(),
            git.display()
        ));
        if round == 0 {
            one_version = size(&archive);
        }
    }
    let ten = size(&archive);
    let reads_imported = version_reads(&archive, "10 versions, as imported");
    timed_wenku(bin, &archive, &["compact"]);
    let compacted = size(&archive);
    let reads_compacted = version_reads(&archive, "10 versions, compacted");
    sh(&format!("git -C '{}' gc -q --aggressive", git.display()));
    let git_size = size(&git.join(".git"));
    let z3 = scratch.join("all.tar.zst");
    sh(&format!(
        "tar -cf - -C '{}' . | zstd -3 -q -T1 -o '{}' -f",
        all_versions.display(),
        z3.display()
    ));
    let z19 = scratch.join("all.19.tar.zst");
    sh(&format!(
        "tar -cf - -C '{}' . | zstd -19 --long=27 -q -T1 -o '{}' -f",
        all_versions.display(),
        z19.display()
    ));
    let raw = wenku_core::archive::dir_size(&all_versions);
    println!(
        "| {} docs × 10 versions, {:.1} MB raw | 1 version {:.2} MB, 10 versions {:.2} MB ({:.2}×), compacted {:.2} MB; import {:.1} s | git gc --aggressive {:.2} MB | tar+zstd-3 {:.2} MB | tar+zstd-19 --long {:.2} MB |",
        texts.len(),
        mb(raw),
        mb(one_version),
        mb(ten),
        ten as f64 / one_version as f64,
        mb(compacted),
        t_import,
        mb(git_size),
        mb(size(&z3)),
        mb(size(&z19)),
    );
    [reads_imported, reads_compacted]
}

/// What opening an archive costs: in-process (the index opened — sled runs the external
/// `sync` first — and closed), and the whole `wenku cat` / `wenku ls` processes.
fn opens(bin: &Path, archive: &Path) {
    let best = |f: &mut dyn FnMut()| {
        (0..10)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::MAX, f64::min)
    };
    let open = best(&mut || {
        drop(wenku_core::Archive::open_read(archive).expect("open"));
    });
    let key = {
        let a = wenku_core::Archive::open_read(archive).expect("open");
        a.list("").expect("list")[0].0.clone()
    };
    let cat = best(&mut || {
        let out = Command::new(bin)
            .args(["-A", archive.to_str().unwrap_or("."), "cat", "--raw", &key])
            .output()
            .expect("cat");
        assert!(out.status.success());
    });
    let ls = best(&mut || {
        let out = Command::new(bin)
            .args(["-A", archive.to_str().unwrap_or("."), "ls"])
            .output()
            .expect("ls");
        assert!(out.status.success());
    });
    let sync = best(&mut || {
        let _ = Command::new("sync").status();
    });
    println!(
        "open ({}): index open + close {open:.1} ms (of which the `sync` command alone: {sync:.1} ms), `wenku cat --raw` {cat:.1} ms, `wenku ls` {ls:.1} ms (best of 10)",
        archive.file_name().unwrap_or_default().to_string_lossy()
    );
}

/// p50 and p99 of sorted times.
fn p50_p99(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(|x, y| x.total_cmp(y));
    (times[times.len() / 2], times[times.len() * 99 / 100])
}

/// The read step's peer: the same documents as one file each, compressed with zstd -3
/// (no dictionary, as `zstd -3 FILE` makes them), read back by opening the file, reading
/// it and decompressing it with one zstd context kept for all of them — the same 5,000
/// random keys, just after wenku's reads.
fn peer_reads(a: &wenku_core::Archive, keys: &[String]) -> (f64, f64) {
    let dir = peer_files(keys.iter().map(|k| a.read(k, None).expect("read").bytes));
    let mut rng = Rng::new(3);
    let picks: Vec<usize> = (0..5000).map(|_| rng.below(keys.len())).collect();
    time_peer(dir.path(), &picks)
}

/// A folder of one `zstd -3` file per text, named by its place (`0.zst`, `1.zst`, …).
fn peer_files(texts: impl Iterator<Item = Vec<u8>>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("peer dir");
    for (i, bytes) in texts.enumerate() {
        let z = zstd::bulk::compress(&bytes, 3).expect("zstd");
        std::fs::write(dir.path().join(format!("{i}.zst")), z).expect("write");
    }
    dir
}

/// p50 and p99 of reading the files `picks` of a [`peer_files`] folder: open, read,
/// decompress (one context for all).
fn time_peer(dir: &Path, picks: &[usize]) -> (f64, f64) {
    let mut times = Vec::with_capacity(picks.len());
    let mut dctx = zstd::bulk::Decompressor::new().expect("zstd context");
    for &i in picks {
        let t = Instant::now();
        let z = std::fs::read(dir.join(format!("{i}.zst"))).expect("read");
        let len = zstd::zstd_safe::get_frame_content_size(&z)
            .ok()
            .flatten()
            .unwrap_or(0);
        let d = dctx.decompress(&z, len as usize).expect("unzstd");
        times.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(d);
    }
    p50_p99(&mut times)
}

fn reads(archive: &Path) {
    let a = wenku_core::Archive::open(archive).expect("archive");
    let keys: Vec<String> = a
        .list("")
        .expect("list")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let mut rng = Rng::new(3);
    let mut times = Vec::with_capacity(5000);
    for _ in 0..5000 {
        let k = &keys[rng.below(keys.len())];
        let t = Instant::now();
        let d = a.read(k, None).expect("read");
        times.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(d);
    }
    let (p50, p99) = p50_p99(&mut times);
    // The process's resident memory after the reads: the index sled has cached.
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|st| {
            st.lines()
                .find(|l| l.starts_with("VmRSS"))
                .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    let (f50, f99) = peer_reads(&a, &keys);
    println!(
        "read one document in-process ({} docs, just opened, 5,000 random keys): p50 {p50:.1} µs, p99 {p99:.1} µs; resident memory after {rss}; one zstd -3 file per document (open, read, decompress): p50 {f50:.1} µs, p99 {f99:.1} µs; wenku's time {:.2}× (p50), {:.2}× (p99) the files'",
        keys.len(),
        p50 / f50,
        p99 / f99
    );
}

/// Reads of any version, not only the latest: 5,000 random (key, version) pairs of an
/// archive that keeps a history (older versions are deltas, at most five decompressions
/// each), beside the peer a user would otherwise keep — every version as its own
/// `zstd -3` file — read the same way as in [`peer_reads`].
fn version_reads(archive: &Path, label: &str) -> String {
    let a = wenku_core::Archive::open(archive).expect("archive");
    let mut all: Vec<(String, u32)> = Vec::new();
    for (k, _) in a.list("").expect("list") {
        for (n, _) in a.versions(&k).expect("versions") {
            all.push((k.clone(), n));
        }
    }
    let dir = peer_files(
        all.iter()
            .map(|(k, n)| a.read(k, Some(*n)).expect("read").bytes),
    );
    let mut rng = Rng::new(5);
    let picks: Vec<usize> = (0..5000).map(|_| rng.below(all.len())).collect();
    let mut times = Vec::with_capacity(picks.len());
    for &i in &picks {
        let (k, n) = &all[i];
        let t = Instant::now();
        let d = a.read(k, Some(*n)).expect("read");
        times.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(d);
    }
    let (p50, p99) = p50_p99(&mut times);
    let (f50, f99) = time_peer(dir.path(), &picks);
    format!(
        "read any version ({label}: {} versions of {} keys, 5,000 random versions): p50 {p50:.1} µs, p99 {p99:.1} µs; one zstd -3 file per version: p50 {f50:.1} µs, p99 {f99:.1} µs; wenku's time {:.2}× (p50), {:.2}× (p99) the files'",
        all.len(),
        a.list("").map(|l| l.len()).unwrap_or(0),
        p50 / f50,
        p99 / f99
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--reads ARCHIVE [ROUNDS]`, `--version-reads ARCHIVE [ROUNDS]`: one step only.
    for flag in ["--reads", "--version-reads"] {
        let Some(i) = args.iter().position(|a| a == flag) else {
            continue;
        };
        // (`cargo bench` adds `--bench` after the arguments given.)
        let Some(archive) = args
            .get(i + 1)
            .filter(|a| !a.starts_with("--"))
            .map(Path::new)
        else {
            eprintln!("{flag} needs an archive");
            std::process::exit(2);
        };
        let rounds = args.get(i + 2).and_then(|r| r.parse().ok()).unwrap_or(3);
        for _ in 0..rounds {
            match flag {
                "--reads" => reads(archive),
                _ => println!("{}", version_reads(archive, "given archive")),
            }
        }
        return;
    }
    let scratch = tempfile::tempdir().expect("scratch");
    let built = wenku_tests::build(true);
    println!("| corpus | size | import | archive after import | compact | archive after compact |");
    println!("|---|---|---|---|---|---|");
    let arg = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from);
    let mut history_pages: Vec<PathBuf> =
        seed_names().iter().map(|n| seeds_dir().join(n)).collect();
    if let Some(p) = arg.or_else(|| default_news_sample("hkcnews-6000.tar.zst")) {
        let files = corpus_files(&p, scratch.path());
        let dir = files
            .first()
            .and_then(|f| f.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        // The corpus root: the common ancestor of the files.
        let root = files.iter().fold(dir, |acc, f| {
            let mut a = acc;
            while !f.starts_with(&a) {
                a = a.parent().map(Path::to_path_buf).unwrap_or_default();
            }
            a
        });
        // `--copies-only`: just the altered copies (and one import of the news pages).
        if std::env::args().any(|a| a == "--copies-only") {
            let a = scratch.path().join("news.wenku");
            let t = timed_wenku(&built.wenku, &a, &["import", root.to_str().unwrap_or(".")]);
            println!(
                "news sample: import {t:.2} s, {:.2} MB; {}",
                mb(size(&a)),
                parts(&a)
            );
            reads(&a);
            let n = std::env::var("WENKU_BENCH_COPIES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(25);
            copies(&built.wenku, &files, &root, n, scratch.path());
            return;
        }
        corpus_row(&built.wenku, "news sample", &root, scratch.path());
        opens(&built.wenku, &scratch.path().join("news sample.wenku"));
        reads(&scratch.path().join("news sample.wenku"));
        let n = std::env::var("WENKU_BENCH_COPIES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(25);
        copies(&built.wenku, &files, &root, n, scratch.path());
        history_pages.extend(
            files
                .iter()
                .step_by((files.len() / 200).max(1))
                .take(200)
                .cloned(),
        );
    }
    let generated = scratch.path().join("generated");
    write_generated_corpus(&generated, 20_000);
    corpus_row(&built.wenku, "generated", &generated, scratch.path());
    println!();
    println!("| history | wenku | git | tar+zstd-3 | tar+zstd-19 --long |");
    println!("|---|---|---|---|---|");
    let version_reads = history(&built.wenku, &history_pages, scratch.path());
    println!();
    for line in version_reads {
        println!("{line}");
    }
    reads(&scratch.path().join("generated.wenku"));
}
