"""Reprint benchmark: dedup's pair precision/recall/F1 and ARI on reprints of real bodies.

The corpus is generated, seeded, from the bodies in ``../shared`` (see ``bench.reprint_gen``).

Run ``python -m bench reprints [--seed N] [--shared DIR] [--set field=value ...]``.
``--set`` overrides ``DedupConfig`` fields, which is how the defaults were measured.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import time
from collections import Counter
from math import comb
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from bench.reprint_gen import Doc, generate
from dedup import DedupConfig, find_duplicates
from dedup.index import band_recall
from dedup.normalise import normalise

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def adjusted_rand_index(gold: list[str], pred: list[str]) -> float:
    """Hubert & Arabie's ARI from the contingency table of two labelings.

    >>> adjusted_rand_index(["a", "a", "b"], ["x", "x", "y"])
    1.0
    """
    n = len(gold)
    both = sum(comb(c, 2) for c in Counter(zip(gold, pred)).values())
    sum_gold = sum(comb(c, 2) for c in Counter(gold).values())
    sum_pred = sum(comb(c, 2) for c in Counter(pred).values())
    expected = sum_gold * sum_pred / comb(n, 2)
    maximum = (sum_gold + sum_pred) / 2
    return 1.0 if maximum == expected else (both - expected) / (maximum - expected)


def _pairs(labels: list[str]) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = {}
    for k, label in enumerate(labels):
        groups.setdefault(label, []).append(k)
    return {pair for g in groups.values() for pair in itertools.combinations(g, 2)}


def _prf(found: set, truth: set) -> tuple[float, float, float]:
    hit = len(found & truth)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(docs: list[Doc], rows: list[dict]) -> dict:
    """All benchmark numbers for one run (``rows`` in the order of ``docs``)."""
    gold = [d.gold for d in docs]
    pred = [r["cluster"] for r in rows]
    truth, found = _pairs(gold), _pairs(pred)
    precision, recall, f1 = _prf(found, truth)
    out = {"precision": precision, "recall": recall, "f1": f1, "ari": adjusted_rand_index(gold, pred)}
    for kind in ("reprint", "truncated", "excerpt"):
        subset = {p for p in truth if kind in (docs[p[0]].kind, docs[p[1]].kind)}
        out[f"recall_{kind}"] = len(subset & found) / len(subset) if subset else 1.0
    partial = {p for p in truth if {docs[p[0]].kind, docs[p[1]].kind} & {"truncated", "excerpt"}}
    out["partial_pairs"] = len(partial)
    out["partial_precision"], out["partial_recall"], out["partial_f1"] = _prf(
        {p for p in found if {docs[p[0]].kind, docs[p[1]].kind} & {"truncated", "excerpt"}}, partial
    )
    wrong = found - truth
    hard = {
        (i, j) for i, j in wrong
        if docs[j].gold in docs[i].negatives or docs[i].gold in docs[j].negatives
        or (docs[i].site and docs[i].site == docs[j].site)
    }
    out["false_pairs"], out["hard_negatives_merged"] = len(wrong), len(hard)
    out["missed"] = sorted(
        {(docs[i].kind, docs[i].transforms) for p in truth - found for i in p if docs[i].kind != "original"}
    )
    return out


def baseline_clusters(docs: list[Doc]) -> list[str]:
    """The naive approach for comparison: t2s only, datasketch ``MinHashLSH`` at its
    default banding for threshold 0.8, connected components of the LSH matches."""
    config = DedupConfig(opencc_chain=("t2s",))
    lsh = MinHashLSH(threshold=0.8, num_perm=config.num_perm)
    minhashes = []
    for k, doc in enumerate(docs):
        m = MinHash(num_perm=config.num_perm, seed=config.perm_seed)
        m.update_batch([s.encode("utf-8") for s in _shingles(normalise(doc.text, config).text, config.shingle_size)])
        lsh.insert(k, m)
        minhashes.append(m)
    parent = list(range(len(docs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, m in enumerate(minhashes):
        for j in lsh.query(m):
            parent[find(j)] = find(k)
    return [str(find(k)) for k in range(len(docs))]


def _shingles(text: str, n: int) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def _config(overrides: list[str]) -> DedupConfig:
    fields = {f.name: f for f in dataclasses.fields(DedupConfig)}
    values = {}
    for item in overrides:
        name, _, raw = item.partition("=")
        if name not in fields:
            raise SystemExit(f"unknown DedupConfig field {name!r}")
        default = getattr(DedupConfig(), name)
        if isinstance(default, bool):
            values[name] = raw.lower() in ("1", "true", "yes")
        elif isinstance(default, tuple):
            values[name] = tuple(part for part in raw.split(",") if part)
        else:
            values[name] = type(default)(raw)
    return DedupConfig(**values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench reprints", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (../shared)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpus")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="override a DedupConfig field")
    parser.add_argument("--verbose", action="store_true", help="list the transformations of missed reprints")
    parser.add_argument("--baseline", action="store_true", help="also score naive t2s + MinHashLSH(threshold=0.8)")
    args = parser.parse_args(argv)
    if not (args.shared / "dev/chinese-wce/cleaned").is_dir():
        print(f"reprints: skipped, shared data not found at {args.shared} (pass --shared DIR)")
        return 0
    docs = generate(args.shared, seed=args.seed)
    config = _config(args.set)
    start = time.perf_counter()
    rows = find_duplicates(({"id": d.id, "text": d.text, "metadata": d.metadata} for d in docs), config)
    seconds = time.perf_counter() - start
    s = score(docs, rows)
    kinds = Counter(d.kind for d in docs)
    kinds_text = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    print(f"corpus: {len(docs)} documents ({kinds_text}), seed {args.seed}, {seconds:.1f} s")
    print(f"pairs:   precision {s['precision']:.4f}  recall {s['recall']:.4f}  F1 {s['f1']:.4f}  ARI {s['ari']:.4f}")
    print(f"partial: {s['partial_pairs']} pairs  precision {s['partial_precision']:.4f}  "
          f"recall {s['partial_recall']:.4f}  F1 {s['partial_f1']:.4f}")
    print(f"recall by kind: full {s['recall_reprint']:.4f}  truncated {s['recall_truncated']:.4f}  "
          f"excerpt {s['recall_excerpt']:.4f}")
    print(f"false pairs {s['false_pairs']}, hard negatives merged {s['hard_negatives_merged']}")
    print(f"LSH {config.lsh_bands}x{config.lsh_rows}: a pair at Jaccard {config.jaccard_threshold} becomes a candidate "
          f"with probability {band_recall(config.jaccard_threshold, config.lsh_bands, config.lsh_rows):.3f}")
    if args.baseline:
        b = score(docs, [{"cluster": c} for c in baseline_clusters(docs)])
        print(f"baseline (t2s, MinHashLSH 0.8): precision {b['precision']:.4f}  recall {b['recall']:.4f}  "
              f"F1 {b['f1']:.4f}  ARI {b['ari']:.4f}  partial recall {b['partial_recall']:.4f}")
    if args.verbose:
        for kind, steps in s["missed"]:
            print("missed:", kind, " ".join(steps))
    print(f"reprints: f1={s['f1']:.4f} ari={s['ari']:.4f} hard_negatives_merged={s['hard_negatives_merged']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
