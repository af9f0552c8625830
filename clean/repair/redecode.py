"""Whole-file mis-decoding: decide from the raw bytes, before any per-line repair.

When the decode stage picked the wrong codec for a whole capture (a GBK page declared as
UTF-8, a Big5 page guessed as GBK), every line is damaged and the bytes are still at
hand, which beats any repair of the text. Each other codec that decodes the bytes
strictly is scored with the same plausibility as the line repairs; one clearly more
plausible wins.
"""

from __future__ import annotations

import codecs

from .detect import plausibility, suspicious_chars

CANDIDATES = ("utf-8", "gb18030", "big5")
#: At most one undecodable byte per this many characters in a reading that is tried.
MAX_INVALID = 1000
#: Share of a text's non-ASCII characters that must look like mojibake (see
#: ``detect.suspicious_chars``) before other readings are tried.
SUSPICIOUS_SHARE = 0.1
#: Characters scored per reading: enough to judge, bounded for large files.
SAMPLE_CHARS = 20_000


def _name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _decode_tolerant(raw: bytes, codec: str) -> str | None:
    """``raw`` in ``codec``, allowing the odd undecodable byte (a capture cut mid-character)."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        decoded = raw.decode(codec, "replace")
    return decoded if decoded.count("\ufffd") <= max(1, len(decoded) // MAX_INVALID) else None


def redecode(raw: bytes, text: str, encoding: str, min_gain: float = 0.5) -> tuple[str, str] | None:
    """``(better_text, better_encoding)`` when another decoding is clearly more plausible.

    >>> raw = "统一战线是凝聚人心、汇聚力量的重要法宝。".encode("gbk")
    >>> redecode(raw, raw.decode("latin-1"), "latin-1")
    ('统一战线是凝聚人心、汇聚力量的重要法宝。', 'gb18030')
    >>> redecode(raw, raw.decode("gbk"), "gbk") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    high = len(sample) - len(sample.encode("ascii", "ignore"))  # non-ASCII characters, at C speed
    if not high or len(suspicious_chars().findall(sample)) < SUSPICIOUS_SHARE * high:
        return None  # reads like correct text: a wrong codec garbles far more than this
    current = plausibility(sample)
    best: tuple[float, str, str] | None = None
    for candidate in CANDIDATES:
        if _name(candidate) == _name(encoding) or {_name(encoding), candidate} <= {"gbk", "gb18030"}:
            continue
        decoded = _decode_tolerant(raw, candidate)
        if decoded is None:
            continue
        score = plausibility(decoded[:SAMPLE_CHARS])
        if score >= current + min_gain and (best is None or score > best[0]):
            best = (score, decoded, candidate)
    return (best[1], best[2]) if best else None
