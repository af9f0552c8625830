"""Cleaning quality: pagewash's bodies against gold with the team's character-LCS scorer.

Runs the real batch engine (``pagewash.batch.clean_batch``) over each gold set and scores
the outputs with ``../shared/tools/score_clean.py`` (character-level LCS precision, recall,
F1, macro-averaged over documents):

- ``seeds``: the five captures the project was specified from (text dumps);
- ``wce-text``: 69 real Chinese pages rendered to text dumps;
- ``wce-html``: the same 69 pages as raw HTML (about half GB2312/GBK);
- ``fixtures``: the project's own captures (``fixtures/pages`` vs ``fixtures/gold``).

Usage: ``python -m bench quality [--shared DIR] [--set NAME ...] [--jobs N]``
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import tempfile
import time
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
        for name, (captures, gold) in gold_sets(args.shared).items():
            if args.sets and name not in args.sets or not captures.is_dir():
                continue
            n, p, r, f, seconds = score_set(captures, gold, scorer, config, work / name)
            print(f"{name:10} {n:5d} {p:7.4f} {r:7.4f} {f:7.4f} {n / seconds:8.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0
