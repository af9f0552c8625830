"""Bulletin-board posts: PTT, 水木社区 and the rest of the telnet BBS family.

A BBS post has a shape of its own that no article shares, and the classifier's signals
read it wrong. Its header is a few labelled lines, the label often glued to its value
as the board's web view prints them (``作者seabreeze77 (海風)``, ``標題[心得] …``,
``時間Tue May 13 21:05:33 2025``; 水木社区: ``发信人: …, 信区: …``, ``标  题: …``,
``发信站: 水木社区 (Tue May  6 21:14:03 2025), 站内``). Its text is typed at a
terminal, so the poster breaks the lines by hand, a phrase a line, with no sentence
punctuation, and parts paragraphs with a blank line. A ``--`` line ends the text; the
poster's signature follows, then the board's footer (``※ 發信站: …``, ``※ 文章網址:
…``, ``※ 來源:…``) and the readers' push comments (``推 id: …  05/13 21:08``).

Both ends are fixed, so a post is read by its structure, not weighed line by line:
above the header is the board's page, between header and ``--`` the post's text
(its lines joined back into paragraphs), below it signature, footer and comments.
A capture is read so only when it shows a header (author, title and a time printed as
C's ``ctime()`` prints it, as the BBS software does) and an end (``--`` or the
footer); anything else goes to the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clean.blocks import CHROME, METADATA, TITLE, WIDGET, Block
from clean.metadata import normalise_date
from clean.textblocks import display_width

#: A header line: its label (spaces inside it as 水木社区 pads ``标  题``), then the
#: value, glued to it, after a colon or after spaces.
_HEADER_LINE = re.compile(
    r"^(?P<label>作\s*者|[发發]\s*信\s*人|看\s*板|信\s*[区區]|[标標]\s*題|[标標]\s*题|[时時]\s*[间間]|[发發]\s*信\s*站)"
    r"\s*[:：]?\s*(?P<value>.*)$"
)
#: The time as the BBS software prints it, with C's ``ctime()``: ``Tue May 13 21:05:33 2025``.
#: A news page's byline never does, so it tells a post's header from an article's.
_CTIME = re.compile(r"\b[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+\d{4}\b")
#: What each label names, its spaces taken out.
_FIELDS = {
    "作者": "author", "发信人": "author", "發信人": "author", "看板": "board", "信区": "board", "信區": "board",
    "标题": "title", "標題": "title", "标題": "title", "標题": "title",
    "时间": "date", "時間": "date", "时間": "date", "時间": "date", "发信站": "date", "發信站": "date",
}
#: A header has these fields at least; the board is often left out.
_REQUIRED = frozenset({"author", "title", "date"})
#: The header's lines come one after another: no more lines than this in all.
_HEADER_MAX_LINES = 8
#: The board's name printed after the author on the same line (``作者 id (暱稱) 看板 Gossiping``),
#: or after a comma (``发信人: id (昵称), 信区: Joke``).
_BOARD_AFTER = re.compile(r"[,，]?\s+(?:看\s*板|信\s*[区區])\s*[:：]?\s*\S+$")
#: The nickname in brackets after the poster's id: the id is the author.
_NICKNAME = re.compile(r"\s*[(（].*$")
#: The board's footer: where the post came from, its address, its edit stamps.
_FOOTER = re.compile(r"^(?:※|◆)\s*(?:[发發]信站|[来來]源|文章[网網]址|[编編]輯|[编編]辑|修改|[转轉][录錄]|From)\s*[:：]?")
#: The line that ends the text and opens the signature.
_SIGNATURE_RULE = "--"
#: A post's text ends at one of these, or the footer does.
_ENDS = ("\n--", "※", "◆")
#: A signature is a few lines (PTT allows six); a ``--`` farther above the footer is the text's.
_SIGNATURE_MAX_LINES = 12
#: A reader's push comment: ``推 id: text  05/13 21:08`` (噓 for a boo, → for a remark).
_PUSH = re.compile(r"^(?:推|噓|嘘|→)\s*[\w.-]+\s*[:：]")
#: The quoted post a reply opens with: its header line and its lines marked ``: ``.
_QUOTE = re.compile(r"^(?:※\s*(?:引述|引用)|【\s*在.*的大作中提到\s*[:：]?\s*】|[:：>]\s)")
#: A list item keeps its own line (``1. …``, ``(2) …``, ``- …``, ``一、…``).
_LIST_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、)）]|[(（]\d{1,2}[)）]|[-*•●◆■□▲]\s|[一二三四五六七八九十]{1,3}、)")
#: A link the poster gives (to a source, a photo) is part of the text, on a line of its own.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
#: A line ending so introduces what comes under it on lines of their own.
_INTRODUCES = ("：", ":")
#: A terminal's width in columns: a line wider than it was not broken by hand, it is a
#: paragraph of its own (a post written in the web editor).
_TERMINAL_COLUMNS = 80

_PAGE = "chrome: the board's page above the post's header"
_BOARD = "chrome: the board's name in the post's header"
_LABEL_ALONE = "chrome: a label of the post's header (its value is on the next line)"
_SIGNATURE = "chrome: the poster's signature (under the text's closing --)"
_FOOTER_REASON = "chrome: the board's footer under the post (※ 發信站, the post's address, edit stamps)"
_QUOTED = "chrome: the post this one replies to, quoted"
_RULE = "chrome: a rule inside the post (no text, only symbols)"
_PUSHED = "widget: a reader's push comment under the post (推/噓/→)"
_BELOW = "chrome: the page below the post's comments"


@dataclass(frozen=True)
class _Header:
    start: int
    end: int  # the line after the header
    fields: dict[str, tuple[int, str]]  # field: (line index, value)


def split_bbs_post(text: str) -> list[Block] | None:
    """Every line of a BBS post's capture as a labelled block, or None when ``text``
    does not show a post's header and end (the classifier reads it then).

    The header's author, title and date are ``metadata``/``title`` blocks holding only
    the value (the author's id without the nickname), for ``post_metadata``.

    >>> post = "作者  xiaoming (小明)\\n標題  [心得] 海邊\\n時間  Tue May  6 21:14:03 2025\\n\\n今天去了\\n海邊\\n--\\n※ 發信站: 批踢踢"
    >>> [(b.label, b.text) for b in split_bbs_post(post)][3:]
    [('body', '今天去了海邊'), ('chrome', '--'), ('chrome', '※ 發信站: 批踢踢')]
    """
    if not any(end in text for end in _ENDS):
        return None  # (most captures: no need to look for a header)
    lines = [line.strip() for line in text.split("\n")]
    header = _find_header(lines)
    if header is None:
        return None
    end = _text_end(lines, header.end)
    if end is None:
        return None
    blocks = [Block(line, label=CHROME, reason=_PAGE) for line in lines[:header.start] if line]
    blocks += _header_blocks(lines, header)
    blocks += _text_blocks(lines[header.end:end])
    blocks += _tail_blocks(lines[end:])
    return blocks


def post_metadata(blocks: list[Block]) -> dict:
    """Title, author and date from the header blocks ``split_bbs_post`` labelled (read
    after the repair stage, so a mended title is the one reported)."""
    meta: dict = {}
    for block in blocks:
        if block.label in (TITLE, METADATA) and block.field and block.field not in meta:
            value = normalise_date(block.text) if block.field == "date" else block.text
            if value:
                meta[block.field] = value
    return meta


def _find_header(lines: list[str]) -> _Header | None:
    """The first run of header lines naming an author, a title and a time."""
    for start, line in enumerate(lines):
        if not _HEADER_LINE.match(line):
            continue
        fields: dict[str, tuple[int, str]] = {}
        i = start
        while i < len(lines) and i - start < _HEADER_MAX_LINES:
            match = _HEADER_LINE.match(lines[i])
            if match is None:
                break
            field = _FIELDS[re.sub(r"\s", "", match.group("label"))]
            value, at = match.group("value"), i
            if not value and i + 1 < len(lines) and lines[i + 1] and not _HEADER_LINE.match(lines[i + 1]):
                i, value = i + 1, lines[i + 1]  # the label on a line, its value under it (a browser's copy)
            if field in fields:
                break
            fields[field] = (at, value)
            i += 1
        if _REQUIRED <= fields.keys() and _CTIME.search(fields["date"][1]):
            return _Header(start, i, fields)
    return None


def _text_end(lines: list[str], start: int) -> int | None:
    """Where the post's text ends: at the ``--`` that opens the signature, else at the
    board's footer; None when neither is there."""
    footer = next((i for i in range(start, len(lines)) if _FOOTER.match(lines[i])), None)
    limit = footer if footer is not None else len(lines)
    rules = [i for i in range(start, limit) if lines[i] == _SIGNATURE_RULE and limit - i <= _SIGNATURE_MAX_LINES]
    if rules:
        return rules[0]
    return footer


def _header_blocks(lines: list[str], header: _Header) -> list[Block]:
    value_lines = {at: (field, value) for field, (at, value) in header.fields.items()}
    blocks = []
    for i in range(header.start, header.end):
        if i not in value_lines:
            if lines[i]:
                blocks.append(Block(lines[i], label=CHROME, reason=_LABEL_ALONE))
            continue
        field, value = value_lines[i]
        if field == "author":
            value = _NICKNAME.sub("", _BOARD_AFTER.sub("", value))
        if field == "board":
            blocks.append(Block(lines[i], label=CHROME, reason=_BOARD))
        elif field == "title":
            blocks.append(Block(value, label=TITLE, reason="title: the post header's 標題 line", field="title"))
        else:
            blocks.append(Block(value, label=METADATA, reason=f"metadata: the post header's {field} line", field=field))
    return blocks


def _text_blocks(lines: list[str]) -> list[Block]:
    """The post's text, a paragraph a block: the lines between two blank lines joined,
    but a list's items, a link and what a colon introduces keep lines of their own."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(_joined(paragraph)))
            paragraph.clear()

    for line in lines:
        if not line:
            flush()
        elif _QUOTE.match(line) or not any(ch.isalnum() for ch in line):
            flush()
            blocks.append(Block(line, label=CHROME, reason=_QUOTED if _QUOTE.match(line) else _RULE))
        else:
            if paragraph and not _continues(paragraph[-1], line):
                flush()
            paragraph.append(line)
    flush()
    return blocks


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the paragraph whose last line is ``previous``."""
    return not (
        previous.endswith(_INTRODUCES) or _LIST_ITEM.match(previous) or _LIST_ITEM.match(line)
        or _ADDRESS.fullmatch(previous) or _ADDRESS.fullmatch(line) or display_width(previous) > _TERMINAL_COLUMNS
    )


def _joined(lines: list[str]) -> str:
    """Lines broken by hand, joined back: nothing between two ideographs, a space
    between two Latin words (``QR`` / ``code``)."""
    text = lines[0]
    for line in lines[1:]:
        latin = text[-1].isascii() and text[-1].isalnum() and line[0].isascii() and line[0].isalnum()
        text += (" " if latin else "") + line
    return text


def _tail_blocks(lines: list[str]) -> list[Block]:
    """Signature, footer and push comments under the text, and the page below them."""
    blocks = []
    footer_seen = False
    for line in lines:
        if not line:
            continue
        if _FOOTER.match(line):
            footer_seen = True
            blocks.append(Block(line, label=CHROME, reason=_FOOTER_REASON))
        elif _PUSH.match(line):
            blocks.append(Block(line, label=WIDGET, reason=_PUSHED))
        elif footer_seen:
            blocks.append(Block(line, label=CHROME, reason=_BELOW))
        else:
            blocks.append(Block(line, label=CHROME, reason=_SIGNATURE))
    return blocks
