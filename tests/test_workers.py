import os
import time

from pagewash.workers import ERROR, OK, KillablePool, run_tasks


def work(task):
    if task == "hang":
        time.sleep(60)
    if task == "crash":
        os._exit(3)
    if task == "raise":
        raise RuntimeError("boom")
    return task * 2


def test_every_task_comes_back_once_whatever_happens_to_it():
    tasks = ["a", "hang", "b", "crash", "c", "raise", "d"]
    started = time.monotonic()
    outcomes = dict(run_tasks(work, tasks, jobs=2, timeout=2))
    assert time.monotonic() - started < 30
    assert set(outcomes) == set(tasks)
    for task in "abcd":
        assert outcomes[task].status == OK and outcomes[task].value == task * 2
    assert outcomes["hang"].status == ERROR and "timed out" in outcomes["hang"].error
    assert outcomes["crash"].status == ERROR and "died" in outcomes["crash"].error
    assert outcomes["raise"].status == ERROR and "RuntimeError: boom" in outcomes["raise"].error


def test_tasks_are_drawn_lazily():
    drawn = []

    def tasks():
        for i in range(50):
            drawn.append(i)
            yield i

    results = run_tasks(work, tasks(), jobs=2, timeout=10)
    next(results)
    assert len(drawn) < 10
    assert len(list(results)) == 49


def test_memory_limit_turns_a_hog_into_an_error():
    outcomes = dict(run_tasks(_allocate, [10, 3000], jobs=1, timeout=30, memory_mb=1024))
    assert outcomes[10].status == OK
    assert outcomes[3000].status == ERROR and "memory" in outcomes[3000].error


def _allocate(megabytes):
    return len(bytearray(megabytes * 2**20))


def test_a_pool_keeps_its_children_from_run_to_run():
    with KillablePool(_pid, jobs=1) as pool:
        first = {outcome.value for _, outcome in pool.run(range(3), timeout=10)}
        second = {outcome.value for _, outcome in pool.run(range(3), timeout=10)}
    assert len(first) == 1 and first == second


def test_a_pool_recovers_from_a_hang_and_from_a_run_left_early():
    with KillablePool(work, jobs=2) as pool:
        outcomes = dict(pool.run(["hang", "a"], timeout=1))
        assert outcomes["hang"].status == ERROR and outcomes["a"].value == "aa"
        left = pool.run(["hang", "b"], timeout=60)
        started = time.monotonic()
        assert next(left)[0] == "b"
        left.close()  # the caller stops while a child is busy: that child is stopped
        assert time.monotonic() - started < 10
        outcomes = dict(pool.run(["c", "d"], timeout=10))  # two children again
        assert outcomes["c"].value == "cc" and outcomes["d"].value == "dd"


def _pid(_task):
    return os.getpid()
