"""The project's own corpus: every capture in ``fixtures/pages`` against its gold.

One parametrised test runs ``clean.clean_capture`` over every capture and compares the
body with ``fixtures/gold/<id>.txt`` (ignoring white space, so line wrapping inside a
paragraph does not matter) and each metadata field the gold ``.meta.json`` names. Known
failures are data (``fixtures/known-failures.txt``), so the cleaners can improve without
editing this file. The remaining tests keep the corpus itself consistent: every capture has
its gold and vice versa, gold files are well formed, ``dedup.json`` names real captures, and
every gold paragraph really occurs in its capture (so a hand edit of a gold file cannot
drift from the page).
"""

from __future__ import annotations

import contextlib
import functools
import difflib
import html
import itertools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clean import clean_capture
from clean.capture import kind_from_name, read_capture
from pagewash.config import BatchConfig
from tests.conftest import FIXTURES

PAGES = FIXTURES / "pages"
GOLD = FIXTURES / "gold"
KNOWN_FAILURES = FIXTURES / "known-failures.txt"
DEDUP = FIXTURES / "dedup.json"

META_KEYS = frozenset({"title", "subtitle", "original_title", "date", "updated", "source", "author", "editor", "keywords"})
GOLD_DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")
#: How an extracted date may be written: ISO or the gold's own form, seconds and zone optional.
FOUND_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?")
#: Encodings the captures are written in; used only by the corpus self-check.
CAPTURE_ENCODINGS = ("utf-8", "gb18030", "big5")
WHITESPACE = re.compile(r"\s+")


def _captures() -> list[Path]:
    return sorted(p for p in PAGES.rglob("*") if p.is_file()) if PAGES.is_dir() else []


def capture_id(path: Path) -> str:
    """The capture's id: its path relative to ``fixtures/pages`` (as in ``dedup.json``)."""
    return path.relative_to(PAGES).as_posix()


def base_name(capture: str) -> str:
    """``gov/notice.html.gz`` -> ``gov/notice.html``: compression is not part of the kind."""
    return capture[:-3] if capture.endswith(".gz") else capture


def gold_stem(capture: str) -> str:
    """``gov/notice.html.gz`` -> ``gov/notice``: gold files are ``<stem>.txt`` and ``<stem>.meta.json``."""
    name = base_name(capture)
    return name.rsplit(".", 1)[0]


def capture_bytes(path: Path) -> bytes:
    """The capture's bytes as the batch engine reads them (``.gz`` decompressed)."""
    return read_capture(path, BatchConfig().max_bytes)


def squash(text: str) -> str:
    return WHITESPACE.sub("", text)


def load_known_failures() -> dict[str, str]:
    """``id  reason`` per line; blank lines and ``#`` comments are ignored."""
    if not KNOWN_FAILURES.is_file():
        return {}
    known = {}
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            capture, _, reason = line.partition(" ")
            known[capture] = reason.strip() or "known failure"
    return known


def _cases() -> list:
    known = load_known_failures()
    cases = []
    for path in _captures():
        cid = capture_id(path)
        marks = [pytest.mark.xfail(reason=known[cid], strict=False)] if cid in known else []
        cases.append(pytest.param(path, id=cid, marks=marks))
    return cases


def _gold(capture: str) -> tuple[str, dict]:
    stem = gold_stem(capture)
    body = (GOLD / f"{stem}.txt").read_text(encoding="utf-8")
    meta = json.loads((GOLD / f"{stem}.meta.json").read_text(encoding="utf-8"))
    return body, meta


def _body_mismatch(expected: str, got: str) -> str:
    """A short line diff, so a failure shows which paragraphs were lost or kept wrongly."""
    diff = difflib.unified_diff(expected.splitlines(), got.splitlines(), "gold", "cleaned", lineterm="", n=0)
    lines = [line[:120] for line in diff]
    return "\n".join(lines[:40] + (["..."] if len(lines) > 40 else []))


def _date_matches(expected: str, found: object) -> bool:
    """The gold date is written to the precision the page shows (day, or minute); a
    cleaner may find more (a meta tag with the time) but must agree on what the gold has."""
    match = FOUND_DATE.search(str(found))
    if not match:
        return False
    year, month, day, hour, minute = match.groups()
    normalised = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        normalised += f" {int(hour):02d}:{minute}"
    return normalised[: len(expected)] == expected


def _field_matches(key: str, expected: object, found: object) -> bool:
    if key in ("date", "updated"):
        return _date_matches(str(expected), found)
    if key == "keywords":
        items = found if isinstance(found, (list, tuple)) else re.split(r"[,，;；、\s]+", str(found))
        return [str(i).strip() for i in items if str(i).strip()] == expected
    return WHITESPACE.sub(" ", str(found)).strip() == WHITESPACE.sub(" ", str(expected)).strip()


