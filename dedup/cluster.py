"""Verified pairs → clusters (union-find guarded against chaining) → the copy to keep.

Chaining: A~B and B~C do not make A~C (a digest quoting two articles links both). So two
clusters merge only when their representatives — the most complete body of each — are
themselves verified duplicates; every member is thereby close to the copy that is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dedup.config import DedupConfig

_DATE = re.compile(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})(?:\D{1,3}(\d{1,2})\D(\d{1,2}))?")


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What the keep rule needs to know about one document."""

    id: str
    length: int  #: normalised body length, the measure of completeness
    date: str | None  #: ``YYYY-MM-DD HH:MM`` when the metadata holds a readable date
    self_original: bool  #: the copy names itself the original source


def normalise_date(value: object) -> str | None:
    """A sortable date from the common Chinese and ISO spellings, or None.

    >>> normalise_date("2022年7月31日 09:05")
    '2022-07-31 09:05'
    >>> normalise_date("2022-07-31") , normalise_date("昨天")
    ('2022-07-31 00:00', None)
    """
    match = _DATE.search(str(value)) if value else None
    if not match:
        return None
    year, month, day, hour, minute = (int(g) if g else 0 for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}"


def doc_info(doc_id: str, length: int, metadata: Mapping, config: DedupConfig) -> DocInfo:
    """Read the keep-rule facts from a document's metadata."""
    source = str(metadata.get("source") or "").strip().casefold()
    self_original = bool(metadata.get("original")) or any(
        marker.casefold() in source for marker in config.self_source_markers
    )
    return DocInfo(doc_id, length, normalise_date(metadata.get("date")), self_original)


class _UnionFind:
    def __init__(self, size: int, better: Callable[[int, int], bool]) -> None:
        self.parent = list(range(size))
        self.rep = list(range(size))
        self._better = better

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        rep = self.rep[a] if self._better(self.rep[a], self.rep[b]) else self.rep[b]
        self.parent[b] = a
        self.rep[a] = rep


def link(
    size: int,
    edges: Iterable[tuple[float, float, int, int]],
    lengths: Sequence[int],
    same: Callable[[int, int], bool],
) -> list[int]:
    """Cluster documents ``0..size-1``; returns each document's cluster root.

    Args:
        edges: verified pairs ``(jaccard, containment, i, j)``; the strongest are linked
            first, so clusters grow around their closest copies.
        lengths: completeness of each document; the longest member represents a cluster.
        same: the verification of two documents, asked for the two representatives
            before clusters merge (the chaining guard).
    """

    def better(x: int, y: int) -> bool:
        return (lengths[x], -x) > (lengths[y], -y)

    forest = _UnionFind(size, better)
    for _, _, i, j in sorted(edges, key=lambda e: (-e[0], -e[1], e[2], e[3])):
        ri, rj = forest.find(i), forest.find(j)
        if ri == rj:
            continue
        rep_i, rep_j = forest.rep[ri], forest.rep[rj]
        if {rep_i, rep_j} == {i, j} or same(rep_i, rep_j):
            forest.union(ri, rj)
    return [forest.find(x) for x in range(size)]


def confirmed_content(sets: Sequence[np.ndarray]) -> list[int]:
    """For each copy of a cluster, how many of its shingles another copy also has.

    An editor's note or a 来源 line makes a copy longer but not more complete; content
    that a second copy confirms is the article itself. (With two copies this says
    nothing — each confirms the other's overlap — so the keep rule then uses lengths.)

    >>> confirmed_content([np.array([1, 2, 3, 9]), np.array([1, 2, 3]), np.array([1, 2])])
    [3, 3, 2]
    """
    values, counts = np.unique(np.concatenate(sets), return_counts=True)
    confirmed = values[counts >= 2]
    return [int(np.isin(s, confirmed, assume_unique=True).sum()) for s in sets]


def choose_kept(
    members: Sequence[int],
    infos: Sequence[DocInfo],
    config: DedupConfig,
    completeness: Mapping[int, int] | None = None,
) -> tuple[int, str]:
    """The copy to keep and why: the most complete body (``completeness``, by default the
    body length, within ``completeness_tolerance`` of the best); then the copy naming
    itself the original source; then the earliest date; then the smallest id (stable)."""
    size = completeness or {m: infos[m].length for m in members}
    unit = "shingles confirmed by other copies" if completeness else "characters"
    best = max(size[m] for m in members)
    pool = [m for m in members if size[m] >= best * (1.0 - config.completeness_tolerance)]
    if len(pool) == 1:
        return pool[0], f"most complete body ({best} {unit})"
    originals = [m for m in pool if infos[m].self_original]
    if len(originals) == 1:
        return originals[0], "names itself the original source"
    pool = originals or pool
    dated = [m for m in pool if infos[m].date]
    if dated:
        earliest = min(infos[m].date for m in dated)
        first = [m for m in dated if infos[m].date == earliest]
        if len(first) == 1:
            return first[0], f"earliest date ({earliest}) among the most complete copies"
        pool = first
    kept = min(pool, key=lambda m: infos[m].id)
    return kept, "equally complete copies, none named original or earliest: smallest id (stable tiebreak)"
