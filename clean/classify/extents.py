"""How far the article reaches beyond its best run of prose.

``sections.main_region`` finds the stretch of blocks with the most prose. Some texts
reach further: a page that is a schedule or a table has no prose at all; an article
may end with the table it announces (附：…); on HTML pages the front end has already
chosen the article's subtree, so blocks around the prose belong to it unless there is
evidence against them (a standfirst, a caption, a schedule's time lines). And a text
may start lower than its prose does, after a post's own dated header. Every function
here returns a widened or narrowed ``Region`` (or the blocks to keep), never labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clean.blocks import METADATA
from clean.classify.rules import BOX_DRAWING, Verdict
from clean.classify.sections import Region, bigrams, is_title_candidate, main_region, related_cut, signature_line
from clean.classify.signals import DOCUMENT_NUMBER, Signals
from clean.config import ClassifyConfig


def extend_region(region: Region, against: Sequence[bool], limits: tuple[int, int]) -> Region:
    """Widen the main text over the neighbouring blocks that nothing speaks against.

    For HTML the front end already chose the article's subtree; its blocks around the
    prose (a schedule or table, a standfirst, a caption, short closing lines) belong to
    the article unless there is evidence against them (``against``: a local rule removed
    them, or they read as teasers). The region grows block by block within ``limits``
    (start, end) and stops at the first such block.
    """
    start, end = region.start, region.end
    if start == end:
        return region
    while start > limits[0] and not against[start - 1]:
        start -= 1
    while end < limits[1] and not against[end]:
        end += 1
    return Region(start, end)


def front_end_region(
    region: Region, titles: list[int], texts: list[str], verdicts: list[Verdict | None], sigs: list[Signals],
    off_column: list[bool], repeats: list[int | None], config: ClassifyConfig,
) -> tuple[Region, set[int]]:
    """HTML: the main text widened over the front end's blocks nothing speaks against
    (below the title, above the first related/comment header that ends the article),
    and the standfirst lines above it."""
    cut = related_cut(Region(region.start, len(texts)), verdicts, sigs, texts, off_column, config)
    against = [v is not None or s.truncated or s.counter or r is not None for v, s, r in zip(verdicts, sigs, repeats)]
    region = extend_region(region, against, (titles[-1] + 1 if titles else 0, cut.end))
    return region, find_standfirst(titles, region, texts, sigs, verdicts, config)


def after_dateline(
    region: Region, texts: Sequence[str], sigs: Sequence[Signals], verdicts: Sequence[Verdict | None], share: float
) -> Region:
    """Start the text after a date line near its top, when little prose lies above it.

    A post's header (its title and time: ``昨天去溪口钓鱼 (图) 2005-03-21 01:20``) or an
    article's dateline (``发布时间：10-08 12:00``; a schedule's ``时间：下午2:30`` names no
    day, so it is none) opens it; the prose above such a line is another box (the
    author's profile, a site's notice, the end of another post) or a headline that reads
    as a sentence, not the article, when it is a small ``share`` of the prose below.
    """
    prose_above = 0
    for i in range(region.start, region.end):
        verdict = verdicts[i]
        if verdict is not None and verdict.label == METADATA and (
            sigs[i].dated or (verdict.field == "date" and _MONTH_DAY.search(texts[i]) is not None)
        ):
            prose_below = sum(s.chars for s in sigs[i + 1:region.end] if s.sentence_like)
            if 0 < prose_above < share * prose_below:
                return Region(i + 1, region.end)
            return region
        if sigs[i].sentence_like:
            prose_above += sigs[i].chars
    return region


#: A notice's closing line that says whom to call (咨询电话：…, 联系人：…, 监督电话：…), a
#: meeting's report's that says who attended (出席：…, 列席：…), or a court report's case
#: number (案件编号：…).
_CLOSING_LINE = re.compile(
    r"^(?:(?:联系|咨询|监督|举报|投诉|服务)(?:电话|热线|人|方式)[:：].*\d|(?:出席|列席|参加|参会|陪同)(?:人员|领导|单位)?[:：]."
    r"|(?:案件|案)(?:编号|号)[:：].*\d)"
)
_MAX_CLOSING_LINES = 3


def with_contact_lines(region: Region, folded: Sequence[str], verdicts: Sequence[Verdict | None]) -> Region:
    """The text run on over the contact lines right after it (``监督电话：0799-6321458
    （镇纪委）``): a notice tells its readers whom to ask, and nothing stands between;
    a site's footer follows its links and its copyright line. A meeting's report closes
    with who attended (``出席：…``), a court report with the case's number (``案件編號：
    DCCC 318/2025``), in the same way."""
    end, last = region.end, min(len(folded), region.end + _MAX_CLOSING_LINES)
    while end < last and verdicts[end] is None and _CLOSING_LINE.match(folded[end]):
        end += 1
    return Region(region.start, end)


#: The signature block under a court's judgment (裁判文书): the judges' and the clerk's
#: titles, each with a name or with the name on the line below (spaced out to one width:
#: ``审　判　长　　陈　立　新``), the day in Chinese numerals (二〇二五年三月五日), and the
#: clerk's note that the copy matches the original.
_COURT_OFFICER = re.compile(r"(?:审判长|代理审判员|审判员|人民陪审员|陪审员|法官助理|书记员|执行员|速录员)([\u4e00-\u9fff·]{2,5})?")
_HAN_DATE = re.compile(r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
_TRUE_COPY = re.compile(r"本件与原本核对无异。?")
_NAME_BELOW = re.compile(r"[\u4e00-\u9fff·]{2,5}")
_MAX_JUDGMENT_SIGNATURE_LINES = 12


def with_judgment_signature(region: Region, folded: Sequence[str], verdicts: Sequence[Verdict | None]) -> Region:
    """The text run on over a court judgment's signature block right under it: the
    judges' and the clerk's names, the day and the clerk's note (see ``_COURT_OFFICER``).
    Only a block that names an officer counts; the lines hold nothing else."""
    end, last = region.end, min(len(folded), region.end + _MAX_JUDGMENT_SIGNATURE_LINES)
    officers, title_alone = 0, False
    while end < last and (verdicts[end] is None or verdicts[end].neutral):
        line = folded[end]
        officer = _COURT_OFFICER.fullmatch(line)
        if officer is None and not (_HAN_DATE.fullmatch(line) or _TRUE_COPY.fullmatch(line)
                                    or (title_alone and _NAME_BELOW.fullmatch(line))):
            break
        officers += officer is not None
        title_alone = officer is not None and officer.group(1) is None
        end += 1
    return Region(region.start, end) if officers else region


#: A day of the year in figures (10-08, 3月5日): a dateline names one, a schedule's time line does not.
_MONTH_DAY = re.compile(r"\d{1,2}\s*[-/.月]\s*\d{1,2}")

#: The numbering of a section heading, by kind: 一、 / （一） / 1、 or 1. (not its number).
_SECTION_NUMBER = re.compile(
    r"(?P<cjk>[一二三四五六七八九十]{1,3}\s*、)|(?P<paren>[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])|(?P<digit>\d{1,2}\s*[、.．](?!\d))"
)
#: A line cut off after a clause (，、) leads into the next one when it has this many ideographs.
_LEAD_IN_MIN_CJK = 6
#: A speech's or a letter's salutation (主席：, 各位代表：, 尊敬的张先生：, 親愛的同學們：):
#: a short line ending with a colon that names whom the text addresses ...
_SALUTATION = re.compile(
    "主席|各位|同志|先生|女士|代表|委员|委員|朋友|同学|同學|老师|老師|领导|領導|亲爱的|親愛的|尊敬的|"
    "大家|嘉宾|嘉賓|议员|議員|乡亲|鄉親|市民|读者|讀者|网友|網友|家长|家長"
)
#: ... this long at most.
_SALUTATION_MAX_CHARS = 20


def _numbering(text: str) -> str | None:
    match = _SECTION_NUMBER.match(text.lstrip())
    return match.lastgroup if match else None


def with_lead_in(
    region: Region, texts: Sequence[str], sigs: Sequence[Signals], verdicts: Sequence[Verdict | None]
) -> Region:
    """Start the text above its best run of prose at the lines that lead into it.

    Some lines open a text without reading as prose: a hard-wrapped paragraph's first
    line, cut off after a clause (ending with ，or 、: a title, a link or a byline
    never ends so) or mentioning a date amid its words (2004年3月20日至5月7日，来自…:
    ``Signals.dated_prose``, not a title's or a byline's shape); and the text's first
    numbered section heading (一、… right above the first paragraph of an excerpt or a
    chapter page), which counts only when a heading numbered the same way (二、…)
    follows inside the text; and a speech's or a letter's salutation (主席：).
    """
    start = region.start
    if start == region.end:
        return region
    while start > 0 and verdicts[start - 1] is None:
        text, sig = texts[start - 1].rstrip(), sigs[start - 1]
        cut_off = (text[-1:] in ("，", "、", ",") and sig.cjk >= _LEAD_IN_MIN_CJK) or (
            sig.dated_prose and not sig.ends_sentence
        )
        kind = _numbering(text)
        heading = kind is not None and any(_numbering(texts[i]) == kind for i in range(start, region.end))
        salutation = text[-1:] in ("：", ":") and sig.chars <= _SALUTATION_MAX_CHARS and _SALUTATION.search(text) is not None
        if not (cut_off or heading or salutation):
            break
        start -= 1
    return Region(_first_section(start, region, texts, verdicts), region.end)


#: How far above its first run of prose a text's first section (一、) may open.
_MAX_SECTION_HEAD_LINES = 8


def _first_section(start: int, region: Region, texts: Sequence[str], verdicts: Sequence[Verdict | None]) -> int:
    """Where the text's first section heading (一、) stands above ``start``, past lines with
    nothing against them, when the text's own sections are numbered on from it; else
    ``start``. A notice's first sections may hold labelled fields only, no prose
    (一、项目编号：… 二、项目名称：… 三、中标信息 / 供应商名称：…)."""
    inside = [n for i in range(start, region.end) if (n := _section_number(texts[i])) is not None]
    if not inside or min(inside) == 1:
        return start
    for i in range(start - 1, max(-1, start - 1 - _MAX_SECTION_HEAD_LINES), -1):
        if verdicts[i] is not None:
            break
        if _section_number(texts[i]) == 1:
            return i
    return start


#: How far above its first paragraph a document's number may stand (its parties, its
#: addressees between).
_MAX_DOCUMENT_HEAD_LINES = 8


#: A listed company's announcement opens with its security's code (证券代码：600917
#: 证券简称：… 公告编号：…), as an official document with its number.
_SECURITY_CODE = re.compile(r"\s*(?:证券|股票|證券)代[码碼]\s*[：:]\s*\d{6}")


def with_document_number(region: Region, texts: Sequence[str], verdicts: Sequence[Verdict | None]) -> Region:
    """Start an official document's text at its number (文号) or a listed company's
    announcement at its security's code, when the number stands on a line of its own a
    few lines above the first paragraph with nothing against the lines between: those
    (the parties of a decision, 当事人：…, 住所：…; the addressees, 各乡镇人民政府：; the
    announcement's 证券简称 and 公告编号) are the document's own, not a byline's. The
    number in the page's info table above, under its label (发文字号：), is no line of
    the text's."""
    for i in range(region.start - 1, max(-1, region.start - 1 - _MAX_DOCUMENT_HEAD_LINES), -1):
        if verdicts[i] is not None:
            break
        if DOCUMENT_NUMBER.fullmatch(texts[i].strip()) or _SECURITY_CODE.match(texts[i]):
            return Region(i, region.end)
    return region


_CJK_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九", 1)}


def _section_number(text: str) -> int | None:
    """The number of a ``四、…`` section heading (一 to 九十九), else None."""
    match = _SECTION_NUMBER.match(text.lstrip())
    if match is None or match.lastgroup != "cjk":
        return None
    numeral = match.group("cjk").rstrip("、 \t")
    tens, _, ones = numeral.rpartition("十")
    if "十" not in numeral:
        return _CJK_DIGITS.get(ones) if len(ones) == 1 else None
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CJK_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CJK_DIGITS.get(ones, 0) if ones else 0)


