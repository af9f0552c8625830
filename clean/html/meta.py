"""Metadata an HTML page states about itself: meta tags, JSON-LD, ``<title>``, bylines.

Markup is read first because it is explicit (``article:published_time`` means what it
says); the byline lines around the title fill what the markup lacks, since most
Chinese news and government sites state source, author and time only in the page text
(``来源：``, ``作者：``, ``发布时间：``). Only fields actually found are returned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from lxml import etree

#: Meta tag names (``name``, ``property`` or ``itemprop``, lower-cased) per field, best first.
META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "articletitle", "citation_title", "headline",
              "title"),
    "date": ("article:published_time", "datepublished", "pubdate", "publishdate",
             "og:release_date", "og:time", "weibo: article:create_at", "dc.date.issued",
             "dc.date", "citation_date", "publish_date", "date"),
    "author": ("article:author", "author", "citation_authors", "dc.creator", "byl"),
    "source": ("contentsource", "source", "citation_publisher"),
    "keywords": ("news_keywords", "keywords", "article:tag"),
}

#: Byline keys, as they are written before a colon on Chinese pages, per field.
BYLINE_KEYS: dict[str, tuple[str, ...]] = {
    "date": ("发布时间", "發布時間", "发布日期", "發佈日期", "發布日期", "时间", "時間",
             "日期", "发表时间", "發表時間", "发表于", "發表於", "发布于", "發佈於",
             "更新时间", "更新時間"),
    "source": ("来源", "來源", "稿源", "出处", "出處", "文章来源", "文章來源"),
    "author": ("作者", "撰文", "记者", "記者", "文"),
    "editor": ("责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "本文编辑"),
    "original_title": ("原标题", "原標題"),
    "keywords": ("关键词", "關鍵詞", "关键字", "關鍵字", "标签", "標籤"),
}

_KEY_TO_FIELD = {key: name for name, keys in BYLINE_KEYS.items() for key in keys}
# One-character keys (文：) must start a word; longer ones may follow a qualifier (信息来源：).
_BYLINE = re.compile(
    "(" + "|".join(re.escape(k) if len(k) > 1 else rf"(?<![\u4e00-\u9fff]){re.escape(k)}"
                   for k in sorted(_KEY_TO_FIELD, key=len, reverse=True))
    + r")\s*[:：]\s*")
#: "By Jane Doe", "... 22:11 by 眉间尺", "由海姑娘张贴": who signs a post or an article.
_SIGNED = re.compile(r"(?:(?:^|\s|(?<=[a-z]))(?:By|BY|by)\s+(\S.*)"
                     r"|由\s*(\S+?)\s*(?:张贴|張貼|发表|發表|发布|發佈))")
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*T?\s*(\d{1,2})\s*[:：时時]\s*(\d{2}))?")
_REPORTER = re.compile(r"(?:记者|記者)\s*((?:[\u4e00-\u9fff·]{2,4}(?:\s+|$|[）)]))+)")
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--+|——|—|－|-\s|\s-|–|::|:\s)\s*")
_LIST_SEPARATORS = re.compile(r"[,，;；、|]")
_MAX_VALUE_CHARS = 40
_MAX_NAMES = 5
_WRAPPERS = " 　|｜/[]【】()（）"
_NOT_NAME = re.compile(r"[\d()（）:：,，.。;；|｜\[\]【】<>《》@“”\"'‘’]")
_TRAILING_NAMES = re.compile(
    r"[（(]\s*(?:[\u4e00-\u9fff]{0,4}(?:记者|記者)|文|作者)?\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,4})\s*[）)]?\s*$")
#: Bracketed words at an article's end that name an agency or say "the end", not a person.
_WEEKDAYS = ("星期", "禮拜", "礼拜", "週", "周")
_CLOCK_LINE = re.compile(r"\D{0,8}?(\d{1,2})\s*[:：时時]\s*(\d{2})\s*分?")
_NOT_PERSON_ENDINGS = ("社", "网", "網", "报", "報", "台", "完", "图", "圖", "摄", "攝", "部", "办", "辦")


def normalize_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``, else None.

    >>> normalize_date("发布时间：2022年2月13日 04:22:18")
    '2022-02-13 04:22'
    >>> normalize_date("2021-01-29T13:18:00+08:00")
    '2021-01-29 13:18'
    """
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        date += f" {int(hour):02d}:{minute}"
    return date


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
                               ("keywords", "keywords")):
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


def byline_fields(text: str) -> dict[str, str]:
    """Fields stated in one byline line: ``来源：X 作者：Y 2022-01-01`` and the like.

    >>> byline_fields("发布时间：2022-02-13 04:22:18 来源：[ 云南日报 ] 作者:张三 阅读(12)")
    {'date': '2022-02-13 04:22', 'source': '云南日报', 'author': '张三'}
    """
    found: dict[str, str] = {}
    keys = list(_BYLINE.finditer(text))
    for index, match in enumerate(keys):
        field = _KEY_TO_FIELD[match.group(1)]
        end = keys[index + 1].start() if index + 1 < len(keys) else len(text)
        value = text[match.end():end].strip(_WRAPPERS)
        if field == "date":
            value = normalize_date(value) or ""
        elif field in ("source", "editor"):
            value = value.split()[0].strip(_WRAPPERS) if value.split() else ""
        elif field == "author":
            value = names(value)
        if value and len(value) <= _MAX_VALUE_CHARS:
            found.setdefault(field, value)
    if "date" not in found and (date := normalize_date(text)):
        found["date"] = date
    if "author" not in found and (reporter := _REPORTER.search(text)):
        found["author"] = names(reporter.group(1))
    if "author" not in found and (signed := _SIGNED.search(text)):
        found["author"] = names(signed.group(1) or signed.group(2))
    return {k: v for k, v in found.items() if v}


def names(text: str) -> str:
    """The person names that start ``text``: tokens up to the first one that is not a name.

    >>> names("王建宏 张文攀 阅读(12)"), names("赵培：北京物资学院")
    ('王建宏 张文攀', '赵培')
    """
    kept = []
    for token in text.split():
        if not any(ch.isalnum() for ch in token):
            break
        stop = _NOT_NAME.search(token)
        if stop is None:
            kept.append(token)
        elif stop.start() and stop.group() in "：:，,;；":
            kept.append(token[:stop.start()])
        if stop is not None or len(kept) == _MAX_NAMES:
            break
    return " ".join(kept)


def trailing_author(text: str) -> str | None:
    """The reporter a Chinese article names in brackets at its very end: ``……。（张三 李四）``."""
    match = _TRAILING_NAMES.search(text)
    if not match:
        return None
    found = match.group(1).split()
    if any(n.endswith(_NOT_PERSON_ENDINGS) or n.startswith(_WEEKDAYS) for n in found):
        return None
    return " ".join(found)


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
    if "date" in found:
        date = normalize_date(found["date"])
        if date:
            found["date"] = date
        else:
            del found["date"]
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
