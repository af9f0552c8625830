"""Metadata an HTML page states about itself: meta tags, JSON-LD, ``<title>``, bylines.

Markup is read first because it is explicit (``article:published_time`` means what it
says); the byline lines around the title fill what the markup lacks, since most
Chinese news and government sites state source, author and time only in the page text
(``来源：``, ``作者：``, ``发布时间：``). Byline labels and dates are parsed by the
metadata stage (``clean.metadata``, one label lexicon for both front ends); this module
adds what only pages have. Only fields actually found are returned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from lxml import etree

from clean.metadata import DATE_FIELDS, byline_fields, normalise_date

#: Meta tag names (``name``, ``property`` or ``itemprop``, lower-cased) per field, best first.
META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "articletitle", "citation_title", "headline",
              "title"),
    "date": ("article:published_time", "datepublished", "pubdate", "publishdate",
             "og:release_date", "og:time", "weibo: article:create_at", "dc.date.issued",
             "dc.date", "citation_date", "publish_date", "date"),
    "updated": ("article:modified_time", "datemodified", "og:updated_time", "last-modified"),
    "author": ("article:author", "author", "citation_authors", "dc.creator", "byl"),
    "source": ("contentsource", "source", "citation_publisher"),
    "keywords": ("news_keywords", "keywords", "article:tag"),
}

_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--+|——|—|－|-\s|\s-|–|::|:\s)\s*")
_LIST_SEPARATORS = re.compile(r"[,，;；、|]")
_CLOCK_LINE = re.compile(r"\D{0,8}?(\d{1,2})\s*[:：时時]\s*(\d{2})\s*分?")



def _meta_tags(root: etree._Element) -> dict[str, str]:
    """Every ``<meta>`` name/property/itemprop (lower-cased) to its first non-empty content."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop")
        content = (meta.get("content") or "").strip()
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


def _json_ld(root: etree._Element) -> dict[str, str]:
    """Title, date, author and keywords from the page's JSON-LD article objects."""
    found: dict[str, str] = {}
    for script in root.iter("script"):
        if script.get("type") != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            for field, key in (("title", "headline"), ("date", "datePublished"),
                               ("updated", "dateModified"), ("keywords", "keywords")):
                value = item.get(key)
                if isinstance(value, list):
                    value = ",".join(str(v) for v in value)
                if isinstance(value, str) and value.strip():
                    found.setdefault(field, value.strip())
            names = [a.get("name") if isinstance(a, dict) else a
                     for a in _as_list(item.get("author"))]
            names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
            if names:
                found.setdefault("author", " ".join(names))
    return found


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _ld_items(data: object) -> Iterable[dict]:
    """The objects of a JSON-LD document that describe a piece of writing."""
    for item in _as_list(data):
        if not isinstance(item, dict):
            continue
        yield from _ld_items(item.get("@graph"))
        if "headline" in item or "datePublished" in item:
            yield item


def page_title(root: etree._Element) -> str:
    """The ``<title>`` text, white space collapsed."""
    title = root.find(".//title")
    return " ".join(title.text_content().split()) if title is not None else ""


def strip_site_name(title: str, headings: Iterable[str] = ()) -> str:
    """A ``<title>`` without the site and channel names glued to it.

    A heading of the page that the title starts with is the answer; otherwise the
    longest separator-delimited part, which is the headline far more often than the
    site name.

    >>> strip_site_name("17种产品入选国家绿色制造名单_要闻_云南网")
    '17种产品入选国家绿色制造名单'
    """
    for heading in headings:
        if len(heading) >= 4 and title.startswith(heading):
            return heading
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len).strip() if parts else title.strip()


def clock_time(text: str) -> str | None:
    """``HH:MM`` when a short line only states a time (``香港時間15時30分``), else None.

    Some pages sign with the date on one line and the time on the next.
    """
    match = _CLOCK_LINE.fullmatch(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def markup_metadata(root: etree._Element) -> dict:
    """Metadata from meta tags and JSON-LD, normalised (dates, keyword lists)."""
    tags = _meta_tags(root)
    found: dict = {}
    for field, names in META_FIELDS.items():
        for name in names:
            value = tags.get(name)
            if value and not value.startswith(("http://", "https://")):
                found[field] = value
                break
    for field, value in _json_ld(root).items():
        found.setdefault(field, value)
    for field in DATE_FIELDS:
        if field in found:
            date = normalise_date(found[field])
            if date:
                found[field] = date
            else:
                del found[field]
    if "keywords" in found:
        found["keywords"] = split_keywords(found["keywords"])
    for field in ("source", "author"):
        # some sites write the byline key into the tag ("来源：人民网"); ids are not names
        value = found.get(field)
        if value:
            value = byline_fields(value).get(field, value)
            if any(ch.isalpha() for ch in value):
                found[field] = value
            else:
                del found[field]
    return found


def split_keywords(text: str) -> list[str]:
    """Keywords as a list: split on commas and the like, on spaces only if there are none.

    >>> split_keywords("土豆 宁夏 西吉"), split_keywords("climate change, energy")
    (['土豆', '宁夏', '西吉'], ['climate change', 'energy'])
    """
    parts = [p.strip() for p in _LIST_SEPARATORS.split(text) if p.strip()]
    return parts if len(parts) > 1 else text.split()
