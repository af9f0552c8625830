"""Local rules: what one block is, judged from its own text and signals.

These rules look at a block alone (its lexicon matches and signals). Where the block
sits in the page -- before the article, inside it, in the tail -- is decided later by
``sections``; a local verdict is evidence that ``sections`` weighs, and the reason
recorded here is the one the manifest shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clean.blocks import CAPTION, CHROME, DISCLAIMER, METADATA, RELATED, WIDGET
from clean.classify.lexicon import Lexicon, load_lexicon
from clean.classify.signals import AGO, NOT_PERSON_ENDINGS, Signals
from clean.config import ClassifyConfig
from clean.textblocks import IMAGE_FILE

#: Lexicons of headers that open a tail section, with the label they give.
SECTION_LEXICONS: tuple[tuple[str, str], ...] = (("related", RELATED), ("comments", WIDGET), ("paywall", CHROME))
#: Lexicons whose phrases remove short or non-sentence blocks, with the label they give.
PHRASE_LEXICONS: tuple[tuple[str, str], ...] = (
    ("breadcrumb", CHROME),
    ("share", CHROME),
    ("widget", WIDGET),
    ("caption", CAPTION),
    ("chrome", CHROME),
)


#: A row of topic tags (``#公交#地铁``, ``#travel #food``) as news and social sites print them.
_HASHTAGS = re.compile(r"(?:#[^#\s]+#?\s*){2,}")

#: A line that names the reporters without a colon: 本报记者 张三 / 光明日报记者 王五 赵六 /
#: （实习生 李四） / 新华网黑龙江频道 记者 乔琳 / 新京报记者 钟岩 河北青溪报道 / 本报记者韩松叶青发自北京;
#: newspapers mark the line with a square or a dot: □本报记者 张三 / ■记者 李四; a paper and its
#: app are joined by a dot (新华日报·交汇点记者 王五), and the words may be marked as the
#: reporter's, the photos credited after them (记者 张三/文 李四/图, 记者张三/文 受访者供图).
_REPORTER_LINE = re.compile(
    r"(?:[□■●◆◇][\s\u3000]*)?[（(【\[]?(?:[\u4e00-\u9fff]{1,10}(?:·[\u4e00-\u9fff]{1,10})?[\s\u3000]*)?"
    r"(?:记者|記者|通讯员|通訊員|实习生|實習生)[\s\u3000]*"
    r"[\u4e00-\u9fff·]{2,4}(?:[\s\u3000]+[\u4e00-\u9fff·]{2,4}){0,5}"
    # Taiwan papers set the place off with a slash: 記者林佳蓉／台北報導
    r"(?:[\s\u3000]*发自\S{1,10}|[\s\u3000]*發自\S{1,10}|(?:[\s\u3000]+|[\s\u3000]*[／/][\s\u3000]*)\S{1,10}(?:报道|報導))?"
    r"(?:[\s\u3000]*[／/][\s\u3000]*[文图圖][\s\u3000]*(?:[\u4e00-\u9fff]{2,5}(?:[\s\u3000]*[／/][\s\u3000]*[图圖摄攝]|供图|供圖))?)?"
    r"[）)】\]]?")

#: The reporter's names alone in brackets, closing a news article: ``（袁源）``, ``（张三 李四）``
#: (when they start with a surname: ``（待续）`` does not; nor a photo's credit, ``（李明摄）``).
_BRACKETED_NAMES = re.compile(r"[（(][\s\u3000]*[\u4e00-\u9fff]{2,3}(?:[\s\u3000]+[\u4e00-\u9fff]{2,3}){0,4}[\s\u3000]*[）)]")


def surnamed(folded: str) -> bool:
    """``folded`` (a matching form, see ``lexicon.fold``) starts with a common surname
    (``surnames.txt``)."""
    return load_lexicon("surnames").match_prefix(folded) is not None


#: The marks Taiwanese and Hong Kong pages put before a photo's caption, pointing at it.
_CAPTION_MARKS = "▲△"
#: A photo's credit alone on its line, in the matching form (Simplified, no white space),
#: bracketed or not: ``图／记者林佳蓉摄``, ``（圖／記者王小明攝）``, ``摄影：李四``. (One without
#: the label, ``（消防局提供）``, is not told from a short note of the text's, and weighs
#: as the text around it.)
_PHOTO_CREDIT = re.compile(r"(?:图|图片|照片|摄影)[／/:：｜|][^，。！？、；]{1,16}")
#: A line that ends with a document's file name: an attachment's download link
#: (``附件：1.……办法（全文）.pdf``, ``下载：报名表.docx``); a sentence ends with its stop.
#: The link may give the file's size after it (``报名表.doc（36KB）``).
_DOWNLOAD = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|wps|ofd|zip|rar|7z)\s*(?:[(（\[]\s*[\d.]+\s*[KMG]i?B?\s*[)）\]])?\s*[)）\]】]?\s*$",
    re.IGNORECASE,
)
#: The header of a notice's files to download, alone on its line (相关附件：, 附件下载).
#: (附件 alone needs its colon: a document printed below a notice opens with 附件 too.)
_DOWNLOADS_HEADER = re.compile(r"[【\[]?(?:相关附件|附件下载|下载附件|附件列表)[】\]]?\s*[：:]?|附件\s*[：:]")

#: A gallery's counter, the picture shown and how many there are (3/8), alone on its line.
_GALLERY_COUNTER = re.compile(r"\d{1,3}/\d{1,3}")
#: A reader view's or a blog's estimate of the reading time, alone on its line (6–8 分钟,
#: 阅读时长约5分钟, 预计阅读时间：3分钟, 5 min read); matched on the folded line.
_READING_TIME = re.compile(
    r"(?:阅读(?:时长|时间|需要|需)?[：:]?|预计(?:阅读时间[：:]?)?)?约?\d{1,3}(?:[–\-~～至]\d{1,3})?(?:分钟|min(?:read)?)(?:读完|阅读)?"
)
#: A pager: page numbers with a previous or next page link (1 2 3 … 6 下一页, 上一页 1 2 尾页).
_PAGER = re.compile(
    r"(?:(?:首页|上一?页|[«‹<])\s*)*(?:\d{1,4}|…|\.\.\.)(?:\s*(?:\d{1,4}|…|\.\.\.))+(?:\s*(?:下一?页|尾页|末页|[»›>]))*(?:\s*共\d+页)?"
)
_PAGE_LINK = re.compile(r"上一?页|下一?页|尾页|末页")
#: A line of sentence punctuation only: an ellipsis or exclamation in a dialogue.
_SPEECH = re.compile(r"\s*[“‘「『\"]?[…！？!?—～.。]+[”’」』\"]?\s*")

#: Blanks to fill in and their punctuation only: an exercise's line (“________，________。”).
_FILL_IN = re.compile(r"(?=.*_{3})[\s_，、。；：！？,.;:!?“”‘’「」『』\"'（）()]+")

#: An image a text renderer printed as its file name or alt code in brackets: [1642667264],
#: [menu_b_03], [728x90], [u] (words in the brackets, [图片说明…], are the caption lexicon's).
#: Reference marks ([1], [12]) are not: a name has letters or at least three digits.
_IMAGE_NAME = re.compile(r"\[(?=[0-9_.\-]*[A-Za-z]|[0-9]{3})[A-Za-z0-9_.\-]{1,40}\]")
#: ... or a few Chinese words in square brackets, alone on a line: an image's alt text
#: (``[图解]``, ``[二维码]``) or a control's label; the text's own brackets are 【】 and （）
_ALT_TEXT = re.compile(r"\[[\u3400-\u9fff][^\[\]]{0,11}\]")
#: ... or an image's file name alone on a line, without brackets: a camera's
#: (``IMG_2841.JPG``) or an upload's, printed where the picture was (its alt or title).
BARE_IMAGE_FILE = re.compile(r"[\w.\-]{1,60}\.(?:jpe?g|png|gif|webp|bmp|heic)", re.IGNORECASE)

#: A count of a post's comments or reads, as blog hosts print it under each post: 共 3 篇评论,
#: 评论(3), 阅读(359), 5 comments (matched in the folded form: Simplified, no spaces).
_POST_COUNT = re.compile(
    r"\d+(?:篇|条|件|则|个)?(?:评论|留言|回复|comments?|responses?)|(?:评论|留言|回复|阅读|comments?)[(\[（【:：]\d+"
)
#: ... or who posted it when, as forums sign a post under it, with a full stop or none
#: (本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.).
POSTED_BY = re.compile(r"由\s*([^\s\d]{1,20}?)\s*[于於]\s*\d{2,4}\s*[-/.年]")
#: ... or where, as a blog host signs a post under it: 阿凱 發表在 溪窩部落 留言(4) 人氣(3,127).
_POSTED_IN = re.compile(r"\s*[^\s\d]{1,20}\s+(?:发表在|發表在|发表于|發表於)\s+\S")

#: A stamp that dates an item of a listing: a day with its time (``08-26 17:50``), a full
#: date (``2006-12-19``, ``2006年12月19日``) or a relative time (``6小时前``); an agenda's
#: clock times alone are not.
_DATED_STAMP = re.compile(
    r"(?<!\d)(?:\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})"
    rf"|{AGO.pattern}"
)
#: Fewest dated stamps that make a long line a list run together (a paragraph of prose may
#: date an event or two).
_MIN_RUN_ITEMS = 3

_BULLET_MARK = re.compile(r"[•·▪▸▶►○◎●■◆☆★*+\-–]")

#: Markup that a renderer let through (script/ad tags, attributes).
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-zA-Z-]+\s*=|\s*/?>)")

#: Box-drawing characters: a figure or table drawn in text (flow charts), never a
#: navigation row, whose separators are | > / and the em dash, not ─ ┬ └.
BOX_DRAWING = re.compile("[\u2500-\u257f]")
#: A line of only the vertical sides of a box (a text browser's bordered table).
_FRAME = re.compile("[\\s\u2502\u2503\u2551]+")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A local rule's decision about one block."""

    label: str
    reason: str
    field: str = ""
    #: For metadata: a label names the field (``来源：``), so it counts in the tail too.
    labelled: bool = False
    #: A header that opens a section of the page's tail (related reading, comments).
    starts_section: bool = False
    #: A line that closes the article (an editor's line): the tail starts after it.
    ends_article: bool = False
    #: A post's footer (its time and comment count): what follows it is the next post or
    #: the comments, never more of this post.
    ends_post: bool = False
    #: Removed only outside the main text: inside it, the block is the text's own (a
    #: dialogue's "……", a scene break, a diagram's arrows).
    only_outside: bool = False
    #: No evidence for or against the text around it (an image's place, characters
    #: lost before capture): removed, but it neither makes nor breaks the main text.
    neutral: bool = False


