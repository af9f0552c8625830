"""The text front end: a plain-text dump of a rendered page -> blocks in reading order.

Text dumps come from browsers' "save as text", from lynx/w3m-style renderers and from
copy-paste. What survives of the page's layout is line breaks, blank lines, runs of
spaces between table columns and the ``|`` separators of navigation rows. The splitter
undoes just enough of that layout for the classifier to see one paragraph-sized unit
per block:

* each non-empty line is a block, stripped of indentation (ASCII and full-width);
* a line holding several table cells side by side (columns separated by a wide run of
  spaces, as renderers lay out a body column next to a sidebar) is split into cells,
  because a sidebar link glued to a body paragraph would otherwise decide its fate;
* a navigation row whose items and ``|`` separators ended up on separate lines is
  joined back into one block, so that it is seen as one row of links, not as many
  lines that each look like a short heading.

Nothing is dropped: every character of the dump other than layout white space is in
exactly one block, in the original order.
"""

from __future__ import annotations

import re

from clean.blocks import Block

#: A wide gap between two table cells on one rendered line: three or more spaces,
#: two or more full-width spaces, or a tab.
_CELL_GAP = re.compile(r"(?: {3,}|\u3000{2,}|\t+|\u00a0{3,})")
#: Characters that separate navigation items.
_SEPARATORS = "|｜¦"
_SEPARATOR_ONLY = re.compile(rf"^[\s{_SEPARATORS}]+$")
_STRIP = " \t\r\u3000\u00a0\ufeff\u200b"


def _cells(line: str) -> list[str]:
    """Split one rendered line into its table cells, dropping layout white space."""
    return [cell for cell in (c.strip(_STRIP) for c in _CELL_GAP.split(line)) if cell]


def split_text_blocks(text: str) -> list[Block]:
    """Split a plain-text capture into blocks, in the original order.

    Example:
        >>> [b.text for b in split_text_blocks("首页\\n|\\n 公务邮箱\\n\\n　　正文第一段。")]
        ['首页 | 公务邮箱', '正文第一段。']
    """
    texts: list[str] = []
    join_next = False
    for line in text.splitlines():
        stripped = line.strip(_STRIP)
        if not stripped:
            continue
        if _SEPARATOR_ONLY.match(stripped):
            if texts:
                texts[-1] = f"{texts[-1]} {stripped}"
                join_next = True
            continue
        cells = _cells(line)
        starts_with_sep = cells[0][0] in _SEPARATORS
        if texts and (join_next or starts_with_sep):
            texts[-1] = f"{texts[-1]} {cells[0]}"
            cells = cells[1:]
        texts.extend(cells)
        join_next = bool(texts) and texts[-1][-1] in _SEPARATORS
    return [Block(text=t) for t in texts]
