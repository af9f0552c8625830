"""``python -m bench NAME [ARGS]``: run one benchmark; ``python -m bench`` lists them."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def benchmarks() -> dict[str, str]:
    """Benchmark name -> first line of its docstring, for every ``bench/NAME.py`` with a ``main``."""
    found = {}
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith("_"):
            continue
        loaded = importlib.import_module(f"bench.{module.name}")
        if callable(getattr(loaded, "main", None)):
            found[module.name] = (loaded.__doc__ or "").strip().splitlines()[0] if loaded.__doc__ else ""
    return found


def main(argv: list[str]) -> int:
    available = benchmarks()
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in available:
        print("usage: python -m bench NAME [ARGS]\n\nbenchmarks:")
        for name, summary in sorted(available.items()):
            print(f"  {name:12} {summary}")
        return 0 if not argv or argv[0] in ("-h", "--help") else 2
    return importlib.import_module(f"bench.{argv[0]}").main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
