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
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

from ftfy.badness import is_bad

from .detect import plausibility, suspicious_chars
from .ftfy_fixes import ftfy_line
from .result import Edit, Fixed, make_fixed
from .roundtrip import LineFix, fix_line
from .routes import ROUTES, shown_by

PASSES = 2
#: What the lead byte of a UTF-8 sequence turns into when read as a single-byte codec:
#: Latin-1/cp1252 letters (Â..ô), Latin Extended (cp1250, cp1257), Greek (cp1253,
#: cp437), Cyrillic (cp1251), MacRoman's ƒ « » and mathematical signs, cp437's box
#: drawing; C1 controls (cp1252 punctuation read as Latin-1) and U+FFFD. ftfy is tried
#: only on lines holding one of them.
FTFY_HINT = re.compile("[\x80-\x9f\xab\xbb\xc2-\xf4\u0100-\u024f\u0370-\u04ff\u2200-\u22ff\u2500-\u257f\ufffd]")
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
SAMPLE = 20_000


#: Runs, not single characters: counting a few long matches is far cheaper than many.
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")
_SPACE = re.compile(r"\s+")


def _is_chinese(text: str) -> bool:
    """Whether Han characters make up a good share of the text (its damaged lines too),
    judged on its first ``SAMPLE`` characters."""
    sample = text[:SAMPLE]
    visible = len(sample) - sum(map(len, _SPACE.findall(sample))) or 1
    return sum(map(len, _HAN.findall(sample))) >= CHINESE * visible


def _lines_matching(pattern: re.Pattern[str], text: str, breaks: list[int]) -> set[int]:
    """Indices of the lines holding a match, looking no further into a line once found."""
    found: set[int] = set()
    position = 0
    while match := pattern.search(text, position):
        line = bisect_right(breaks, match.start())
        found.add(line)
        if line == len(breaks):
            break
        position = breaks[line] + 1
    return found


#: A line this short (a title, a menu item) is tried with one suspicious character.
SHORT_LINE = 16
#: Characters either side of a line's suspicious stretch handed to the round trips too.
MARGIN = 16


def _has_suspicious_letter(line: str) -> bool:
    """Whether a suspicious character of the line is a letter or private-use: a mis-decoding
    always yields some (ÖÐ, â€, 涓), while a menu line's bullets, box-drawing and arrows
    (•, │, ★, ←) are symbols and not worth a round trip."""
    return any(unicodedata.category(match.group(0)[0])[0] == "L" or unicodedata.category(match.group(0)[0]) == "Co"
               for match in suspicious_chars().finditer(line))


def _route_fixes(line: str, min_gain: float) -> list[LineFix]:
    """Every route's repair of the line, tried on the stretch from its first to its last
    suspicious character (and a margin): a long clean paragraph with one rare name in
    it costs little. A route that cannot have made any of those characters is skipped
    (``routes.could_show``)."""
    found = list(suspicious_chars().finditer(line))
    lo, hi = max(0, found[0].start() - MARGIN), min(len(line), found[-1].end() + MARGIN)
    shown = {m.group(0) for m in found}
    fixes = []
    for route in ROUTES:
        if not any(map(shown_by(route).__getitem__, shown)):
            continue
        fix = fix_line(line[lo:hi], route, min_gain)
        if fix:
            fixes.append(LineFix(fix.route, line[:lo] + fix.text + line[hi:], fix.edits, fix.dropped))
    return fixes


def _best(line: str, min_gain: float, tries: tuple[bool, bool], chinese: Callable[[], bool]) -> LineFix | None:
    """The most plausible repair of ``line``; ``chinese()`` (whether the text is Chinese)
    is asked only when ftfy's decoding is clean, so most texts are never sampled."""
    try_ftfy, try_routes = tries
    ftfy_fix = None
    if try_ftfy:
        fixed = ftfy_line(line)
        ftfy_fix = LineFix("ftfy", fixed, [(line, fixed)], 0) if fixed != line else None
        if ftfy_fix and not is_bad(fixed) and not chinese():
            return ftfy_fix  # a strict UTF-8 decoding that left nothing mojibake-like
    candidates = _route_fixes(line, min_gain) if try_routes else []
    if ftfy_fix:
        candidates.append(ftfy_fix)
    if not candidates:
        return None
    return max(candidates, key=lambda fix: (plausibility(fix.text), fix.route == "ftfy"))


def fix_mixups(text: str, min_gain: float) -> Fixed:
    """Undo encoding mix-ups line by line; returns the characters dropped as lost.

    One scan of the whole text finds the lines holding a suspicious character (every
    hint of ftfy's and every character of a cluster is one); only those are looked at
    again, to pick the lines worth trying.
    """
    breaks = [m.start() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    suspect = {i: lines[i] for i in _lines_matching(suspicious_chars(), text, breaks)}
    for_ftfy = {i for i, line in suspect.items() if FTFY_HINT.search(line)}
    for_routes = {
        i for i, line in suspect.items()
        if _cluster().search(line) or (len(line.strip()) <= SHORT_LINE and _has_suspicious_letter(line))
    }
    chinese = cache(lambda: _is_chinese(text))
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
