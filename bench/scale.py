"""Scale: throughput and peak memory per stage of clean and dedup on N generated captures.

Usage: ``python -m bench scale --docs N [--stages clean,dedup] [--engine local|dask]
[--workers 2] [--sample 2000] [--seed 0] [--dir /tmp/...] [--keep]``

Generates (seeded, ``bench/corpus.py``) N text captures with planted reprints for the
cleaning stages and N cleaned documents of about 1,500 characters for the dedup stages,
under a temporary folder in /tmp (deleted at the end unless ``--keep``). Then, each in
its own subprocess so that memory is measured per phase:

* per stage on one core (decode, repair, classify, write; normalise, shingle, sign) over
  the first ``--sample`` inputs: inputs/s and the peak memory of the process;
* the whole stage over all N inputs with ``--workers`` workers (a comma list, e.g.
  ``1,2``, reports the speed-up): wall time, docs/s and the peak memory of the whole
  process tree (the sum of the PSS of the process and all its children — engine
  workers, a Dask LocalCluster — sampled every 0.1 s: PSS splits a shared page among
  the processes that map it, so pages shared after a fork count once) and ``cores``: CPU seconds of the
  tree over wall seconds (2.0 = both cores busy all along; counts the start of a Dask
  cluster) and ``kernel``: the share of that CPU time spent in the kernel (file-system
  work, page faults); for dedup also per stage of the run (wall time and peak within
  the stage).

With ``--engine dask`` the whole stages run on a LocalCluster of ``--workers`` workers on
loopback; the wall time counts from a running cluster (its start-up is not included).

Cleaning writes two small files per capture (the body and its resume record). On a virtual
disk that file-system work can cost as much CPU as the cleaning and hide how the engines
scale; ``--dir /dev/shm/scale`` (tmpfs) takes the disk out of the measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

#: Seconds between two samples of the memory of a phase's process tree.
_POLL = 0.1


def _tree_memory(process) -> int:
    """Bytes of memory of ``process`` and all its descendants: the sum of their PSS
    (proportional set size), so that pages shared after a fork count once in total."""
    import psutil

    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_full_info().pss
        except psutil.Error:
            pass
    return total


def _run_phase(argv: list[str]) -> tuple[dict, list[tuple[float, int]]]:
    """Run ``python -m bench scale --phase ...`` and sample its process tree's memory."""
    import psutil

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parent.parent),
                                                        os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-m", "bench", "scale", *argv], stdout=subprocess.PIPE, env=env)
    samples: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        process = psutil.Process(child.pid)
        while not done.is_set():
            try:
                samples.append((time.time(), _tree_memory(process)))
            except psutil.Error:
                break
            done.wait(_POLL)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"phase {argv[1]} failed with exit status {child.returncode}")
    return json.loads(out.decode().strip().splitlines()[-1]), samples


def _peak_mb(samples: list[tuple[float, int]], start: float = 0.0, end: float = float("inf")) -> float:
    inside = [size for t, size in samples if start <= t <= end]
    return max(inside, default=0) / 1e6


# --- phases (run in the subprocess) ---------------------------------------------------

def _clean_stages(folder: Path, sample: int, upto: str) -> dict:
    """Run the cleaning stages up to ``upto`` over the first ``sample`` captures; time ``upto``."""
    from clean.classify import classify_blocks
    from clean.config import CleanConfig
    from clean.decode import decode_bytes
    from clean.metadata import extract_metadata
    from clean.repair import redecode, repair_mojibake
    from clean.textblocks import split_text_blocks
    from pagewash.outputs import write_atomic

    config = CleanConfig()
    paths = sorted(folder.rglob("*.txt"))[:sample]
    spent = 0.0
    with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
        for number, path in enumerate(paths):
            raw = path.read_bytes()
            t0 = time.perf_counter()
            decoded = decode_bytes(raw, config.decode)
            redecode(raw, decoded.text, decoded.encoding, min_gain=config.repair.redecode_min_gain)
            t1 = time.perf_counter()
            if upto != "decode":
                blocks = split_text_blocks(decoded.text)
                repair_mojibake("\n".join(b.text for b in blocks), config.repair)
            t2 = time.perf_counter()
            if upto in ("classify", "write"):
                blocks = classify_blocks(blocks, config.classify)
                metadata = extract_metadata(blocks)
                body = "\n".join(b.text for b in blocks if b.label == "body")
            t3 = time.perf_counter()
            if upto == "write":
                write_atomic(Path(scratch) / f"{number}.txt", body + "\n")
                write_atomic(Path(scratch) / f"{number}.json", json.dumps({"metadata": metadata}, ensure_ascii=False))
            t4 = time.perf_counter()
            spent += {"decode": t1 - t0, "repair": t2 - t1, "classify": t3 - t2, "write": t4 - t3}[upto]
    return {"docs": len(paths), "seconds": spent}


