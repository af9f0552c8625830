"""Decode: raw capture bytes to text, by sniffing.

Declared charsets on Chinese sites are often wrong (a GB2312 meta tag on a UTF-8 page is
common), so a declaration is a hint, never the truth. The order is:

1. a byte-order mark;
2. strict UTF-8 (cheap, and right for most of the modern web);
3. UTF-8 with a handful of bad bytes (a capture cut in the middle of a character);
4. the declared charset, if it decodes cleanly;
5. GB18030 or Big5-HKSCS, allowing a handful of bad bytes, when the text is plausibly
   Chinese: most of its Han characters are among the script's common ones (a Big5 page
   read as GBK, or the reverse, gives mostly rare characters);
6. charset-normalizer's best guess (it knows nothing of Chinese plausibility and will
   pick a Cyrillic code page for GBK with two bad bytes, hence step 5);
7. GB18030 with replacement characters, recorded as such.

GBK and GB2312 labels decode as GB18030 (its superset) and Big5 as Big5-HKSCS, so
characters outside the old tables are not lost.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from clean.config import DecodeConfig
from clean.errors import BinaryCapture

_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
}
#: Labels browsers accept (WHATWG Encoding Standard) that Python's codec registry does not.
_WEB_LABELS = {
    "x-gbk": "gbk", "gb_2312-80": "gb2312", "csgb2312": "gb2312", "iso-ir-58": "gb2312",
    "chinese": "gb2312", "csiso58gb231280": "gb2312", "x-x-big5": "big5", "csbig5": "big5",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([-\w.:]+)""",
    re.IGNORECASE,
)



def _common_han(encoding: str, lead_bytes: range, trail_bytes: range) -> frozenset[str]:
    pairs = bytes(b for lead in lead_bytes for trail in trail_bytes for b in (lead, trail))
    return frozenset(pairs.decode(encoding, "ignore"))


#: Level-1 (most common) characters: GB2312's 3,755 and Big5's 5,401.
_COMMON_HAN = {
    "gb18030": _common_han("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
    "big5hkscs": _common_han("big5", range(0xA4, 0xC6), range(0x40, 0x7F)) | _common_han(
        "big5", range(0xA4, 0xC6), range(0xA1, 0xFF)),
}
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: A Chinese reading is accepted when at least this share of its Han characters is common.
_MIN_COMMON_SHARE = 0.6
_MIN_HAN = 20


#: ``Decoded.method`` values that mean the bytes were (all but a few) valid UTF-8.
UTF8_METHODS = frozenset({"utf-8", "utf-8-lenient", "bom"})


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a capture, and how.

    Attributes:
        text: the decoded text.
        encoding: the codec that produced it (Python's canonical name).
        method: how the codec was chosen (``bom``, ``utf-8``, ``utf-8-lenient``,
            ``declared``, ``detected``, ``fallback``), for the manifest.
        replaced: how many undecodable bytes became U+FFFD.
    """

    text: str
    encoding: str
    method: str
    replaced: int = 0


def canonical_encoding(label: str) -> str | None:
    """Python's codec name for a charset label, widened to its Chinese superset.

    >>> canonical_encoding("GB2312"), canonical_encoding("x-gbk"), canonical_encoding("BIG5")
    ('gb18030', 'gb18030', 'big5hkscs')
    >>> canonical_encoding("windows-1252"), canonical_encoding("UTF8")
    ('cp1252', 'utf-8')
    >>> canonical_encoding("no-such-charset") is None
    True
    """
    label = label.strip().lower()
    try:
        name = codecs.lookup(_WEB_LABELS.get(label, label)).name
    except LookupError:
        return None
    return _SUPERSETS.get(name.replace("_", "").replace("-", ""), name)


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta tag or XML declaration)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return canonical_encoding((match.group(1) or match.group(2)).decode("ascii", "ignore"))


def decode_bytes(data: bytes, config: DecodeConfig | None = None) -> Decoded:
    """Decode capture bytes by sniffing; raise ``BinaryCapture`` for non-text data."""
    config = config or DecodeConfig()
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, "replace"), encoding, "bom")
    if b"\x00" in data[:8192]:
        raise BinaryCapture("holds NUL bytes: binary data, not a text or HTML capture")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", "replace")
    replaced = lenient.count("\ufffd") - _count_literal_replacement_chars(data)
    if replaced <= max(3, config.utf8_max_invalid_ratio * len(data)):
        return Decoded(lenient, "utf-8", "utf-8-lenient", replaced)
    tolerance = max(3, config.utf8_max_invalid_ratio * len(data))
    declared = declared_encoding(data)
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except UnicodeDecodeError:
            pass
    chinese = _plausible_chinese(data, tolerance)
    if chinese is not None:
        return chinese
    best = charset_normalizer.from_bytes(data).best()
    detected = canonical_encoding(best.encoding) if best is not None else None
    if detected:
        text = data.decode(detected, "replace")
        return Decoded(text, detected, "detected", text.count("\ufffd"))
    text = data.decode("gb18030", "replace")
    return Decoded(text, "gb18030", "fallback", text.count("\ufffd"))


def _plausible_chinese(data: bytes, tolerance: float) -> Decoded | None:
    """The GB18030 or Big5-HKSCS reading with the larger share of common Han characters,
    if it has few bad bytes and enough common characters to be Chinese."""
    best: tuple[float, Decoded] | None = None
    for encoding, common in _COMMON_HAN.items():
        text = data.decode(encoding, "replace")
        replaced = text.count("\ufffd")
        if replaced > tolerance:
            continue
        han = _HAN.findall(text)
        if len(han) < _MIN_HAN:
            continue
        share = sum(1 for ch in han if ch in common) / len(han)
        if share >= _MIN_COMMON_SHARE and (best is None or share > best[0]):
            best = (share, Decoded(text, encoding, "sniffed-chinese", replaced))
    return best[1] if best else None


def _count_literal_replacement_chars(data: bytes) -> int:
    """U+FFFD characters already present in the file as valid UTF-8 (EF BF BD)."""
    return data.count(b"\xef\xbf\xbd")
