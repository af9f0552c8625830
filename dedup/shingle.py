"""Character n-gram shingles of normalised text, hashed to uint32 with xxh32, vectorised.

A shingle's hash is ``xxhash.xxh32_intdigest(shingle.encode("utf-32-le"), seed)``: the
same value a plain Python loop gives (``shingle_bytes`` + xxhash), so datasketch's
``MinHash(hashfunc=...)`` fed with ``shingle_bytes`` reproduces our signatures bit for
bit. UTF-32 makes every shingle the same byte length, which lets numpy run xxh32 over all
shingles of a batch of documents at once instead of one Python call per shingle.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_P1 = np.uint32(0x9E3779B1)
_P2 = np.uint32(0x85EBCA77)
_P3 = np.uint32(0xC2B2AE3D)
_P4 = np.uint32(0x27D4EB2F)
_P5 = np.uint32(0x165667B1)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _xxh32_words(words: np.ndarray, seed: int) -> np.ndarray:
    """xxh32 of each row of ``words`` (uint32, shape (m, n)) read as 4n little-endian bytes."""
    m, n = words.shape
    seed32 = np.uint32(seed & 0xFFFFFFFF)
    with np.errstate(over="ignore"):
        if n >= 4:
            acc = [
                np.full(m, seed32 + _P1 + _P2, np.uint32),
                np.full(m, seed32 + _P2, np.uint32),
                np.full(m, seed32, np.uint32),
                np.full(m, seed32 - _P1, np.uint32),
            ]
            stripes = n // 4
            for s in range(stripes):
                for lane in range(4):
                    v = acc[lane] + words[:, 4 * s + lane] * _P2
                    acc[lane] = _rotl(v, 13) * _P1
            h = _rotl(acc[0], 1) + _rotl(acc[1], 7) + _rotl(acc[2], 12) + _rotl(acc[3], 18)
            tail = range(4 * stripes, n)
        else:
            h = np.full(m, seed32 + _P5, np.uint32)
            tail = range(n)
        h = h + np.uint32(4 * n)
        for col in tail:
            h = _rotl(h + words[:, col] * _P3, 17) * _P4
        h ^= h >> np.uint32(15)
        h *= _P2
        h ^= h >> np.uint32(13)
        h *= _P3
        h ^= h >> np.uint32(16)
    return h


def shingle_bytes(text: str, n: int) -> list[bytes]:
    """The shingles of ``text`` as the bytes that are hashed (the scalar reference path)."""
    return [text[i : i + n].encode("utf-32-le") for i in range(len(text) - n + 1)]


def batch_shingle_hashes(texts: Sequence[str], n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash every shingle of every text in one vectorised pass.

    Returns ``(hashes, offsets)``: the hashes of ``texts[i]`` are
    ``hashes[offsets[i]:offsets[i + 1]]`` (uint32, in text order, repeats kept; a text
    shorter than ``n`` has none).
    """
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    counts = np.maximum(lengths - n + 1, 0)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    if offsets[-1] == 0:
        return np.zeros(0, dtype=np.uint32), offsets
    codepoints = np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4")
    windows = np.lib.stride_tricks.sliding_window_view(codepoints, n)
    starts = np.repeat(np.cumsum(lengths) - lengths, counts)
    starts += np.arange(offsets[-1], dtype=np.int64) - np.repeat(offsets[:-1], counts)
    return _xxh32_words(windows[starts], seed), offsets


def shingle_set(text: str, n: int, seed: int) -> np.ndarray:
    """The sorted, unique shingle hashes of one text: the set that verification compares."""
    hashes, _ = batch_shingle_hashes([text], n, seed)
    return np.unique(hashes)
