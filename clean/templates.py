"""Site templates: lines that many captures of one batch print, though their articles differ.

A site prints its navigation, its boxes ("重点推荐", "已推荐 推荐成功"), its footer and its
standing notices on every page. One capture alone cannot always tell them from the text
(a one-paragraph story above a sidebar of headlines reads like a listing page); a batch of
captures of the same site can: those lines come back on page after page.

But a reprinted article's paragraphs also come back, on every site that reprinted it, and
they must not be removed for that. The difference is what else the captures hold: pages
of one site each carry their own article besides the lines they share, while reprints of
one article share the article itself. So a line is a template line when it is printed by
at least ``min_captures`` captures that each have **text of their own**: at least
``own_text_share`` of their prose is in lines no other capture of the batch prints (a
capture with no prose at all is a page of its own too). Copies of one article do not count
towards anything, so their paragraphs never become a template, however often reprinted.

Two passes, so that the batch engine can run the first on all cores:

1. ``survey_blocks``: one capture's blocks -> its ``Survey`` (a 64-bit key per distinct
   line, and the line's prose characters);
2. ``find_templates``: all surveys -> for each capture, its template lines as
   ``{key: captures printing it}``; ``mark_templates`` puts the count on the blocks.

The classifier reads a block's ``template`` count as "chrome unless the article runs on
both sides of it" (see ``clean.classify``): a template line inside the article (a quoted
statement, a notice's standard heading) stays.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from clean.blocks import Block
from clean.config import TemplateConfig

_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
#: A line needs this many letters (ideographs count) to be a template line: a lone
#: number or character (a table cell, a pager, a headline printed one character a
#: line) is on every kind of page, of every site, and says nothing about a template.
MIN_LETTERS = 2
#: A line counts as prose, for a capture's share of text of its own, from this length on
#: when it holds a clause or sentence mark (a cheap stand-in for the classifier's signals:
#: the share only has to tell an article from a page of links).
MIN_PROSE_CHARS = 20
_CLAUSE = re.compile(r"[。！？；，!?;,]")


def line_key(text: str) -> int:
    """A 64-bit key of a line's text, white space ignored (renderers indent differently).

    >>> line_key("首页 | 新闻") == line_key("  首页|新闻 ")
    True
    """
    digest = hashlib.blake2b(_SPACE.sub("", text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass(frozen=True)
class Survey:
    """What the template finder needs of one capture: its distinct lines' keys and, per
    key, the prose characters of the line (0 for a line that is not prose)."""

    keys: np.ndarray  # uint64, distinct
    prose: np.ndarray  # int64, same length

    @classmethod
    def empty(cls) -> Survey:
        return cls(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64))


def survey_blocks(blocks: Sequence[Block]) -> Survey:
    """The ``Survey`` of one capture's blocks (as the text front end split them)."""
    prose: dict[int, int] = {}
    for block in blocks:
        if len(_LETTER.findall(block.text, 0, 64)) < MIN_LETTERS:
            continue
        key = line_key(block.text)
        if key not in prose:
            long = len(block.text) >= MIN_PROSE_CHARS and _CLAUSE.search(block.text)
            prose[key] = len(block.text) if long else 0
    return Survey(np.fromiter(prose.keys(), dtype=np.uint64, count=len(prose)),
                  np.fromiter(prose.values(), dtype=np.int64, count=len(prose)))


def find_templates(surveys: Sequence[Survey], config: TemplateConfig) -> list[dict[int, int]]:
    """For each survey, its template lines: ``{key: number of captures printing the line}``.

    Empty dicts when templates are disabled or the batch is smaller than ``min_captures``.
    """
    if not config.enabled or len(surveys) < config.min_captures:
        return [{} for _ in surveys]
    sizes = np.array([len(s.keys) for s in surveys], dtype=np.int64)
    if not sizes.sum():
        return [{} for _ in surveys]
    keys = np.concatenate([s.keys for s in surveys])
    prose = np.concatenate([s.prose for s in surveys])
    owner = np.repeat(np.arange(len(surveys)), sizes)
    distinct, which, printed_by = np.unique(keys, return_inverse=True, return_counts=True)
    shared = printed_by[which] > 1
    own = np.bincount(owner, weights=np.where(shared, 0, prose), minlength=len(surveys))
    total = np.bincount(owner, weights=prose, minlength=len(surveys))
    independent = (total == 0) | (own >= config.own_text_share * total)
    witnesses = np.bincount(which[independent[owner]], minlength=len(distinct))
    template = witnesses[which] >= config.min_captures
    found: list[dict[int, int]] = [{} for _ in surveys]
    for i in np.flatnonzero(template):
        found[owner[i]][int(keys[i])] = int(printed_by[which[i]])
    return found


def mark_templates(blocks: Sequence[Block], templates: Mapping[int, int]) -> None:
    """Set each block's ``template`` to the number of captures printing its line (0: none)."""
    if not templates:
        return
    for block in blocks:
        if block.text:
            block.template = templates.get(line_key(block.text), 0)


__all__ = ["Survey", "find_templates", "line_key", "mark_templates", "survey_blocks"]
