"""The dedup pipeline end to end, and its two entry points.

``passes.fingerprint`` streams every document once into small arrays; ``index`` turns
shared keys into candidate pairs; ``passes.shingle_sets`` re-reads only the candidates;
``verify`` decides each pair on the shingle sets; ``cluster`` links and picks the copy
to keep. ``find_duplicates`` works on documents in memory, ``run_dedup`` on an output
folder's ``documents.jsonl``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from dedup.cluster import DocInfo, choose_kept, confirmed_content, link
from dedup.config import DedupConfig
from dedup.index import candidate_pairs, candidate_pairs_partitioned, unique_pairs
from dedup.passes import Fingerprints, Source, fingerprint, shingle_sets, workers
from dedup.verify import Verdict, memoised_compare
from pagewash.outputs import read_jsonl, write_lines_atomic


@dataclass(frozen=True)
class DedupSummary:
    """Counts of one dedup run (what the CLI prints at the end)."""

    documents: int
    clusters: int  #: clusters with at least two members
    duplicates: int  #: documents that are a copy of another (not kept)
    largest_cluster: int
    seconds: float
    too_short: int = 0  #: bodies below ``min_chars``, never compared
    exact_duplicates: int = 0  #: duplicates whose normalised text is identical to another's
    candidate_pairs: int = 0
    verified_pairs: int = 0
    #: wall-clock seconds of fingerprint (normalise+shingle+sign), index, shingle_sets,
    #: verify and cluster
    stage_seconds: dict[str, float] = field(default_factory=dict)


def _exact_representatives(fp: Fingerprints) -> np.ndarray:
    """For each document the first document with the same normalised text (itself if
    none); short documents are their own."""
    n = len(fp.infos)
    rep = np.arange(n)
    long_docs = np.flatnonzero(~fp.short)
    order = long_docs[np.argsort(fp.exact[long_docs], kind="stable")]
    keys = fp.exact[order]
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = keys[1:] != keys[:-1]
    first = order[new_group][np.cumsum(new_group) - 1]
    rep[order] = first
    return rep


#: Sentence anchors are paired in this many slices by key hash (exact; bounds the sort
#: buffers: ~50M anchors at 1M documents would otherwise need GBs at once).
ANCHOR_PARTITIONS = 8


def _candidates(fp: Fingerprints, is_rep: np.ndarray, config: DedupConfig) -> np.ndarray:
    """Pairs of exact-group representatives sharing an LSH band or enough sentence anchors."""
    reps = np.flatnonzero(is_rep).astype(np.int32)
    # One band at a time: a few MB of sort buffers per million documents instead of GBs.
    found = [
        candidate_pairs(fp.bands[reps, band], reps, 1, config.max_bucket) for band in range(config.lsh_bands)
    ]
    found.append(candidate_pairs_partitioned(
        fp.anchor_keys, fp.anchor_docs, is_rep[fp.anchor_docs], config.anchor_min_shared, config.max_bucket,
        ANCHOR_PARTITIONS,
    ))
    return unique_pairs(np.concatenate(found))


def _dedup(source: Source, config: DedupConfig) -> tuple[Iterator[dict], DedupSummary]:
    """Run the pipeline; returns the rows (a generator, in input order) and the summary."""
    clock = _Clock()
    pool = workers(config)
    try:
        fp = fingerprint(source, config, pool)
        n = len(fp.infos)
        clock.lap("fingerprint")
        rep = _exact_representatives(fp)
        is_rep = (rep == np.arange(n)) & ~fp.short
        pairs = _candidates(fp, is_rep, config)
        clock.lap("index")
        sets = shingle_sets(source, np.unique(pairs), config, pool)
        clock.lap("shingle_sets")
    finally:
        if pool is not None:
            pool.shutdown()

    verdict = memoised_compare(sets, config)
    edges = [(v.jaccard, v.containment, i, j) for i, j in pairs.tolist() if (v := verdict(i, j)).duplicate]
    clock.lap("verify")
    lengths = [info.length for info in fp.infos]
    roots = np.asarray(link(n, edges, lengths, lambda x, y: verdict(x, y).duplicate))
    kept_of, reasons, sizes = choose_kept_copies(roots[rep], rep, sets, fp.infos, config)
    clock.lap("cluster")

    def rows() -> Iterator[dict]:
        for doc, info in enumerate(fp.infos):
            kept = int(kept_of[doc])
            if kept < 0:
                yield result_row(info, bool(fp.short[doc]), None, None, None, config)
            elif kept == doc:
                yield result_row(info, False, info.id, None, reasons[doc], config)
            else:
                same_text = rep[doc] == rep[kept]
                v = Verdict(1.0, 1.0, True) if same_text else verdict(int(rep[doc]), int(rep[kept]))
                yield result_row(info, False, fp.infos[kept].id, v, None, config)

    summary = DedupSummary(
        documents=n,
        clusters=len(sizes),
        duplicates=int(sum(sizes) - len(sizes)),
        largest_cluster=max(sizes, default=0),
        seconds=clock.total(),
        too_short=int(fp.short.sum()),
        exact_duplicates=int(((rep != np.arange(n)) & ~fp.short).sum()),
        candidate_pairs=len(pairs),
        verified_pairs=len(edges),
        stage_seconds=clock.laps,
    )
    return rows(), summary


def choose_kept_copies(
    cluster: np.ndarray,
    rep: np.ndarray,
    sets: dict[int, np.ndarray],
    infos: list[DocInfo],
    config: DedupConfig,
) -> tuple[np.ndarray, dict[int, str], list[int]]:
    """For each document the kept copy of its cluster (-1 when alone), why each kept copy
    won, and the sizes of the clusters with two or more members."""
    kept_of = np.full(len(cluster), -1, dtype=np.int64)
    reasons: dict[int, str] = {}
    sizes: list[int] = []
    order = np.argsort(cluster, kind="stable")
    for group in np.split(order, np.flatnonzero(np.diff(cluster[order])) + 1):
        if len(group) < 2:
            continue
        texts = sorted(set(rep[group].tolist()))  # exact copies share one text
        completeness = None
        if len(texts) >= 3:
            confirmed = dict(zip(texts, confirmed_content([sets[t] for t in texts])))
            completeness = {int(m): confirmed[int(rep[m])] for m in group}
        kept, why = choose_kept(group.tolist(), infos, config, completeness)
        kept_of[group] = kept
        reasons[kept] = why
        sizes.append(len(group))
    return kept_of, reasons, sizes


class _Clock:
    """Wall-clock seconds per stage, for the summary (and the scale benchmark)."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = round(now - self.last, 3)
        self.last = now

    def total(self) -> float:
        return round(time.perf_counter() - self.start, 3)


