"""Dedup on a Dask cluster: the local pipeline's stages as shuffles of keys.

The stages and their decisions are the local engine's (``dedup.api``), only distributed:

1. *fingerprint*: each byte range of ``documents.jsonl`` (whole lines) is one task running
   ``passes.fingerprint``; the results stay on the workers.
2. *exact*: the exact-text hashes are shuffled by hash (``dask.bag.groupby``); each group
   names its first document the representative of the others.
3. *index*: the LSH band keys and sentence anchors of the representatives are shuffled by
   key; each bucket turns shared keys into candidate pairs with ``index.candidate_pairs``
   (every occurrence of a key lands in one bucket, so its bucket rules hold).
4. *verify*: each range re-reads its candidate documents' shingle sets; pairs are compared
   in tasks per pair of ranges (a block join).
5. *cluster*: connected components of the verified pairs and exact copies
   (``scipy.sparse.csgraph`` on the client: one edge per duplicate, small); each batch of
   components runs the chaining-guarded ``cluster.link`` and the keep rule on a worker.
6. *write*: rows are built per range on the workers and streamed to ``clusters.jsonl``.

A component holds everything the local engine looks at when it clusters its members, and
document numbers keep their order, so the rows are identical to the local engine's.
Workers read ``documents.jsonl`` by path: on a real cluster ``OUT`` must be on a file
system every worker sees.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import deque
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np

from dedup.api import DedupSummary, choose_kept_copies, result_row, write_result_lines
from dedup.cluster import link
from dedup.config import DedupConfig
from dedup.index import candidate_pairs, fmix64
from dedup.passes import Fingerprints, fingerprint, shingle_set_batch
from dedup.verify import Verdict, compare, memoised_compare

#: Bytes of ``documents.jsonl`` per fingerprint task, at most (about 5,000 documents of
#: 1,500 characters) and at least: big enough to amortise a task ...
RANGE_BYTES = 16 << 20
MIN_RANGE_BYTES = 1 << 20
#: ... and at least this many tasks per worker, so that every worker has work.
RANGES_PER_WORKER = 4
#: Bytes of index keys per shuffle bucket, about (a key row is 18 bytes): few buckets keep
#: the shuffle's tasks few (a bucket per range cost more in scheduling than in work).
BUCKET_BYTES = 64 << 20
#: Members of the components settled by one cluster task.
COMPONENT_BATCH = 5000
_SHIFT = 31  # pair code = i << 31 | j, as in ``index.unique_pairs``


def line_ranges(path: Path, size: int) -> list[tuple[int, int]]:
    """Byte ranges of about ``size`` bytes covering ``path``, each ending after a newline."""
    total = path.stat().st_size
    ranges, start = [], 0
    with path.open("rb") as handle:
        while start < total:
            handle.seek(min(start + size, total))
            handle.readline()
            end = min(handle.tell(), total)
            ranges.append((start, end))
            start = end
    return ranges


def _range_lines(path: Path, start: int, end: int) -> list[bytes]:
    """The document lines of one byte range (blank lines skipped, as the local reader does)."""
    with path.open("rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    return [line for line in data.splitlines() if line.strip()]


def _read_range(path: Path, start: int, end: int) -> list[Mapping]:
    return [json.loads(line) for line in _range_lines(path, start, end)]


def _fingerprint_range(path: Path, start: int, end: int, config: DedupConfig) -> Fingerprints:
    docs = _read_range(path, start, end)
    return fingerprint(lambda: iter(docs), config)


def _counts(fp: Fingerprints) -> tuple[int, int, int]:
    """Documents, too-short documents and index keys (bands and anchors) of one range."""
    return len(fp.infos), int(fp.short.sum()), fp.bands.size + len(fp.anchor_keys)


def _by_bucket(keys: np.ndarray, columns: dict[str, np.ndarray], buckets: int) -> list[tuple[int, dict]]:
    """Split rows into shuffle buckets by a hash of their uint64 key."""
    bucket = (fmix64(np.asarray(keys, dtype=np.uint64)) % np.uint64(buckets)).astype(np.int64)
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(buckets + 1))
    return [
        (b, {name: col[order[lo:hi]] for name, col in columns.items()})
        for b, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:]))
        if hi > lo
    ]


def _concat(group: tuple[int, list[tuple[int, dict]]]) -> dict[str, np.ndarray]:
    """The rows of one shuffle bucket: ``bag.groupby`` gives ``(bucket, [(bucket, rows)])``."""
    _, parts = group
    return {name: np.concatenate([rows[name] for _, rows in parts]) for name in parts[0][1]}


def _exact_rows(fp: Fingerprints, offset: int, buckets: int) -> list[tuple[int, dict]]:
    long_docs = np.flatnonzero(~fp.short)
    return _by_bucket(fp.exact[long_docs], {"exact": fp.exact[long_docs], "doc": long_docs + offset}, buckets)


def _exact_copies(group: tuple[int, list[tuple[int, dict]]]) -> np.ndarray:
    """``(copy, representative)`` rows: the first document of each exact-text group
    represents the later ones."""
    rows = _concat(group)
    order = np.lexsort((rows["doc"], rows["exact"]))
    exact, doc = rows["exact"][order], rows["doc"][order]
    first = np.ones(len(doc), dtype=bool)
    first[1:] = exact[1:] != exact[:-1]
    rep = doc[first][np.cumsum(first) - 1]
    return np.stack([doc[~first], rep[~first]], axis=1)


def _key_rows(fp: Fingerprints, offset: int, copies: np.ndarray, buckets: int) -> list[tuple[int, dict]]:
    """The band keys (band >= 0) and anchors (band -1) of the range's representatives."""
    is_rep = ~fp.short
    is_rep[copies - offset] = False
    reps = np.flatnonzero(is_rep)
    n_bands = fp.bands.shape[1]
    anchors = is_rep[fp.anchor_docs]
    keys = np.concatenate([fp.bands[reps].ravel(), fp.anchor_keys[anchors]])
    docs = np.concatenate([np.repeat(reps, n_bands), fp.anchor_docs[anchors]]) + offset
    band = np.concatenate([np.tile(np.arange(n_bands, dtype=np.int16), len(reps)),
                           np.full(int(anchors.sum()), -1, dtype=np.int16)])
    return _by_bucket(keys, {"key": keys, "doc": docs.astype(np.int64), "band": band}, buckets)


