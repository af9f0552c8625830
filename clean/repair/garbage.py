"""Remove what no decoding can bring back; never put a guessed character in its place.

* 锟斤拷: U+FFFD (EF BF BD) saved as UTF-8 and read as GBK. The bytes of the line are
  rebuilt and every character that shares a byte with an EF BF BD triple goes; the
  characters between the triples are original text that survived and stay.
* 烫烫烫 / 屯屯屯: MSVC's uninitialised-memory fill (0xCC / 0xCD) read as GBK.
* Runs of U+FFFD with the debris between them (single bytes that happened to form
  Cyrillic, Armenian or stray ASCII letters), where the line is Chinese or is mostly
  replacement characters. A lone U+FFFD inside a Latin word stays: ftfy's convention.
* ``??`` standing for lost characters, inside a CJK word, or at its edge when the text
  shows such runs inside words too; not after a sentence-final particle (``真的吗??``).
"""

from __future__ import annotations

import re
from functools import cache

from .detect import CJK_PUNCT, COMMON, char_score, han_tiers, is_han
from .result import Edit, Fixed, make_fixed

KUNKAO = "锟斤拷"
_TRIPLE = re.compile(rb"[\xef\xff][\xbf\xff][\xbd\xff]")
DEBUG_FILL = re.compile(r"烫{3,}|屯{3,}")
#: U+FFFD runs with up to 4 debris characters between them, and a lone one at either
#: edge that is not part of a longer word.
_FFFD_SPAN = re.compile(
    r"(?:(?<!\S)\S(?=\ufffd))?\ufffd(?:[^\s\ufffd]{0,4}\ufffd)*(?:[^\s\ufffd](?![^\s\ufffd]))?"
)
_QMARKS = re.compile(r"\?{2,}")
#: Sentence-final particles: ``吗??`` is an emphatic question, not lost characters.
PARTICLES = set("吗嗎呢吧啊么麼嘛呀哦啦")
@cache
def _plausible_run() -> re.Pattern[str]:
    """Three or more common characters in a row: text that survived, not an accident."""
    common = "".join(sorted(c for c, score in han_tiers().items() if score >= COMMON))
    return re.compile(f"[{common}{CJK_PUNCT}]{{3,}}")

#: Share of a line's visible characters that are U+FFFD from which the line is debris.
FFFD_DOMINANT = 0.4


def _drop_kunkao(line: str) -> tuple[str, list[Edit], int]:
    data, owner = bytearray(), []
    for index, char in enumerate(line):
        try:
            raw = b"\xff" if char == "\ufffd" else char.encode("gbk")
        except UnicodeEncodeError:
            raw = b"\x00"
        data += raw
        owner += [index] * len(raw)
    doomed = {owner[i] for m in _TRIPLE.finditer(bytes(data)) for i in range(m.start(), m.end())}
    kept = "".join(c for i, c in enumerate(line) if i not in doomed)
    removed = "".join(c for i, c in enumerate(line) if i in doomed)
    return kept, [(removed, "")], len(doomed)


def _is_debris(char: str, dominant: bool) -> bool:
    """In a line that is mostly U+FFFD every survivor is an accident of the bytes."""
    return char == "\ufffd" or (not char.isspace() and (dominant or char_score(char) < COMMON))


def _drop_fffd(line: str) -> tuple[str, list[Edit], int]:
    visible = sum(not c.isspace() for c in line) or 1
    dominant = line.count("\ufffd") / visible >= FFFD_DOMINANT
    spans = [m for m in _FFFD_SPAN.finditer(line) if all(_is_debris(c, dominant) for c in m.group(0))]
    outside = "".join(line[a:b] for a, b in zip([0] + [m.end() for m in spans], [m.start() for m in spans] + [len(line)]))
    if not spans or not (dominant or any(map(is_han, outside))):
        return line, [], 0
    doomed = {i for m in spans for i in range(*m.span())}
    if dominant:
        # The survivors of such a line are accidents of the bytes too (Cyrillic, Armenian,
        # Hebrew letters, a stray Han character): every non-ASCII character goes unless
        # it belongs to a stretch of real-looking text.
        doomed |= {i for i, c in enumerate(line) if ord(c) >= 0x80 and not c.isspace()}
        for run in _plausible_run().finditer(line):
            doomed -= set(range(*run.span()))
    kept = "".join(c for i, c in enumerate(line) if i not in doomed)
    gone = "".join(line[i] for i in sorted(doomed))
    return kept, [(m.group(0), "") for m in spans] or [(gone, "")], len(doomed)


def _near_han(text: str, match: re.Match[str]) -> tuple[bool, bool]:
    left = match.start() > 0 and is_han(text[match.start() - 1])
    right = match.end() < len(text) and is_han(text[match.end()])
    return left, right


def _drop_qmarks(text: str) -> tuple[str, list[Edit], int]:
    runs = [(m, *_near_han(text, m)) for m in _QMARKS.finditer(text) if text[m.start() - 1 : m.start()] not in PARTICLES]
    inside = any(left and right for _, left, right in runs)
    doomed = [m for m, left, right in runs if (left and right) or (inside and (left or right))]
    for match in reversed(doomed):
        text = text[: match.start()] + text[match.end() :]
    return text, [(m.group(0), "") for m in doomed], sum(len(m.group(0)) for m in doomed)


def drop_garbage(text: str) -> Fixed:
    """Remove unrecoverable spans; ``Fixed.removed`` counts the characters removed.

    >>> drop_garbage("2024锟斤拷锟\ufffd3锟斤拷锟饺憋拷锟斤拷").text
    '20243'
    >>> drop_garbage("这???手机支持五G网络，电池???量").text
    '这手机支持五G网络，电池量'
    """
    edits: list[Edit] = []
    removed = 0
    lines = text.split("\n") if KUNKAO in text or "\ufffd" in text else []
    for index, line in enumerate(lines):
        if KUNKAO in line:
            line, new, count = _drop_kunkao(line)
            edits += new
            removed += count
        if "\ufffd" in line:
            line, new, count = _drop_fffd(line)
            edits += new
            removed += count
        lines[index] = line
    text = "\n".join(lines) if lines else text
    if "烫烫烫" in text or "屯屯屯" in text:
        for match in DEBUG_FILL.finditer(text):
            edits.append((match.group(0), ""))
            removed += len(match.group(0))
        text = DEBUG_FILL.sub("", text)
    if "??" in text:
        text, new, count = _drop_qmarks(text)
        edits += new
        removed += count
    return make_fixed("unrecoverable_garbage", text, edits, removed)
