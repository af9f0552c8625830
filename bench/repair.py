"""Mojibake repair throughput: clean vs damaged text, and the pre-check's share of cleaning.

Usage: ``python -m bench repair [--shared DIR] [--limit N] [--repeat N]``

* undamaged: the hand-copied gold bodies of ``dev/chinese-wce`` (real Chinese prose);
* damaged: the same bodies put through one mis-decoding each (UTF-8 read as GBK, GBK
  read as Latin-1, Big5 read as GBK, converter pinyin annotations and commas);
* repair's share of ``clean_capture`` on the undamaged captures (nothing repaired) among
  the plain-text dumps and the HTML originals of the same pages: repair on vs off,
  interleaved, best of ``--repeat`` CPU times (``time.process_time``).
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


def _share(kind: str, captures: list[bytes], repeat: int) -> float:
    """Repair's share of ``clean_capture`` time: each capture cleaned with repair on and off,
    interleaved, best of ``repeat`` CPU times each (the machine is shared and noisy)."""
    off = CleanConfig(repair=RepairConfig(enabled=False))
    with_repair = without = 0.0
    for raw in captures:
        best = {True: float("inf"), False: float("inf")}
        for _ in range(repeat):
            for enabled in best:
                start = time.process_time()
                clean_capture(raw, kind=kind, config=None if enabled else off)
                best[enabled] = min(best[enabled], time.process_time() - start)
        with_repair += best[True]
        without += best[False]
    return max(0.0, with_repair - without) / with_repair


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench repair", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="runs per capture for the share (best counts)")
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

    undamaged: dict[str, list[bytes]] = {}
    for kind, folder, pattern in (("text", dump_dir, "*"), ("html", args.shared / "dev" / "chinese-wce" / "original", "*.html")):
        captures = [p.read_bytes() for p in sorted(folder.glob(pattern))[: args.limit or None]]
        undamaged[kind] = [raw for raw in captures if not clean_capture(raw, kind=kind).repairs]
    shares = {kind: _share(kind, raws, args.repeat) for kind, raws in undamaged.items() if raws}
    print(
        "\nrepair share of clean_capture on undamaged captures: "
        + ", ".join(f"{kind} {share:.1%} ({len(undamaged[kind])} docs)" for kind, share in shares.items())
    )
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
