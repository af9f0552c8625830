"""The batch engine: clean every capture under the INPUT paths into an output folder.

Layout of ``OUT``::

    OUT/<id with suffix .txt>    the cleaned body of each ok (or empty) capture
    OUT/documents.jsonl          {"id", "text", "metadata"} per ok capture
    OUT/manifest.jsonl           one row per input: status, reason, metadata, audit trail
    OUT/.pagewash/parts/...      one JSON record per finished input (resume state)

Text captures are first surveyed, all of them, in parallel (``clean.templates``): lines
that many captures with articles of their own print are the site's template, and each
capture is cleaned knowing its template lines. Then workers clean files in parallel (``pagewash.workers``: killable, per-file deadline) and
each writes its ``.txt`` and then its part record, both atomically; the record is the
completion marker. A rerun over the same ``OUT`` skips inputs whose record matches the
input's bytes (SHA-1), the cleaning config and the capture's template lines, and redoes
the rest (errors included).
At the end the manifest and documents files are assembled from the records in input
order, streamed, so memory stays flat in the number of files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from clean.capture import TEXT, read_raw, unpack
from clean.config import CleanConfig
from clean.errors import CaptureError
from clean.pipeline import clean_capture, survey_capture
from clean.templates import Survey, find_templates
from pagewash.config import Config, fingerprint
from pagewash.inputs import InputFile, discover
from pagewash.outputs import open_temporary, sweep_temporary_files, write_atomic, write_jsonl_atomic
from pagewash.workers import ERROR, run_tasks

OK, EMPTY, SKIPPED = "ok", "empty", "skipped"
STATUSES = (OK, EMPTY, SKIPPED, ERROR)
STATE_DIR = ".pagewash"
MANIFEST = "manifest.jsonl"
DOCUMENTS = "documents.jsonl"
READABLE = ".html .htm .xhtml .txt, optionally .gz"


@dataclass(frozen=True)
class CleanTask:
    """What a worker needs to clean one input (picklable, small)."""

    input: InputFile
    out_dir: Path
    config: CleanConfig
    config_key: str
    max_bytes: int
    #: The capture's site template lines (``{line key: captures printing it}``).
    templates: Mapping[int, int] = dataclasses.field(default_factory=dict)

    @property
    def templates_key(self) -> str | None:
        """A short digest of which lines are the capture's template (not how many print
        them, so a batch that grows by a few pages does not redo every page of the site)."""
        if not self.templates:
            return None
        return hashlib.sha1(",".join(map(str, sorted(self.templates))).encode("ascii")).hexdigest()[:16]


@dataclass(frozen=True)
class SurveyTask:
    """What a worker needs to survey one text capture's lines (first pass)."""

    index: int
    input: InputFile
    config: CleanConfig
    max_bytes: int


@dataclass
class BatchSummary:
    """Counts of a finished ``clean`` batch."""

    counts: Counter
    resumed: int
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        parts = ", ".join(f"{self.counts[s]} {s}" for s in STATUSES)
        resumed = f" ({self.resumed} up to date from an earlier run)" if self.resumed else ""
        return f"clean: {self.total} files: {parts}{resumed} in {self.seconds:.1f} s"


def clean_batch(inputs: Iterable[Path], out_dir: Path, config: Config, *, progress=None,
                client=None) -> BatchSummary:
    """Clean every capture under ``inputs`` into ``out_dir``; see the module docstring.

    ``progress``, if given, is called once per finished input with its status. With
    ``config.batch.engine == "dask"`` the files are cleaned on the cluster of ``client``
    (or of a cluster started for this call, see ``pagewash.dask_engine``).
    """
    start = time.monotonic()
    inputs = [Path(p) for p in inputs]
    out_dir.mkdir(parents=True, exist_ok=True)
    sweep_temporary_files(out_dir)
    config_key = fingerprint(config.clean)
    resumed = 0
    with contextlib.ExitStack() as stack:
        run = _runner(config, client, stack)
        found = [item for item in discover(inputs, exclude=out_dir) if item.kind is not None]
        templates = _site_templates(found, config, run)
        tasks = (
            CleanTask(item, out_dir, config.clean, config_key, config.batch.max_bytes, lines)
            for item, lines in zip(found, templates)
        )
        outcomes = run(clean_one, tasks)
        for task, outcome in outcomes:
            if outcome.status == ERROR:
                _write_part(task, _row(task, ERROR, outcome.error), None)
                status = ERROR
            else:
                status, was_resumed = outcome.value
                resumed += was_resumed
            if progress is not None:
                progress(status)
    counts: Counter = Counter()
    _write_outputs(out_dir, _manifest_rows(discover(inputs, exclude=out_dir), out_dir, counts))
    return BatchSummary(counts, resumed, time.monotonic() - start)


def _runner(config: Config, client, stack: contextlib.ExitStack):
    """``run(func, tasks)`` on the configured engine: worker processes here, or the Dask
    cluster of ``client`` (one started for this batch and closed by ``stack`` if None)."""
    limits = {"timeout": config.batch.timeout, "memory_mb": config.batch.worker_memory_mb}
    if config.batch.engine == "dask":
        from pagewash.dask_engine import dask_client, run_tasks_on_dask

        if client is None:
            client = stack.enter_context(dask_client(config.batch.scheduler, config.batch.worker_count()))
        return functools.partial(run_tasks_on_dask, client, **limits)
    return functools.partial(run_tasks, jobs=config.batch.worker_count(), **limits)


