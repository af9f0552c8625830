"""pagewash's near-duplicate detection: normalise -> shingle -> sign -> index -> verify -> cluster.

``find_duplicates`` works on documents in memory; ``run_dedup`` streams an output folder's
``documents.jsonl`` and writes ``clusters.jsonl`` (and ``deduplicated.jsonl`` on request).
"""

from dedup.api import DedupSummary, find_duplicates, run_dedup
from dedup.config import DedupConfig

__all__ = ["DedupConfig", "DedupSummary", "find_duplicates", "run_dedup"]
