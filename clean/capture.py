"""Capture: what kind of file a capture is, and its raw bytes.

Captures are HTML pages (``.html``, ``.htm``, ``.xhtml``) or plain-text dumps of a rendered
page (``.txt``, or ``.md`` / ``.markdown`` when a crawler saved it as Markdown), each optionally gzip-compressed (``.gz``). The kind is read from the name
when there is one and sniffed from the content otherwise.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from clean.errors import CaptureTooLarge, UnsupportedCapture

HTML = "html"
TEXT = "text"
KINDS = (HTML, TEXT)

_SUFFIX_KINDS = {".html": HTML, ".htm": HTML, ".xhtml": HTML, ".txt": TEXT, ".md": TEXT, ".markdown": TEXT}
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|table|td|li|h[1-6]|meta|script)\b[^>]*>", re.IGNORECASE)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)\b[^>]*>", re.IGNORECASE)
#: How far into a capture to look for markup: captures wrapped in a crawler's own element
#: (``<text id=...>``) can open with tens of kilobytes of script before the document.
_SNIFF_CHARS = 65536


def kind_from_name(name: str) -> str | None:
    """Return the capture kind a file name promises, or None for a file pagewash skips.

    >>> kind_from_name("news/2022/a.HTM.gz"), kind_from_name("a.txt"), kind_from_name("a.pdf")
    ('html', 'text', None)
    """
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None


def sniff_kind(head: bytes | str) -> str:
    """Guess the kind from the start of the content: HTML if it starts like a document,
    holds a document element (``<html>``, ``<head>``, ``<body>``) or is dense with tags;
    text otherwise.

    >>> sniff_kind(b"<!DOCTYPE html><html>"), sniff_kind("首页 | 新闻\\n正文")
    ('html', 'text')
    """
    sample = head[:_SNIFF_CHARS]
    as_bytes = sample.encode("utf-8", "replace") if isinstance(sample, str) else sample
    if _HTML_START.match(as_bytes[:4096].lstrip(b"\xef\xbb\xbf")):
        return HTML
    text = sample if isinstance(sample, str) else sample.decode("latin-1")
    if _DOCUMENT_TAG.search(text):
        return HTML
    return HTML if len(_HTML_TAG.findall(text[:4096])) >= 5 else TEXT


def read_capture(path: Path, max_bytes: int) -> bytes:
    """Read a capture's bytes, decompressing ``.gz``; refuse anything over ``max_bytes``."""
    return unpack(read_raw(path, max_bytes), path.name, max_bytes)


def read_raw(path: Path, max_bytes: int) -> bytes:
    """The file's bytes as stored; the size is checked before reading, so a 200 MB file
    costs nothing but an error row."""
    size = path.stat().st_size
    if size > max_bytes:
        raise CaptureTooLarge(f"file is {size:,} bytes, over the limit of {max_bytes:,}")
    return path.read_bytes()


def unpack(raw: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress ``raw`` if ``name`` ends in ``.gz`` (bounded, so a gzip bomb is an error)."""
    return gunzip(raw, max_bytes) if name.lower().endswith(".gz") else raw


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, stopping once the output passes ``max_bytes``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise UnsupportedCapture(f"not valid gzip data: {error}") from None
    if len(out) > max_bytes:
        raise CaptureTooLarge(f"decompresses to over the limit of {max_bytes:,} bytes")
    if not inflater.eof:
        raise UnsupportedCapture("gzip data is truncated")
    return out


