"""Classify: label each block body, title, metadata or a removal reason.

Foundation version: every block is body. The real classifier replaces this.
"""

from __future__ import annotations

from clean.blocks import Block
from clean.config import ClassifyConfig


def classify_blocks(blocks: list[Block], config: ClassifyConfig) -> list[Block]:
    """Return the blocks with their labels set (here: all left as body)."""
    return blocks