def _dedup_stages(documents: Path, sample: int, upto: str) -> dict:
    """Run normalise → shingle → sign up to ``upto`` over the first ``sample`` documents."""
    from dedup.config import DedupConfig
    from dedup.normalise import normalise
    from dedup.shingle import batch_shingle_hashes
    from dedup.sign import permutations, signatures

    config = DedupConfig()
    perms = permutations(config.num_perm, config.perm_seed)
    with documents.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(sample), handle)]
    spent = 0.0
    for lo in range(0, len(texts), config.batch_docs):
        t0 = time.perf_counter()
        norm = [normalise(t, config).text for t in texts[lo : lo + config.batch_docs]]
        t1 = time.perf_counter()
        if upto != "normalise":
            hashes, offsets = batch_shingle_hashes(norm, config.shingle_size, config.hash_seed)
        t2 = time.perf_counter()
        if upto == "sign":
            signatures(hashes, offsets, perms)
        t3 = time.perf_counter()
        spent += {"normalise": t1 - t0, "shingle": t2 - t1, "sign": t3 - t2}[upto]
    return {"docs": len(texts), "seconds": spent}


def _cpu_seconds() -> tuple[float, float]:
    """User and system (kernel) CPU seconds of this process and of every reaped descendant
    (pool workers, a Dask cluster's processes once it is stopped, so its start and stop
    count too)."""
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime for u in used), sum(u.ru_stime for u in used)


def _whole_stage(stage: str, source: Path, out: Path, engine: str, workers: int) -> dict:
    """Clean all captures under ``source`` into ``out``, or dedup ``out``, on ``workers``."""
    import contextlib
    import dataclasses

    from dedup import run_dedup
    from dedup.dask_shuffle import run_dedup_on_dask
    from pagewash.batch import clean_batch
    from pagewash.config import BatchConfig, Config

    config = Config(batch=BatchConfig(jobs=workers, engine=engine))
    user, system = _cpu_seconds()
    with contextlib.ExitStack() as stack:
        client = None
        if engine == "dask":
            from pagewash.dask_engine import dask_client

            client = stack.enter_context(dask_client(None, workers))
        start = time.time()
        if stage == "clean":
            summary = clean_batch([source], out, config, client=client)
            result = {"seconds": summary.seconds, "docs": summary.total, "stages": {}}
        else:
            if client is not None:
                summary = run_dedup_on_dask(out, client, config.dedup)
            else:
                summary = run_dedup(out, dataclasses.replace(config.dedup, workers=workers))
            result = {"seconds": summary.seconds, "docs": summary.documents, "stages": summary.stage_seconds,
                      "duplicates": summary.duplicates}
    user_after, system_after = _cpu_seconds()
    cpu, kernel = user_after - user + system_after - system, system_after - system
    return {**result, "start": start, "cpu": cpu, "kernel": kernel}


# --- the benchmark --------------------------------------------------------------------

CLEAN_STAGES = ("decode", "repair", "classify", "write")
DEDUP_STAGES = ("normalise", "shingle", "sign")