def _bucket_pairs(group: tuple[int, list[tuple[int, dict]]], config: DedupConfig) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pair codes of one key bucket and how many anchors each shares, capped at
    ``anchor_min_shared`` (band pairs count as that many: they are candidates anyway).

    A pair's anchors may fall into different buckets, so the count is summed over buckets
    afterwards; ``candidate_pairs(min_shared=k)`` for k = 1 .. cap gives the capped count.
    """
    rows = _concat(group)
    order = np.argsort(rows["doc"], kind="stable")  # candidate_pairs wants docs ascending
    key, doc, band = rows["key"][order], rows["doc"][order], rows["band"][order]
    cap = config.anchor_min_shared
    codes, counts = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for b in np.unique(band):
        mine = band == b
        if b >= 0:
            found = [candidate_pairs(key[mine], doc[mine], 1, config.max_bucket)] * cap
        else:
            found = [candidate_pairs(key[mine], doc[mine], k, config.max_bucket, star=False)
                     for k in range(1, cap + 1)]
        for pairs in found:
            codes.append((pairs[:, 0] << _SHIFT) | pairs[:, 1])
            counts.append(np.ones(len(pairs), np.int64))
    return np.concatenate(codes), np.concatenate(counts)


def _range_sets(path: Path, start: int, end: int, offset: int, wanted: np.ndarray,
                config: DedupConfig) -> dict[int, np.ndarray]:
    """The shingle sets of the ``wanted`` documents of one range; only their lines are parsed."""
    lines = _range_lines(path, start, end)
    chosen = [(int(n), json.loads(lines[n - offset])) for n in wanted.tolist()]
    return dict(shingle_set_batch(chosen, config))


def _verify_block(pairs: np.ndarray, left: dict, right: dict, config: DedupConfig) -> list[tuple]:
    """The verified duplicates ``(i, j, jaccard, containment)`` among ``pairs``."""
    out = []
    for i, j in pairs.tolist():
        v = compare(left[i], right[j], config)
        if v.duplicate:
            out.append((i, j, v.jaccard, v.containment))
    return out


def _pick_infos(fp: Fingerprints, local: np.ndarray) -> list:
    """The ``DocInfo`` of the documents ``local`` (numbers within the range)."""
    return [fp.infos[k] for k in local.tolist()]


def _pick_sets(sets: dict[int, np.ndarray], docs: np.ndarray) -> dict[int, np.ndarray]:
    """The shingle sets of ``docs`` among a range's candidates (not every member has one)."""
    return {d: sets[d] for d in docs.tolist() if d in sets}


