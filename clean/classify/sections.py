"""Page sections: where the article is, where its related-reading tail starts, its title.

A rendered page reads head (navigation, breadcrumb, title, byline), article, tail
(editor line, share and comment widgets, related reading, footer). The article is
found as the stretch of blocks with the most prose in it: every block gets a value --
its length when it reads like prose, a penalty when it is short, a label or a link, a
large penalty when a local rule already removed it -- and the main text is the run of
consecutive blocks with the largest total (the maximum-sum segment). Short headings
and name lines inside an article cost little and are kept; long runs of links do not
fit inside it.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from clean.blocks import DISCLAIMER, METADATA, RELATED, REMOVED_LABELS, WIDGET
from clean.classify.rules import Verdict, surnamed
from clean.classify.signals import (
    DOCUMENT_NUMBER,
    NOT_PERSON_ENDINGS,
    Signals,
    compute_signals,
    opens_with_stamp,
    split_trailing_date,
)
from clean.config import ClassifyConfig


@dataclass(frozen=True, slots=True)
class Region:
    """The main text: blocks ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int


#: What separates a page's title from the site's name after it (``标题_网易财经``, ``标题-新华网``,
#: or white space: ``标题 东区办事处_中山网``).
_SITE_SEPARATORS = "_|｜-－—–"
#: What ends a sentence of prose and never a headline (a digest's headline has ；).
_PROSE_STOP = re.compile("。")
#: A list of tags or keywords: five words of ideographs or more, none longer than a few,
#: parted by spaces (溪南旅遊 白沙老街 豆花 碗粿 …); a headline has a space or two, or
#: spaces around its Latin words (青溪縣推動 5G 智慧路燈 …).
_WORD_LIST = re.compile(r"^\s*[\u4e00-\u9fff]{1,6}(?:[ \u3000]+[\u4e00-\u9fff]{1,6}){4,}\s*$")

#: The colon after a field's label: a line with two is a form's or an info box's row
#: (文 号： 公开方式： 主动公开), where a headline quotes one speaker at most (某某：……).
_FIELD_COLON = re.compile(r"：|:(?!\d)")
#: A notice titled by its kind alone (讣告, 公告, 紧急通知): too short to share words
#: with its text, it is the title where a headline stands, above the dateline.
_GENRE_TITLE = re.compile(r"(?:紧急|重要)?(?:讣告|通知|公告|通告|启事|声明|公示|通报|倡议书|告知书|感谢信|致歉信|更正|勘误|致歉|更正启事|更正声明)")

#: A block with words in it (a letter, an ideograph or a digit), not a lone bullet or rule.
_WORDY = re.compile(r"[^\W_]")
#: ... and a run of them.
_WORD_RUN = re.compile(r"[^\W_]{2,}")


def window_start(texts: Sequence[str], verdicts: Sequence[Verdict | None], start: int, size: int) -> int:
    """The first block of a window of ``size`` blocks, ending before ``start``, counting
    only blocks with words that no rule removed on its own.

    A renderer prints a share bar's buttons one a line, as names (``• 微信``) or empty
    bullets, between the dateline and the text: those lines put no distance between the
    title and the text.
    """
    i = start
    while i > 0 and size > 0:
        i -= 1
        size -= _takes_room(texts[i], verdicts[i])
    return i


def window_end(texts: Sequence[str], verdicts: Sequence[Verdict | None], end: int, size: int) -> int:
    """The end (exclusive) of a window of ``size`` blocks from ``end``, counted as above."""
    i = end
    while i < len(texts) and size > 0:
        size -= _takes_room(texts[i], verdicts[i])
        i += 1
    return i


def _takes_room(text: str, verdict: Verdict | None) -> bool:
    """A block a window counts: one with words that no rule removed on its own."""
    return verdict is None and _WORDY.search(text) is not None


def block_value(sig: Signals, verdict: Verdict | None, config: ClassifyConfig) -> float:
    """How much a block speaks for "the article is here" (negative: against)."""
    if verdict is not None:
        if verdict.only_outside or verdict.neutral:
            return 0.0
        if verdict.label in REMOVED_LABELS:
            return -config.removed_penalty
        if verdict.label == METADATA and verdict.labelled:
            return -config.metadata_penalty
    if sig.chars <= config.teaser_max_chars and (sig.truncated or sig.counter or (sig.stamped and not sig.ends_sentence)):
        # teasers, listings and comment headers: cut-off, counted or time-stamped lines
        # (a longer block is prose whatever it ends with: a renderer that flattened a
        # table cell puts a post's stamp and all its paragraphs on one line)
        return -config.removed_penalty
    if sig.sentence_like:
        return float(sig.chars)
    if sig.numbered:
        return 0.0  # an item of the article's own list or a numbered heading: neutral
    return min(0.0, config.nonsentence_weight * sig.chars - config.short_block_penalty)


