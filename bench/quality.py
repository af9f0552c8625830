"""Cleaning quality: pagewash's bodies against gold with the team's character-LCS scorer.

Runs the real batch engine (``pagewash.batch.clean_batch``) over each gold set and scores
the outputs with ``../shared/tools/score_clean.py`` (character-level LCS precision, recall,
F1, macro-averaged over documents):

- ``seeds``: the five captures the project was specified from (text dumps);
- ``wce-text``: 69 real Chinese pages rendered to text dumps;
- ``wce-html``: the same 69 pages as raw HTML (about half GB2312/GBK);
- ``fixtures``: the project's own captures (``fixtures/pages`` vs ``fixtures/gold``).

Then the metadata, field by field, where a set has gold for it: every field of the seeds'
and the fixtures' ``<name>.meta.json``; the author and the date of the 69 real pages
(``chinese-wce/author/``, ``date/``; ``UNKNOWN`` there means the page names none). A
value is right when it is the gold's (white space aside); a date when it agrees to the
precision the gold gives (a minute, a day, a month or a year); an author when they share a
name.
A value where the gold has none is counted apart (spurious), as is a wrong one.

Usage: ``python -m bench quality [--shared DIR] [--set NAME ...] [--jobs N]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from pagewash.batch import clean_batch
from pagewash.config import BatchConfig, Config

REPO = Path(__file__).resolve().parents[1]


def gold_sets(shared: Path) -> dict[str, tuple[Path, Path]]:
    """Name -> (captures folder, gold folder)."""
    return {
        "seeds": (shared / "seeds" / "raw", shared / "seeds" / "gold"),
        "wce-text": (shared / "dev" / "chinese-wce-text" / "raw", shared / "dev" / "chinese-wce-text" / "gold"),
        "wce-html": (shared / "dev" / "chinese-wce" / "original", shared / "dev" / "chinese-wce" / "cleaned"),
        "fixtures": (REPO / "fixtures" / "pages", REPO / "fixtures" / "gold"),
    }


def load_scorer(shared: Path):
    """The team's scorer module (``score_clean.score(gold, out) -> (p, r, f)``)."""
    spec = importlib.util.spec_from_file_location("score_clean", shared / "tools" / "score_clean.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(captures: Path, gold: Path, scorer, config: Config, work: Path) -> tuple[int, float, float, float, float]:
    """Clean ``captures`` into ``work`` and score every gold file; returns
    (documents, precision, recall, f1, seconds)."""
    started = time.monotonic()
    clean_batch([captures], work, config)
    seconds = time.monotonic() - started
    rows = []
    for gold_file in sorted(gold.rglob("*.txt")):
        relative = gold_file.relative_to(gold)
        out = work / relative
        text = out.read_text(encoding="utf-8") if out.is_file() else ""
        rows.append(scorer.score(gold_file.read_text(encoding="utf-8"), text))
    n = len(rows) or 1
    return len(rows), sum(r[0] for r in rows) / n, sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n, seconds


#: The real pages' metadata gold: one folder a field, a file a page.
_WCE_FIELDS = ("author", "date")
_GOLD_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?)?)?")
_NAME_SPLIT = re.compile(r"[\s、，,;；]+")
_OUTCOMES = ("right", "wrong", "missed", "spurious")


def metadata_gold(name: str, gold: Path, shared: Path) -> dict[str, dict]:
    """Document id (path under the set, without suffixes) -> gold fields (``None``: the
    page names none). The text dumps are the HTML pages', with the same gold."""
    if name.startswith("wce"):
        folders = {field: shared / "dev" / "chinese-wce" / field for field in _WCE_FIELDS}
        if not all(folder.is_dir() for folder in folders.values()):
            return {}
        pages = sorted(p.stem for p in folders["author"].glob("*.txt"))
        return {
            page: {
                field: value if (value := (folders[field] / f"{page}.txt").read_text(encoding="utf-8").strip())
                not in ("", "UNKNOWN", "UNKNWON") else None
                for field in _WCE_FIELDS
            }
            for page in pages
        }
    return {
        str(path.relative_to(gold)).removesuffix(".meta.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(gold.rglob("*.meta.json"))
    }


def _agrees(field: str, gold, found) -> bool:
    """``found`` is the gold's value (see the module's docstring)."""
    if field == "date" and isinstance(gold, str) and (parts := _GOLD_DATE.match(gold)):
        wanted = [int(part) for part in parts.groups() if part]
        return [int(part) for part in re.findall(r"\d+", str(found))[: len(wanted)]] == wanted
    if field == "author" and isinstance(gold, str):
        return bool(set(_NAME_SPLIT.split(gold.strip())) & set(_NAME_SPLIT.split(str(found).strip())))
    if isinstance(gold, str):
        return "".join(gold.split()) == "".join(str(found).split())
    return gold == found


def score_metadata(golds: dict[str, dict], work: Path) -> dict[str, Counter]:
    """Field -> counts of each outcome (``_OUTCOMES``) over the documents in ``golds``."""
    found = {}
    for line in (work / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        found[document["id"].removesuffix(".gz").rsplit(".", 1)[0]] = document.get("metadata") or {}
    counts: dict[str, Counter] = {}
    for page, fields in golds.items():
        for field, gold in fields.items():
            value = found.get(page, {}).get(field)
            if gold is None:
                outcome = "spurious" if value else None
            else:
                outcome = "missed" if not value else "right" if _agrees(field, gold, value) else "wrong"
            counts.setdefault(field, Counter())[outcome] += 1
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench quality", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default: ../shared next to the repository)")
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(gold_sets(Path("."))),
                        help="score only this set (repeatable; default: all)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    args = parser.parse_args(argv)
    if not (args.shared / "tools" / "score_clean.py").is_file():
        print(f"no shared data at {args.shared} (give --shared DIR): nothing to score against")
        return 2
    scorer = load_scorer(args.shared)
    config = Config(batch=BatchConfig(jobs=args.jobs))
    work = Path(tempfile.mkdtemp(prefix="pagewash-quality-"))
    try:
        print(f"{'set':10} {'docs':>5} {'P':>7} {'R':>7} {'F1':>7} {'docs/s':>8}  (wall clock, worker start-up included)")
        metadata = {}
        for name, (captures, gold) in gold_sets(args.shared).items():
            if args.sets and name not in args.sets or not captures.is_dir():
                continue
            n, p, r, f, seconds = score_set(captures, gold, scorer, config, work / name)
            print(f"{name:10} {n:5d} {p:7.4f} {r:7.4f} {f:7.4f} {n / seconds:8.1f}")
            if golds := metadata_gold(name, gold, args.shared):
                metadata[name] = score_metadata(golds, work / name)
        print(f"\nmetadata: {'set':10} {'field':15} {'gold':>5} " + " ".join(f"{o:>8}" for o in _OUTCOMES))
        for name, fields in metadata.items():
            for field, counts in sorted(fields.items()):
                stated = counts["right"] + counts["wrong"] + counts["missed"]
                print(f"          {name:10} {field:15} {stated:5d} " + " ".join(f"{counts[o]:8d}" for o in _OUTCOMES))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0
