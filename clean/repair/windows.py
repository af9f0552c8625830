"""Where a line re-decodes: byte windows of a line in a route's source codec that are
valid in its target codec, with the bytes a U+FFFD stands for resolved or dropped.

A U+FFFD in the damaged text stands for one byte the wrong decoder could not map. It is
kept as an unknown byte: when only one value is consistent with both decoders (e.g. the
0x80 of ``、`` = E3 80 81 that gb18030 cannot start a character with) the character comes
back exactly; otherwise the character holding it is dropped and counted, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate

from .detect import PUNCT, char_score, suspicious_chars
from .routes import Route, Shown, shown_by

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
        table = dict(zip(self.starts, range(self.first, self.first + len(self.starts))))
        table[len(self.data)] = self.first + len(self.starts)
        return table

    def context(self, left: int, right: int) -> tuple[bytes, bytes]:
        """Up to two whole characters of bytes on each side of ``left:right``."""
        index = bisect_left(self.starts, left)
        lo = self.starts[max(0, index - 2)] if index else left
        index = bisect_left(self.starts, right)
        hi = self.starts[index + 2] if index + 2 < len(self.starts) else len(self.data)
        return self.data[lo:left], self.data[right:hi]


#: One character's bytes in the source encodings (GB18030's four-byte form included).
_SOURCE_CHAR = re.compile(rb"[\x00-\x7f\xff]|[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]|[\x81-\xfe][\x40-\xfe]")


def _whole(piece: str, first: int, route: Route) -> Segment | None:
    """``piece`` (at ``first`` in its line) as one segment, encoded at C speed, when every
    character encodes."""
    pieces = piece.split("\ufffd") if not route.single_byte_source else [piece]
    try:
        data = bytes((UNKNOWN,)).join(part.encode(route.source) for part in pieces)
    except UnicodeEncodeError:
        return None
    if route.single_byte_source:
        return Segment(first, data, tuple(range(len(data))))
    starts = _two_byte_starts(piece, len(data))
    if starts is None:
        starts = tuple(m.start() for m in _SOURCE_CHAR.finditer(data))
    return Segment(first, data, starts) if len(starts) == len(piece) else None


#: Byte width of each character of a double-byte encoding, read off its ASCII mask.
_WIDTH = bytes(2 if byte == ord("?") else 1 for byte in range(256))


def _two_byte_starts(piece: str, size: int) -> tuple[int, ...] | None:
    """Where each character of ``piece`` starts in its ``size`` encoded bytes, at C speed,
    when every non-ASCII character took two bytes (a U+FFFD one): ``None`` otherwise
    (GB18030's four-byte characters)."""
    mask = piece.replace("?", "!").replace("\ufffd", "!").encode("ascii", "replace")
    starts = tuple(accumulate(mask.translate(_WIDTH), initial=0))
    return starts[:-1] if starts[-1] == size else None


def _by_char(line: str, route: Route) -> list[Segment]:
    """Every segment of ``line``, one character at a time: the fallback for a stretch whose
    character starts cannot be read off its bytes."""
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


def _encodable_prefix(text: str, codec: str) -> int:
    """How many characters at the start of ``text`` encode in ``codec`` (found at C speed)."""
    try:
        text.encode(codec)
    except UnicodeEncodeError as error:
        return error.start
    return len(text)


def _encodable_end(text: str, start: int, codec: str) -> int:
    """Where the stretch of characters from ``start`` that encode in ``codec`` ends; read
    in growing chunks, so that a line cut into many short segments is not copied whole
    for each."""
    size = 64
    while start < len(text):
        chunk = text[start : start + size]
        length = _encodable_prefix(chunk, codec)
        if length < len(chunk):
            return start + length
        start += length
        size *= 2
    return len(text)


#: A line with more than one suspicious character in this many is split in one pass.
DENSE = 16


def _segments(line: str, route: Route, shows: Shown) -> list[Segment]:
    """The stretches of ``line`` between characters that do not encode in the route's
    source codec, those holding a suspicious character the route ``shows`` only (see
    ``windows``).

    Each is found from its mark outwards by the encoder itself: a long Simplified line
    through a Big5 route has hundreds of characters Big5 lacks. A damaged line, marked
    all over, is split in one pass and its segments are all returned (``windows`` skips
    the runs without a mark all the same).
    """
    whole = _whole(line, 0, route)
    if whole is not None:
        return [whole]
    if len(suspicious_chars().findall(line)) * DENSE > len(line):
        return _by_char(line, route)  # a damaged line: marks everywhere, one pass is cheaper
    probe = line if route.single_byte_source else line.replace("\ufffd", "?")  # a lost byte fits anywhere
    segments: list[Segment] = []
    end = 0
    for mark in (m.start() for m in suspicious_chars().finditer(line) if shows[m.group(0)]):
        if mark < end:
            continue
        first = mark - _encodable_prefix(probe[end:mark][::-1], route.source)
        end = _encodable_end(probe, mark, route.source)
        segment = _whole(line[first:end], first, route)
        if segment is None:
            return _by_char(line, route)
        segments.append(segment)
    return segments


def _marked(line: str, lo: int, hi: int, shows: Shown) -> bool:
    """Whether ``line[lo:hi]`` holds a suspicious character the route ``shows``: in
    damaged text the first one found usually settles it, in clean text a scan at C speed
    finds none."""
    return any(shows[m.group(0)] for m in suspicious_chars().finditer(line, lo, hi))


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


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _wrong_decoders(line: str, route: Route) -> tuple[str, ...]:
    """Which decoders of the source family could have produced ``line``.

    Python's ``gbk`` turns GBK's user-defined cells into U+FFFD where ``gb18030`` (and
    browsers) give private-use characters, so a private-use character rules ``gbk`` out.
    """
    family = _FAMILY.get(route.source, ())
    if route.source == "gb18030" and _PRIVATE_USE.search(line):
        return family[:1]
    return family


def windows(line: str, route: Route) -> list[Window]:
    """Every stretch of ``line`` whose bytes in ``route.source`` decode in ``route.target``
    and that holds a suspicious character the route's wrong decoder could have made.

    A stretch of common Chinese characters and punctuation reads as correct text as it
    stands: mojibake always leaves rarer characters in its run (``routes.could_show``).
    """
    found: list[Window] = []
    kind = "utf-8" if route.target == "utf-8" else "latin" if route.single_byte_source else "dbcs"
    codecs = _wrong_decoders(line, route)
    shows = shown_by(route)
    for segment in _segments(line, route, shows):
        for match in _RUN[kind].finditer(segment.data):
            run = match.group(0)
            if len(run) < 4 or max(run) < 0x80:
                continue  # too short for two CJK characters, or plain ASCII
            first = segment.first + bisect_right(segment.starts, match.start()) - 1
            if not _marked(line, first, segment.first + bisect_left(segment.starts, match.end()), shows):
                continue
            tokens = _TOKEN[kind].finditer(segment.data, match.start(), match.end())
            edges = [*filter(segment.index.__contains__, map(re.Match.start, tokens))]
            if match.end() in segment.index:
                edges.append(match.end())
            if len(edges) < 2:
                continue
            window = _trimmed(segment, edges, route, codecs)  # first: most runs fail to decode
            if window and not (kind != "utf-8" and _mostly_utf8(segment.data[edges[0] : edges[-1]])):
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
