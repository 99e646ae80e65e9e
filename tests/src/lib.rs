//! Helpers for wenku's end-to-end tests and benchmarks: build the real `wenku` binary
//! and plugin libraries (once per process, with a nested cargo into a separate target
//! directory, so it never waits on the outer cargo's lock), run them, and find the
//! test data.

pub mod bench;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Workspace packages that build plugin libraries.
pub const PLUGIN_PACKAGES: &[&str] = &[
    "wenku-encoding-repair",
    "wenku-script-convert",
    "wenku-spam-trim",
];

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The seed documents kept in the repository.
pub fn seeds_dir() -> PathBuf {
    workspace_root().join("tests/data/seeds")
}

/// Expected outputs kept in the repository.
pub fn data_dir() -> PathBuf {
    workspace_root().join("tests/data")
}

fn target_base() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    c.current_dir(workspace_root());
    c
}

/// Platform file name of a dynamic library.
pub fn dylib_name(stem: &str) -> String {
    format!(
        "{}{stem}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    )
}

/// The real `wenku` binary and plugins, built once.
pub struct Built {
    pub wenku: PathBuf,
    /// The directory of the binary, which also holds the workspace's plugins.
    pub bin_dir: PathBuf,
}

fn run_cargo(mut c: Command, what: &str) {
    let out = c
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo to build {what}: {e}"));
    assert!(
        out.status.success(),
        "building {what} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Build `wenku` and every plugin package (debug, or release when `release`).
pub fn build(release: bool) -> Built {
    let dir = target_base().join(if release { "e2e-release" } else { "e2e" });
    let mut c = cargo();
    c.args(["build", "-q", "-p", "wenku"]);
    for p in PLUGIN_PACKAGES {
        c.args(["-p", p]);
    }
    if release {
        c.arg("--release");
    }
    c.arg("--target-dir").arg(&dir);
    run_cargo(c, "wenku and its plugins");
    let bin_dir = dir.join(if release { "release" } else { "debug" });
    Built {
        wenku: bin_dir.join(format!("wenku{}", std::env::consts::EXE_SUFFIX)),
        bin_dir,
    }
}

/// The debug build, once per process.
pub fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build(false))
}

/// Test fixture plugins (Rust ones from `tests/fixtures`, C ones compiled with `cc`),
/// all in one directory.
pub fn fixtures(release: bool) -> PathBuf {
    let dir = target_base().join(if release {
        "e2e-fixtures-release"
    } else {
        "e2e-fixtures"
    });
    let mut c = cargo();
    c.args([
        "build",
        "-q",
        "--manifest-path",
        "tests/fixtures/Cargo.toml",
    ]);
    if release {
        c.arg("--release");
    }
    c.arg("--target-dir").arg(&dir);
    run_cargo(c, "the fixture plugins");
    let out = dir.join(if release { "release" } else { "debug" });
    let include = workspace_root().join("plugins/abi/include");
    let c_dir = workspace_root().join("tests/fixtures/c");
    for (src, stem, flag) in [
        ("upper.c", "c_upper", ""),
        ("broken.c", "wrong_abi", "-DWRONG_ABI"),
        ("broken.c", "null_fn", "-DNULL_FN"),
        ("misbehave.c", "misbehave", "-D_GNU_SOURCE"),
    ] {
        let mut cc = Command::new(std::env::var_os("CC").unwrap_or_else(|| "cc".into()));
        cc.args(["-shared", "-fPIC", "-std=c99", "-Wall", "-Werror", "-O2"])
            .arg("-I")
            .arg(&include);
        if !flag.is_empty() {
            cc.arg(flag);
        }
        cc.arg("-o")
            .arg(out.join(dylib_name(stem)))
            .arg(c_dir.join(src));
        let o = cc.output().unwrap_or_else(|e| panic!("cannot run cc: {e}"));
        assert!(
            o.status.success(),
            "cc {src} failed:\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    out
}

/// The debug fixtures, once per process.
pub fn fixture_dir() -> &'static Path {
    static F: OnceLock<PathBuf> = OnceLock::new();
    F.get_or_init(|| fixtures(false))
}

/// What a run of `wenku` did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout_str()))
    }
}

