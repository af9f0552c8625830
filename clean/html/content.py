"""Find the article: the run of DOM siblings whose lines read most like running text.

Every line gets a value: positive for text a reader reads (sentence punctuation, few
links), negative for what a reader skips (link lists, short unpunctuated labels,
bylines, a repeated headline). The article is the run of consecutive children of one
element whose lines add up to the largest total (Kadane's maximum-sum run at every
level of the tree): a whole subtree, or the paragraphs sitting directly in a layout
cell next to the cell's furniture. It holds most of the running text and as little of
the furniture around it as possible. These signals are script-neutral: they need no
word segmentation and work for Chinese, where word-count heuristics fail.

Elements whose class/id look like page furniture (share bars, comment threads, related
lists) and page-level ``<header>`` landmarks count as negative too, unless they hold
nearly all of the page's running text (a ``<div class="main has-sidebar">`` wrapping the
whole article must not sink it). A listing (forum posts, a blog's front page) is cut to
its first record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from lxml import etree

from clean.config import HtmlConfig
from clean.html.dom import HEADING_TAGS
from clean.html.walk import Line

#: Punctuation that makes a short line a phrase of text rather than a label.
_PUNCTUATION = frozenset("，。！？；、,.!?;“”\"《》")
#: A child holding this share of an element's text is the element's content, wrapped.
_WRAPPER_SHARE = 0.95
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: Marks that end a sentence: a dated line with one is text, not a byline.
_SENTENCE_MARKS = frozenset("。！？")
#: A date or a clock time: short lines carrying one are bylines, teaser-list entries or
#: comment headers, not running text.
_TIMESTAMP = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}:\d{2}")

_DATE_ONLY = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九十○Ｏ]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of lines ``lines[start:stop]`` and the element that holds them."""

    start: int
    stop: int
    element: etree._Element | None


def is_byline(line: Line, config: HtmlConfig) -> bool:
    """A short line with a date or time and no full sentence in it: a byline, a teaser
    entry or a post header (``2022年1月1日，市政府召开会议。`` is a sentence, not a byline)."""
    return (line.chars - line.link_chars < config.max_byline_chars
            and _TIMESTAMP.search(line.text) is not None
            and not any(ch in _SENTENCE_MARKS for ch in line.text))


def line_value(line: Line, config: HtmlConfig) -> float:
    """How much a line looks like article text (positive) or furniture (negative).

    Short unpunctuated lines count against their subtree (menu entries, labels), except
    list items, which are short by nature (a policy's numbered points): they are neutral.
    """
    if line.link_chars > config.max_link_density * line.chars:
        return -float(line.chars)
    if not any(ch.isalnum() for ch in line.text):
        return 0.0
    if is_byline(line, config):
        return -float(line.chars)
    own = line.chars - line.link_chars
    if _is_label(line.text, own, config):
        return 0.0 if line.owner.tag == "li" else -config.label_penalty * line.chars
    return float(own)


def _is_label(text: str, own: int, config: HtmlConfig) -> bool:
    """No punctuation and short: a few characters of Chinese, or a few words of a
    language that spaces its words ("Related stories", "Advertisement")."""
    if any(ch in _PUNCTUATION for ch in text):
        return False
    if own < config.min_plain_chars:
        return True
    return not _CJK.search(text) and len(text.split()) < config.min_plain_words


def _units(lines: list[Line]) -> dict[etree._Element, list[list]]:
    """Every element's children as runs of lines: ``[first, last, key]`` in reading order.

    A unit is one child element's lines, or one line the element holds directly. The
    article is then the best run of consecutive units of one element: a whole subtree,
    or the paragraphs that sit directly in a layout cell beside the cell's furniture.
    """
    units: dict[etree._Element, list[list]] = {}
    for index, line in enumerate(lines):
        child: object = index
        element = line.owner
        while element is not None:
            runs = units.setdefault(element, [])
            if runs and runs[-1][2] is child:
                runs[-1][1] = index
            else:
                runs.append([index, index, child])
            child, element = element, element.getparent()
    return units


