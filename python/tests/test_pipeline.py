"""Pipeline.apply against `wenku filter`."""

from __future__ import annotations

import pickle
import threading

import pytest

import wenku
from conftest import PLUGINS, SEEDS


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.iterdir()))
def test_apply_equals_wenku_filter(cli, plugin_dirs, seed):
    data = (SEEDS / seed).read_bytes()
    p = wenku.Pipeline(PLUGINS, plugin_dirs=plugin_dirs)
    out = cli.run("filter", "--with", ",".join(PLUGINS), input=data)
    got = p.apply(data)
    if got["verdict"] == "kept":
        assert got["bytes"] == out.stdout
        assert got["text"] == out.stdout.decode()
    else:
        assert out.stdout == b""


def test_settings_and_single_plugins_equal_wenku_filter(cli, plugin_dirs):
    data = (SEEDS / sorted(p.name for p in SEEDS.iterdir())[3]).read_bytes()
    p = wenku.Pipeline(["script-convert"], config={"script-convert": {"config": "s2t"}}, plugin_dirs=plugin_dirs)
    out = cli.run("filter", "--with", "script-convert", "--set", "script-convert.config=s2t", input=data)
    assert p.apply(data)["bytes"] == out.stdout
    q = wenku.Pipeline(["script-convert"], config={"script-convert.config": "s2t"}, plugin_dirs=plugin_dirs)
    assert q.apply(data)["bytes"] == out.stdout


def test_apply_batch_equals_apply_in_order(plugin_dirs):
    p = wenku.Pipeline(PLUGINS, plugin_dirs=plugin_dirs)
    inputs = [f.read_bytes() for f in sorted(SEEDS.iterdir())] * 5
    assert p.apply_batch(inputs) == [p.apply(x) for x in inputs]


def test_pipeline_pickles_by_its_spec(plugin_dirs):
    p = wenku.Pipeline(["script-convert"], config={"script-convert": {"config": "t2s"}}, plugin_dirs=plugin_dirs)
    q = pickle.loads(pickle.dumps(p))
    assert (q.plugins, q.config) == (["script-convert"], {"script-convert": {"config": "t2s"}})
    assert q.apply("漢字".encode())["text"] == "汉字"


def test_plugin_errors_carry_the_cli_messages(cli, plugin_dirs):
    out = cli.run("filter", "--with", "script-convert", "--set", "script-convert.nope=1", input=b"x", check=False)
    with pytest.raises(wenku.WenkuError) as e:
        wenku.Pipeline(["script-convert"], config={"script-convert": {"nope": "1"}}, plugin_dirs=plugin_dirs)
    assert out.stderr.decode().strip() == f"wenku: error: {e.value}"
    out = cli.run("filter", "--with", "no-such-plugin", input=b"x", check=False)
    with pytest.raises(wenku.WenkuError) as e:
        wenku.Pipeline(["no-such-plugin"], plugin_dirs=plugin_dirs)
    # The message goes on to list the directories searched, which include the running
    # program's own (wenku's or python's): the sentence before that list is the same.
    first = out.stderr.decode().split(" searched", 1)[0]
    assert first.startswith("wenku: error: ") and len(first) > 30
    assert str(e.value).startswith(first[len("wenku: error: "):] + " searched")


def test_two_threads_share_one_pipeline(plugin_dirs):
    # Two Python threads each running a batch on one pipeline (the calls let go of the
    # GIL, so they overlap) get the results one thread gets.
    p = wenku.Pipeline(PLUGINS, plugin_dirs=plugin_dirs)
    inputs = [f.read_bytes() for f in sorted(SEEDS.iterdir())] * 4
    expected = p.apply_batch(inputs)
    results = [None, None]

    def work(i):
        results[i] = p.apply_batch(inputs)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected, expected]