def with_next_section(
    region: Region, texts: Sequence[str], sigs: Sequence[Signals], verdicts: Sequence[Verdict | None],
    config: ClassifyConfig,
) -> tuple[Region, list[int]]:
    """Run a text whose sections are numbered 一、二、三、 on through its next section, or
    through its last section when the heading of that one ends the run.

    A notice's last section often holds no prose: a list of short items, a phone number
    to call, the issuing office (四、公示要求 / 1. 公示期为… / 监督电话：… / 青溪县农业农村局),
    so the best run of prose ends above it. When the heading numbered next after the
    text's own (at least two inside the text) follows right after it, past nothing but
    neutral blocks (an attachment's link, an image), the text runs on to the first block
    a local rule speaks against; a numbered item's date there (公示期为3月5日至3月11日) is
    the item's, not a dateline. Returns the region and those items, whose verdicts the
    caller clears.
    """
    numbers = [n for i in range(region.start, region.end) if (n := _section_number(texts[i])) is not None]
    if len(numbers) < 2:
        return region, []
    after = region.end - 1
    if _section_number(texts[after]) != max(numbers):  # else the last section's heading ends the run: its items follow
        after = region.end
        while after < len(texts) and verdicts[after] is not None and verdicts[after].neutral:
            after += 1
        if after == len(texts) or verdicts[after] is not None or _section_number(texts[after]) != max(numbers) + 1:
            return region, []
    end, items = after + 1, []
    while end < len(texts):
        verdict = verdicts[end]
        if verdict is not None and verdict.label == METADATA and not verdict.labelled and sigs[end].numbered:
            items.append(end)
        elif verdict is not None and not verdict.neutral:
            break
        end += 1
    if end < len(texts) and sigs[end].date_only and end - 1 > after and signature_line(sigs[end - 1], None, config):
        end -= 1  # the issuing office above the closing date: the signature's (``signature_date``)
    return Region(region.start, end), items


