"""The metadata stage: fields out of the blocks the classifier labelled title/metadata.

Bylines come in many shapes -- one field a line (``来源：人民网``), several fields on
one line (``作者：张三 来源：新华网 发布时间：2022-09-30``), a value glued to a date
(``来源:北京市东城区人民政府2022-09-30 16:04``), bracketed (``[ 责编:丛芳瑶 ]``), or
a bare date. Each metadata block is cut at its labels; dates found anywhere in a
metadata block are normalised to ``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM`` when a time is
given). Values keep the capture's own script.
"""

from __future__ import annotations

import re

from clean.blocks import METADATA, TITLE, Block
from clean.classify import metadata_labels
from clean.classify.lexicon import to_simplified
from clean.classify.signals import DATE, TIME

#: Characters trimmed from both ends of a value.
_TRIM = " \t\u3000[]【】()（）|｜:：,，;；/、-—_·"
_MARKUP = re.compile(r"[=<>{}]")
_ROC_DATE = re.compile(r"(?<!\d)(?:民国\s*)?(\d{2,3})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_VALUE_END = re.compile(r"\s{2,}|\u3000|【|\[")
_KEYWORD_SPLIT = re.compile(r"[\s,，;；、|｜/]+")


def normalise_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, with ``HH:MM`` when a time follows.

    Example:
        >>> normalise_date("来源:北京市东城区人民政府2022-09-30 16:04")
        '2022-09-30 16:04'
        >>> normalise_date("发布日期： 7/5/2005 9:23:57 PM")
        '2005-05-07 21:23'
    """
    found = DATE.search(text)
    if not found:
        return None
    if found.group("y"):
        year, month, day = found.group("y"), found.group("m"), found.group("d")
    else:
        # N/N/YYYY: day first unless that is impossible (the pages we have seen, and
        # most of the world outside the US, write the day first)
        year, day, month = found.group("n_y"), found.group("n1"), found.group("n2")
        if int(month) > 12 >= int(day):
            day, month = month, day
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    clock = TIME.match(text[found.end() :].lstrip(" \t\u3000-–—,，T"))
    if clock:
        hour = int(clock.group("h"))
        ampm = (clock.group("ampm") or "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24:
            date += f" {hour:02d}:{clock.group('min')}"
    return date


def _clean_value(value: str) -> str:
    value = TIME.sub("", DATE.sub("", value)) if DATE.search(value) else value
    # a wide gap or a bracket ends the value: the rest of the line is another widget
    value = _VALUE_END.split(value.strip(_TRIM), 1)[0]
    value = value.strip(_TRIM)
    return "" if _MARKUP.search(value) else value


def _fields_of_line(text: str) -> list[tuple[str, str]]:
    """(field, raw value) pairs of one byline, in order, values in the capture's script.

    Labels are found in the Simplified form of the line; t2s keeps the length of a
    line like this one, so the positions cut the original.
    """
    labels = metadata_labels()
    simplified = to_simplified(text)
    source = text if len(simplified) == len(text) else simplified
    matches = list(labels.lenient.finditer(simplified))
    pairs = []
    for k, found in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        pairs.append((labels.field_for(found.group("label") or found.group("spaced")), source[found.end() : end]))
    return pairs


def _roc_date(text: str) -> str | None:
    """A Republic-of-China calendar date (Taiwan: 民國114年3月5日, 114-03-05) in ISO form."""
    found = _ROC_DATE.search(to_simplified(text))
    if not found:
        return None
    year, month, day = int(found.group(1)) + 1911, int(found.group(2)), int(found.group(3))
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def extract_metadata(blocks: list[Block]) -> dict:
    """Metadata fields from the labelled blocks; only the fields found.

    Keys: ``title``, ``subtitle``, ``original_title``, ``date``, ``source``,
    ``author``, ``editor``, ``keywords`` (a list). The first value of a field wins:
    the byline above the article comes before the tail's.
    """
    meta: dict = {}
    for block in blocks:
        if block.label == TITLE and block.field:
            # markdown renderers (html2text, pandoc) mark headings with '#'
            meta.setdefault(block.field, block.text.strip().lstrip("#").strip())
            continue
        if block.label != METADATA:
            continue
        for field, raw in _fields_of_line(block.text):
            if field == "date":
                date = normalise_date(raw) or _roc_date(raw)
                if date:
                    meta.setdefault("date", date)
            elif field == "keywords":
                words = [w for w in _KEYWORD_SPLIT.split(raw.strip(_TRIM)) if w]
                if words:
                    meta.setdefault("keywords", words)
            else:
                value = _clean_value(raw)
                if value:
                    meta.setdefault(field, value)
        date = normalise_date(block.text)
        if date:
            meta.setdefault("date", date)
    return meta
