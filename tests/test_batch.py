"""The batch engine: every input accounted for, isolation, atomic outputs, resume."""

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pagewash.batch
from pagewash.batch import clean_batch
from pagewash.config import BatchConfig, Config
from tests.conftest import ARTICLE, SHARED, tree_digest


def manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_input_gets_one_row_with_its_status(corpus, tmp_path):
    root, expected = corpus
    out = tmp_path / "out"
    summary = clean_batch([root], out, Config())
    rows = manifest(out)
    assert {row["id"]: row["status"] for row in rows} == expected
    assert summary.total == len(expected)
    for row in rows:
        assert (row["reason"] is None) == (row["status"] == "ok")
        assert (row["output"] is not None) == (row["status"] in ("ok", "empty"))
    by_id = {row["id"]: row for row in rows}
    assert by_id["gbk/c.html"]["encoding"] == "gb18030"
    assert "gzip" in by_id["bad.html.gz"]["reason"] and "NUL" in by_id["bin.txt"]["reason"]
    assert "not a capture" in by_id["notes.pdf"]["reason"]


def test_outputs_are_text_files_and_loadable_jsonl(corpus, tmp_path):
    root, expected = corpus
    out = tmp_path / "out"
    clean_batch([root], out, Config())
    assert (out / "news" / "b.txt").read_text(encoding="utf-8").split("\n")[0] == ARTICLE.split("\n")[0]
    assert (out / "d.txt").is_file() and (out / "news" / "a.txt").is_file()
    documents = [json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")]
    assert sorted(d["id"] for d in documents) == sorted(i for i, s in expected.items() if s == "ok")
    for document in documents:
        assert set(document) == {"id", "text", "metadata"} and document["text"]
    raw = (out / "documents.jsonl").read_text(encoding="utf-8")
    assert "市政府" in raw and "\\u" not in raw
    assert not list(out.rglob("*.pagewash-tmp"))


def test_inputs_are_never_modified(corpus, tmp_path):
    root, _ = corpus
    before = tree_digest(root)
    clean_batch([root], tmp_path / "out", Config())
    clean_batch([root], tmp_path / "out", Config())
    assert tree_digest(root) == before


def test_output_inside_input_is_not_read_back(corpus):
    root, expected = corpus
    clean_batch([root], root / "out", Config())
    clean_batch([root], root / "out", Config())
    assert len(manifest(root / "out")) == len(expected)


def _hang_or_crash(data, **kwargs):
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if "HANG" in text:
        time.sleep(120)
    if "CRASH" in text:
        os._exit(9)
    return ORIGINAL_CLEAN(data, **kwargs)


ORIGINAL_CLEAN = pagewash.batch.clean_capture


def test_a_hanging_or_crashing_file_is_an_error_row_and_the_batch_goes_on(corpus, tmp_path, monkeypatch):
    root, expected = corpus
    (root / "hang.txt").write_text("HANG " + ARTICLE, encoding="utf-8")
    (root / "crash.txt").write_text("CRASH " + ARTICLE, encoding="utf-8")
    monkeypatch.setattr(pagewash.batch, "clean_capture", _hang_or_crash)  # inherited by forked workers
    config = Config(batch=BatchConfig(jobs=2, timeout=2))
    started = time.monotonic()
    summary = clean_batch([root], tmp_path / "out", config)
    assert time.monotonic() - started < 60
    rows = {row["id"]: row for row in manifest(tmp_path / "out")}
    assert rows["hang.txt"]["status"] == "error" and "timed out" in rows["hang.txt"]["reason"]
    assert rows["crash.txt"]["status"] == "error" and "died" in rows["crash.txt"]["reason"]
    assert summary.counts["ok"] == sum(1 for s in expected.values() if s == "ok")


def test_too_large_files_are_refused_unread(corpus, tmp_path):
    root, _ = corpus
    (root / "huge.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    clean_batch([root], tmp_path / "out", Config(batch=BatchConfig(max_bytes=4000)))
    rows = {row["id"]: row for row in manifest(tmp_path / "out")}
    assert rows["huge.html"]["status"] == "error" and "over the limit" in rows["huge.html"]["reason"]


def test_rerun_resumes_and_redoes_only_what_changed(corpus, tmp_path):
    root, expected = corpus
    out = tmp_path / "out"
    clean_batch([root], out, Config())
    second = clean_batch([root], out, Config())
    assert second.resumed == sum(1 for s in expected.values() if s in ("ok", "empty"))
    (root / "news" / "b.txt").write_text("新的正文内容。\n", encoding="utf-8")
    third = clean_batch([root], out, Config())
    assert third.resumed == second.resumed - 1
    assert (out / "news" / "b.txt").read_text(encoding="utf-8") == "新的正文内容。\n"
    changed = Config(clean=dataclasses.replace(Config().clean, repair=dataclasses.replace(
        Config().clean.repair, enabled=False)))
    assert clean_batch([root], out, changed).resumed == 0


def test_interrupted_run_resumes_to_one_complete_output_per_input(tmp_path):
    """Kill a real CLI run part-way (SIGKILL: no cleanup), rerun, compare with a clean run."""
    root = tmp_path / "in"
    for i in range(300):
        path = root / f"{i // 100}" / f"page{i:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"第{i}号通知\n\n{ARTICLE}\n", encoding="utf-8")
    out, reference = tmp_path / "out", tmp_path / "reference"
    command = [sys.executable, "-m", "pagewash.cli", "clean", str(root), "-o", str(out), "--jobs", "1", "-q"]
    process = subprocess.Popen(command, start_new_session=True)
    parts = out / ".pagewash" / "parts"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if parts.is_dir() and sum(1 for _ in parts.rglob("*.json")) >= 20:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_before = sum(1 for _ in parts.rglob("*.json"))
    assert 0 < done_before < 300, "the run was not interrupted part-way"

    subprocess.run(command, check=True)
    subprocess.run([*command[:6], str(reference), *command[7:]], check=True)
    rows = manifest(out)
    assert [row["id"] for row in rows] == [row["id"] for row in manifest(reference)]
    assert len({row["id"] for row in rows}) == 300 and all(row["status"] == "ok" for row in rows)
    for row in rows:
        assert (out / row["output"]).read_bytes() == (reference / row["output"]).read_bytes()
    assert (out / "documents.jsonl").read_bytes() == (reference / "documents.jsonl").read_bytes()
    assert not list(out.rglob("*.pagewash-tmp"))


@pytest.mark.skipif(not (SHARED / "seeds" / "raw").is_dir(), reason="../shared is absent")
def test_the_five_seeds_give_five_ok_rows(tmp_path):
    clean_batch([SHARED / "seeds" / "raw"], tmp_path / "out", Config())
    rows = manifest(tmp_path / "out")
    assert len(rows) == 5 and all(row["status"] == "ok" for row in rows)
    for row in rows:
        assert (tmp_path / "out" / row["id"]).stat().st_size > 0


def test_dask_engine_gives_the_same_outputs_as_the_local_engine(corpus, tmp_path):
    """A LocalCluster on loopback, started and stopped by the engine itself."""
    pytest.importorskip("distributed")
    root, _ = corpus
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    clean_batch([root], local, Config())
    clean_batch([root], on_dask, Config(batch=BatchConfig(engine="dask", jobs=2)))
    assert (on_dask / "documents.jsonl").read_bytes() == (local / "documents.jsonl").read_bytes()
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("seconds", "input")} for r in rows]  # noqa: E731
    assert strip(manifest(on_dask)) == strip(manifest(local))
