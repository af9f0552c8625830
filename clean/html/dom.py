"""Parse HTML into an lxml tree and answer the few per-element questions the walk asks.

The tree is parsed once and never modified: elements that carry no article text
(scripts, forms' widgets, hidden elements, navigation landmarks) are skipped by the walk
rather than cut out, so no second pass over the tree is needed.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

#: Elements whose content is never article text, whatever their surroundings.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "applet",
    "svg", "math", "canvas", "map", "audio", "video", "select", "option", "optgroup",
    "datalist", "textarea", "button", "input", "head", "title", "meta", "link", "base",
    "nav", "aside", "footer", "dialog", "menu",
})

#: Elements that start and end a line: text inside them never runs into the text beside them.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_END_TAGS = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: ``huge_tree`` lifts libxml2's nesting limit of 256, past which broken pages (thousands
#: of unclosed ``<font>``) would silently lose their text.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                               huge_tree=True)


def parse_html(html: str) -> etree._Element:
    """Parse a decoded page into its ``<html>`` root element.

    lxml refuses ``str`` input that still carries an XML encoding declaration (the text
    is already decoded, so the declaration is moot): it is dropped first. So are
    ``</body>`` and ``</html>``: pages assembled from server-side includes often close
    the document early, and libxml2 drops everything after that (the article too); the
    parser closes them at the end anyway. A page with no markup at all still parses, into
    a root with an empty body.
    """
    html = _END_TAGS.sub("", _XML_DECLARATION.sub("", html, count=1))
    if not html.strip():
        html = "<html><body></body></html>"
    return lxml.html.document_fromstring(html, parser=_PARSER)


def is_hidden(element: etree._Element) -> bool:
    """True when the markup itself hides the element (``hidden``, ``display:none``...).

    Pages hide pop-ups, mobile menus and templates this way; their text is never seen
    by a reader, so it is not part of the capture's article.
    """
    attrib = element.attrib
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def hint_text(element: etree._Element) -> str:
    """The element's class and id, lower-cased: what the class/id hints are matched on."""
    attrib = element.attrib
    cls, ident = attrib.get("class"), attrib.get("id")
    if cls is None and ident is None:
        return ""
    return f"{cls or ''} {ident or ''}".lower()
