"""Normalisation used only for fingerprinting: one script, one width, one case, no punctuation.

The output is never shown to users; it only has to map every reprint variant of a body
(Simplified/Traditional, Taiwan or Hong Kong vocabulary, full/half-width punctuation,
re-split paragraphs) onto the same string while keeping different articles different.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

from dedup.config import DedupConfig

# Sentence ends after NFKC (which maps ！？； to !?;), and a half-width full stop, which
# reprints use for 。 when they narrow punctuation (not between digits: 3.5 is a number).
# Paragraph breaks end sentences too, so that re-splitting paragraphs moves no anchor.
_SENTENCE_END = re.compile(r"(?:[。!?;…\n]|(?<!\d)\.|\.(?!\d))+")
_NOT_WORD = re.compile(r"[\W_]+")
_NOT_WORD_OR_DIGIT = re.compile(r"[\W_\d]+")


@dataclass(frozen=True)
class Normalised:
    """A body in fingerprint form: the joined text and its sentences (same characters)."""

    text: str
    sentences: tuple[str, ...]


@lru_cache(maxsize=8)
def _converters(chain: tuple[str, ...]) -> tuple[opencc.OpenCC, ...]:
    # OpenCC dictionaries take milliseconds to load: load once per process and chain.
    return tuple(opencc.OpenCC(name) for name in chain)


def to_one_script(text: str, chain: tuple[str, ...]) -> str:
    """Apply the OpenCC conversions of ``chain`` in order.

    >>> to_one_script("軟體與網路", ("hk2s", "s2twp", "t2s"))
    '软体与网路'
    >>> to_one_script("软件与网络", ("hk2s", "s2twp", "t2s"))
    '软体与网路'
    """
    for converter in _converters(chain):
        text = converter.convert(text)
    return text


def normalise(text: str, config: DedupConfig) -> Normalised:
    """Bring ``text`` to fingerprint form (see the module docstring for why each step).

    >>> normalise("第一句，Ｈｅｌｌｏ！\\n第二句。", DedupConfig()).text
    '第一句hello第二句'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = to_one_script(folded, config.opencc_chain)
    strip = _NOT_WORD if config.keep_digits else _NOT_WORD_OR_DIGIT
    pieces = (strip.sub("", piece) for piece in _SENTENCE_END.split(folded))
    sentences = tuple(piece for piece in pieces if piece)
    return Normalised("".join(sentences), sentences)
