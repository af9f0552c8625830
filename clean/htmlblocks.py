"""HTML front end: a page's visible text as blocks, one per block-level element.

Foundation version: no main-content selection yet, only scripts and styles are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html

from clean.blocks import Block
from clean.config import HtmlConfig

_INVISIBLE = ("script", "style", "noscript", "template")


@dataclass
class HtmlExtraction:
    """Blocks of a page in reading order, and the metadata its markup declares."""

    blocks: list[Block]
    metadata: dict = field(default_factory=dict)


def extract_html_blocks(html: str, config: HtmlConfig) -> HtmlExtraction:
    """Every non-blank line of the page's visible text becomes a block."""
    if not html.strip():
        return HtmlExtraction([])
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for element in root.iter(*_INVISIBLE):
        element.drop_tree()
    text = root.text_content()
    return HtmlExtraction([Block(line.strip()) for line in text.splitlines() if line.strip()])
