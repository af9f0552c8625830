"""The HTML front end: a decoded page in, the article's candidate blocks and metadata out.

Parse once (``clean.html.dom``), walk the tree once into lines (``clean.html.walk``),
pick the subtree holding the article (``clean.html.content``), read the metadata from
the head and the byline (``clean.html.meta``). The blocks then go through the same
classifier as text captures, which removes what slipped through with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from clean.blocks import Block
from clean.config import HtmlConfig
from clean.html.content import find_content
from clean.html.dom import parse_html
from clean.html.walk import Line, walk


@dataclass(slots=True)
class HtmlExtraction:
    """What the HTML front end hands to the rest of the pipeline.

    Attributes:
        blocks: the article's candidate blocks in reading order, the title and byline
            region just above it included (the classifier moves those to metadata).
        metadata: fields found in the page's markup and byline (title, date, source,
            author, editor, keywords, ...): only those found.
    """

    blocks: list[Block] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)


@lru_cache(maxsize=8)
def _hint_pattern(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all furniture hints, each anchored at the start of a class/id token."""
    words = "|".join(re.escape(hint) for hint in hints) or "(?!)"
    return re.compile(rf"(?:^|[^a-z])(?:{words})")


def _block(line: Line) -> Block:
    return Block(text=line.text, tag=line.owner.tag,
                 link_density=line.link_chars / line.chars if line.chars else 0.0)


def extract_html_blocks(html: str, config: HtmlConfig) -> HtmlExtraction:
    """Find the article in a decoded HTML page and cut it into blocks.

    Example:
        >>> page = "<html><body><div class=nav><a href=/>首页</a></div>" \\
        ...     "<div><p>第一段，正文。</p><p>第二段，正文。</p></div></body></html>"
        >>> [b.text for b in extract_html_blocks(page, HtmlConfig()).blocks]
        ['第一段，正文。', '第二段，正文。']
    """
    root = parse_html(html)
    result = walk(root, _hint_pattern(config.furniture_hints))
    span = find_content(result.lines, result.hinted, config)
    blocks = [_block(line) for line in result.lines[span.start:span.stop]]
    return HtmlExtraction(blocks=blocks)
