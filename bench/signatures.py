"""MinHash signature speed of dedup.sign against datasketch, with identical decisions.

datasketch's per-document ``MinHash.update`` loop, its ``MinHash.update_batch``, and
``dedup.sign`` — same shingles, same hash function (xxh32 of the UTF-32 shingle), same
``num_perm`` and seed, single core, one run.

It also checks that the duplicate decisions are identical: the signatures must be equal
value for value, and the LSH candidates of ``dedup.index`` must equal the pairs that
datasketch's ``MinHashLSH`` (same bands × rows) returns for the datasketch signatures.

Run ``python -m bench signatures --docs N``. The last line is machine-readable:
``signatures: speedup_vs_update=X speedup_vs_update_batch=Y identical_decisions=true|false``.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import xxhash
from datasketch import MinHash, MinHashLSH

from dedup import DedupConfig
from dedup.index import band_keys, candidate_pairs
from dedup.normalise import normalise
from dedup.shingle import batch_shingle_hashes, shingle_bytes
from dedup.sign import lean_minhash, permutations, signatures

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def corpus(n: int, chars: int, shared: Path, seed: int = 0) -> list[str]:
    """``n`` normalised texts of about ``chars`` characters made of random sentences of
    the real bodies in ``shared`` (random Han text when it is absent); every tenth is a
    lightly edited copy of an earlier one, so that there are duplicate decisions to compare."""
    rng = random.Random(seed)
    config = DedupConfig()
    paths = sorted((shared / "dev/chinese-wce/cleaned").glob("*.txt"))
    sentences = [s for p in paths for s in normalise(p.read_text(encoding="utf-8"), config).sentences if len(s) >= 8]
    if len(sentences) < 100:
        sentences = ["".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(30)) for _ in range(5000)]
    texts: list[str] = []
    for k in range(n):
        if k % 10 == 9:
            edited = list(texts[rng.randrange(k)])
            for _ in range(len(edited) // 50):
                edited[rng.randrange(len(edited))] = rng.choice(edited)
            texts.append("".join(edited))
            continue
        parts, size = [], 0
        while size < chars:
            parts.append(rng.choice(sentences))
            size += len(parts[-1])
        texts.append("".join(parts)[:chars])
    return texts


def _datasketch(
    shingles: list[list[bytes]], config: DedupConfig, batch: bool, sha1: bool = False
) -> tuple[list[MinHash], float]:
    def xxh32(b: bytes) -> int:
        return xxhash.xxh32_intdigest(b, config.hash_seed)

    hashfunc = None if sha1 else xxh32  # None: datasketch's default SHA-1
    start = time.perf_counter()
    out = []
    for doc in shingles:
        m = MinHash(num_perm=config.num_perm, seed=config.perm_seed, hashfunc=hashfunc)
        if batch:
            m.update_batch(doc)
        else:
            for shingle in doc:
                m.update(shingle)
        out.append(m)
    return out, time.perf_counter() - start


def _ours(texts: list[str], config: DedupConfig) -> tuple[np.ndarray, float]:
    start = time.perf_counter()
    perms = permutations(config.num_perm, config.perm_seed)
    parts = []
    for lo in range(0, len(texts), config.batch_docs):
        hashes, offsets = batch_shingle_hashes(texts[lo : lo + config.batch_docs], config.shingle_size, config.hash_seed)
        parts.append(signatures(hashes, offsets, perms))
    return np.concatenate(parts), time.perf_counter() - start


def _lsh_pairs(minhashes: list[MinHash], config: DedupConfig) -> set[tuple[int, int]]:
    lsh = MinHashLSH(num_perm=config.num_perm, params=(config.lsh_bands, config.lsh_rows))
    for k, m in enumerate(minhashes):
        lsh.insert(k, m)
    return {(min(k, j), max(k, j)) for k, m in enumerate(minhashes) for j in lsh.query(m) if j != k}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench signatures", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to sign (default 2000)")
    parser.add_argument("--chars", type=int, default=1500, help="characters per document (default 1500)")
    parser.add_argument("--update-docs", type=int, default=300,
                        help="documents timed with the slow per-shingle update loop (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="best of this many timings (default 5)")
    parser.add_argument("--sha1", action="store_true", help="also time datasketch with its default SHA-1 hash")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (../shared)")
    args = parser.parse_args(argv)
    config = DedupConfig()
    if not (args.shared / "dev/chinese-wce/cleaned").is_dir():
        print(f"note: {args.shared} not found, signing random Han text instead of real bodies")
    texts = corpus(args.docs, args.chars, args.shared)
    shingles = [shingle_bytes(t, config.shingle_size) for t in texts]
    slow_n = min(args.update_docs, args.docs)

    # Best of --repeat for the two fast paths (the machine is shared; the slowest runs say
    # more about neighbours than about code); the slow loop runs once.
    ours, t_ours = min((_ours(texts, config) for _ in range(args.repeat)), key=lambda r: r[1])
    batch, t_batch = min((_datasketch(shingles, config, batch=True) for _ in range(args.repeat)), key=lambda r: r[1])
    loop, t_loop = _datasketch(shingles[:slow_n], config, batch=False)

    rate = {"update": slow_n / t_loop, "update_batch": args.docs / t_batch, "dedup.sign": args.docs / t_ours}
    if args.sha1:
        rate["update (SHA-1)"] = slow_n / _datasketch(shingles[:slow_n], config, batch=False, sha1=True)[1]
        rate["update_batch (SHA-1)"] = args.docs / _datasketch(shingles, config, batch=True, sha1=True)[1]
    print(f"{args.docs} documents of {args.chars} characters, {config.shingle_size}-gram shingles, "
          f"num_perm {config.num_perm}, xxh32 (update loop timed on {slow_n})")
    for name, value in rate.items():
        print(f"  {name:<21} {value:>10,.0f} docs/s")

    same_values = all(np.array_equal(m.hashvalues, ours[k]) for k, m in enumerate(batch)) and all(
        np.array_equal(m.hashvalues, ours[k]) for k, m in enumerate(loop)
    )
    theirs = _lsh_pairs(batch, config)
    keys = band_keys(ours, config.lsh_bands, config.lsh_rows)
    docs = np.repeat(np.arange(len(texts)), config.lsh_bands)
    mine = {tuple(p) for p in candidate_pairs(keys.ravel(), docs, 1, len(texts) + 1).tolist()}
    lean_ok = lean_minhash(ours[0], config.perm_seed).jaccard(batch[0]) == 1.0
    identical = same_values and theirs == mine and lean_ok
    print(f"  signatures equal: {same_values}; LSH candidate pairs: datasketch {len(theirs)}, "
          f"dedup.index {len(mine)}, equal: {theirs == mine}")
    print(
        f"signatures: speedup_vs_update={rate['dedup.sign'] / rate['update']:.1f} "
        f"speedup_vs_update_batch={rate['dedup.sign'] / rate['update_batch']:.1f} "
        f"identical_decisions={'true' if identical else 'false'}"
    )
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