#: A date line that says the page was edited then (``已于 … 修改``, ``… 更新``), and one
#: that says it was published (``发布于 … 最后修改 …`` dates the page).
_MODIFIED = re.compile(r"修改|更新|修订|最后由.{1,30}编辑")
_PUBLISHED = re.compile(r"发布|发表|刊登|首发")
#: A field's label opening a line (开标时间：), a few words before a colon.
_FIELD_LABEL = re.compile(r"\s*[^\s\d：:，。,.]{2,10}[：:]")

#: The credits that close a news article (编辑：…, 审核：…): the tail starts after them.
_CLOSING_FIELDS = frozenset({"editor", "reviewer"})
#: The credits a byline with several labels holds besides a date and an author.
_CREDITS = frozenset({"source", "editor", "reviewer"})
#: Fields that name a person: a sentence after their label is speech (记者：请问……？).
_PERSON_FIELDS = frozenset({"author", "editor", "reviewer"})
#: What may stand before a byline's label: a bracket, or a list bullet (□ 责任编辑：……;
#: inscriptis and Markdown renderers print ``*``, ``+`` and ``-``).
_LABEL_LEAD = "[【(（ \u3000□■●•·▪◆◇*+-"
#: What ends a label in a line without white space (a colon, a bar, a slash, a bracket).
_LABEL_MARKS = re.compile(r"[：:|｜/】\]]")


