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
    #: Table rows whose cells hold at most this many characters are data (one line per
    #: row); longer cells make a layout table, walked block by block.
    max_cell_chars: int = 200
    #: A line with more than this share of its characters inside links is a link, not text.
    max_link_density: float = 0.5
    #: Lines shorter than this (characters outside links) with no punctuation are labels,
    #: menu entries or bylines rather than running text ...
    min_plain_chars: int = 10
    #: ... or, in languages that space their words, with fewer words than this ...
    min_plain_words: int = 5
    #: ... and count this fraction of their length against the subtree that holds them.
    label_penalty: float = 0.5
    #: Lines shorter than this with a date or time in them are bylines, teaser entries
    #: or comment headers, and count against the subtree that holds them.
    max_byline_chars: int = 60
    #: Class/id prefixes of page furniture: regular expressions matched at the start of a
    #: class or id token (``nav`` matches ``navbar`` and ``top-nav`` but not ``canvas``;
    #: ``foot`` matches the footer but not a ``footnote``).
    furniture_hints: tuple[str, ...] = (
        "nav", "menu", "breadcrumb", "crumb", "foot(?!note)", "bottom", "sidebar", "side",
        "share", "social", "comment", "related", "recommend", "copyright", "login",
        "toolbar", "hot", "rank", "banner", "pagination", "pager", "subscribe", "popup",
        "modal", "cookie",
    )
    #: A page whose text is this many look-alike records, each with its own dated byline
    #: (forum posts, a blog's front page), is cut to its first record; 0 turns this off.
    min_records: int = 3
    #: ... when the records hold at least this share of the article's text.
    record_share: float = 0.8
    #: How far above the article (in lines) to look for its headline ...
    max_header_lines: int = 20
    #: ... and how long a headline or byline line may be.
    max_header_chars: int = 120
    #: Lines at the start and at the end of the article searched for byline fields
    #: (``来源：``, ``责任编辑：``, reporter names).
    byline_lines: int = 4
    #: How much of a long first paragraph is searched for a wire-style byline.
    lead_chars: int = 40
    #: An element matching a furniture hint is still the article if it holds at least
    #: this share of the page's running text.
    hint_max_share: float = 0.9


@dataclass(frozen=True)
class CleanConfig:
    """Everything ``clean.clean_capture`` can be tuned with."""

    decode: DecodeConfig = field(default_factory=DecodeConfig)
    repair: RepairConfig = field(default_factory=RepairConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    html: HtmlConfig = field(default_factory=HtmlConfig)
