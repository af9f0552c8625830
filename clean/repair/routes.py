"""The kinds of mis-decoding the round trips undo: bytes in one codec read as another.

``source`` is the codec that wrongly decoded the bytes (the text is encoded back with
it), ``target`` the codec they were really in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

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


#: Bytes either side of a character's bytes in a UTF-8 stream: the lead bytes that take
#: it as continuation bytes (E0, ED, F0 and F4 restrict their second byte) ...
_UTF8_BEFORE = (b"", b"\xc3", b"\xe4", b"\xe4\x80", b"\xf0\x90", b"\xf0\x90\x80")
#: ... and the continuation bytes that complete a lead byte at its end.
_UTF8_AFTER = (b"", b"\x80", b"\x80\x80", b"\x80\x80\x80", b"\xa0\x80", b"\x90\x80\x80")
#: Bytes that occur anywhere in Big5 text (0x80-0xA0 and 0xFF are neither lead nor trail).
_BIG5_BYTES = frozenset(range(0x80)) | frozenset(range(0xA1, 0xFF))


def _valid(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def could_show(route: Route, char: str) -> bool:
    """Whether ``char`` can be part of a stretch the route re-decodes: it encodes in the
    route's wrong codec, and its bytes can stand inside text in the right one.

    A line is put under suspicion by its rare characters; when the route's wrong decoder
    cannot have made any of them (a Korean name for a Big5 route, ``锺`` = E9 D4 for a
    UTF-8 route: E9 must be followed by continuation bytes), the round trip is not tried.
    U+FFFD in a double-byte reading stands for a lost byte, which can be anything.
    """
    if char == "\ufffd" and not route.single_byte_source:
        return True
    try:
        data = char.encode(route.source)
    except UnicodeEncodeError:
        return False
    if route.target == "utf-8":
        return any(_valid(before + data + after, "utf-8") for before in _UTF8_BEFORE for after in _UTF8_AFTER)
    if route.target == "big5":
        return all(byte in _BIG5_BYTES for byte in data)
    return 0xFF not in data


class Shown(dict[str, bool]):
    """``could_show`` for one route, memoised: once a character is seen, a plain dict
    lookup (the hot loops ask it for every suspicious character of a damaged line)."""

    def __init__(self, route: Route) -> None:
        super().__init__()
        self.route = route

    def __missing__(self, char: str) -> bool:
        self[char] = value = could_show(self.route, char)
        return value


@cache
def shown_by(route: Route) -> Shown:
    """The memo of ``could_show`` for ``route``."""
    return Shown(route)


def case_chaos(text: str) -> float:
    """Lowercase-to-uppercase steps per non-ASCII character."""
    steps = sum(a.islower() and b.isupper() for a, b in zip(text, text[1:]))
    return steps / max(1, sum(ord(c) >= 0x80 for c in text))
