"""The two streaming passes over the documents, in batches, optionally on worker processes.

Pass 1 (``fingerprint``) normalises, shingles and signs every document and keeps only
small arrays: the exact-text hash, the LSH band keys, the sentence-anchor keys and the
keep-rule facts. Pass 2 (``shingle_sets``) re-reads only the candidate documents and
builds their shingle sets. Texts are never held, so memory grows with the number of
documents (a few hundred bytes each) and of candidates, not with the characters.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice

import numpy as np
import xxhash

from dedup.cluster import DocInfo, doc_info
from dedup.config import DedupConfig
from dedup.index import band_keys
from dedup.normalise import normalise
from dedup.shingle import batch_shingle_hashes, sorted_unique
from dedup.sign import permutations, signatures

#: Re-reads the documents from the start (a list, or a JSONL file) each time it is called.
Source = Callable[[], Iterator[Mapping]]


@dataclass
class Fingerprints:
    """What pass 1 keeps per document: small fixed-size values, no text."""

    infos: list[DocInfo]
    short: np.ndarray  # bool per document
    exact: np.ndarray  # uint64 hash of the normalised text
    bands: np.ndarray  # uint64 (documents, bands); rows of short documents unused
    anchor_keys: np.ndarray  # uint64 sentence hashes ...
    anchor_docs: np.ndarray  # ... and the (int32) document each belongs to


def _batches(docs: Iterable, size: int) -> Iterator[list]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def workers(config: DedupConfig) -> ProcessPoolExecutor | None:
    """The worker pool of a run, or None for ``workers=1``.

    Create it before pass 1, while this process is still small: workers forked later
    would start with (and, through reference counts, copy) the fingerprints and shingle
    sets of the parent, which can be gigabytes.
    """
    return ProcessPoolExecutor(config.workers) if config.workers > 1 else None


def _map(function: Callable, batches: Iterable[list], pool: Executor | None, depth: int) -> Iterator:
    """``map(function, batches)`` in order, on ``pool`` if given, with at most ``depth``
    batches in flight so that the input is streamed, not loaded."""
    if pool is None:
        yield from map(function, batches)
        return
    pending: deque = deque()
    for batch in batches:
        pending.append(pool.submit(function, batch))
        if len(pending) >= depth:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def fingerprint_batch(batch: list[Mapping], config: DedupConfig) -> Fingerprints:
    """Pass 1 on one batch; anchor document numbers are local to the batch.

    A pure function of its arguments, so that it can run in a worker process or as a
    task of another engine (a Dask map over batches gives the same arrays).
    """
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
    return Fingerprints(
        infos,
        np.array(short, dtype=bool),
        np.array(exact, dtype=np.uint64),
        band_keys(sigs, config.lsh_bands, config.lsh_rows),
        np.array(anchor_keys, dtype=np.uint64),
        np.array(anchor_docs, dtype=np.int32),
    )


def fingerprint(source: Source, config: DedupConfig, pool: Executor | None = None) -> Fingerprints:
    """Pass 1 over all documents (on ``pool`` when given)."""
    infos: list[DocInfo] = []
    seen: set[str] = set()
    short, exact, bands, anchor_keys, anchor_docs = [], [], [], [], []
    batches = _batches(source(), config.batch_docs)
    for part in _map(partial(fingerprint_batch, config=config), batches, pool, 2 * config.workers):
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
        no_bands = np.zeros((0, config.lsh_bands), np.uint64)
        return Fingerprints([], np.zeros(0, bool), empty, no_bands, empty, np.zeros(0, np.int32))
    return Fingerprints(
        infos,
        np.concatenate(short),
        np.concatenate(exact),
        np.concatenate(bands),
        np.concatenate(anchor_keys),
        np.concatenate(anchor_docs),
    )


def shingle_set_batch(batch: list[tuple[int, Mapping]], config: DedupConfig) -> list[tuple[int, np.ndarray]]:
    """Pass 2 on one batch of ``(document number, document)``: sorted unique shingle hashes."""
    texts = [normalise(doc.get("text") or "", config).text for _, doc in batch]
    hashes, offsets = batch_shingle_hashes(texts, config.shingle_size, config.hash_seed)
    return [(n, sorted_unique(hashes[offsets[k] : offsets[k + 1]])) for k, (n, _) in enumerate(batch)]


def shingle_sets(
    source: Source, wanted: np.ndarray, config: DedupConfig, pool: Executor | None = None
) -> dict[int, np.ndarray]:
    """Pass 2: the shingle sets of the ``wanted`` documents only."""
    wanted_set = set(wanted.tolist())
    chosen = ((n, doc) for n, doc in enumerate(source()) if n in wanted_set)
    sets: dict[int, np.ndarray] = {}
    batches = _batches(chosen, config.batch_docs)
    for part in _map(partial(shingle_set_batch, config=config), batches, pool, 2 * config.workers):
        sets.update(part)
    return sets
