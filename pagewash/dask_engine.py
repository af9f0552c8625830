"""Run the batch on a Dask cluster (``dask.distributed``) instead of local processes.

Cleaning is a map over files: tasks go to the cluster in chunks, and inside each Dask task
the chunk runs through the same killable pool as the local engine (``pagewash.workers``,
one process), so the per-file deadline and memory limit hold on the cluster too. Each
thread of a Dask worker keeps its pool from chunk to chunk, rather than forking its (large)
process again and warming a new child's caches for every chunk. Workers
read inputs and write outputs by path: on a real cluster, inputs and ``OUT`` must be on a
file system every worker sees. With no scheduler address a ``LocalCluster`` is started on
loopback.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pagewash.workers import KillablePool, Outcome

#: Files per Dask task: large enough to amortise scheduling and the start of the killable
#: child process (measured on 3,000 text captures, one worker: 32 files a task 20.2 s,
#: 128 files 14.4 s), small enough to balance.
CHUNK = 128
#: Chunks in flight per worker, so inputs are drawn lazily (flat memory).
IN_FLIGHT_PER_WORKER = 2


def _distributed():
    try:
        import dask
        import distributed
    except ImportError:
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'pagewash[dask]'") from None
    return dask, distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a new ``LocalCluster`` on loopback
    with ``workers`` single-threaded worker processes (stopped on exit)."""
    dask, distributed = _distributed()
    # Our tasks start a killable child process; Dask's worker processes are daemonic by
    # default and daemonic processes may not have children. On a cluster we start, the
    # workers' statistical profiler is off: it samples the worker every 10 ms, and the
    # work happens in the child, where it sees nothing.
    settings = {"distributed.worker.daemon": False, "distributed.worker.profile.enabled": False}
    with dask.config.set(settings):
        if scheduler:
            with distributed.Client(scheduler) as client:
                yield client
            return
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=":0") as cluster, \
                distributed.Client(cluster) as client:
            yield client


def run_tasks_on_dask(client, func: Callable[[Any], Any], tasks: Iterable[Any], *, timeout: float,
                      memory_mb: int = 0) -> Iterator[tuple[Any, Outcome]]:
    """Like ``pagewash.workers.run_tasks``, on the cluster behind ``client``."""
    _, distributed = _distributed()
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    chunks = _chunked(tasks, CHUNK)
    running = distributed.as_completed()
    submitted: dict[str, list] = {}

    def submit(chunk: list) -> None:
        future = client.submit(_run_chunk, func, chunk, timeout, memory_mb, pure=False)
        submitted[future.key] = chunk
        running.add(future)

    for chunk in itertools.islice(chunks, workers * IN_FLIGHT_PER_WORKER):
        submit(chunk)
    for future in running:
        chunk = submitted.pop(future.key)
        try:
            outcomes = future.result()
        except Exception as error:  # the Dask task itself was lost (its worker died ...)
            failure = Outcome("error", error=f"dask task failed: {type(error).__name__}: {error}")
            outcomes = [(position, failure) for position in range(len(chunk))]
        future.release()
        for position, outcome in outcomes:
            yield chunk[position], outcome
        following = next(chunks, None)
        if following is not None:
            submit(following)


#: The pools of this (Dask worker) process, by thread, function and memory limit. Their
#: children are daemonic: they go when the worker process does.
_POOLS: dict[tuple[int, Callable[[Any], Any], int], KillablePool] = {}


def _run_chunk(func, chunk: list, timeout: float, memory_mb: int) -> list[tuple[int, Outcome]]:
    """Run one chunk on this thread's pool; each outcome comes back with its position in
    the chunk (the client holds the tasks: no need to send them back)."""
    key = (threading.get_ident(), func, memory_mb)
    pool = _POOLS.get(key)
    if pool is None:
        pool = _POOLS[key] = KillablePool(func, jobs=1, memory_mb=memory_mb)
    positions = {id(task): position for position, task in enumerate(chunk)}
    return [(positions[id(task)], outcome) for task, outcome in pool.run(chunk, timeout=timeout)]


def _chunked(items: Iterable[Any], size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
