"""Candidate pairs from shared keys (LSH band keys, sentence anchors), by sorting, not dicts.

Every key is one uint64 next to one document number; sorting the keys groups the
documents that share one, and each group yields its pairs. No Python object per shingle
or per key, so a million documents × 32 bands stays a few hundred MB of numpy arrays.
"""

from __future__ import annotations

import sys

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
    codes, counts = np.unique(_codes(pairs), return_counts=True)
    return _decode(codes[counts >= min_count])


def _codes(pairs: np.ndarray) -> np.ndarray:
    pairs = pairs.astype(np.int64, copy=False)
    return (pairs[:, 0] << 31) | pairs[:, 1]


def _decode(codes: np.ndarray) -> np.ndarray:
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
    return unique_pairs(_pairs_by_key(keys, docs, max_bucket, star), min_shared)


def candidate_pairs_partitioned(
    keys: np.ndarray, docs: np.ndarray, select: np.ndarray, min_shared: int, max_bucket: int, parts: int
) -> np.ndarray:
    """``candidate_pairs(keys[select], docs[select], min_shared, max_bucket, star=False)``
    in ``parts`` slices by key hash, so the sort buffers are a slice's, not the whole's.

    Exact: a key lives in one slice, so a pair's shared keys counted per slice add up to
    its count over all keys. Used for sentence anchors (tens of millions at 1M documents).
    """
    keys = np.ascontiguousarray(keys, dtype=np.uint64)  # no copy when it already is
    # The keys' lowest byte, read in place (no 8-byte temporary per key).
    lowest_byte = keys.view(np.uint8)[0 if sys.byteorder == "little" else 7 :: 8]
    codes, counts = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for part in range(parts):
        chosen = np.flatnonzero(select & (lowest_byte % parts == part))
        pairs = _pairs_by_key(keys[chosen], docs[chosen], max_bucket, star=False)
        if len(pairs):
            part_codes, part_counts = np.unique(_codes(pairs), return_counts=True)
            codes.append(part_codes)
            counts.append(part_counts)
    all_codes, inverse = np.unique(np.concatenate(codes), return_inverse=True)
    totals = np.bincount(inverse, weights=np.concatenate(counts), minlength=len(all_codes))
    return _decode(all_codes[totals >= min_shared])


def _pairs_by_key(keys: np.ndarray, docs: np.ndarray, max_bucket: int, star: bool) -> np.ndarray:
    """Every pair of documents sharing a key, once per distinct shared key (rows sorted)."""
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
    return pairs
