"""Markdown dumps: a rendered page saved as Markdown -> blocks, as the text front end makes them.

Many crawlers save a page as Markdown rather than plain text (html2text, markdownify,
pandoc, Jina Reader, crawl4ai, Firecrawl). The text is the page's text, but with the
markup of the Markdown flavour written around it; kept as it is, every body paragraph
with a link would carry its URL into the cleaned text, and the classifier would lose the
best evidence such a dump offers: which words were links.

``split_markdown_blocks`` undoes the syntax a reader does not see and hands the plain
lines to the text front end (``clean.textblocks``):

* inline links ``[text](url "title")``, reference links ``[text][1]`` and autolinks
  ``<http://…>`` become their text, and the share of a block's characters that were link
  text becomes the block's ``link_density`` (as the HTML front end measures it);
* images ``![alt](src)`` are dropped: the alt text is not shown on the page, and an image
  alone on a line leaves no block (as an ``<img>`` leaves none in the HTML front end);
* emphasis (``**x**``, ``__x__``, ``*x*``, ``_x_``, and a bold run's ends on the two
  lines it spans), inline code and backslash escapes are undone; an underscore inside a
  word (``file_name``), a run of blanks to fill in (``______``) and a lone star (``5*3``)
  are text;
* heading markers (``## 小标题``; ``#话题#`` without a space is a hashtag, not a heading),
  quote markers (``> ``) and list bullets (``* ``, ``- ``, ``+ ``) are removed; numbered
  items keep their numbers, which the reader sees;
* a fenced code block is kept line for line as it is, marked ``verbatim`` (code in a
  technical post is the post's; its ``|`` and ``#`` are not navigation or headings);
* Jina Reader's preamble loses its labels: ``Title:`` before the page's title line and
  the ``Markdown Content:`` line;
* layout lines go: setext underlines, horizontal rules, table rules without a table
  (html2text prints layout tables that way), reference definitions ``[1]: http://…``;
  a real table (header, ``|---|`` rule, rows) is left to the text front end, which makes
  one block per row.

Detection (``looks_like_markdown``) asks for Markdown's own syntax, link or image
brackets followed by a URL in parentheses, a few times: a plain dump's ``[编辑]`` or w3m's
``[2025061101]`` image names are not Markdown.
"""

from __future__ import annotations

import re

from clean.textblocks import TextBlock, glue, split_text_blocks

#: Noncharacters mark where link text starts and ends while the lines go through the text
#: front end (Unicode reserves them for internal use; any in the input are dropped first).
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_MARKS = re.compile("[\ufdd0-\ufdef]")
#: Escaped characters that would read as markup are held as other noncharacters until the
#: markup is undone (``\\*号\\*`` is not emphasis).
_PROTECTED = {c: chr(0xFDD2 + k) for k, c in enumerate("*_`[]!")}
_RESTORE = {ord(v): k for k, v in _PROTECTED.items()}
_LINKED = re.compile(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}")

#: ``[text](url)`` or ``![alt](url "title")``: one level of brackets inside the text
#: (``[[打印](…)]``), one level of parentheses inside the URL (wiki links).
_TEXT = r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
_TARGET = r"\(\s*<?[^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
#: Targets html2text copies whole, spaces and text included: scripts and mail forms.
_OPAQUE_TARGET = re.compile(r"\]\(\s*(?:javascript|mailto)\s*:", re.IGNORECASE)
#: Link or image text that runs over several lines (no blank line): html2text keeps an
#: ``alt`` or a link's ``<br>`` as line breaks.
_BROKEN_TEXT = re.compile(r"\[((?:[^\[\]\n]|\n(?![ \t]*\n))*\n(?:[^\[\]\n]|\n(?![ \t]*\n))*)\](?=\()")
_MAX_SCRIPT_CHARS = 4000
_DEPTH = {"(": 1, ")": -1}
_IMAGE = re.compile(rf"!\[[^\]\n]*\]{_TARGET}")
_INLINE_LINK = re.compile(_TEXT + _TARGET)
#: The end of a link whose ``[`` opened lines above, past a blank line (markdownify prints
#: a link around a block, ``[![alt]()`` … ``## 标题](/news/1)``): text up to ``](url)``.
_LINK_END = re.compile(r"^([^\[\]\n]*)\]" + _TARGET)
_REFERENCE_LINK = re.compile(_TEXT + r"\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+|[\w.+-]+@[\w-]+\.[\w.-]+)>")
_DEFINITION = re.compile(r"\s{0,3}\[[^\]^\n][^\]\n]*\]:\s+\S+.*")
_EVIDENCE = re.compile(r"\]\(\s*<?(?:https?://|/|\.{0,2}/|#|mailto:|[\w.-]+\.(?:html?|php|aspx?|jsp)\b)")
_MIN_EVIDENCE = 3
_TABLE_RULE_LINE = re.compile(r"^\|\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|\s*$", re.MULTILINE)
_DETECTION_CHARS = 200_000

