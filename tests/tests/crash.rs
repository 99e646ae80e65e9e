//! Crash safety: `wenku import`, `wenku compact` and `wenku repair` killed (SIGKILL) at
//! moments spread over their run, many times; after each kill the archive opens (after a
//! killed repair: or asks for `repair`), `verify` passes, every document present reads
//! back byte-exact, and running the import again completes the rest with nothing
//! duplicated.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use wenku_tests::bench::{write_generated_corpus, Rng};
use wenku_tests::{wenku, wk};

fn corpus(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in std::fs::read_dir(dir).unwrap().flatten() {
        for f in std::fs::read_dir(sub.path()).unwrap().flatten() {
            let key = format!(
                "{}/{}",
                sub.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            );
            out.insert(key, std::fs::read(f.path()).unwrap());
        }
    }
    out
}

/// Every document present reads back exactly; returns (checked, lost).
fn check(archive: &Path, expected: &BTreeMap<String, Vec<u8>>) -> (usize, usize) {
    let a = wenku_core::Archive::open(archive).expect("the archive opens after a kill");
    let report = a.verify().expect("verify runs");
    assert!(report.is_clean(), "verify after a kill: {:?}", report);
    let (mut checked, mut lost) = (0, 0);
    for (key, head) in a.list("").unwrap() {
        let doc = a.read(&key, None).unwrap();
        checked += 1;
        if expected.get(&key) != Some(&doc.bytes) || head.latest != 1 {
            lost += 1;
        }
    }
    (checked, lost)
}

fn kill_after(args: &[&str], archive: &Path, ms: u64) -> bool {
    let mut c = wenku(archive);
    c.args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = c.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(ms));
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    !finished
}

#[test]
fn killed_imports_and_compacts_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write_generated_corpus(&docs, 3000);
    let expected = corpus(&docs);
    let archive = tmp.path().join("arch");
    let d = docs.to_str().unwrap();
    let mut rng = Rng::new(42);
    let (mut kills, mut checked, mut lost) = (0, 0, 0);
    // A full import, to know how long one takes.
    let probe = tmp.path().join("probe");
    let t = std::time::Instant::now();
    assert_eq!(wk(&probe, &["import", d]).code, 0);
    let full_ms = (t.elapsed().as_millis() as u64).max(200);
    // At least 12 rounds, and more (up to 40) until 5 kills have landed mid-import.
    for round in 0..40 {
        if round >= 12 && kills >= 5 {
            break;
        }
        let at = 50 + rng.below(full_ms as usize) as u64;
        let killed = kill_after(&["import", d], &archive, at);
        if killed {
            kills += 1;
        }
        let (c, l) = check(&archive, &expected);
        checked += c;
        lost += l;
        if !killed {
            // The import finished: start again from nothing, so that the next kill
            // lands in an import with work left rather than in a no-op.
            std::fs::remove_dir_all(&archive).unwrap();
        }
    }
    // Running the import again completes the rest, nothing duplicated.
    let r = wk(&archive, &["--json", "import", d]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let stats = wk(&archive, &["--json", "stats"]).json();
    assert_eq!(stats["documents"], 3000);
    assert_eq!(stats["versions"], 3000);
    let (c, l) = check(&archive, &expected);
    checked += c;
    lost += l;

    // compact, killed the same way.
    let mut compact_kills = 0;
    for _ in 0..6 {
        let at = 30 + rng.below(1500) as u64;
        if kill_after(&["compact", "--level", "9"], &archive, at) {
            compact_kills += 1;
        }
        let (c, l) = check(&archive, &expected);
        checked += c;
        lost += l;
    }
    assert_eq!(wk(&archive, &["compact", "--level", "9"]).code, 0);
    let (c, l) = check(&archive, &expected);
    checked += c;
    lost += l;

    // repair, killed the same way: the archive is left with its index or without one
    // (and says so); the next repair restores everything.
    let mut repair_kills = 0;
    for _ in 0..6 {
        let at = 20 + rng.below(800) as u64;
        if kill_after(&["repair"], &archive, at) {
            repair_kills += 1;
        }
        let r = wk(&archive, &["ls"]);
        assert!(
            r.code == 0
                || r.stderr
                    .ends_with("rebuild the index from them with `wenku repair`\n"),
            "after a killed repair: {} {}",
            r.code,
            r.stderr
        );
        let r = wk(&archive, &["repair"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let (c, l) = check(&archive, &expected);
        checked += c;
        lost += l;
    }
    let stats = wk(&archive, &["--json", "stats"]).json();
    assert_eq!(
        (stats["documents"].as_u64(), stats["versions"].as_u64()),
        (Some(3000), Some(3000))
    );
    println!("crash test: {kills} imports, {compact_kills} compacts and {repair_kills} repairs killed, {checked} documents checked, {lost} lost");
    assert_eq!(lost, 0);
    assert!(kills >= 5, "only {kills} kills landed during an import");
}
