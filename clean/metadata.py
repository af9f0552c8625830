"""The metadata stage: fields out of the blocks the classifier labelled title/metadata.

Bylines come in many shapes -- one field a line (``来源：人民网``), several fields on
one line (``作者：张三 来源：新华网 发布时间：2022-09-30``), a value glued to a date
(``来源:北京市东城区人民政府2022-09-30 16:04``), bracketed (``[ 责编:季芳遥 ]``), or
a bare date. Each metadata block is cut at its labels; dates found anywhere in a
metadata block are normalised to ``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM`` when a time is
given). Values keep the capture's own script.
"""

from __future__ import annotations

import re

from clean.blocks import BODY, METADATA, TITLE, Block
from clean.classify import metadata_labels
from clean.classify.rules import POSTED_BY, surnamed
from clean.classify.lexicon import to_simplified
from clean.classify.signals import DATE, NOT_PERSON_ENDINGS, TIME, clock_time, split_trailing_date

#: Fields whose values are dates: the publication's, a "last updated" stamp's and a
#: document's own (成文日期), which stands in for the publication date when none is given.
DATE_FIELDS = ("date", "updated", "written")
#: Characters trimmed from both ends of a value.
_TRIM = " \t\u3000\u00a0\u2002\u2003\u2009\u200b[]【】()（）|｜:：,，;；/、-—_·"
_MARKUP = re.compile(r"[=<>{}]")
#: What may stand between a date and its clock: white space, a dash or a T
#: (``2022-09-30T16:04``), "at" (``…, 2005 at 10:56 am``), a weekday (2025年5月6日（星期二）
#: 16:30), a time zone.
_CLOCK_LEAD = re.compile(
    r"^[\s\u3000\-–—,，T]*(?:[（(]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][）)]?[\s\u3000,，]*)?(?:(?i:at)\s+|@\s*)?"
    # a time zone's name: 2025-04-03 HKT 18:05, 2025-04-03 北京时间 18:05
    r"(?:(?:HKT|CST|GMT|UTC|北京时间|北京時間|香港时间|香港時間)(?:\s*[+-]\s*\d{1,2}(?::?00)?)?[\s\u3000]*)?"
)
#: The half of the day a 12-hour clock names before its time (``下午6:12``): the
#: afternoon's and the evening's hours come after noon.
_HALF_DAY = re.compile(r"(上午|早上|凌晨|中午|下午|晚上|傍晚|夜间|夜間)\s*")
_AFTER_NOON = ("中午", "下午", "晚上", "傍晚", "夜间", "夜間")
#: A clock time right before a date, nothing but white space or a comma between.
_CLOCK_BEFORE = re.compile(TIME.pattern + r"[\s,，]*$")
#: English month names by number (their first three letters).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ROC_DATE = re.compile(r"(?<!\d)(?:民国\s*)?(\d{2,3})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
#: A page counter's label (阅读：1644, 浏览次数：614), glued to the value before it or not.
_COUNTER_LABEL = r"(?:阅读|閱讀|浏览|瀏覽|点击|點擊|人气|人氣)(?:次数|次數|量|数|數)?\s*[：:]"
#: A value ends at a wide gap, a bracket, the next "word：" of the line, or a page
#: counter's label (浏览次数：614 is not part of the source's name).
_VALUE_END = re.compile(r"\s{2,}|\u3000|【|\[|\s+[\u4e00-\u9fff]{2,6}[：:]|" + _COUNTER_LABEL)
#: A control a text browser printed after the byline's last value: ``来源: 新京报举报``.
_TRAILING_CONTROL = re.compile(r"(?<=\S)\s*(?:举报|舉報|纠错|糾錯|打印|列印|收藏|分享)$")
_KEYWORD_SPLIT = re.compile(r"[\s,，;；、|｜/]+")
#: Fields naming the people who handled a story; several names part with a space.
_PEOPLE_FIELDS = ("editor", "reviewer")
_NAME_LIST = re.compile(r"\s*[、，,;；]\s*")
#: "By Jane Doe", "... 22:11 by 青衫客", "由山丫头张贴": who signs a post or an article.
_SIGNED = re.compile(r"(?:(?:^|\s|(?<=[a-z]))(?:By|BY|by)\s+(\S.*)"
                     r"|由\s*(\S+?)\s*(?:张贴|張貼|发表|發表|发布|發佈))")