_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[*+-]\s+(?=\S)")
#: A line drawn across the page: a rule, a setext underline, or html2text's rule under a
#: layout table's first row (``---|---|---``) or under a one-cell table (``---``).
_RULE = re.compile(r"\s*(?:(?:[-=*_]\s*){3,}|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?)\s*")
#: The underline of a setext heading may be short (markdownify writes ``--``).
_SETEXT = re.compile(r"\s{0,3}(?:=+|-{2,})\s*")
_PIPE_ROW = re.compile(r"\s*\|.*\|\s*")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_CELL_GAP = "    "
_RULE_CELL = re.compile(r"\s*(?::?-{3,}:?\s*)+")
#: A table's rule inside a line: the line is a layout table's rows flattened into one.
_FLAT_RULE = re.compile(r"\|\s*:?-{3,}:?\s*\|")
#: Inside a table cell, markdownify and html2text print a paragraph's or a ``<br>``'s end
#: as two spaces or more (a cell is one line).
_CELL_BREAK = re.compile(r"[ \t\u3000\u00a0]{2,}")
#: A table cell longer than this holds prose: the table lays out the page, it holds no data.
_LAYOUT_CELL_CHARS = 200
_WORDISH = re.compile(r"[^\W_]")
#: Lines that open a block of their own: list items (nested ones indented), quotes,
#: footnotes, fences.
_BLOCK_START = re.compile(r"^\s*(?:[*+-]\s|\d{1,9}[.)]\s)|^\s{0,3}(?:>|\[\^[^\]]+\]:|`{3}|~{3})")
#: Jina Reader's preamble: ``Title: …`` (the page's title line, as a browser prints it on
#: top), ``URL Source: …``, ``Published Time: …``, then ``Markdown Content:`` over the page.
_READER_TITLE = re.compile(r"\A\s*Title: ")
_READER_CONTENT = re.compile(r"^Markdown Content:[ \t]*$", re.MULTILINE)
#: Footnotes: ``[^1]`` where it stands, ``[^1]: text`` where the notes are printed.
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](:?)")

#: html2text writes a bold run's spaces inside the stars (``**  叛逆 **``) and leaves empty
#: pairs (``****``) where a bold tag held nothing.
#: A run of three or more underscores is a blank to fill in (``要______主的______如何``),
#: never emphasis.
_STRONG = re.compile(
    r"\*\*\s*([^*\n]*?)\s*\*\*|(?<![A-Za-z0-9_])__(?![A-Za-z0-9]+__)(?=[^\s_])([^_\n]+?)(?<=\S)__(?![A-Za-z0-9_])"
)
#: The open or the close of a bold run that spans a line break (html2text keeps a ``<br>``
#: inside ``<strong>``): its partner is on another line.
_STRONG_EDGE = re.compile(r"^(\s*)\*\*(?=[^\s*])|(?<=[^\s*])\*\*(\s*)$")
_STAR = re.compile(r"(?<![*A-Za-z0-9])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*A-Za-z0-9])")
#: An underscore inside a Latin word (``file_name``) never opens emphasis, and a dunder
#: name (``__init__``) is code; next to Han characters it does (html2text and markdownify
#: write ``是_最重要_的`` for an ``<em>``, whatever CommonMark makes of it).
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![A-Za-z0-9_])")
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def looks_like_markdown(text: str) -> bool:
    """The dump links or embeds with Markdown's ``[…](url)`` syntax several times, or
    holds a pipe table's rule (``| --- | --- |``: markdownify prints a short page's layout
    tables so, with few links).

    >>> looks_like_markdown("[首页](/) | [新闻](/news) | ![](/logo.png)")
    True
    >>> looks_like_markdown("|  |  |\\n| --- | --- |\\n| 现在位置：首页 | 正文 |")
    True
    >>> looks_like_markdown("第一段 [编辑]\\n图片 [2025061101]\\n（见附件(1)）")
    False
    """
    head = text[:_DETECTION_CHARS]
    return len(_EVIDENCE.findall(head)) >= _MIN_EVIDENCE or _TABLE_RULE_LINE.search(head) is not None


