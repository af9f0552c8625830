"""pagewash's HTML path against trafilatura, readability-lxml and GNE on Chinese pages.

``python -m bench html_peers [--shared DIR]`` scores every extractor on
``DIR/dev/chinese-wce`` (``original/*.html`` against the hand-made ``cleaned/*.txt``)
with the character-level LCS precision/recall/F1 of ``DIR/tools/score_clean.py``
(loaded from there, so the numbers are the scorer's own), times each one (pages/s over
the same pages in the same run), and checks publication date and author against
``date/`` and ``author/``. Every extractor gets the same decoded text (pagewash's
decoder), so the comparison is about extraction; pagewash's time includes decoding.
Peers that are not installed are reported as such.

``python -m bench html_peers --survey [--shared DIR]`` runs pagewash alone over the
pages without gold (``gne-pages``, ``netease-pages``, ``twnews``) and lists pages whose
output is empty or mostly furniture.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clean.config import CleanConfig, DecodeConfig
from clean.decode import decode_bytes
from clean.pipeline import clean_capture

#: Pages without gold, for the survey.
SURVEY_SETS = ("dev/gne-pages", "dev/netease-pages/html", "dev/twnews/html")
#: A body line "reads as text" when it has sentence punctuation; an output with less than
#: this share of its characters in such lines is mostly furniture.
MIN_TEXT_SHARE = 0.5
_SENTENCE = re.compile(r"[，。！？；：,.!?;:]")
_NAME_SEPARATORS = re.compile(r"[\s、,，;；/]+")
_GOLD_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


@dataclass
class Row:
    """One extractor's results over the gold set."""

    name: str
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    pages_per_s: float = 0.0
    date_ok: int | None = None
    author_ok: int | None = None
    missing: str = ""


#: An extractor: decoded page -> body text; and, for those that find them, page -> (date, author).
Extract = Callable[[str], str]
Meta = Callable[[str], tuple[str | None, str | None]]


