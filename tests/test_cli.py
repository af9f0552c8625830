"""The command line, end to end, through click's runner."""

import json
import re

import pytest
from click.testing import CliRunner

from pagewash.cli import main
from tests.conftest import FIXTURES, REPO, build_corpus

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and len(main.commands[command].help or "") > 20
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"pagewash {command}" in readme
    for option in main.commands[command].params:
        for flag in option.opts:
            if flag.startswith("--") and flag != "--help":
                assert flag in readme, f"{flag} of 'pagewash {command}' is not in README.md"


def test_run_cleans_and_dedups_with_a_summary_line(tmp_path):
    root = tmp_path / "in"
    expected = build_corpus(root)
    (root / "copy.txt").write_bytes((root / "news" / "b.txt").read_bytes())
    result = CliRunner().invoke(main, ["run", str(root), "-o", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    ok = sum(1 for s in expected.values() if s == "ok") + 1
    assert re.search(rf"clean: {len(expected) + 1} files: {ok} ok, 1 empty, 1 skipped, 2 error", result.output)
    assert "dedup:" in result.output and "1 duplicates flagged" in result.output
    clusters = [json.loads(line) for line in (tmp_path / "out" / "clusters.jsonl").open(encoding="utf-8")]
    assert len(clusters) == ok
    assert {"id", "cluster", "duplicate_of", "similarity"} <= set(clusters[0])


def test_quiet_prints_nothing(tmp_path):
    build_corpus(tmp_path / "in")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0 and result.output == ""


def test_nothing_processable_is_a_failure(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_bytes(b"%PDF")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "nothing could be processed" in result.output


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["clean", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]).exit_code == 2
    assert runner.invoke(main, ["dedup", str(tmp_path)]).exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[nope]\n", encoding="utf-8")
    result = runner.invoke(main, ["clean", str(tmp_path), "-o", str(tmp_path / "o"), "--config", str(bad)])
    assert result.exit_code == 2 and "unknown key 'nope'" in result.output


def test_dedup_drop_writes_one_document_per_cluster(tmp_path):
    root = tmp_path / "in"
    build_corpus(root)
    (root / "copy.txt").write_bytes((root / "news" / "b.txt").read_bytes())
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["clean", str(root), "-o", str(out), "-q"]).exit_code == 0
    assert CliRunner().invoke(main, ["dedup", str(out), "--drop", "-q"]).exit_code == 0
    kept = [json.loads(line) for line in (out / "deduplicated.jsonl").open(encoding="utf-8")]
    documents = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(kept) == len(documents) - 1


def test_run_on_the_bundled_fixtures(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(FIXTURES / "pages"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (out / "manifest.jsonl").open(encoding="utf-8")]
    assert rows and all(row["status"] == "ok" for row in rows)


def test_outputs_get_the_usual_file_mode(tmp_path):
    """Temporary files start owner-only; the renamed outputs must be readable like any file."""
    import os
    import stat

    build_corpus(tmp_path / "in")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(out), "-q", "--drop"]).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    for name in ("manifest.jsonl", "documents.jsonl", "clusters.jsonl", "deduplicated.jsonl", "news/b.txt"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o666 & ~umask, name
