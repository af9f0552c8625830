"""GBK/Big5 text read one byte out of step: ``擔當?慕y戰`` for ``擔當的統戰``.

When a converter loses one byte of a double-byte stream (shown as ``?``), every
following pair is read across two characters until a byte in the ASCII range puts the
reader back in step: ``的統`` is B5 C4 BD 79 in GBK, read from C4 it gives ``慕`` + ``y``.
Re-encoding the odd run and shifting it back by one byte recovers every character
exactly except the first (its lead byte is lost) and, when the run ends in another
``?``, the last (its trail byte is lost).

Those two are chosen only on evidence from the document itself: among the characters
their known byte allows (and, for a lost trail byte, that the reader could not pair with
the byte after it), the one character that forms a word the document uses elsewhere
(``的統`` in ``黨的統一戰線``). Without such evidence the character is dropped and counted:
frequency alone would be a guess.
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from .detect import CJK_PUNCT, COMMON, FOREIGN, char_score, is_han, plausibility, to_simplified, to_traditional
from .pinyin import ANNOTATION, SYLLABLE
from .result import Fixed, make_fixed, substitute

MISALIGNED = re.compile(
    rf"\?(?<!\?\?)(?:\(?{SYLLABLE}\))?([\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]{{0,16}})"
    r"(?:([\x40-\x7e])(?![A-Za-z0-9])|\?)"
)
CODECS = ("gbk", "big5")
#: Runs of the characters ``detect.is_han`` accepts.
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")
#: How much more plausible the re-aligned characters must be than the run as shown.
MIN_GAIN = 0.5


def _decodes(pair: bytes, codec: str) -> str | None:
    try:
        text = pair.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if len(text) == 1 else None


def _han(first: int, second: int, codec: str) -> str | None:
    char = _decodes(bytes((first, second)), codec)
    return char if char and is_han(char) else None


@cache
def _unchanged(char: str, traditional: bool) -> bool:
    """Whether converting ``char`` to the script (Traditional or not) leaves it as is."""
    return (to_traditional(char) if traditional else to_simplified(char)) == char


class Context:
    """What the document tells about a lost character: its script and its words.

    Both are looked up only when a candidate needs them: most texts with a candidate run
    (a ``?`` before Chinese text, ``?p=`` in a URL) are turned down on the bytes alone.
    """

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def _plain(self) -> str:
        return ANNOTATION.sub(r"\1", self._text)

    @cached_property
    def traditional(self) -> bool | None:
        """Whether the document is written in Traditional (None: cannot tell)."""
        han = "".join(_HAN_RUN.findall(self._plain))
        trad = sum(map(str.__ne__, han, to_simplified(han)))
        simp = sum(map(str.__ne__, han, to_traditional(han)))
        return True if trad >= 3 * max(simp, 1) else False if simp >= 3 * max(trad, 1) else None

    def uses(self, pair: str) -> bool:
        """Whether the document (annotations removed) holds the two characters ``pair``."""
        return len(pair) == 2 and pair in self._plain

    def fits(self, char: str) -> bool:
        """``char`` is written the way the document writes (Traditional or Simplified)."""
        if self.traditional is None:
            return True
        return _unchanged(char, self.traditional)

    def choose(self, candidates: list[str], left: str, right: str, forced: bool = True) -> str | None:
        """The one candidate the document supports, or ``None`` when none or several do.

        With ``forced``, a sole plausible candidate needs no support.
        """
        common = [c for c in candidates if char_score(c) >= COMMON]
        if forced:
            fitting = [c for c in common if self.fits(c)]
            if len(fitting) == 1:
                return fitting[0]
            supported = [c for c in fitting if self.uses(left + c) or self.uses(c + right)]
        else:
            supported = [c for c in common if (self.uses(left + c) or self.uses(c + right)) and self.fits(c)]
        return supported[0] if len(supported) == 1 else None


def _lost_trail_candidates(lead: int, following: str, codec: str) -> list[str]:
    """Characters ``lead`` + an unknown trail byte can be, given that the reader showed
    that byte as ``?``: it could not pair it with the byte that follows."""
    try:
        after = following.encode(codec)[:1] if following else b""
    except UnicodeEncodeError:
        after = b""
    found = []
    for trail in range(0x40, 0xFF):
        char = _han(lead, trail, codec)
        if char and (not after or after[0] < 0x40 or _decodes(bytes((trail, after[0])), codec) is None):
            found.append(char)
    return found


def _realign(
    run: str, tail: str | None, around: tuple[str, str], codec: str, context: Context
) -> tuple[str, int] | None:
    """The run shifted back into step: (text, characters dropped), or None if invalid."""
    before, following = around
    if not run:
        # ``?L``: the lost lead byte's own trail byte came out as an ASCII letter. Only
        # the document's own words can say which character it was.
        if not tail:
            return None
        lone = [c for x in range(0x81, 0xFF) if (c := _han(x, ord(tail), codec))]
        chosen = context.choose(lone, before, following, forced=False)
        return (chosen, 0) if chosen else None
    if any(len(c.encode(codec, "replace")) != 2 for c in run):
        return None
    try:
        mid = run.encode(codec)
        middle = mid[1:-1].decode(codec)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    last = _han(mid[-1], ord(tail), codec) if tail else None
    if tail and last is None:
        return None
    if any(char_score(c) < COMMON and c not in CJK_PUNCT for c in middle + (last or "")):
        return None
    if not tail:
        candidates = _lost_trail_candidates(mid[-1], following, codec)
        last = context.choose(candidates, middle[-1:] or "", following)
    first = context.choose(
        [c for x in range(0x81, 0xFF) if (c := _han(x, mid[0], codec))], before, (middle or last or "")[:1]
    )
    text = (first or "") + middle + (last or "")
    return text, (first is None) + (last is None)


def fix_misaligned(text: str) -> Fixed:
    """Put out-of-step double-byte runs back in step.

    >>> fix_misaligned("我們?獔猿职l展經濟").text
    '我們堅持發展經濟'
    """
    if not MISALIGNED.search(text):
        return Fixed(text, None)
    context = Context(text)
    removed = 0

    def decide(match: re.Match[str]) -> str | None:
        nonlocal removed
        run, tail = match.group(1), match.group(2)
        shown = plausibility(run) + (FOREIGN if tail else 0.0)
        around = (text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1])
        options = [r for codec in CODECS if (r := _realign(run, tail, around, codec, context))]
        options = [r for r in options if not r[0] or plausibility(r[0]) >= shown + MIN_GAIN]
        if not options:
            return None
        new, dropped = max(options, key=lambda r: (-r[1], plausibility(r[0])))
        removed += dropped
        return new

    new_text, edits = substitute(MISALIGNED, text, decide)
    return make_fixed("gbk_misalignment", new_text, edits, removed)
