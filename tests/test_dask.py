"""The Dask dedup engine against the local one, on a LocalCluster on loopback."""

from __future__ import annotations

import json

import pytest

from bench.corpus import write_documents
from dedup import DedupConfig, run_dedup

distributed = pytest.importorskip("distributed")
pytest.importorskip("scipy")

from dedup.dask_shuffle import line_ranges, run_dedup_on_dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        yield client


def _corpus(folder, n=600, seed=3):
    """Generated articles with planted reprints, plus exact copies, a copy named original,
    short stubs and an empty body: every branch of the keep rule and of the rows."""
    path = write_documents(folder / "documents.jsonl", n, seed=seed, chars=400)
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    extra = []
    for k, doc in enumerate(docs[:: 37]):
        extra.append({"id": f"exact{k}", "text": doc["text"], "metadata": {"date": f"2020-01-{1 + k % 28:02d}"}})
    extra.append({"id": "orig", "text": docs[5]["text"], "metadata": {"source": "本站原创"}})
    # JSON keeps U+2028 raw: rows must still be split at newlines only
    extra.append({"id": "line\u2028separator", "text": docs[9]["text"] + "\u2028", "metadata": {}})
    extra += [{"id": f"stub{k}", "text": "短讯。" * k, "metadata": {}} for k in range(4)]
    mixed = docs[:300] + extra + docs[300:]
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in mixed), encoding="utf-8")
    return len(mixed)


def test_dask_dedup_gives_the_same_rows_as_the_local_engine(client, tmp_path):
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    n = _corpus(local)
    on_dask.mkdir()
    (on_dask / "documents.jsonl").write_bytes((local / "documents.jsonl").read_bytes())
    config = DedupConfig(workers=1)
    expected = run_dedup(local, config, drop=True)
    # Small ranges: many fingerprint tasks and shuffle buckets, clusters across ranges.
    got = run_dedup_on_dask(on_dask, client, config, drop=True, range_bytes=40_000)
    assert len(line_ranges(on_dask / "documents.jsonl", 40_000)) > 5
    local_rows = (local / "clusters.jsonl").read_text(encoding="utf-8").split("\n")
    dask_rows = (on_dask / "clusters.jsonl").read_text(encoding="utf-8").split("\n")
    assert len(dask_rows) == n + 1 and dask_rows[-1] == ""  # one line per document
    assert dask_rows == local_rows
    assert (on_dask / "deduplicated.jsonl").read_bytes() == (local / "deduplicated.jsonl").read_bytes()
    assert expected.duplicates > 50 and expected.exact_duplicates > 10  # the corpus has work to do
    for field in ("documents", "clusters", "duplicates", "largest_cluster", "too_short", "exact_duplicates",
                  "candidate_pairs", "verified_pairs"):
        assert getattr(got, field) == getattr(expected, field), field


def test_line_ranges_cover_every_line_once(tmp_path):
    path = tmp_path / "documents.jsonl"
    path.write_text("".join(f'{{"id": "{k}", "text": "{"字" * (k % 17)}"}}\n' for k in range(500)), encoding="utf-8")
    ranges = line_ranges(path, 1000)
    assert ranges[0][0] == 0 and ranges[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    data = path.read_bytes()
    assert all(data[end - 1 : end] == b"\n" for _, end in ranges)


def test_cli_dedup_on_dask_writes_the_local_rows(tmp_path):
    """``pagewash dedup --engine dask`` starts its own LocalCluster (loopback) and stops it."""
    from click.testing import CliRunner

    from pagewash.cli import main

    local, on_dask = tmp_path / "local", tmp_path / "dask"
    _corpus(local, n=200, seed=5)
    on_dask.mkdir()
    (on_dask / "documents.jsonl").write_bytes((local / "documents.jsonl").read_bytes())
    assert CliRunner().invoke(main, ["dedup", str(local), "-q", "--jobs", "1"]).exit_code == 0
    result = CliRunner().invoke(main, ["dedup", str(on_dask), "-q", "--jobs", "2", "--engine", "dask"])
    assert result.exit_code == 0, result.output
    assert (on_dask / "clusters.jsonl").read_bytes() == (local / "clusters.jsonl").read_bytes()