def _load_scorer(shared: Path):
    """``score_clean.score`` from the shared tools, so scores match the published scorer."""
    spec = importlib.util.spec_from_file_location("score_clean", shared / "tools" / "score_clean.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _peers() -> dict[str, tuple[Extract, Meta | None] | str]:
    """Each peer's (extract, metadata) functions, or why it cannot run.

    The timed call is the one a user would make for the text (trafilatura's ``extract``);
    metadata comes from a separate, untimed call where the peer has one.
    """
    peers: dict[str, tuple[Extract, Meta | None] | str] = {}
    try:
        import trafilatura
    except ImportError:
        peers["trafilatura"] = peers["trafilatura favor_recall"] = "not installed"
    else:
        def traf_meta(html: str) -> tuple[str | None, str | None]:
            doc = trafilatura.bare_extraction(html, with_metadata=True)
            return (doc.date, doc.author) if doc is not None else (None, None)
        peers["trafilatura"] = (lambda html: trafilatura.extract(html) or "", traf_meta)
        peers["trafilatura favor_recall"] = (
            lambda html: trafilatura.extract(html, favor_recall=True) or "", None)
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        peers["readability-lxml"] = "not installed"
    else:
        def readability(html: str) -> str:
            summary = Document(html).summary(html_partial=True)
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        peers["readability-lxml"] = (readability, None)
    try:
        from gne import GeneralNewsExtractor
    except ImportError:
        peers["GNE"] = "not installed"
    else:
        def gne_meta(html: str) -> tuple[str | None, str | None]:
            found = GeneralNewsExtractor().extract(html)
            return found.get("publish_time"), found.get("author")
        peers["GNE"] = (lambda html: GeneralNewsExtractor().extract(html).get("content", ""), gne_meta)
    return peers


def date_matches(gold: str, found: str | None) -> bool:
    """The found date agrees with the gold one on every part the gold gives (Y, M, D)."""
    match = _GOLD_DATE.search(gold)
    if not match:
        return not found
    ours = _GOLD_DATE.search(found or "")
    if not ours:
        return False
    return all(g is None or (o is not None and int(g) == int(o))
               for g, o in zip(match.groups(), ours.groups()))


def author_matches(gold: str, found: str | None) -> bool:
    """Same set of names (the gold separates several authors by spaces)."""
    names = lambda text: set(_NAME_SEPARATORS.split(text.strip())) - {""}  # noqa: E731
    return names(gold) == names(found or "") if gold else not found


def _gold_field(path: Path) -> str:
    """A gold date/author; ``UNKNOWN`` (and its misspellings) means the page states none."""
    value = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    return "" if value.upper().startswith("UNK") else value


def _pagewash(data: bytes, config: CleanConfig) -> tuple[str, str | None, str | None]:
    """pagewash's answer; the dataset's "author" is whoever signs, the editor if no author."""
    result = clean_capture(data, kind="html", config=config)
    meta = result.metadata
    return result.text, meta.get("date"), meta.get("author") or meta.get("editor")


def _timed(run: Callable, inputs: list) -> tuple[list, float]:
    """``run`` over ``inputs``, and the pages per second it managed."""
    start = time.perf_counter()
    outputs = [run(item) for item in inputs]
    elapsed = time.perf_counter() - start
    return outputs, len(inputs) / elapsed if elapsed else 0.0


def run_gold(shared: Path) -> list[Row]:
    """Score pagewash and every peer on the chinese-wce gold set."""
    root = shared / "dev" / "chinese-wce"
    score = _load_scorer(shared)
    pages = sorted((root / "original").glob("*.html"))
    raw = [p.read_bytes() for p in pages]
    texts = [decode_bytes(data, DecodeConfig()).text for data in raw]
    gold = [(root / "cleaned" / f"{p.stem}.txt").read_text(encoding="utf-8") for p in pages]
    dates = [_gold_field(root / "date" / f"{p.stem}.txt") for p in pages]
    authors = [_gold_field(root / "author" / f"{p.stem}.txt") for p in pages]

    config = CleanConfig()
    ours, speed = _timed(lambda data: _pagewash(data, config), raw)
    runs = [("pagewash", [o[0] for o in ours], speed, [o[1:] for o in ours])]
    rows = []
    for name, peer in _peers().items():
        if isinstance(peer, str):
            rows.append(Row(name, missing=peer))
            continue
        extract, meta = peer
        bodies, speed = _timed(extract, texts)
        runs.append((name, bodies, speed, [meta(t) for t in texts] if meta else None))
    for name, bodies, speed, found in runs:
        scores = [score(g, b) for g, b in zip(gold, bodies)]
        n = len(scores) or 1
        row = Row(name, *(sum(s[i] for s in scores) / n for i in range(3)), pages_per_s=speed)
        if found is not None:
            row.date_ok = sum(date_matches(g, f[0]) for g, f in zip(dates, found))
            row.author_ok = sum(author_matches(g, f[1]) for g, f in zip(authors, found))
        rows.append(row)
    rows.sort(key=lambda r: (r.missing != "", r.name != "pagewash"))
    return rows


def format_rows(rows: list[Row], pages: int) -> str:
    """The comparison as a Markdown table."""
    lines = ["| extractor | P | R | F1 | pages/s | date | author |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        if row.missing:
            lines.append(f"| {row.name} | {row.missing} | | | | | |")
            continue
        date = f"{row.date_ok}/{pages}" if row.date_ok is not None else "-"
        author = f"{row.author_ok}/{pages}" if row.author_ok is not None else "-"
        lines.append(f"| {row.name} | {row.precision:.3f} | {row.recall:.3f} | {row.f1:.3f} | "
                     f"{row.pages_per_s:.1f} | {date} | {author} |")
    return "\n".join(lines)


def text_share(body: str) -> float:
    """Share of the body's characters in lines that read as text (sentence punctuation)."""
    lines = [line for line in body.splitlines() if line.strip()]
    total = sum(len(line) for line in lines)
    return sum(len(line) for line in lines if _SENTENCE.search(line)) / total if total else 0.0


def run_survey(shared: Path) -> tuple[int, list[str]]:
    """pagewash over the pages without gold: (pages seen, problems found)."""
    config = CleanConfig()
    problems, seen = [], 0
    for folder in SURVEY_SETS:
        for page in sorted((shared / folder).rglob("*.htm*")):
            seen += 1
            name = page.relative_to(shared)
            try:
                result = clean_capture(page.read_bytes(), kind="html", config=config)
            except Exception as error:  # noqa: BLE001 - a survey reports every failure
                problems.append(f"{name}: error {type(error).__name__}: {error}")
                continue
            share = text_share(result.text)
            if not result.text.strip():
                problems.append(f"{name}: empty output")
            elif share < MIN_TEXT_SHARE:
                problems.append(f"{name}: mostly furniture ({share:.0%} of the output reads as text)")
    return seen, problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench html_peers", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared",
                        help="the shared data folder (default: ../shared next to the repository)")
    parser.add_argument("--survey", action="store_true",
                        help="run over the pages without gold and report empty or mostly-furniture outputs")
    args = parser.parse_args(argv)
    if not (args.shared / "dev" / "chinese-wce").is_dir():
        print(f"no shared data at {args.shared} (give --shared DIR)")
        return 2
    if args.survey:
        seen, problems = run_survey(args.shared)
        print("\n".join(problems))
        print(f"{seen} pages, {len(problems)} with problems")
        return 1 if problems else 0
    rows = run_gold(args.shared)
    pages = len(list((args.shared / "dev" / "chinese-wce" / "original").glob("*.html")))
    print(format_rows(rows, pages))
    return 0
