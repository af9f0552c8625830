"""Character plausibility: how much a string looks like real (mostly Chinese) text.

Every decision in the repair stage compares two readings of the same bytes and keeps the
one that is clearly more plausible. Plausibility is a per-character score from coarse
classes that need no language model:

* frequent Han (the 100 most frequent characters and their Traditional forms) score
  highest, then the first levels of GB2312 and Big5 (the 3,755 and 5,401 characters the
  standards' authors chose as "commonly used"), then their second levels; other Han
  (GBK extensions, CJK Extension A, compatibility ideographs) score below zero;
* CJK punctuation is plausible, private-use characters, U+FFFD and control characters
  are not, and Latin-1 letters, kana, box drawing and full-width Latin letters (what
  Chinese bytes turn into when read with the wrong codec) are mildly implausible.

A string is scored in two readings, as Simplified text (GB2312's levels) and as
Traditional text (Big5's), and keeps the better: correct text sticks to one script,
mojibake mixes both. The tiers come from the codecs themselves; only the short list of
the most frequent characters is shipped (``frequent_chars.txt``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from .legacy_table import OLD_MARKS

TOP = 3.0
COMMON = 2.0
LESS = 0.0
RARE_HAN = -2.0
PUNCT = 1.0
FOREIGN = -1.0
BOX = -2.0
BROKEN = -4.0

#: CJK punctuation that correct Chinese text uses all the time.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕…—―·・　～％＋－"
REPLACEMENT = "\ufffd"


def _decode_grid(codec: str, leads: range, trails: list[int]) -> set[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


@cache
def frequency_rank() -> dict[str, int]:
    """Rank (1 = most frequent) of the most frequent characters; Traditional forms share
    the rank of their Simplified form."""
    text = resources.files(__package__).joinpath("frequent_chars.txt").read_text("utf-8")
    simplified, traditional = [line.strip() for line in text.splitlines() if not line.startswith("#")]
    ranks = {c: i + 1 for i, c in enumerate(simplified)}
    for char in traditional:
        ranks[char] = ranks.get(to_simplified(char), len(simplified))
    return ranks


@cache
def _converter(config: str) -> object:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """OpenCC's Traditional-to-Simplified conversion."""
    return _converter("t2s").convert(text)  # type: ignore[attr-defined]


def to_traditional(text: str) -> str:
    """OpenCC's Simplified-to-Traditional conversion."""
    return _converter("s2t").convert(text)  # type: ignore[attr-defined]


@cache
def script_tiers() -> tuple[dict[str, float], dict[str, float]]:
    """Han scores read as Simplified text (GB2312's levels) and as Traditional text
    (Big5's levels); characters outside a standard score ``RARE_HAN`` in that reading.

    Correct text is written in one script, mojibake mixes both: judging a string in
    each reading and keeping the better one stops a run of accidental Traditional
    characters from passing for Simplified text, and the reverse.
    """
    gb_trail = list(range(0xA1, 0xFF))
    big5_trail = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    views = []
    for codec, common_leads, less_leads, trails in (
        ("gb2312", range(0xB0, 0xD8), range(0xD8, 0xF8), gb_trail),
        ("big5", range(0xA4, 0xC7), range(0xC9, 0xFA), big5_trail),
    ):
        tiers = {c: LESS for c in _decode_grid(codec, less_leads, trails) if is_han(c)}
        tiers.update({c: COMMON for c in _decode_grid(codec, common_leads, trails) if is_han(c)})
        tiers.update({c: TOP for c in frequency_rank() if c in tiers})
        views.append(tiers)
    return views[0], views[1]


@cache
def han_tiers() -> dict[str, float]:
    """Score of every Han character in GB2312 or Big5, in its better reading."""
    simplified, traditional = script_tiers()
    tiers = dict(traditional)
    for char, score in simplified.items():
        tiers[char] = max(score, tiers.get(char, score))
    return tiers


def is_han(char: str) -> bool:
    """A CJK ideograph (unified, Extension A, or compatibility)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


@cache
def char_score(char: str) -> float:
    """Plausibility of one character in Chinese web text (see the module docstring)."""
    code = ord(char)
    if code < 0x80:
        return BROKEN if (code < 0x20 and char not in "\t\n\r") or code == 0x7F else 0.0
    if is_han(char):
        return han_tiers().get(char, RARE_HAN)
    if char in CJK_PUNCT or 0xFF10 <= code <= 0xFF19:
        return PUNCT
    if char == REPLACEMENT or 0xE000 <= code <= 0xF8FF or 0x80 <= code < 0xA0:
        return BROKEN
    if 0x2500 <= code <= 0x25FF:
        return BOX
    category = unicodedata.category(char)
    if category.startswith("C"):
        return BROKEN
    if category.startswith("L") or category in ("Sk", "Mn", "So"):
        return FOREIGN
    return 0.0


def plausibility(text: str) -> float:
    """Mean plausibility of the non-ASCII characters of ``text`` (0.0 when it has none),
    in the better of its Simplified and Traditional readings (see ``script_tiers``).

    ASCII is left out because every codec involved maps it to itself: it cannot tell two
    readings of the same bytes apart, only dilute the difference.
    """
    simplified, traditional = script_tiers()
    other = as_simplified = as_traditional = 0.0
    count = 0
    for char in text:
        if ord(char) < 0x80:
            continue
        count += 1
        if is_han(char):
            as_simplified += simplified.get(char, RARE_HAN)
            as_traditional += traditional.get(char, RARE_HAN)
        else:
            other += char_score(char)
    return (other + max(as_simplified, as_traditional)) / count if count else 0.0


def has_broken(text: str) -> bool:
    """Whether ``text`` holds a character no correct text has (PUA, U+FFFD, controls)."""
    return any(char_score(c) == BROKEN for c in text)


def _ranges(chars: set[str]) -> str:
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    start = prev = codes[0]
    for code in codes[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = code
    return "".join(parts)


@cache
def suspicious_chars() -> re.Pattern[str]:
    """Characters correct Chinese or ASCII text rarely holds (what mojibake is made of)."""
    fine = {c for c, score in han_tiers().items() if score >= COMMON}
    fine |= set(CJK_PUNCT) | {chr(c) for c in range(0x20, 0x7F)} | set("\t\n\r")
    fine |= {chr(c) for c in range(0xFF10, 0xFF1A)}
    return re.compile(rf"[^{_ranges(fine)}]")


@cache
def suspicious_pattern() -> re.Pattern[str]:
    """One regex that finds anything any fix could act on.

    Plain ASCII, frequent and first-level Han, and CJK punctuation never match, so clean
    Chinese text is passed through after a single scan. Everything the fixes look for
    is here: non-first-level or rare characters (what mojibake is made of), entities,
    ``?`` or ``(`` glued to CJK, a comma glued to other punctuation, and debug fill
    (烫烫烫, 屯屯屯: MSVC fill bytes 0xCC/0xCD read as GBK, all first-level characters),
    and an old GB2312 table's ``・``/``―``.
    """
    return re.compile(
        suspicious_chars().pattern
        + r"|&(?:#|[A-Za-z][A-Za-z0-9]{1,31};)"
        r"|[,，][,，、。；：？！]"
        r"|(?<=[^\x00-\x7f])[?(]|\?(?=[^\x00-\x7f])"
        r"|烫烫烫|屯屯屯"
        + "|" + OLD_MARKS.pattern
    )


def looks_clean(text: str) -> bool:
    """The cheap pre-check: nothing in ``text`` any fix could act on."""
    return suspicious_pattern().search(text) is None
