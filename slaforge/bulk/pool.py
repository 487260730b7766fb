"""The worker processes of ``slaforge bulk --jobs N``: each has a pipe of its own and no lock is
shared between them, so a worker that dies (killed, out of memory, crashed) costs the row it was
building and nothing else: that row fails with the reason, its other rows go to the others, a
new worker takes its place, and stopping the pool (SIGKILL, then a wait for the exit) cannot
hang on a dead worker's lock as ``multiprocessing.Pool`` can."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from slaforge.bulk.rows import Row
from slaforge.bulk.worker import Entry, RowWorker, WorkerConfig

Result = tuple[Entry, bytes | None]

AHEAD = 2
"""Rows a worker holds at once: the next one is there as soon as it finishes one."""


def _serve(conn: Connection, config: WorkerConfig, inherited: list[Connection]) -> None:
    """A worker's life: build each row the parent sends, until its pipe closes."""
    for other in inherited:  # (the other workers' pipes, copied by fork)
        other.close()
    leave_signals_to_the_parent()
    worker: RowWorker | None = None
    try:
        worker = RowWorker(config)
    except Exception as exc:  # (each row then fails with the reason)
        error = str(exc)
    while True:
        try:
            row: Row | None = conn.recv()
        except EOFError:  # the parent has gone
            return
        if row is None:
            return
        if worker is None:
            failed = Entry(row.number, "", "", "failed", f"could not start a worker: {error}")
            conn.send((failed, None))
        else:
            conn.send(worker.process(row))


def leave_signals_to_the_parent() -> None:
    """Ctrl-C and SIGTERM, sent to a whole process group by a terminal, ``timeout`` or a
    service manager, are the parent's to act on: it stops the run cleanly, then the workers."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    rows: deque[tuple[int, Row]] = field(default_factory=deque)
    """The rows sent to it and not yet answered, each with its place in the input."""


def _cause(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    if exitcode is None:
        return "it stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        extra = ", perhaps for lack of memory" if exitcode == -signal.SIGKILL else ""
        return f"killed by {name}{extra}"
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
        try:
            for _ in range(jobs):
                self._workers.append(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        inherited = [w.conn for w in self._workers] if self._fork else []
        self._started += 1
        process = self._context.Process(
            target=_serve,
            args=(theirs, self._config, inherited),
            name=f"slaforge-worker-{self._started}",
            daemon=True,
        )
        try:
            process.start()
        finally:
            theirs.close()
        return _Worker(process, mine)

    def results(self, rows: Iterable[Row], window: int) -> Iterator[Result]:
        """The result of each of ``rows``, in their order; at most ``window`` rows are read
        ahead of the last result given."""
        source = iter(rows)
        unsent: deque[tuple[int, Row]] = deque()
        done: dict[int, Result] = {}
        read = given = 0
        exhausted = False
        while True:
            for worker in self._workers:
                while len(worker.rows) < AHEAD:
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
            while given in done:
                yield done.pop(given)
                given += 1
            if exhausted and not unsent and not any(w.rows for w in self._workers):
                return
            ready = wait([w.conn for w in self._workers])
            for worker in [w for w in self._workers if w.conn in ready]:
                try:
                    result: Result = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(worker, unsent, done)
                    continue
                order, _row = worker.rows.popleft()
                done[order] = result

    def _replace(
        self, worker: _Worker, unsent: deque[tuple[int, Row]], done: dict[int, Result]
    ) -> None:
        """A worker has died: the row it was building fails, the rows it held go back to be
        sent again, and a new worker takes its place."""
        worker.conn.close()
        worker.process.join(5)
        if worker.process.is_alive():  # (it closed its pipe but lives on)
            worker.process.kill()
            worker.process.join()
        if worker.rows:
            order, row = worker.rows.popleft()
            error = (
                f"the worker process building this row stopped "
                f"({_cause(worker.process.exitcode)}); no agreement was written"
            )
            done[order] = (Entry(row.number, "", "", "failed", error), None)
            unsent.extendleft(reversed(worker.rows))
        self._workers[self._workers.index(worker)] = self._start()

    def close(self) -> None:
        """Stop every worker at once (a worker holds no output of its own) and wait for each
        to end. Safe to call again."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join()
            worker.conn.close()
        self._workers = []