def split_markdown_blocks(text: str) -> list[TextBlock]:
    """Split a Markdown dump into text blocks with its syntax undone and link density set.

    Example:
        >>> blocks = split_markdown_blocks("[首页](/) | [新闻](/n)\\n\\n## 小标题\\n\\n正文有**重点**和[链接](http://a.cn/1)。")
        >>> [(b.text, round(b.link_density, 2)) for b in blocks]
        [('首页 | 新闻', 0.8), ('小标题', 0.0), ('正文有重点和链接。', 0.22)]
    """
    blocks: list[TextBlock] = []
    text = _READER_CONTENT.sub("", _READER_TITLE.sub("", _MARKS.sub("", text), count=1), count=1)
    for code, lines in _fenced(_without_opaque_targets(text).splitlines()):
        if code:
            blocks += [TextBlock(text=line.strip(), verbatim=True) for line in lines if line.strip()]
        else:
            blocks += split_text_blocks("\n".join(_plain_lines(_one_line_links("\n".join(lines)).split("\n"))))
    for block in blocks:
        # Markdown has no layout: the columns of html2text's table cells are not a page's
        block.column, block.shared_line = 0, False
        linked = sum(len(m.group(1).replace(" ", "")) for m in _LINKED.finditer(block.text))
        block.text = _MARKS.sub("", block.text).strip()
        chars = len(block.text.replace(" ", ""))
        block.link_density = linked / chars if chars else 0.0
    return [b for b in blocks if b.text]


def _fenced(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """The dump in runs of (is code, lines): a fenced code block (between ````` or ``~~~``
    lines, the fences themselves dropped) is code. A fence never closed is no fence: its
    line is text (html2text writes an empty ``<del>`` as ``~~~~`` before a label)."""
    runs: list[tuple[bool, list[str]]] = [(False, [])]
    fence, opened = "", ""
    for line in lines:
        opening = _FENCE.match(line)
        if opening and (not fence or (opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence))):
            fence, opened = ("", "") if fence else (opening.group(1), line)
            runs.append((bool(fence), []))
        else:
            runs[-1][1].append(line)
    if fence:
        _, rest = runs.pop()
        runs[-1][1].extend([opened, *rest])
    return runs


def _one_line_links(text: str) -> str:
    """Link and image text over several lines put on one (the lines are read one by
    one); an image inside a link first, then the link."""
    for _ in range(2):
        text = _BROKEN_TEXT.sub(lambda m: "[" + " ".join(m.group(1).split("\n")) + "]", text)
    return text


def _without_opaque_targets(text: str) -> str:
    """Empty the ``javascript:`` and ``mailto:`` targets of links: html2text copies them
    whole, parentheses, quotes, spaces and line breaks included (``[打印](javascript:if(…){…})``,
    ``[](mailto:?subject=标题&body=全文……)``).

    The target ends where its parentheses balance; one that never does ends with its line.
    """
    out, pos = [], 0
    for m in _OPAQUE_TARGET.finditer(text):
        if m.start() < pos:
            continue
        depth, end = 0, m.start() + 1
        while end < len(text) and end - m.start() < _MAX_SCRIPT_CHARS:
            depth += _DEPTH.get(text[end], 0)
            end += 1
            if depth == 0:
                break
        if depth:
            end = text.find("\n", m.start())
            end = len(text) if end < 0 else end
        out.append(text[pos : m.start() + 1] + "()")
        pos = end
    return "".join(out) + text[pos:]


def _plain_lines(lines: list[str]) -> list[str]:
    """The dump's lines with their Markdown undone ('' for a layout line).

    A real table (``| a | b |`` over ``|---|---|``) keeps its pipes for the text front
    end's table splitter. The rows of a layout table as html2text prints it (a leading
    pipe, or pipes under a ``---|---`` rule) are split into their cells, set apart by a
    wide gap as a layout-keeping renderer sets cells apart: a sidebar cell must not be
    glued to the body's.
    """
    table = _pipe_tables(lines)
    # html2text draws its rule under a layout table's first row
    first_rows = {i - 1 for i, line in enumerate(lines) if i and "|" in line and _RULE.fullmatch(line)} - table
    plain: list[str] = []
    paragraph: int | None = None  # the line holding the paragraph being read
    layout_rows = False  # under an html2text rule, until a blank line
    for i, line in enumerate(lines):
        if paragraph is not None and line.strip() and _continues_paragraph(lines, i, table):
            more = _unmark_line(line).strip()
            head = plain[paragraph].rstrip()
            plain[paragraph] = glue(head, more) if head and more else head or more
            plain.append("")  # every line keeps its place; the paragraph is one line
            continue
        paragraph = None
        if not line.strip():
            layout_rows = False
            plain.append("")
        elif i in table:
            plain.append(line if _RULE.fullmatch(line) else _unmark_line(line))
        elif _DEFINITION.fullmatch(line):
            plain.append("")
        elif _RULE.fullmatch(line) or (_SETEXT.fullmatch(line) and i and lines[i - 1].strip()):
            layout_rows = layout_rows or "|" in line
            plain.append("")
        elif line.lstrip().startswith("|") or ((layout_rows or i in first_rows) and "|" in line) or _FLAT_RULE.search(line):
            # a nested table flattened into the row leaves its rule's cells (| --- | --- |);
            # a wide gap inside a cell is where a paragraph or a line ended
            cells = (_unmark_line(cell) for cell in _CELL_BORDER.split(line) if not _RULE_CELL.fullmatch(cell))
            plain.append(_CELL_GAP.join(piece for cell in cells for piece in _CELL_BREAK.split(cell.strip()) if piece))
        else:
            paragraph = i
            plain.append(_unmark_line(line))
    return plain


