"""Undo a wrong decoding of CJK bytes inside a line: UTF-8 read as GBK or Big5, Big5 read
as GBK and the reverse, GBK or Big5 read as Latin-1/cp1252.

The text is encoded back with the codec that wrongly decoded it ("source") and the bytes
are decoded with the one they were really in ("target"). A stretch is changed only when
that reverse is exact -- every character of the stretch encodes, the bytes form valid
``target`` sequences that start and end on character boundaries -- and the result is
clearly more plausible (see ``detect.py``).

A U+FFFD in the damaged text stands for one byte the wrong decoder could not map. It is
kept as an unknown byte: when only one value is consistent with both decoders (e.g. the
0x80 of ``、`` = E3 80 81 that gb18030 cannot start a character with) the character comes
back exactly; otherwise the character holding it is dropped and counted, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, cached_property

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

from .detect import PUNCT, char_score, has_broken, is_han, plausibility

UNKNOWN = 0xFF  # never a valid byte of UTF-8, GBK or Big5: marks a U+FFFD's lost byte
_CONT = rb"[\x80-\xbf\xff]"
#: One character's bytes in the target encoding (0xFF: a byte that was lost).
_TOKENS = {
    "utf-8": rb"[\x00-\x7f]|[\xc2-\xdf]%s|[\xe0-\xef]%s{2}|[\xf0-\xf4]%s{3}|\xff[\x80-\xbf]{0,3}"
    % ((_CONT,) * 3),
    "dbcs": rb"[\x00-\x7f]|[\x81-\xfe\xff][\x40-\x7e\x80-\xfe\xff]",
    # Text read as Latin-1 keeps its own ASCII letters: one standing alone (not a trail
    # byte) is a Latin word and ends the run.
    "latin": rb"[\x00-\x40\x5b-\x60\x7b-\x7f]|[\x81-\xfe][\x40-\x7e\x80-\xfe]",
}
_TOKEN = {name: re.compile(token) for name, token in _TOKENS.items()}
_RUN = {name: re.compile(rb"(?:%s)+" % token) for name, token in _TOKENS.items()}
_FAMILY = {"gb18030": ("gb18030", "gbk"), "big5": ("big5", "cp950")}


#: What Latin-1/cp1252 decode high bytes to; GBK/Big5 read that way is made of them.
_LATIN_HIGH = re.compile(
    "[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
#: What Cyrillic single-byte codecs decode high bytes to (charset detectors often take
#: GBK for cp1251, KOI8-R or PTCP154).
_CYRILLIC_HIGH = re.compile("[\u0400-\u04ff\xa0-\xbf\u2013-\u203a\u2116]")


@dataclass(frozen=True)
class Route:
    """One kind of mis-decoding: bytes in ``target`` that were decoded as ``source``.

    ``marker`` (single-byte sources only) matches what the wrong decoder shows for a
    high byte. ``min_case_chaos`` is the share of lowercase-to-uppercase steps a stretch
    must show: GBK read as Cyrillic alternates case inside "words" (``ЧчХЯ``), real
    Russian never does, so all-caps Russian cannot pass for mojibake.
    """

    name: str
    source: str
    target: str
    marker: re.Pattern[str] | None = None
    min_case_chaos: float = 0.0

    @property
    def single_byte_source(self) -> bool:
        return self.marker is not None


ROUTES = (
    Route("utf8_as_gbk", "gb18030", "utf-8"),
    Route("utf8_as_big5", "big5", "utf-8"),
    Route("big5_as_gbk", "gb18030", "big5"),
    Route("gbk_as_big5", "big5", "gb18030"),
    Route("gbk_as_latin1", "latin-1", "gb18030", _LATIN_HIGH),
    Route("gbk_as_cp1252", "sloppy-windows-1252", "gb18030", _LATIN_HIGH),
    Route("big5_as_latin1", "latin-1", "big5", _LATIN_HIGH),
    Route("big5_as_cp1252", "sloppy-windows-1252", "big5", _LATIN_HIGH),
    Route("gbk_as_cp1251", "cp1251", "gb18030", _CYRILLIC_HIGH, 0.05),
    Route("gbk_as_koi8r", "koi8_r", "gb18030", _CYRILLIC_HIGH, 0.05),
    Route("gbk_as_ptcp154", "ptcp154", "gb18030", _CYRILLIC_HIGH, 0.05),
)


def case_chaos(text: str) -> float:
    """Lowercase-to-uppercase steps per non-ASCII character."""
    steps = sum(a.islower() and b.isupper() for a, b in zip(text, text[1:]))
    return steps / max(1, sum(ord(c) >= 0x80 for c in text))


@cache
def _encode_char(char: str, codec: str) -> bytes | None:
    try:
        return char.encode(codec)
    except UnicodeEncodeError:
        return None


@dataclass(frozen=True)
class Window:
    """A stretch of the line (chars ``start:end``) and what it decodes to."""

    start: int
    end: int
    text: str
    dropped: int


@dataclass(frozen=True)
class Segment:
    """An encodable stretch of a line: its bytes and where each character starts."""

    first: int
    data: bytes
    starts: tuple[int, ...]

    @cached_property
    def index(self) -> dict[int, int]:
        """Byte offset -> index in the line, for every character start (and the end)."""
        table = {offset: self.first + i for i, offset in enumerate(self.starts)}
        table[len(self.data)] = self.first + len(self.starts)
        return table

    def context(self, left: int, right: int) -> tuple[bytes, bytes]:
        """Up to two whole characters of bytes on each side of ``left:right``."""
        index = bisect_left(self.starts, left)
        lo = self.starts[max(0, index - 2)] if index else left
        index = bisect_left(self.starts, right)
        hi = self.starts[index + 2] if index + 2 < len(self.starts) else len(self.data)
        return self.data[lo:left], self.data[right:hi]


def _segments(line: str, route: Route) -> list[Segment]:
    """Split ``line`` where a character does not encode in the route's source codec."""
    segments: list[Segment] = []
    data, starts, first = bytearray(), [], 0
    for index, char in enumerate(line):
        raw = (
            bytes((UNKNOWN,))
            if char == "\ufffd" and not route.single_byte_source
            else _encode_char(char, route.source)
        )
        if raw is None:
            if data:
                segments.append(Segment(first, bytes(data), tuple(starts)))
            data, starts, first = bytearray(), [], index + 1
            continue
        starts.append(len(data))
        data += raw
    if data:
        segments.append(Segment(first, bytes(data), tuple(starts)))
    return segments


