"""The block classifier shared by both front ends (text dumps and HTML).

``classify_blocks`` labels every block body, title, metadata or a removal reason, and
records why. It works in three passes:

1. local rules (``rules``): lexicon phrases and per-block signals (``signals``) give a
   verdict for blocks that are chrome, disclaimers, related headers, widgets, image
   placeholders or metadata lines on their own; a line the batch's other captures print
   too (``clean.templates``) is chrome unless the text runs on both sides of it;
2. sections (``sections``): the main text is the stretch of blocks with the most prose
   (blocks of another layout column and second copies of a paragraph left out; an
   image's place and a table's cells printed one a line neither make nor break it);
   it ends at a related-reading, comment or notice header, or after an editor's line,
   unless the article clearly continues after it; ``extents`` widens it where the
   text is not prose (a schedule, an announced table or figure, the HTML front end's
   choice) and starts it after a post's dated header; ``wiki`` widens it over an
   encyclopedia article's edited sections;
3. labelling: blocks inside the main text are body unless a local rule removed them;
   metadata lines count only next to the article; the title is the short line above
   it that shares most words with it; everything else is the page's head or tail.

HTML blocks carry ``tag`` and ``link_density`` (Markdown dumps the link density too);
a mostly-link block is treated as chrome, an ``h1`` is the title, and the blocks the front end chose around
the prose are kept unless evidence speaks against them. Text blocks work without them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from clean.blocks import BODY, CAPTION, CHROME, DISCLAIMER, METADATA, RELATED, TITLE, Block
from clean.classify.extents import (
    after_dateline,
    cited_notes,
    dump_standfirst,
    opening_heading,
    front_end_region,
    table_of_contents,
    listing_region,
    with_annexes,
    with_contact_lines,
    with_dated_entries,
    with_document_number,
    with_judgment_signature,
    with_lead_in,
    with_next_section,
)
from clean.classify.lexicon import LEXICON_DIR, Lexicon, fold, load_lexicon
from clean.classify.rules import BARE_IMAGE_FILE, MetadataLabels, Verdict, local_verdict
from clean.classify.sections import (
    Region,
    account_name,
    after_signature,
    block_value,
    discount_after_header,
    find_titles,
    is_title_candidate,
    main_column,
    main_region,
    name_lines,
    over_subtitle,
    related_cut,
    signature_date,
    up_to_editor_line,
    window_end,
    window_start,
    wrapped_headline,
)
from clean.classify.signals import Signals, clock_time, compute_signals
from clean.classify.wiki import edit_headings, wiki_article
from clean.config import ClassifyConfig
from clean.sourcecode import code_lines

__all__ = ["classify_blocks", "metadata_labels"]

#: Lexicon files that are phrase lexicons (the metadata labels have their own format).
_PHRASE_LEXICON_NAMES = (
    "breadcrumb", "caption", "chrome", "comments", "disclaimer", "edit_marker", "navbox", "paywall", "promo", "related",
    "share", "widget",
)


def _lexicons(config: ClassifyConfig) -> dict[str, Lexicon]:
    names = config.lexicons or _PHRASE_LEXICON_NAMES
    return {name: load_lexicon(name) for name in names if name in _PHRASE_LEXICON_NAMES}


@lru_cache(maxsize=None)
def metadata_labels(directory: Path = LEXICON_DIR) -> MetadataLabels:
    """The metadata label lexicon (``metadata_labels.txt``), compiled once."""
    return MetadataLabels.parse((directory / "metadata_labels.txt").read_text(encoding="utf-8").splitlines())


_VERBATIM = Verdict(CHROME, "chrome: preformatted text outside the main text", only_outside=True)
_CODE = Verdict(CHROME, "chrome: program code outside the main text", only_outside=True)
_LINE_NUMBERS = Verdict(CHROME, "chrome: a code listing's line numbers (1, 2, 3 … a line each)", neutral=True)
#: A code listing has this many lines at least (one line of code is a formula, a path).
_MIN_LISTING_LINES = 3


def _link_verdict(block: Block, sig: Signals, config: ClassifyConfig) -> Verdict | None:
    if block.link_density >= config.link_density_max:
        if block.tag:
            return Verdict(CHROME, f"chrome: link density {block.link_density:.2f} in <{block.tag}>")
        # one link alone on a Markdown line (an attachment, a "read the original") can sit
        # inside the text: removed, but it does not end the text as a row of links does
        single = sig.separators == 0 and block.text.count(" ") < 2
        return Verdict(CHROME, f"chrome: link density {block.link_density:.2f} in the Markdown line", neutral=single)
    if sig.link_share >= config.link_density_max and not sig.ends_sentence:
        # an address alone on a line (a frame's, printed by lynx) can sit inside the text too
        single = " " not in block.text.strip()
        return Verdict(CHROME, f"chrome: {sig.link_share:.0%} of the line is links/URLs", neutral=single)
    return None


def _verdict(
    block: Block, text: str, folded: str, sig: Signals, lexicons: dict[str, Lexicon], labels: MetadataLabels,
    config: ClassifyConfig,
) -> Verdict | None:
    """The local verdict on one block: code is the text's own; a byline stays a byline
    when its names and dates are links; otherwise links, then the local rules."""
    if block.verbatim:
        return _VERBATIM
    link = _link_verdict(block, sig, config)
    if link is not None and sig.chars > config.metadata_max_chars:
        return link  # too long for a byline: the local rules need not run
    local = local_verdict(text, folded, sig, lexicons, labels, config)
    if local is not None and local.field in ("date", "updated") and not local.labelled and _data_row(block):
        return None  # a table's row opened by its date (2025-01-08 采购 1,260.00 李国华): the row's day, not the page's
    if link is None or (local is not None and local.label == METADATA):
        return local
    return link


def _template_verdict(block: Block) -> Verdict:
    """A site template line (printed by many captures of the batch) is chrome unless the
    article runs on both sides of it: a reprint's quoted statement, a notice's standard
    heading (see ``_value`` for what it weighs)."""
    return Verdict(CHROME, f"chrome: site template (the same line is in {block.template} captures of the batch)",
                   only_outside=True)


def _value(sig: Signals, verdict: Verdict | None, templated: bool, config: ClassifyConfig) -> float:
    """What a block weighs for the main text. A template line weighs what its text does
    when that is against the text (a menu, a comment's 举报 分享), and never for it: a
    site's standing notice is prose but no article."""
    if templated:
        return min(0.0, block_value(sig, None, config))
    return block_value(sig, verdict, config)


def classify_blocks(blocks: list[Block], config: ClassifyConfig) -> list[Block]:
    """Label ``blocks`` in place (and return them): ``label``, ``reason``, ``field``.

    Example:
        >>> from clean.textblocks import split_text_blocks
        >>> text = "首页 | 新闻 | 政务\\n标题在这里\\n来源：某某网\\n正文第一句话很长，写了很多内容。第二句话也在这里。"
        >>> [(b.label, b.field) for b in classify_blocks(split_text_blocks(text), ClassifyConfig())]
        [('chrome', ''), ('title', 'title'), ('metadata', 'source'), ('body', '')]
    """
    if not blocks:
        return blocks
    texts = [b.text for b in blocks]
    folded = fold(texts)
    sigs = [compute_signals(t) for t in texts]
    lexicons = _lexicons(config)
    labels = metadata_labels()
    local = [_verdict(b, t, f, s, lexicons, labels, config) for b, t, f, s in zip(blocks, texts, folded, sigs)]
    _label_values(local, texts, folded, sigs, lexicons, config)
    _notice_lead_ins(local, texts, sigs, config)
    _picture_labels(blocks, local, texts, sigs, config)
    _alt_texts(blocks, local, texts, sigs, config)
    _player_clocks(local, texts)
    _byline_values_below(local, folded, sigs, labels, config)
    # a template line with no verdict of its own (a rule's reason is more specific: a
    # source's name under its label is the byline's value on every page that prints it)
    templated = [verdict is None and block.template > 0 for block, verdict in zip(blocks, local)]
    verdicts = [_template_verdict(b) if t else v for b, v, t in zip(blocks, local, templated)]
    _code_listings(texts, verdicts)
    for i, whole in _cut_off_copies(texts).items():
        if verdicts[i] is None:
            verdicts[i] = Verdict(CHROME, f"chrome: a cut-off copy of block {whole} (a ticker's or a teaser's)", neutral=True)
    for i, whole in _pull_quotes(texts, verdicts).items():
        if verdicts[i] is None:
            verdicts[i] = Verdict(CHROME, f"chrome: a pull quote (a sentence of block {whole} printed again)", neutral=True)
    values = discount_after_header([_value(s, v, t, config) for s, v, t in zip(sigs, verdicts, templated)], verdicts, config)
    _neutral_list_items(values, texts, sigs, verdicts)
    _neutral_table_cells(values, texts, verdicts, config)
    for i, block in enumerate(blocks):
        if verdicts[i] is None and _data_row(block):
            values[i] = max(values[i], 0.0)  # a data table's rows neither make nor break the text around them
    off_column = _off_column(blocks, sigs, config)
    repeats = _repeats(texts, sigs, config)
    # blocks of another layout column and second copies neither make nor break the text
    region = main_region([0.0 if off or rep is not None else v for v, off, rep in zip(values, off_column, repeats)])
    if not blocks[0].tag:
        prose_end = region.end
        region = listing_region(region, texts, verdicts, sigs, off_column, repeats, config)
        region, announced, figures = with_annexes(region, texts, verdicts, sigs, repeats)
        for i in [*range(prose_end, region.end), *announced]:
            off_column[i] = False  # a listing's or an announced table's cells sit side by side
        for i in figures:
            verdicts[i] = None  # a flow chart's arrows and rules are the chart's
        region, dated_items = with_next_section(region, texts, sigs, verdicts, config)
        region, dated_entries = with_dated_entries(region, texts, verdicts, repeats)
        for i in [*dated_items, *dated_entries]:
            verdicts[i] = None  # a list item's or an entry's own date, not the page's dateline
    region = related_cut(region, verdicts, sigs, texts, off_column, config)
    region = up_to_editor_line(region, sigs, verdicts, config)
    region = after_dateline(region, texts, sigs, verdicts, config.post_header_prose_share)
    led = with_lead_in(region, texts, sigs, verdicts)
    region = with_document_number(led, texts, verdicts)
    for i in range(region.start, led.start):
        off_column[i] = False  # a document's head lines: its number's cells, its parties
    headings = edit_headings(folded, sigs, lexicons, config)
    structured = len(headings) >= config.edit_headings_min
    if structured:
        region = wiki_article(region, headings, folded, verdicts, sigs, repeats, lexicons)
        for i in headings:
            verdicts[i] = None  # an article's own section heading, whatever its words
        for i in range(region.start, region.end):
            off_column[i] = False  # the sections' tables lay their cells side by side
            if verdicts[i] is not None and verdicts[i].label == METADATA:
                verdicts[i] = None  # a table's 发行日期：… cell, not the page's byline
    region = with_contact_lines(region, folded, verdicts)
    judged = with_judgment_signature(region, folded, verdicts)
    for i in range(region.end, judged.end):
        off_column[i] = False  # a judgment's signature is set flush right
    region = judged
    signed = signature_date(region, texts, sigs, verdicts, config)
    if signed is not None:
        end = after_signature(signed, texts, sigs, verdicts)
        for i in range(region.end, end):
            off_column[i] = False  # notices set their signature flush right
        region = Region(region.start, end)
        verdicts[signed] = None  # the signature's date is text, not the publication date
    # a page's own headline is often in the site's lists of headlines on its other pages
    untemplated = [None if t else v for v, t in zip(verdicts, templated)]
    # the headline the HTML front end found in the page's markup, or the line that reads as one
    titles = [i for i, b in enumerate(blocks) if b.headline][-1:]
    if titles and region.start <= titles[0]:
        region = Region(titles[0] + 1, max(region.end, titles[0] + 1))
    titles = titles or find_titles(
        region, sigs, untemplated, [b.tag for b in blocks], texts, folded, [getattr(b, "blank_above", True) for b in blocks], config
    )
    titles = over_subtitle(titles, region, texts, sigs, untemplated, config)
    if blocks[0].tag:
        region, standfirst = front_end_region(region, titles, texts, verdicts, sigs, off_column, repeats, config)
    else:
        standfirst = dump_standfirst(titles, region, texts, sigs, verdicts, config)
        columns = [getattr(block, "column", None) for block in blocks]
        region = opening_heading(titles, region, texts, sigs, verdicts, columns, config)
    contents = table_of_contents(region, texts, sigs)
    for i in contents:
        verdicts[i] = Verdict(CHROME, "chrome: the text's table of contents (its headings, listed above it)")
    region = Region(region.start + len(contents), region.end)
    head_limit = window_start(texts, verdicts, titles[0] if titles else region.start, config.metadata_window)
    tail_limit = window_end(texts, verdicts, region.end, config.metadata_window)

    notes = cited_notes(region, texts, verdicts)
    # (a columnist's name is on each of the columnist's pages in a batch)
    bylines = name_lines(titles, region, texts, folded, untemplated, sigs, head_limit, config)
    account = account_name(titles, region, texts, folded, sigs, untemplated)
    # a page header's clock (2025年10月11日 星期六) above the headline, when a dated byline is under it
    under_title = range(titles[-1] + 1, region.start) if titles else range(0)
    clocked = any(verdicts[j] is not None and verdicts[j].label == METADATA and sigs[j].dated for j in under_title)
    related_header: str | None = None
    box_header: str | None = None  # a related-reading box's header inside the text
    dated = False
    headlines = {texts[i] for i in titles}
    wrapped = wrapped_headline(titles, region, texts, folded, untemplated, config)
    for i, (block, verdict) in enumerate(zip(blocks, verdicts)):
        if i >= region.end and verdict is not None and verdict.starts_section:
            related_header = related_header or block.text
        if region.start <= i < region.end:
            opens_box = verdict is not None and verdict.starts_section and verdict.label == RELATED
            if opens_box:
                box_header = block.text
            elif box_header is not None and sigs[i].sentence_like and not is_title_candidate(sigs[i], verdict, block.text, config):
                box_header = None  # the box runs over its headlines (……？……！ too) to the next paragraph
        if i == wrapped:
            _set(block, TITLE, "title: the end of a headline wrapped at the page's width", "title")
        elif i in titles:
            field = "title" if i == titles[0] else "subtitle"
            _set(block, TITLE, f"title: line above the main text ({field})", field)
        elif i in notes:
            _set(block, BODY, "")
        elif i in bylines:
            _set(block, METADATA, "metadata: a name alone under the title", "author")
        elif i == account:
            _set(block, METADATA, "metadata: the account's name above its follow button (关注)", "author")
        elif i and blocks[i - 1].label == METADATA and blocks[i - 1].field == "date" and clock_time(block.text):
            _set(block, METADATA, "metadata: the time of the date line above", "date")
        elif clocked and i < titles[0] and verdict is not None and verdict.field == "date" and not verdict.labelled:
            _set(block, CHROME, "chrome: a date above the headline (the site's clock); the text's is under it")
        elif (verdict is not None and verdict.field == "date" and dated and region.start < i < region.end - 1
              and (verdict.labelled or verdict.neutral) and not sigs[i].date_only and not off_column[i]):
            # the page's date is known: a field that says what happens at a date amid the
            # text is the text's own (a tender's 开标时间：…, a schedule's 时间：…至…); a
            # bare stamp or a post's footer (由某某张贴 @ …) is a post's or a comment's
            _set(block, BODY, "")
        elif verdict is not None and verdict.label == METADATA:
            in_head = head_limit <= i < region.start
            # a post's own date may follow it (发表于 2004年12月27日 12:40): the first
            # unlabelled date line counts in the tail when none came before the text
            stated = verdict.labelled or (verdict.field == "date" and not dated)
            # ... and a blog post's footer signs it however long its tags and categories
            # run before (张三 发表在 …), up to the comments
            near = i < tail_limit or (verdict.ends_post and verdict.field == "author")
            # (the editor's line and a post's signed footer may come after a related box:
            # the page's, not a teaser's)
            signs = verdict.ends_article or (verdict.ends_post and verdict.field == "author")
            in_tail = region.start <= i and near and stated and (related_header is None or signs)
            if in_head or in_tail:
                _set(block, METADATA, verdict.reason, verdict.field)
                dated = dated or sigs[i].dated
            elif related_header is not None:
                _set(block, RELATED, f"related: in the section under '{related_header}'")
            else:
                _set(block, CHROME, "chrome: metadata-like line away from the main text")
        elif verdict is not None and verdict.only_outside and region.start < i < region.end - 1:
            _set(block, BODY, "")
        elif verdict is not None and not (related_header and verdict.label == CHROME):
            _set(block, verdict.label, verdict.reason)
        elif i in standfirst:
            _set(block, BODY, "")
        elif region.start <= i < region.end:
            sig = sigs[i]
            if box_header is not None:
                # the headlines of a box (相关新闻) set between two paragraphs, up to the next
                _set(block, RELATED, f"related: in the box under '{box_header}' inside the text")
            elif off_column[i]:
                _set(block, CHROME, f"chrome: outside the main text's column (starts at column {block.column})")
            elif repeats[i] is not None and blocks[repeats[i]].label in (BODY, TITLE):
                _set(block, CHROME, f"chrome: repeats block {repeats[i]} of the text")
            elif block.text in headlines:
                # the headline again inside the text: a text browser prints an image's alt
                # text (often the headline), some pages print it over the text once more
                _set(block, CHROME, "chrome: repeats the title")
            elif (sig.bullet or sig.counter) and not sig.sentence_like and not structured:
                _set(block, CHROME, "chrome: list item inside the main text that is not prose")
            else:
                _set(block, BODY, "")
        elif related_header is not None:
            _set(block, RELATED, f"related: in the section under '{related_header}'")
        else:
            where = "head" if i < region.start else "tail"
            _set(block, CHROME, f"chrome: outside the main text ({where})")
    return blocks


def _label_values(
    verdicts: list[Verdict | None], texts: list[str], folded: list[str], sigs: list[Signals],
    lexicons: dict[str, Lexicon], config: ClassifyConfig,
) -> None:
    """A control that ends with a colon (点击进入专题：, 扫码关注：) has its link on the
    next line when a renderer broke the line after it: a short line that is no sentence,
    list item or heading number goes with it. A share bar's label is left alone: its
    buttons are chrome by their own names, and the headline often follows it."""
    share = lexicons.get("share")
    for i in range(len(texts) - 1):
        verdict, after = verdicts[i], sigs[i + 1]
        label = texts[i].rstrip()
        if verdict is None or verdict.label != CHROME or label[-1:] not in ("：", ":") or not label[:-1].strip(":： "):
            continue  # (an accessibility anchor ::: labels nothing)
        if share is not None and share.match(folded[i]):
            continue
        if verdicts[i + 1] is None and not (after.sentence_like or after.numbered or after.bullet):
            if after.chars <= config.header_max_chars:
                verdicts[i + 1] = Verdict(CHROME, f"chrome: the link of '{texts[i].strip()}' on the line above")


def _byline_values_below(
    verdicts: list[Verdict | None], folded: list[str], sigs: list[Signals], labels: MetadataLabels,
    config: ClassifyConfig,
) -> None:
    """A byline label whose value a renderer put on the next line (``来源：`` / ``新华网``:
    ``soup.get_text("\n")`` prints every element on a line of its own) has that short
    line as its value."""
    for i in range(len(folded) - 1):
        verdict, after = verdicts[i], sigs[i + 1]
        if verdict is None or verdict.label != METADATA or verdicts[i + 1] is not None:
            continue
        if after.sentence_like or after.chars > config.header_max_chars:
            continue
        field = labels.dangling_field(folded[i])
        if field is not None:
            verdicts[i + 1] = Verdict(METADATA, f"metadata: the value of the '{field}' label above", field, labelled=True)


def _notice_lead_ins(verdicts: list[Verdict | None], texts: list[str], sigs: list[Signals], config: ClassifyConfig) -> None:
    """A short line ending with a colon right above a notice introduces it: a site's
    ``……提醒您，請給自己機會：`` over the help lines it must print, a ``特别提示：`` over
    a disclaimer. It is removed with the notice, for the same reason."""
    for i in range(1, len(texts)):
        below = verdicts[i]
        if below is None or below.label != DISCLAIMER or verdicts[i - 1] is not None:
            continue
        if texts[i - 1].rstrip()[-1:] in ("：", ":") and sigs[i - 1].chars <= config.header_max_chars:
            verdicts[i - 1] = Verdict(DISCLAIMER, f"disclaimer: introduces the notice below ('{texts[i].strip()[:20]}')")


#: A picture's placeholder as a text dump prints it ([圖片], [IMG], 【图片】, 图2) ...
_PICTURE = re.compile(r"[\[【(（]?\s*(?:图片|圖片|图|圖|img|image|照片)\s*\d{0,2}\s*[\]】)）]?", re.IGNORECASE)
#: ... and a numbered figure's mark.
_FIGURE_MARK = re.compile(r"[图圖]\s*\d{1,2}")


def _picture_labels(
    blocks: list[Block], verdicts: list[Verdict | None], texts: list[str], sigs: list[Signals], config: ClassifyConfig
) -> None:
    """A short label under a picture's placeholder or file name names the picture
    (``[圖片]`` / ``神轎起駕``, ``IMG_2846.JPG`` / ``紅燒牛肉麵``): hanging right under it,
    with no blank line between and one (or the next picture) after, or under a numbered
    figure's mark (``图2``) however spaced. A sentence there is a caption the text keeps;
    a heading stands apart from the picture."""
    pictures = [_picture(text) for text in texts]
    for i in range(1, len(blocks)):
        above, sig = verdicts[i - 1], sigs[i]
        if verdicts[i] is not None or above is None or above.label != CAPTION or not pictures[i - 1]:
            continue
        if sig.chars > config.picture_label_max_chars or sig.clauses or sig.ends_sentence:
            continue
        last = i + 1 == len(blocks)
        apart = last or getattr(blocks[i + 1], "blank_above", True) or pictures[i + 1]
        if (not getattr(blocks[i], "blank_above", True) and apart) or _FIGURE_MARK.fullmatch(texts[i - 1].strip()):
            verdicts[i] = Verdict(CAPTION, "caption: a short label under its picture", neutral=True)


def _picture(text: str) -> bool:
    """``text`` is a picture's placeholder or its file name."""
    text = text.strip()
    return _PICTURE.fullmatch(text) is not None or BARE_IMAGE_FILE.fullmatch(text) is not None


#: A video player's controls, each a line of its own where a text dump prints the player ...
_PLAYER_CONTROL = re.compile(r"播放|暂停|暫停|全屏|退出全屏|静音|靜音|倍速|重播|画中画|畫中畫")
#: ... and its clock: where the video is and how long it runs (``00:00`` / ``01:36``).
_PLAYER_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
#: The clock stands this many lines from a control at most, on both sides.
_PLAYER_REACH = 3


def _player_clocks(verdicts: list[Verdict | None], texts: list[str]) -> None:
    """A clock between a video player's controls (``播放`` / ``00:00`` / ``/`` /
    ``01:36`` / ``全屏``) is the player's, not a time the text states: a live report's
    entries open with their times, and a video may stand among them. The slash
    between its two times goes with them."""
    controls = [i for i, text in enumerate(texts) if _PLAYER_CONTROL.fullmatch(text.strip())]
    if not controls:
        return
    clocks = set()
    for i, text in enumerate(texts):
        if _PLAYER_CLOCK.fullmatch(text.strip()) and (verdicts[i] is None or verdicts[i].label == METADATA):
            before = any(i - _PLAYER_REACH <= j < i for j in controls)
            after = any(i < j <= i + _PLAYER_REACH for j in controls)
            if before and after:
                clocks.add(i)
                verdicts[i] = Verdict(CAPTION, "caption: a video player's clock (between its controls)", neutral=True)
    for i in clocks:
        if i + 2 in clocks and texts[i + 1].strip() == "/":
            verdicts[i + 1] = Verdict(CAPTION, "caption: the slash between a video player's two times", neutral=True)


def _alt_texts(
    blocks: list[Block], verdicts: list[Verdict | None], texts: list[str], sigs: list[Signals], config: ClassifyConfig
) -> None:
    """A picture's alt text printed right over its caption, which opens with the same
    words (``卷好的面剂子`` / ``卷好的面剂子要盖上保鲜膜，……。``), names the picture; a
    heading stands apart, or is a shorter term over a longer paragraph."""
    for i in range(len(blocks) - 1):
        label, caption = texts[i].strip(), texts[i + 1].strip()
        if getattr(blocks[i + 1], "blank_above", True) or verdicts[i] is not None:
            continue
        if config.alt_text_min_chars <= sigs[i].chars <= config.picture_label_max_chars and not (sigs[i].clauses or sigs[i].ends_sentence):
            short = sigs[i + 1].chars <= config.alt_caption_max_chars
            if short and len(caption) > len(label) and caption.startswith(label) and sigs[i + 1].ends_sentence:
                verdicts[i] = Verdict(CAPTION, "caption: a picture's alt text over its caption", neutral=True)


def _off_column(blocks: list[Block], sigs: list[Signals], config: ClassifyConfig) -> list[bool]:
    """Blocks of a layout-preserving text dump that sit in another column than the text.

    Only dumps that show a multi-column layout (several lines holding more than one
    cell) are judged; other captures, and HTML blocks, have no columns to compare.
    """
    columns = [getattr(b, "column", None) for b in blocks]
    shared = sum(1 for b in blocks if getattr(b, "shared_line", False))
    if None in columns or shared < config.min_shared_lines:
        return [False] * len(blocks)
    main = main_column(columns, sigs, config.column_tolerance)
    if main is None:
        return [False] * len(blocks)
    # prose is judged by its column only when it is far off: indentation varies more
    # than links do, but not by a sidebar's width (teaser snippets read as prose)
    return [
        abs(col - main) > (config.sidebar_min_offset if sig.sentence_like else config.column_tolerance)
        for col, sig in zip(columns, sigs)
    ]


def _repeats(texts: list[str], sigs: list[Signals], config: ClassifyConfig) -> list[int | None]:
    """For each block, the index of an earlier block with the same text (None if first).

    Pages print the article a second time (print or share versions, hidden copies);
    an article does not repeat its own paragraphs. Short lines repeat legitimately
    (names, "一、" headings, a list of contents before the sections it names), so only
    prose of some length counts, or a line of that length printed three times and more
    (a text browser prints every image's alt text, often the headline), or a line with
    words printed twice in a row (an image's alt text right over its caption).
    """
    first: dict[str, int] = {}
    out: list[int | None] = []
    counts = Counter(texts)
    for i, (text, sig) in enumerate(zip(texts, sigs)):
        copied = sig.sentence_like or (counts[text] >= config.repeat_min_count and sig.cjk + sig.clauses > 0)
        if sig.chars >= config.repeat_min_chars and copied and text in first:
            out.append(first[text])
        elif i and texts[i - 1] == text and sig.chars >= config.repeat_adjacent_min_chars and sig.cjk + sig.clauses > 0:
            out.append(i - 1)
        else:
            out.append(None)
            first.setdefault(text, i)
    return out


#: A cut-off copy is recognised by this many characters before its ellipsis.
_SNIPPET_TAIL_CHARS = 12
_ELLIPSIS = re.compile(r"(?:…{1,2}|\.{3,6})\s*$")


def _cut_off_copies(texts: list[str]) -> dict[int, int]:
    """Blocks that are the start of another block cut off with an ellipsis, and that block.

    A live report's ticker (最新：【22:10】截至22时，全市累计转移安置群众13620人……) or a
    teaser of the text's own paragraph repeats words the page prints in full; the
    words just before the ellipsis (``_SNIPPET_TAIL_CHARS``) are found in the other block.
    A paragraph trailing off (……) is no copy of anything on the page.
    """
    out: dict[int, int] = {}
    for i, text in enumerate(texts):
        cut = _ELLIPSIS.search(text) if text.rstrip().endswith(("…", "...")) else None
        if cut is None:
            continue
        tail = text[: cut.start()].rstrip()[-_SNIPPET_TAIL_CHARS:]
        if len(tail) < _SNIPPET_TAIL_CHARS:
            continue
        whole = next((j for j, other in enumerate(texts) if j != i and tail in other and len(other) > len(tail) + 1
                      and not _ELLIPSIS.search(other)), None)
        if whole is not None:
            out[i] = whole
    return out


#: A pull quote is one sentence of a paragraph this near, printed again on its own.
_PULL_QUOTE_REACH = 3
_PULL_QUOTE_CHARS = (12, 80)
#: ... of a paragraph this long at most (a reader's comment may quote a whole paragraph of
#: the text: then the comment is the copy).
_PULL_QUOTE_PARAGRAPH_CHARS = 500
_QUOTE_END = ("。", "！", "？", "」", "”", "』")
_SENTENCE_STOP = re.compile(r"[。！？!?]+")


def _pull_quotes(texts: list[str], verdicts: list[Verdict | None]) -> dict[int, int]:
    """Blocks that repeat a sentence of a longer paragraph a few blocks away, and that
    paragraph: a magazine sets a striking sentence of its text apart in large type (a
    pull quote, 拉句), and a text dump prints it as a line of its own between paragraphs.
    The paragraph holds more sentences than that one, and no rule removed it (a headline
    is in the page's ``正在阅读：…`` line too)."""
    out: dict[int, int] = {}
    for i, text in enumerate(texts):
        quote = text.strip()
        if not (_PULL_QUOTE_CHARS[0] <= len(quote) <= _PULL_QUOTE_CHARS[1] and quote.endswith(_QUOTE_END)):
            continue
        if len(_SENTENCE_STOP.findall(quote)) != 1:
            continue  # one sentence: a paragraph of several is the text's own, or a copy of it
        near = range(max(0, i - _PULL_QUOTE_REACH), min(len(texts), i + _PULL_QUOTE_REACH + 1))
        whole = next((j for j in near if j != i and verdicts[j] is None and quote in texts[j]
                      and len(text) < len(texts[j]) <= _PULL_QUOTE_PARAGRAPH_CHARS
                      and len(_SENTENCE_STOP.findall(texts[j])) > 1), None)
        if whole is not None:
            out[i] = whole
    return out


def _neutral_list_items(
    values: list[float], texts: list[str], sigs: list[Signals], verdicts: list[Verdict | None]
) -> None:
    """The short items of a list a sentence announces (名单如下：) cost nothing.

    An article's own list follows a lead-in ending with a colon; a sidebar's links do
    not. The run of short, unremoved lines after such a line is made neutral.
    """
    for i in range(1, len(values)):
        lead_in = texts[i - 1].rstrip()[-1:] in ("：", ":") and sigs[i - 1].ends_sentence
        if lead_in:
            j = i
            while j < len(values) and _list_item(verdicts[j], values[j], sigs[j]):
                values[j] = 0.0
                j += 1


#: A table cell that is a number (12, 104400, 3.5%, 1,480): navigation is never numbers.
_NUMBER = re.compile(r"[+\-]?\d[\d,.]*%?")


#: A table's row of this many cells (a date, what, how much) is a record, not a teaser's
#: headline beside its date nor a menu's row ...
_MIN_DATA_ROW_CELLS = 3
#: ... when it holds a figure: an amount, a count of three digits or more, a year (a
#: calendar's rows count 1 to 31).
_FIGURE = re.compile(r"\d[\d,]*\.\d+|\d{3,}")
#: A label's colon or a clause's mark (not the separators inside a number: 1,260.00, 15:00).
_LABEL_OR_CLAUSE = re.compile(r"[：，。；！？]|[:,;](?!\d)")
#: A clock time stamps a post or a teaser (…澳坛真的累了 2005-06-13 15:00:14), not a record.
_CLOCK = re.compile(r"\d:\d\d")


def _data_row(block: Block) -> bool:
    """A text dump's block that is a row of a borderless data table (see ``_FIGURE``):
    no clause in it (a sidebar's cells beside a column of text line up too), no label
    (an info box's row: 发文机关： … 成文日期： …) and no clock (``_CLOCK``)."""
    if getattr(block, "cells", 0) < _MIN_DATA_ROW_CELLS or _LABEL_OR_CLAUSE.search(block.text) or _CLOCK.search(block.text):
        return False
    return _FIGURE.search(block.text) is not None


def _neutral_table_cells(
    values: list[float], texts: list[str], verdicts: list[Verdict | None], config: ClassifyConfig
) -> None:
    """The cells of a table a renderer printed one a line cost nothing.

    A run of short, unremoved lines in which many are plain numbers is a table's
    cells (get_text-style renderers put every cell on its own line), not a link
    list. Numbers that only count 1, 2, 3 ... are a pager or a calendar, not data.
    """
    i = 0
    while i < len(values):
        if verdicts[i] is not None or values[i] >= 0:
            i += 1
            continue
        j = i
        while j < len(values) and verdicts[j] is None and values[j] < 0:
            j += 1
        numbers = [texts[k].strip() for k in range(i, j) if _NUMBER.fullmatch(texts[k].strip())]
        enough = len(numbers) >= max(config.table_min_numbers, config.table_number_share * (j - i))
        if enough and not _counting(numbers):
            for k in range(i, j):
                values[k] = 0.0
        i = j


def _code_listings(texts: list[str], verdicts: list[Verdict | None]) -> None:
    """A program's lines printed one a line (a tutorial's example, a stripped page's
    script) are the text's own inside it and chrome outside it: whatever their symbols,
    links or words, they neither make nor break the text. The line numbers a blog's
    theme prints in the listing's gutter, a number a line just before or after it, go.
    """
    code = code_lines([text.strip() for text in texts])
    i = 0
    while i < len(texts):
        if not code[i]:
            i += 1
            continue
        end = i
        while end < len(texts) and code[end]:
            end += 1
        if end - i >= _MIN_LISTING_LINES:
            for k in [*range(i, end), *_gutter(texts, i, end)]:
                verdicts[k] = _LINE_NUMBERS if k < i or k >= end else _CODE
        i = end


def _gutter(texts: list[str], start: int, end: int) -> range:
    """The line numbers (1, 2, 3 …) right after the listing ``texts[start:end]``, or
    right before it (a gutter printed first); an empty range when there are none."""
    after = end
    while after < len(texts) and texts[after].strip() == str(after - end + 1):
        after += 1
    if after - end >= _MIN_LISTING_LINES:
        return range(end, after)
    first = start
    while first > 0 and texts[first - 1].strip().isdigit():
        first -= 1
    numbers = [text.strip() for text in texts[first:start]]
    if len(numbers) >= _MIN_LISTING_LINES and numbers[0] == "1" and _counting(numbers):
        return range(first, start)
    return range(0)


def _counting(numbers: list[str]) -> bool:
    """The numbers only count up by one (1 2 3 ..., a pager or a calendar's days)."""
    return all(n.isdigit() for n in numbers) and [int(n) for n in numbers] == list(
        range(int(numbers[0]), int(numbers[0]) + len(numbers))
    )


def _list_item(verdict: Verdict | None, value: float, sig: Signals) -> bool:
    """A short line that can be an item of an announced list: not removed (a bullet a
    renderer printed on a line of its own is the list's layout), not a time stamp."""
    return (verdict is None or verdict.neutral) and value <= 0 and not sig.stamped


def _set(block: Block, label: str, reason: str, field: str = "") -> None:
    block.label, block.reason, block.field = label, reason, field

