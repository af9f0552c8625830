"""Walk the parsed tree once and cut its visible text into lines.

A line is what a reader sees as one paragraph: the text between two block boundaries
(block elements, ``<br>``). Each line remembers the block element it sits in (its
*owner*), so that later stages can score DOM subtrees by the lines they hold without
walking the tree again. Data-table rows become one line each (cells separated by a
space); layout tables, whose cells hold paragraphs, are walked like any other block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from clean.html.dom import BLOCK_TAGS, SKIPPED_TAGS, hint_text, is_hidden

_SPACE = re.compile(r"\s+")
_CELL_TAGS = frozenset({"td", "th"})
_MAX_CELL_BREAKS = 2
_ENTER, _TAIL, _EXIT = "enter", "tail", "exit"


@dataclass(slots=True)
class Line:
    """One visible paragraph of the page.

    Attributes:
        text: the paragraph, white space collapsed, stripped.
        owner: the innermost block element holding the line's first text.
        chars: non-space characters in ``text``.
        link_chars: non-space characters inside ``<a>`` elements.
    """

    text: str
    owner: etree._Element
    chars: int
    link_chars: int


@dataclass(slots=True)
class WalkResult:
    """The page's lines in reading order, and the elements that look like furniture:
    class/id matched a hint, or a ``<header>`` landmark."""

    lines: list[Line]
    hinted: list[etree._Element]


class _Walker:
    """Accumulates text pieces into lines during one depth-first walk."""

    def __init__(self, hint: re.Pattern[str], max_cell_chars: int) -> None:
        self.hint = hint
        self.max_cell_chars = max_cell_chars
        self.lines: list[Line] = []
        self.hinted: list[etree._Element] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.owner: etree._Element | None = None

    def add(self, text: str, in_link: bool, owner: etree._Element) -> None:
        if not self.pieces:
            if text.isspace():
                return
            self.owner = owner
        self.pieces.append(text)
        if in_link:
            self.link_chars += _visible(text)

    def cut(self) -> None:
        """End the current line (a block boundary or ``<br>``)."""
        if self.pieces:
            text = _SPACE.sub(" ", "".join(self.pieces)).strip()
            if text:
                chars = len(text) - text.count(" ")
                self.lines.append(Line(text, self.owner, chars, min(self.link_chars, chars)))
            self.pieces = []
            self.link_chars = 0

    def walk(self, start: etree._Element) -> None:
        """Depth-first over ``start``'s subtree, with an explicit stack: broken pages
        nest thousands of unclosed elements deep, past Python's recursion limit."""
        stack: list[tuple] = [(_ENTER, start, False, start, False)]
        while stack:
            step, element, in_link, owner, in_row = stack.pop()
            if step is _TAIL:
                self.add(element.tail, in_link, owner)
            elif step is _EXIT:
                self.cut()
            else:
                self.enter(element, in_link, owner, in_row, stack)

    def enter(self, element: etree._Element, in_link: bool, owner: etree._Element,
              in_row: bool, stack: list[tuple]) -> None:
        """Open ``element``: take its own text, queue its children, their tails and its end."""
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED_TAGS or is_hidden(element):
            return
        # inside a data-table row, cell, paragraph and line boundaries are only spaces
        if in_row and (tag == "br" or tag in BLOCK_TAGS):
            self.add(" ", False, owner)
        if tag == "br":
            if not in_row:
                self.cut()
            return
        hints = hint_text(element)
        if tag == "header" or (hints and self.hint.search(hints)):
            self.hinted.append(element)
        if tag == "pre" and not in_row:
            # preformatted text keeps its own line breaks (code, verse)
            self.cut()
            for text in element.text_content().splitlines():
                self.add(text, False, element)
                self.cut()
            return
        block = tag in BLOCK_TAGS and not in_row
        if block:
            self.cut()
            owner = element
            in_row = tag == "tr" and _is_data_row(element, self.max_cell_chars)
            stack.append((_EXIT, element, in_link, owner, in_row))
        in_link = in_link or tag == "a"
        if element.text:
            self.add(element.text, in_link, owner)
        for child in reversed(element):
            if child.tail:
                stack.append((_TAIL, child, in_link, owner, in_row))
            stack.append((_ENTER, child, in_link, owner, in_row))


def _visible(text: str) -> int:
    """Characters a reader sees: white space does not count."""
    return len(text) - sum(1 for ch in text if ch.isspace())


def _is_data_row(row: etree._Element, max_cell_chars: int) -> bool:
    """A row of a data table: several cells of short text and no nested table.

    A cell may wrap its text in a paragraph or break it once or twice (``指导<br>教师``),
    as exported office tables do. Layout tables, whose cells hold a column of the page
    or a forum post, fail the test and are walked like nested blocks.
    """
    cells = [child for child in row if child.tag in _CELL_TAGS]
    if len(cells) < 2:
        return False
    for cell in cells:
        breaks = 0
        for inner in cell.iterdescendants():
            if inner.tag == "table":
                return False
            if inner.tag == "br" or inner.tag in BLOCK_TAGS:
                breaks += 1
        if breaks > _MAX_CELL_BREAKS or len(cell.text_content()) > max_cell_chars:
            return False
    return True


def walk(root: etree._Element, hint: re.Pattern[str], max_cell_chars: int) -> WalkResult:
    """Cut the visible text under ``root`` into lines, in reading order.

    ``hint`` is matched against every element's class and id; matching elements are
    returned so the content stage can judge them without another walk. Table rows whose
    cells hold at most ``max_cell_chars`` characters are data and become one line each.
    """
    walker = _Walker(hint, max_cell_chars)
    body = root.find("body")
    start = body if body is not None else root
    walker.walk(start)
    walker.cut()
    return WalkResult(walker.lines, walker.hinted)
