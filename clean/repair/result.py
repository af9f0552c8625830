"""What a repair reports: one ``Repair`` per kind of fix, gathered in a ``RepairResult``.

Every fix is a pure ``str -> Fixed`` function; ``Fixed`` carries the new text, the edits
it made (for the manifest) and how many characters it removed as unrecoverable garbage
(for the residual-damage ratio). Keeping that bookkeeping here means each fix module
only decides *what* to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: Longest side of a before/after sample kept in the manifest.
SAMPLE_CHARS = 24
#: Samples kept per kind of repair.
MAX_SAMPLES = 3


@dataclass(frozen=True)
class Repair:
    """One kind of fix applied to a text: ``count`` edits, up to 3 short samples."""

    kind: str
    count: int
    samples: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RepairResult:
    """The repaired text, what was done to it, and how much was unrecoverable.

    ``residual_damage`` is the share of the input's characters that were removed as
    garbage that could not be decoded back (U+FFFD runs, 锟斤拷, lost ``??``); users filter
    documents on it.
    """

    text: str
    repairs: tuple[Repair, ...]
    residual_damage: float


@dataclass(frozen=True)
class Fixed:
    """The outcome of one fix function."""

    text: str
    repair: Repair | None
    removed: int = 0


Edit = tuple[str, str]


def _short(text: str) -> str:
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"


def make_fixed(kind: str, text: str, edits: list[Edit], removed: int = 0) -> Fixed:
    """Bundle a fix's output; no edits means no ``Repair`` entry."""
    if not edits:
        return Fixed(text, None, 0)
    samples = tuple((_short(b), _short(a)) for b, a in edits[:MAX_SAMPLES])
    return Fixed(text, Repair(kind, len(edits), samples), removed)


def substitute(
    pattern: re.Pattern[str], text: str, decide: Callable[[re.Match[str]], str | None]
) -> tuple[str, list[Edit]]:
    """Replace each match for which ``decide`` returns a string; record the edits.

    ``decide`` returning ``None`` keeps the match as it is, so a fix can look at a
    candidate and decline it.
    """
    edits: list[Edit] = []

    def replace(match: re.Match[str]) -> str:
        new = decide(match)
        if new is None or new == match.group(0):
            return match.group(0)
        edits.append((match.group(0), new))
        return new

    return pattern.sub(replace, text), edits
