"""Mojibake repair throughput: clean vs damaged text, and the pre-check's share of cleaning.

Usage: ``python -m bench repair [--shared DIR] [--limit N]``

* undamaged: the hand-copied gold bodies of ``dev/chinese-wce`` (real Chinese prose);
* damaged: the same bodies put through one mis-decoding each (UTF-8 read as GBK, GBK
  read as Latin-1, Big5 read as GBK, converter pinyin annotations and commas);
* clean stage: ``clean_capture`` on the plain-text dumps of the same pages with repair
  on and off, and the cost of the pre-check alone, as shares of that stage.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from clean.config import CleanConfig, RepairConfig
from clean.pipeline import clean_capture
from clean.repair import repair_mojibake
from clean.repair.detect import looks_clean, to_simplified, to_traditional
from clean.repair.pinyin import readings


def _annotate(text: str) -> str:
    """What a Simplified-to-Traditional converter with readings does to a text."""
    out = []
    for char in to_traditional(text):
        out.append(char)
        if to_simplified(char) != char and (known := sorted(readings(char))):
            out.append(f"({known[0]})")
    return "".join(out).replace("，", ",，")


DAMAGE: dict[str, Callable[[str], str]] = {
    "utf8_as_gbk": lambda t: t.encode("utf-8").decode("gb18030", "replace"),
    "gbk_as_latin1": lambda t: t.encode("gbk", "ignore").decode("latin-1"),
    "big5_as_gbk": lambda t: to_traditional(t).encode("big5", "ignore").decode("gb18030", "replace"),
    "pinyin_commas": _annotate,
}


def _timed(function: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def _row(name: str, texts: list[str], seconds: float) -> str:
    chars = sum(map(len, texts))
    return f"{name:28} {len(texts):6} {chars:10,} {seconds:9.3f} {chars / seconds:14,.0f} {len(texts) / seconds:9.1f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench repair", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    args = parser.parse_args(argv)
    gold_dir = args.shared / "dev" / "chinese-wce" / "cleaned"
    dump_dir = args.shared / "dev" / "chinese-wce-text" / "raw"
    if not gold_dir.is_dir():
        print(f"no corpus at {gold_dir}")
        return 2
    paths = sorted(gold_dir.glob("*.txt"))[: args.limit or None]
    bodies = [p.read_text("utf-8") for p in paths]
    repair_mojibake("統(tǒng)一戰(zhàn)線(xiàn)的匯(huì)聚 锟斤拷 ?慕y")  # load tables outside the timings

    print(f"{'input':28} {'docs':>6} {'chars':>10} {'seconds':>9} {'chars/s':>14} {'docs/s':>9}")
    print(_row("precheck only (undamaged)", bodies, _timed(looks_clean, bodies)))
    print(_row("repair (undamaged)", bodies, _timed(repair_mojibake, bodies)))
    for name, damage in DAMAGE.items():
        damaged = [damage(b) for b in bodies]
        print(_row(f"repair ({name})", damaged, _timed(repair_mojibake, damaged)))
    passed = sum(map(looks_clean, bodies))
    print(f"\nundamaged bodies passed by the pre-check alone: {passed}/{len(bodies)}")

    dumps = [p.read_bytes() for p in sorted(dump_dir.glob("*"))[: args.limit or None]]
    if dumps:
        print(f"\nclean stage (clean_capture) on {len(dumps)} text dumps of the same pages:")
        print(f"{'dumps':28} {'docs':>6} {'with repair':>12} {'without':>9} {'pre-check':>10} {'repair share':>13}")
        off = CleanConfig(repair=RepairConfig(enabled=False))
        timings: dict[bool, list[float]] = {False: [0, 0, 0, 0], True: [0, 0, 0, 0]}
        for raw in dumps:
            start = time.perf_counter()
            repaired = bool(clean_capture(raw, kind="text").repairs)
            middle = time.perf_counter()
            clean_capture(raw, kind="text", config=off)
            end = time.perf_counter()
            precheck = _timed(looks_clean, [raw.decode("utf-8", "replace")])
            row = timings[repaired]
            row[0] += 1
            row[1] += middle - start
            row[2] += end - middle
            row[3] += precheck
        for repaired, (docs, on, without, precheck) in timings.items():
            if docs:
                label = "damaged (something repaired)" if repaired else "undamaged (nothing repaired)"
                share = max(0.0, on - without) / on
                print(f"{label:28} {int(docs):6} {on:11.3f}s {without:8.3f}s {precheck:9.4f}s {share:12.1%}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
