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
from clean.classify.lexicon import Lexicon, script_variants
from clean.classify.signals import Signals
from clean.config import ClassifyConfig

#: Lexicons of headers that open a tail section, with the label they give.
SECTION_LEXICONS: tuple[tuple[str, str], ...] = (("related", RELATED), ("comments", WIDGET))
#: Lexicons whose phrases remove short or non-sentence blocks, with the label they give.
PHRASE_LEXICONS: tuple[tuple[str, str], ...] = (
    ("breadcrumb", CHROME),
    ("share", CHROME),
    ("widget", WIDGET),
    ("caption", CAPTION),
    ("chrome", CHROME),
)


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


@dataclass(frozen=True)
class MetadataLabels:
    """The metadata label lexicon compiled into one regular expression."""

    field_of: dict[str, str]
    pattern: re.Pattern[str]

    @classmethod
    def parse(cls, lines: list[str]) -> MetadataLabels:
        """Build from ``metadata_labels.txt`` lines (``field label``).

        Labels are matched on the original text, so that values are cut out in the
        capture's own script: each Simplified label is added with its Traditional forms.
        """
        field_of: dict[str, str] = {}
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            field, label = line.split(None, 1)
            for form in script_variants(label):
                field_of[form.casefold()] = field
        labels = sorted(field_of, key=len, reverse=True)
        alternation = "|".join(re.escape(label) for label in labels)
        # a label opens a field when a colon (or a bracket around the label) follows it
        pattern = re.compile(rf"(?:^|(?<=[\s\[【(（|｜/]))(?P<label>{alternation})\s*(?:[:：]|[】\]]\s*)", re.I)
        return cls(field_of, pattern)

    def leading_field(self, text: str) -> str | None:
        """The field whose label opens ``text``, or None."""
        found = self.pattern.match(text.lstrip("[【(（ \u3000"))
        return self.field_of[found.group("label").casefold()] if found else None


def local_verdict(
    text: str,
    folded: str,
    sig: Signals,
    lexicons: dict[str, Lexicon],
    labels: MetadataLabels,
    config: ClassifyConfig,
) -> Verdict | None:
    """Judge one block on its own; ``None`` means "nothing against it being body".

    ``text`` is the block as captured, ``folded`` its matching form (Simplified, no white space, case folded).
    """
    if sig.chars == 0 or not any(ch.isalnum() for ch in folded):
        return Verdict(CHROME, "chrome: no text, only symbols")
    short = sig.chars <= config.short_block_chars
    if "disclaimer" in lexicons:
        entry = lexicons["disclaimer"].match(folded)
        if entry and (short or sig.chars <= config.disclaimer_max_chars):
            return Verdict(DISCLAIMER, f"disclaimer: lexicon 'disclaimer' matched '{entry}'")
    if sig.chars <= config.metadata_max_chars and not sig.ends_sentence:
        field = labels.leading_field(text)
        if field:
            return Verdict(METADATA, f"metadata: label for '{field}'", field, labelled=True)
        if sig.dated and (sig.date_only or sig.chars <= config.dateline_max_chars):
            return Verdict(METADATA, "metadata: date line", "date")
    if sig.chars <= config.header_max_chars:
        for name, label in SECTION_LEXICONS:
            entry = lexicons[name].match(folded) if name in lexicons else None
            if entry:
                return Verdict(label, f"{label}: lexicon '{name}' matched '{entry}'", starts_section=True)
    removable = short or (not sig.sentence_like and sig.chars <= config.chrome_max_chars)
    if removable:
        for name, label in PHRASE_LEXICONS:
            if name in lexicons:
                entry = lexicons[name].match(folded)
                if entry:
                    return Verdict(label, f"{label}: lexicon '{name}' matched '{entry}'")
    if not sig.sentence_like and sig.separators >= 2 and sig.chars <= config.chrome_max_chars:
        items = sig.separators + 1
        if sig.chars / items <= config.nav_item_max_chars:
            return Verdict(CHROME, f"chrome: link row ({items} items between separators)")
    return None
