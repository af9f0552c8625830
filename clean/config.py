"""Tunables of the cleaning stages, one frozen section per stage.

``CleanConfig`` is built once (by the CLI from ``--config FILE`` or by the caller) and
passed down; no stage reads a global. Each stage owns its own section so that a TOML
file reads as ``[clean.repair]``, ``[clean.classify]``, ``[clean.html]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DecodeConfig:
    """How raw bytes become text (see ``clean.decode``)."""

    #: Largest share of undecodable bytes tolerated in an otherwise valid UTF-8 file
    #: (a capture cut mid-character) before other encodings are tried.
    utf8_max_invalid_ratio: float = 0.001


@dataclass(frozen=True)
class RepairConfig:
    """Mojibake repair (see ``clean.repair``)."""

    enabled: bool = True
    #: How much more plausible (mean per-character score, see ``clean.repair.detect``) a
    #: re-decoded stretch must be before it replaces the text.
    min_plausibility_gain: float = 1.0
    #: Converter pinyin annotations are removed only when the document has at least this
    #: many valid ones, on at least this many different characters ...
    pinyin_min_annotations: int = 3
    #: ... this share of all ``字(pinyin)`` candidates is a real reading of the character ...
    pinyin_min_valid_share: float = 0.8
    #: ... this share of them sits on Traditional-only characters (what converters annotate) ...
    pinyin_min_traditional_share: float = 0.8
    #: ... they cover this share of the document's Traditional-only characters ...
    pinyin_min_coverage: float = 0.25
    #: ... and this share of them is followed by another Han character (running text,
    #: not a quiz's or a glossary's list of items).
    pinyin_min_inline_share: float = 0.5
    #: Whole-file re-decoding: how much more plausible another decoding must be.
    redecode_min_gain: float = 0.5


@dataclass(frozen=True)
class ClassifyConfig:
    """Block classification (see ``clean.classify``)."""

    #: Lexicon files to use (names under ``clean/lexicons/`` without ``.txt``); empty = all.
    lexicons: tuple[str, ...] = ()


@dataclass(frozen=True)
class HtmlConfig:
    """The HTML front end (see ``clean.htmlblocks``)."""

    #: Keep tables that belong to the article body (rows become lines).
    keep_tables: bool = True


@dataclass(frozen=True)
class CleanConfig:
    """Everything ``clean.clean_capture`` can be tuned with."""

    decode: DecodeConfig = field(default_factory=DecodeConfig)
    repair: RepairConfig = field(default_factory=RepairConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    html: HtmlConfig = field(default_factory=HtmlConfig)
