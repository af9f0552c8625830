"""HTML entities left in text: ``&nbsp;``, ``&#20013;``, ``&#x4e2d;``, ``&amp;#20013;``.

Only complete entities (ending in ``;``) are decoded, so ``AT&T`` and ``&copy 2024``
prose stay as written. Double-escaped references (``&amp;#20013;``, what a form posts
for a character outside the page's charset) are decoded in one step. An entity that
would produce a line break or a control character is kept: the stage must not change
the line structure.
"""

from __future__ import annotations

import html
import re

from .detect import BROKEN, char_score
from .result import Fixed, make_fixed, substitute

ENTITY = re.compile(r"&(?:amp;)?(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decode(match: re.Match[str]) -> str | None:
    raw = match.group(0)
    entity = "&" + raw[5:] if raw.startswith("&amp;") and len(raw) > 5 else raw
    text = html.unescape(entity)
    if text == entity or any(c in "\r\n" or char_score(c) == BROKEN for c in text):
        return None
    return text


def fix_entities(text: str) -> Fixed:
    """Decode HTML entities and double-escaped character references.

    >>> fix_entities("&#20013;&#25991;&amp;#27979;&nbsp;AT&T R&amp;D").text
    '中文测\\xa0AT&T R&D'
    """
    if "&" not in text:
        return Fixed(text, None)
    new, edits = substitute(ENTITY, text, _decode)
    return make_fixed("html_entity", new, edits)
