"""Repair: undo mojibake before classification.

Foundation version: only HTML entities left in the text are decoded.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from clean.config import RepairConfig

_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


@dataclass(frozen=True)
class Repair:
    """One kind of repair applied to a text: how often, with a few before/after samples."""

    kind: str
    count: int
    samples: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RepairResult:
    """The repaired text and what was done to it."""

    text: str
    repairs: tuple[Repair, ...] = ()
    residual_damage: float = 0.0


def repair_mojibake(text: str, config: RepairConfig | None = None) -> RepairResult:
    """Decode HTML entities left in the text (newlines are never touched)."""
    found = _ENTITY.findall(text)
    if not found:
        return RepairResult(text)
    repaired = _ENTITY.sub(lambda m: html.unescape(m.group(0)).replace("\n", " "), text)
    return RepairResult(repaired, (Repair("html_entities", len(found), tuple((e, html.unescape(e)) for e in found[:3])),))


def redecode(raw: bytes, text: str, encoding: str) -> tuple[str, str] | None:
    """A better decoding of ``raw`` than ``text``, if one is clearly better (none yet)."""
    return None
