"""Per line, pick the most plausible reading among ftfy's and the CJK round trips.

ftfy knows UTF-8 read as a single-byte codec; ``roundtrip`` knows the CJK legacy
codecs. Outside Chinese text, when ftfy's strict UTF-8 decoding leaves nothing that
ftfy itself finds mojibake-like, it is taken as is (Thai, Korean, Latvian... are outside
our Chinese plausibility scores; in Chinese text ``Ð»Ð»`` is GBK's 谢谢 rather than
UTF-8's лл). Otherwise several readings may be valid (GBK read as Latin-1 is
something ftfy will half-"fix" into Hebrew letters), so every candidate is made and the
most plausible one wins. Two passes undo a double mix-up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ftfy.badness import is_bad

from .detect import is_han, plausibility, suspicious_chars
from .ftfy_fixes import ftfy_line
from .result import Edit, Fixed, make_fixed
from .roundtrip import LineFix, fix_line
from .routes import ROUTES

PASSES = 2
#: Characters ftfy's fixes start from: Latin-1 and Latin Extended letters, Greek,
#: Cyrillic, the cp1252 punctuation Chinese text does not use, MacRoman's mathematical
#: signs and ligatures, cp437's box drawing and shades, U+FFFD.
FTFY_HINT = re.compile(
    "[\x80-\u07ff\u2020-\u2022\u2030\u2039\u203a\u2122\u2200-\u22ff\u2310\u2320\u2321"
    "\u2500-\u25a0\u25ca\ufb01\ufb02\ufffd]"
)
#: Symbols clean pages are full of (Hangul, arrows, shapes, dingbats, box drawing,
#: emoji): not what CJK mojibake is made of.
_PAGE_SYMBOLS = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\u2190-\u21ff\u2500-\u27bf\U0001f000-\U0001faff"


@cache
def _cluster() -> re.Pattern[str]:
    """Two suspicious characters within three: a line worth trying to re-decode.

    Clean lines hold the odd rare character or symbol; mojibake comes in runs.
    """
    char = suspicious_chars().pattern[:-1] + _PAGE_SYMBOLS + "]"
    return re.compile(rf"{char}[^\n]?{char}")


#: Share of Han among a text's visible characters from which it is Chinese text.
CHINESE = 0.2


def _is_chinese(text: str) -> bool:
    """Whether Han characters make up a good share of the text (its damaged lines too)."""
    visible = len(text) - sum(map(str.isspace, text)) or 1
    return sum(map(is_han, text)) >= CHINESE * visible


def _lines_matching(pattern: re.Pattern[str], text: str, breaks: list[int]) -> set[int]:
    return {bisect_right(breaks, m.start()) for m in pattern.finditer(text)}


def _best(line: str, min_gain: float, tries: tuple[bool, bool], chinese: bool) -> LineFix | None:
    try_ftfy, try_routes = tries
    ftfy_fix = None
    if try_ftfy:
        fixed = ftfy_line(line)
        ftfy_fix = LineFix("ftfy", fixed, [(line, fixed)], 0) if fixed != line else None
        if ftfy_fix and not is_bad(fixed) and not chinese:
            return ftfy_fix  # a strict UTF-8 decoding that left nothing mojibake-like
    routes = ROUTES if try_routes else ()
    candidates = [fix for route in routes if (fix := fix_line(line, route, min_gain))]
    if ftfy_fix:
        candidates.append(ftfy_fix)
    if not candidates:
        return None
    return max(candidates, key=lambda fix: (plausibility(fix.text), fix.route == "ftfy"))


def fix_mixups(text: str, min_gain: float) -> Fixed:
    """Undo encoding mix-ups line by line; returns the characters dropped as lost.

    Two scans of the whole text find the lines worth trying; the others are not looked
    at again.
    """
    breaks = [m.start() for m in re.finditer("\n", text)]
    for_ftfy = _lines_matching(FTFY_HINT, text, breaks)
    for_routes = _lines_matching(_cluster(), text, breaks)
    lines = text.split("\n")
    chinese = _is_chinese(text)
    edits: list[Edit] = []
    dropped = 0
    for index in sorted(for_ftfy | for_routes):
        line = lines[index]
        try_ftfy, try_routes = index in for_ftfy, index in for_routes
        for _ in range(PASSES):
            fix = _best(line, min_gain, (try_ftfy, try_routes), chinese)
            if fix is None:
                break
            edits.extend(fix.edits)
            dropped += fix.dropped
            line = fix.text
            try_ftfy, try_routes = bool(FTFY_HINT.search(line)), bool(_cluster().search(line))
        lines[index] = line
    return make_fixed("encoding_mixup", "\n".join(lines), edits, dropped)