@dataclass(frozen=True)
class MetadataLabels:
    """The metadata label lexicon (``field label`` lines) compiled into regular expressions."""

    field_of: dict[str, str]
    #: A label that opens a field: followed by a colon (or a bracket around the label).
    pattern: re.Pattern[str]
    #: Inside a line already known to be a byline, a space after a label will do too
    #: (``作者 木头 发布于 2025年3月2日``), and a label with its colon may be glued to
    #: the value before it (``来源:转载作者:郁明岑``: w3m drops the space between two
    #: cells); one-character labels still need their colon and a separator before.
    lenient: re.Pattern[str]

    @classmethod
    def parse(cls, lines: list[str]) -> MetadataLabels:
        """Build from ``metadata_labels.txt`` lines (``field label``, Simplified).

        Traditional captures are matched after opencc t2s, like the phrase lexicons.
        """
        field_of: dict[str, str] = {}
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            field, label = line.split(None, 1)
            field_of[label.casefold()] = field
        labels = sorted(field_of, key=len, reverse=True)

        def alternation(names: list[str]) -> str:
            # government pages space labels out to align them: 标 题：, 索 引 号：
            return "|".join(r"\s*".join(map(re.escape, name)) for name in names)

        opening = r"(?:^|(?<=[\s\[【(（|｜/／]))"
        # a feature's credits put a slash after the label: 文/张三 图/李四 (not 文/图),
        # full width on Taiwanese pages (文／李佳穎　攝影／陳大同)
        slash = r"[/／](?![图圖]\s)"
        # WeChat articles write their credits with a bar: 编辑|张三 责编｜李四
        pattern = re.compile(rf"{opening}(?P<label>{alternation(labels)})\s*(?:[:：|｜]|{slash}|[】\]]\s*)", re.I)
        longer = [name for name in labels if len(name) > 1]
        lenient = re.compile(
            rf"{opening}(?:(?P<label>{alternation(labels)})\s*(?:[:：|｜]|{slash}|[】\]]\s*)|(?P<spaced>{alternation(longer)})\s+)"
            rf"|(?P<glued>{alternation(longer)})\s*[:：]",
            re.I,
        )
        return cls(field_of, pattern, lenient)

    def leading_field(self, text: str) -> str | None:
        """The field whose label opens ``text`` (in Simplified script), or None."""
        found = self.pattern.match(text.lstrip(_LABEL_LEAD))
        return self.field_for(found.group("label")) if found else None

    def byline_fields(self, text: str) -> list[str]:
        """The fields of a byline whose labels do not open it: an unlabelled name before
        them (``张三 本文来源：青溪日报 责任编辑：NF055``, a portal's footer), glued
        where a renderer dropped the spaces. Two labels or more, one of them a source's
        or an editor's: a line of prose or a notice's ``报名时间：`` names neither."""
        if len(_LABEL_MARKS.findall(text)) < 2:
            return []
        fields = [self.field_of_match(found) for found in self.lenient.finditer(text)]
        return fields if len(fields) >= 2 and not _CREDITS.isdisjoint(fields) else []

    def dangling_field(self, text: str) -> str | None:
        """The field of a label that ends ``text`` with nothing after it (``来源：``,
        ``2015-07-03 22:57　来源:``): its value is on the next line."""
        found = None
        for found in self.lenient.finditer(text):
            pass
        if found is None or found.end() != len(text.rstrip()):
            return None
        return self.field_of_match(found)

    def field_of_match(self, found: re.Match[str]) -> str:
        """The field of a label ``lenient`` found, in whichever of its forms."""
        return self.field_for(found.group("label") or found.group("spaced") or found.group("glued"))

    def field_for(self, label: str) -> str:
        """The field a label (as matched, perhaps spaced out) names."""
        return self.field_of["".join(label.split()).casefold()]


