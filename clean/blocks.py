"""The unit every cleaning stage works on: one block of a capture.

Both front ends (plain-text dumps and HTML) turn a capture into an ordered list of
blocks; the one classifier then labels each block, and the metadata stage reads the
labelled blocks. Keeping the shape small and shared is what makes "one classifier, two
front ends" possible.
"""

from __future__ import annotations

from dataclasses import dataclass

BODY = "body"
TITLE = "title"
METADATA = "metadata"
CHROME = "chrome"
DISCLAIMER = "disclaimer"
RELATED = "related"
WIDGET = "widget"
CAPTION = "caption"

#: Labels whose blocks stay in the cleaned text.
KEPT_LABELS = frozenset({BODY})
#: Labels whose blocks are moved into the metadata rather than dropped.
METADATA_LABELS = frozenset({TITLE, METADATA})
#: Labels whose blocks are removed, and recorded with their reason.
REMOVED_LABELS = frozenset({CHROME, DISCLAIMER, RELATED, WIDGET, CAPTION})
LABELS = KEPT_LABELS | METADATA_LABELS | REMOVED_LABELS


@dataclass(slots=True)
class Block:
    """One paragraph-sized piece of a capture, in reading order.

    Attributes:
        text: the block's text, one paragraph, no newline inside.
        label: one of ``LABELS``; front ends emit ``body`` and the classifier decides.
        reason: why the label was given: the rule, lexicon entry or signal that fired
            (empty while the block is plain body). Recorded in the manifest for audit.
        tag: HTML front end only: the element the block came from (``p``, ``h1``,
            ``li``, ``td`` ...); empty for text captures.
        link_density: HTML front end only: share of the block's characters inside links.
        field: for ``metadata``/``title`` blocks, the metadata field they fill
            (``date``, ``source``, ``author`` ...).
        verbatim: preformatted text (a Markdown code block): its words are code, not
            chrome, so no local rule judges them; it belongs to the text it sits in.
        template: text captures cleaned in a batch: how many captures of the batch
            print this same line, when it is a site template line (``clean.templates``);
            0 when it is not one.
        headline: HTML front end only: the page's markup names this block its headline
            (the line the ``<title>`` holds, or the heading right above the article), so
            it is the title whatever words it shares with the text.
    """

    text: str
    label: str = BODY
    reason: str = ""
    tag: str = ""
    link_density: float = 0.0
    field: str = ""
    verbatim: bool = False
    template: int = 0
    headline: bool = False
