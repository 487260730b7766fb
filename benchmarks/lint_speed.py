"""Print how fast the linter runs, side by side in one run, on a generated agreement of at
least 15,000 words built from our own labelled clauses:

- the full lint (engine, trained pipeline without NER/parser, all rules);
- the full ``en_core_web_sm`` pipeline alone (every component, NER included, no rules);
- the lint on the blank pipeline (``--model blank``), also as a multiple of the bare model's
  speed (the issue set its 100,000 words/s where the bare model ran ~5,600);
- when ``slaforge.extract`` exists, the whole ``slaforge lint`` process on a .docx, first with
  an empty cache, then with the cache that run filled (parsed rules, matchers, regexes).

    python benchmarks/lint_speed.py [--words 15000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from slaforge.extract.text import extract_text  # noqa: E402
from slaforge.lint.engine import lint_blocks  # noqa: E402
from slaforge.lint.model import Block, LintOptions  # noqa: E402
from slaforge.lint.nlp import BATCH_SIZE, FALLBACK_MODELS, load_pipeline  # noqa: E402

LABELLED = REPO / "tests" / "lint" / "data" / "labelled.yaml"
SECTIONS = (
    "Definitions",
    "Service availability",
    "Support and response",
    "Exclusions",
    "Service credits",
    "Measurement and reporting",
    "Term and review",
)


def agreement(min_words: int) -> str:
    """A long agreement: numbered sections of varied clauses from the labelled set."""
    with LABELLED.open(encoding="utf-8") as handle:
        clauses = [e["text"] for e in yaml.safe_load(handle) if "\n" not in e["text"]]
    out: list[str] = ["# Master Service Level Agreement"]
    words = 0
    section = 0
    i = 0
    while words < min_words:
        section += 1
        out.append(f"## {section}. {SECTIONS[section % len(SECTIONS)]}")
        for sub in range(1, 9):
            text = clauses[i % len(clauses)]
            i += 1
            out.append(f"{section}.{sub} {text}")
            words += len(text.split())
    return "\n\n".join(out) + "\n"


REFERENCE_BARE = 5_600
"""Words/s of the bare full model on the machine where the speed targets were set."""

BLANK_RUNS = 10
"""Runs of the blank-pipeline lint (a fifth of a second each): the fastest is the one least
disturbed by other work on the machine."""


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` timed runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def full_model_name() -> str | None:
    """The first installed English model package."""
    return next((n for n in FALLBACK_MODELS if importlib.util.find_spec(n)), None)


def write_docx(blocks: list[Block], path: Path) -> None:
    """Save the agreement as a .docx with real headings (python-docx)."""
    import docx

    document = docx.Document()
    for block in blocks:
        if block.is_heading:
            document.add_heading(block.text.lstrip("#").strip(), level=min(block.level, 3))
        else:
            document.add_paragraph(block.text)
    document.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=15_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = agreement(args.words)
    blocks = extract_text(text, markdown=True)
    words = len(text.split())
    print(f"agreement: {words:,} words in {len(blocks)} blocks")

    options = LintOptions()
    lint_blocks(blocks, "bench", options)  # load pipeline, compile matchers
    lint_s = best_of(args.repeat, lambda: lint_blocks(blocks, "bench", options))
    findings = len(lint_blocks(blocks, "bench", options).findings)
    print(
        f"full lint ({load_pipeline().name}, all rules): {words / lint_s:>10,.0f} words/s "
        f"({lint_s:.2f} s, {findings} findings)"
    )

    name = full_model_name()
    bare_s: float | None = None
    if name is None:
        print("no trained English model installed; bare-pipeline comparison skipped")
    else:
        import spacy

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            full = spacy.load(name)
        texts = [b.text for b in blocks]
        list(full.pipe(texts[:20]))
        bare_s = best_of(args.repeat, lambda: list(full.pipe(texts, batch_size=BATCH_SIZE)))
        print(
            f"{name} alone, {'+'.join(full.pipe_names)}: {words / bare_s:>10,.0f} words/s "
            f"({bare_s:.2f} s)"
        )
        print(f"ratio lint / bare full pipeline: {bare_s / lint_s:.2f}x (target >= 2x)")

    blank = LintOptions(model="blank")
    lint_blocks(blocks, "bench", blank)
    runs = []
    for _ in range(max(args.repeat, BLANK_RUNS)):
        start = time.perf_counter()
        result = lint_blocks(blocks, "bench", blank)
        runs.append((time.perf_counter() - start, result.timing))
    runs.sort(key=lambda run: run[0])
    blank_s, timing = runs[0]
    median_s = statistics.median(run[0] for run in runs)
    print(
        f"blank-pipeline lint: {words / blank_s:>10,.0f} words/s ({blank_s:.3f} s, fastest of "
        f"{len(runs)}; median {words / median_s:,.0f} words/s; target >= 100,000)"
    )
    if bare_s is not None:
        # the issue set 100,000 words/s on a machine where the bare model ran ~5,600 words/s;
        # this ratio is the figure that does not depend on how fast this machine is
        print(
            f"blank-pipeline lint / bare full pipeline: {bare_s / blank_s:.1f}x "
            f"(100,000 against the issue's ~5,600 words/s is {100_000 / REFERENCE_BARE:.1f}x)"
        )
    print("where the fastest blank-pipeline run spent its time (as `slaforge lint --timing`):")
    print(textwrap.indent(timing.report(slowest=5), "  "))

    if importlib.util.find_spec("slaforge.extract") is None:
        print("slaforge.extract not available; .docx end-to-end timing skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "agreement.docx"
        write_docx(blocks, path)
        command = [sys.executable, "-m", "slaforge", "lint", str(path), "--fail-on", "none"]
        # the first run parses the rule files, compiles the token regexes it needs and keeps
        # both in an empty cache; later runs read them back
        env = {**os.environ, "SLAFORGE_CACHE_DIR": str(Path(tmp) / "cache")}
        for run in ("first run, empty cache", "next run, cache filled"):
            start = time.perf_counter()
            done = subprocess.run(
                command, capture_output=True, text=True, cwd=REPO, env=env, check=False
            )
            took = time.perf_counter() - start
            status = (
                "ok" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr[-200:]}"
            )
            print(
                f"slaforge lint on a {words:,}-word .docx (whole process, cold start, {run}): "
                f"{took:.2f} s = {words / took:,.0f} words/s ({status})"
            )


if __name__ == "__main__":
    main()
