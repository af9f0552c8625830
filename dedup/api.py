"""The dedup pipeline end to end: two streaming passes over the documents.

Pass 1 normalises, shingles and signs every document in numpy batches and keeps only
small arrays (exact-text hash, LSH band keys, sentence-anchor keys, keep-rule facts).
Index turns shared keys into candidate pairs. Pass 2 re-reads only the candidates and
builds their shingle sets, which verify and cluster need. Texts and shingle sets of the
other documents are never held, so memory grows with the number of candidates, not of
characters.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

import numpy as np
import xxhash

from dedup.cluster import DocInfo, choose_kept, doc_info, link
from dedup.config import DedupConfig
from dedup.index import band_keys, candidate_pairs
from dedup.normalise import normalise
from dedup.shingle import batch_shingle_hashes, sorted_unique
from dedup.sign import permutations, signatures
from dedup.verify import Verdict, compare

Source = Callable[[], Iterator[Mapping]]


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


@dataclass
class _Fingerprints:
    """What pass 1 keeps per document: small fixed-size values, no text."""

    infos: list[DocInfo]
    short: np.ndarray  # bool per document
    exact: np.ndarray  # uint64 hash of the normalised text
    bands: np.ndarray  # uint64 (documents, bands); rows of short documents unused
    anchor_keys: np.ndarray  # uint64 sentence hashes ...
    anchor_docs: np.ndarray  # ... and the document each belongs to


def _batches(docs: Iterable, size: int) -> Iterator[list]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def _map(function: Callable, batches: Iterable[list], config: DedupConfig) -> Iterator:
    """``map(function, batches)`` in order, on ``config.workers`` processes when > 1, with
    at most two batches per worker in flight so that the input is streamed, not loaded."""
    if config.workers == 1:
        yield from map(function, batches)
        return
    with ProcessPoolExecutor(config.workers) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.submit(function, batch))
            if len(pending) >= 2 * config.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _fingerprint_batch(batch: list[Mapping], config: DedupConfig) -> _Fingerprints:
    """Pass 1 on one batch (a pure function, so that it can run in a worker process)."""
    infos, short, exact, texts, anchor_keys, anchor_docs = [], [], [], [], [], []
    for number, doc in enumerate(batch):
        norm = normalise(doc.get("text") or "", config)
        infos.append(doc_info(str(doc["id"]), len(norm.text), doc.get("metadata") or {}, config))
        short.append(len(norm.text) < config.min_chars)
        exact.append(xxhash.xxh3_64_intdigest(norm.text.encode("utf-8")))
        texts.append("" if short[-1] else norm.text)
        for sentence in norm.sentences if not short[-1] else ():
            if len(sentence) >= config.anchor_min_chars:
                anchor_keys.append(xxhash.xxh3_64_intdigest(sentence.encode("utf-8")))
                anchor_docs.append(number)
    hashes, offsets = batch_shingle_hashes(texts, config.shingle_size, config.hash_seed)
    sigs = signatures(hashes, offsets, permutations(config.num_perm, config.perm_seed))
    return _Fingerprints(
        infos,
        np.array(short, dtype=bool),
        np.array(exact, dtype=np.uint64),
        band_keys(sigs, config.lsh_bands, config.lsh_rows),
        np.array(anchor_keys, dtype=np.uint64),
        np.array(anchor_docs, dtype=np.int64),
    )


def _fingerprint(source: Source, config: DedupConfig) -> _Fingerprints:
    infos: list[DocInfo] = []
    seen: set[str] = set()
    short, exact, bands, anchor_keys, anchor_docs = [], [], [], [], []
    for part in _map(partial(_fingerprint_batch, config=config), _batches(source(), config.batch_docs), config):
        for info in part.infos:
            if info.id in seen:
                raise ValueError(f"document id {info.id!r} occurs twice")
            seen.add(info.id)
        short.append(part.short)
        exact.append(part.exact)
        bands.append(part.bands)
        anchor_keys.append(part.anchor_keys)
        anchor_docs.append(part.anchor_docs + len(infos))
        infos.extend(part.infos)
    if not infos:
        empty = np.zeros(0, dtype=np.uint64)
        return _Fingerprints([], np.zeros(0, bool), empty, np.zeros((0, config.lsh_bands), np.uint64), empty, np.zeros(0, np.int64))
    return _Fingerprints(
        infos,
        np.concatenate(short),
        np.concatenate(exact),
        np.concatenate(bands),
        np.concatenate(anchor_keys),
        np.concatenate(anchor_docs),
    )


def _exact_representatives(fp: _Fingerprints) -> np.ndarray:
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


def _candidates(fp: _Fingerprints, is_rep: np.ndarray, config: DedupConfig) -> np.ndarray:
    reps = np.flatnonzero(is_rep)
    lsh = candidate_pairs(fp.bands[reps], np.repeat(reps, config.lsh_bands), 1, config.max_bucket)
    mask = is_rep[fp.anchor_docs] if len(fp.anchor_docs) else np.zeros(0, dtype=bool)
    anchors = candidate_pairs(
        fp.anchor_keys[mask], fp.anchor_docs[mask], config.anchor_min_shared, config.max_bucket, star=False
    )
    pairs = np.concatenate([lsh, anchors])
    codes = np.unique((pairs[:, 0] << 31) | pairs[:, 1])
    return np.stack([codes >> 31, codes & ((1 << 31) - 1)], axis=1)


def _shingle_set_batch(batch: list[tuple[int, Mapping]], config: DedupConfig) -> list[tuple[int, np.ndarray]]:
    texts = [normalise(doc.get("text") or "", config).text for _, doc in batch]
    hashes, offsets = batch_shingle_hashes(texts, config.shingle_size, config.hash_seed)
    return [(n, sorted_unique(hashes[offsets[k] : offsets[k + 1]])) for k, (n, _) in enumerate(batch)]


def _shingle_sets(source: Source, wanted: np.ndarray, config: DedupConfig) -> dict[int, np.ndarray]:
    """Pass 2: the shingle sets of the ``wanted`` documents only."""
    wanted_set = set(wanted.tolist())
    chosen = ((n, doc) for n, doc in enumerate(source()) if n in wanted_set)
    sets: dict[int, np.ndarray] = {}
    for part in _map(partial(_shingle_set_batch, config=config), _batches(chosen, config.batch_docs), config):
        sets.update(part)
    return sets


def _dedup(source: Source, config: DedupConfig) -> tuple[list[dict], DedupSummary]:
    start = time.perf_counter()
    fp = _fingerprint(source, config)
    n = len(fp.infos)
    rep = _exact_representatives(fp)
    is_rep = (rep == np.arange(n)) & ~fp.short
    pairs = _candidates(fp, is_rep, config)
    sets = _shingle_sets(source, np.unique(pairs), config)

    verdicts: dict[tuple[int, int], Verdict] = {}

    def verdict(x: int, y: int) -> Verdict:
        key = (min(x, y), max(x, y))
        if key not in verdicts:
            verdicts[key] = compare(sets[key[0]], sets[key[1]], config)
        return verdicts[key]

    edges = []
    for i, j in pairs.tolist():
        v = verdict(i, j)
        if v.duplicate:
            edges.append((v.jaccard, v.containment, i, j))
    lengths = [info.length for info in fp.infos]
    roots = link(n, edges, lengths, lambda x, y: verdict(x, y).duplicate)

    members: dict[int, list[int]] = {}
    for doc in range(n):
        members.setdefault(roots[rep[doc]], []).append(doc)
    rows: list[dict] = [{} for _ in range(n)]
    for group in members.values():
        if len(group) == 1:
            doc = group[0]
            info = fp.infos[doc]
            why = (
                f"too short to compare ({info.length} < {config.min_chars} characters)"
                if fp.short[doc]
                else "no duplicate found"
            )
            rows[doc] = _row(info.id, info.id, None, None, None, why)
            continue
        kept, why = choose_kept(group, fp.infos, config)
        for doc in group:
            if doc == kept:
                rows[doc] = _row(fp.infos[doc].id, fp.infos[kept].id, None, 1.0, 1.0, why)
                continue
            v = Verdict(1.0, 1.0, True) if rep[doc] == rep[kept] else verdict(rep[doc], rep[kept])
            rows[doc] = _row(fp.infos[doc].id, fp.infos[kept].id, fp.infos[kept].id, v.jaccard, v.containment, None)

    clustered = [g for g in members.values() if len(g) > 1]
    summary = DedupSummary(
        documents=n,
        clusters=len(clustered),
        duplicates=sum(len(g) - 1 for g in clustered),
        largest_cluster=max((len(g) for g in clustered), default=0),
        seconds=round(time.perf_counter() - start, 3),
        too_short=int(fp.short.sum()),
        exact_duplicates=int(((rep != np.arange(n)) & ~fp.short).sum()),
        candidate_pairs=len(pairs),
        verified_pairs=len(edges),
    )
    return rows, summary


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
    return rows


def _read_jsonl(path: Path) -> Iterator[Mapping]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _write_atomic(path: Path, lines: Iterable[str]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def run_dedup(out_dir: Path, config: DedupConfig | None = None, *, drop: bool = False) -> DedupSummary:
    """Dedup ``out_dir/documents.jsonl`` into ``out_dir/clusters.jsonl`` (streamed twice).

    With ``drop=True`` also writes ``out_dir/deduplicated.jsonl``: the input lines of every
    document that is not a duplicate (one per cluster, plus every unclustered document).
    Both files are written to a temporary file first and renamed, so a crash never leaves
    half a file. Nothing is deleted from ``documents.jsonl``.
    """
    out_dir = Path(out_dir)
    documents = out_dir / "documents.jsonl"
    rows, summary = _dedup(lambda: _read_jsonl(documents), config or DedupConfig())
    _write_atomic(out_dir / "clusters.jsonl", (json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if drop:
        kept = iter(row["duplicate_of"] is None for row in rows)
        with documents.open(encoding="utf-8") as handle:
            lines = (line for line in handle if line.strip() and next(kept))
            _write_atomic(out_dir / "deduplicated.jsonl", (l if l.endswith("\n") else l + "\n" for l in lines))
    return summary
