"""The worker processes of ``slaforge bulk --jobs N``: each has a pipe of its own and no lock is
shared between them, so a worker that dies (killed, out of memory, crashed) costs the row it was
building and nothing else: that row fails with the reason, its other rows go to the others, a
new worker takes its place, and stopping the pool (SIGKILL, then a wait for the exit) cannot
hang on a dead worker's lock as ``multiprocessing.Pool`` can."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from slaforge.bulk.rows import Row
from slaforge.bulk.worker import Entry, RowWorker, WorkerConfig

Result = tuple[Entry, bytes | None]

AHEAD = 2
"""Rows a worker holds at once: the next one is there as soon as it finishes one."""
STOPPING = (signal.SIGINT, signal.SIGTERM)
"""The signals that stop a run cleanly: Ctrl-C, and SIGTERM from ``kill``, ``timeout``, a
container or service manager. The parent acts on them; its workers ignore them."""
_EARLY_DEATHS = 3
"""Workers in a row that may die before they are ready: then no more are started."""
_READY = None
"""What a worker sends once it can build rows."""


def _serve(conn: Connection, config: WorkerConfig, inherited: list[Connection]) -> None:
    """A worker's life: build each row the parent sends, until its pipe closes."""
    _leave_signals_to_the_parent()
    for other in inherited:  # (the parent's end of every pipe, this one's too, copied by fork)
        other.close()
    worker: RowWorker | None = None
    try:
        worker = RowWorker(config)
    except Exception as exc:  # (each row then fails with the reason)
        error = str(exc)
    try:
        conn.send(_READY)
        while (row := conn.recv()) is not None:
            if worker is None:
                failed = Entry(row.number, "", "", "failed", f"could not start a worker: {error}")
                conn.send((failed, None))
            else:
                conn.send(worker.process(row))
    except (EOFError, OSError):  # the parent has gone
        return


def _leave_signals_to_the_parent() -> None:
    """Ctrl-C and SIGTERM, sent to a whole process group by a terminal, ``timeout`` or a
    service manager, are the parent's to act on: it stops the run cleanly, then the workers."""
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_IGN)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    rows: deque[tuple[int, Row]] = field(default_factory=deque)
    """The rows sent to it and not yet answered, each with its place in the input."""
    ready: bool = False
    """It has said it can build rows: a row it dies with is the one it was building."""


def _cause(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    if exitcode is None:
        return "it stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        memory = name == "SIGKILL"  # (the out-of-memory killer's signal)
        return f"killed by {name}{', perhaps for lack of memory' if memory else ''}"
    return f"exited with status {exitcode}"


class WorkerPool:
    """``jobs`` worker processes that build rows (see the module's docstring)."""

    def __init__(self, jobs: int, config: WorkerConfig) -> None:
        self._fork = os.name == "posix"
        self._context = (
            multiprocessing.get_context("fork")
            if self._fork
            else multiprocessing.get_context("spawn")
        )
        self._config = config
        self._workers: list[_Worker] = []
        self._started = 0
        self._early_deaths = 0
        self._lost = ""
        """Why no worker is left, once none is."""
        try:
            for _ in range(jobs):
                self._start()
        except BaseException:
            self.close()
            raise

    def _start(self) -> None:
        """Start a worker and add it to the pool, with Ctrl-C and SIGTERM held back meanwhile
        (where they can be): one landing between the fork and the add would leave a worker
        that :meth:`close` does not know of."""
        mine, theirs = self._context.Pipe()
        inherited = [*(w.conn for w in self._workers), mine] if self._fork else []
        self._started += 1
        process = self._context.Process(
            target=_serve,
            args=(theirs, self._config, inherited),
            name=f"slaforge-worker-{self._started}",
            daemon=True,
        )
        worker = _Worker(process, mine)
        held = hasattr(signal, "pthread_sigmask")
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, ()) if held else set()  # (the mask now)
        try:
            if held:
                signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
            else:
                self._workers.append(worker)  # (close() skips a worker that never started)
            process.start()
            if held:
                self._workers.append(worker)
        except BaseException:
            if process.pid is None:  # (it never started)
                if worker in self._workers:
                    self._workers.remove(worker)
                mine.close()
            raise
        finally:
            theirs.close()
            if held:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def results(
        self, rows: Iterable[Row], window: int, stop: Callable[[], object]
    ) -> Iterator[Result]:
        """The result of each of ``rows``, in their order; at most ``window`` rows are read
        ahead of the last result given. Ends early, within a fraction of a second, once
        ``stop()`` is true, even while a row takes long."""
        source = iter(rows)
        unsent: deque[tuple[int, Row]] = deque()
        done: dict[int, Result] = {}
        read = given = 0
        exhausted = False
        while True:
            for worker in self._workers:
                while worker.ready and len(worker.rows) < AHEAD:
                    if not unsent:
                        if exhausted or read - given >= window:
                            break
                        row = next(source, None)
                        if row is None:
                            exhausted = True
                            break
                        unsent.append((read, row))
                        read += 1
                    item = unsent.popleft()
                    try:
                        worker.conn.send(item[1])
                    except OSError:  # (a dead worker: wait() below reports it)
                        unsent.appendleft(item)
                        break
                    worker.rows.append(item)
            if not self._workers:  # none could be started again: the rest fail
                for order, row in [*unsent, *zip(itertools.count(read), source)]:
                    done[order] = (Entry(row.number, "", "", "failed", self._lost), None)
                unsent.clear()
                exhausted = True
            while given in done:
                yield done.pop(given)
                given += 1
            if exhausted and not unsent and not any(w.rows for w in self._workers):
                return
            ready = wait([w.conn for w in self._workers], timeout=0.25)
            if stop():
                return
            for worker in [w for w in self._workers if w.conn in ready]:
                try:
                    answer: Result | None = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(worker, unsent, done)
                    continue
                if answer is None:
                    worker.ready = True
                    self._early_deaths = 0
                    continue
                order, _row = worker.rows.popleft()
                done[order] = answer

    def _replace(
        self, worker: _Worker, unsent: deque[tuple[int, Row]], done: dict[int, Result]
    ) -> None:
        """A worker has died: the row it was building fails, the rows it held go back to be
        sent again, and a new worker takes its place (unless workers keep dying before they
        are ready, or none can be started)."""
        worker.conn.close()
        worker.process.join(5)
        if worker.process.is_alive():  # (it closed its pipe but lives on)
            worker.process.kill()
            worker.process.join()
        self._workers.remove(worker)
        cause = _cause(worker.process.exitcode)
        if worker.ready and worker.rows:
            order, row = worker.rows.popleft()
            error = (
                f"the worker process building this row stopped ({cause}); no agreement was written"
            )
            done[order] = (Entry(row.number, "", "", "failed", error), None)
        unsent.extendleft(reversed(worker.rows))
        if worker.ready:
            self._early_deaths = 0
        else:
            self._early_deaths += 1
            if self._early_deaths >= _EARLY_DEATHS:  # (the others carry on; none: rows fail)
                self._lost = f"no worker process could be started ({cause})"
                return
        try:
            self._start()
        except OSError as exc:
            self._lost = f"no worker process could be started: {exc.strerror or exc}"

    def close(self) -> None:
        """Stop every worker at once (a worker holds no output of its own) and wait for each
        to end. Safe to call again."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            if worker.process.pid is not None:
                worker.process.join()
            worker.conn.close()
        self._workers = []