#: A chronicle's or a live report's entry opens with its day or its time, then a space:
#: ``3月5日　…``, ``1月15日—18日　…``, ``1月下旬　…``, ``是月　…``, ``【14:32】…``, ``14:32　…``.
_ENTRY_LEAD = re.compile(
    r"\s*(?:\d{1,2}月(?:\d{1,2}日)?(?:\s*[—\-－~～至]\s*(?:\d{1,2}月)?\d{1,2}日)?|\d{1,2}月[上中下]旬|是月|同月|"
    r"[【\[]\d{1,2}[:：]\d{2}[】\]]|\d{1,2}[:：]\d{2})(?:[\s\u3000]+\S|\s*$)"
)
#: ... under a month's heading: ``三月``, ``3月份``.
_MONTH_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?\s*")
#: A run of entries this long inside the text makes it a chronicle or a live report.
_MIN_ENTRIES = 3


def _entry(text: str) -> bool:
    return _ENTRY_LEAD.match(text) is not None


def with_dated_entries(
    region: Region, texts: Sequence[str], verdicts: Sequence[Verdict | None], repeats: Sequence[int | None]
) -> tuple[Region, list[int]]:
    """Run a chronicle (大事记) or a live report on through its entries below its prose.

    Each entry opens with its day or its time (``3月20日　县人民医院新院区门诊楼投入
    使用``) and many are no sentences, so they read as a teaser list's stamped lines and
    the best run of prose ends among them. When the text holds entries of its own
    (``_MIN_ENTRIES``), the entries and month headings right below it (and above it: a
    first month's heading) are more of them, and the text of an entry whose stamp stands
    alone on its line, up to the first other block. Returns the region and the entries a
    local rule took for date lines, whose verdicts the caller clears.
    """
    inside = sum(_entry(texts[i]) for i in range(region.start, region.end))
    if inside < _MIN_ENTRIES:
        return region, []
    dated: list[int] = []

    def more(i: int) -> bool:
        verdict = verdicts[i]
        if repeats[i] is not None:
            return False
        if _entry(texts[i]) and (verdict is None or verdict.field == "date" and not verdict.labelled):
            if verdict is not None:
                dated.append(i)
            return True
        # the text of an entry whose time stands alone on the line above (``06:40`` / ……)
        stamped = i > 0 and _ENTRY_LEAD.fullmatch(texts[i - 1]) is not None and not _entry(texts[i])
        return verdict is None and (stamped or _MONTH_HEADING.fullmatch(texts[i]) is not None)

    start, end = region.start, region.end
    while start > 0 and more(start - 1):
        start -= 1
    while end < len(texts) and more(end):
        end += 1
    return Region(start, end), dated


