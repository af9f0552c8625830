"""Metadata: title, date, source, author, editor, keywords from labelled blocks."""

from __future__ import annotations

from clean.blocks import METADATA_LABELS, Block


def extract_metadata(blocks: list[Block]) -> dict:
    """Collect the text of title/metadata blocks under their field names."""
    return {block.field: block.text for block in blocks if block.label in METADATA_LABELS and block.field}