_REPORTER = re.compile(r"(?:记者|記者)\s*((?:[\u4e00-\u9fff·]{2,4}(?:\s+|$|[）)]|(?=[发發]自|[／/])))+)")
#: A wire story's dateline names the reporters glued to the place and the day:
#: ``（中央社記者王小明、李大同台北6日電）``; a name has two or three ideographs, the
#: place two to four.
_WIRE_DATELINE = re.compile(
    r"[（(][\u4e00-\u9fff]{1,8}?(?:记者|記者)((?:[\u4e00-\u9fff]{2,3}[、，,])*[\u4e00-\u9fff]{2,3})"
    r"(?=[\u4e00-\u9fff]{2,4}\s*\d{1,2}\s*日\s*[电電])"
)
#: A reporter's role before the name in an author field (作者：本报记者 张三): not a name.
_ROLE = re.compile(
    # 本报记者 张三, 南都见习记者林子沛: the paper's name and the reporter's rank go too
    r"^(?:\S{0,6}?(?:本报|本台|本刊|本網|本网|实习|實習|特约|特約|见习|見習)\s*)?(?:记者|記者|通讯员|通訊員)\s*"
    r"|^\S{1,8}?(?:记者|記者)(?=[\u4e00-\u9fff]{2,4}$)"
    # a columnist's title before the name: 观察者网专栏作者 王文, 本报特约评论员 李四 (or
    # glued to it: 观察者网专栏作者王文)
    r"|^\S*(?:作者|评论员|評論員|撰稿人|专栏作家|專欄作家)\s+"
    r"|^\S*(?:专栏作者|專欄作者|特约作者|特約作者|评论员|評論員|撰稿人|专栏作家|專欄作家)(?=[\u4e00-\u9fff]{2,4}$)"
)
#: A form's label before a title in its cell, without a colon (``来信标题 关于……的反映``).
_TITLE_LABEL = re.compile(r"^\S{0,4}(?:标题|標題)\s+(?=\S)")
#: The roles a news credit line names people in (记者, 通讯员, 实习生).
_CREDIT_ROLE = re.compile(r"记者|記者|通讯员|通訊員|实习生|實習生")
#: The office a credit names before the person (``圖/文：秘書室公共事務組　李佳穎``,
#: ``文：校团委宣传部 张三``): four characters or more, ending in a unit's word (a name
#: like 王建科 is shorter).
_UNIT_BEFORE_NAME = re.compile(
    r"^\S{3,14}?(?:组|組|室|处|處|科|部|中心|局|院|系|所|馆|館|队|隊|委)[\s\u3000]+(?=[\u4e00-\u9fff]{2,4}(?:\s|$))"
)
#: The issuing office or the paper after a date line's bar, unlabelled (``2025-05-06 16:30 |
#: 新聞局``): a name that ends as an office's or a medium's does (a section's does not).
_OFFICE_AFTER_DATE = re.compile(
    r"\d\s*[|｜]\s*([\u4e00-\u9fff]{1,14}(?:局|署|处|處|办|辦|厅|廳|部|委|会|會|院|中心|办公室|辦公室|政府|报|報|社|台|网|網))\s*$"
)
#: Names only, parted by gaps (full-width spaces, as a page aligns its co-authors).
_NAME_ROW = re.compile(r"[\u4e00-\u9fff·]{2,4}(?:[\s\u3000]+[\u4e00-\u9fff·]{2,4})+")
_MAX_VALUE_CHARS = 40
_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]+")
_MAX_NAMES = 5
_NOT_NAME = re.compile(r"[\d()（）:：,，.。;；|｜\[\]【】<>《》@“”\"'‘’？?！!/／]")
#: Words after a reporter's name that are not names: 上海报道 ("reporting from Shanghai").
_NOT_NAME_ENDINGS = ("报道", "報道", "報導", "报导", "电", "電")
#: "Photographed by" after a name (记者张三摄).
_PHOTO_CREDIT = "摄攝"
_SENT_FROM = re.compile(r"[发發]自")
#: A byline's names end at a label, a comma or a closing bracket: ``（记者 张三）``.
_NAME_ENDS = "：:，,;；）)"
#: Lines at each end of the body searched for a reporter line (本报记者 张三).
_BODY_BYLINE_BLOCKS = 4
_TRAILING_NAMES = re.compile(
    r"(?:^|(?<=[。！？!?”」』…]))\s*[（(]\s*(?:[\u4e00-\u9fff]{0,4}(?:记者|記者)|文|作者)?\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,4})\s*[）)]?\s*$")