def find_standfirst(
    titles: list[int], region: Region, texts: list[str], sigs: list[Signals],
    verdicts: list[Verdict | None], config: ClassifyConfig,
) -> set[int]:
    """HTML: the lines of prose between the headline and the text (a standfirst), which
    a byline or a share bar separates from it. Undated, unremoved, and prose: a
    sentence, or a line of many words in a language that spaces its words (English
    standfirsts often have no final stop); not a line shaped like a headline (a kicker's
    and a headline's lines, one asking a question: ``谁来为无序拆房"埋单"？``)."""
    if not titles:
        return set()
    return {
        i for i in range(titles[-1] + 1, region.start)
        if verdicts[i] is None and not sigs[i].stamped and not is_title_candidate(sigs[i], None, texts[i], config)
        and (sigs[i].sentence_like or (sigs[i].cjk == 0 and len(texts[i].split()) >= config.standfirst_min_words))
    }


def dump_standfirst(
    titles: list[int], region: Region, texts: list[str], sigs: list[Signals],
    verdicts: list[Verdict | None], config: ClassifyConfig,
) -> set[int]:
    """Text dumps: the standfirst, a line of prose right under the headline with the byline
    below it (``title`` / ``standfirst`` / ``文 / 某某`` / text). With no front end to
    vouch for the lines around the text, only that shape counts: a blogger's profile or a
    teaser between a headline and a text has no byline under it."""
    if not titles:
        return set()
    below = titles[-1] + 1
    bylined = any(verdicts[j] is not None and verdicts[j].label == METADATA for j in range(below + 1, region.start))
    candidates = find_standfirst(titles, region, texts, sigs, verdicts, config)
    return {below} if bylined and below in candidates and not (sigs[below].bullet or sigs[below].truncated) else set()


