"""GBK/Big5 text read one byte out of step: ``擔當?慕y戰`` for ``擔當的統戰``.

When a converter loses one byte of a double-byte stream (shown as ``?``), every
following pair is read across two characters until a byte in the ASCII range puts the
reader back in step: ``的統`` is B5 C4 BD 79 in GBK, read from C4 it gives ``慕`` + ``y``.
Re-encoding the odd run and shifting it back by one byte recovers every character
except the first (its lead byte is lost) and, when the run ends in another ``?``, the
last (its trail byte is lost). Those two are chosen among the characters their known
byte allows only when one is clearly the most plausible (frequency tier, then how often
the document uses it); otherwise they are dropped and counted, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .detect import (
    COMMON,
    FOREIGN,
    LESS,
    char_score,
    frequency_rank,
    is_han,
    plausibility,
    to_simplified,
    to_traditional,
)
from .pinyin import SYLLABLE
from .result import Fixed, make_fixed, substitute

MISALIGNED = re.compile(
    rf"(?<!\?)\?(?:\(?{SYLLABLE}\))?([\u3400-\u9fff]{{1,16}})(?:([\x40-\x7e])(?![A-Za-z0-9])|\?)"
)
CODECS = ("gbk", "big5")
#: How much more plausible the re-aligned characters must be than the run as shown.
MIN_GAIN = 0.5


def _pair(first: int, second: int, codec: str) -> str | None:
    try:
        char = bytes((first, second)).decode(codec)
    except UnicodeDecodeError:
        return None
    return char if len(char) == 1 and is_han(char) else None


def _weight(char: str) -> float:
    """A rough frequency: Zipf over the ranked head, then by tier."""
    rank = frequency_rank().get(char)
    if rank:
        return 1000.0 / rank
    return {COMMON: 1.0, LESS: 0.1}.get(char_score(char), 0.01)


def _choose(candidates: list[str], context: Context) -> str | None:
    """The candidate that is clearly most plausible, or ``None`` when it is not clear.

    Candidates of the other script than the document's are out; the rest are weighed by
    frequency times (1 + uses in the document); the best must weigh 3x the next.
    """
    fitting = [c for c in candidates if context.fits(c)]
    ranked = sorted(fitting, key=lambda c: _weight(c) * (1 + context.counts[c]), reverse=True)
    if not ranked or char_score(ranked[0]) < COMMON:
        return None
    if len(ranked) == 1:
        return ranked[0]
    best, second = (_weight(c) * (1 + context.counts[c]) for c in ranked[:2])
    return ranked[0] if best >= 3 * second else None


@dataclass(frozen=True)
class Context:
    """What the document tells about a lost character: its script and its usage."""

    counts: Counter[str]
    traditional: bool | None

    @classmethod
    def of(cls, text: str) -> Context:
        han = "".join(c for c in text if is_han(c))
        simplified, traditional = to_simplified(han), to_traditional(han)
        trad = sum(a != b for a, b in zip(han, simplified))
        simp = sum(a != b for a, b in zip(han, traditional))
        script = True if trad >= 3 * max(simp, 1) else False if simp >= 3 * max(trad, 1) else None
        return cls(Counter(text), script)

    def fits(self, char: str) -> bool:
        if self.traditional is None:
            return True
        other = to_traditional(char) if self.traditional else to_simplified(char)
        return other == char


def _realign(run: str, tail: str | None, codec: str, context: Context) -> tuple[str, int] | None:
    """The run shifted back into step: (text, characters dropped), or None if invalid."""
    try:
        mid = run.encode(codec)
    except UnicodeEncodeError:
        return None
    if any(len(c.encode(codec)) != 2 for c in run):
        return None
    try:
        middle = mid[1:-1].decode(codec)
    except UnicodeDecodeError:
        return None
    if tail is None:
        last = _choose([c for y in range(0x40, 0xFF) if (c := _pair(mid[-1], y, codec))], context)
    else:
        last = _pair(mid[-1], ord(tail), codec)
        if last is None:
            return None
    if any(char_score(c) < COMMON for c in middle + (last if tail else "")):
        return None
    first = _choose([c for x in range(0x81, 0xFF) if (c := _pair(x, mid[0], codec))], context)
    text = (first or "") + middle + (last or "")
    return text, (first is None) + (last is None)


def fix_misaligned(text: str) -> Fixed:
    """Put out-of-step double-byte runs back in step.

    >>> fix_misaligned("我們?獔猿职l展經濟").text
    '我們要堅持發展經濟'
    """
    if not MISALIGNED.search(text):
        return Fixed(text, None)
    context = Context.of(text)
    removed = 0

    def decide(match: re.Match[str]) -> str | None:
        nonlocal removed
        run, tail = match.group(1), match.group(2)
        before = plausibility(run) + (FOREIGN if tail else 0.0)
        options = [r for codec in CODECS if (r := _realign(run, tail, codec, context))]
        options = [r for r in options if not r[0] or plausibility(r[0]) >= before + MIN_GAIN]
        if not options:
            return None
        new, dropped = max(options, key=lambda r: (-r[1], plausibility(r[0])))
        removed += dropped
        return new

    new_text, edits = substitute(MISALIGNED, text, decide)
    return make_fixed("gbk_misalignment", new_text, edits, removed)
