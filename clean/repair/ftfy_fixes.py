"""UTF-8 read as cp1252/Latin-1/MacRoman/... : ftfy's job, with a CJK-safe configuration.

ftfy's defaults are wrong for Chinese: ``fix_character_width`` turns full-width
punctuation into ASCII, ``uncurl_quotes`` flattens “”, NFC normalisation rewrites
compatibility ideographs and ``fix_line_breaks`` rewrites ``\\r``. Only the encoding
fixes stay on; entities are handled by ``entities.py`` (which never invents a newline).
"""

from __future__ import annotations

import ftfy

CJK_SAFE = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def ftfy_line(line: str) -> str:
    """ftfy's encoding repair of one line, nothing else.

    >>> ftfy_line("ç»Ÿä¸€æˆ˜çº¿ï¼Œâ€œå›¢ç»“â€\x9d")
    '统一战线，“团结”'
    """
    return ftfy.fix_text(line, CJK_SAFE)
