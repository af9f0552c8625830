"""Text front end: split a plain-text dump of a rendered page into blocks, one a line."""

from __future__ import annotations

from clean.blocks import Block


def split_text_blocks(text: str) -> list[Block]:
    """One block per non-blank line, stripped, in the original order."""
    return [Block(line.strip()) for line in text.splitlines() if line.strip()]
