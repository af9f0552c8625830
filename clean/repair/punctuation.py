"""Stray commas from converters: ``格局,,堅持``, ``想,、一起``, ``原則,。``, ``完成,，下一步``.

An ASCII comma glued to a following comma or CJK pause/stop mark after CJK text is a
converter artefact; the following mark is the one the author wrote. Doubled
punctuation that writers use on purpose (``？！``, ``……``, ``——``) is not touched.
"""

from __future__ import annotations

import re

from .result import Fixed, make_fixed, substitute

STRAY_COMMA = re.compile(r",(?<=[\u3400-\u9fff\uf900-\ufaff」』”）》)],)(?=[,，、。；：？！])")


def fix_punctuation(text: str) -> Fixed:
    """Drop converter commas glued to other punctuation.

    >>> fix_punctuation("格局,,堅持求同存異,。").text
    '格局,堅持求同存異。'
    """
    if "," not in text:
        return Fixed(text, None)
    new, edits = substitute(STRAY_COMMA, text, lambda m: "")
    return make_fixed("stray_punctuation", new, edits)