def _resolve_utf8(seq: bytes, context: tuple[bytes, bytes], codecs: tuple[str, ...]) -> tuple[str, int]:
    """Decode one UTF-8 sequence holding an unknown byte: (text, characters dropped).

    A candidate value must give valid UTF-8 *and* reproduce, through the wrong decoder,
    exactly what the damaged text shows around it (0xFF decodes to the same lone
    U+FFFD there). A single surviving character is the original; several are dropped.
    """
    if seq.count(UNKNOWN) != 1 or seq[0] == UNKNOWN:
        return "", 1
    before, after = context
    found: set[str] = set()
    for codec in codecs:
        shown = (before + seq + after).decode(codec, "replace")
        for value in range(0x80, 0xC0):
            candidate = seq.replace(bytes((UNKNOWN,)), bytes((value,)))
            try:
                char = candidate.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if (before + candidate + after).decode(codec, "replace") == shown:
                found.add(char)
    return (found.pop(), 0) if len(found) == 1 else ("", 1)


def _decode(segment: Segment, lo: int, hi: int, route: Route, codecs: tuple[str, ...]) -> tuple[str, int]:
    """Decode ``segment.data[lo:hi]``, resolving or dropping what unknown bytes hold.

    Raises ``UnicodeDecodeError`` when the bytes are not the target encoding.
    """
    chunk = segment.data[lo:hi]
    if UNKNOWN not in chunk:
        return chunk.decode(route.target), 0
    pieces: list[str] = []
    dropped = 0
    kind = "utf-8" if route.target == "utf-8" else "dbcs"
    for token in _TOKEN[kind].finditer(chunk):
        seq = token.group(0)
        if UNKNOWN not in seq:
            pieces.append(seq.decode(route.target))
        elif kind == "utf-8" and route.source in _FAMILY:
            where = (lo + token.start(), lo + token.end())
            text, lost = _resolve_utf8(seq, segment.context(*where), codecs)
            pieces.append(text)
            dropped += lost
        else:
            dropped += 1
    return "".join(pieces), dropped


