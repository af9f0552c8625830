"""Per line, pick the most plausible reading among ftfy's and the CJK round trips.

ftfy knows UTF-8 read as a single-byte codec; ``roundtrip`` knows the CJK legacy
codecs. Some damaged lines are valid input to several of them (GBK read as Latin-1 is
also something ftfy will half-"fix" into Hebrew letters), so each suspicious line gets
every candidate and the most plausible one wins. Two passes undo a double mix-up.
"""

from __future__ import annotations

import re
from functools import cache

from .detect import plausibility, suspicious_chars
from .ftfy_fixes import ftfy_line
from .result import Edit, Fixed, make_fixed
from .roundtrip import ROUTES, LineFix, fix_line

PASSES = 2


@cache
def _cluster() -> re.Pattern[str]:
    """Two suspicious characters within three: a line worth trying to re-decode.

    Clean lines hold the odd rare character or symbol; mojibake comes in runs.
    """
    char = suspicious_chars().pattern
    return re.compile(rf"{char}[^\n]?{char}")


def _best(line: str, min_gain: float) -> LineFix | None:
    routes = ROUTES if _cluster().search(line) else ()
    candidates = [fix for route in routes if (fix := fix_line(line, route, min_gain))]
    fixed = ftfy_line(line)
    if fixed != line:
        candidates.append(LineFix("ftfy", fixed, [(line, fixed)], 0))
    if not candidates:
        return None
    return max(candidates, key=lambda fix: (plausibility(fix.text), fix.route == "ftfy"))


def fix_mixups(text: str, min_gain: float) -> Fixed:
    """Undo encoding mix-ups line by line; returns the characters dropped as lost."""
    lines = text.split("\n")
    edits: list[Edit] = []
    dropped = 0
    for index, line in enumerate(lines):
        for _ in range(PASSES):
            if not suspicious_chars().search(line):
                break
            fix = _best(line, min_gain)
            if fix is None:
                break
            edits.extend(fix.edits)
            dropped += fix.dropped
            line = fix.text
        lines[index] = line
    return make_fixed("encoding_mixup", "\n".join(lines), edits, dropped)
