"""The one frozen configuration of the dedup pipeline, with every threshold in one place.

Defaults are measured, not guessed; ``bench/reprints.py`` is the measurement. Each field
says which stage reads it, so a TOML section ``[dedup]`` maps onto it one to one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DedupConfig:
    """Tunables of ``dedup`` (normalise → shingle → sign → index → verify → cluster)."""

    # --- normalise -------------------------------------------------------------------
    #: OpenCC conversions applied in order to bring every script and regional vocabulary to
    #: one form. Measured on 74 real bodies converted with s2t/s2tw/s2twp/s2hk (mean / min
    #: 5-gram Jaccard to the original): plain t2s leaves s2twp copies at 0.929 / 0.372
    #: (软件 vs 軟體); tw2sp (Taiwan phrases back to mainland ones) then t2s (left-over
    #: characters) reaches ≥ 0.988 / 0.883 for every variant at 111 µs per 1,500 characters.
    #: ("hk2s", "s2twp", "t2s") reaches 0.999 / 0.963 but costs 550 µs, and the reprint
    #: bench scores both the same, so the cheaper chain is the default.
    opencc_chain: tuple[str, ...] = ("tw2sp", "t2s")
    #: Keep digits in the fingerprint. Measured on the reprint bench (3 seeds, 5-grams):
    #: with digits the 1st-percentile containment of true reprints is 0.514 (0.506 without)
    #: and the highest containment between unrelated bodies 0.238 (0.250 without).
    keep_digits: bool = True
    #: Normalised bodies shorter than this are never clustered (empty or stub bodies would
    #: otherwise all match each other).
    min_chars: int = 50

    # --- shingle / sign ---------------------------------------------------------------
    #: Character n-gram size of the shingles. Measured (3 bench seeds): the highest
    #: containment of a hard negative (follow-up quoting two sentences, shared chrome) is
    #: 0.45 with 3-grams, 0.39 with 4-grams, 0.37 with 5-grams, while reprint recall is
    #: about equal; 5 keeps the widest margin below ``containment_threshold``.
    shingle_size: int = 5
    #: Seed of the 32-bit xxhash (xxh32 over the UTF-32-LE shingle) that hashes shingles.
    hash_seed: int = 0
    #: Number of MinHash permutations (datasketch's default).
    num_perm: int = 128
    #: Seed of the permutations; the same seed gives datasketch's ``MinHash(seed=...)``.
    perm_seed: int = 1
    #: Documents signed per numpy batch (bounds the batch's temporary memory).
    batch_docs: int = 256
    #: Processes that normalise, shingle and sign (1 = in this process). Results do not
    #: depend on it: batches are processed in order.
    workers: int = 1

    # --- index -------------------------------------------------------------------------
    #: LSH banding: ``lsh_bands`` bands of ``lsh_rows`` rows (``bands * rows <= num_perm``),
    #: chosen for ``jaccard_threshold`` = 0.4: 42 × 3 catches a pair at Jaccard 0.4 with
    #: probability 0.94 (0.996 at 0.5), while a pair at 0.05 collides with probability
    #: 0.005. (datasketch's 9 × 13 for 0.8 catches a pair at 0.8 only 40 % of the time.)
    lsh_bands: int = 42
    lsh_rows: int = 3
    #: Sentence anchors find excerpt reprints that banding cannot (their Jaccard to the
    #: full text is small): normalised sentences of at least this many characters are
    #: hashed, and documents sharing at least ``anchor_min_shared`` of them become candidates.
    anchor_min_chars: int = 12
    anchor_min_shared: int = 2
    #: A band key shared by more documents than this links them as a star to the first one
    #: (a much-copied article: linear cost, not quadratic); a sentence anchor shared by more
    #: is ignored as boilerplate (来源 lines, disclaimers), not taken as reprint evidence.
    max_bucket: int = 50

    # --- verify ------------------------------------------------------------------------
    #: A candidate pair is a duplicate when the shingle-set Jaccard reaches this ...
    #: (bench: unrelated bodies reach at most 0.08, hard negatives 0.15)
    jaccard_threshold: float = 0.4
    #: ... or when the share of the shorter text's shingles found in the longer does
    #: (bench: hard negatives reach at most 0.37; 1 % of true reprint pairs fall below 0.51,
    #: mostly excerpt/truncation pairs that cluster through the full copy instead; the 212
    #: dev pages cleaned by pagewash: at most 0.43 between different articles, a follow-up
    #: quoting an earlier report).
    containment_threshold: float = 0.6

    # --- cluster -----------------------------------------------------------------------
    #: Bodies within this share of the longest body in their cluster count as complete.
    completeness_tolerance: float = 0.05
    #: Values of ``metadata["source"]`` by which a copy names itself the original.
    self_source_markers: tuple[str, ...] = ("原创", "本站", "本网", "本報", "本报", "本台", "original")

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be positive")
        if self.min_chars < self.shingle_size:
            raise ValueError("min_chars must be at least shingle_size")
        if self.num_perm < 1:
            raise ValueError("num_perm must be positive")
        if self.lsh_bands < 1 or self.lsh_rows < 1:
            raise ValueError("lsh_bands and lsh_rows must be positive")
        if self.lsh_bands * self.lsh_rows > self.num_perm:
            raise ValueError(
                f"lsh_bands * lsh_rows = {self.lsh_bands * self.lsh_rows} exceeds num_perm = {self.num_perm}"
            )
        for name in ("jaccard_threshold", "containment_threshold", "completeness_tolerance"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within [0, 1], got {value}")
        if self.anchor_min_shared < 1 or self.max_bucket < 2 or self.batch_docs < 1 or self.workers < 1:
            raise ValueError("anchor_min_shared, batch_docs and workers must be >= 1, max_bucket >= 2")
