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
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

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

#: hAtom / microformats2 / schema.org marks of a post's own dates and author (WordPress
#: themes print ``<time class="entry-date published">`` and ``<span class="author vcard">``).
_MARKED_DATES = {"date": ("published", "dt-published", "datepublished"),
                 "updated": ("updated", "dt-updated", "datemodified")}
_MARKED_AUTHOR = {"author", "p-author", "h-card"}
#: A name is short: a longer text in an author box is a biography.
_MAX_NAME_CHARS = 32
#: An ISO 8601 stamp with its UTC offset: the instant, as a page's machine-readable dates
#: give it (``2025-03-16T12:42:11+00:00``).
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})")

_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--+|——|—|－|-\s|\s-|–|::|:\s)\s*")
_LIST_SEPARATORS = re.compile(r"[,，;；、|]")



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


def _marked_dates(root: etree._Element) -> dict[str, str]:
    """The post's own dates as microformats or schema.org mark them (``<time class=
    "entry-date published" datetime=…>``): the first of each kind on the page is the post's,
    a comment's come after it."""
    found: dict[str, str] = {}
    for element in root.xpath("//time | //abbr | //*[@itemprop]"):
        marks = {*element.get("class", "").lower().split(), element.get("itemprop", "").lower()}
        if "pubdate" in element.attrib:
            marks.add("published")
        stamp = element.get("datetime") or element.get("title") or element.get("content") or ""
        for field, names in _MARKED_DATES.items():
            if field not in found and marks.intersection(names) and normalise_date(stamp):
                found[field] = stamp
    return found


def marked_author(root: etree._Element) -> str | None:
    """The post's author as microformats mark it (``<span class="author vcard"><a class=
    "fn">…``, ``rel="author"``), or None.

    A comment's author is a ``comment-author``, a class of its own. A box marked as the
    author's may hold a labelled byline: only its author counts, and a long text is a
    biography, not a name.
    """
    for element in root.xpath("//*[contains(@class, 'author') or contains(@class, 'h-card') or @rel or @itemprop]"):
        marks = {*element.get("class", "").lower().split(), element.get("itemprop", "").lower(),
                 *element.get("rel", "").lower().split()}
        if not marks.intersection(_MARKED_AUTHOR) or element.tag == "meta":
            continue
        named = element.find_class("fn") or element.find_class("p-name") or [element]
        name = " ".join(named[0].text_content().split())
        labelled = byline_fields(name)
        name = labelled.get("author", "") if labelled else name
        if 0 < len(name) <= _MAX_NAME_CHARS:
            return name
    return None


def _page_clock(root: etree._Element) -> timezone | None:
    """The UTC offset the page's own machine-readable stamps are written in, when they
    are not all in UTC: the clock its readers see (a site's meta tags may give UTC)."""
    stamps = [element.get("datetime", "") for element in root.iter("time")]
    stamps += [meta.get("content", "") for meta in root.iter("meta")]
    offsets = Counter(instant.utcoffset() for stamp in stamps if (instant := _instant(stamp)))
    offsets.pop(timedelta(0), None)
    return timezone(offsets.most_common(1)[0][0]) if offsets else None


def _instant(text: str) -> datetime | None:
    """The first ISO 8601 stamp with a UTC offset in ``text``, or None."""
    match = _ISO_STAMP.search(text)
    try:
        return datetime.fromisoformat(match.group(0).replace(" ", "T")) if match else None
    except ValueError:  # 2025-13-45T…, +25:00
        return None


def _on_page_clock(value: str, clock: timezone | None) -> str:
    """``value`` with an ISO stamp in it moved to the page's clock (unchanged without one)."""
    instant = _instant(value)
    if clock is None or instant is None:
        return value
    return instant.astimezone(clock).strftime("%Y-%m-%d %H:%M")


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
    for field, value in [*_json_ld(root).items(), *_marked_dates(root).items()]:
        found.setdefault(field, value)
    clock = _page_clock(root)
    for field in DATE_FIELDS:
        if field in found:
            date = normalise_date(_on_page_clock(found[field], clock))
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
