"""Run a batch: stream rows to workers in bounded windows, write outputs and the manifest."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import threading
import zipfile
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slaforge.bulk.columns import read_mapping, resolve_columns
from slaforge.bulk.manifest import (
    Built,
    manifest_csv,
    manifest_json,
    read_built,
    read_previous,
    write_manifest,
)
from slaforge.bulk.naming import DEFAULT_PATTERN, check_fields, check_pattern
from slaforge.bulk.pool import STOPPING, WorkerPool
from slaforge.bulk.report import write_report
from slaforge.bulk.rows import RowSource, resolve_encoding
from slaforge.bulk.worker import Entry, RowWorker, WorkerConfig
from slaforge.errors import InputError, Location
from slaforge.fileio import write_atomic
from slaforge.lint.config import LintConfig
from slaforge.render.build import Builder
from slaforge.spec.load import read_text, validate_data
from slaforge.spec.yamlpos import load_yaml

Progress = Callable[[int, int], None]


@dataclass
class BulkOptions:
    customers: Path
    base: Path
    outdir: Path
    jobs: int = 0
    pattern: str = DEFAULT_PATTERN
    mapping: Path | None = None
    template: str = "default"
    clause_dirs: tuple[Path, ...] = ()
    lint: bool = False
    skip_existing: bool = False
    zip: bool = False
    report: bool = False
    encoding: str | None = None
    """The text encoding of a CSV, JSON or YAML customer file; None: UTF-8, a BOM accepted."""


@dataclass
class BulkResult:
    entries: list[Entry] = field(default_factory=list)
    interrupted: bool = False
    signum: int = 0
    """The signal that stopped the run (``SIGINT`` for Ctrl-C, ``SIGTERM``), when interrupted."""
    report: Path | None = None
    archive: Path | None = None

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)


def prepare(options: BulkOptions) -> tuple[RowSource, WorkerConfig]:
    """Check every input before any row runs; problems here are bad input (exit 2)."""
    check_pattern(options.pattern)
    resolve_encoding(options.encoding)
    base_text = read_text(options.base)
    base_doc = load_yaml(base_text, str(options.base))
    validate_data(base_doc, str(options.base))
    source = RowSource(options.customers, options.encoding)
    mapping = read_mapping(options.mapping) if options.mapping else {}
    unknown = sorted(set(mapping) - set(source.columns))
    if unknown:
        raise InputError(
            f"mapping names columns the customer file does not have: {', '.join(unknown)}",
            Location(options.mapping),
        )
    columns = resolve_columns(source.columns, base_doc.data, mapping, options.customers)
    check_fields(options.pattern, base_doc.data, columns, options.customers)
    Builder(options.template, options.clause_dirs)  # a bad template or clause library, here
    if options.outdir.exists() and not options.outdir.is_dir():
        raise InputError("output path exists and is not a folder", Location(options.outdir))
    config = WorkerConfig(
        base_data=base_doc.data,
        base_digest=hashlib.sha256(base_text.encode()).hexdigest(),
        columns=columns,
        pattern=options.pattern,
        template=options.template,
        clause_dirs=tuple(options.clause_dirs),
        lint=_lint_settings(options.base) if options.lint else None,
        outdir=options.outdir,
        previous=read_previous(options.outdir) if options.skip_existing else {},
    )
    return source, config


def _lint_settings(base: Path) -> LintConfig:
    """The lint settings of the config nearest the base spec, checked as ``slaforge lint``
    checks them (a code that names no rule is bad input, not a selection of nothing)."""
    from slaforge.lint.config import check_known, load_config
    from slaforge.lint.model import LintOptions
    from slaforge.lint.rules import load_rules

    config = load_config(base.resolve().parent)
    check_known(config, load_rules([Path(d) for d in config.options.rule_dirs]), LintOptions())
    return config


def run_bulk(options: BulkOptions, progress: Progress | None = None) -> BulkResult:
    """Build one agreement per row. Ctrl-C or SIGTERM keeps finished files and writes the
    manifest."""
    source, config = prepare(options)
    total = source.count()  # reads every row: a file that cannot be decoded stops here
    jobs = min(options.jobs or os.cpu_count() or 1, max(total, 1))
    result = BulkResult()
    options.outdir.mkdir(parents=True, exist_ok=True)
    names: dict[str, int] = {}
    built = read_built(options.outdir)
    removed: set[str] = set()
    window = max(32, jobs * 64)
    with _stop_signals() as stop:
        try:
            with closing(_results(source, config, jobs, window, stop)) as results:
                for entry, data in results:
                    _finish(entry, data, names, options.outdir)
                    result.entries.append(entry)
                    if progress:
                        progress(len(result.entries), total)
                    if stop():
                        break
            if not stop():  # (every row's name is known only now)
                removed = _clear_stale(result.entries, names, options.outdir, built)
        except KeyboardInterrupt:
            result.interrupted = True
        finally:
            files: Built = {}

            def record() -> None:
                files.update(_ours(built, removed, result.entries, options.outdir))
                write_manifest(options.outdir, result.entries, files)

            if _uncut(record, stop):
                result.interrupted = True
        try:
            if options.zip and not (result.interrupted or stop()):
                result.archive = _write_archive(options.outdir, result.entries, files, stop)
            if options.report:
                result.report = write_report(
                    options.outdir, result.entries, options.base, options.customers
                )
        except KeyboardInterrupt:
            result.interrupted = True
        if result.interrupted or stop():
            result.interrupted = True
            result.signum = stop() or int(signal.SIGINT)
    return result


class _Stop:
    """Ctrl-C and SIGTERM as a run receives them (see :func:`_stop_signals`); calling it gives
    the signal received first (0 before any)."""

    def __init__(self) -> None:
        self.received = 0
        self.holding = 0
        self.raised = False

    def __call__(self) -> int:
        return self.received

    def handler(self, signum: int, frame: object) -> None:
        if not self.received:
            self.received = signum
        elif not (self.holding or self.raised):
            self.raised = True
            raise KeyboardInterrupt

    @contextmanager
    def held(self) -> Iterator[None]:
        """A step that must finish whole: within it a signal is noted, never raised."""
        self.holding += 1
        try:
            yield
        finally:
            self.holding -= 1


@contextmanager
def _stop_signals() -> Iterator[_Stop]:
    """Turn the first Ctrl-C or SIGTERM into a flag checked between rows, so no write is cut in
    half. A second one stops at once (KeyboardInterrupt), unless it lands in a step that must
    finish whole (:func:`_uncut`); there is one KeyboardInterrupt at most. A signal ignored at
    launch stays ignored (a job a script starts in the background ignores Ctrl-C, as Python
    itself does). Outside the main thread signals cannot be caught, and the flag stays 0."""
    stop = _Stop()
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in STOPPING:
            if signal.getsignal(signum) is not signal.SIG_IGN:
                previous[signum] = signal.signal(signum, stop.handler)
    try:
        yield stop
    finally:
        for number, before in previous.items():
            signal.signal(number, before)


def _uncut(step: Callable[[], object], stop: _Stop) -> bool:
    """Run ``step``, milliseconds of work that must not be cut (stopping the workers, writing
    the manifest), with Ctrl-C and SIGTERM noted but not raised. A KeyboardInterrupt that
    lands before the hold takes effect runs ``step`` again (it must be idempotent); returns
    True then."""
    try:
        with stop.held():
            step()
        return False
    except KeyboardInterrupt:
        with stop.held():
            step()
        return True


def _results(
    source: RowSource, config: WorkerConfig, jobs: int, window: int, stop: _Stop
) -> Generator[tuple[Entry, bytes | None], None, None]:
    if jobs == 1:
        worker = RowWorker(config)
        for row in source:
            yield worker.process(row)
        return
    pool = WorkerPool(jobs, config)
    try:
        yield from pool.results(source, window, stop)
    finally:  # (done, a Ctrl-C, or the caller closing this generator)
        if _uncut(pool.close, stop):
            raise KeyboardInterrupt


def _finish(entry: Entry, data: bytes | None, names: dict[str, int], outdir: Path) -> None:
    if entry.output and entry.status != "failed":
        first = names.setdefault(entry.output, entry.row)
        if first != entry.row:
            entry.status, data = "failed", None
            entry.error = f"output name {entry.output!r} is also used by row {first}"
            entry.sha256 = ""
    if data is not None and entry.status == "ok":
        write_atomic(outdir / entry.output, data)


def _ours(built: Built, removed: set[str], entries: list[Entry], outdir: Path) -> Built:
    """The agreements in the folder that this run or an earlier one built, with their sha256
    and input hash: kept across runs, so a run that was interrupted, or that could not remove a
    file, does not make the next one forget which files are ours or what they were built from."""
    files = {name: known for name, known in built.items() if name not in removed}
    for entry in entries:
        if entry.status in ("ok", "skipped"):
            files[entry.output] = (entry.sha256, entry.input_hash)
    return {name: known for name, known in files.items() if (outdir / name).is_file()}


def _clear_stale(
    entries: list[Entry], names: dict[str, int], outdir: Path, built: Built
) -> set[str]:
    """A failed row's agreement from an earlier run would sit beside this run's as if it were
    one of them: remove it when it is the very file the earlier manifest lists and no row of
    this run built or kept that name, and say on the row's error line what became of it.
    Returns the names removed."""
    removed: set[str] = set()
    for entry in entries:
        if entry.status != "failed" or not entry.output or entry.output in names:
            continue
        target = outdir / entry.output
        try:
            content = target.read_bytes()
        except OSError:
            continue  # no such file (or not a file): nothing stale to speak of
        known = built.get(entry.output)
        if known is None:
            entry.error += f" ({entry.output} is left in place: no earlier manifest lists it)"
        elif hashlib.sha256(content).hexdigest() != known[0]:
            entry.error += (
                f" ({entry.output} is left in place: it was changed after the earlier run built it)"
            )
        else:
            try:
                target.unlink()
            except OSError as exc:
                entry.error += (
                    f" (could not remove the earlier run's {entry.output}: {exc.strerror})"
                )
            else:
                entry.error += f" (removed the earlier run's {entry.output})"
                removed.add(entry.output)
    return removed


def _write_archive(
    outdir: Path, entries: list[Entry], files: Built, stop: Callable[[], object]
) -> Path | None:
    """``agreements.zip`` with this run's agreements and the manifest, byte-for-byte stable;
    the manifest's ``files`` there are the agreements the archive holds, not every one of the
    folder (an earlier run's under another ``--name`` stay out). None, and no archive, once
    ``stop()`` is true (checked between files: a big archive takes seconds)."""
    names = sorted(e.output for e in entries if e.status in ("ok", "skipped"))
    ordered = sorted(entries, key=lambda e: e.row)
    held = {name: files[name] for name in names if name in files}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:

        def add(name: str, data: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)

        for name in names:
            if stop():
                return None
            add(name, (outdir / name).read_bytes())
        add("manifest.csv", manifest_csv(ordered))
        add("manifest.json", manifest_json(ordered, held))
    if stop():
        return None
    target = outdir / "agreements.zip"
    write_atomic(target, buffer.getvalue())
    return target