def _best_run(runs: list[list], sums: list[float]) -> tuple[float, int, int]:
    """Kadane's maximum-sum run of consecutive units: (score, first line, last line)."""
    best = (float("-inf"), 0, 0)
    current, start = 0.0, 0
    for first, last, _ in runs:
        value = sums[last + 1] - sums[first]
        if current <= 0:
            current, start = value, first
        else:
            current += value
        if current > best[0] or (current == best[0] and last - start < best[2] - best[1]):
            best = (current, start, last)
    return best


def find_content(lines: list[Line], hinted: list[etree._Element], config: HtmlConfig) -> Span:
    """The span of lines that holds the article."""
    if not lines:
        return Span(0, 0, None)
    units = _units(lines)
    values = _values(lines, hinted, units, config)
    sums = list(accumulate(values, initial=0.0))
    best, best_element = (float("-inf"), 0, 0), None
    for element, runs in units.items():
        run = _best_run(runs, sums)
        if run[0] > best[0] or (run[0] == best[0] and run[2] - run[1] < best[2] - best[1]):
            best, best_element = run, element
    span = Span(best[1], best[2] + 1, best_element)
    positive = list(accumulate((max(v, 0.0) for v in values), initial=0.0))
    return _with_signature_date(_first_record(span, lines, units, positive, config), lines)


def _values(lines: list[Line], hinted: list[etree._Element],
            units: dict[etree._Element, list[list]], config: HtmlConfig) -> list[float]:
    """Every line's value, with the page's own evidence of furniture applied: a repeated
    headline, and the lines of elements that look like furniture (unless they hold
    nearly all the running text)."""
    values = [line_value(line, config) for line in lines]
    seen: set[str] = set()
    for index, line in enumerate(lines):
        # a heading said twice is the article's headline repeated in a teaser box
        if line.owner.tag in HEADING_TAGS:
            if line.text in seen:
                values[index] = -float(line.chars)
            seen.add(line.text)
    positive = list(accumulate((max(v, 0.0) for v in values), initial=0.0))
    for element in hinted:
        runs = units.get(element)
        if not runs:
            continue
        first, last = runs[0][0], runs[-1][1]
        if positive[last + 1] - positive[first] < config.hint_max_share * positive[-1]:
            for index in range(first, last + 1):
                values[index] = -float(lines[index].chars)
    return values


def _with_signature_date(span: Span, lines: list[Line]) -> Span:
    """Take in the date that signs an official document (``2025年11月20日`` alone on the
    line right after the text, inside the article's element): it is part of the text,
    though on its own it reads like a byline."""
    if span.stop < len(lines) and span.element is not None and _DATE_ONLY.fullmatch(lines[span.stop].text):
        owner = lines[span.stop].owner
        if owner is span.element or span.element in owner.iterancestors():
            return Span(span.start, span.stop + 1, span.element)
    return span


def _first_record(span: Span, lines: list[Line], units: dict[etree._Element, list[list]],
                  positive: list[float], config: HtmlConfig) -> Span:
    """Cut a listing down to its first record: a forum thread to its opening post, a
    blog's front page to its latest post.

    A listing is a run of look-alike sibling elements (same tag and class), each with a
    byline of its own (a short line with a date), that together hold nearly all the
    span's text. Everything before the first record (the page's headline) is kept.
    """
    mass = lambda first, last: positive[last + 1] - positive[first]  # noqa: E731
    total = mass(span.start, span.stop - 1)
    element = span.element
    while element is not None and total > 0:
        runs = [r for r in units[element] if span.start <= r[0] and r[1] < span.stop]
        major = [r for r in runs if mass(r[0], r[1]) >= _WRAPPER_SHARE * total]
        if len(major) == 1 and isinstance(major[0][2], etree._Element):
            element = major[0][2]
            continue
        groups: dict[tuple, list[list]] = {}
        for first, last, key in runs:
            if isinstance(key, etree._Element) and any(
                    is_byline(line, config) for line in lines[first:last + 1]):
                groups.setdefault((key.tag, key.get("class")), []).append([first, last])
        records = max(groups.values(), key=len, default=[])
        if (config.min_records and len(records) >= config.min_records
                and sum(mass(f, l) for f, l in records) >= config.record_share * total):
            return Span(span.start, records[0][1] + 1, span.element)
        break
    return span
