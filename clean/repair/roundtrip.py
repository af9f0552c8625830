"""Undo a wrong decoding of CJK bytes inside a line: UTF-8 read as GBK or Big5, Big5 read
as GBK and the reverse, GBK or Big5 read as Latin-1/cp1252 or a Cyrillic codec.

The text is encoded back with the codec that wrongly decoded it and the bytes are
decoded with the one they were really in (``routes.py``). A stretch is changed only when
that reverse is exact -- every character of the stretch encodes, the bytes form valid
target sequences that start and end on character boundaries (``windows.py``) -- and the
result is clearly more plausible (``detect.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .detect import has_broken, is_han, plausibility
from .routes import Route, case_chaos
from .windows import Window, windows

def _other_script(char: str) -> bool:
    """A letter of a non-CJK script, or box drawing."""
    code = ord(char)
    if code < 0x80 or is_han(char) or 0x3040 <= code <= 0x30FF:
        return False
    return char.isalpha() or 0x2500 <= code <= 0x257F


def _kind(char: str) -> str:
    """Which kind of non-Chinese writing ``char`` belongs to ("" for none)."""
    code = ord(char)
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x2500 <= code <= 0x257F:
        return "box"
    if char.isalpha() and not is_han(char):
        return "letter"
    return ""


def _foreign_words(text: str) -> int:
    """Non-ASCII characters standing next to another of their kind: Latin, Greek or
    Cyrillic words (ASCII letters included), box art, Japanese kana runs. What Chinese
    mojibake holds of these stands alone between Han characters."""
    kinds = [_kind(c) for c in text]
    return sum(
        bool(kind) and ord(char) >= 0x80 and kind in (kinds[i - 1] if i else "", kinds[i + 1] if i + 1 < len(kinds) else "")
        for i, (char, kind) in enumerate(zip(text, kinds))
    )


#: U+FFFD next to the letters two-byte UTF-8 sequences give (Latin Extended, Greek,
#: Cyrillic, Armenian, Hebrew, Arabic...): the mark of GBK or Big5 read as UTF-8, where
#: most bytes are gone and the few that still decode do so by accident.
_LOSSY_UTF8 = re.compile("\ufffd[\u0100-\u07ff]|[\u0100-\u07ff]\ufffd")
#: A re-decoded stretch must read at least this well (mean score; frequent Chinese ~2),
#: or this well once other stretches of its line went the same way.
MIN_PLAUSIBILITY = 1.5
CONFIRMED_PLAUSIBILITY = 1.0
#: Below this many non-ASCII characters a stretch re-read from one double-byte codec to
#: another is too short to judge by plausibility alone (``鞠婧`` reads as ``六匝`` in
#: Big5): it must also hold two characters that no correct text has (private use,
#: U+FFFD; one private-use character is often an icon font's glyph). UTF-8 is strict
#: enough to be judged on a word.
SHORT = 6


def _accept(line: str, window: Window, route: Route, min_gain: float, confirmed: bool) -> bool:
    """Whether ``window`` (the re-decoding of a stretch of ``line``) clearly reads better.

    U+FFFD in ``before`` is left out of the comparison: it marks bytes already lost, and
    dropping them is no evidence that the rest was decoded wrongly. ``confirmed`` means
    other stretches of the line went through the same single-byte route: then a short
    stretch (cut off by an English word) needs no evidence of its own beyond plausibility.
    """
    before, after = line[window.start : window.end], window.text
    if has_broken(after) or not any(is_han(c) for c in after):
        return False
    shown = [c for c in before if ord(c) >= 0x80 and c != "\ufffd"]
    gain = plausibility(after) - plausibility("".join(shown))
    if _LOSSY_UTF8.search(before) and window.dropped > 2 * sum(ord(c) >= 0x80 for c in after):
        return False  # GBK/Big5 read as UTF-8: what still decodes is an accident
    if route.target == "utf-8" and not window.dropped and "\ufffd" not in before:
        # Chinese text whose GBK or Big5 bytes are also valid UTF-8 is not found in
        # practice (not one run in the 46,000 of the dev corpus): the decoding itself is
        # the evidence, the result need only read no worse.
        min_gain = 0.0
    elif has_broken(before):
        min_gain /= 2  # a private-use character or a U+FFFD is evidence of its own
    if plausibility(after) < (CONFIRMED_PLAUSIBILITY if confirmed else MIN_PLAUSIBILITY) or gain < min_gain:
        return False
    if confirmed:
        return True
    han = sum(map(is_han, after))
    if route.single_byte_source:
        # Latin-1 words ("crème", "Müller") also pair up into GBK/Big5 codes: demand a run
        # of several characters, or a stretch standing alone, not inside a Latin word.
        alone = not any(c.isascii() and c.isalpha() for c in before) and _stands_alone(line, window)
        return (han >= 3 or (han >= 2 and alone)) and case_chaos(before) >= route.min_case_chaos
    if route.target != "utf-8" and len(shown) < SHORT and sum(map(has_broken, before)) < 2:
        return False  # DBCS to DBCS: plausibility alone cannot judge a word or two
    # GBK/Big5 also encode Latin, Greek and Cyrillic letters and box drawing ("é" is
    # A8 A6): words in those scripts are no evidence, mojibake of Chinese is made of
    # CJK-range characters with the odd such letter in between.
    foreign = sum(map(_other_script, shown))
    return han >= 2 and 4 * _foreign_words(before) <= len(shown) and 2 * foreign < len(shown)


def _stands_alone(line: str, window: Window) -> bool:
    """No letter or digit glued to either side of the window."""
    left = line[window.start - 1 : window.start]
    right = line[window.end : window.end + 1]
    return not (left.isalnum() or right.isalnum())


@dataclass(frozen=True)
class LineFix:
    """A candidate repair of one line by one route."""

    route: str
    text: str
    edits: list[tuple[str, str]]
    dropped: int


def fix_line(line: str, route: Route, min_gain: float) -> LineFix | None:
    """Apply ``route`` to every stretch of ``line`` where it is exact and plausible."""
    if route.marker is not None and len(list(islice(route.marker.finditer(line), 4))) < 4:
        return None  # too few high bytes for three characters
    found = windows(line, route)
    accepted = [w for w in found if _accept(line, w, route, min_gain, False)]
    if accepted and route.single_byte_source:
        accepted = [w for w in found if _accept(line, w, route, min_gain, True)]
    pieces: list[str] = []
    edits: list[tuple[str, str]] = []
    dropped, last = 0, 0
    for window in accepted:
        before = line[window.start : window.end]
        pieces.append(line[last : window.start])
        pieces.append(window.text)
        edits.append((before, window.text))
        dropped += window.dropped
        last = window.end
    if not edits:
        return None
    pieces.append(line[last:])
    return LineFix(route.name, "".join(pieces), edits, dropped)