def _wrong_decoders(line: str, route: Route) -> tuple[str, ...]:
    """Which decoders of the source family could have produced ``line``.

    Python's ``gbk`` turns GBK's user-defined cells into U+FFFD where ``gb18030`` (and
    browsers) give private-use characters, so a private-use character rules ``gbk`` out.
    """
    family = _FAMILY.get(route.source, ())
    if route.source == "gb18030" and any(0xE000 <= ord(c) <= 0xF8FF for c in line):
        return family[:1]
    return family


def _windows(line: str, route: Route) -> list[Window]:
    found: list[Window] = []
    kind = "utf-8" if route.target == "utf-8" else "latin" if route.single_byte_source else "dbcs"
    codecs = _wrong_decoders(line, route)
    for segment in _segments(line, route):
        for match in _RUN[kind].finditer(segment.data):
            run = match.group(0)
            if len(run) < 4 or max(run) < 0x80:
                continue  # too short for two CJK characters, or plain ASCII
            offsets = [match.start() + t.start() for t in _TOKEN[kind].finditer(run)]
            edges = [o for o in offsets + [match.end()] if o in segment.index]
            if len(edges) < 2:
                continue
            chunk = segment.data[edges[0] : edges[-1]]
            if kind != "utf-8" and _mostly_utf8(chunk):
                continue
            window = _trimmed(segment, edges, route, codecs)
            if window:
                found.append(window)
    return found


#: How many characters a window's edges may give back to the text around it.
TRIM = 3


def _edge_is_poor(text: str, index: int) -> bool:
    """A decoded edge character that is neither ASCII, CJK punctuation nor common Han."""
    return bool(text) and ord(text[index]) >= 0x80 and char_score(text[index]) < PUNCT


def _trimmed(segment: Segment, edges: list[int], route: Route, codecs: tuple[str, ...]) -> Window | None:
    """Decode the run between ``edges``; give back up to ``TRIM`` characters at either
    end when they decode poorly.

    Where damage starts mid-line the run's edge can take in a correct character whose
    bytes happen to be valid in the target too (``模`` is C4 A3 in GBK, ``ģ`` in UTF-8).
    """
    first, last = 0, len(edges) - 1
    best: Window | None = None
    while first < last:
        lo, hi = edges[first], edges[last]
        try:
            text, dropped = _decode(segment, lo, hi, route, codecs)
        except UnicodeDecodeError:
            return best
        best = Window(segment.index[lo], segment.index[hi], text, dropped)
        if _edge_is_poor(text, 0) and first < TRIM:
            first += 1
        elif _edge_is_poor(text, -1) and len(edges) - 1 - last < TRIM:
            last -= 1
        else:
            break
    return best if best and any(ord(c) >= 0x80 for c in best.text) else None


#: Share of a stretch's high bytes that must decode as UTF-8 for it to count as UTF-8
#: (GBK text happens to form valid UTF-8 pairs for a third or more of its bytes).
UTF8_SHARE = 0.8


def _mostly_utf8(chunk: bytes) -> bool:
    """Whether most high bytes of ``chunk`` decode, in order, as UTF-8.

    Valid UTF-8 is far stronger evidence than a plausible GBK/Big5 reading: such a
    stretch is left to the UTF-8 routes and ftfy.
    """
    high = sum(b >= 0x80 for b in chunk)
    decoded = chunk.decode("utf-8", "replace")
    valid = sum(len(c.encode("utf-8")) for c in decoded if ord(c) >= 0x80 and c != "\ufffd")
    return valid >= UTF8_SHARE * high


