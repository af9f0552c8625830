"""Exact check of a candidate pair on its shingle sets: Jaccard and containment.

MinHash and anchors only propose pairs; the decision is taken here on the full sets, so a
lucky band collision never merges two articles. Containment (the share of the shorter
text's shingles found in the longer) catches truncated and excerpt reprints, whose
Jaccard to the full text is low by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from dedup.config import DedupConfig


@dataclass(frozen=True)
class Verdict:
    """How two documents compare, and whether that makes them duplicates."""

    jaccard: float
    containment: float
    duplicate: bool


def compare(a: np.ndarray, b: np.ndarray, config: DedupConfig) -> Verdict:
    """Compare two sorted, unique shingle-hash arrays (``shingle.shingle_set``).

    >>> cfg = DedupConfig()
    >>> compare(np.arange(100), np.arange(70), cfg)   # a 70 % truncation
    Verdict(jaccard=0.7, containment=1.0, duplicate=True)
    >>> compare(np.arange(100), np.arange(90, 190), cfg).duplicate
    False
    """
    if len(a) == 0 or len(b) == 0:
        return Verdict(0.0, 0.0, False)
    shared = len(np.intersect1d(a, b, assume_unique=True))
    jaccard = shared / (len(a) + len(b) - shared)
    containment = shared / min(len(a), len(b))
    duplicate = jaccard >= config.jaccard_threshold or containment >= config.containment_threshold
    return Verdict(round(jaccard, 4), round(containment, 4), duplicate)


def memoised_compare(sets: Mapping[int, np.ndarray], config: DedupConfig) -> Callable[[int, int], Verdict]:
    """``compare`` of documents ``x`` and ``y`` by number, each pair computed once: the
    clustering asks again for pairs already verified (guards, keep rule, row output)."""
    verdicts: dict[tuple[int, int], Verdict] = {}

    def verdict(x: int, y: int) -> Verdict:
        key = (min(x, y), max(x, y))
        if key not in verdicts:
            verdicts[key] = compare(sets[key[0]], sets[key[1]], config)
        return verdicts[key]

    return verdict