def _site_templates(found: list[InputFile], config: Config, run) -> list[dict[int, int]]:
    """Each input's site template lines (``clean.templates``), from a survey of every text
    capture run on the workers; an input that cannot be surveyed has no lines (its
    cleaning reports the error)."""
    settings = config.clean.templates
    texts = [i for i, item in enumerate(found) if item.kind == TEXT]
    if not settings.enabled or len(texts) < settings.min_captures:
        return [{} for _ in found]
    surveys = {i: Survey.empty() for i in texts}
    tasks = (SurveyTask(i, found[i], config.clean, config.batch.max_bytes) for i in texts)
    for task, outcome in run(survey_one, tasks):
        if outcome.status != ERROR:
            surveys[task.index] = outcome.value
    lines = find_templates([surveys[i] for i in texts], settings)
    templates: list[dict[int, int]] = [{} for _ in found]
    for i, capture_lines in zip(texts, lines):
        templates[i] = capture_lines
    return templates


def survey_one(task: SurveyTask) -> Survey:
    """Survey one text capture's lines (runs in a worker)."""
    try:
        data = unpack(read_raw(task.input.path, task.max_bytes), task.input.path.name, task.max_bytes)
        return survey_capture(data, kind=task.input.kind, config=task.config)
    except (CaptureError, OSError):
        return Survey.empty()


def clean_one(task: CleanTask) -> tuple[str, bool]:
    """Clean one input and record it (runs in a worker). Returns (status, resumed)."""
    started = time.monotonic()
    path = task.input.path
    try:
        raw = read_raw(path, task.max_bytes)
    except (CaptureError, OSError) as error:
        row = _row(task, ERROR, _describe(error))
        _write_part(task, row, None)
        return ERROR, False
    sha1 = hashlib.sha1(raw).hexdigest()
    previous = _read_part(task)
    if previous and _up_to_date(previous["manifest"], sha1, task):
        return previous["manifest"]["status"], True
    row = _row(task, ERROR, None, bytes=len(raw), sha1=sha1)
    document = None
    try:
        data = unpack(raw, path.name, task.max_bytes)
        result = clean_capture(data, kind=task.input.kind, config=task.config, templates=task.templates)
    except CaptureError as error:
        row["reason"] = _describe(error)
    else:
        row.update(
            status=result.status, reason=result.reason, kind=result.kind, encoding=result.encoding,
            metadata=result.metadata, removed=[dataclasses.asdict(r) for r in result.removed],
            repairs=[dataclasses.asdict(r) for r in result.repairs], residual_damage=result.residual_damage,
        )
        write_atomic(task.out_dir / task.input.output, result.text + "\n" if result.text else "")
        if result.status == OK:
            document = {"id": task.input.id, "text": result.text,
                        "metadata": {**result.metadata, "source_path": str(path)}}
    row["seconds"] = round(time.monotonic() - started, 4)
    _write_part(task, row, document)
    return row["status"], False


def _describe(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"cannot read file: {error.strerror or error}"
    return str(error)


def _row(task: CleanTask, status: str, reason: str | None, **fields) -> dict:
    return {"id": task.input.id, "input": str(task.input.path), "status": status, "reason": reason,
            "output": task.input.output if status in (OK, EMPTY) else None, "kind": task.input.kind,
            "config": task.config_key, "templates": task.templates_key, **fields}


def _up_to_date(row: dict, sha1: str, task: CleanTask) -> bool:
    if row.get("sha1") != sha1 or row.get("config") != task.config_key or row["status"] not in (OK, EMPTY):
        return False
    if row.get("templates") != task.templates_key:
        return False
    return (task.out_dir / task.input.output).is_file()


def _part_path(out_dir: Path, found: InputFile) -> Path:
    return out_dir / STATE_DIR / "parts" / (found.output + ".json")


def _read_part(task: CleanTask) -> dict | None:
    try:
        return json.loads(_part_path(task.out_dir, task.input).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_part(task: CleanTask, row: dict, document: dict | None) -> None:
    if row["status"] not in (OK, EMPTY):
        (task.out_dir / task.input.output).unlink(missing_ok=True)
    row["output"] = task.input.output if row["status"] in (OK, EMPTY) else None
    write_atomic(_part_path(task.out_dir, task.input),
                 json.dumps({"manifest": row, "document": document}, ensure_ascii=False))


def _manifest_rows(found: Iterator[InputFile], out_dir: Path, counts: Counter) -> Iterator[dict]:
    """One manifest row per input, in input order, each carrying its document (if any)."""
    for item in found:
        if item.kind is None:
            row = {"id": item.id, "input": str(item.path), "status": SKIPPED, "output": None,
                   "reason": f"not a capture pagewash reads (it reads {READABLE})"}
            document = None
        else:
            try:
                part = json.loads(_part_path(out_dir, item).read_text(encoding="utf-8"))
                row, document = part["manifest"], part["document"]
            except (OSError, ValueError, KeyError):
                row = {"id": item.id, "input": str(item.path), "status": ERROR, "output": None,
                       "reason": "no result was recorded for this file (the run was interrupted)"}
                document = None
        counts[row["status"]] += 1
        row["_document"] = document
        yield row


def _write_outputs(out_dir: Path, rows: Iterator[dict]) -> None:
    """Write manifest.jsonl and documents.jsonl, each atomically, from one pass over the rows."""
    documents, documents_tmp = open_temporary(out_dir / DOCUMENTS)
    try:
        with documents:
            def manifest_rows() -> Iterator[dict]:
                for row in rows:
                    document = row.pop("_document")
                    if document is not None:
                        documents.write(json.dumps(document, ensure_ascii=False) + "\n")
                    yield row
            write_jsonl_atomic(out_dir / MANIFEST, manifest_rows())
        os.replace(documents_tmp, out_dir / DOCUMENTS)
    except BaseException:
        documents_tmp.unlink(missing_ok=True)
        raise


__all__ = ["BatchSummary", "CleanTask", "clean_batch", "clean_one", "STATUSES"]