def opening_heading(
    titles: list[int], region: Region, texts: Sequence[str], sigs: Sequence[Signals],
    verdicts: Sequence[Verdict | None], columns: Sequence[int | None], config: ClassifyConfig,
) -> Region:
    """Text dumps: start the text at its first section's heading (``项目概况``) when the
    heading stands alone between the page's labelled lines (its byline, its controls)
    and the text, in the text's column, sharing a word with the paragraph under it or
    bracketed as the text's other headings are, and the text has headings of its own
    further down. A nav menu's last item has unlabelled
    items above it; a control (调整字体) names nothing of the text; a headline is found
    before and left alone (when none is found, the lone line may be the headline: a page
    without a title keeps its text as it is), or stands centred over the text."""
    above = region.start - 1
    if not titles or above in titles or verdicts[above] is not None or verdicts[above - 1] is None:
        return region
    indent = (columns[above] or 0) - (columns[region.start] or 0)
    if indent > config.column_tolerance or not _heading(sigs[above], config):
        return region
    headings = [i for i in range(region.start + 1, region.end) if verdicts[i] is None and _heading(sigs[i], config)]
    # a heading names what its section is about, or is set as the text's other headings
    # are (【基本案情】 … 【典型意义】); a control (调整字体) does neither
    bracket = _BRACKETED_HEADING.fullmatch(texts[above].strip())
    alike = bracket is not None and any(
        (found := _BRACKETED_HEADING.fullmatch(texts[i].strip())) and found[1] == bracket[1] for i in headings
    )
    if not (alike or bigrams(texts[above]) & bigrams(texts[region.start])):
        return region
    return Region(above, region.end) if headings else region


