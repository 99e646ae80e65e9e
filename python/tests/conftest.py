"""Test setup: the real `wenku` binary and plugin libraries, built once per run with
cargo into the workspace's target directory (or taken from WENKU_BIN_DIR), and archives
made from the seeds kept in the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"
PLUGINS = ["encoding-repair", "spam-trim", "script-convert"]


def _bin_dir() -> Path:
    given = os.environ.get("WENKU_BIN_DIR")
    if given:
        return Path(given)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    subprocess.run(
        ["cargo", "build", "-q", "-p", "wenku"] + [arg for p in PLUGINS for arg in ("-p", f"wenku-{p}")],
        cwd=ROOT,
        check=True,
    )
    return target / "debug"


@pytest.fixture(scope="session")
def bin_dir() -> Path:
    return _bin_dir()


class Cli:
    """Runs the real `wenku` binary with the built plugins."""

    def __init__(self, bin_dir: Path):
        self.exe = bin_dir / "wenku"
        self.bin_dir = bin_dir

    def run(self, *args, archive=None, input=None, check=True) -> subprocess.CompletedProcess:
        cmd = [str(self.exe), "-q"]
        if archive is not None:
            cmd += ["-A", str(archive)]
        cmd += [str(a) for a in args]
        env = dict(os.environ, WENKU_PLUGIN_PATH=str(self.bin_dir))
        p = subprocess.run(cmd, input=input, capture_output=True, env=env)
        if check and p.returncode != 0:
            raise AssertionError(f"{cmd} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
        return p


@pytest.fixture(scope="session")
def cli(bin_dir) -> Cli:
    return Cli(bin_dir)


@pytest.fixture(scope="session")
def plugin_dirs(bin_dir):
    return [str(bin_dir)]


def make_archive(cli: Cli, path: Path, sources, plugins=PLUGINS) -> Path:
    cli.run("import", *sources, archive=path)
    for p in plugins:
        cli.run("plugin", "enable", p, archive=path)
    return path


@pytest.fixture
def seed_archive(cli, tmp_path) -> Path:
    return make_archive(cli, tmp_path / "seeds.wenku", [SEEDS])


def generated_corpus(dir: Path, n: int = 400) -> Path:
    """Generated pages: HTML with boilerplate and spam, Traditional and Simplified text,
    some in GBK, under a few prefixes, so shards and pipelines have work to do."""
    dir.mkdir(parents=True, exist_ok=True)
    trad = "這是一篇關於經濟發展的報導，記者在現場採訪了多位專家。"
    simp = "这是一篇关于教育改革的文章，作者分析了城市与农村的差异。"
    for i in range(n):
        site = ["news", "blog", "forum", "wiki"][i % 4]
        body = (trad if i % 2 else simp) * (1 + i % 5)
        html = (
            f"<html><head><title>第{i}篇</title><style>p{{}}</style></head><body>"
            f"<p>{body}</p><p>編輯：王{i % 7}</p><p>版權所有 2020 example</p></body></html>"
        )
        data = html.encode("gbk") if i % 9 == 0 else html.encode("utf-8")
        sub = dir / site
        sub.mkdir(exist_ok=True)
        (sub / f"{i:04}.html").write_bytes(data)
    return dir
