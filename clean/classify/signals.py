"""Per-block features the classifier decides with.

Everything here is a property of one block's text alone (the HTML front end's tag
and link density are read by the classifier itself). The features are script-neutral:
they count characters, not words, because Chinese has no spaces to split on.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

_DIGIT = re.compile(r"\d")
#: Words that end an agency's name or say "the end" or "photo", not a person's name.
NOT_PERSON_ENDINGS = ("社", "网", "網", "报", "報", "台", "完", "图", "圖", "摄", "攝", "部", "办", "辦")
#: Link markup that text renderers leave: markdown links, bare URLs and a URL's query
#: string cut off from it where a renderer wrapped the address (``0x250&location=12``).
_LINKS = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)|(?:https?://|www\.)[!-~]+|(?<![!-~])(?=[!-~]{8})(?!\[)[!-~]*&(?:amp;)?[A-Za-z_][A-Za-z0-9_.\-]*=[!-~]*")
#: Clause punctuation: what prose has and headlines mostly lack (、 and ： are common in both).
_CLAUSE_PUNCT = re.compile(r"[。！？；，,;!?]|\.(?=\s|$)")
#: Characters a sentence of prose ends with.
_FINAL = "。！？!?；;….．"
#: Closing quotes/brackets that may follow the final punctuation.
_CLOSERS = "”’\"'』」）)】》"
#: Shortest sentence (``好的。`` is one); shortest line read as prose without a final stop.
_MIN_SENTENCE_CHARS = 4
CJK_COUNTED = 100
_MIN_RUNON_CHARS = 25
#: A line of prose that does not end a sentence still pauses every so often; a long line
#: with a comma or two in it is a row of headlines a renderer ran together.
_MAX_RUNON_CHARS_PER_CLAUSE = 60
#: A line holding a date amid this many ideographs is prose that mentions a date.
_MIN_DATED_PROSE_CJK = 20
#: Ideographs on each side of a date in the middle of a line of prose.
_MIN_DATE_CONTEXT_CJK = 4
#: A line ending with a colon reads as a sentence (a lead-in) from this many ideographs.
_MIN_LEAD_IN_CJK = 10
#: A short line that only states a clock time (香港時間15時30分, 16:30).
_CLOCK_LINE = re.compile(r"\D{0,8}?(\d{1,2})\s*[:：时時]\s*(\d{2})\s*分?")
#: An official document's number (文号): the issuer's abbreviation, the year in brackets,
#: the serial (青政办发〔2025〕3号, 青溪市监罚[2025]12号).
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,12}\s*[〔［\[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*第?\s*\d{1,5}\s*号")
#: Runs of ideographs: counting runs, not characters, spares a string per character.
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORDISH = re.compile(r"[\w\u3400-\u9fff]")
_SPACE = re.compile(r"\s+")
#: Navigation separators between items of a link row or breadcrumb; a slash next to a
#: path's letters (/etc/samba/smb.conf) is none.
_SEPARATORS = re.compile(r"[|｜¦>»›→]|(?<![A-Za-z._~-])/(?![A-Za-z._~-])|-{1,2}>|(?<=\s)[-–](?=\s)")
#: The characters every separator holds: most blocks have none, and a search for one of
#: them is far cheaper than the lookarounds above.
_SEPARATOR_CHAR = re.compile(r"[|｜¦>»›→/\-–]")
#: List bullets as renderers print <li> items (link lists; w3m marks nested items with a
#: white square and a space); ●■◆ are left out: Chinese articles use them to mark their
#: own subheadings, as newspapers put □ before a byline and □□ for illegible characters.
_BULLET = re.compile(r"^(?:[•·▪▸▶►○◎☆*+\-–]|[o□](?= ))\s*")
#: A numbered item: 1. / 1、 / (1) / （一） / 一、 / ①.
_NUMBERED = re.compile(r"^(?:\d{1,2}\s*[.、．)）]|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])")
#: A clock time or a month-day stamp as listings print them (``08-11 16:06``, ``12:40``),
#: also with the day and the time run together (``12-2718:40``: two elements a renderer
#: printed with nothing between them).
_STAMP = re.compile(r"(?<![\d.])(?:\d{1,2}-\d{1,2}\s+|\d{1,2}-\d{2}(?=\d{1,2}:))?\d{1,2}:\d{2}(?![\d.])")
#: A listing's relative time stamp: ``6小时前``, ``35分钟前``, ``3天前`` (Traditional forms too).
AGO = re.compile(r"(?<!\d)\d{1,2}\s*(?:分钟|分鐘|小时|小時|天)前")
#: A trailing item counter of archive and category links: ``未归类 (88)``, ``评论[3]``
#: (after a label: a bracketed number alone is an image's file name, as w3m prints it).
_COUNTER = re.compile(r"(?<=\S)\s*[(\[（【]\s*\d+\s*[)\]）】]$")
#: English month and weekday names, as blog themes and English pages print dates
#: (``March 2nd, 2009``); spelled out with their capitals, as ``(?i:…)`` makes the
#: pattern several times slower on the lines of every page.
_MONTH = (
    r"(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?"
    r"|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day,?\s+"
#: ... or an abbreviated one between the day and the year (a blog host's ``Mar 22 Sat 2025``)
_WEEKDAY_SHORT = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
#: Dates and times as Chinese sites print them, and English ones with the month's name
#: (``Saturday, September 10th, 2005``, ``10 Sep 2005``; a weekday before it, or after
#: the day, is the date's). Every form starts with a digit or a letter: the lookahead skips the rest fast.
DATE = re.compile(
    r"(?=[\dA-Za-z])(?:"
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"|(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<n_y>(?:19|20)\d{2})"
    rf"|(?<![A-Za-z])(?:{_WEEKDAY})?"
    # (C's ctime() puts the clock between the day and the year: ``Tue May 13 21:05:33 2025``)
    rf"(?:(?P<e_m>{_MONTH})\s+(?P<e_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<e_t>\d{{1,2}}:\d{{2}}(?::\d{{2}})?))?"
    rf"|(?P<e_d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<e_m2>{_MONTH}))"
    rf",?\s+(?:{_WEEKDAY_SHORT}\s+)?(?P<e_y>(?:19|20)\d{{2}})\b)"
)
TIME = re.compile(r"(?P<h>\d{1,2})\s*[:：时]\s*(?P<min>\d{2})(?:\s*[:：分]\s*\d{2}秒?)?(?:\s*(?P<ampm>[AaPp][Mm]))?")
_TIME_ONLY_REST = re.compile(r"[\s\[\]【】()（）:：|｜/\-–—.,，]+")


@dataclass(frozen=True, slots=True)
class Signals:
    """What the rules need to know about one block.

    Attributes:
        chars: characters other than white space.
        cjk: CJK ideographs among the first ``CJK_COUNTED`` characters (rules compare
            it with small thresholds; counting a long paragraph's would be wasted).
        clauses: clause punctuation marks (，。；！？ and ASCII forms; not 、 or ：,
            which headlines use as much as prose does).
        ends_sentence: the block ends like a sentence of prose (。！？… possibly
            followed by a closing quote), leads into a list (名单如下：), or is a
            parenthesised note.
        truncated: the block ends with a cut-off marker (``...`` or a single ``…``)
            or a link to the rest (``【详细】``), as teaser snippets in related-reading
            boxes do.
        separators: navigation separators (``| / > »``).
        bullet: the block starts with a list bullet.
        numbered: the block starts with an item number (1. / （一） / 一、 / ①): the
            structure of an article's own lists and headings, not of link lists.
        dated: the block contains a date.
        dated_prose: the date is mentioned in running text, not stamped on the line: a
            line of hard-wrapped prose (……于1996年8月14日离开本地到省城反映情况). See
            ``_dated_prose``.
        stamped: the block carries a date or a clock time as a stamp (listings,
            bylines, comments); a date mentioned in prose is no stamp.
        date_only: the block is a date/time and next to nothing else.
        counter: the block ends with an item count, as archive/category links do.
        link_share: share of the block's characters inside markdown links or URLs (the
            text-dump counterpart of the HTML front end's link density).
        sentence_like: the block reads as prose rather than a label or a link.
    """

    chars: int
    cjk: int
    clauses: int
    ends_sentence: bool
    truncated: bool
    separators: int
    bullet: bool
    numbered: bool
    dated: bool
    dated_prose: bool
    stamped: bool
    date_only: bool
    counter: bool
    link_share: float
    sentence_like: bool


#: A teaser's link to the rest of its story, where the cut-off marker would be: 【详细】, [更多], 全文>>
#: (signals are computed on the capture's own script: Traditional forms too).
_MORE_END = "】])）>》»"
_MORE = re.compile(r"(?:[【\[(（]\s*(?:详细|詳細|详情|詳情|全文|更多|阅读全文|閱讀全文|more)\s*[】\])）]|(?:详细|詳細|更多|全文)\s*(?:>>|》》|»))$", re.I)


#: A note in brackets after a sentence's stop: a photo credit (（圖／翻攝畫面）), （完）.
_AFTER_NOTE = re.compile(r"[。！？!?]\s*[（(][^（()）]{1,30}[）)]\s*$")


def _cjk_count(text: str, start: int = 0, end: int = sys.maxsize) -> int:
    """How many ideographs ``text[start:end]`` holds."""
    return sum(map(len, _CJK_RUN.findall(text, start, end)))


#: Opening hours or a schedule's slot (05:30～21:00, 9:00-17:00): a field's value, not
#: the stamp that dates a listing's item.
_HOURS = re.compile(r"\d{1,2}:\d{2}\s*[～~\-–—至到]\s*\d{1,2}:\d{2}")


def _hours_off(text: str) -> str:
    """``text`` without the opening hours in it (``_HOURS``)."""
    return _HOURS.sub("", text) if ":" in text else text


def _emoji(ch: str) -> bool:
    """An emoji, or the joiner or variation selector that builds one."""
    return ch >= "\U0001F000" or "\u2600" <= ch <= "\u27BF" or ch in "\uFE0F\u200D"


def _ends_sentence(text: str) -> bool:
    # emoji may close a blog's or a social post's sentence, after its stop or in its
    # place (……一起來走走吧🙏, 好吃！😋); a name with one (小獅子🦁) is no sentence
    if len(text) > 1 and _emoji(text[-1]):
        while len(text) > 1 and _emoji(text[-1]):
            text = text[:-1].rstrip()
        if "，" in text:
            return True
    core = text.rstrip(_CLOSERS + " ")
    if core and core[-1] in _FINAL and not _truncated(text):
        return True
    if text[-1:] in "）)" and _AFTER_NOTE.search(text):
        return True
    # a sentence leading into a list or a quotation (名单如下：); short labels (地点：),
    # link rows ending with a label (首页 > 论坛 当值版主:) and bylines ending with an empty
    # one (2025年10月9日　来源：溪北镇党委　点击数：) are not
    lead_in = core[-1:] in ("：", ":") and "：" not in core[:-1]
    if lead_in and _cjk_count(core) >= _MIN_LEAD_IN_CJK and not _SEPARATORS.search(core):
        return True
    # a whole-block parenthesised note in words: （作者系……）, not a bracketed time stamp
    return text[:1] in ("（", "(") and text[-1:] in ("）", ")") and _cjk_count(text) >= 4


def _truncated(text: str) -> bool:
    core = text.rstrip(" ")
    if core.endswith("...") or (core.endswith("…") and not core.endswith("……")):
        return True
    return core[-1:] in _MORE_END and _MORE.search(core) is not None


def _bulleted(text: str) -> bool:
    """Starts with a list bullet; a heading framed by the same mark on both sides
    (``·应 用·``, ``* 附录 *``) is a decorated heading, not a list item."""
    if _BULLET.match(text) is None:
        return False
    core = text.rstrip()
    return len(core) < 3 or core[-1] != core[0]


def _date_only(text: str) -> bool:
    rest = TIME.sub("", DATE.sub("", text))
    return len(_TIME_ONLY_REST.sub("", rest)) <= 2


def _dated_prose(text: str, cjk: int, clauses: int) -> bool:
    """A dated line that is words around a date, as hard-wrapped dumps print prose
    that mentions one: many ideographs, no clock time, no navigation separators, and
    either clause punctuation or words on both sides of the date. A byline, a dateline
    or a teaser's stamp has few words, a time, separators, or the date at one end."""
    if cjk < _MIN_DATED_PROSE_CJK or TIME.search(text) or _SEPARATORS.search(text):
        return False
    if clauses:
        return True
    dates = list(DATE.finditer(text))
    before = _cjk_count(text, 0, dates[0].start())
    after = _cjk_count(text, dates[-1].end())
    return min(before, after) >= _MIN_DATE_CONTEXT_CJK


def _link_share(text: str, chars: int) -> float:
    if chars == 0 or ("http" not in text and "www." not in text and "](" not in text and "=" not in text):
        return 0.0
    return min(1.0, sum(len(_SPACE.sub("", m)) for m in _LINKS.findall(text)) / chars)


#: How far into a line a comment's own stamp may sit (after the commenter's name).
_STAMP_OPENING_CHARS = 40


def opens_with_stamp(text: str) -> bool:
    """Whether a clock time or a date sits at the head of ``text``.

    A renderer that joins a comment's header to its text prints ``September 19th, 2005
    at 7:32 pm 播客：……`` or ``张三 2021-03-02 10:15 说得好……``: prose, but stamped at its head.
    """
    head = text.lstrip()[:_STAMP_OPENING_CHARS]
    return _STAMP.search(head) is not None or DATE.search(head) is not None


def clock_time(text: str) -> str | None:
    """``HH:MM`` when a short line only states a time (``香港時間15時30分``), else None.

    Some pages sign with the date on one line and the time on the next.
    """
    match = _CLOCK_LINE.fullmatch(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def split_trailing_date(text: str) -> tuple[str, str] | None:
    """``(words, date)`` for a line of words that ends with a date and perhaps a time.

    Blog hosts print a post's header so: ``周末去茶园采茶 (图)  2007-04-15 21:36:02``,
    ``标题 (2010-05-12 09:41:19)``. None when no words come before the date or more than
    a time follows it.

    >>> split_trailing_date("周末去茶园采茶 (图)  2007-04-15 21:36:02")
    ('周末去茶园采茶 (图)', '2007-04-15 21:36:02')
    >>> split_trailing_date("关于2024年春节放假安排的通知") is None
    True
    """
    found = DATE.search(text)
    if found is None:
        return None
    words, date = text[: found.start()].rstrip(" \t\u3000(（[【"), text[found.start() :].strip()
    if not words.strip() or not _date_only(date):
        return None
    return words.strip(), date.rstrip(")）]】 ")


def compute_signals(text: str) -> Signals:
    """Compute the ``Signals`` of one block's text."""
    chars = len("".join(text.split()))
    clauses = len(_CLAUSE_PUNCT.findall(text))
    ends = _ends_sentence(text.strip())
    truncated = _truncated(text)
    digits = _DIGIT.search(text) is not None  # dates, times and counters need digits
    dated = digits and DATE.search(text) is not None
    cjk = _cjk_count(text, 0, CJK_COUNTED)
    dated_prose = dated and _dated_prose(text, cjk, clauses)
    sentence_like = (
        chars >= _MIN_SENTENCE_CHARS
        and not truncated
        and _WORDISH.search(text) is not None
        and (ends or (clauses >= 2 and _MIN_RUNON_CHARS <= chars <= clauses * _MAX_RUNON_CHARS_PER_CLAUSE))
    )
    return Signals(
        chars=chars,
        cjk=cjk,
        clauses=clauses,
        ends_sentence=ends,
        truncated=truncated,
        separators=len(_SEPARATORS.findall(text)) if _SEPARATOR_CHAR.search(text) else 0,
        bullet=_bulleted(text),
        numbered=_NUMBERED.match(text) is not None,
        dated=dated,
        dated_prose=dated_prose,
        stamped=(dated and not dated_prose) or (digits and (_STAMP.search(_hours_off(text)) or AGO.search(text)) is not None),
        counter=digits and _COUNTER.search(text.rstrip()) is not None,
        link_share=_link_share(text, chars),
        date_only=digits and (dated or TIME.search(text) is not None) and _date_only(text),
        sentence_like=sentence_like,
    )