def _continues_paragraph(lines: list[str], i: int, table: set[int]) -> bool:
    """``lines[i]`` is a soft-wrapped continuation of the paragraph on the line above.

    In Markdown a line break inside a paragraph is no break (pandoc wraps at 72 columns,
    ``[^2]:`` notes indent their continuation); one ends at a blank line, at a hard
    break (two spaces or a backslash at the end) and where a heading, list item, quote,
    table row or rule starts.
    """
    above = lines[i - 1] if i else ""
    if not above.strip() or i - 1 in table or above.endswith(("  ", "\\")) or _starts_block(above, heading_only=True):
        return False
    return not _starts_block(lines[i])


def _starts_block(line: str, heading_only: bool = False) -> bool:
    if _HEADING.match(line) or _RULE.fullmatch(line) or _SETEXT.fullmatch(line) or "|" in line:
        return True
    return not heading_only and bool(_BLOCK_START.match(line))


def _pipe_tables(lines: list[str]) -> set[int]:
    """Indices of the lines of real tables: a row between pipes, the rule, more rows.

    A table with a cell of prose longer than ``_LAYOUT_CELL_CHARS`` lays out the page:
    markdownify prints an old page's layout tables as pipe tables, the whole article
    (nested tables and all) in one cell of one row. Its rows are left to be split into
    their cells, as html2text's layout rows are.
    """
    found: set[int] = set()
    for i in range(1, len(lines)):
        if "|" in lines[i] and _RULE.fullmatch(lines[i]) and _PIPE_ROW.fullmatch(lines[i - 1]):
            end = i + 1
            while end < len(lines) and _PIPE_ROW.fullmatch(lines[end]):
                end += 1
            rows = range(i - 1, end)
            if not any(len(cell.strip()) > _LAYOUT_CELL_CHARS for r in rows for cell in _CELL_BORDER.split(lines[r])):
                found.update(rows)
    return found


def _unmark_line(line: str) -> str:
    """One line of the dump with its block markers and inline Markdown undone ('' when
    nothing but images, empty links and their separators was on it)."""
    plain = _unmark_markers(line)
    return plain if "](" not in line or _WORDISH.search(plain) else ""


def _unmark_markers(line: str) -> str:
    if line.lstrip().startswith(">"):
        line = _QUOTE.sub("", line, count=1)
    if _HEADING.match(line):
        line = _CLOSING_HASHES.sub("", _HEADING.sub("", line, count=1))
    else:
        line = _BULLET.sub(r"\1", line, count=1)
    return unmark_inline(line)


def unmark_inline(text: str) -> str:
    """Undo inline Markdown; link text is left between the link marks.

    >>> unmark_inline(r"见[通知](http://a.cn/1.html)和**附件**，5*3，file_name，\\*号\\*，\\-完")
    '见\\ufdd0通知\\ufdd1和附件，5*3，file_name，*号*，-完'
    """
    text = _ESCAPE.sub(lambda m: _PROTECTED.get(m.group(1), m.group(0)), text)
    text = _FOOTNOTE.sub(r"[\1]", text)
    text = _IMAGE.sub("", text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    for pattern in (_INLINE_LINK, _REFERENCE_LINK):
        text = pattern.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}" if m.group(1).strip() else "", text)
    text = _AUTOLINK.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", text)
    text = _LINK_END.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", text, count=1)
    text = _STRONG.sub(lambda m: m.group(1) if m.group(2) is None else m.group(2), text)
    if text.count("**") == 1:
        text = _STRONG_EDGE.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _STAR.sub(r"\1", text)
    text = _UNDERSCORE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.translate(_RESTORE)
