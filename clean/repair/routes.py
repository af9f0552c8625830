"""The kinds of mis-decoding the round trips undo: bytes in one codec read as another.

``source`` is the codec that wrongly decoded the bytes (the text is encoded back with
it), ``target`` the codec they were really in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def case_chaos(text: str) -> float:
    """Lowercase-to-uppercase steps per non-ASCII character."""
    steps = sum(a.islower() and b.isupper() for a, b in zip(text, text[1:]))
    return steps / max(1, sum(ord(c) >= 0x80 for c in text))
