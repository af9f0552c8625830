"""Tunables of the cleaning stages, one frozen section per stage.

``CleanConfig`` is built once (by the CLI from ``--config FILE`` or by the caller) and
passed down; no stage reads a global. Each stage owns its own section so that a TOML
file reads as ``[clean.repair]``, ``[clean.classify]``, ``[clean.html]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DecodeConfig:
    """How raw bytes become text (see ``clean.decode``)."""

    #: Largest share of undecodable bytes tolerated in an otherwise valid UTF-8 file
    #: (a capture cut mid-character) before other encodings are tried.
    utf8_max_invalid_ratio: float = 0.001


@dataclass(frozen=True)
class RepairConfig:
    """Mojibake repair (see ``clean.repair``)."""

    enabled: bool = True
    #: How much more plausible (mean per-character score, see ``clean.repair.detect``) a
    #: re-decoded stretch must be before it replaces the text.
    min_plausibility_gain: float = 1.0
    #: Converter pinyin annotations are removed only when the document has at least this
    #: many valid ones, on at least this many different characters ...
    pinyin_min_annotations: int = 3
    #: ... this share of all ``字(pinyin)`` candidates is a real reading of the character ...
    pinyin_min_valid_share: float = 0.8
    #: ... this share of them sits on Traditional-only characters (what converters annotate) ...
    pinyin_min_traditional_share: float = 0.8
    #: ... they cover this share of the document's Traditional-only characters ...
    pinyin_min_coverage: float = 0.25
    #: ... and this share of them is followed by another Han character (running text,
    #: not a quiz's or a glossary's list of items).
    pinyin_min_inline_share: float = 0.5
    #: Whole-file re-decoding: how much more plausible another decoding must be.
    redecode_min_gain: float = 0.5


@dataclass(frozen=True)
class ClassifyConfig:
    """Block classification (see ``clean.classify``)."""

    #: Lexicon files to use (names under ``clean/lexicons/`` without ``.txt``); empty = all.
    lexicons: tuple[str, ...] = ()
    #: A lexicon phrase removes any block up to this many characters ...
    short_block_chars: int = 25
    #: ... and a block that does not read as prose up to this many.
    chrome_max_chars: int = 200
    #: Longest block a disclaimer phrase removes (longer ones are articles about law).
    disclaimer_max_chars: int = 600
    #: Longest block a promotion phrase removes even when it reads as prose.
    promo_max_chars: int = 80
    #: Longest block read as a byline/metadata line (来源：…, 作者：…, a date).
    metadata_max_chars: int = 120
    #: A line opened by a person label (记者：, 作者：) that ends like a sentence and has at
    #: least this many characters is speech in an interview, not a byline.
    speech_min_chars: int = 20
    #: Longest unlabelled line with a date read as a dateline (above the text only).
    dateline_max_chars: int = 60
    #: Longest block read as a related-reading header.
    header_max_chars: int = 20
    #: Longest block read as a section's heading (项目概况) opening a text dump's text.
    heading_max_chars: int = 16
    #: A related-reading label with its link on the line (此前报道：标题, 上一篇：标题).
    labelled_link_max_chars: int = 80
    #: A row of links: average characters per item between separators at most this.
    nav_item_max_chars: int = 12
    #: HTML blocks with at least this share of link text are chrome.
    link_density_max: float = 0.6
    #: Main-text search: cost of a short non-prose block (a heading costs little, a list a lot).
    short_block_penalty: float = 12.0
    #: ... characters of a non-prose block count this much towards the main text.
    nonsentence_weight: float = 0.3
    #: ... cost of a block a local rule removed.
    removed_penalty: float = 40.0
    #: ... a cut-off, counted or time-stamped block up to this many characters is a teaser
    #: or a listing's line and costs as much; a longer one is prose (a renderer that
    #: flattened a table cell prints a post's time stamp and all its paragraphs as one line).
    teaser_max_chars: int = 500
    #: ... a longer line is a list run together (a renderer that flattened a table cell
    #: prints a forum's whole reply tree as one line) when it holds at least three dated
    #: stamps, one every this many characters or fewer.
    run_together_item_max_chars: int = 80
    #: ... cost of a metadata line (bylines sit next to, and sometimes inside, the text).
    metadata_penalty: float = 3.0
    #: ... weight of prose after the first related/comment header.
    after_header_weight: float = 0.25
    #: Prose after a related header that makes it an inline box, not the tail (characters).
    continuation_min_chars: int = 150
    #: Text dumps with a multi-column layout (at least this many lines holding several
    #: cells): blocks starting more than ``column_tolerance`` columns away from the
    #: article's column are sidebars.
    min_shared_lines: int = 3
    column_tolerance: int = 6
    #: ... and prose (a sidebar's teaser snippets read as sentences) only when it starts
    #: at least this many columns away: a sidebar's width, not a paragraph's indentation.
    sidebar_min_offset: int = 40
    #: A block repeating an earlier one of at least this many characters is a copy.
    repeat_min_chars: int = 20
    #: ... or a line of that length that is not prose, printed this many times.
    repeat_min_count: int = 3
    #: A line with words, this long at least, printed twice in a row is a copy too (an
    #: image's alt text over its caption).
    repeat_adjacent_min_chars: int = 6
    #: A run of short lines with at least this many plain numbers, making at least this
    #: share of the run, is a table printed one cell a line: its cells cost nothing.
    table_min_numbers: int = 4
    table_number_share: float = 0.3
    #: A text dump whose best run of prose holds less than this share of the longest
    #: stretch of unremoved blocks (of at least ``listing_min_chars``) is a listing
    #: (a schedule, a table): that stretch is its text.
    listing_prose_share: float = 0.2
    listing_min_chars: int = 1000
    #: A dated post header near the top of the text starts it when the prose above it
    #: is less than this share of the prose below (a profile box, not the post).
    post_header_prose_share: float = 0.3
    #: HTML: an undated line of at least this many words between the headline and the
    #: text, in a language that spaces its words, is a standfirst (body).
    standfirst_min_words: int = 8
    #: A closing signature: at most this many short lines (of at most this many
    #: characters) between the text and the date that ends it.
    signature_max_lines: int = 3
    signature_max_chars: int = 30
    #: At most this many lines between the text and the editor's line that closes it.
    closing_max_lines: int = 8
    #: A page with at least this many section headings carrying an edit link (wikis,
    #: encyclopedias: ``历史 [编辑]``) is a structured article that runs through them.
    edit_headings_min: int = 3
    #: Metadata and title lines are looked for this many blocks around the main text.
    metadata_window: int = 10
    #: A title shares at least this share of its character bigrams with the article ...
    title_min_overlap: float = 0.4
    #: ... of which the opening characters (this many) are compared.
    title_body_chars: int = 1000
    #: ... or, in the headline's place above the dateline, this many of them.
    title_placed_min_shared: int = 3
    #: Title length bounds (characters).
    title_min_chars: int = 4
    title_max_chars: int = 80
    #: A label of at most this many characters under a picture names the picture (a caption).
    picture_label_max_chars: int = 12
    #: A picture's alt text printed over its caption names it in a phrase of at least this
    #: many characters (a term heading its paragraph is often shorter: 水闸 / 水闸是……) ...
    alt_text_min_chars: int = 4
    #: ... and the caption is this long at most: a paragraph under a heading with the same
    #: opening words runs longer.
    alt_caption_max_chars: int = 60
    #: A headline wrapped at the page's width ends on a line of at most this many characters (……作的通知).
    wrapped_title_tail_chars: int = 10
    #: A headline that reads as a sentence (it asks or exclaims) has at most this many clause marks.
    title_max_clauses: int = 3


@dataclass(frozen=True)
class HtmlConfig:
    """The HTML front end (see ``clean.htmlblocks``)."""

    #: Keep tables that belong to the article body (rows become lines).
    keep_tables: bool = True
    #: Table rows whose cells hold at most this many characters are data (one line per
    #: row); longer cells make a layout table, walked block by block.
    max_cell_chars: int = 200
    #: A line with more than this share of its characters inside links is a link, not text.
    max_link_density: float = 0.5
    #: Lines shorter than this (characters outside links) with no punctuation are labels,
    #: menu entries or bylines rather than running text ...
    min_plain_chars: int = 10
    #: ... or, in languages that space their words, with fewer words than this ...
    min_plain_words: int = 5
    #: ... and count this fraction of their length against the subtree that holds them.
    label_penalty: float = 0.5
    #: Lines shorter than this with a date or time in them are bylines, teaser entries
    #: or comment headers, and count against the subtree that holds them.
    max_byline_chars: int = 60
    #: Class/id prefixes of page furniture: regular expressions matched at the start of a
    #: class or id token (``nav`` matches ``navbar`` and ``top-nav`` but not ``canvas``;
    #: ``foot`` matches the footer but not a ``footnote``).
    furniture_hints: tuple[str, ...] = (
        "nav", "menu", "breadcrumb", "crumb", "foot(?!note)", "bottom", "sidebar", "side",
        "share", "social", "comment", "related", "recommend", "copyright", "login",
        "toolbar", "hot", "rank", "banner", "pagination", "pager", "subscribe", "popup",
        "modal", "cookie",
    )
    #: A page whose text is this many look-alike records, each with its own dated byline
    #: (forum posts, a blog's front page), is cut to its first record; 0 turns this off.
    min_records: int = 3
    #: ... when the records hold at least this share of the article's text.
    record_share: float = 0.8
    #: How far above the article (in lines) to look for its headline ...
    max_header_lines: int = 20
    #: ... and how long a headline or byline line may be.
    max_header_chars: int = 120
    #: Lines at the start and at the end of the article searched for byline fields
    #: (``来源：``, ``责任编辑：``, reporter names).
    byline_lines: int = 4
    #: How much of a long first paragraph is searched for a wire-style byline.
    lead_chars: int = 40
    #: An element matching a furniture hint is still the article if it holds at least
    #: this share of the page's running text.
    hint_max_share: float = 0.9


@dataclass(frozen=True)
class TemplateConfig:
    """Site templates found across the text captures of one batch (see ``clean.templates``)."""

    enabled: bool = True
    #: A line is a template line when at least this many captures with text of their own print it ...
    min_captures: int = 3
    #: ... a capture having text of its own when at least this share of its prose is in
    #: lines no other capture prints (copies of one article share theirs).
    own_text_share: float = 0.3


@dataclass(frozen=True)
class CleanConfig:
    """Everything ``clean.clean_capture`` can be tuned with."""

    decode: DecodeConfig = field(default_factory=DecodeConfig)
    repair: RepairConfig = field(default_factory=RepairConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    html: HtmlConfig = field(default_factory=HtmlConfig)
    templates: TemplateConfig = field(default_factory=TemplateConfig)