def _settle(members: np.ndarray, rep: np.ndarray, edges: list[tuple], infos_of_parts: list[list],
            sets_of_parts: list[dict], config: DedupConfig) -> tuple[dict, list[int]]:
    """Cluster a batch of whole components as the local engine does: ``link`` with the
    chaining guard, then the keep rule. Members are renumbered 0..k-1 in their global
    order, which keeps every tie-break; ``infos_of_parts`` holds their ``DocInfo`` range
    by range, in that order, and ``sets_of_parts`` their shingle sets. Returns ``{doc:
    (kept id, verdict, reason)}`` for the clustered members and the cluster sizes."""
    infos = [info for part in infos_of_parts for info in part]
    position = {int(d): k for k, d in enumerate(members.tolist())}
    local_sets = {position[d]: s for part in sets_of_parts for d, s in part.items()}
    local_rep = np.searchsorted(members, rep)
    verdict = memoised_compare(local_sets, config)
    local_edges = [(jac, con, position[i], position[j]) for i, j, jac, con in edges]
    roots = np.asarray(link(len(members), local_edges, [info.length for info in infos],
                            lambda x, y: verdict(x, y).duplicate))
    kept_of, reasons, sizes = choose_kept_copies(roots[local_rep], local_rep, local_sets, infos, config)
    settled = {}
    for k, kept in enumerate(kept_of.tolist()):
        if kept == k:
            settled[int(members[k])] = (infos[k].id, None, reasons[k])
        elif kept >= 0:
            same_text = local_rep[k] == local_rep[kept]
            v = Verdict(1.0, 1.0, True) if same_text else verdict(int(local_rep[k]), int(local_rep[kept]))
            settled[int(members[k])] = (infos[kept].id, v, None)
    return settled, sizes


def _range_rows(fp: Fingerprints, offset: int, settled: dict, config: DedupConfig) -> tuple[str, bytes]:
    """The range's rows as JSON lines, and a flag per row: kept (not a duplicate). One
    string and one bytes object travel much faster than a list of small tuples."""
    lines, kept = [], bytearray()
    for n, info in enumerate(fp.infos):
        kept_id, verdict, reason = settled.get(n + offset, (None, None, None))
        row = result_row(info, bool(fp.short[n]), kept_id, verdict, reason, config)
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
        kept.append(row["duplicate_of"] is None)
    return "".join(lines), bytes(kept)


def _groups(labels: np.ndarray) -> list[np.ndarray]:
    """Row numbers grouped by equal label."""
    order = np.argsort(labels, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(labels[order])) + 1) if len(order) else []


