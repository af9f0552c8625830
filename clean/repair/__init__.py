"""Mojibake repair: the stage between block extraction and classification.

``repair_mojibake`` runs one small fix per kind of damage, in the order in which the
damage was done (entities are the outermost layer, converter punctuation the last):

1. ``entities``      HTML entities and double-escaped references;
2. ``decoding``      encoding mix-ups, per line: ftfy (UTF-8 read as cp1252/Latin-1, ...)
                     and the CJK round trips ftfy cannot do (``roundtrip``, over the
                     ``routes`` it knows and the byte ``windows`` of a line);
3. ``misalign``      GBK/Big5 runs read one byte out of step;
4. ``pinyin``        converter pinyin annotations;
5. ``punctuation``   converter commas glued to other punctuation;
6. ``legacy_table``  ``・`` and ``―`` from an old GB2312 table, in Chinese text;
7. ``garbage``       what cannot be decoded back (U+FFFD runs, 锟斤拷, 烫烫烫, lost ``??``):
                     removed, counted, never guessed.

A single regex scan (``detect.looks_clean``) returns clean text untouched before any of
them runs. No fix adds or removes a line break. ``redecode`` is the whole-file variant
for the decode stage, which still has the raw bytes.
"""

from __future__ import annotations

from ..config import RepairConfig
from .decoding import fix_mixups
from .detect import looks_clean
from .entities import fix_entities
from .garbage import drop_garbage
from .legacy_table import fix_legacy_table
from .misalign import fix_misaligned
from .pinyin import Evidence, fix_pinyin
from .punctuation import fix_punctuation
from .redecode import redecode
from .result import Fixed, Repair, RepairResult

__all__ = ["Repair", "RepairResult", "redecode", "repair_mojibake"]


def repair_mojibake(text: str, config: RepairConfig | None = None) -> RepairResult:
    """Repair mojibake in ``text``; report every kind of fix and the residual damage.

    >>> result = repair_mojibake("Í³Ò»Õ½ÏßÊÇÄý¾ÛÈËÐÄ¡¢»ã¾ÛÁ¦Á¿µÄÖØÒª·¨±¦¡£")
    >>> result.text
    '统一战线是凝聚人心、汇聚力量的重要法宝。'
    >>> [(r.kind, r.count) for r in result.repairs]
    [('encoding_mixup', 1)]
    >>> repair_mojibake("真的嗎？！太好了……").repairs
    ()
    """
    config = config or RepairConfig()
    if not config.enabled or not text or looks_clean(text):
        return RepairResult(text, (), 0.0)
    evidence = Evidence(
        config.pinyin_min_annotations,
        config.pinyin_min_valid_share,
        config.pinyin_min_traditional_share,
        config.pinyin_min_coverage,
        config.pinyin_min_inline_share,
    )
    steps = (
        fix_entities,
        lambda t: fix_mixups(t, config.min_plausibility_gain),
        fix_misaligned,
        lambda t: fix_pinyin(t, evidence),
        fix_punctuation,
        fix_legacy_table,
        drop_garbage,
    )
    repairs: list[Repair] = []
    removed = 0
    current = text
    for step in steps:
        fixed: Fixed = step(current)
        current = fixed.text
        removed += fixed.removed
        if fixed.repair:
            repairs.append(fixed.repair)
    return RepairResult(current, tuple(repairs), min(1.0, removed / len(text)))
