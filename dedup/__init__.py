"""pagewash's near-duplicate detection: normalise -> shingle -> sign -> index -> verify -> cluster."""

from dedup.api import DedupSummary, find_duplicates, run_dedup
from dedup.config import DedupConfig

__all__ = ["DedupConfig", "DedupSummary", "find_duplicates", "run_dedup"]
