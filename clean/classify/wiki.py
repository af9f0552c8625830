"""Wikis and online encyclopedias: an article whose sections carry edit links.

A MediaWiki page (Wikipedia and its mirrors) or an encyclopedia entry (Baidu Baike)
prints an edit link after every section heading: ``音乐作品 [编辑]``, ``History
[edit]``, ``早年经历 播报 编辑``. Its sections are often not prose at all (a
discography table, a list of works, the references), so the best run of prose stops
at the first of them; the edit links say the article goes on. Below its last section
the page prints navigation boxes, opened by their view / talk / edit links
(``查 论 编``), then the site's footer.
"""

from __future__ import annotations

from collections.abc import Sequence

from clean.blocks import CAPTION, METADATA
from clean.classify.lexicon import Lexicon
from clean.classify.rules import Verdict
from clean.classify.sections import Region
from clean.classify.signals import Signals
from clean.config import ClassifyConfig

#: Bullets renderers put before list items, peeled off before matching navbox links.
_LIST_MARKS = "*+-•·o "


def edit_headings(
    folded: Sequence[str], sigs: Sequence[Signals], lexicons: dict[str, Lexicon], config: ClassifyConfig
) -> list[int]:
    """Indexes of the section headings that end with an edit link (lexicon ``edit_marker``).

    A heading is a short line, not a sentence, a list item or a row of links: a blog's
    admin bar (``退出 | [编辑]``) and a how-to step (``1. 点文章下方的[编辑]``) carry the
    same link without being an article's sections. The caller treats a page with at
    least ``edit_headings_min`` of them as a wiki article: one or two may be anything.
    """
    lexicon = lexicons.get("edit_marker")
    if lexicon is None:
        return []
    return [
        i for i, (f, s) in enumerate(zip(folded, sigs))
        if s.chars <= config.title_max_chars and not (s.separators or s.bullet or s.numbered or s.ends_sentence)
        and lexicon.match(f)
    ]


def wiki_article(
    region: Region, headings: Sequence[int], folded: Sequence[str], verdicts: Sequence[Verdict | None],
    sigs: Sequence[Signals], repeats: Sequence[int | None], lexicons: dict[str, Lexicon],
) -> Region:
    """The main text widened over every edited section, down to the end of the last one.

    Above the lead, the infobox and the notes on the article belong to it up to the
    first block with evidence against it (the page's navigation links). The last
    section ends at the first block with evidence against it (a local rule removed
    it, a copy, a teaser or link signal) or at a navigation box.
    """
    if region.start == region.end:
        return region
    navbox, edited = _navbox_starts(folded, lexicons), set(headings)
    start, end = min(region.start, headings[0]), max(region.end, headings[-1] + 1)
    while start > 0 and _in_section(verdicts[start - 1], sigs[start - 1], repeats[start - 1]):
        start -= 1
    while end < len(sigs) and not navbox[end]:
        if end not in edited and not _in_section(verdicts[end], sigs[end], repeats[end]):
            break
        end += 1
    return Region(start, end)


def _in_section(verdict: Verdict | None, sig: Signals, repeat: int | None) -> bool:
    """A block that can continue an encyclopedia's section: list items, table cells and
    their 发行日期：… labels are fine, and so is a picture's placeholder or file name (an
    infobox's photo, removed but no end of it); other removals, copies and teaser or link
    signals are not."""
    placeholder = verdict is not None and verdict.label == CAPTION and verdict.neutral
    return ((verdict is None or verdict.label == METADATA or placeholder) and repeat is None
            and not (sig.truncated or sig.counter or sig.link_share))


def _navbox_starts(folded: Sequence[str], lexicons: dict[str, Lexicon]) -> list[bool]:
    """Blocks that open a navigation box: its view/talk/edit links (lexicon ``navbox``),
    on one line or one a line (up to three consecutive blocks of one or two characters)."""
    lexicon = lexicons.get("navbox")
    out = [False] * len(folded)
    if lexicon is None:
        return out
    for i in range(len(folded)):
        joined = ""
        for part in folded[i:i + 3]:
            piece = part.strip(_LIST_MARKS)
            if joined and len(piece) > 2:
                break
            joined += piece
            if lexicon.match(joined):
                out[i] = True
                break
    return out
