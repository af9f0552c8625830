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
  lines that each look like a short heading;
* a paragraph that a fixed-width renderer hard-wrapped is joined back: a line filled
  up to the page's wrap width, not ending a sentence, continues on the next line of
  the same column (a lone fragment of a sentence would read as a heading or a link),
  unless that line's first word would have fitted on it or it opens a list item;
* a table drawn with borders (w3m and links draw ``┌─┬─┐ │ a │ b │``; Markdown
  renderers write ``| a | b |`` over a ``|---|---|`` line) becomes one block per row,
  its cells separated by a space and a cell wrapped over several lines joined back:
  the borders are layout, like the spaces between the cells of a borderless table;
* so does a borderless data table, whose short cells line up in the same columns row
  after row (``岗位名称      人数  专业`` / ``公共卫生医师  2     预防医学``): its cells
  right of the first are the row's, not a sidebar's;
* an image that a renderer printed as its file name in brackets inside a line of text
  (lynx: ``[icon.png] 订阅``, ``[gif;base64,…] 正文``, wrapped over two lines) is a block
  of its own, so that the classifier sees a placeholder and the text around it apart;
* a line that is one text printed twice (``图片说明 图片说明``: a renderer printing an
  image's alt text and then its caption) becomes two blocks, so that the second copy is
  seen as the repeat it is.

Each block also records the display column it started at and whether it shared its
line with other cells (``TextBlock``): a renderer that keeps the page's layout puts the
article in one column and the sidebars in others, and the classifier uses that when it
is there.

Nothing is dropped: every character of the dump other than layout (white space and a
table's borders) is in exactly one block, in the original order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from clean.blocks import Block

#: A wide gap between two table cells on one rendered line: three or more spaces,
#: two or more full-width spaces, or a tab.
_WORDISH = re.compile(r"[\w\u3400-\u9fff]")
_CELL_GAP = re.compile(r"(?: {3,}|\u3000{2,}|\t+|\u00a0{3,})")
#: An HTML tag printed as text.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
#: Characters that separate navigation items.
_SEPARATORS = "|｜¦"
_SEPARATOR_ONLY = re.compile(rf"^\s*[{_SEPARATORS}][\s{_SEPARATORS}]*$")
_STRIP = " \t\r\u3000\u00a0\ufeff\u200b"
#: A line of closing punctuation only (``。``, ``”。``): a renderer that could not break
#: a run of Chinese pushed the paragraph's last mark onto a line of its own.
_CLOSING_ONLY = re.compile(r"[。，、；：！？…”’」』）》]+")
#: Characters a terminal shows two columns wide (CJK, Hangul, full-width forms).
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
#: Runs of them: counting runs, not characters, spares a string per character.
_WIDE_RUN = re.compile(_WIDE.pattern + "+")
#: Hard-wrap detection: a page wraps when its long lines are at least this wide; a
#: line within ``_WRAP_SLACK`` columns of the wrap width was wrapped; continuation
#: lines start within ``_INDENT`` columns of the paragraph's first line.
_MIN_WRAP = 40
#: A narrow column wrapped inside a wider page (a forum post's box): consecutive lines of
#: the same width, at least this wide, that do not end a sentence; prose pauses in them.
_MIN_COLUMN_WRAP = 24
_CLAUSE = re.compile(r"[，。；！？,;]")
#: ... not list items: a box of teasers cut to one width is not one paragraph.
_LIST_ITEM = re.compile(r"[•·▪▸▶►○◎☆□*+\-–]|\d{1,2}[.、)]")
#: A line that opens with a bullet and a space starts a list item, never continues a wrapped line.
_BULLETED = re.compile(r"[•·▪▸▶►○◎☆□■●◆◇*+\-]\s")
#: ... and so does the next item of a numbered list (``2.`` under a block opening ``1.``).
_NUMBERED = re.compile(r"(\d{1,3})[.、)．]")
#: A row of controls in brackets (【打印本页】 【关闭窗口】) is never the rest of a wrapped line either.
_CONTROL_ROW = re.compile(r"(?:[【\[][^】\]\s]{1,8}[】\]]\s*)+")
_MIN_FULL_LINES = 5
#: ... or, on a page too short for that many (a brief printed by lynx, a Chinese character
#: one column, has few), this many distinct lines cut at the width that a paragraph's
#: last line follows: shorter, ending a sentence. A list of teasers cut to one length has
#: no such line, and a nav row printed three times is one line.
_MIN_ENDED_PARAGRAPHS = 3
#: ... of which the lines ending in a wide character end at the wrap width (or one column
#: short of it) at least this often.
_MIN_CUT_SHARE = 0.5
_WRAP_SLACK = 6
#: A page parts its paragraphs with blank lines when at least this share of its
#: paragraphs' last lines (at least ``_MIN_PARAGRAPH_ENDS`` of them) have one below.
_MIN_BLANK_PARTED_SHARE = 0.9
_MIN_PARAGRAPH_ENDS = 4
#: ... lines wider than the wrap width: at most this share of the full lines.
_MAX_OVER_SHARE = 0.25
#: ... where the next line's first word (or wide character) would not have fitted in
#: what was left of it: a byline ending ``编辑：NF055`` a few columns short of the wrap
#: width is not continued by the advertisement under it.
_FIRST_WORD = re.compile(r"[!-~]+")
#: ... (lynx: everything up to the next space).
_SPACED_WORD = re.compile(r"[^ ]+")
#: A Latin word or number opening a line (what a renderer does not cut).
_LATIN_WORD = re.compile(r"[A-Za-z0-9][!-~]*(?= ?[^\s!-~])")
_INDENT = 4
_SENTENCE_END = "。！？!?；;.”」』\"'）)"
#: A paragraph printed one inline element a line (``soup.get_text("\n")`` puts every link
#: on its own line): a link's words alone on a line are a bare fragment, this long at most;
_MAX_FRAGMENT_CHARS = 12
#: ... a line cut there ends inside a clause or opens a quote or bracket, the next may
#: start with what never starts a sentence; and the paragraph ends a sentence within so
#: many lines.
_CUT_END = "，、,“‘《（(「『【"
_CONTINUED_START = "，。、；！？”’）》」』…,;"
_MAX_SPLIT_LINES = 40
#: A paragraph's first line starts this many display columns right of its other lines
#: (two full-width spaces are four) when the page indents its paragraphs ...
_MIN_PARAGRAPH_INDENT, _MAX_PARAGRAPH_INDENT = 2, 4
#: ... with two full-width spaces, the way Chinese text is indented (spaces indent a
#: layout's centred headings and infobox cells too, and one a table's cells)
_PARAGRAPH_INDENT = re.compile("(?:^|  )\u3000\u3000+[^\\s\u3000]")
#: ... and a page was broken at its source's line breaks when this many lines of such
#: paragraphs stop inside a clause, short of any wrap width
_MIN_RAGGED_LINES = 2
#: A short note in brackets after a link (``(北京)``), not a list item's number (``（一）``, ``(3)``).
_INLINE_NOTE = re.compile(r"[(（](?![一二三四五六七八九十\d]+[)）])[^()（）\s：:]{1,8}[)）]")
#: An image printed as its file or address in brackets, as lynx prints an image without alt
#: text: an image file's name, inline data, or an address with an HTML-escaped query
#: (``[logo.png]``, ``[gif;base64,R0lG…]``, ``[u=25562,26892&amp;fm=173]``, its ``&amp;``
#: decoded or not). No Chinese
#: and no brackets inside; a few single spaces where the renderer wrapped a long name.
_NAME_CHAR = r"[^\[\]\s\u3000-\u9fff\uff00-\uffef]"
_IMAGE_MARK = r"(?:\.(?:jpe?g|png|gif|webp|bmp|svg|ico)\b|;base64,|&(?:amp;)?[A-Za-z_]\w*=)"
IMAGE_FILE = re.compile(rf"\[(?={_NAME_CHAR}*{_IMAGE_MARK}){_NAME_CHAR}+(?: {_NAME_CHAR}+){{0,3}}\]", re.IGNORECASE)
#: ... cut at the end of a line (an opening bracket, then a name that has not ended) and
#: finished on the next (the rest of the name and the closing bracket).
_NAME_CUT = re.compile(rf"\[{_NAME_CHAR}*{_IMAGE_MARK}{_NAME_CHAR}*$", re.IGNORECASE)
_NAME_END = re.compile(rf"{_NAME_CHAR}*\]")
#: A line printed twice: each copy at least this long.
_MIN_COPY_CHARS = 6
_PUNCTUATION = re.compile(r"[^\w\s]")
_LABEL_END = "：:"
#: Bordered tables: the characters that draw their rules, and the edges between cells.
_BOX_CHARS = "\u2500-\u257f"
_BOX_RULE = re.compile(rf"[{_BOX_CHARS}\s]+")
_BOX_EDGES = re.compile("[\u2502\u2503\u2551]")
#: ... and the strokes of a rule across the table (a line of edges alone is an empty row).
_BOX_HORIZONTAL = re.compile("[\u2500\u2501\u2550\u2504\u2505\u2508\u2509\u254c\u254d]")
#: Markdown tables: a row between pipes, and the ``|---|:--:|`` line under the header.
_PIPE_ROW = re.compile(r"\|.*\|")
#: pandoc's rule under a borderless table's head: a run of dashes over each column, or
#: one across the table (links)
_DASHED_RULE = re.compile(r"-{2,}(?: +-{2,})+|-{10,}")
_PIPE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?")
#: Borderless tables: the gap between two of a row's cells can be as narrow as two
#: spaces (a renderer pads each column to its widest cell plus one or two); a single
#: space is a word break inside a cell (``同 上``).
_ROW_GAP = re.compile(r"(?: {2,}|\t+|\u3000{2,}|\u00a0{2,})")
#: A borderless table has this many rows at least, every one of them with two cells
#: or more, none wider than ``_MAX_CELL_WIDTH`` columns nor ending a sentence: a data
#: table's cells are names, numbers and phrases; a paragraph beside a sidebar is not one.
_MIN_TABLE_ROWS = 3
_MAX_CELL_WIDTH = 32
#: A row's last cell may be longer (a requirement, a remark), unless the rows' last
#: cells end at one column like the lines of text wrapped in a column beside a menu:
#: in a run of two columns, no more than this share of them may end within
#: ``_WRAP_SLACK`` of the widest.
_MAX_FLUSH_SHARE = 0.5
#: ... and its columns line up: a column is a display position where the cells of this
#: share of the rows start, or end (numbers set flush right); the table needs two such
#: columns, and each row two cells starting or ending at one of them.
_MIN_COLUMN_SHARE = 0.6
#: ... and a table whose head or total row does not line up has this many cells a row.
_MIN_HEADED_ROW_CELLS = 3
#: (full-width marks only: a figure's ASCII comma, 1,260.00, is no clause)
_CLAUSE_MARK = re.compile("[，。；！？]")


@dataclass(slots=True)
class TextBlock(Block):
    """A block of a text dump, with where it sat in the rendered layout.

    Attributes:
        column: display column (full-width characters count two) the block starts at.
        shared_line: the block's line held other cells too (a multi-column layout).
        cells: a borderless table's row: how many cells it held (0 for other blocks).
        blank_above: a blank line (or the capture's start) stands right above the block:
            a caption hangs under its picture without one.
    """

    column: int = 0
    shared_line: bool = False
    cells: int = 0
    blank_above: bool = False


def display_width(text: str) -> int:
    """Display width: wide characters take two columns."""
    return len(text) + sum(map(len, _WIDE_RUN.findall(text)))


#: Characters GBK encodes in two bytes that a UTF-8 terminal shows in one column (the
#: common ones: Latin-1 signs and pinyin letters, Greek, Cyrillic, quotes, dashes and
#: ellipses, units, arrows, maths, circled numbers, box rules): without one on a page,
#: a Chinese terminal measures it as ``display_width`` does.
_TWO_BYTE_NARROW = re.compile("[\u00a4-\u01dc\u02c7-\u02d9\u0391-\u0451\u2010-\u203b\u2103-\u2199\u2208-\u2312\u2460-\u24ff\u2500-\u2642]")


def _gbk_columns(text: str) -> int:
    """Display width in a Chinese terminal or editor, where a character GBK encodes in two
    bytes takes two columns: quotes, dashes and ellipses (“ ” — …) too, which a UTF-8
    terminal gives one."""
    return len(text.encode("gbk", errors="replace"))


@dataclass(frozen=True, slots=True)
class _Wrapping:
    """How a fixed-width renderer wrapped a page.

    Attributes:
        width: the width it wrapped at (0: the page is not wrapped).
        measure: how it measures a line: display columns (w3m gives a Chinese character
            two), columns of a Chinese terminal (quotes and dashes two as well: text
            wrapped there, or printed by w3m in one) or characters (lynx gives a Chinese
            character one).
        word: what it never breaks, at the start of a line: w3m cuts Chinese anywhere and
            Latin at spaces; lynx breaks at spaces only, unless a run without one is longer
            than the line.
    """

    width: int
    measure: Callable[[str], int]
    word: re.Pattern[str]

    @property
    def at_spaces(self) -> bool:
        """It breaks at spaces only: a line may stop well short of the width."""
        return self.word is _SPACED_WORD


_UNWRAPPED = _Wrapping(0, display_width, _FIRST_WORD)


def _wrap_width(lines: list[str]) -> _Wrapping:
    """How a fixed-width renderer wrapped ``lines`` (width 0 when they are not wrapped).

    A wrapped page has a plateau: many lines end at the wrap width (or one column short
    of it), and where they end in Chinese, at least half of them end exactly there (a
    column of headlines makes a plateau too, but a loose one). A terminal renderer (w3m)
    gives a Chinese character two columns (a Chinese terminal its quotes and dashes too);
    lynx gives it one, so its wrapped lines are as long in characters, not as wide.
    Measured another way, a page's lines mixing Latin and Chinese (or quotes) end short of
    or past the plateau its other lines make: the way under which more lines end right at
    the plateau is the renderer's.
    """
    kept = [line for line in map(str.rstrip, lines) if line.strip(_STRIP)]
    measures = (display_width, _gbk_columns, len) if any(map(_TWO_BYTE_NARROW.search, kept)) else (display_width, len)
    found = [(plateau, measure) for measure in measures if (plateau := _plateau(kept, measure))[0]]
    if not found:
        return _UNWRAPPED
    (wrap, _), measure = max(found, key=lambda item: item[0][1])  # a tie: columns, the usual way
    return _Wrapping(wrap, measure, _SPACED_WORD if measure is len else _FIRST_WORD)


def _plateau(lines: list[str], measure: Callable[[str], int]) -> tuple[int, int]:
    """The wrap width of ``lines`` (not blank, stripped on the right) measured with
    ``measure`` (0 when there is none; see ``_wrap_width``) and how many lines end right
    there.

    The plateau is the width most long lines end at: a page's nav rows and headings can
    outnumber its paragraphs' lines, so it is not found by rank.
    """
    # a line too short to be near the width in any measure (none gives a character more
    # than two columns) is counted in characters: measuring the many short lines costs
    widths = [measure(line) if 2 * len(line) >= _MIN_WRAP - _WRAP_SLACK else len(line) for line in lines]
    long = Counter(w for w in widths if w >= _MIN_WRAP)
    if not long:
        return 0, 0
    wrap = max(long, key=lambda w: (long[w] + long[w - 1], w))
    near = [i for i, w in enumerate(widths) if abs(w - wrap) <= _WRAP_SLACK]
    # ... and a cap: hardly a line runs past it (a word longer than a line may)
    over = sum(1 for w in widths if w > wrap + _WRAP_SLACK)
    if over > len(near) * _MAX_OVER_SHARE:
        return 0, 0
    # a renderer cuts Chinese anywhere, so most of its full lines were cut; a list of
    # headlines is about as wide, at random, and a column of sentences cut to one length
    # by the site ends each with a full stop
    wide_full = sum(_WIDE.match(lines[i][-1]) is not None for i in near)
    cuts = [i for i in near if _cut_at(lines, widths, i, wrap, measure)]
    if wide_full and len(cuts) < _MIN_CUT_SHARE * wide_full:
        return 0, 0
    if len(near) < max(_MIN_FULL_LINES, len(lines) // 20):
        if len(lines) // 20 > _MIN_FULL_LINES:  # a long page: a few such lines are chance
            return 0, 0
        ended = {lines[i] for i in cuts if i + 1 < len(lines) and _paragraph_end(lines[i + 1], widths[i + 1], wrap)}
        if len(ended) < _MIN_ENDED_PARAGRAPHS:
            return 0, 0
    return wrap, long[wrap] + long[wrap - 1]


def _cut_at(lines: list[str], widths: list[int], i: int, wrap: int, measure: Callable[[str], int]) -> bool:
    """Line ``i``, within the slack of the ``wrap`` width, was cut there: inside a
    sentence, a wide character at the width or one column short of it, or a few columns
    short where the Latin word the next line opens with did not fit (if the text goes on
    after it: a date or a number alone on a line is a list's)."""
    w, last = widths[i], lines[i][-1]
    if last in _SENTENCE_END or w > wrap:
        return False
    if w >= wrap - 1 and _WIDE.match(last):
        return True
    word = _LATIN_WORD.match(lines[i + 1].strip(_STRIP)) if i + 1 < len(lines) else None
    return word is not None and wrap < w + 1 + measure(word[0])


def _paragraph_end(line: str, width: int, wrap: int) -> bool:
    """``line`` (``width`` wide) ends a wrapped paragraph: short of the width, at the end
    of a sentence (not a teaser's ``...``)."""
    return width < wrap - _WRAP_SLACK and line[-1] in _SENTENCE_END and not line.endswith(("...", "…"))


def glue(left: str, right: str) -> str:
    """Join a wrapped line to its continuation (a space only between Latin words)."""
    return f"{left} {right}" if left[-1].isascii() and right[0].isascii() else left + right


def _markup_end(line: str) -> int:
    """Where leaked markup ends on a line that goes on with text, else 0.

    Renderers that let a script or ad tag through sometimes lose the line break after
    it: ``<SCRIPT ...></SCRIPT> <NOSCRIPT>...</NOSCRIPT>据萧乾回忆，……``. The text after
    the last tag is a cell of its own, so the tags alone are removed as debris.
    """
    if "</" not in line:
        return 0
    end = line.rfind(">") + 1
    return end if _WORDISH.search(line, end) else 0


def _cells(line: str) -> list[tuple[int, str]]:
    """Split one rendered line into its table cells: (display column, text) pairs."""
    cut = _markup_end(line)
    if cut:
        # the tags take no room on the rendered page: the text after them starts
        # where they do
        tags = _cells(line[:cut])
        start = tags[0][0] if tags else 0
        return tags + [(start + col, t) for col, t in _cells(line[cut:])]
    tags = [m.span() for m in _TAG.finditer(line)] if "</" in line else []
    if tags:
        # leaked page source (a template in a <textarea>): the text between its tags is
        # the source's, not a layout cell, and goes with the tags as one piece of debris
        start, end = tags[0][0], tags[-1][1]
        inner = (display_width(line[:start]), line[start:end].strip(_STRIP))
        return _cells(line[:start]) + [inner] + [(display_width(line[:end]) + col, t) for col, t in _cells(line[end:])]
    return _split_at(line, _CELL_GAP)


def _split_at(line: str, gap: re.Pattern[str], measure: Callable[[str], int] = display_width) -> list[tuple[int, str]]:
    """``line`` cut at the gaps ``gap`` matches: its pieces with words, stripped, each
    with the column it starts at (display columns, or as ``measure`` counts them)."""
    if gap.search(line) is None:  # most lines are one cell: measure only their indent
        text = line.strip(_STRIP)
        return [(measure(line[: len(line) - len(line.lstrip(_STRIP))]), text)] if text else []
    cells = []
    pos = 0
    for piece in gap.split(line):
        text = piece.strip(_STRIP)
        if text:
            lead = len(piece) - len(piece.lstrip(_STRIP))
            cells.append((measure(line[: pos + lead]), text))
        pos += len(piece)
        found = gap.match(line, pos)
        if found:
            pos = found.end()
    return cells


def _boxed(stripped: str) -> bool:
    """The line starts with a box-drawing character: part of a bordered table."""
    return bool(stripped) and "\u2500" <= stripped[0] <= "\u257f"


def _table_run(lines: list[str], start: int) -> int:
    """End (exclusive) of the bordered table starting at ``lines[start]``, or ``start``."""
    first = lines[start].strip(_STRIP)
    if _boxed(first) and _BOX_RULE.fullmatch(first) and _BOX_HORIZONTAL.search(first):
        end = start + 1
        while end < len(lines) and _boxed(lines[end].strip(_STRIP)):
            end += 1
        # a table opens with its top rule and has words between edges; a figure drawn
        # with arrows and lone rules is not one
        cells = any(_BOX_EDGES.search(line) and _WORDISH.search(line) for line in lines[start:end])
        return end if cells else start
    if _PIPE_ROW.fullmatch(first) and start + 1 < len(lines) and _PIPE_RULE.fullmatch(lines[start + 1].strip(_STRIP)):
        end = start + 2
        while end < len(lines) and _PIPE_ROW.fullmatch(lines[end].strip(_STRIP)):
            end += 1
        return end
    return start


def _gapped(line: str) -> bool:
    """``line`` may hold two cells of a borderless table (a quick test of ``_ROW_GAP``)."""
    core = line.strip(_STRIP)
    return "  " in core or "\t" in core or "\u3000\u3000" in core or "\u00a0\u00a0" in core


def _row_cells(line: str, measure: Callable[[str], int] = display_width) -> list[tuple[int, str]] | None:
    """A borderless table row's cells as (column, text), or None if the line cannot be
    one (one cell, a wide cell but the last, a sentence's end, a bordered row)."""
    cells = _split_at(line.rstrip(_STRIP), _ROW_GAP, measure)
    for k, (_, text) in enumerate(cells):
        wide = display_width(text) > _MAX_CELL_WIDTH and k < len(cells) - 1
        if wide or text[-1] in "。！？!?" or _boxed(text) or "|" in text:
            return None
    return cells if len(cells) > 1 else None


def _aligned_run(lines: list[str], start: int) -> tuple[list[list[tuple[int, str]]], int]:
    """The rows of the borderless table starting at ``lines[start]`` (their cells, as
    (column, text)) and the line after it, or ``[]``.

    A run of consecutive lines of short cells is a table when its cells' columns line
    up (``_MIN_COLUMN_SHARE``); a run of link grids in a page's margins lines up too, and
    becomes rows the classifier judges as it judged their cells (short, no sentences).
    The dashed rules pandoc draws under a table's head (``------ ------``) are its
    borders. Columns are display columns, or characters: inscriptis pads a cell to the
    column's length in characters, so Chinese cells line up only counted so (and then
    every row has as many cells).
    """
    # (cheap test first: this runs on every line, and most hold no gap between cells)
    if any(not _gapped(line) and not _DASHED_RULE.fullmatch(line.strip(_STRIP)) for line in lines[start:start + _MIN_TABLE_ROWS]):
        return [], start
    rows = []
    row_lines = []
    end = start
    for line in lines[start:]:
        rule = _DASHED_RULE.fullmatch(line.strip(_STRIP)) is not None
        cells = None if rule else _row_cells(line)
        if cells is None and not (rule and rows):
            break
        end += 1
        if cells:
            rows.append(cells)
            row_lines.append(line)
    if len(rows) < _MIN_TABLE_ROWS:
        return [], start
    if _body_lined_up(rows, display_width):
        return rows, end
    # (counted in characters, a table's rows hold as many cells each: a calendar's rows
    # beside a column of text would line up too)
    counted = _split_at_columns([_row_cells(line, len) or [] for line in row_lines])
    same_cells = len({len(cells) for cells in counted}) == 1
    if same_cells and any(_WIDE.search(line) for line in row_lines) and _lined_up(counted, len):
        return counted, end
    return [], start


def _split_at_columns(rows: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """The rows with each cell that runs over a column most rows share cut at the single
    space before it: a cell as wide as its column leaves one space to the next (a head
    row of dates ``5月1日 5月2日``, a long first cell ``中医科、康复医学科 休息``)."""
    starts = Counter(col for cells in rows for col, _ in cells)
    columns = {col for col, n in starts.items() if n >= _MIN_COLUMN_SHARE * len(rows)}
    split = []
    for cells in rows:
        out = []
        for col, text in cells:
            cuts = [k for k, ch in enumerate(text) if ch == " " and col + k + 1 in columns]
            for left, right in zip([-1, *cuts], [*cuts, len(text)]):
                out.append((col + left + 1, text[left + 1:right]))
        split.append(out)
    return split


def _body_lined_up(rows: list[list[tuple[int, str]]], measure: Callable[[str], int]) -> bool:
    """The rows line up as a table's (``_lined_up``), but for a head row centred over
    its columns and a total row (合计) across two of them: the rows between line up,
    and they are a data table's: three short cells each at least, none a clause (a
    menu's cells beside a column of text line up too)."""
    if _lined_up(rows, measure):
        return True
    for head, foot in ((1, 0), (0, 1), (1, 1)):
        body = rows[head : len(rows) - foot]
        if len(body) >= _MIN_TABLE_ROWS and all(map(_data_cells, body)) and _lined_up(body, measure):
            return True
    return False


def _data_cells(cells: list[tuple[int, str]]) -> bool:
    """A data table's row: enough cells, each short and no clause of a sentence."""
    short = all(display_width(text) <= _MAX_CELL_WIDTH and not _CLAUSE_MARK.search(text) for _, text in cells)
    return short and len(cells) >= _MIN_HEADED_ROW_CELLS


def _lined_up(rows: list[list[tuple[int, str]]], measure: Callable[[str], int]) -> bool:
    """The cells of ``rows`` (columns as ``measure`` counts them) line up as a table's:
    every row has two cells or more on columns most rows share (their starts, or their
    ends for numbers set flush right), and it is no menu beside a text."""
    starts = Counter(col for cells in rows for col, _ in cells)
    columns = {col for col, n in starts.items() if n >= _MIN_COLUMN_SHARE * len(rows)}
    ends = Counter(col + measure(text) for cells in rows for col, text in cells)
    flush_right = {col for col, n in ends.items() if n >= _MIN_COLUMN_SHARE * len(rows)}

    def aligned(col: int, text: str) -> bool:
        return col in columns or col + measure(text) in flush_right

    if len(columns) + len(flush_right) < 2 or any(sum(aligned(*cell) for cell in cells) < 2 for cells in rows):
        return False
    last_ends = [col + measure(text) for cells in rows for col, text in cells[-1:]]
    beside_menu = len(columns) == 2  # (a menu and a text: a table of three columns is none)
    if beside_menu and max(last_ends) - max(col for cells in rows for col, _ in cells[-1:]) > _MAX_CELL_WIDTH:
        flush = sum(end >= max(last_ends) - _WRAP_SLACK for end in last_ends)
        if flush > _MAX_FLUSH_SHARE * len(rows):
            return False
    return True


def _table_rows(lines: list[str]) -> list[str]:
    """The rows of a bordered table, one string each, cells separated by a space.

    The lines between two rules (or an empty row of edges alone) are one row; a cell
    wrapped over several of them (``见习人数（人`` / ``）``) is joined back. A Markdown
    row is one line.
    """
    rows: list[str] = []
    pending: list[list[str]] = []

    def flush() -> None:
        columns: list[str] = []
        for cells in pending:
            columns += [""] * (len(cells) - len(columns))
            for k, cell in enumerate(cells):
                if cell:
                    columns[k] = glue(columns[k], cell) if columns[k] else cell
        row = " ".join(c for c in columns if c)
        if row:
            rows.append(row)
        pending.clear()

    for line in lines:
        stripped = line.strip(_STRIP)
        if _BOX_RULE.fullmatch(stripped) or _PIPE_RULE.fullmatch(stripped):
            flush()
        elif _BOX_EDGES.search(stripped):
            pending.append([cell.strip(_STRIP) for cell in _BOX_EDGES.split(stripped)])
        else:
            pending.append([cell.strip(_STRIP) for cell in stripped.strip("|").split("|")])
            flush()
    flush()
    return rows


def split_text_blocks(text: str, *, flow: bool = False) -> list[TextBlock]:
    """Split a plain-text capture into blocks, in the original order.

    ``flow``: the text was never laid out (a page source with its tags stripped): the
    gaps in a line are the source's white space, parting paragraphs, not columns.

    Example:
        >>> [b.text for b in split_text_blocks("首页\\n|\\n 公务邮箱\\n\\n　　正文第一段。")]
        ['首页 | 公务邮箱', '正文第一段。']
    """
    lines = _join_inline_splits(text.splitlines())
    wrapping = _wrap_width(lines)
    lines = _join_source_breaks(lines, wrapping)
    wrap = wrapping.width
    # where a blank line ends every paragraph, a line filled to the width that ends a
    # sentence goes on below unless a blank line follows (the sentence ended at the edge)
    parted = wrap >= _MIN_WRAP and _blank_parted(lines, wrapping)
    blocks: list[TextBlock] = []
    join_next = False  # the previous line ended with a separator
    wrapped = False  # the previous line was one cell filled up to the wrap width
    room = 0  # ... with this many columns left on it (0: wrapped in a narrower column)
    column_width = 0  # ... and this wide (0: it was not)
    blank_above: dict[int, bool] = {}  # the next block's index: whether its line has a blank line above
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        stripped = line.strip(_STRIP)
        if not stripped or stripped.isspace():  # em spaces and the like are white space too
            wrapped, column_width = False, 0
            continue
        blank_above[len(blocks)] = i == 1 or not lines[i - 2].strip(_STRIP) or lines[i - 2].isspace()
        table_end = _table_run(lines, i - 1)
        if table_end > i - 1:
            column = display_width(line) - display_width(line.lstrip(_STRIP))
            blocks.extend(TextBlock(text=row, column=column) for row in _table_rows(lines[i - 1:table_end]))
            i, join_next, wrapped = table_end, False, False
            continue
        rows, end = _aligned_run(lines, i - 1)
        if rows:
            column = min(row[0][0] for row in rows)  # the table's left edge (its head may be centred)
            blocks.extend(TextBlock(text=" ".join(text for _, text in row), column=column, cells=len(row)) for row in rows)
            i, join_next, wrapped = end, False, False
            continue
        if blocks and _CLOSING_ONLY.fullmatch(stripped) and lines[i - 2].strip(_STRIP):
            blocks[-1].text += stripped  # no paragraph opens with a full stop
            continue
        if _SEPARATOR_ONLY.match(stripped):
            if blocks:
                blocks[-1].text = f"{blocks[-1].text} {stripped}"
                join_next = True
            wrapped = False
            continue
        cells = _cells(line)
        shared = len(cells) > 1
        if shared and (flow or _one_flow(stripped)):
            # paragraphs run together on one line, each opened by its indent (a source
            # without line breaks): one column of text, not cells side by side
            cells, shared = [(cells[0][0], text) for _, text in cells], False
        cells = [copy for cell in cells for copy in _copies(*cell)]
        column, first = cells[0]
        if blocks and (join_next or first[0] in _SEPARATORS):
            blocks[-1].text = f"{blocks[-1].text} {first}"
            cells = cells[1:]
        elif blocks and _name_cut(blocks[-1].text) and _NAME_END.match(first):
            # an image's file name too long for the line, cut where the line was full
            blocks[-1].text += first
            cells = cells[1:]
        elif blocks and not shared and not blocks[-1].shared_line and _broken_in_brackets(blocks[-1].text, first, lines[i - 2]):
            blocks[-1].text = f"{blocks[-1].text} {first}"
            cells = cells[1:]
        elif (
            wrapped
            and not shared
            and abs(column - blocks[-1].column) <= _INDENT
            and (blocks[-1].text[-1] not in _SENTENCE_END or (parted and room <= 1))
            and not _BULLETED.match(first)
            and not _CONTROL_ROW.fullmatch(first)
            and not _next_item(blocks[-1].text, first)
            and _did_not_fit(blocks[-1].text, first, wrapping, room)
        ):
            # lynx broke at a space unless it cut a run of Chinese at the width
            spaced = wrapping.at_spaces and room > 0
            blocks[-1].text = f"{blocks[-1].text} {first}" if spaced else glue(blocks[-1].text, first)
            cells = cells[1:]
        blocks.extend(TextBlock(text=t, column=col, shared_line=shared) for col, t in cells)
        join_next = bool(blocks) and blocks[-1].text[-1] in _SEPARATORS
        width = wrapping.measure(line.rstrip()) if wrap >= _MIN_WRAP else 0
        full = wrap >= _MIN_WRAP and width >= wrap - _WRAP_SLACK
        # a renderer that breaks at spaces only may stop well short of the width next to a
        # Latin word, where Chinese text has its spaces (``关于 5G`` / ``手机的……``,
        # ``整机尺寸为`` / ``69.1mm，……``)
        full = full or (wrap >= _MIN_WRAP and wrapping.at_spaces and _latin_seam(stripped, lines, i))
        # ... but a line that starts past the middle of the width is set flush right (a
        # signature, a date): it ends where it does without being wrapped
        full = full and width - wrapping.measure(stripped) < wrap // 2
        column_width = 0 if shared or full else _column_wrapped(stripped, lines, i, column_width)
        wrapped = not shared and (full or column_width > 0)
        room = wrap - width if full else 0
    for k, block in enumerate(blocks):
        block.blank_above = blank_above.get(k, False)
    return [piece for block in blocks for piece in _image_files(block)]


def _blank_parted(lines: list[str], wrapping: _Wrapping) -> bool:
    """A blank line follows (nearly) every paragraph's last line of a wrapped page: its
    lines that end a sentence short of the width (``_MIN_PARAGRAPH_ENDS`` of them at
    least). A line right under such a line that is neither blank nor prose (a comment's
    like counter, a teaser's date) tells nothing: a paragraph has no counter."""
    ends = followed = 0
    for k, line in enumerate(lines):
        stripped = line.rstrip(_STRIP)
        if stripped.strip(_STRIP) and stripped[-1] in "。！？" and wrapping.measure(stripped) < wrapping.width - _WRAP_SLACK:
            below = lines[k + 1].strip(_STRIP) if k + 1 < len(lines) else ""
            if below and below[-1] not in "。！？!?”」』" and wrapping.measure(below) < wrapping.width // 2:
                continue
            ends += 1
            followed += not below
    return ends >= _MIN_PARAGRAPH_ENDS and followed >= _MIN_BLANK_PARTED_SHARE * ends


def _one_flow(stripped: str) -> bool:
    """The gaps inside ``stripped`` are all paragraph indents (full-width or no-break
    spaces), none a renderer's padding between columns (three spaces or more, a tab)."""
    return "\t" not in stripped and "   " not in stripped


def _name_cut(text: str) -> bool:
    """``text`` ends inside an image's file name in brackets (``_NAME_CUT``)."""
    start = text.rfind("[")
    return start > text.rfind("]") and _NAME_CUT.match(text, start) is not None


def _image_files(block: TextBlock) -> list[TextBlock]:
    """The block cut around the image file names printed in it (``IMAGE_FILE``): the
    names and the text between them each a block, in order."""
    if "[" not in block.text:
        return [block]
    pieces, start = [], 0
    for name in IMAGE_FILE.finditer(block.text):
        pieces += [block.text[start:name.start()], name[0]]
        start = name.end()
    pieces.append(block.text[start:])
    pieces = [piece.strip(_STRIP) for piece in pieces]
    if len(pieces) == 1:
        return [block]
    cut = [TextBlock(text=piece, column=block.column, shared_line=block.shared_line) for piece in pieces if piece]
    cut[0].blank_above = block.blank_above
    return cut


def _copies(column: int, text: str) -> list[tuple[int, str]]:
    """A cell that is one text twice, with or without a space between, as its two copies.

    Only a text with words, of some length (``_MIN_COPY_CHARS``), counts: ``谢谢谢谢`` is a
    word and ``------`` a rule, not copies.
    """
    n = len(text)
    # cheap test first: this runs on every cell
    if n >= 2 * _MIN_COPY_CHARS and text[0] in text[n // 2 - 1:n // 2 + 2] and _WORDISH.search(text):
        for gap in (0, 1):
            half = (n - gap) // 2
            if 2 * half + gap == n and text[:half] == text[half + gap:] and text[half:half + gap].strip(_STRIP) == "":
                return [(column, text[:half]), (column + display_width(text[:half + gap]), text[half + gap:])]
    return [(column, text)]


def _latin_seam(text: str, lines: list[str], i: int) -> bool:
    """``text`` (line ``i - 1``, stripped) ends with a Latin word, or the next line opens with
    one and goes on."""
    below = lines[i].strip(_STRIP) if i < len(lines) else ""
    return (text[-1].isascii() and text[-1].isalnum()) or _LATIN_WORD.match(below) is not None


#: A Latin term in brackets left open at a line's end (``人口老化（ageing``) ...
_OPEN_LATIN = re.compile(r"[（(][A-Za-z][^()（）\u3000-\u9fff]*[A-Za-z0-9]$")
#: ... and closed on the next line (``population）係一個現實``).
_CLOSING_LATIN = re.compile(r"[A-Za-z][^()（）]*[)）]")


def _broken_in_brackets(above: str, line: str, line_above: str) -> bool:
    """``line`` goes on with the Latin term in brackets the ``line_above`` (printed as the
    block ``above``) left open: a renderer that breaks at spaces only (links) breaks a
    Chinese paragraph at the first space past its width, which may be the only one, inside
    ``（Traffic Impact Assessment）``. A bracket is not left open across a paragraph's end."""
    if not (above[-1].isascii() and line[0].isascii()):  # cheap test first: this runs on every line
        return False
    return bool(line_above.strip(_STRIP)) and _OPEN_LATIN.search(above) is not None and _CLOSING_LATIN.match(line) is not None


def _did_not_fit(above: str, line: str, wrapping: _Wrapping, room: int) -> bool:
    """The first word of ``line`` would not have fitted in the ``room`` left on the line
    ``above`` ends: with the space before it where the renderer breaks at spaces, or
    between two Latin words."""
    word = wrapping.word.match(line)
    spaced = wrapping.at_spaces or (above[-1].isascii() and line[0].isascii())
    return wrapping.measure(word[0] if word else line[0]) + spaced > room


def _next_item(block: str, line: str) -> bool:
    """``line`` opens the numbered item after the one ``block`` opens (``1.`` then ``2.``)."""
    here, before = _NUMBERED.match(line), _NUMBERED.match(block)
    return bool(here and before) and int(here[1]) == int(before[1]) + 1


def _join_inline_splits(lines: list[str]) -> list[str]:
    """Join back the paragraphs a renderer printed one inline element a line.

    ``記者从中国政府网获悉，`` / ``李克强`` / ``总理2日在…表示，中国经济要`` / ``长期`` / ``保持…。``
    is one paragraph whose links each got a line. A stretch of consecutive lines is joined
    when it starts with a line cut inside a clause (ending in ``，`` ``、`` or an opening quote
    or bracket) -- or cut anywhere, if it holds two links and a comma before its last
    line -- ends a sentence on its last line only, holds a bare fragment (a few words
    without punctuation: the link) between two pieces of text, never two of them in a row
    (that is a menu), and every seam is such a cut: a fragment on one side, a clause or
    quote left open, or a next line starting with what never starts a sentence. Labels
    (``分享到：``), numbers and list items are never part of it. Poems and hard-wrapped
    lines have no bare fragments, so they are left to the wrap logic.

    A short note in brackets alone on a line goes back to the words above it
    (``<a>华夏时报</a>(北京)`` printed ``华夏时报`` / ``(北京)``), unless they end a
    sentence or a label, or the note numbers a list item (``（一）``).
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if out and _bracketed(lines[i]) and _notable(out[-1].strip(_STRIP)):
            out[-1] = out[-1].rstrip() + lines[i].strip(_STRIP)
            i += 1
            continue
        end = _split_paragraph_end(lines, i)
        if end > i:
            text = lines[i].rstrip()
            for line in lines[i + 1:end + 1]:
                text = glue(text, line.strip(_STRIP))
            out.append(text)
            i = end + 1
        else:
            out.append(lines[i])
            i += 1
    return out


def _join_source_breaks(lines: list[str], wrapping: _Wrapping) -> list[str]:
    """Join back the paragraphs a renderer broke where the page's source broke its lines.

    pandoc and some copy tools keep the line breaks of the HTML source inside a
    paragraph: its lines stop anywhere, inside a clause, short of any width, so the wrap
    logic cannot tell them from short lines of their own. A page that indents its
    paragraphs and parts them with blank lines shows where they start and end, though:
    when its indented paragraphs hold lines stopping inside a clause short of the wrap
    width (``_MIN_RAGGED_LINES``), each run of lines between two blank lines, the first
    indented (``　　``) and the others starting at one column, none a list item, the last
    ending a sentence, is one paragraph. Blank and column are the text's: a menu may stand left of it, and what
    the menu holds beside the paragraph's lines follows the paragraph, one line each.
    """
    paragraphs = list(_indented_paragraphs(lines))
    ragged = sum(_stops_in_clause(lines[k], wrapping) for start, end in paragraphs for k in range(start, end - 1))
    if ragged < _MIN_RAGGED_LINES:
        return lines
    out: list[str] = []
    done = 0
    for start, end in paragraphs:
        text, beside = lines[start].rstrip(), []
        for line in lines[start + 1:end]:
            line = line.rstrip()
            cell = _cells(line)[-1][1]
            text = glue(text, cell)
            if len(line) > len(cell):
                beside.append(line[:-len(cell)])
        out += lines[done:start] + [text] + beside
        done = end
    return out + lines[done:]


def _indented_paragraphs(lines: list[str]) -> Iterator[tuple[int, int]]:
    """The runs of lines ``(start, end)`` that ``_join_source_breaks`` may join."""
    i = 1
    while i < len(lines):
        opening, below = lines[i - 1], lines[i]
        # (cheap tests first: this runs on every line, and most are not indented, or
        # indented as the line below them is, or over a blank line)
        if "\u3000\u3000" not in opening or below.startswith("\u3000") or not below.strip(_STRIP):
            i += 1
            continue
        margin = _text_column(below) if _PARAGRAPH_INDENT.search(opening) else None
        indented = margin is not None and _MIN_PARAGRAPH_INDENT <= _cells(opening)[-1][0] - margin <= _MAX_PARAGRAPH_INDENT
        if not indented or not _blank_from(lines[i - 2] if i > 1 else "", margin):
            i += 1
            continue
        end = i
        while end < len(lines) and not _blank_from(lines[end], margin) and _text_column(lines[end]) == margin:
            end += 1
        ended = lines[end - 1].rstrip()[-1] in _SENTENCE_END + _LABEL_END
        if ended and (end == len(lines) or _blank_from(lines[end], margin)):
            yield i - 1, end
        i = end + 1


def _text_column(line: str) -> int | None:
    """The column of the text ``line`` ends with if it can go on a paragraph (not a list
    item nor a table's row, which a browser's copy parts with tabs; cells left of it are
    a menu's)."""
    cells = _cells(line)
    if not cells or _LIST_ITEM.match(cells[-1][1]) or "\t" in line:
        return None
    return cells[-1][0]


def _blank_from(line: str, column: int) -> bool:
    """``line`` holds nothing from ``column`` on (what it holds stands left of it)."""
    return all(start < column - 1 for start, _ in _cells(line))


def _stops_in_clause(line: str, wrapping: _Wrapping) -> bool:
    """``line`` stops inside a clause short of the wrap width: not where it was full."""
    text = line.rstrip()
    if text[-1] in _SENTENCE_END or text[-1] in _LABEL_END:
        return False
    return wrapping.width < _MIN_WRAP or wrapping.measure(text) < wrapping.width - _WRAP_SLACK


def _bracketed(line: str) -> bool:
    """``line`` is an inline note in brackets alone (cheap test first: this runs on every line)."""
    return line.rstrip()[-1:] in ")）" and _INLINE_NOTE.fullmatch(line.strip(_STRIP)) is not None


def _notable(line: str) -> bool:
    """A line an inline note in brackets may follow: words not ending a sentence or a label."""
    return bool(line) and line[-1] not in _SENTENCE_END and line[-1] not in _LABEL_END and _WORDISH.search(line) is not None


def _split_paragraph_end(lines: list[str], start: int) -> int:
    """The last line of an inline-split paragraph starting at ``start``, else ``start``."""
    first = lines[start].strip(_STRIP)
    if not first or not _piece(first):
        return start
    # a paragraph may be cut right before a link, at no clause mark: then it takes two
    # links and a comma before its last line to tell it from a list of headlines, each
    # followed by its source's name
    cut = first[-1] in _CUT_END
    if not cut and (_bare(first) or first[-1] in _SENTENCE_END):
        return start
    commas = cut or "，" in first or "," in first
    fragments = 0
    for j in range(start + 1, min(len(lines), start + _MAX_SPLIT_LINES)):
        before, line = lines[j - 1].strip(_STRIP), lines[j].strip(_STRIP)
        if not line or not _piece(line):
            return start
        bare_before, bare = _bare(before), _bare(line)
        if bare and bare_before:
            return start
        if not (bare or bare_before or before[-1] in _CUT_END or line[0] in _CONTINUED_START):
            return start
        fragments += bare
        if line[-1] in _SENTENCE_END:
            linked = fragments > 0 if cut else fragments >= 2 and commas
            return j if linked and not bare else start
        commas = commas or "，" in line or "," in line
    return start


def _bare(line: str) -> bool:
    """A few words without punctuation: the text of one link."""
    return len(line) <= _MAX_FRAGMENT_CHARS and not _PUNCTUATION.search(line)


def _piece(line: str) -> bool:
    """A line that can be a piece of a paragraph: not a label, a number or a list item."""
    return line[-1] not in _LABEL_END and not line.isdigit() and not _LIST_ITEM.match(line)


def _column_wrapped(text: str, lines: list[str], i: int, column_width: int) -> int:
    """The width of line ``i - 1`` (``text`` stripped) if it was wrapped in a narrow
    column, else 0: it does not end a sentence, neither it nor the next is a list item,
    and it is as wide as the line above, which was, or as the line below with clause
    punctuation in one of them (a heading over a date line can be as wide)."""
    # cheap tests first (a line is at most twice as wide as it is long): this runs on every line
    if 2 * len(text) < _MIN_COLUMN_WRAP or text[-1] in _SENTENCE_END or _LIST_ITEM.match(text):
        return 0
    below = lines[i].strip(_STRIP) if i < len(lines) else ""
    if _LIST_ITEM.match(below) or display_width(text) < _MIN_COLUMN_WRAP:
        return 0
    width = display_width(lines[i - 1].rstrip())
    if abs(width - column_width) <= 1:
        return width
    # a line printed twice is a copy, not a paragraph's two lines
    if not below or below == text or not (_CLAUSE.search(text) or _CLAUSE.search(below)):
        return 0
    return width if abs(width - display_width(lines[i].rstrip())) <= 1 else 0
