"""Per line, pick the most plausible reading among ftfy's and the CJK round trips.

ftfy knows UTF-8 read as a single-byte codec; ``roundtrip`` knows the CJK legacy
codecs. When ftfy's strict UTF-8 decoding leaves nothing that ftfy itself finds
mojibake-like, it is taken as is (Thai, Korean, Latvian... are outside our Chinese
plausibility scores). Otherwise several readings may be valid (GBK read as Latin-1 is
something ftfy will half-"fix" into Hebrew letters), so every candidate is made and the
most plausible one wins. Two passes undo a double mix-up.
"""

from __future__ import annotations

import re
from functools import cache

from ftfy.badness import is_bad

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
    fixed = ftfy_line(line)
    ftfy_fix = LineFix("ftfy", fixed, [(line, fixed)], 0) if fixed != line else None
    if ftfy_fix and not is_bad(fixed):
        return ftfy_fix  # a strict UTF-8 decoding that left nothing mojibake-like
    routes = ROUTES if _cluster().search(line) else ()
    candidates = [fix for route in routes if (fix := fix_line(line, route, min_gain))]
    if ftfy_fix:
        candidates.append(ftfy_fix)
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
