"""Tunables of duplicate detection."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DedupConfig:
    """Everything ``dedup.find_duplicates`` can be tuned with."""

    #: Bodies shorter than this (after normalisation) are never clustered.
    min_chars: int = 50