@pytest.mark.parametrize("path", _cases())
def test_capture_cleans_to_gold(path: Path) -> None:
    cid = capture_id(path)
    expected_body, expected_meta = _gold(cid)
    result = clean_capture(capture_bytes(path), kind=kind_from_name(cid))
    same_body = squash(result.text) == squash(expected_body)
    assert same_body, f"{cid}: body differs from gold\n{_body_mismatch(expected_body, result.text)}"
    wrong = {key: result.metadata.get(key) for key, value in expected_meta.items()
             if key not in result.metadata or not _field_matches(key, value, result.metadata[key])}
    assert not wrong, f"{cid}: metadata differs from gold: got {wrong}, expected {expected_meta}"


# --- the corpus itself -------------------------------------------------------------------


def test_corpus_is_there() -> None:
    assert len(_captures()) >= 30


def test_every_capture_has_gold_and_every_gold_has_a_capture() -> None:
    captures = [capture_id(p) for p in _captures()]
    assert all(kind_from_name(c) for c in captures), f"not a capture name: {captures}"
    stems = [gold_stem(c) for c in captures]
    assert len(stems) == len(set(stems)), "two captures share one gold file"
    expected = {f"{s}.txt" for s in stems} | {f"{s}.meta.json" for s in stems}
    present = {p.relative_to(GOLD).as_posix() for p in GOLD.rglob("*") if p.is_file()}
    assert not expected - present, f"captures without gold: {sorted(expected - present)}"
    assert not present - expected, f"gold without a capture: {sorted(present - expected)}"


@pytest.mark.parametrize("path", _captures(), ids=capture_id)
def test_gold_is_well_formed(path: Path) -> None:
    body, meta = _gold(capture_id(path))
    assert body.endswith("\n") and body.strip(), "gold body: non-empty, ends with a newline"
    assert all(line.strip() == line and line for line in body.splitlines()), "one trimmed paragraph a line"
    assert set(meta) <= META_KEYS, f"unknown metadata keys {set(meta) - META_KEYS}"
    for key in ("date", "updated"):
        if key in meta:
            assert GOLD_DATE.fullmatch(meta[key]), meta[key]
    if "keywords" in meta:
        assert isinstance(meta["keywords"], list) and all(isinstance(k, str) and k for k in meta["keywords"])


#: Markdown captures (``.md``/``.markdown``) for the corpus self-check only, written here and
#: not taken from ``clean/`` so the check does not depend on the code it guards: images
#: go, a link becomes its text, a footnote ``[^1]``/``[^1]:`` becomes ``[1]``, and bullet
#: markers at a line start go; the markup characters below are then deleted from both the
#: capture and the gold, so every other character of a gold paragraph must still match.
MARKDOWN_SUFFIXES = (".md", ".markdown")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\\]|\\.|\([^()]*\))*\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\\]|\\.|\([^()]*\))*\)")
MD_FOOTNOTE = re.compile(r"\[\^(\w+)\]:?")
MD_BULLET = re.compile(r"^[ \t]*[-+*][ \t]+", re.MULTILINE)
MD_MARKUP = re.compile(r"[*_`#>|\\]")
#: A text browser's list of the links it numbered, at the end of its dump (lynx, elinks, w3m).
LINK_LIST = re.compile(r"^[ \t]*References:?[ \t]*$", re.MULTILINE)
LINK_NUMBER = re.compile(r"\[\d+\]")
#: Syntax a Markdown capture's gold must not keep (the gold is the page as read, not its
#: source), except on the lines of a fenced code block, which are kept as written.
MD_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
MD_LEFTOVER = re.compile(r"\*\*|\]\(|!\[|\[\^|\\[-*_#>|()\[\]`]|^(?:#{1,6}|[>*+]) |^[-=]{3,}$", re.MULTILINE)


def is_markdown(capture: str) -> bool:
    return base_name(capture).lower().endswith(MARKDOWN_SUFFIXES)


def strip_markdown(text: str) -> str:
    """The capture's text with the Markdown syntax this corpus uses undone, roughly."""
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_FOOTNOTE.sub(r"[\1]", text)
    return MD_MARKUP.sub("", MD_BULLET.sub("", text))