def discount_after_header(
    values: Sequence[float], verdicts: Sequence[Verdict | None], config: ClassifyConfig
) -> list[float]:
    """Prose after the first comment-section header counts for less.

    A comment thread can hold more prose than the article above it; discounting it
    keeps the article the best run. A header above the article (a "留言" link in the
    navigation, a "latest comments" sidebar box) discounts nothing: the text below it
    must still win against the chrome. Related-reading lists need no discount: their
    teasers carry their own signals (time stamps, cut-off snippets).
    """
    out = list(values)
    # a header in the navigation above the prose (论坛 留言 博客 ...) opens no thread:
    # only one after more prose than a title line counts
    before, first = 0.0, None
    for i, (value, verdict) in enumerate(zip(values, verdicts)):
        opens_thread = verdict is not None and verdict.starts_section and verdict.label == WIDGET
        if opens_thread and before > config.title_max_chars:
            first = i
            break
        before += max(value, 0.0)
    if first is not None:
        for i in range(first + 1, len(out)):
            if out[i] > 0:
                out[i] *= config.after_header_weight
    return out


def main_region(values: Sequence[float]) -> Region:
    """The maximum-sum run of consecutive values (Kadane); empty if none is positive."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return Region(best_start, best_end)


def main_column(columns: Sequence[int], sigs: Sequence[Signals], tolerance: int) -> int | None:
    """The display column (give or take ``tolerance``) most of the page's prose starts at.

    None when the page has no prose. The article column holds most of a page's prose
    even where a sidebar has a paragraph or two of its own.
    """
    weight: dict[int, int] = {}
    for column, sig in zip(columns, sigs):
        if sig.sentence_like:
            weight[column] = weight.get(column, 0) + sig.chars
    if not weight:
        return None
    return max(weight, key=lambda c: sum(w for col, w in weight.items() if abs(col - c) <= tolerance))


#: A headline this long that opens a later line is printed twice (see ``_teaser_signals``).
_MIN_HEADLINE_REPEAT = 10


def _teaser_signals(
    sigs: Sequence[Signals], texts: Sequence[str], lo: int, hi: int, ignore: Sequence[bool]
) -> bool:
    """Whether blocks ``lo:hi`` look like a teaser list (timestamps, cut-off snippets, repeats).

    A teaser box prints its headline twice (an image's alt text, then the link), the
    second time perhaps run into its snippet: a line that starts with an earlier
    headline-like line repeats it too.
    """
    seen: set[str] = set()
    headlines: list[str] = []
    for i in range(lo, hi):
        if ignore[i]:
            continue
        sig, text = sigs[i], texts[i]
        if sig.truncated or sig.counter or (sig.stamped and not sig.sentence_like):
            return True
        if text in seen and sig.chars >= 6:
            return True
        if any(text.startswith(headline) for headline in headlines):
            return True
        seen.add(text)
        if len(text) >= _MIN_HEADLINE_REPEAT and not sig.ends_sentence:
            headlines.append(text)
    return False


def _prose_chars(sigs: Sequence[Signals], verdicts: Sequence[Verdict | None], lo: int, hi: int) -> int:
    """Characters of prose no local rule removed, in blocks ``lo:hi``."""
    return sum(sigs[i].chars for i in range(lo, hi) if sigs[i].sentence_like and verdicts[i] is None)


def related_cut(
    region: Region,
    verdicts: Sequence[Verdict | None],
    sigs: Sequence[Signals],
    texts: Sequence[str],
    ignore: Sequence[bool],
    config: ClassifyConfig,
) -> Region:
    """Cut the article at the first section header (related reading, comments) that does not continue it.

    A header followed by a teaser list and then by more prose with no teaser signals
    (an inline "related" box in the middle of an article) is not a cut; after a comment
    header the comments' own time stamps count too. An editor's line cuts after
    itself, and so does a post's footer below the post's text, whatever follows.
    Blocks flagged in ``ignore`` (another layout column) are left out of the judgement,
    and a related-reading header there cuts nothing: a blog's sidebar (最新文章) stands
    beside the text, while a comment section's or a notice's header, centred as it may
    be, heads what comes below the article.
    """
    for h in range(region.start + 1, region.end):
        verdict = verdicts[h]
        if verdict is None or not (verdict.starts_section or verdict.ends_article or verdict.ends_post):
            continue
        if ignore[h] and verdict.label == RELATED:
            continue  # a sidebar's list (最新文章) beside the text; comments and notices come below it
        before = _prose_chars(sigs, verdicts, region.start, h)
        # (with no more prose above it than a title's, the line opens the post instead)
        if verdict.ends_post and before > config.title_max_chars:
            return Region(region.start, h + 1)
        resume = h + 1
        while resume < region.end and (ignore[resume] or not sigs[resume].sentence_like):
            resume += 1
        after = _prose_chars(sigs, verdicts, resume, region.end)
        enough = after >= min(config.continuation_min_chars, before)
        # a notice's header is always followed by the notice, never by more article
        notice = verdict.label == DISCLAIMER
        # a comment's time may open its text's line when a renderer ran the two together
        comments = verdict.label == WIDGET
        thread = comments and resume < region.end and sigs[resume].stamped and opens_with_stamp(texts[resume])
        # teasers are looked for from the header on: a comment's name and time, a teaser's
        # headline sit between the header and the first prose
        if enough and not notice and not thread and not _teaser_signals(sigs, texts, h + 1, region.end, ignore):
            continue
        return Region(region.start, h + 1 if verdict.ends_article else h)
    return region


#: A note in brackets after the signature's date, on its line (``2025年4月2日（此件主动公开）``).
_DATE_NOTE = re.compile(r"\s*[（(][^（）()]{2,20}[）)]\s*$")


def signature_date(
    region: Region, texts: Sequence[str], sigs: Sequence[Signals], verdicts: Sequence[Verdict | None],
    config: ClassifyConfig,
) -> int | None:
    """The date line of the article's closing signature (落款), if it has one.

    Notices end with the issuing body's name and the date they were signed: a few short
    lines right after the text, then a bare date. Both are part of the text, though
    neither reads as prose (the date may carry the document's note in brackets); the
    caller extends the text to the returned index. Lines
    with no evidence either way (the attachments' links, 附件：1.报名表.docx) may stand
    between the text and the signature.
    """
    named = 0
    for j in range(region.end, len(sigs)):
        sig, verdict = sigs[j], verdicts[j]
        if sig.date_only or (sig.dated and compute_signals(_DATE_NOTE.sub("", texts[j])).date_only):
            return j if named else None
        if verdict is not None and verdict.neutral and not named:
            continue  # (however many files a notice attaches)
        if named == config.signature_max_lines or not signature_line(sig, verdict, config):
            break
        named += 1
    return None


def after_signature(signed: int, texts: Sequence[str], sigs: Sequence[Signals], verdicts: Sequence[Verdict | None]) -> int:
    """Where the text ends after the signature's date line ``signed``: right after it, or
    after a note in brackets under it, which is the document's own (（此件公开发布）,
    （联系人：张三，电话：……）, a decision's notice of its publication)."""
    below = signed + 1
    if below < len(texts) and verdicts[below] is None and sigs[below].ends_sentence:
        note = texts[below].strip()
        if note[:1] in ("（", "(") and note[-1:] in ("）", ")"):
            return below + 1
    return below


def up_to_editor_line(
    region: Region, sigs: Sequence[Signals], verdicts: Sequence[Verdict | None], config: ClassifyConfig
) -> Region:
    """The text extended over its last short lines when the editor's line follows them.

    An article written in short lines (a WeChat post's 此外 / 开始搓搓手了！！！) ends
    in lines that weigh against the text one by one, but the editor's line (编辑|张三)
    closes the article: what stands between it and the text is the text's own, and so
    does a disclaimer that is a sentence of its own (a self-media platform's 特别声明…),
    byline lines (来源：…) between or not: the text ends above them. Chrome, a section
    header or a teaser between them means the text ended before.
    """
    byline = None
    for j in range(region.end, min(region.end + config.closing_max_lines + 1, len(sigs))):
        verdict, sig = verdicts[j], sigs[j]
        if verdict is not None and verdict.ends_article:
            return Region(region.start, j) if byline is None else region
        if verdict is not None and verdict.label == DISCLAIMER and not verdict.starts_section:
            return Region(region.start, j if byline is None else byline)
        if verdict is not None and verdict.label == METADATA and verdict.labelled and verdict.field != "date":
            byline = j if byline is None else byline  # (a bare date may be a signature's: ``signature_date``)
            continue
        if verdict is not None and not verdict.neutral:
            break
        if sig.truncated or sig.counter or sig.stamped:
            break
    return region


def signature_line(sig: Signals, verdict: Verdict | None, config: ClassifyConfig) -> bool:
    """A line that can stand in a closing signature above its date: short, not prose, not a list item."""
    return verdict is None and not sig.sentence_like and not sig.bullet and sig.chars <= config.signature_max_chars


def is_title_candidate(sig: Signals, verdict: Verdict | None, text: str, config: ClassifyConfig) -> bool:
    """A block that can be the article's title: a short line that is not a sentence,
    a list item, a teaser, a counted archive link (``教学手记 (30)``), a form's row of
    labelled fields or a document's number (``青政办发〔2025〕3号``, which shares its
    words with the text it heads).

    A headline may ask or exclaim (``京东为何不直接公布GMV？``, ``定了！……开通！``) and
    so read as a sentence; it does not stop one (``。``) or run on over many clauses.
    """
    return (
        verdict is None
        and (not sig.sentence_like or sig.clauses <= config.title_max_clauses)
        and _PROSE_STOP.search(text) is None
        and _WORD_LIST.match(text) is None
        and len(_FIELD_COLON.findall(text)) < 2
        and not sig.bullet
        and not sig.numbered
        and not sig.truncated
        and not sig.counter
        and DOCUMENT_NUMBER.fullmatch(text.strip()) is None
        and config.title_min_chars <= sig.chars <= config.title_max_chars
        and sig.cjk + sig.chars // 4 >= config.title_min_chars
    )


def _with_site_name(page_title: str, headline: str) -> bool:
    """``page_title`` is ``headline`` followed by a separator and the site's name."""
    rest = page_title[len(headline):] if page_title.startswith(headline) else ""
    return rest[:1] in _SITE_SEPARATORS or rest[:1].isspace() if rest else False


def bigrams(folded: str) -> set[str]:
    """Pairs of neighbouring letters, ideographs or digits in ``folded``."""
    grams: set[str] = set()
    for run in _WORD_RUN.findall(folded):
        grams.update(map(operator.add, run, run[1:]))
    # two digits are a number's piece (2020年 in an infobox cell), not a shared word
    return {gram for gram in grams if not gram.isdigit()}


def title_overlap(candidate: str, body: set[str]) -> tuple[float, int]:
    """Share and number of a candidate title's character bigrams the article contains.

    A headline is written from its article: most of its two-character words come back
    in the first paragraphs. A channel name, a nav item or a sidebar link does not, or
    shares a word or two only (``政务服务`` with a body that mentions a service centre).
    """
    grams = bigrams(candidate)
    shared = len(grams & body)
    return (shared / len(grams) if grams else 0.0), shared


def _title_above_byline(
    region: Region,
    sigs: Sequence[Signals],
    verdicts: Sequence[Verdict | None],
    texts: Sequence[str],
    config: ClassifyConfig,
    lowest: int,
) -> list[int]:
    """A title that shares few words with its article (essays, blogs) is still known by
    its place: the short line right above the byline/date line that opens the text, or
    the words before the date of the line that opens it (a blog post's header). A share
    bar between the byline and the text does not part them."""
    i = region.start - 1
    while i > lowest and _apart_from_words(sigs[i], verdicts[i]):
        i -= 1
    if i < 0 or verdicts[i] is None or verdicts[i].label != METADATA:
        return []
    # (an edit's stamp, 本帖最后由 某某 于 … 编辑, is no post's header)
    header = split_trailing_date(texts[i]) if not verdicts[i].labelled and verdicts[i].field == "date" else None
    if header is not None and is_title_candidate(compute_signals(header[0]), None, header[0], config):
        return [i]
    i = _above_byline(i, sigs, verdicts, lowest)
    return [i] if i >= lowest and is_title_candidate(sigs[i], verdicts[i], texts[i], config) else []


def _above_dateline(region: Region, sigs: Sequence[Signals], verdicts: Sequence[Verdict | None], lowest: int) -> int:
    """The block above the dateline nearest the text (``lowest - 1`` when there is none):
    a news page's headline, whatever the page prints between its dateline and the text
    (a share bar, a QR code box, the original title)."""
    i = _dateline(region, sigs, verdicts, lowest)
    return _above_byline(i, sigs, verdicts, lowest) if i >= lowest else i


def _dateline(region: Region, sigs: Sequence[Signals], verdicts: Sequence[Verdict | None], lowest: int) -> int:
    """The dated metadata block nearest above the text (``lowest - 1`` when there is none)."""
    i = region.start - 1
    while i >= lowest and not (verdicts[i] is not None and verdicts[i].label == METADATA and sigs[i].dated):
        i -= 1
    return i


def _above_byline(i: int, sigs: Sequence[Signals], verdicts: Sequence[Verdict | None], lowest: int) -> int:
    """The first block above byline block ``i`` that is neither a byline line nor set
    apart from words (``_apart_from_words``)."""
    while i >= lowest and (
        _apart_from_words(sigs[i], verdicts[i]) or (verdicts[i] is not None and verdicts[i].label == METADATA)
    ):
        i -= 1
    return i


def _apart_from_words(sig: Signals, verdict: Verdict | None) -> bool:
    """A removed block, a list item or a line without an ideograph or a date: a share
    bar's buttons (``• 列印``, ``A-A+``), a counter."""
    if verdict is not None:
        return verdict.label in REMOVED_LABELS
    return sig.bullet or (sig.cjk == 0 and not sig.dated)


#: A name alone on a line: two or three ideographs (a pen name too; a minority name has a
#: middle dot), or a few such names (``赵延东、风笑天``, ``王建宏 张文攀``). Four are a
#: column's or a channel's name more often than a person's (点击财富, 国内新闻).
_NAME = r"(?:[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{2,3})"
_BARE_NAMES = re.compile(rf"{_NAME}(?:(?:\s*[、，,]\s*|\s+){_NAME}){{0,4}}")


def _bare_names(text: str) -> bool:
    """``text`` is names alone (see ``_BARE_NAMES``), not an agency's or a site's (新华社, 青溪网)."""
    text = text.strip()
    return _BARE_NAMES.fullmatch(text) is not None and not text.endswith(NOT_PERSON_ENDINGS)


def name_lines(
    titles: Sequence[int], region: Region, texts: Sequence[str], folded: Sequence[str],
    verdicts: Sequence[Verdict | None], sigs: Sequence[Signals], lowest: int, config: ClassifyConfig,
) -> list[int]:
    """The author's name printed alone right under the headline (an essay's, a speech's,
    a blog post's): under the title (or the dateline under it), between the headline and
    the subtitle, or right above the text under a line shaped like a headline. A name
    starts with a surname (``surnames.txt``); alone: a run of such short lines is a
    menu's items."""
    found = []
    # (the HTML front end may open the text with it: the line under the page's headline)
    for i in range(max(lowest, 1), min(region.start + 1, len(texts) - 1)):
        if verdicts[i] is not None or i in titles or not _bare_names(texts[i]) or not surnamed(folded[i]):
            continue
        if _bare_names(texts[i - 1]) or _bare_names(texts[i + 1]):
            continue
        above = i - 1
        if verdicts[above] is not None and verdicts[above].label == METADATA:
            above -= 1  # the dateline under the headline
        if i == region.start and above not in titles:
            continue
        headline = is_title_candidate(sigs[above], verdicts[above], texts[above], config)
        if above in titles or (headline and (i + 1 in titles or i + 1 == region.start)):
            found.append(i)
    return found


#: A self-media platform's follow button, printed after the account's name.
_FOLLOW_BUTTONS = frozenset({"关注", "关注ta", "关注他", "关注她", "关注作者", "已关注"})
#: An account's name: a short run of words, no spaces, no punctuation (南岭老周, 溪山观察).
_ACCOUNT_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z_·][\u4e00-\u9fffA-Za-z0-9_·]{1,11}")
#: An account's counters (粉丝 12.6万, 获赞, 微博认证).
_PROFILE_COUNTER = re.compile(r"粉丝|获赞|认证")
#: The name is this many lines above the button at most (a bio, a dateline, counters between).
_ACCOUNT_LINES_ABOVE = 3


def account_name(
    titles: Sequence[int], region: Region, texts: Sequence[str], folded: Sequence[str], sigs: Sequence[Signals],
    verdicts: Sequence[Verdict | None],
) -> int | None:
    """The line that names the account which posted a self-media article: the first
    line shaped like a name among the few above the follow button (关注) over the text,
    where the platform prints the author (``南岭老周`` / ``2025-04-06 10:12·河南`` / ``关注``).
    The account's box shows the post's date or the account's counters around the button;
    a menu's 关注 item stands among other items."""
    button = next((i for i in range(region.start - 1, -1, -1) if folded[i].lstrip("+") in _FOLLOW_BUTTONS), None)
    if button is None:
        return None
    top = max(button - _ACCOUNT_LINES_ABOVE, 0)
    around = range(top, min(button + _ACCOUNT_LINES_ABOVE + 1, len(texts)))
    if not any(sigs[i].dated or _PROFILE_COUNTER.search(folded[i]) for i in around):
        return None
    for i in range(top, button):
        if verdicts[i] is None and i not in titles and _ACCOUNT_NAME.fullmatch(texts[i].strip()):
            return i
    return None


#: A subtitle opens with a dash: ``——写在青溪建县一千年之际``.
_SUBTITLE_DASH = re.compile(r"\s*(?:——|—|--|－－)")


def over_subtitle(
    titles: list[int], region: Region, texts: Sequence[str], sigs: Sequence[Signals],
    verdicts: Sequence[Verdict | None], config: ClassifyConfig,
) -> list[int]:
    """A title found that opens with a dash is the subtitle, and so is such a line right
    above the text when no title was found: the headline is the line shaped like one
    right above it, or above the author's name between them."""
    if len(titles) > 1:
        return titles
    subtitle = titles[0] if titles else region.start - 1
    if subtitle < 1 or not _SUBTITLE_DASH.match(texts[subtitle]):
        return titles
    if not titles and not is_title_candidate(sigs[subtitle], verdicts[subtitle], texts[subtitle], config):
        return titles
    for above in range(subtitle - 1, max(subtitle - 3, -1), -1):
        if above < subtitle - 1 and not _bare_names(texts[above + 1]):
            break
        if is_title_candidate(sigs[above], verdicts[above], texts[above], config) and not _SUBTITLE_DASH.match(texts[above]):
            return [above, subtitle]
    return titles


#: How an official document's title ends (……工作的通知, ……实施办法).
_DOCUMENT_TITLE_END = re.compile(r"(?:通知|公告|通告|通报|意见|办法|决定|方案|规定|细则|批复|报告|函|决议|条例)$")
#: What ends a headline's line when the headline ends there (a question, a quote).
_HEADLINE_END = tuple("。！？!?”」』）)》…")


def wrapped_headline(
    titles: Sequence[int], region: Region, texts: Sequence[str], folded: Sequence[str],
    verdicts: Sequence[Verdict | None], config: ClassifyConfig,
) -> int | None:
    """The line that ends a headline wrapped at the page's width (``……春季森林防灭火工``
    / ``作的通知``), not a subtitle: the line right under the title, above the text, when
    the page's title line printed first (a browser's print header) names the two joined,
    or when it is a document's short ending (……的通知). None if there is none."""
    if not titles or len(titles) > 2:
        return None
    lower = titles[0] + 1
    if lower >= region.start or (len(titles) == 1 and verdicts[lower] is not None) or titles[-1] not in (titles[0], lower):
        return None
    upper = folded[titles[0]]
    if not upper or upper.endswith(_HEADLINE_END) or _SUBTITLE_DASH.match(texts[lower]):
        return None
    joined = upper + folded[lower]
    if any(joined in line for line in folded[: titles[0]]):
        return lower
    tail = folded[lower]
    return lower if len(tail) <= config.wrapped_title_tail_chars and _DOCUMENT_TITLE_END.search(tail) else None


def find_titles(
    region: Region,
    sigs: Sequence[Signals],
    verdicts: Sequence[Verdict | None],
    tags: Sequence[str],
    texts: Sequence[str],
    folded: Sequence[str],
    blank_above: Sequence[bool],
    config: ClassifyConfig,
) -> list[int]:
    """Indexes of the title (and subtitle) blocks above the article, in page order.

    An ``h1`` from the HTML front end wins. Otherwise the title is the short line above
    the article (within ``metadata_window`` blocks with words) that shares the most words
    with the article's opening text (and at least ``title_min_overlap`` of its own), or
    the one the page's title line names (``标题_站名``); a qualifying line directly above
    or below it makes the pair title + subtitle (the upper one is the title, unless a
    separator cuts it and not the lower: a column's tag, 会客厅 | 第47期; a dump's upper
    line with no blank line above it and one below hangs under the box above it, a
    button under a doctor's profile, and pairs with nothing). No line
    qualifies: the line above the dateline, if it shares two words with the text (one,
    if the page's title line printed first names it), or the one below it (a blog
    post's header: date, then headline) if it shares two; else the line right above the
    byline, if there is a byline; else no title.
    """
    h1 = [i for i in range(region.start) if tags[i] == "h1" and verdicts[i] is None]
    if h1:
        return h1[-1:]
    opening: list[str] = []
    size = 0
    for i in range(region.start, region.end):
        if size >= config.title_body_chars:
            break
        opening.append(folded[i][: config.title_body_chars - size])
        size += len(opening[-1])
    body = bigrams("\n".join(opening))
    lowest = window_start(texts, verdicts, region.start, config.metadata_window)
    window = range(lowest, region.start)
    top = next((i for i, text in enumerate(texts) if _WORDY.search(text)), 0)

    def named(i: int) -> bool:
        """The page's title line, printed first, names block ``i`` before the site's name."""
        return i > top and _with_site_name(texts[top].strip(), texts[i].strip())

    # a later page's headline ends in its number (……挑夫(2)), like a counted archive link;
    # the page's title line naming it tells the two apart
    overlap = {
        i: title_overlap(folded[i], body)
        for i in window
        if is_title_candidate(sigs[i], verdicts[i], texts[i], config)
        or (sigs[i].counter and named(i) and is_title_candidate(replace(sigs[i], counter=False), verdicts[i], texts[i], config))
    }
    qualified = {
        i for i, (share, shared) in overlap.items() if share >= config.title_min_overlap and shared >= 2
    }
    if not qualified:
        # a headline in other words than its text's (a pun, a question) still has a word
        # or two of it, or the page's title line (printed first) names it, and its place:
        # above the dateline (or the line above that: a headline over a subtitle, or a
        # column's name under it)
        dated = _above_dateline(region, sigs, verdicts, lowest)
        worded = [i for i in (dated - 1, dated) if i in overlap and (overlap[i][1] >= 2 or named(i))]
        if worded:
            return worded
        if dated >= lowest and verdicts[dated] is None and _GENRE_TITLE.fullmatch(folded[dated].strip("【】[]")):
            return [dated]
        # a blog post's header dates it above its headline
        below = _dateline(region, sigs, verdicts, lowest) + 1
        if lowest < below < region.start and below in overlap and overlap[below][1] >= 2:
            return [below]
        return _title_above_byline(region, sigs, verdicts, texts, config, lowest)
    # the most words in common: a full headline beats a nav item that happens to match;
    # but the line in the headline's place, over the dateline, beats a list of the
    # series' other parts, a sidebar's copy of the headline or a menu item made of the
    # text's words (a long headline shares a smaller part of its words), if it has half
    # as many words in common as the best of them
    placed = _above_dateline(region, sigs, verdicts, lowest)
    best = max(qualified, key=lambda i: (overlap[i][1], i))
    if placed in overlap and 2 * overlap[placed][1] >= overlap[best][1]:
        if placed in qualified or overlap[placed][1] >= config.title_placed_min_shared:
            best = placed
    # a page's own title line (the browser's, printed at the top) is the headline with the
    # site's name after it: the headline alone, where it is printed too, is the title
    above = [text.strip() for text in texts[: max(qualified) + 1]]
    headline = [i for i in qualified if any(_with_site_name(line, above[i]) for line in above[:i])]
    if headline:
        best = max(headline, key=lambda i: len(texts[i]))
    # the same line twice (a page's headline over its share box's copy) is no subtitle
    for upper, lower in ((best - 1, best), (best, best + 1)):
        hanging = not blank_above[upper] and blank_above[lower]
        if upper in qualified and lower in qualified and texts[upper].strip() != texts[lower].strip() and not hanging:
            # a column's tag over the headline (访谈 | 第47期) is cut by a separator
            return [lower] if sigs[upper].separators > sigs[lower].separators == 0 else [upper, lower]
    return [best]
