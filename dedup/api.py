"""find_duplicates / run_dedup. Foundation version: exact duplicates of the normalised body."""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from dedup.config import DedupConfig

_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class DedupSummary:
    documents: int
    clusters: int
    duplicates: int
    largest_cluster: int
    seconds: float


def find_duplicates(documents: Iterable[Mapping], config: DedupConfig | None = None) -> list[dict]:
    """One row per document: the first document with a given normalised body is kept."""
    config = config or DedupConfig()
    first: dict[str, str] = {}
    rows = []
    for doc in documents:
        key = _NOT_WORD.sub("", unicodedata.normalize("NFKC", doc["text"]).casefold())
        kept = first.setdefault(key, doc["id"]) if len(key) >= config.min_chars else doc["id"]
        duplicate = kept != doc["id"]
        rows.append({"id": doc["id"], "cluster": kept, "duplicate_of": kept if duplicate else None,
                     "similarity": 1.0 if duplicate else None, "containment": 1.0 if duplicate else None,
                     "kept_because": None if duplicate else "first in input order"})
    return rows


def run_dedup(out_dir: Path, config: DedupConfig | None = None, *, drop: bool = False) -> DedupSummary:
    """Read ``out_dir/documents.jsonl``, write ``out_dir/clusters.jsonl``."""
    start = time.monotonic()
    rows = find_duplicates(_read_jsonl(out_dir / "documents.jsonl"), config)
    _write_jsonl(out_dir / "clusters.jsonl", rows)
    if drop:
        keep = {row["id"] for row in rows if row["duplicate_of"] is None}
        _write_jsonl(out_dir / "deduplicated.jsonl",
                     (d for d in _read_jsonl(out_dir / "documents.jsonl") if d["id"] in keep))
    sizes: dict[str, int] = {}
    for row in rows:
        sizes[row["cluster"]] = sizes.get(row["cluster"], 0) + 1
    multi = [n for n in sizes.values() if n > 1]
    return DedupSummary(len(rows), len(multi), sum(multi) - len(multi), max(multi, default=0),
                        time.monotonic() - start)


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _write_jsonl(path: Path, rows: Iterable[Mapping]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
