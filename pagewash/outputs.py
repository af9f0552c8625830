"""Writing outputs so that no half-written file is ever visible.

Every file is written to a temporary name in its own folder and renamed into place
(``os.replace`` is atomic on one file system): a run killed at any moment leaves either
the old complete file or the new complete one, plus at most a ``.tmp`` that the next run
sweeps away.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

TMP_SUFFIX = ".pagewash-tmp"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: mkstemp creates files readable by their owner only; outputs get the usual mode.
_FILE_MODE = 0o666 & ~_current_umask()


def open_temporary(path: Path):
    """A temporary file beside ``path`` (same file system, so the rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    os.fchmod(fd, _FILE_MODE)
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n"), Path(tmp)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` (UTF-8) to ``path`` atomically, creating folders as needed."""
    handle, tmp = open_temporary(path)
    try:
        with handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_jsonl_atomic(path: Path, rows: Iterable[Mapping]) -> int:
    """Stream ``rows`` as JSON lines (UTF-8, not ASCII-escaped) into ``path`` atomically;
    return how many were written."""
    return write_lines_atomic(path, (json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


def write_lines_atomic(path: Path, lines: Iterable[str]) -> int:
    """Stream ``lines`` (each ending in a newline) into ``path`` atomically; return how
    many were written."""
    handle, tmp = open_temporary(path)
    count = 0
    try:
        with handle:
            for line in lines:
                handle.write(line)
                count += 1
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def read_jsonl(path: Path) -> Iterator[dict]:
    """Stream the rows of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def sweep_temporary_files(folder: Path) -> int:
    """Remove temporary files a killed run left under ``folder``; return how many."""
    removed = 0
    for tmp in folder.rglob(f"*{TMP_SUFFIX}"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed
