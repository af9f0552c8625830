"""Link numbers a text browser prints: ``[12]`` before each link, the addresses at the end.

``lynx -dump`` and ``elinks -dump`` (and w3m with ``display_link_number``) number every
link in reading order, print the number in brackets where the link starts (``研究部署
今年的[5]春耕备耕工作``) and list the addresses under ``References`` at the end. Kept, the
numbers would stay in the body's sentences. They are told from the text's own bracketed
numbers (a footnote mark ``[1]``, a case number ``[2025]``) by the list itself: only a
dump that ends with one has link numbers, and they run upwards through it in the order
the list gives (links without text, listed as hidden, leave gaps), so a ``[1]`` after
``[5]`` is the text's.

``split_link_list`` removes the numbers and cuts the list off. A number inside running
text (``我校[20]生命科学学院``) took room on a line the browser wrapped with the text, so
it is blanked out with as many padding characters (a Unicode noncharacter, narrow, never
in a page) for the wrap to be found where the browser made it, and ``unpadded`` removes
them from the blocks; one that opens a cell (a menu's, a footer's: ``[170]2005-06-14``)
goes at once, as from a row of links, which no wrap continues. The list is the browser's,
not the page's, and so long on a portal (hundreds of addresses) that the classifier would
take it for the text: the pipeline records its lines as removed chrome.
"""

from __future__ import annotations

import re

#: The list's heading (lynx, elinks: ``References``; w3m: ``References:``).
_HEADING = re.compile(r"^[ \t]*References:?[ \t]*$", re.MULTILINE)
#: Lines the list may hold: an address with its number (lynx/elinks ``   5. http://…``,
#: w3m ``[5] http://…``; a ``javascript:`` address may hold spaces), elinks' and lynx's
#: sub-headings, blank lines. An article's own numbered references are no addresses.
_ADDRESS = re.compile(r"[ \t]*(?:(\d+)\.|\[(\d+)\])[ \t]+(?:[A-Za-z][\w+.-]*:|/).*")
_SUBHEADING = re.compile(r"[ \t]*(?:Visible|Hidden) links:?[ \t]*")
_WORD = re.compile(r"\S+")
#: What a link number is blanked out with (one per column it took).
_PADDING = "\ufdef"
_MARKER = re.compile(r"\[(\d{1,5})\]")


def _listed(text: str) -> tuple[int, set[int]]:
    """Where the dump's list of link addresses starts and the numbers it lists, or
    ``(len(text), set())`` when the dump does not end with one."""
    for heading in reversed(list(_HEADING.finditer(text))):
        numbers: set[int] = set()
        for line in text[heading.end():].splitlines():
            if address := _ADDRESS.fullmatch(line):
                numbers.add(int(address.group(1) or address.group(2)))
            elif line.strip() and not _SUBHEADING.fullmatch(line) and not (numbers and _WORD.fullmatch(line)):
                break  # (an address with a newline in it goes on, unindented, on the next line)
        else:
            if numbers:
                return heading.start(), numbers
    return len(text), set()


def split_link_list(text: str) -> tuple[str, list[str]]:
    """``text`` without the link numbers a text browser printed and without its list of
    addresses, and the list's lines (none when the dump has no list).

    Example:
        >>> dump = "[1]首页 | [2]新闻\\n\\n研究部署[3]春耕工作，见注[1]。\\n\\nReferences\\n\\n   1. http://a.cn/\\n   2. http://a.cn/n\\n   3. http://a.cn/x\\n"
        >>> text, listed = split_link_list(dump)
        >>> print(unpadded(text).strip())
        首页 | 新闻
        <BLANKLINE>
        研究部署春耕工作，见注[1]。
        >>> listed
        ['References', '1. http://a.cn/', '2. http://a.cn/n', '3. http://a.cn/x']
    """
    text = unpadded(text)
    end, numbers = _listed(text)
    if not numbers:
        return text, []
    last = 0
    pieces: list[str] = []
    start = 0
    for marker in _MARKER.finditer(text, 0, end):
        number = int(marker.group(1))
        if number > last and number in numbers:
            inline = marker.start() > 0 and not text[marker.start() - 1].isspace()
            pieces += [text[start:marker.start()], _PADDING * len(marker.group()) if inline else ""]
            start, last = marker.end(), number
    pieces.append(text[start:end])
    return "".join(pieces), [line.strip() for line in text[end:].splitlines() if line.strip()]


def unpadded(text: str) -> str:
    """``text`` without the padding that blanked out link numbers."""
    return text.replace(_PADDING, "")
