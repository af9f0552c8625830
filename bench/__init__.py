"""pagewash's benchmarks: ``python -m bench NAME [ARGS]`` runs ``bench/NAME.py``.

Benchmarks measure speed and memory against peers in the same run and report ratios;
unit tests never time anything. Benchmarks may read ``../shared`` (real pages) and say so
when it is absent.
"""
