"""Converter pinyin annotations: ``統(tǒng)一戰(zhàn)線`` for ``統一戰線``.

Some Simplified-to-Traditional converters append the reading of every character they
changed. Pinyin after a character is also legitimate (``北京(Beijing)``, ``李白(Lǐ Bái)``,
a quiz's ``長(cháng)``), so annotations are removed only on strong evidence from the whole
document: several of them, on several different characters, nearly all a real reading
of the character before them (any of its heteronyms, from pypinyin's dictionary), on
characters the converter would have changed (Traditional-only forms), covering a good
share of such characters, and mostly inside running text (a quiz or a glossary lists
``字(zì)、`` items instead). A reading after a ``?`` (a character lost on the way)
goes with the others once the evidence holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from .detect import to_simplified
from .result import Edit, Fixed, make_fixed

#: One lowercase pinyin syllable, tone-marked or neutral.
SYLLABLE = r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}"
ANNOTATION = re.compile(rf"([\u3400-\u9fff\uf900-\ufaff?])\(({SYLLABLE})\)")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: The parenthesised part of an annotation alone: starting with a literal, it scans at C
#: speed, and a text with too few of them cannot show the pattern.
_READING = re.compile(rf"\(({SYLLABLE})\)")


@dataclass(frozen=True)
class Evidence:
    """Thresholds for calling a document converter-annotated (see ``RepairConfig``)."""

    min_annotations: int = 3
    min_valid_share: float = 0.8
    min_traditional_share: float = 0.8
    min_coverage: float = 0.25
    min_inline_share: float = 0.5


@cache
def readings(char: str) -> frozenset[str]:
    """Every pinyin reading pypinyin knows for ``char`` (empty if none)."""
    from pypinyin.pinyin_dict import pinyin_dict

    return frozenset(pinyin_dict.get(ord(char), "").split(",")) - {""}


@cache
def traditional_only(char: str) -> bool:
    """Whether a Simplified-to-Traditional converter would have produced ``char``."""
    return to_simplified(char) != char


def fix_pinyin(text: str, evidence: Evidence) -> Fixed:
    """Remove converter pinyin annotations when the document shows the pattern.

    >>> fix_pinyin("統(tǒng)一戰(zhàn)線(xiàn)是匯(huì)聚", Evidence()).text
    '統一戰線是匯聚'
    """
    if len(list(islice(_READING.finditer(text), evidence.min_annotations))) < evidence.min_annotations:
        return Fixed(text, None)
    found = list(ANNOTATION.finditer(text))
    valid = [m for m in found if m.group(1) != "?" and m.group(2) in readings(m.group(1))]
    chars = {m.group(1) for m in valid}
    if len(valid) < evidence.min_annotations or len(chars) < evidence.min_annotations:
        return Fixed(text, None)
    if len(valid) < evidence.min_valid_share * len([m for m in found if m.group(1) != "?"]):
        return Fixed(text, None)
    traditional = [m for m in valid if traditional_only(m.group(1))]
    if len(traditional) < evidence.min_traditional_share * len(valid):
        return Fixed(text, None)
    eligible = sum(1 for c in _HAN.findall(text) if traditional_only(c))
    if len(traditional) < evidence.min_coverage * eligible:
        return Fixed(text, None)
    inline = sum(bool(_HAN.match(text, m.end())) for m in valid)
    if inline < evidence.min_inline_share * len(valid):
        return Fixed(text, None)  # a list of readings (a quiz, a glossary), not prose
    doomed = {m.start() for m in valid} | {m.start() for m in found if m.group(1) == "?"}
    edits: list[Edit] = []

    def drop(match: re.Match[str]) -> str:
        if match.start() not in doomed:
            return match.group(0)
        edits.append((match.group(0), match.group(1)))
        return match.group(1)

    return make_fixed("pinyin_annotation", ANNOTATION.sub(drop, text), edits)