def result_row(
    info: DocInfo,
    short: bool,
    kept_id: str | None,
    verdict: Verdict | None,
    kept_because: str | None,
    config: DedupConfig,
) -> dict:
    """The ``clusters.jsonl`` row of one document (every engine writes the same rows).

    ``kept_id`` is the id of its cluster's kept copy (None when it stands alone; its own
    id when it is the kept copy, with ``kept_because``); ``verdict`` compares a duplicate
    with the kept copy.
    """
    if kept_id is None:
        if short:
            why = f"too short to compare ({info.length} < {config.min_chars} characters)"
        else:
            why = "no duplicate found"
        return _row(info.id, info.id, None, None, None, why)
    if kept_id == info.id:
        return _row(info.id, info.id, None, 1.0, 1.0, kept_because)
    return _row(info.id, kept_id, kept_id, verdict.jaccard, verdict.containment, None)


def _row(doc_id, cluster, duplicate_of, similarity, containment, kept_because) -> dict:
    return {
        "id": doc_id,
        "cluster": cluster,
        "duplicate_of": duplicate_of,
        "similarity": similarity,
        "containment": containment,
        "kept_because": kept_because,
    }


def find_duplicates(documents: Iterable[Mapping], config: DedupConfig | None = None) -> list[dict]:
    """Flag near-duplicate reprints among ``{"id", "text", "metadata"}`` documents.

    Returns one row per document, in input order: ``cluster`` (the id of the copy kept
    for its cluster; its own id when alone), ``duplicate_of`` (None for a kept copy),
    ``similarity`` (shingle Jaccard to the kept copy, None when alone), ``containment``
    (share of the shorter of the two found in the longer) and ``kept_because`` (why the
    kept copy won, or why a document stands alone; None for a duplicate).

    Documents are held in memory; for large collections use ``run_dedup``, which streams.
    """
    docs = list(documents)
    rows, _ = _dedup(lambda: iter(docs), config or DedupConfig())
    return list(rows)


def run_dedup(out_dir: Path, config: DedupConfig | None = None, *, drop: bool = False) -> DedupSummary:
    """Dedup ``out_dir/documents.jsonl`` into ``out_dir/clusters.jsonl`` (streamed twice).

    With ``drop=True`` also writes ``out_dir/deduplicated.jsonl``: the input lines of every
    document that is not a duplicate (one per cluster, plus every unclustered document).
    Both files are written to a temporary file first and renamed, so a crash never leaves
    half a file. Nothing is deleted from ``documents.jsonl``.
    """
    out_dir = Path(out_dir)
    documents = out_dir / "documents.jsonl"
    start = time.perf_counter()
    rows, summary = _dedup(lambda: read_jsonl(documents), config or DedupConfig())
    write_results(out_dir, rows, drop=drop)
    seconds = round(time.perf_counter() - start, 3)
    stages = {**summary.stage_seconds, "write": round(seconds - summary.seconds, 3)}
    summary = replace(summary, seconds=seconds, stage_seconds=stages)
    return summary


def write_results(out_dir: Path, rows: Iterable[Mapping], *, drop: bool) -> None:
    """Write the rows (one per document of ``out_dir/documents.jsonl``, in its order) to
    ``clusters.jsonl`` and, with ``drop``, the non-duplicates to ``deduplicated.jsonl``;
    streamed, each file atomically."""
    lines = ((json.dumps(row, ensure_ascii=False) + "\n", row["duplicate_of"] is None) for row in rows)
    write_result_lines(out_dir, lines, drop=drop)


def write_result_lines(out_dir: Path, lines: Iterable[tuple[str, bool]], *, drop: bool) -> None:
    """``write_results`` for rows already serialised: ``(JSON line, kept)`` per document, so
    that an engine which builds the lines on its workers does not parse and redo them."""
    kept = bytearray()  # one flag per document: not a duplicate

    def records() -> Iterator[str]:
        for line, is_kept in lines:
            kept.append(is_kept)
            yield line

    write_lines_atomic(out_dir / "clusters.jsonl", records())
    if drop:
        flags = iter(kept)
        with (out_dir / "documents.jsonl").open(encoding="utf-8") as handle:
            lines_in = (line for line in handle if line.strip() and next(flags))
            write_lines_atomic(out_dir / "deduplicated.jsonl",
                               (l if l.endswith("\n") else l + "\n" for l in lines_in))