def _row(stage: str, scope: str, docs: int, seconds: float, peak: float, cpu: float | None = None,
         kernel: float | None = None) -> str:
    rate = docs / seconds if seconds > 0 else float("inf")
    cores = f"{cpu / seconds:>6.2f}" if cpu is not None and seconds > 0 else ""
    share = f" {kernel / cpu:>6.0%}" if kernel is not None and cpu else ""
    return f"{stage:<12} {scope:<26} {docs:>9} {seconds:>9.2f} {rate:>9.0f} {peak:>8.0f} {cores}{share}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench scale", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", default="clean,dedup", help="clean, dedup or clean,dedup")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--workers", default=str(os.cpu_count() or 1), help="comma list, e.g. 1,2")
    parser.add_argument("--sample", type=int, default=2000, help="inputs of the one-core per-stage rows")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: a new one in /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus and outputs")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        kind, *rest = args.phase
        if kind == "clean-stage":
            result = _clean_stages(Path(rest[0]), int(rest[1]), rest[2])
        elif kind == "dedup-stage":
            result = _dedup_stages(Path(rest[0]), int(rest[1]), rest[2])
        else:
            result = _whole_stage(rest[0], Path(rest[1]), Path(rest[2]), rest[3], int(rest[4]))
        print(json.dumps(result))
        return 0

    from bench.corpus import write_captures, write_documents

    stages = args.stages.split(",")
    workers = [int(w) for w in args.workers.split(",")]
    work = args.dir or Path(tempfile.mkdtemp(prefix="pagewash-scale-", dir="/tmp"))
    print(f"scale: N={args.docs} seed={args.seed} engine={args.engine} workers={args.workers} "
          f"cores={os.cpu_count()} load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'stage':<12} {'scope':<26} {'docs':>9} {'seconds':>9} {'docs/s':>9} {'peak MB':>8} {'cores':>6} {'kernel':>6}")
    walls: dict[tuple[str, int], float] = {}
    try:
        if "clean" in stages:
            t = time.perf_counter()
            captures = write_captures(work / "clean", args.docs, seed=args.seed)
            print(f"{'(generate)':<12} {'captures':<26} {args.docs:>9} {time.perf_counter() - t:>9.2f}")
            for stage in CLEAN_STAGES:
                result, samples = _run_phase(["--phase", "clean-stage", str(captures), str(args.sample), stage])
                print(_row(stage, "1 core, sample", result["docs"], result["seconds"], _peak_mb(samples)))
            for w in workers:
                out = work / f"clean-out-{w}"
                result, samples = _run_phase(["--phase", "whole", "clean", str(captures), str(out), args.engine,
                                              str(w)])
                walls["clean", w] = result["seconds"]
                scope = f"all, {args.engine} x{w}"
                print(_row("clean", scope, result["docs"], result["seconds"], _peak_mb(samples, result["start"]),
                           result["cpu"], result["kernel"]))
                shutil.rmtree(out, ignore_errors=True)
        if "dedup" in stages:
            t = time.perf_counter()
            documents = write_documents(work / "dedup" / "documents.jsonl", args.docs, seed=args.seed)
            print(f"{'(generate)':<12} {'documents':<26} {args.docs:>9} {time.perf_counter() - t:>9.2f}")
            for stage in DEDUP_STAGES:
                result, samples = _run_phase(["--phase", "dedup-stage", str(documents), str(args.sample), stage])
                print(_row(stage, "1 core, sample", result["docs"], result["seconds"], _peak_mb(samples)))
            for w in workers:
                result, samples = _run_phase(["--phase", "whole", "dedup", "-", str(documents.parent), args.engine,
                                              str(w)])
                walls["dedup", w] = result["seconds"]
                at = result["start"]
                for stage, seconds in result["stages"].items():
                    print(_row(stage, f"  in run, {args.engine} x{w}", result["docs"], seconds,
                               _peak_mb(samples, at, at + seconds + _POLL)))
                    at += seconds
                scope = f"all, {args.engine} x{w}"
                print(_row("dedup", scope, result["docs"], result["seconds"], _peak_mb(samples, result["start"]),
                           result["cpu"], result["kernel"]))
                print(f"{'':<12} {result['duplicates']} duplicates flagged")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for stage in stages:
        if (stage, 1) in walls and len(workers) > 1:
            most = max(workers)
            print(f"speed-up {stage} 1 -> {most} workers: {walls[stage, 1] / walls[stage, most]:.2f}x")
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0