@pytest.mark.parametrize("path", _captures(), ids=capture_id)
def test_every_gold_paragraph_occurs_in_its_capture(path: Path) -> None:
    """Guards the gold against drifting from the page: with one of the encodings the
    captures are written in, every gold paragraph is in the capture's text (HTML: tags
    stripped, entities resolved; Markdown: syntax undone by ``strip_markdown`` and markup
    characters ignored on both sides; a text browser's link numbers ignored when the dump
    lists the links at its end; white space ignored, so wrapped dump lines still match;
    a capture damaged by an encoding round trip is read with the round trip undone)."""
    cid = capture_id(path)
    body, _ = _gold(cid)
    markdown = is_markdown(cid)
    if markdown:
        code = {line.strip() for block in MD_FENCE.findall(capture_bytes(path).decode("utf-8"))
                for line in block.splitlines()}
        leftover = MD_LEFTOVER.search("\n".join(line for line in body.splitlines() if line not in code))
        assert not leftover, f"{cid}: gold keeps Markdown syntax {leftover.group()!r}"
    paragraphs = [squash(MD_MARKUP.sub("", line) if markdown else line) for line in body.splitlines()]
    missing = paragraphs
    for text in _readings(capture_bytes(path)):
        if markdown:
            text = strip_markdown(text)
        elif LINK_LIST.search(text):
            text = LINK_NUMBER.sub("", text)  # lynx/elinks/w3m: [12] where each link starts
        elif kind_from_name(cid) == "html":
            text = html.unescape(re.sub(r"<[^>]*>", "", text))
        else:
            text = html.unescape(text)  # a dump of a page's source with its tags stripped
        page = squash(text)
        missing = [p for p in paragraphs if p not in page]
        if not markdown and kind_from_name(cid) != "html":
            rows = [row for row in map(squash, text.splitlines()) if row]
            missing = [p for p in missing if not _pieced(p, rows)]
        if not missing:
            return
    pytest.fail(f"{cid}: gold paragraphs not in the capture under any of {CAPTURE_ENCODINGS}: "
                f"{[p[:40] for p in missing[:3]]}")


#: Rows of other text a paragraph's pieces may have between them (``_pieced``).
MAX_ROWS_BETWEEN = 4


def _pieced(paragraph: str, rows: list[str]) -> bool:
    """``paragraph`` is in a dump's ``rows`` (squashed) as pieces that each open a row, in
    order, a few other rows (``MAX_ROWS_BETWEEN``) between two: a paragraph a printed
    page's footer and header part, or whose lines a sidebar's cells follow."""

    @functools.cache
    def found(rest: int, row: int, between: int) -> bool:
        if rest == len(paragraph):
            return True
        if row == len(rows) or between > MAX_ROWS_BETWEEN:
            return False
        line = rows[row]
        n = len(os.path.commonprefix([line, paragraph[rest:rest + len(line)]]))
        return (n > 0 and found(rest + n, row + 1, 0)) or found(rest, row + 1, between + 1)

    return any(found(0, row, 0) for row, line in enumerate(rows) if line[0] == paragraph[0])


def _readings(data: bytes) -> Iterator[str]:
    """The capture's text in each encoding it decodes in, then, for a capture damaged by
    a round trip (Big5 text read as GBK and saved), with each such round trip undone."""
    texts = []
    for encoding in CAPTURE_ENCODINGS:
        with contextlib.suppress(UnicodeDecodeError):
            texts.append(data.decode(encoding))
            yield texts[-1]
    for text in texts:
        for read_as, written_in in itertools.permutations(CAPTURE_ENCODINGS, 2):
            with contextlib.suppress(UnicodeError):
                yield text.encode(read_as).decode(written_in)


def test_gzip_captures_are_byte_stable() -> None:
    """Written with mtime 0, so regenerating a capture does not change its bytes."""
    for path in _captures():
        if path.name.endswith(".gz"):
            assert path.read_bytes()[4:8] == b"\0\0\0\0", f"{capture_id(path)}: gzip mtime is set"


def test_dedup_expectations_name_real_captures() -> None:
    spec = json.loads(DEDUP.read_text(encoding="utf-8"))
    assert set(spec) == {"clusters", "not_duplicates"}
    ids = {capture_id(p) for p in _captures()}
    clustered = [cid for cluster in spec["clusters"] for cid in cluster]
    assert all(len(cluster) >= 2 for cluster in spec["clusters"])
    assert len(clustered) == len(set(clustered)), "an id is in two clusters"
    assert all(len(pair) == 2 for pair in spec["not_duplicates"])
    named = set(clustered) | {cid for pair in spec["not_duplicates"] for cid in pair}
    assert named <= ids, f"unknown ids in dedup.json: {sorted(named - ids)}"
    cluster_of = {cid: i for i, cluster in enumerate(spec["clusters"]) for cid in cluster}
    for a, b in spec["not_duplicates"]:
        assert a not in cluster_of or cluster_of.get(a) != cluster_of.get(b), f"{a} and {b} are both ways"


def test_known_failures_name_real_captures() -> None:
    ids = {capture_id(p) for p in _captures()}
    assert set(load_known_failures()) <= ids