def _other_script(char: str) -> bool:
    """A letter of a non-CJK script, or box drawing."""
    code = ord(char)
    if code < 0x80 or is_han(char) or 0x3040 <= code <= 0x30FF:
        return False
    return char.isalpha() or 0x2500 <= code <= 0x257F


def _foreign_words(text: str) -> int:
    """Characters of non-CJK scripts that stand next to another letter of a non-CJK
    script, ASCII included (words, box art)."""
    flags = [_other_script(c) for c in text]
    letters = [flag or (c.isascii() and c.isalpha()) for flag, c in zip(flags, text)]
    return sum(
        flag and ((i > 0 and letters[i - 1]) or (i + 1 < len(flags) and letters[i + 1]))
        for i, flag in enumerate(flags)
    )


#: U+FFFD next to the letters two-byte UTF-8 sequences give (Latin Extended, Greek,
#: Cyrillic, Armenian, Hebrew, Arabic...): the mark of GBK or Big5 read as UTF-8, where
#: most bytes are gone and the few that still decode do so by accident.
_LOSSY_UTF8 = re.compile("\ufffd[\u0100-\u07ff]|[\u0100-\u07ff]\ufffd")
#: A re-decoded stretch must read at least this well (mean score; frequent Chinese ~2).
MIN_PLAUSIBILITY = 1.5
#: Below this many non-ASCII characters a stretch is too short to judge by plausibility
#: alone (``鞠婧`` reads as ``六匝`` in Big5): it must also hold a character that no
#: correct text has (private use, U+FFFD).
SHORT = 6


def _accept(before: str, window: Window, route: Route, min_gain: float, confirmed: bool) -> bool:
    """Whether ``window`` (the re-decoding of ``before``) clearly reads better.

    U+FFFD in ``before`` is left out of the comparison: it marks bytes already lost, and
    dropping them is no evidence that the rest was decoded wrongly. ``confirmed`` means
    other stretches of the line went through the same single-byte route: then a short
    stretch (cut off by an English word) needs no evidence of its own beyond plausibility.
    """
    after = window.text
    if has_broken(after) or not any(is_han(c) for c in after):
        return False
    shown = [c for c in before if ord(c) >= 0x80 and c != "\ufffd"]
    gain = plausibility(after) - plausibility("".join(shown))
    if _LOSSY_UTF8.search(before) and window.dropped > 2 * sum(ord(c) >= 0x80 for c in after):
        return False  # GBK/Big5 read as UTF-8: what still decodes is an accident
    if has_broken(before):
        min_gain /= 2  # a private-use character or a U+FFFD is evidence of its own
    if plausibility(after) < MIN_PLAUSIBILITY or gain < min_gain:
        return False
    if confirmed:
        return True
    if route.single_byte_source:
        # Latin-1 words ("crème", "Müller") also pair up into GBK/Big5 codes: demand a run
        # of several characters.
        return sum(map(is_han, after)) >= 3 and case_chaos(before) >= route.min_case_chaos
    if len(shown) < SHORT and not has_broken(before):
        return False
    # GBK/Big5 also encode Latin, Greek and Cyrillic letters and box drawing ("é" is
    # A8 A6): words in those scripts are no evidence, mojibake of Chinese is made of
    # CJK-range characters with the odd such letter in between.
    foreign = sum(map(_other_script, shown))
    return sum(map(is_han, after)) >= 2 and 4 * _foreign_words(before) <= len(shown) and 2 * foreign < len(shown)


@dataclass(frozen=True)
class LineFix:
    """A candidate repair of one line by one route."""

    route: str
    text: str
    edits: list[tuple[str, str]]
    dropped: int


def fix_line(line: str, route: Route, min_gain: float) -> LineFix | None:
    """Apply ``route`` to every stretch of ``line`` where it is exact and plausible."""
    if route.marker is not None and len(route.marker.findall(line)) < 4:
        return None  # too few high bytes for three characters
    windows = _windows(line, route)
    accepted = [w for w in windows if _accept(line[w.start : w.end], w, route, min_gain, False)]
    if accepted and route.single_byte_source:
        accepted = [w for w in windows if _accept(line[w.start : w.end], w, route, min_gain, True)]
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
