"""clean_capture: one capture in, clean body text and metadata out.

capture -> decode -> blocks (text or HTML front end) -> repair -> classify -> metadata.
A BBS post's text dump is labelled by its fixed structure instead (``clean.bbs``).
Pure: no file system, no globals; the batch engine in ``pagewash.batch`` does the I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from clean.bbs import post_metadata, split_bbs_post
from clean.blocks import BODY, CHROME, REMOVED_LABELS, Block
from clean.capture import HTML, KINDS, TEXT, sniff_kind
from clean.classify import classify_blocks
from clean.config import CleanConfig
from clean.decode import UTF8_METHODS, decode_bytes
from clean.htmlblocks import extract_html_blocks
from clean.linknumbers import split_link_list, unpadded
from clean.markdown import looks_like_markdown, split_markdown_blocks
from clean.metadata import extract_metadata
from clean.repair import Repair, redecode, repair_mojibake
from clean.sourcecode import split_source_code
from clean.templates import Survey, mark_templates, survey_blocks
from clean.textblocks import split_text_blocks

OK = "ok"
EMPTY = "empty"

#: Removed blocks keep this many characters of their text in the audit trail.
AUDIT_TEXT_CHARS = 160


@dataclass(frozen=True)
class Removal:
    """A block that was removed, and why (for the manifest's audit trail)."""

    index: int
    label: str
    reason: str
    text: str
    chars: int


@dataclass(frozen=True)
class CleanResult:
    """What ``clean_capture`` made of one capture.

    Attributes:
        text: the article body, one paragraph per line ("" when nothing is left).
        status: ``ok``, or ``empty`` when no body text is left.
        reason: why the status is not ``ok`` (None when it is).
        kind: ``html`` or ``text``.
        encoding: the codec the bytes were decoded with (None when given a str).
        metadata: title, date, source, author, editor, keywords ... (only those found).
        removed: every removed block with its label and the rule that fired.
        repairs: every mojibake repair applied.
        residual_damage: share of characters removed as unrecoverable garbage.
    """

    text: str
    status: str
    reason: str | None
    kind: str
    encoding: str | None
    metadata: dict = field(default_factory=dict)
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    residual_damage: float = 0.0


def clean_capture(
    data: bytes | str, *, kind: str | None = None, config: CleanConfig | None = None,
    templates: Mapping[int, int] | None = None,
) -> CleanResult:
    """Clean one capture: keep the article body, move title and bylines to metadata,
    remove chrome with a recorded reason.

    Args:
        data: the capture's raw bytes (decoded by sniffing) or already-decoded text.
        kind: ``"html"`` or ``"text"``; sniffed from the content when None.
        config: tunables; defaults when None.
        templates: the site template lines of a text capture, as ``find_templates``
            found them across a batch (``{line key: captures printing it}``); a batch
            engine passes them, a single capture has none.

    Raises:
        clean.errors.CaptureError: the input is not a usable capture (binary data ...).

    >>> clean_capture("第一段正文。\\n\\n第二段正文。", kind="text").text
    '第一段正文。\\n第二段正文。'
    """
    config = config or CleanConfig()
    text, encoding, repairs = _decode(data, config)
    kind = _kind(kind, text)

    html_metadata: dict = {}
    fallback: dict = {}
    furniture: list[Block] = []
    post = False  # a BBS post's blocks come labelled by its structure
    if kind == HTML:
        extraction = extract_html_blocks(text, config.html)
        blocks, html_metadata, fallback = extraction.blocks, extraction.metadata, extraction.fallback
    else:
        blocks, furniture, post = _text_blocks(text)
        if not post:  # (a post's lines are labelled already: templates have nothing to add)
            mark_templates(blocks, templates or {})
    residual_damage = 0.0
    if config.repair.enabled:
        blocks, block_repairs, residual_damage = _repair_blocks(blocks, config)
        repairs.extend(block_repairs)

    if post:
        blocks += furniture
        metadata = post_metadata(blocks)
    else:
        blocks = classify_blocks(blocks, config.classify) + furniture
        metadata = {**fallback, **extract_metadata(blocks), **html_metadata}
    body = "\n".join(block.text for block in blocks if block.label == BODY and block.text)
    removed = tuple(
        Removal(i, b.label, b.reason, b.text[:AUDIT_TEXT_CHARS], len(b.text))
        for i, b in enumerate(blocks) if b.label in REMOVED_LABELS
    )
    status, reason = (OK, None) if body else (EMPTY, f"no body text left ({len(blocks)} blocks, {len(removed)} removed)")
    return CleanResult(body, status, reason, kind, encoding, metadata, removed, tuple(repairs), residual_damage)


def survey_capture(data: bytes | str, *, kind: str | None = None, config: CleanConfig | None = None) -> Survey:
    """The first pass of a batch: the lines of one capture, for ``find_templates``.

    Only text captures are surveyed: an HTML page's structure tells its template apart
    by itself. Decoding and splitting are those of ``clean_capture``, so the keys match.
    """
    config = config or CleanConfig()
    text, _, _ = _decode(data, config)
    if _kind(kind, text) == HTML:
        return Survey.empty()
    return survey_blocks(_text_blocks(text)[0])


def _decode(data: bytes | str, config: CleanConfig) -> tuple[str, str | None, list[Repair]]:
    """Text, the codec it was decoded with (None for a str) and the re-decoding repair, if any."""
    if not isinstance(data, bytes):
        return data, None, []
    decoded = decode_bytes(data, config.decode)
    # Bytes that are (nearly all) valid UTF-8 are UTF-8: that is never an accident for
    # CJK legacy encodings, so any mojibake in them happened before the capture was
    # saved and is the text repairs' job, not a re-decoding's.
    if config.repair.enabled and decoded.method not in UTF8_METHODS:
        better = redecode(data, decoded.text, decoded.encoding, min_gain=config.repair.redecode_min_gain)
        if better is not None:
            return better[0], better[1], [Repair("redecode", 1, ((decoded.encoding, better[1]),))]
    return decoded.text, decoded.encoding, []


def _kind(kind: str | None, text: str) -> str:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return kind or sniff_kind(text)


#: Why a text browser's list of link addresses is removed.
LINK_LIST_REASON = "chrome: the text browser's list of the links it numbered (References)"
#: Why the code of a stripped page source is removed.
SOURCE_CODE_REASON = "chrome: script or style code (a page source with its tags stripped)"


def _text_blocks(text: str) -> tuple[list[Block], list[Block], bool]:
    """A text or Markdown capture's blocks, the blocks removed before classification
    (a text browser's list of link addresses, a stripped source's code; already
    labelled), and whether the blocks are a BBS post's, labelled by its structure."""
    if looks_like_markdown(text):
        return split_markdown_blocks(text), [], False
    source = split_source_code(text)
    text, code = source or (text, [])
    text, listed = split_link_list(text)
    furniture = [Block(line, label=CHROME, reason=SOURCE_CODE_REASON) for line in code] + [
        Block(line, label=CHROME, reason=LINK_LIST_REASON) for line in listed]
    post = split_bbs_post(unpadded(text))
    if post is not None:
        return post, furniture, True
    blocks = split_text_blocks(text, flow=source is not None)
    if listed:
        for block in blocks:
            block.text = unpadded(block.text).strip()
        blocks = [block for block in blocks if block.text]  # a line of link numbers alone
    return blocks, furniture, False


def _repair_blocks(blocks: list[Block], config: CleanConfig) -> tuple[list[Block], tuple[Repair, ...], float]:
    """Repair all blocks in one call, so that document-level evidence (several pinyin
    annotations, say) is seen; ``repair_mojibake`` keeps newlines, so the blocks split back."""
    joined = "\n".join(block.text for block in blocks)
    result = repair_mojibake(joined, config.repair)
    if result.text == joined:
        return blocks, result.repairs, result.residual_damage
    lines = result.text.split("\n")
    if len(lines) != len(blocks):
        raise AssertionError("repair_mojibake must not add or remove newlines")
    repaired = []
    for block, line in zip(blocks, lines):
        block.text = line.strip()
        if block.text:
            repaired.append(block)
    return repaired, result.repairs, result.residual_damage
