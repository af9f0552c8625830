"""Candidate pairs from shared keys (LSH band keys, sentence anchors), by sorting, not dicts.

Every key is one uint64 next to one document number; sorting the keys groups the
documents that share one, and each group yields its pairs. No Python object per shingle
or per key, so a million documents × 32 bands stays a few hundred MB of numpy arrays.
"""

from __future__ import annotations

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def fmix64(k: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: spreads combined row values over all 64 bits."""
    with np.errstate(over="ignore"):
        k = k ^ (k >> np.uint64(33))
        k = k * np.uint64(0xFF51AFD7ED558CCD)
        k = k ^ (k >> np.uint64(33))
        k = k * np.uint64(0xC4CEB9FE1A85EC53)
        return k ^ (k >> np.uint64(33))


def band_recall(jaccard: float, bands: int, rows: int) -> float:
    """Probability that a pair at this Jaccard shares at least one band: 1 − (1 − J^r)^b.

    >>> round(band_recall(0.8, 9, 13), 2)   # datasketch's choice for threshold 0.8
    0.4
    >>> round(band_recall(0.5, 32, 4), 2)
    0.87
    """
    return 1.0 - (1.0 - jaccard**rows) ** bands


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per (document, band); the band number is mixed in, so that equal
    rows in different bands do not collide. Shape ``(documents, bands)``."""
    n = signatures.shape[0]
    keys = np.empty((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            key = np.full(n, band + 1, dtype=np.uint64)
            for col in range(band * rows, (band + 1) * rows):
                key = key * _GOLDEN + signatures[:, col].astype(np.uint64)
            keys[:, band] = fmix64(key)
    return keys


def _group_pairs(
    docs: np.ndarray, starts: np.ndarray, sizes: np.ndarray, max_bucket: int, star: bool
) -> np.ndarray:
    """Pairs within each group ``docs[start:start+size]`` (docs sorted within groups)."""
    out = [np.zeros((0, 2), dtype=np.int64)]
    small = sizes <= max_bucket
    for size in np.unique(sizes[small]):
        group_starts = starts[small & (sizes == size)]
        members = docs[group_starts[:, None] + np.arange(size)]
        left, right = np.triu_indices(size, k=1)
        out.append(np.stack([members[:, left].ravel(), members[:, right].ravel()], axis=1))
    if star:
        for start, size in zip(starts[~small], sizes[~small]):
            members = docs[start : start + size]
            out.append(np.stack([np.full(size - 1, members[0]), members[1:]], axis=1))
    return np.concatenate(out).astype(np.int64, copy=False)


def unique_pairs(pairs: np.ndarray, min_count: int = 1) -> np.ndarray:
    """Distinct rows of an ``(m, 2)`` pair array (each ``i < j < 2**31``) occurring at least
    ``min_count`` times, sorted. One int64 code per pair: a 1-D unique is far cheaper than
    ``np.unique(axis=0)``."""
    if len(pairs) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = pairs.astype(np.int64, copy=False)
    codes, counts = np.unique((pairs[:, 0] << 31) | pairs[:, 1], return_counts=True)
    codes = codes[counts >= min_count]
    return np.stack([codes >> 31, codes & ((1 << 31) - 1)], axis=1)


def candidate_pairs(
    keys: np.ndarray, docs: np.ndarray, min_shared: int, max_bucket: int, star: bool = True
) -> np.ndarray:
    """Document pairs ``(i, j)``, ``i < j``, sharing at least ``min_shared`` keys.

    Args:
        keys: uint64 keys, one per (document, key) occurrence.
        docs: the document number (< 2**31) of each key, in ascending order (as the passes
            produce them), so that one stable sort by key groups them.
        min_shared: how many distinct shared keys make a pair a candidate.
        max_bucket: what to do with a key shared by more documents than this: with
            ``star``, link every member to the first (a much-copied article: linear cost
            instead of quadratic); without, ignore the key (a sentence on hundreds of
            pages is boilerplate, not evidence of a reprint).

    Returns:
        int64 array ``(pairs, 2)``, sorted, without repeats.
    """
    keys = np.asarray(keys, dtype=np.uint64).ravel()
    order = np.argsort(keys, kind="stable")
    keys, docs = keys[order], np.asarray(docs).ravel()[order]
    del order
    # A document repeating a key (a sentence said twice) counts once.
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = (keys[1:] != keys[:-1]) | (docs[1:] != docs[:-1])
    keys, docs = keys[keep], docs[keep]
    if len(keys) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    boundaries = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate([[0], boundaries])
    sizes = np.diff(np.concatenate([starts, [len(keys)]]))
    multi = sizes >= 2
    pairs = _group_pairs(docs, starts[multi], sizes[multi], max_bucket, star)
    pairs.sort(axis=1)
    return unique_pairs(pairs, min_shared)