_QUOTED = re.compile(r"《[^《》]*》|“[^“”]*”|「[^「」]*」|\"[^\"]*\"")


def _bracketed_off(text: str) -> str:
    """``text`` without the brackets around it: （圖／記者王小明攝） is a credit as 圖／… is."""
    return text[1:-1] if text[:1] in "(（" and text[-1:] in ")）" else text


def _quoted_chars(text: str) -> int:
    """Characters inside quoted titles (《…》, “…”, 「…」): a header that names a post is still short."""
    if "《" not in text and "“" not in text and "「" not in text and '"' not in text:
        return 0
    return sum(len(m) - 2 for m in _QUOTED.findall("".join(text.split())))


def local_verdict(
    text: str,
    folded: str,
    sig: Signals,
    lexicons: dict[str, Lexicon],
    labels: MetadataLabels,
    config: ClassifyConfig,
) -> Verdict | None:
    """Judge one block on its own; ``None`` means "nothing against it being body".

    ``text`` is the block as captured, ``folded`` its matching form (Simplified, no
    white space, case folded).
    """
    if sig.chars == 0 or not any(ch.isalnum() for ch in folded):
        # sentence punctuation alone is the text's own (a silent reply: “……”); rules and
        # box drawing are layout (renderers draw table borders with them)
        if "\ufffd" in text:
            return Verdict(CHROME, "chrome: only characters lost before capture (U+FFFD)", neutral=True)
        if sig.chars == 1 and _BULLET_MARK.fullmatch(text.strip()):
            # a list item's bullet that a renderer printed on a line of its own
            return Verdict(CHROME, "chrome: a bullet on its own line", neutral=True)
        if _FRAME.fullmatch(text):
            # the side of a bordered table's empty row (│ … │): a blank line in a frame
            return Verdict(CHROME, "chrome: a table's frame, no text", neutral=True)
        own = _SPEECH.fullmatch(text) is not None or _FILL_IN.fullmatch(text) is not None
        return Verdict(CHROME, "chrome: no text, only symbols", only_outside=own)
    short = sig.chars <= config.short_block_chars
    if "promo" in lexicons and sig.chars <= config.promo_max_chars:
        entry = lexicons["promo"].match(folded)
        if entry:
            return Verdict(CHROME, f"chrome: lexicon 'promo' matched '{entry}'")
    if not sig.ends_sentence and _MARKUP.search(text):
        return Verdict(CHROME, "chrome: markup debris (HTML tags in the text)")
    if sig.stamped and sig.chars > config.teaser_max_chars:
        items = len(_DATED_STAMP.findall(text))
        if items >= _MIN_RUN_ITEMS and sig.chars <= items * config.run_together_item_max_chars:
            return Verdict(CHROME, f"chrome: a list run together on one line ({items} dated items)")
    if "disclaimer" in lexicons and sig.chars <= config.disclaimer_max_chars:
        entry = lexicons["disclaimer"].match(folded)
        if entry:
            # a short one is the header of a notice whose clauses follow (a sentence is a notice of its own)
            header = sig.chars <= config.header_max_chars and not sig.ends_sentence
            return Verdict(DISCLAIMER, f"disclaimer: lexicon 'disclaimer' matched '{entry}'", starts_section=header)
    if sig.chars <= config.metadata_max_chars:
        field = labels.leading_field(folded)
        # a person label followed by a whole sentence is speech (记者：请问……？ in an
        # interview), not a byline: names are short, and never asked, so a question is
        # speech however short (记者：场址在哪？)
        question = text.rstrip("”’」』\"'）) ")[-1:] in ("？", "?")
        long_enough = sig.chars >= config.speech_min_chars or question
        speech = field in _PERSON_FIELDS and sig.ends_sentence and long_enough
        if field and not speech:
            # the editor line closes a news article: what follows is the page's tail
            return Verdict(METADATA, f"metadata: label for '{field}'", field, labelled=True, ends_article=field in _CLOSING_FIELDS)
        if not field and not sig.ends_sentence and (fields := labels.byline_fields(folded)):
            return Verdict(
                METADATA, f"metadata: byline with labels for {', '.join(fields)}", fields[0],
                labelled=True, ends_article=not _CLOSING_FIELDS.isdisjoint(fields),
            )
        # a line of prose that mentions a date (hard-wrapped dumps) is no date line
        dateline = sig.date_only or sig.chars <= config.dateline_max_chars
        posted = POSTED_BY.search(text) is not None
        if sig.dated and not sig.dated_prose and (posted or not sig.ends_sentence) and dateline:
            if _MODIFIED.search(folded) and not _PUBLISHED.search(folded):
                # a post's "edited at" stamp (已于 2025-02-11 16:05 修改, 本帖最后由 某某 于 …
                # 编辑): not when it was published
                return Verdict(METADATA, "metadata: date line of an edit", "updated")
            # a post's footer (由张三张贴 @ 2005-03-21 01:20 共 3 篇评论, posted @ … 阅读(12)
            # 评论(3)) closes the post: on a blog's front page the next post follows it
            if posted or _POST_COUNT.search(folded):
                return Verdict(METADATA, "metadata: date line of a post's footer", "date", ends_post=True)
            # under a label of its own (开标时间：…, 报名时间：…) the date may be the text's:
            # a field of a notice, no evidence against the text around it
            return Verdict(METADATA, "metadata: date line", "date", neutral=_FIELD_LABEL.match(text) is not None)
        if _POSTED_IN.match(text) and not sig.ends_sentence:
            return Verdict(METADATA, "metadata: a post's footer naming its author (某某 发表在 …)", "author",
                           labelled=True, ends_post=True)
        if _REPORTER_LINE.fullmatch(text.strip()):
            return Verdict(METADATA, "metadata: reporter line", "author", labelled=True)
        named = _BRACKETED_NAMES.fullmatch(text.strip()) and not text.rstrip("）) \u3000").endswith(NOT_PERSON_ENDINGS)
        if named and surnamed(folded[1:]):
            return Verdict(METADATA, "metadata: names in brackets", "author", labelled=True)
    header = sig.chars - _quoted_chars(text) <= config.header_max_chars
    if header or sig.chars <= config.labelled_link_max_chars:
        # a comment header may quote the post's title: 《标题》已有3件评论; a label that
        # opens the line may be followed by its link's title: 此前报道：标题
        for name, label in SECTION_LEXICONS:
            lexicon = lexicons.get(name)
            entry = None if lexicon is None else lexicon.match(folded) if header else lexicon.match_prefix(folded)
            if entry:
                # a label with its link (上一篇：标题) is a line of its own, not a header over what follows
                linked = entry.startswith("^") and entry[-1] in ("：", ":", "】")
                return Verdict(label, f"{label}: lexicon '{name}' matched '{entry}'", starts_section=not linked)
    # chrome phrases remove lines that are not prose; footers often have dots but no final stop
    prose = sig.sentence_like and sig.ends_sentence
    removable = short or (not prose and sig.chars <= config.chrome_max_chars)
    if removable:
        for name, label in PHRASE_LEXICONS:
            if name in lexicons:
                entry = lexicons[name].match(folded)
                if entry:
                    return Verdict(label, f"{label}: lexicon '{name}' matched '{entry}'", neutral=label == CAPTION)
    if text.lstrip()[:1] in _CAPTION_MARKS and not sig.ends_sentence and short:
        # ▲ points up at the photo: a caption in words is the text's, a name or a few words not
        return Verdict(CAPTION, "caption: a photo's label under its mark (▲)", neutral=True)
    if _PHOTO_CREDIT.fullmatch(_bracketed_off(folded.strip())):
        return Verdict(CAPTION, "caption: a photo's credit on a line of its own (图／某某摄)", neutral=True)
    bare = text.strip()
    if _IMAGE_NAME.fullmatch(bare) or IMAGE_FILE.fullmatch(bare) or _ALT_TEXT.fullmatch(bare) or BARE_IMAGE_FILE.fullmatch(bare):
        return Verdict(CAPTION, "caption: image placeholder (a renderer's [file name] or [alt text])", neutral=True)
    if sig.chars <= config.chrome_max_chars and _DOWNLOAD.search(text):
        # a notice's attachments sit between its text and its signature: no evidence either way
        return Verdict(CHROME, "chrome: a link to a file to download (附件：….pdf)", neutral=True)
    if _DOWNLOADS_HEADER.fullmatch(folded.strip()):
        return Verdict(CHROME, "chrome: the header of the files to download (相关附件：)", neutral=True)
    if _PAGE_LINK.search(folded) and _PAGER.fullmatch(folded.strip()):
        return Verdict(CHROME, "chrome: a pager (1 2 3 下一页)", neutral=True)
    if _GALLERY_COUNTER.fullmatch(folded.strip()):
        return Verdict(CAPTION, "caption: a gallery's counter (3/8)", neutral=True)
    if _READING_TIME.fullmatch(folded.strip()):
        return Verdict(CHROME, "chrome: an estimate of the reading time (6–8 分钟)", neutral=True)
    if not sig.sentence_like and _HASHTAGS.fullmatch(text.strip()):
        return Verdict(CHROME, "chrome: row of hashtags")
    # box rules join a drawn figure's labels (窗口受理 ──→ 材料不全), never a nav row's links
    if sig.separators >= 2 and sig.chars <= config.chrome_max_chars and not BOX_DRAWING.search(text):
        items = sig.separators + 1
        if not sig.sentence_like and sig.chars / items <= config.nav_item_max_chars:
            return Verdict(CHROME, f"chrome: link row ({items} items between separators)")
        # the title at a breadcrumb's end may read as a sentence; the whole line does not end as one
        levels = 0 if sig.ends_sentence else _breadcrumb_levels(text, config.nav_item_max_chars)
        if levels:
            return Verdict(CHROME, f"chrome: breadcrumb ({levels} levels, the last one the page's title)")
    return None


#: The separator between the levels of a breadcrumb: 首页 > 新闻, 论坛 → 版块, 首页 >> 财经.
_PATH = re.compile(r"\s*(?:>>?|-->?|»|›|→|＞)\s*")


def _breadcrumb_levels(text: str, level_max_chars: int) -> int:
    """Levels of a breadcrumb that ends with the page's own (long) title, or 0.

    ``青溪论坛 → 溪畔闲话 → [原创]各位,请理性看待老城区改造！`` is too long on average
    for a link row, but every level before the last is a short section name.
    """
    levels = _PATH.split(text.strip())
    if len(levels) < 3 or not all(0 < len(level) <= level_max_chars for level in levels[:-1]):
        return 0
    return len(levels)