/// A `wenku` command on `archive`, with a clean environment for plugins.
pub fn wenku(archive: &Path) -> Command {
    let mut c = Command::new(&built().wenku);
    c.env("WENKU_ARCHIVE", archive)
        .env_remove("WENKU_PLUGIN_PATH")
        .env("RUST_BACKTRACE", "0");
    c
}

/// Run a command with `stdin` and collect what it did.
pub fn run(mut c: Command, stdin: &[u8]) -> Run {
    use std::io::Write;
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {c:?}: {e}"));
    let mut input = child.stdin.take();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(i) = input.as_mut() {
            let _ = i.write_all(&data);
        }
    });
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("waiting for {c:?}: {e}"));
    let _ = writer.join();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run `wenku ARGS` on `archive` with no input.
pub fn wk(archive: &Path, args: &[&str]) -> Run {
    let mut c = wenku(archive);
    c.args(args);
    run(c, b"")
}

/// A folder at `dir` holding copies of the seeds (to edit in a test).
pub fn copy_seeds(dir: &Path) {
    std::fs::create_dir_all(dir).expect("seed copy folder");
    for n in seed_names() {
        std::fs::copy(seeds_dir().join(&n), dir.join(&n)).expect("copy a seed");
    }
}

/// The seed file names, sorted.
pub fn seed_names() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(seeds_dir())
        .expect("tests/data/seeds")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    v.sort();
    v
}

/// Run a command to its end and return its exit code and its own peak resident set
/// size in KiB (from `wait4`, so other children of the test process do not count).
#[allow(clippy::zombie_processes)] // reaped by wait4 below
pub fn run_peak_rss(mut c: Command) -> (i32, i64) {
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let child = c
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {c:?}: {e}"));
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child, with valid out-pointers; the Child handle is
    // not waited on again.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage.ru_maxrss)
}

/// Every file under `dir` with its bytes, by path relative to `dir` (to check that a
/// command left a directory untouched).
pub fn tree_bytes(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("list a test directory") {
            let path = e.expect("list a test directory").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                out.insert(rel, std::fs::read(&path).expect("read a test file"));
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Copy the directory tree `from` to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in tree_bytes(from) {
        let path = to.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("make a test directory");
        }
        std::fs::write(path, bytes).expect("write a test file");
    }
}

/// `wenku export --format jsonl` of `archive` into `dir/out.jsonl` (more arguments in
/// `extra`); the records it wrote, in order. Panics with stderr if the export fails.
pub fn export_jsonl(archive: &Path, dir: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let out = dir.join("out.jsonl");
    let mut args = vec!["export", "--format", "jsonl", "--force", "--out"];
    let out_str = out.to_str().expect("UTF-8 temporary path");
    args.push(out_str);
    args.extend_from_slice(extra);
    let r = wk(archive, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read_to_string(&out)
        .expect("the export file")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSONL record"))
        .collect()
}

/// A running `wenku serve` on any free loopback port, stopped when dropped.
pub struct Served {
    child: std::process::Child,
    /// The page's address as the server printed it (`http://127.0.0.1:PORT/`).
    pub url: String,
    /// `127.0.0.1:PORT`, for plain TCP clients.
    pub addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `wenku serve --bind 127.0.0.1:0` on `archive` and read the address it serves at.
pub fn serve(archive: &Path) -> Served {
    use std::io::BufRead;
    let mut c = wenku(archive);
    c.args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = c.spawn().expect("start wenku serve");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the serving line");
    let url = line
        .trim()
        .rsplit_once(" at ")
        .map(|(_, u)| u.to_string())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    Served { child, url, addr }
}
