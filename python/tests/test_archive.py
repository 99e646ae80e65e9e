"""The Python Archive against the real `wenku` binary: same bytes, same records."""

from __future__ import annotations

import json
import pickle

import pytest

import wenku
from conftest import SEEDS, generated_corpus, make_archive


def export_lines(cli, archive, *args):
    return cli.run("export", "--format", "jsonl", "--out", "-", *args, archive=archive).stdout.decode().splitlines()


def test_read_gives_every_seed_byte_exact(cli, seed_archive, plugin_dirs):
    with wenku.Archive(seed_archive, plugin_dirs=plugin_dirs) as a:
        names = sorted(p.name for p in SEEDS.iterdir())
        assert a.keys() == names
        for name in names:
            assert a.read(name, raw=True) == (SEEDS / name).read_bytes()
            assert [v["version"] for v in a.versions(name)] == [1]


def test_iter_records_equals_export_jsonl_line_by_line(cli, seed_archive, plugin_dirs, tmp_path):
    corpus = generated_corpus(tmp_path / "gen")
    cli.run("import", corpus, "--prefix", "gen", archive=seed_archive)
    expected = export_lines(cli, seed_archive)
    news = export_lines(cli, seed_archive, "--prefix", "gen/news")
    raw = export_lines(cli, seed_archive, "--raw")
    assert len(expected) > 300
    # The archive is opened after the commands ran: one process holds it at a time.
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    assert list(a.iter_lines()) == expected
    assert list(a.iter_records()) == [json.loads(l) for l in expected]
    # A prefix, and raw text, as export gives them.
    assert list(a.iter_lines(prefix="gen/news")) == news
    assert list(a.iter_lines(with_=[])) == raw


def test_read_record_is_the_export_record(cli, seed_archive, plugin_dirs):
    expected = {json.loads(l)["id"]: json.loads(l) for l in export_lines(cli, seed_archive)}
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    for key in a.keys():
        record = a.read(key)
        verdict = record.pop("verdict")
        if key in expected:
            assert verdict == "kept"
            assert record == expected[key]
        else:
            assert verdict == "dropped" and record["text"] is None


def test_shards_are_disjoint_complete_and_equal_export_shards(cli, seed_archive, plugin_dirs, tmp_path):
    cli.run("import", generated_corpus(tmp_path / "gen"), "--prefix", "gen", archive=seed_archive)
    full = export_lines(cli, seed_archive)
    cli_parts = [export_lines(cli, seed_archive, "--shard", f"{i}/4") for i in range(4)]
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    parts = []
    for i in range(4):
        part = list(a.iter_lines(shard=(i, 4)))
        assert part == cli_parts[i]
        assert all(wenku.shard_of_key(json.loads(l)["id"], 4) == i for l in part)
        assert len(part) > 0
        parts.append(part)
    ids = [json.loads(l)["id"] for p in parts for l in p]
    assert len(ids) == len(set(ids))
    assert sorted(l for p in parts for l in p) == sorted(full)


def test_shard_hash_is_the_documented_one():
    import hashlib

    blake3 = pytest.importorskip("blake3")
    for key in ["a", "news/0001.html", "http://example.com/文"]:
        h = int.from_bytes(blake3.blake3(key.encode()).digest()[:8], "little")
        assert wenku.shard_of_key(key, 7) == h % 7
    del hashlib


def test_arrow_batches_hold_the_same_records(cli, seed_archive, plugin_dirs, tmp_path):
    pa = pytest.importorskip("pyarrow")
    cli.run("import", generated_corpus(tmp_path / "gen", 100), archive=seed_archive)
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    records = list(a.iter_records())
    table = a.to_arrow(batch_size=16)
    assert table.schema.names == ["id", "version", "text", "metadata"]
    assert table.schema.field("version").type == pa.uint32()
    rows = [dict(r, metadata=json.loads(r["metadata"])) for r in table.to_pylist()]
    assert rows == records
    assert [b.num_rows for b in a.iter_batches(batch_size=16)][0] <= 16


def test_errors_carry_the_cli_messages(cli, seed_archive, plugin_dirs, tmp_path):
    missing = tmp_path / "nowhere"
    p = cli.run("ls", archive=missing, check=False)
    with pytest.raises(wenku.WenkuError) as e:
        wenku.Archive(missing)
    assert p.stderr.decode().strip() == f"wenku: error: {e.value}"
    p = cli.run("cat", "no-such-key", archive=seed_archive, check=False)
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    with pytest.raises(wenku.WenkuError) as e:
        a.read("no-such-key", raw=True)
    assert p.stderr.decode().strip() == f"wenku: error: {e.value}"
    p = cli.run("export", "--format", "jsonl", "--out", "-", "--shard", "4/4", archive=seed_archive, check=False)
    with pytest.raises(wenku.WenkuError) as e:
        list(a.iter_records(shard=(4, 4)))
    assert p.stderr.decode().strip() == f"wenku: error: {e.value}"
    a.close()
    with pytest.raises(wenku.WenkuError, match="the archive is closed"):
        a.keys()


