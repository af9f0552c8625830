"""Text path throughput: captures/s of split -> classify -> metadata, one core.

Usage: ``python -m bench textpath [DIR ...] [--repeat N]``

Runs the text front end, the classifier and the metadata stage over every ``*.txt``
capture in DIR (default: ``../shared/seeds/raw``, seed-sized captures), already decoded,
on one core, ``--repeat`` times (default 200), and reports captures and MB per second
of CPU time (wall time too: on a busy machine it also counts other processes' turns).
The text path must not be a batch's bottleneck: the aim is >= 500 captures/s per core.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from clean.classify import classify_blocks
from clean.config import ClassifyConfig
from clean.metadata import extract_metadata
from clean.textblocks import split_text_blocks

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "raw"


def run_text_path(text: str, config: ClassifyConfig) -> dict:
    """One capture through the text path (what the benchmark times)."""
    return extract_metadata(classify_blocks(split_text_blocks(text), config))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench textpath", description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DIR])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in args.dirs for p in sorted(d.glob("*.txt"))]
    if not texts:
        print(f"no *.txt captures in {', '.join(map(str, args.dirs))}")
        return 2
    config = ClassifyConfig()
    run_text_path(texts[0], config)  # load lexicons and opencc outside the timing
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            run_text_path(text, config)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(texts) * args.repeat
    megabytes = sum(len(t.encode("utf-8")) for t in texts) * args.repeat / 1e6
    mean_kb = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1e3
    # CPU time is what one core spends; wall time also counts other processes' turns
    print(
        f"text path: {n} captures (mean {mean_kb:.1f} KB): {n / cpu:.0f} captures/s per core "
        f"({megabytes / cpu:.2f} MB/s; CPU {cpu:.2f}s, wall {wall:.2f}s = {n / wall:.0f} captures/s)"
    )
    return 0
