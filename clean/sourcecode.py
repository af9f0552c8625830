"""Script and style code left in a page's source whose tags were stripped.

A crawler that saves ``re.sub("<[^>]+>", "", page)`` (or ``sed 's/<[^>]*>//g'``) keeps
everything between the tags: the text, but also the bodies of ``<script>`` and
``<style>`` elements (a stylesheet, an analytics snippet, a share widget's settings,
whole libraries: hundreds of lines on a portal) and the HTML entities (decoded by the
repair stage). No renderer prints code, so the classifier would weigh it as text and
let a library outweigh the article.

Code is told apart by its own syntax, one line at a time: a CSS declaration
(``color: #036;``), a JavaScript keyword or statement (``var``, ``function(``,
``document.``, a line ending in ``;`` or ``{``), a lone brace, a comment; the words in
quoted strings do not count (``alert("请输入用户名！")`` is code), any other CJK does
(``今天是：`` before a date script is the page's). Lines of a script that show none of it
(``url: url,``, ``title: false``) sit between lines that do and are code with them.
The classifier uses the same test on every capture: a run of code lines is a listing
(a tutorial's example), the text's own where the text runs on both sides of it.

Only a capture that shows it is a stripped source loses its code: HTML entities left in
the text, or code before the first sentence (a page's head holds its stylesheets and
scripts; a rendered page never starts with them). A programming blog printed by a
browser keeps the code of its examples.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: A string literal, single or double quoted (its words are data, not the page's text).
_QUOTED = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: A comment: code whatever its words (``// 统计代码``, ``# 每页休眠``); one after code
#: too (``init(); // 初始化``, but not ``http://``; ``# `` with its space, not a
#: ``#话题#`` or a colour).
_COMMENT = re.compile(r"^(?://|# )")
_TRAILING_COMMENT = re.compile(r"\s(?://|# ).*$")
#: A CSS declaration (``font-size: 12px;``) or a rule on one line (``.arrow { font: x }``).
_CSS = re.compile(r"[A-Za-z-]+\s*:\s*[^;{}]+;|^[\w\s.#:,>*\[\]=()-]+\{[^{}]*:[^{}]*\}$")
#: JavaScript and Python: a keyword opening the line, a call on ``document``/``window``/
#: jQuery, a function, an arrow, a statement's ``;`` or a block's ``{`` or ``:`` at the
#: end, a closing bracket opening the line, a comment's ends, an object's ``key: value,``,
#: an assignment, a call (``console.log(err)``, ``main()``), a comparison or a logical
#: operator.
_SCRIPT = re.compile(
    r"""^(?:var|let|const|function|return|if|else|for|while|switch|case|try|catch|typeof)\b
    | ^(?:import|from)\s+[\w.]+ | ^(?:def|class|elif|except|with)\b.*:$ | ^(?:break|continue|pass)$
    | \bfunction\s*\( | => | \b(?:document|window|jQuery)\. | \$\(
    | ;$ | \{$ | ^[}\])] | ^(?:/\*|\*/|<!--|-->)
    | ^(?:[\w$]+|"")\s*:\s*\S.*,$ | ^[\w.\[\]"]+\s*[-+*/]?=\s*\S | \w\.\w+\(.*\)[,;]?$ | ^\w+\(.*\)$
    | === | !== | \|\| | &&""",
    re.VERBOSE,
)
#: Code's punctuation; a line of data (``,"view":0,"like":50}``) is mostly that once
#: its strings are emptied.
_PUNCTUATION = frozenset("{}[]();=,:\"'")
_DATA_SHARE = 0.3
_MIN_DATA_CHARS = 8
#: An English sentence (a stripped English page's text): words, then a full stop.
_SENTENCE = re.compile(r"^[A-Z][\w'’,-]*(?: [\w'’,()-]+){5,}[.!?][\"”’]?$")
#: A Chinese sentence: the first one marks where a page's head ends.
_CHINESE_SENTENCE = re.compile(r"[\u3400-\u9fff][^。！？]{8,}[。！？]")
#: Entities left in the text that mark a stripped source (rendered text has none; but
#: a text browser prints ``&amp;`` in an image's address for its name).
MIN_ENTITIES = 3
_TEXT_ENTITY = re.compile(r"&(?!amp;)(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Code lines above the first sentence that mark one.
MIN_HEAD_CODE = 3
#: Lines without code of their own between two code lines (``url: url,``) that are taken
#: for the same script.
MAX_GAP = 4


def looks_like_code(line: str) -> bool:
    """``line`` (stripped) is a line of a program: CSS, JavaScript, Python or data.

    >>> [looks_like_code(x) for x in ('alert("请输入用户名！");', "items = []", "今天是：", "首页 | 新闻")]
    [True, True, False, False]
    """
    if _COMMENT.match(line):
        return True
    if "'" not in line and '"' not in line and _CJK.search(line):
        return False  # (the cheap test first: most lines are text, with no strings)
    rest = _TRAILING_COMMENT.sub("", _ENTITY.sub(" ", _QUOTED.sub('""', line))).strip()
    if not rest or _CJK.search(rest):
        return False
    if len(rest) >= _MIN_DATA_CHARS and sum(map(_PUNCTUATION.__contains__, rest)) >= _DATA_SHARE * len(rest):
        return True  # data: a JSON state object's fields, an array
    return bool(_CSS.search(rest) or _SCRIPT.search(rest))


def code_lines(lines: list[str]) -> list[bool]:
    """Which of ``lines`` (stripped) are code: those that look like it, and the lines with
    no text of their own between two code lines close together (``url: url,``, ``})``
    after a ``break``)."""
    code = [bool(line) and looks_like_code(line) for line in lines]
    marked = list(code)
    previous = None  # the last code line
    for i, line in enumerate(lines):
        if not line or not code[i]:
            continue
        if previous is not None:
            between = [j for j in range(previous + 1, i) if lines[j]]
            if len(between) <= MAX_GAP and not any(_CJK.search(_QUOTED.sub("", lines[j]))
                                                   or _SENTENCE.match(lines[j]) for j in between):
                for j in between:
                    marked[j] = True
        previous = i
    return marked


def _stripped_source(lines: list[str], code: list[bool]) -> bool:
    """Whether the capture shows it is a page source with its tags stripped."""
    if sum(len(_TEXT_ENTITY.findall(line)) for line in lines) >= MIN_ENTITIES:
        return True
    head = 0
    for line, is_code in zip(lines, code):
        if _CHINESE_SENTENCE.search(line):
            break
        head += is_code
    return head >= MIN_HEAD_CODE


def split_source_code(text: str) -> tuple[str, list[str]] | None:
    """``text`` with the code of a stripped page source blanked out (one empty line for
    each, so the lines around stay apart), and the code lines; None when the capture is
    no stripped source.

    Example:
        >>> source = "var _hmt = _hmt || [];\\n.nav li{float:left}\\n$(function(){\\n  init();\\n})\\n标题\\n正文第一句话写在这里了。\\n"
        >>> text, code = split_source_code(source)
        >>> text.split("\\n")
        ['', '', '', '', '', '标题', '正文第一句话写在这里了。', '']
        >>> code[-2:]
        ['init();', '})']
    """
    lines = [line.strip() for line in text.split("\n")]
    code = code_lines(lines)
    if not any(code) or not _stripped_source(lines, code):
        return None
    kept = text.split("\n")
    for i, is_code in enumerate(code):
        if is_code:
            kept[i] = ""
    return "\n".join(kept), [line for line, is_code in zip(lines, code) if is_code]