def test_import_records_and_parquet_round_trip(cli, seed_archive, plugin_dirs, tmp_path):
    pytest.importorskip("pyarrow")
    from wenku import _arrow

    src = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    records = list(src.iter_records())
    # Records imported through Python come back as the same text.
    dst = wenku.Archive(tmp_path / "copy.wenku", plugin_dirs=plugin_dirs, create=True)
    summary = dst.import_records(records)
    assert summary["new_documents"] == len(records) and summary["failed"] == []
    assert [r["text"] for r in dst.iter_records()] == [r["text"] for r in records]
    # A Parquet shard set, written per shard and imported as one.
    shards = tmp_path / "parquet"
    shards.mkdir()
    for i in range(3):
        _arrow.write_parquet(src.iter_batches(shard=(i, 3)), shards / f"part-{i}.parquet")
    pq_archive = wenku.Archive(tmp_path / "pq.wenku", plugin_dirs=plugin_dirs, create=True)
    pq_archive.import_parquet([shards])
    assert pq_archive.keys() == sorted(r["id"] for r in records)
    for r in records:
        assert pq_archive.read(r["id"], raw=True) == r["text"].encode()


def test_cli_imports_a_jsonl_shard_set(cli, seed_archive, tmp_path):
    shards = tmp_path / "jsonl"
    shards.mkdir()
    for i in range(4):
        cli.run("export", "--format", "jsonl", "--out", shards / f"part-{i}.jsonl", "--shard", f"{i}/4", archive=seed_archive)
    copy = tmp_path / "copy.wenku"
    cli.run("import", shards, "--exclude", "*.manifest.json", archive=copy)
    exported = [json.loads(l) for l in export_lines(cli, seed_archive)]
    keys = cli.run("ls", archive=copy).stdout.decode().split()
    assert sorted(keys) == sorted(r["id"] for r in exported)
    for r in exported:
        assert cli.run("cat", "--raw", r["id"], archive=copy).stdout == r["text"].encode()


def test_archive_pickles_by_path(seed_archive, plugin_dirs):
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    state = pickle.dumps(a)
    keys = a.keys()
    a.close()
    b = pickle.loads(state)
    assert b.keys() == keys


def test_two_archives_with_their_own_dictionaries_in_one_process(cli, plugin_dirs, tmp_path):
    # Each archive trains its own dictionary (700+ documents); reading both, interleaved,
    # on one thread gives each archive's own bytes.
    archives = []
    for n in range(2):
        corpus = generated_corpus(tmp_path / f"gen{n}", 700 + 50 * n)
        (corpus / "news" / "extra.html").write_text(f"<p>第{n}個</p>" * (100 + n), encoding="utf-8")
        a = make_archive(cli, tmp_path / f"a{n}.wenku", [corpus])
        archives.append((a, export_lines(cli, a)))
    opened = [(wenku.Archive(a, plugin_dirs=plugin_dirs), lines) for a, lines in archives]
    streams = [(a.iter_lines(), lines) for a, lines in opened]
    got = [[], []]
    for _ in range(800):
        for i, (it, _) in enumerate(streams):
            line = next(it, None)
            if line is not None:
                got[i].append(line)
    assert got == [lines for _, lines in archives]


def test_snapshot_and_stats_as_the_command_gives_them(cli, seed_archive, plugin_dirs):
    cli.run("snapshot", "create", "s1", archive=seed_archive)
    snap = export_lines(cli, seed_archive, "--snapshot", "s1")
    stats = json.loads(cli.run("--json", "stats", archive=seed_archive).stdout)
    a = wenku.Archive(seed_archive, plugin_dirs=plugin_dirs)
    assert list(a.iter_lines(snapshot="s1")) == snap
    got = a.stats()
    for k in ("documents", "versions", "blobs", "raw_bytes", "stored_bytes", "codecs"):
        assert got[k] == stats[k], k
    with pytest.raises(wenku.WenkuError, match="a snapshot pins its pipeline"):
        list(a.iter_records(snapshot="s1", with_=["spam-trim"]))