#: A table of contents lists this many of the text's headings at least.
_MIN_CONTENTS_ENTRIES = 2


def table_of_contents(region: Region, texts: Sequence[str], sigs: Sequence[Signals]) -> list[int]:
    """The text's table of contents at its head: the lines before its first sentence that
    each come back as a heading below it (目录 / 一、新市场为什么冷清 / 二、…, then the
    text with the same headings). ``_MIN_CONTENTS_ENTRIES`` of them at least; the
    caller starts the text below them."""
    first = next((i for i in range(region.start, region.end) if sigs[i].sentence_like), region.end)
    entries = list(range(region.start, first))
    if len(entries) < _MIN_CONTENTS_ENTRIES:  # (most texts open with a sentence: no set to build)
        return []
    below = {texts[i].strip() for i in range(first, region.end)}
    return [] if any(texts[i].strip() not in below for i in entries) else entries


#: A heading in brackets (``【基本案情】``, ``[案例一]``): the opening bracket is its form.
_BRACKETED_HEADING = re.compile(r"([【\[［〔])[^【】\[\]［］〔〕]+[】\]］〕]")


def _heading(sig: Signals, config: ClassifyConfig) -> bool:
    """A section heading's shape: a few words, no sentence, no date, list mark or count."""
    return (
        2 <= sig.cjk and sig.chars <= config.heading_max_chars and not sig.sentence_like and not sig.separators
        and not (sig.dated or sig.counter or sig.truncated or sig.bullet)
    )


#: A note's mark: ``[1]``, ``［1］``, ``[注1]``, ``①``. Printed below the article, a block opening
#: with one is the article's note when the article cites the mark.
_NOTE_MARK = re.compile(r"\[注?\d{1,3}\]|［注?\d{1,3}］|[\u2460-\u2473]")
#: ... cited right after a word or a quote (``组织[1]。``); after a pause, a mark numbers a
#: list instead (``措施：①加强…；②压实…``).
_CITATION = re.compile(rf"(?<=[^\s：:；;，,。、])(?:{_NOTE_MARK.pattern})")


def cited_notes(region: Region, texts: Sequence[str], verdicts: Sequence[Verdict | None]) -> set[int]:
    """The article's notes printed below it: blocks after the text that no rule removed
    and that open with a mark the text cites (``组织[1]。`` … ``[1] “两新”组织，指…``).

    Notes come last, after a related-reading list or even the site's footer (Markdown
    prints a page's footnotes at its very end), so the text's cut does not reach them.
    A mark counts once, and only where the text cites it (see ``_CITATION``).
    """
    marked = [(i, mark[0]) for i in range(region.end, len(texts)) if (mark := _NOTE_MARK.match(texts[i]))]
    if not marked:  # (most pages: the text is not searched)
        return set()
    cited = {mark for i in range(region.start, region.end) for mark in _CITATION.findall(texts[i])}
    notes: set[int] = set()
    for i, mark in marked:
        if mark in cited and verdicts[i] is None:
            notes.add(i)
            cited.discard(mark)
    return notes


def _plain(verdict: Verdict | None, sig: Signals, repeat: int | None, text: str) -> bool:
    """Nothing speaks against the block: no local rule, no teaser or link-list signal, no
    copy; undecodable text (U+FFFD) is no evidence of anything."""
    return (verdict is None and repeat is None and "\ufffd" not in text
            and not (sig.truncated or sig.counter or sig.bullet or sig.link_share))


