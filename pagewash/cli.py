"""The ``pagewash`` command: a thin layer over ``pagewash.batch`` and ``dedup``.

Library errors become one-line messages; exit status is 0 when the batch ran (even with
per-file errors, which are in the manifest), 1 when nothing could be processed, 2 for
usage errors.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import tqdm

from dedup import run_dedup
from pagewash import __version__
from pagewash.batch import DOCUMENTS, EMPTY, OK, clean_batch
from pagewash.config import Config, ConfigError, load_config, to_toml
from pagewash.inputs import discover

# tqdm's monitor thread would be forked into every worker process.
tqdm.tqdm.monitor_interval = 0


def _common(command):
    """Options every command shares."""
    command = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                           help="TOML file with any tunable ([batch], [clean.*], [dedup]); see README.")(command)
    command = click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")(command)
    return command


def _engine_options(command):
    command = click.option("--scheduler", default=None, metavar="ADDRESS",
                           help="With --engine dask: the scheduler to use (tcp://host:8786); "
                                "default: a LocalCluster of --jobs workers on this machine.")(command)
    command = click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
                           help="Run on local worker processes (default) or on a dask.distributed cluster.")(command)
    return command


def _batch_options(command):
    command = _engine_options(command)
    command = click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
                           help="Seconds one file may take before it is stopped and recorded as an error "
                                "(default 60).")(command)
    command = click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                           help="Worker processes (default: one per core; 0 = one per core).")(command)
    command = click.option("--output", "-o", "out_dir", required=True,
                           type=click.Path(file_okay=False, path_type=Path),
                           help="Output folder (created if needed; rerunning into it resumes).")(command)
    command = click.argument("inputs", nargs=-1, required=True,
                             type=click.Path(exists=True, path_type=Path))(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pagewash")
def main() -> None:
    """Clean raw web captures into article text and flag near-duplicate reprints."""


@main.command()
@_batch_options
@_common
def clean(inputs, out_dir, jobs, timeout, engine, scheduler, config_path, quiet):
    """Clean every capture under INPUTS (files or folders, recursive) into OUT.

    Writes OUT/<id>.txt (body, one paragraph a line), OUT/documents.jsonl and
    OUT/manifest.jsonl (one row per input with status, reason and audit trail).
    """
    config = _load(config_path, jobs=jobs, timeout=timeout, engine=engine, scheduler=scheduler)
    _run_clean(inputs, out_dir, config, quiet)


@main.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--drop", is_flag=True, help="Also write OUT/deduplicated.jsonl with one document per cluster.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: one per core; 0 = one per core).")
@_engine_options
@_common
def dedup(out_dir, drop, jobs, engine, scheduler, config_path, quiet):
    """Flag near-duplicate documents of OUT/documents.jsonl into OUT/clusters.jsonl.

    Writes one row per document: its cluster, the copy it duplicates (null for the kept
    copy), similarity, containment and why the kept copy was kept.
    """
    config = _load(config_path, jobs=jobs, engine=engine, scheduler=scheduler)
    with _client(config) as client:
        _run_dedup(out_dir, config, drop, quiet, client)


@main.command()
@_batch_options
@click.option("--drop", is_flag=True, help="Also write OUT/deduplicated.jsonl with one document per cluster.")
@_common
def run(inputs, out_dir, jobs, timeout, engine, scheduler, drop, config_path, quiet):
    """Clean INPUTS into OUT, then flag duplicates (clean + dedup)."""
    config = _load(config_path, jobs=jobs, timeout=timeout, engine=engine, scheduler=scheduler)
    with _client(config) as client:  # one cluster for both stages
        _run_clean(inputs, out_dir, config, quiet, client)
        _run_dedup(out_dir, config, drop, quiet, client)


@contextlib.contextmanager
def _client(config: Config) -> Iterator[Any]:
    """The Dask client of a run with ``engine = "dask"`` (None for the local engine)."""
    if config.batch.engine != "dask":
        yield None
        return
    from pagewash.dask_engine import dask_client

    with contextlib.ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(config.batch.scheduler or None, config.batch.worker_count()))
        except (RuntimeError, OSError) as error:
            raise click.ClickException(f"cannot use the dask engine: {error}") from None
        yield client


@main.command("config")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file to merge over the defaults before printing.")
def show_config(config_path):
    """Print the effective configuration as TOML: every tunable with its value.

    Save it, edit what you need and pass it back with --config FILE.
    """
    click.echo(to_toml(_load(config_path)), nl=False)


def _load(config_path: Path | None, **overrides) -> Config:
    try:
        return load_config(config_path, **overrides)
    except ConfigError as error:
        raise click.UsageError(str(error)) from None


def _run_clean(inputs, out_dir: Path, config: Config, quiet: bool, client=None) -> None:
    bar = None
    if not quiet and sys.stderr.isatty():
        total = sum(1 for found in discover(inputs, exclude=out_dir) if found.kind is not None)
        bar = tqdm.tqdm(total=total, unit="file", desc="clean", file=sys.stderr)
    try:
        summary = clean_batch(inputs, out_dir, config, progress=(lambda _status: bar.update()) if bar else None,
                              client=client)
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        click.echo(summary.line(), err=True)
    if summary.counts[OK] + summary.counts[EMPTY] == 0:
        raise click.ClickException(
            "nothing could be processed: " + ("no files found" if not summary.total else
                                              f"see {out_dir / 'manifest.jsonl'} for the reasons"))


def _run_dedup(out_dir: Path, config: Config, drop: bool, quiet: bool, client=None) -> None:
    if not (out_dir / DOCUMENTS).is_file():
        raise click.UsageError(f"{out_dir / DOCUMENTS} does not exist: run 'pagewash clean' into {out_dir} first")
    if client is not None:
        from dedup.dask_shuffle import run_dedup_on_dask

        summary = run_dedup_on_dask(out_dir, client, config.dedup, drop=drop)
    else:
        # The command line's --jobs / [batch] jobs sets the workers of both stages.
        dedup_config = dataclasses.replace(config.dedup, workers=config.batch.worker_count())
        summary = run_dedup(out_dir, dedup_config, drop=drop)
    if not quiet:
        click.echo(f"dedup: {summary.documents} documents, {summary.clusters} clusters of reprints, "
                   f"{summary.duplicates} duplicates flagged, largest cluster {summary.largest_cluster} "
                   f"in {summary.seconds:.1f} s", err=True)


if __name__ == "__main__":
    main()
