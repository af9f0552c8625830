"""A process pool that can kill: one task per worker at a time, each with a deadline.

``concurrent.futures`` and ``multiprocessing.Pool`` cannot stop a task that hangs or a
worker that dies (a pathological page, a segfault in a C parser, the OOM killer): the
batch would hang or crash. Here the parent waits on each worker's pipe with the task's
deadline; a worker that overruns is killed and replaced, and its task comes back as an
error outcome, so one file never stops the batch.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

OK = "ok"
ERROR = "error"


@dataclass(frozen=True)
class Outcome:
    """What became of one task: ``ok`` with the function's value, or ``error`` with why."""

    status: str
    value: Any = None
    error: str | None = None


def run_tasks(func: Callable[[Any], Any], tasks: Iterable[Any], *, jobs: int, timeout: float,
              memory_mb: int = 0) -> Iterator[tuple[Any, Outcome]]:
    """Run ``func`` over ``tasks`` in ``jobs`` processes; yield ``(task, outcome)`` as each
    finishes (not in input order). Tasks are drawn lazily, so memory stays flat."""
    with KillablePool(func, jobs=jobs, memory_mb=memory_mb) as pool:
        yield from pool.run(tasks, timeout=timeout)


class KillablePool:
    """``jobs`` child processes that run ``func``, kept for as many ``run`` calls as the
    caller likes: a caller that receives its tasks in chunks (a Dask task) keeps one pool
    and does not pay for starting children, and for warming their caches, per chunk."""

    def __init__(self, func: Callable[[Any], Any], *, jobs: int, memory_mb: int = 0):
        self._start = functools.partial(_Worker, multiprocessing.get_context("fork"), func, memory_mb)
        self._jobs = max(1, jobs)
        self._idle: list[_Worker] = [self._start() for _ in range(self._jobs)]

    def run(self, tasks: Iterable[Any], *, timeout: float) -> Iterator[tuple[Any, Outcome]]:
        """Yield ``(task, outcome)`` for every task as it finishes; a task past its
        ``timeout`` seconds or whose child dies comes back as an error, its child replaced.
        Children still busy when the caller stops early are stopped, and replaced by the
        next run."""
        pending = iter(tasks)
        idle = self._idle
        idle.extend(self._start() for _ in range(self._jobs - len(idle)))
        busy: dict[Connection, tuple[_Worker, Any, float]] = {}
        exhausted = False
        try:
            while True:
                while idle and not exhausted:
                    task = next(pending, _END)
                    if task is _END:
                        exhausted = True
                        break
                    worker = idle.pop()
                    worker.conn.send(task)
                    busy[worker.conn] = (worker, task, time.monotonic() + timeout)
                if not busy:
                    return
                soonest = min(deadline for _, _, deadline in busy.values())
                for conn in wait(list(busy), timeout=max(0.0, soonest - time.monotonic())):
                    worker, task, _ = busy.pop(conn)
                    try:
                        outcome = conn.recv()
                    except (EOFError, OSError):
                        outcome = Outcome(ERROR, error=f"worker process died ({worker.exit_description()})")
                        worker = worker.replace()
                    idle.append(worker)
                    yield task, outcome
                now = time.monotonic()
                for conn, (worker, task, deadline) in list(busy.items()):
                    if deadline <= now:
                        del busy[conn]
                        idle.append(worker.replace())
                        yield task, Outcome(ERROR, error=f"timed out after {timeout:g} s (worker killed)")
        finally:
            for worker, _, _ in busy.values():
                worker.stop()

    def close(self) -> None:
        """Stop every child."""
        for worker in self._idle:
            worker.stop()
        self._idle = []

    def __enter__(self) -> KillablePool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


_END = object()


class _Worker:
    """One child process and the parent's end of its pipe."""

    def __init__(self, context, func: Callable[[Any], Any], memory_mb: int):
        self._context, self._func, self._memory_mb = context, func, memory_mb
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(target=_serve, args=(func, child_conn, memory_mb), daemon=True)
        self.process.start()
        child_conn.close()

    def replace(self) -> _Worker:
        self.stop()
        return _Worker(self._context, self._func, self._memory_mb)

    def exit_description(self) -> str:
        self.process.join(1)
        code = self.process.exitcode
        return f"exit code {code}" if code is None or code >= 0 else f"killed by signal {-code}"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _serve(func: Callable[[Any], Any], conn: Connection, memory_mb: int) -> None:
    """The worker's loop: run one task at a time until the pipe closes.

    The objects inherited from the parent are frozen out of the garbage collector: its
    full collections would walk the parent's whole heap (large in a Dask worker) again
    and again and copy every page they touch."""
    gc.freeze()
    if memory_mb > 0:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            outcome = Outcome(OK, value=func(task))
        except MemoryError:
            outcome = Outcome(ERROR, error="ran out of memory (worker memory limit reached)")
        except Exception as error:  # a bug in pagewash: reported per file, never kills the batch
            outcome = Outcome(ERROR, error=f"internal error: {type(error).__name__}: {error}")
        conn.send(outcome)