def listing_region(
    region: Region, texts: list[str], verdicts: list[Verdict | None], sigs: list[Signals], off_column: list[bool],
    repeats: list[int | None], config: ClassifyConfig,
) -> Region:
    """Text dumps: a page whose text is not prose (a schedule, a table, a list of
    papers) is the longest stretch of blocks nothing speaks against, when neither the
    best run of prose nor that stretch holds more than a small share of prose, and more
    than that share of the stretch comes after that run; else the article as it is."""
    plain = [
        _plain(v, s, r, t) and not off for v, s, off, r, t in zip(verdicts, sigs, off_column, repeats, texts)
    ]
    listing = main_region([float(s.chars) if ok else -config.removed_penalty for s, ok in zip(sigs, plain)])
    prose = sum(sigs[i].chars for i in range(region.start, region.end) if sigs[i].sentence_like)
    listed = sum(sigs[i].chars for i in range(listing.start, listing.end) if plain[i])
    # ... and is itself no prose (a comment thread is a run of short sentences)
    prose = max(prose, sum(sigs[i].chars for i in range(listing.start, listing.end) if sigs[i].sentence_like))
    # ... and holds the best run of prose, not at its end: a menu of headlines above an
    # article ends with the article and the page's footer
    after = sum(sigs[i].chars for i in range(region.end, listing.end) if plain[i])
    holds = region.start == region.end or (
        listing.start <= region.start and region.end <= listing.end and after >= config.listing_prose_share * listed
    )
    if holds and listed >= config.listing_min_chars and prose < config.listing_prose_share * listed:
        return listing
    return region


#: Arrows: what makes box rules a figure (a flow chart), not a bordered table's frame.
_ARROWS = re.compile("[\u2190-\u21ff]")

#: A line that announces a table or list after the text: 附：… / 附表 / ends with a colon.
_ANNEX = re.compile(r"^附\s*(?:[：:件表录]|\d)|[：:]\s*$")


def with_annexes(
    region: Region, texts: list[str], verdicts: list[Verdict | None], sigs: list[Signals],
    repeats: list[int | None],
) -> tuple[Region, list[int], list[int]]:
    """Text dumps: the tables, lists and figures the article announces (附：招生专业及考试
    科目, 主要参数：, 具体流程见下图：), and the main text widened over one at its end.

    An announced run is the cells one a line after a line ending with a colon (or a
    附… line right after the text), up to the first block with evidence against it; a
    figure drawn in text adds lines of arrows and box rules. Its cells sit side by
    side, so the caller does not judge them by their layout column. A run announced
    at the text's end widens the text; one announced inside it counts only when it
    is a drawn figure (inside an article, most colons lead into ordinary paragraphs).
    Returns the region, the indexes of the announced blocks, and those of the lines
    of arrows and rules that draw a figure (the figure's own, unlike a table's frame).
    """
    if region.start == region.end:
        return region, [], []
    announced: list[int] = []
    figures: list[int] = []
    end = region.end
    for lead in range(region.start, min(region.end + 1, len(texts))):
        if lead == region.end:
            if verdicts[lead] is not None or not _ANNEX.search(texts[lead]):
                continue
        elif texts[lead].rstrip()[-1:] not in ("：", ":"):
            continue
        last, drawn = _announced_run(lead, texts, verdicts, sigs, repeats)
        if lead >= region.end - 1:
            run = range(lead + 1, last + 1)
            end = max(end, last + 1)
        elif drawn:
            run = range(lead + 1, min(last + 1, region.end))
        else:
            continue
        announced.extend(run)
        if drawn:
            figures.extend(i for i in run if _drawing(texts[i]))
    return Region(region.start, end), announced, figures


def _announced_run(
    lead: int, texts: list[str], verdicts: list[Verdict | None], sigs: list[Signals], repeats: list[int | None],
) -> tuple[int, bool]:
    """The last cell of the run after ``lead`` (``lead`` if none; a run ends with its
    last cell, not with a rule below it), and whether the run is a drawn figure: one
    with arrows (renderers also draw plain box rules around a bordered sidebar)."""
    run, last, drawn = lead + 1, lead, False
    while run < len(texts) and (_drawing(texts[run]) or _plain(verdicts[run], sigs[run], repeats[run], texts[run])):
        if _drawing(texts[run]):
            drawn = drawn or _ARROWS.search(texts[run]) is not None
        else:
            last = run
        run += 1
    return last, drawn and last > lead


def _drawing(text: str) -> bool:
    """A line of a figure or table drawn in text: arrows and box rules, no words, or
    labels joined by box rules (``窗口受理 ──→ 材料不全``)."""
    return not any(ch.isalnum() for ch in text) or BOX_DRAWING.search(text) is not None

