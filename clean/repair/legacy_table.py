"""Punctuation from an old GB2312 table: ``・`` for ``·`` and ``―`` for ``—``.

GB2312 bytes A1A4 (the middle dot of 间隔号, ``马克・吐温``) and A1AA (the stroke of the
破折号 ``——``) have two mappings: the one browsers and GBK/GB18030 decoders use (U+00B7,
U+2014) and an older one some converters still ship (Python's ``gb2312`` codec among
them: U+30FB KATAKANA MIDDLE DOT, U+2015 HORIZONTAL BAR). A page decoded with the old
table shows Japanese punctuation in Chinese text, and its copies decoded the usual way
no longer match it character for character.

The table is a property of the whole document, so the decision is too: a document in
Han characters with no kana at all (Japanese text uses ``・`` and ``―`` on purpose, and
a Chinese page quoting Japanese keeps them) gets the usual marks back everywhere, in
``13―15岁`` as in ``说――这``.
"""

from __future__ import annotations

import re

from .result import Fixed, make_fixed, substitute

OLD_TABLE = {"\u30fb": "\u00b7", "\u2015": "\u2014"}
OLD_MARKS = re.compile("[\u30fb\u2015]")
HAN = re.compile("[\u3400-\u9fff]")
KANA = re.compile("[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d]")


def fix_legacy_table(text: str) -> Fixed:
    """Map the old table's marks back when the document is Chinese text decoded with it.

    >>> fix_legacy_table("马克・吐温说――13―15岁的孩子").text
    '马克·吐温说——13—15岁的孩子'
    >>> fix_legacy_table("東京・大阪の旅――楽しかった").text
    '東京・大阪の旅――楽しかった'
    """
    if OLD_MARKS.search(text) is None or HAN.search(text) is None or KANA.search(text):
        return Fixed(text, None)
    new, edits = substitute(OLD_MARKS, text, lambda m: OLD_TABLE[m.group()])
    return make_fixed("legacy_gb2312_table", new, edits)