#: A later page's number after its headline (the first page has none).
_PAGE_NUMBER = re.compile(r"\s*[(（](?:[2-9]|[1-9]\d)[)）]$")
#: The dash a subtitle opens with.
_SUBTITLE_DASH = re.compile(r"^\s*(?:——|—|--|－－)\s*")
_WEEKDAYS = ("星期", "禮拜", "礼拜", "週", "周")


def normalise_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, with ``HH:MM`` when a time follows.

    Example:
        >>> normalise_date("来源:北京市东城区人民政府2022-09-30 16:04")
        '2022-09-30 16:04'
        >>> normalise_date("发布日期： 7/5/2005 9:23:57 PM")
        '2005-05-07 21:23'
        >>> normalise_date("Saturday, September 10th, 2005 at 10:56 am")
        '2005-09-10 10:56'
        >>> normalise_date("15:31 2018/09/16")
        '2018-09-16 15:31'
        >>> normalise_date("2025年4月3日 星期四 下午6:12")
        '2025-04-03 18:12'
        >>> normalise_date("Tue May  6 21:14:03 2025")
        '2025-05-06 21:14'
    """
    found = DATE.search(text)
    if not found:
        return None
    if found.group("y"):
        year, month, day = found.group("y"), found.group("m"), found.group("d")
    elif found.group("e_y"):
        month = str(_MONTHS.index((found.group("e_m") or found.group("e_m2"))[:3].lower()) + 1)
        year, day = found.group("e_y"), found.group("e_d") or found.group("e_d2")
    else:
        # N/N/YYYY: day first unless that is impossible (the pages we have seen, and
        # most of the world outside the US, write the day first)
        year, day, month = found.group("n_y"), found.group("n1"), found.group("n2")
        if int(month) > 12 >= int(day):
            day, month = month, day
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    # the clock after the date, or right before it (Taiwanese sites: 15:31 2018/09/16)
    after = _CLOCK_LEAD.sub("", text[found.end() :], count=1)
    half = _HALF_DAY.match(after)
    clock = (TIME.match(found.group("e_t") or "") or TIME.match(after, half.end() if half else 0)
             or _CLOCK_BEFORE.search(text, 0, found.start()))
    if clock:
        hour = int(clock.group("h"))
        ampm = (clock.group("ampm") or "").lower()
        if half and half.group(1) in _AFTER_NOON:
            ampm = "pm" if hour < 12 and not (half.group(1) == "中午" and hour >= 11) else ampm
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24:
            date += f" {hour:02d}:{clock.group('min')}"
    return date


def _clean_value(value: str) -> str:
    value = TIME.sub("", DATE.sub("", value)) if DATE.search(value) else value
    # a wide gap or a bracket ends the value: the rest of the line is another widget
    value = _VALUE_END.split(_trim(value), 1)[0]
    value = _unopened_close(value)
    value = _trim(_TRAILING_CONTROL.sub("", _trim(value)))
    return "" if _MARKUP.search(value) else value


def _unopened_close(value: str) -> str:
    """``value`` up to a closing bracket it never opened: the bracket closed the byline
    the label opened (``（編輯：林郁文）1140306`` gives ``林郁文``; what follows is the
    wire's filing code; ``【编辑:刘欢】 返回首页`` gives ``刘欢``)."""
    for opening, closing in ("()", "（）", "【】", "[]"):
        end = value.find(closing)
        if end > 0 and opening not in value[:end]:
            return value[:end]
    return value


def _trim(value: str) -> str:
    """``value`` without the separators and brackets around it, but with a closing bracket
    whose opening one it holds: ``第一财经日报(上海)`` keeps its place name whole."""
    trimmed = value.strip(_TRIM)
    after = value[value.find(trimmed) + len(trimmed):][:1] if trimmed else ""
    for opening, closing in ("()", "（）"):
        if after == closing and trimmed.count(opening) > trimmed.count(closing):
            return trimmed + closing
    return trimmed


def _fields_of_line(text: str) -> list[tuple[str, str]]:
    """(field, raw value) pairs of one byline, in order, values in the capture's script.

    Labels are found in the Simplified form of the line; t2s keeps the length of a
    line like this one, so the positions cut the original.
    """
    labels = metadata_labels()
    simplified = to_simplified(text)
    source = text if len(simplified) == len(text) else simplified
    matches = list(labels.lenient.finditer(simplified))
    pairs = []
    for k, found in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        pairs.append((labels.field_of_match(found), source[found.end() : end]))
    return pairs


def _credited_names(text: str) -> str | None:
    """The names after each role of a credit line with two roles or more (``本报记者　刘晓峰
    孙琳　通讯员　杜明``: 刘晓峰 孙琳 杜明), or None."""
    parts = _CREDIT_ROLE.split(text)
    if len(parts) < 3:
        return None
    found = [names(part.replace("\u3000", " ").strip(_TRIM)) for part in parts[1:]]
    return " ".join(name for name in found if name) or None


def _before_labels(text: str) -> str:
    """What a byline holds before its first label."""
    first = metadata_labels().lenient.search(to_simplified(text))
    return text[: first.start()] if first else text


def _roc_date(text: str) -> str | None:
    """A Republic-of-China calendar date (Taiwan: 民國114年3月5日, 114-03-05) in ISO form."""
    found = _ROC_DATE.search(to_simplified(text))
    if not found:
        return None
    year, month, day = int(found.group(1)) + 1911, int(found.group(2)), int(found.group(3))
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def extract_metadata(blocks: list[Block]) -> dict:
    """Metadata fields from the labelled blocks; only the fields found.

    Keys: ``title``, ``subtitle``, ``original_title``, ``date``, ``updated`` (a "last
    updated" stamp), ``written`` (a document's own date, 成文日期), ``source``,
    ``author``, ``editor``, ``reviewer`` (审核, 校对), ``keywords`` (a list). The
    first value of a field wins:
    the byline above the article comes before the tail's. A date a label names
    (发布时间：…) wins over an unlabelled date line: a speech's or a report's own date
    (（2025年3月18日）) stands under its title above the page's publication byline.
    A document's own date (成文日期) dates the page only when no publication date does.
    """
    meta: dict = {}
    labelled_title = None  # a title the page labels (主题：……) beats the line the classifier took
    unlabelled_date = None
    dangling = None  # the field of a label that ended the previous byline line, its value below
    for index, block in enumerate(blocks):
        if block.label == TITLE and block.field:
            # markdown renderers (html2text, pandoc) mark headings with '#'; a headline's
            # gaps (two spaces, an ideographic space) are one space, as in the HTML path's
            title = _TITLE_LABEL.sub("", " ".join(block.text.strip().lstrip("#").split()))
            # a blog post's header holds its title and its time
            if (header := split_trailing_date(title)) is not None:
                title, unlabelled_date = header[0], unlabelled_date or normalise_date(header[1])
            if block.field == "subtitle":
                title = _SUBTITLE_DASH.sub("", title)  # ——写在……之际: the dash only marks it
            if block.field == "title" and index and blocks[index - 1].label == TITLE and "title" in meta:
                meta["title"] += title  # the headline's line wrapped at the page's width
                continue
            # a portal numbers a long article's later pages after the headline: ……挑夫(2)
            meta.setdefault(block.field, _PAGE_NUMBER.sub("", title))
            continue
        if block.label != METADATA:
            continue
        # a form's next label (标题： / 内容：) is no value of the one above it
        value_below = dangling and not block.text.rstrip().endswith(("：", ":"))
        text = block.text
        if block.field == "date" and (time := _clock_below(blocks, index)):
            text = f"{text} {time}"  # 2025年5月6日（星期二） / 香港時間16時30分
        pairs = _fields_of_line(text) or ([(dangling, text)] if value_below else [])
        dangling = pairs[-1][0] if pairs and not pairs[-1][1].strip(_TRIM) else None
        # a credit line naming several roles' people (本报记者　刘晓峰　孙琳　通讯员　杜明)
        if block.field == "author" and "author" not in meta and (credited := _credited_names(block.text)):
            meta["author"] = credited
        for field, raw in pairs:
            if field in DATE_FIELDS:
                date = normalise_date(raw) or _roc_date(raw)
                if date and (field not in meta or date.startswith(meta[field])):
                    meta[field] = date  # the first date, or the same day's with its time
            elif field == "keywords":
                words = [w for w in _KEYWORD_SPLIT.split(raw.strip(_TRIM)) if w]
                if words:
                    meta.setdefault("keywords", words)
            else:
                if field == "author" and _NAME_ROW.fullmatch(raw.strip(_TRIM)):
                    raw = " ".join(raw.split())  # 周明远　何佳宁: a gap between names parts no fields
                value = _clean_value(_UNIT_BEFORE_NAME.sub("", raw.strip(_TRIM)) if field == "author" else raw)
                value = names(_ROLE.sub("", value)) if field == "author" else value
                if field in _PEOPLE_FIELDS:
                    value = " ".join(_NAME_LIST.split(value)).strip()  # 王五、赵六: 王五 赵六, as authors
                if value:
                    meta.setdefault(field, value)
                    labelled_title = labelled_title or (value if field == "title" else None)
        # a byline or a dateline naming its reporter (2024/05/21 11:44 青溪日報記者王小明／青溪報導)
        if block.field in ("author", "date") and "author" not in meta and (reporter := _REPORTER.search(block.text)):
            meta["author"] = names(reporter.group(1)) or None
        if block.field == "date" and "author" not in meta and (posted := POSTED_BY.search(block.text)):
            meta["author"] = names(posted.group(1)) or None  # 本贴由大卫于2005年8月12日…发表
        if block.field == "date" and not pairs and (office := _OFFICE_AFTER_DATE.search(block.text)):
            meta.setdefault("source", office.group(1))  # 2025-05-06 16:30 | 新聞局
        if block.field == "author" and not pairs and "author" not in meta:
            meta["author"] = names(block.text.strip(_TRIM)) or None  # a name alone: 张三, （张三）
        if block.field == "updated" and not pairs and (edited := normalise_date(text)):
            meta.setdefault("updated", edited)  # an unlabelled "edited at" stamp
        elif "updated" not in (field for field, _ in pairs):
            unlabelled_date = unlabelled_date or normalise_date(text)
        else:  # 2025/04/12 22:41　最後更新：2025/04/12 23:05: the date before the labels is the page's
            unlabelled_date = unlabelled_date or normalise_date(_before_labels(text))
    if written := meta.get("written"):
        meta.setdefault("date", written)  # a labelled date, if not the publication's
    if unlabelled_date:
        meta.setdefault("date", unlabelled_date)
    if labelled_title:
        meta["title"] = labelled_title
    meta = {k: v for k, v in meta.items() if v}
    if "author" not in meta and (author := _body_author(blocks)):
        meta["author"] = author
    return meta


def _clock_below(blocks: list[Block], index: int) -> str | None:
    """The time a date line's next block states on its own (the classifier labels it the
    date's), or None."""
    below = blocks[index + 1] if index + 1 < len(blocks) else None
    if below is None or below.label != METADATA or below.field != "date":
        return None
    return clock_time(below.text)


def _body_author(blocks: list[Block]) -> str | None:
    """The reporter named in the body's first or last lines, when no byline labels one.

    News articles name their reporters in the text itself: a line of its own at either
    end (``本报记者 张三``, ``新京报记者 李四 北京报道``), the opening of a wire-style
    lead (``据新华社拉萨电（记者 王五）……``) or brackets after the last sentence.
    """
    body = [b.text for b in blocks if b.label == BODY]
    ends = body[:_BODY_BYLINE_BLOCKS] + body[-_BODY_BYLINE_BLOCKS:]
    for index, text in enumerate(ends):
        wire = _WIRE_DATELINE.match(text.lstrip())  # (opening the lead or the paragraph after a standfirst)
        if wire and (found := names(re.sub("[、，,]", " ", wire.group(1)))):
            return found
        short = len(text) <= _MAX_VALUE_CHARS
        if not short and index > 0:
            continue  # a long paragraph other than the lead mentions reporters, it is not signed
        reporter = _REPORTER.search(text)
        if reporter and reporter.start() < _MAX_VALUE_CHARS and (found := names(reporter.group(1))):
            return found
        if short and (signed := _SIGNED.search(text)) and (found := names(signed.group(1) or signed.group(2))):
            return found
    for text in reversed(body[-_BODY_BYLINE_BLOCKS:]):
        if found := trailing_author(text):
            return found
    return None


def byline_fields(text: str) -> dict:
    """Fields stated in one byline line: ``来源：X 作者：Y 2022-01-01`` and the like.

    The labels and the value parsing are the metadata stage's own (one lexicon for both
    front ends); on top, what HTML bylines add: names cut where the byline's furniture
    starts (``阅读(12)``), reporters without a label (``本报记者 张三``) and signatures
    (``by 青衫客``, ``由山丫头张贴``).

    >>> byline_fields("发布时间：2022-02-13 04:22:18 来源：[ 云南日报 ] 作者:张三 阅读(12)")
    {'date': '2022-02-13 04:22', 'source': '云南日报', 'author': '张三'}
    """
    found = extract_metadata([Block(text, label=METADATA)])
    if "source" in found:
        found["source"] = found["source"].split()[0]
    for field in _PEOPLE_FIELDS:
        if field in found:
            found[field] = names(found[field]) or found[field].split()[0]
    if "author" in found:
        found["author"] = names(found["author"])
    if "author" not in found and (reporter := _REPORTER.search(text)):
        found["author"] = names(reporter.group(1))
    if "author" not in found and (signed := _SIGNED.search(text)):
        found["author"] = names(signed.group(1) or signed.group(2))
    return {k: v for k, v in found.items() if v and len(v) <= _MAX_VALUE_CHARS}


def names(text: str) -> str:
    """The person names that start ``text``: tokens up to the first one that is not a name.

    >>> names("高建林 刘书远 阅读(12)"), names("赵岚：青溪物流学院"), names("苏明哲 评论 58")
    ('高建林 刘书远', '赵岚', '苏明哲')
    """
    kept = []
    for token in text.split():
        if not any(ch.isalnum() for ch in token):
            break
        if len(token) > 2 and token.rstrip("）)")[-1:] in _PHOTO_CREDIT:
            kept.append(token.rstrip("）)")[:-1])  # 记者王小明摄: the photo's credit ends the names
            break
        if token.rstrip("）)").endswith(_NOT_NAME_ENDINGS):
            break
        if kept and len(token) > 1 and _IDEOGRAPHS.fullmatch(token) and not surnamed(to_simplified(token)):
            break  # a co-author has a surname; the byline's next word (评论 58) has none
        sent = _SENT_FROM.search(token)
        if sent:  # 韩松叶青发自北京: the name, then where the report was sent from
            kept += [token[:sent.start()]] if sent.start() else []
            break
        stop = _NOT_NAME.search(token)
        if stop is None:
            kept.append(token)
        elif stop.start() and stop.group() in _NAME_ENDS:
            kept.append(token[:stop.start()])
        if stop is not None or len(kept) == _MAX_NAMES:
            break
    if 2 <= len(kept) <= 3 and all(len(t) == 1 and t >= "\u3400" for t in kept):
        return "".join(kept)  # a two-character name padded to align with longer ones: 赵 培
    return " ".join(kept)


def trailing_author(text: str) -> str | None:
    """The reporter a Chinese article names in brackets at its very end: ``……。（张三 李四）``."""
    match = _TRAILING_NAMES.search(text)
    if not match:
        return None
    found = match.group(1).split()
    if any(n.endswith(NOT_PERSON_ENDINGS) or n.startswith(_WEEKDAYS) for n in found):
        return None
    return names(" ".join(found)) or None
