"""The HTML front end: a decoded page in, the article's candidate blocks and metadata out.

Parse once (``clean.html.dom``), walk the tree once into lines (``clean.html.walk``),
pick the subtree holding the article (``clean.html.content``), read the metadata from
the head and the byline (``clean.html.meta``). The blocks then go through the same
classifier as text captures, which removes what slipped through with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from clean.blocks import Block
from clean.classify.signals import clock_time
from clean.config import HtmlConfig
from clean.html.content import Span, find_content
from clean.html.dom import parse_html
from clean.html.meta import marked_author, markup_metadata, page_title, strip_site_name
from clean.html.walk import Line, walk
from clean.metadata import byline_fields, trailing_author


@dataclass(slots=True)
class HtmlExtraction:
    """What the HTML front end hands to the rest of the pipeline.

    Attributes:
        blocks: the article's candidate blocks in reading order, the title and byline
            region just above it included (the classifier moves those to metadata).
        metadata: fields found in the page's markup and byline (title, date, source,
            author, editor, keywords, ...): only those found.
        fallback: fields the page's theme marks (a post's author link), for where
            neither the markup nor the text names one: a theme's author link may name
            the account that posted, where the text signs the reporter.
    """

    blocks: list[Block] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    fallback: dict = field(default_factory=dict)


@lru_cache(maxsize=8)
def _hint_pattern(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all furniture hints, each anchored at the start of a class/id token."""
    words = "|".join(hints) or "(?!)"
    return re.compile(rf"(?:^|[^a-z])(?:{words})")


def _block(line: Line) -> Block:
    return Block(text=line.text, tag=line.owner.tag,
                 link_density=line.link_chars / line.chars if line.chars else 0.0)


#: A ``<meta name=author>`` value that names a web site or a software team, not a person.
_NOT_A_NAME = re.compile(r"[,，]|www\.|\.(com|cn|net|org)\b|team", re.IGNORECASE)


def _is_title(line: Line, titles: list[str]) -> bool:
    """A headline: text the ``<title>``/``og:title`` contains, or a top-level heading."""
    if line.chars < 4 or line.link_chars * 2 > line.chars:
        return False
    return any(line.text in title for title in titles) or line.owner.tag in ("h1", "h2")


def _header(lines: list[Line], span: Span, titles: list[str], config: HtmlConfig) -> list[int]:
    """Indices of the headline and byline lines just above the article, if any.

    Only the headline and the lines between it and the article that read like a byline
    (a date, ``来源：``...) are taken: breadcrumbs and share bars there are furniture.
    """
    first = max(0, span.start - config.max_header_lines)
    for index in range(span.start - 1, first - 1, -1):
        if _is_title(lines[index], titles):
            return [index] + [i for i in range(index + 1, span.start)
                              if lines[i].chars <= config.max_header_chars
                              and byline_fields(lines[i].text)]
    return []


def _metadata(markup: dict, title: str, lines: list[Line], header: list[int], span: Span,
              config: HtmlConfig) -> dict:
    """Markup metadata, completed from the headline and byline lines around the article.

    The visible headline beats ``og:title`` (which often carries the site name); a
    byline's date wins when it refines the markup's (same day, with a time); a byline's
    author beats ``<meta name=author>``, which many sites fill with their own name.
    """
    found = dict(markup)
    headline = next((lines[i].text for i in header[:1]), None) or next(
        (line.text for line in lines[span.start:span.start + config.byline_lines]
         if _is_title(line, [title])), None)
    if headline:
        found["title"] = headline
    elif found.get("title") or title:
        found["title"] = strip_site_name(found.get("title") or title)
    above = range(span.start - 1, max(-1, span.start - config.max_header_lines - 1), -1)
    near = [*above, *range(span.start, min(span.stop, span.start + config.byline_lines)),
            *range(max(span.start, span.stop - config.byline_lines),
                   min(len(lines), span.stop + config.byline_lines))]
    stated: dict[str, str] = {}
    for index in near:
        line = lines[index]
        text = line.text
        if len(text) > config.max_header_chars:
            # A wire-style lead states its reporter up front: 新华社电（记者 张三）……
            text = text[:config.lead_chars] if index == span.start else ""
        linked = line.link_chars > config.max_link_density * line.chars
        for field, value in byline_fields(text).items():
            if field == "date" and len(value) == len("YYYY-MM-DD") and index + 1 < len(lines):
                time = clock_time(lines[index + 1].text)
                value = f"{value} {time}" if time else value
            if field == "date" or not linked:
                stated.setdefault(field, value)
    for line in lines[max(span.start, span.stop - config.byline_lines):span.stop]:
        if "author" not in stated and (author := trailing_author(line.text)):
            stated["author"] = author
    if found.get("author") and (found["author"] in title or _NOT_A_NAME.search(found["author"])):
        del found["author"]
    for field, value in stated.items():
        if field == "date" and "date" in found and not value.startswith(found["date"]):
            continue
        if field in ("date", "author") or field not in found:
            found[field] = value
    return {k: v for k, v in found.items() if v}


def extract_html_blocks(html: str, config: HtmlConfig) -> HtmlExtraction:
    """Find the article in a decoded HTML page and cut it into blocks.

    Example:
        >>> page = "<html><body><div class=nav><a href=/>首页</a></div>" \\
        ...     "<div><p>第一段，正文。</p><p>第二段，正文。</p></div></body></html>"
        >>> [b.text for b in extract_html_blocks(page, HtmlConfig()).blocks]
        ['第一段，正文。', '第二段，正文。']
    """
    root = parse_html(html)
    result = walk(root, _hint_pattern(config.furniture_hints), config.max_cell_chars)
    lines = result.lines
    span = find_content(lines, result.hinted, config)
    markup, title = markup_metadata(root), page_title(root)
    header = _header(lines, span, [t for t in (title, markup.get("title")) if t], config)
    blocks = [_block(lines[i]) for i in header]
    if blocks:
        blocks[0].headline = True
    blocks += [_block(line) for line in lines[span.start:span.stop]
               if config.keep_tables or line.owner.tag != "tr"]
    metadata = _metadata(markup, title, lines, header, span, config)
    author = marked_author(root)
    return HtmlExtraction(blocks=blocks, metadata=metadata, fallback={"author": author} if author else {})