def _components(edges: list[tuple], copies: np.ndarray) -> list[np.ndarray]:
    """Connected components (sorted member arrays) of verified pairs and exact copies."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    pairs = np.concatenate([np.array([(i, j) for i, j, _, _ in edges], dtype=np.int64).reshape(-1, 2), copies])
    if len(pairs) == 0:
        return []
    nodes, local = np.unique(pairs, return_inverse=True)
    local = local.reshape(-1, 2)
    graph = coo_matrix((np.ones(len(local)), (local[:, 0], local[:, 1])), shape=(len(nodes), len(nodes)))
    _, labels = connected_components(graph, directed=False)
    components = [nodes[group] for group in _groups(labels)]
    components.sort(key=lambda c: int(c[0]))
    return components


def _shuffle(parts: list, buckets: int):
    """A ``dask.bag`` of ``(bucket, [(bucket, rows), ...])`` from tasks that each return
    ``[(bucket, rows), ...]``: Dask's task-based shuffle brings every bucket together."""
    import dask.bag as db

    return db.from_delayed(parts).groupby(_first, npartitions=buckets, shuffle="tasks")


def _first(item: tuple):
    return item[0]


def _part_of(offsets: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The range each document number belongs to."""
    return np.searchsorted(offsets, docs, side="right") - 1


def _candidates(client, fps: list, offsets: np.ndarray, buckets: int, config: DedupConfig):
    """Stages *exact* and *index*: the exact copies ``(copy, representative)`` and the
    candidate pairs of representatives."""
    import dask

    parts = [dask.delayed(_exact_rows)(f, int(offsets[p]), buckets) for p, f in enumerate(fps)]
    found = client.compute(_shuffle(parts, buckets).map(_exact_copies)).result()
    copies = np.concatenate([np.zeros((0, 2), np.int64), *found])
    copies_of_part = [copies[_part_of(offsets, copies[:, 0]) == p, 0] for p in range(len(fps))]
    parts = [dask.delayed(_key_rows)(f, int(offsets[p]), copies_of_part[p], buckets) for p, f in enumerate(fps)]
    found = client.compute(_shuffle(parts, buckets).map(_bucket_pairs, config)).result()
    codes = np.concatenate([np.zeros(0, np.int64), *(c for c, _ in found)])
    shared = np.concatenate([np.zeros(0, np.int64), *(k for _, k in found)])
    codes, inverse = np.unique(codes, return_inverse=True)
    codes = codes[np.bincount(inverse, weights=shared, minlength=len(codes)) >= config.anchor_min_shared]
    return copies, np.stack([codes >> _SHIFT, codes & ((1 << _SHIFT) - 1)], axis=1)


def _verified(client, path: Path, ranges: list, offsets: np.ndarray, pairs: np.ndarray, config: DedupConfig):
    """Stage *verify*: the shingle sets of the candidates (futures per range) and the
    verified duplicate pairs ``(i, j, jaccard, containment)``."""
    wanted = np.unique(pairs)
    wanted_part = _part_of(offsets, wanted)
    sets = {}
    for p in np.unique(wanted_part).tolist():
        start, end = ranges[p]
        sets[p] = client.submit(_range_sets, path, start, end, int(offsets[p]), wanted[wanted_part == p], config,
                                pure=False)
    part = _part_of(offsets, pairs)
    blocks = []
    for group in _groups(part[:, 0] * len(ranges) + part[:, 1]):
        p, q = part[group[0]].tolist()
        blocks.append(client.submit(_verify_block, pairs[group], sets[p], sets[q], config, pure=False))
    return sets, [edge for block in client.gather(blocks) for edge in block]


def _clustered(client, fps: list, sets: dict, offsets: np.ndarray, edges: list, copies: np.ndarray,
               config: DedupConfig) -> tuple[list[dict], list[int]]:
    """Stage *cluster*: per range, ``{doc: (kept id, verdict, reason)}`` of the clustered
    documents; and the cluster sizes."""
    copy_of = dict(zip(copies[:, 0].tolist(), copies[:, 1].tolist()))
    components = _components(edges, copies)
    component_of = {int(d): k for k, members in enumerate(components) for d in members.tolist()}
    edges_of: dict[int, list] = {}
    for edge in edges:
        edges_of.setdefault(component_of[edge[0]], []).append(edge)
    futures, batch = [], []
    for k in range(len(components)):
        batch.append(k)
        if sum(len(components[c]) for c in batch) >= COMPONENT_BATCH or k == len(components) - 1:
            members = np.sort(np.concatenate([components[c] for c in batch]))
            rep = np.array([copy_of.get(d, d) for d in members.tolist()], dtype=np.int64)
            # Each range hands over only its members' facts, not its whole fingerprints.
            part = _part_of(offsets, members)
            infos, member_sets = [], []
            for p in np.unique(part).tolist():
                mine = members[part == p]
                infos.append(client.submit(_pick_infos, fps[p], mine - offsets[p], pure=False))
                if p in sets:
                    member_sets.append(client.submit(_pick_sets, sets[p], mine, pure=False))
            futures.append(client.submit(
                _settle, members, rep, [e for c in batch for e in edges_of.get(c, [])], infos, member_sets,
                config, pure=False))
            batch = []
    settled: list[dict] = [{} for _ in fps]
    sizes: list[int] = []
    for part, part_sizes in client.gather(futures):
        for doc, value in part.items():
            settled[int(_part_of(offsets, doc))][doc] = value
        sizes.extend(part_sizes)
    return settled, sizes


def run_dedup_on_dask(out_dir: Path, client, config: DedupConfig | None = None, *, drop: bool = False,
                      range_bytes: int | None = None) -> DedupSummary:
    """``dedup.run_dedup`` on the Dask cluster behind ``client``: same outputs, same rows.

    ``out_dir`` must be readable (and ``documents.jsonl`` reachable at the same path) on
    every worker. ``range_bytes`` sets the size of the fingerprint tasks (default: from
    the file size and the number of workers). Unlike the local engine, a repeated
    document id is not detected.
    """
    config = config or DedupConfig()
    out_dir = Path(out_dir).resolve()
    path = out_dir / "documents.jsonl"
    laps: dict[str, float] = {}
    start = last = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        laps[stage] = round(now - last, 3)
        last = now

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    if range_bytes is None:
        share = path.stat().st_size // (RANGES_PER_WORKER * workers)
        range_bytes = min(RANGE_BYTES, max(MIN_RANGE_BYTES, share))
    ranges = line_ranges(path, range_bytes)
    fps = [client.submit(_fingerprint_range, path, s, e, config, pure=False) for s, e in ranges]
    counts = client.gather([client.submit(_counts, f) for f in fps])
    offsets = np.concatenate([[0], np.cumsum([c for c, _, _ in counts])]).astype(np.int64)
    lap("fingerprint")
    buckets = max(2 * workers, -(-18 * sum(keys for _, _, keys in counts) // BUCKET_BYTES))
    copies, pairs = _candidates(client, fps, offsets, buckets, config)
    lap("index")
    sets, edges = _verified(client, path, ranges, offsets, pairs, config)
    lap("verify")
    settled, sizes = _clustered(client, fps, sets, offsets, edges, copies, config)
    del sets
    lap("cluster")

    def lines() -> Iterator[tuple[str, bool]]:
        # The ranges' rows are built on the workers, a few ranges ahead of the writer.
        parts = (client.submit(_range_rows, f, int(offsets[p]), settled[p], config, pure=False)
                 for p, f in enumerate(fps))
        ahead = deque(itertools.islice(parts, 2 * workers))
        while ahead:
            text, kept = ahead.popleft().result()
            ahead.extend(itertools.islice(parts, 1))
            # split at "\n" only: JSON keeps U+2028 and other line separators raw in strings
            yield from zip((line + "\n" for line in text.split("\n")[:-1]), map(bool, kept))

    write_result_lines(out_dir, lines(), drop=drop)
    lap("write")
    return DedupSummary(
        documents=int(offsets[-1]),
        clusters=len(sizes),
        duplicates=int(sum(sizes) - len(sizes)),
        largest_cluster=max(sizes, default=0),
        seconds=round(time.perf_counter() - start, 3),
        too_short=sum(short for _, short, _ in counts),
        exact_duplicates=len(copies),
        candidate_pairs=len(pairs),
        verified_pairs=len(edges),
        stage_seconds=laps,
    )
