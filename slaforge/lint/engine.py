"""Run the rules over a document's blocks and return findings, metric cards and notices."""

from __future__ import annotations

import copy
import gc
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter

from spacy.tokens import Doc

from slaforge.extract.text import extract_text
from slaforge.lint import classifier
from slaforge.lint.cards import build_cards, check_card, check_consistency, check_numeric
from slaforge.lint.cards.merge import merge_restated
from slaforge.lint.config import selected
from slaforge.lint.context import Context
from slaforge.lint.doccache import DocCache
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.kinds import check_match
from slaforge.lint.matching import compile_rules
from slaforge.lint.model import Block, Finding, LintOptions, LintResult, Severity
from slaforge.lint.nlp import TAGGED, load_pipeline, process
from slaforge.lint.rules import Rule, load_rules
from slaforge.lint.structure import check_section, check_structure
from slaforge.lint.timing import Timing
from slaforge.lint.tokenregex import compile_seconds
from slaforge.lint.tokenview import token_view

KIND_CHECKS: dict[str, Callable[[Rule, Context], list[Finding]]] = {
    "existence": check_match,
    "pattern": check_match,
    "conditional": check_match,
    "numeric": check_numeric,
    "metric-card": check_card,
    "consistency": check_consistency,
    "structure": check_structure,
    "section": check_section,
    "classifier": classifier.check_classifier,
}


def _severity(rule: Rule, options: LintOptions) -> Severity:
    """The override for ``rule``'s code, else for the longest prefix of it, else for its
    category; else its own severity."""
    chosen = options.severity
    prefixes = [s for s in chosen if rule.code.startswith(s)]
    if prefixes:
        return chosen[max(prefixes, key=len)]
    return chosen.get(rule.category) or rule.severity


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


_EACH_WORD = frozenset({"vague-term", "structure", "missing-section"})
"""Categories whose every flagged word or term is its own point, even within a sentence."""


def _dedupe(
    keyed: list[tuple[int, Finding]],
    sentence_of: Callable[[int, int], int],
    once: frozenset[str] = frozenset(),
) -> list[Finding]:
    """One finding per point, in document order:

    - a rule that flags the same words again (anywhere in the document), or any words for a
      rule in ``once`` (``once-per-document``), is reported once, on the first place;
      ``extra.also_at`` names the other places and ``extra.repeats`` counts the mentions
      there;
    - a rule that flags more words of one sentence is reported once, on the first (except
      vague terms and structure findings, where each word or term is its own point);
    - two rules of one category on the same words of one block are reported once, by the more
      severe (the earlier code on a tie); missing sections, which all point at the title, are
      each their own point.
    """
    first: dict[tuple[str, str], Finding] = {}
    places: dict[int, list[str]] = {}
    by_words: dict[tuple[int, str, int, int], Finding] = {}
    # (block, code) -> the start of its first finding: a sentence is worked out only for a
    # rule that flags a block again
    lone: dict[tuple[int, str], int] = {}
    sentences: dict[tuple[int, str], set[int]] = {}
    out: list[Finding] = []

    def key(f: Finding) -> tuple[str, str]:
        return f.code, "" if f.code in once else " ".join(f.match.lower().split())

    for block, f in keyed:
        own = key(f)
        earlier = first.get(own)
        if earlier is not None:
            if (earlier.start, earlier.end) != (f.start, f.end) or earlier.location != f.location:
                place = _place(f)
                if place != _place(earlier):
                    places.setdefault(id(earlier), []).append(place)
            continue
        if f.category not in _EACH_WORD:
            spot = (block, f.code)
            if spot not in lone:
                lone[spot] = f.start
            else:
                seen = sentences.get(spot)
                if seen is None:
                    seen = sentences[spot] = {sentence_of(block, lone[spot])}
                sentence = sentence_of(block, f.start)
                if sentence in seen:
                    continue
                seen.add(sentence)
        sibling = by_words.get((block, f.category, f.start, f.end))
        if sibling is not None and f.category != "missing-section":
            if (_RANK[f.severity], f.code) < (_RANK[sibling.severity], sibling.code):
                out[out.index(sibling)] = f
                by_words[(block, f.category, f.start, f.end)] = f
                if first.get(key(sibling)) is sibling:
                    del first[key(sibling)]
                first[own] = f
            continue  # (a finding not kept takes none of its rule's later places)
        first[own] = f
        by_words[(block, f.category, f.start, f.end)] = f
        out.append(f)
    for f in out:
        also = places.get(id(f))
        if also:
            f.extra["repeats"] = str(len(also))
            f.extra["also_at"] = "; ".join(dict.fromkeys(also))
    return out


def _without_yielded(findings: list[Finding], active: list[Rule]) -> list[Finding]:
    """``findings`` less those of the rules whose ``yields-to`` codes have a finding."""
    yielding = {r.code: r.yields_to for r in active if r.yields_to}
    if not yielding:
        return findings
    found = {f.code for f in findings}
    silent = {code for code, others in yielding.items() if found.intersection(others)}
    return [f for f in findings if f.code not in silent] if silent else findings


def _place(f: Finding) -> str:
    """Where a finding is, as ``also_at`` names it: its clause, else its line."""
    return f"clause {f.location.clause}" if f.location.clause else f.location.where()


def _classify(blocks: list[Block], docs: list[Doc], active: list[Rule]) -> dict[str, list[float]]:
    """The classifier's score for every block in each category a classifier rule runs for.
    Headings score 0."""
    categories = {r.category for r in active if r.kind == "classifier"}
    if not categories:
        return {}
    skipped = [i for i, block in enumerate(blocks) if block.is_heading]
    orths = [token_view(doc).orth_array for doc in docs]
    for i in skipped:
        orths[i] = orths[i][:0]
    scores = classifier.score(orths, classifier.MODEL_DIR, categories)
    for values in scores.values():
        for i in skipped:
            values[i] = 0.0
    return scores


def _run(rules: list[Rule], ctx: Context, options: LintOptions, timing: Timing) -> list[Finding]:
    """Every finding of ``rules``, with its severity after overrides."""
    findings: list[Finding] = []
    for rule in rules:
        severity = _severity(rule, options)
        start = perf_counter()
        for finding in KIND_CHECKS[rule.kind](rule, ctx):
            finding.severity = severity
            findings.append(finding)
        timing.add_rule(rule.code, rule.kind, perf_counter() - start)
    return findings


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one document is linted.

    Linting allocates many small objects that die young; with a loaded spaCy model on the
    heap each full collection rescans it, which cost a quarter of the blank-pipeline time.
    Reference counting still frees everything; the collector resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint_blocks(
    blocks: list[Block], file: str, options: LintOptions, reuse: DocCache | None = None
) -> LintResult:
    """Lint ``blocks`` (one document) with the rules ``options`` select; ``reuse`` keeps the
    tokenized and tagged paragraphs of recent documents for the next (see :class:`DocCache`)."""
    with _collector_paused():
        return _lint_blocks(blocks, file, options, reuse)


def _lint_blocks(
    blocks: list[Block], file: str, options: LintOptions, reuse: DocCache | None
) -> LintResult:
    timing = Timing()
    with timing.stage("load rules"):
        rules = load_rules([Path(d) for d in options.rule_dirs])
    with timing.stage("load pipeline"):
        pipeline = load_pipeline(options.model)
    notices: list[str] = []
    if pipeline.not_found:
        notices.append(
            f"spaCy model {pipeline.not_found!r} could not be loaded; using {pipeline.name}"
        )
    runnable = [r for r in rules if pipeline.trained or not r.needs_tagger]
    active = [r for r in runnable if selected(r, options)]
    if not pipeline.trained:
        skipped = [r.code for r in rules if r.needs_tagger and selected(r, options)]
        why = (
            "using the blank pipeline as asked"
            if options.model == "blank"
            else "no trained English spaCy pipeline is installed; using a blank pipeline"
        )
        notices.append(
            why
            + (f" and skipping rules that need a tagger: {', '.join(skipped)}" if skipped else "")
        )
    model_rules = [r.code for r in active if r.kind == "classifier"]
    if model_rules and classifier.load() is None:
        notices.append(
            f"no classifier model in {classifier.MODEL_DIR}; skipping {', '.join(model_rules)}"
        )
    with timing.stage("compile rules"):
        compiled = compile_rules(pipeline.nlp, runnable)
    tagging = compiled.needs_tagging if pipeline.trained else None
    texts = [b.text for b in blocks]
    with timing.stage("tokenize and tag"):
        docs = process(pipeline.nlp, texts, tagging, reuse)
    compiling = compile_seconds()
    with timing.stage("match"):
        matches = compiled.match(docs, [bool(d.user_data.get(TAGGED)) for d in docs], active)
    # (token regexes compile on first use, inside the match)
    timing.move("match", "compile rules", compile_seconds() - compiling)
    with timing.stage("block facts"):
        infos = DocInfo.build_all(blocks, docs, matches)
        timing.words = sum(len(text.split()) for text in texts)
        ctx = Context(file, infos, timing.words)
    with timing.stage("metric cards"):
        ctx.cards = build_cards(ctx)
    with timing.stage("classifier scores"):
        ctx.scores = _classify(blocks, docs, active)
    with timing.stage("rule checks"):
        # Classifier rules run last: they speak only where no other rule flagged the category.
        findings = _run([r for r in active if r.kind != "classifier"], ctx, options, timing)
        findings = _without_yielded(findings, active)
        for finding in findings:
            ctx.flagged.setdefault(finding.category, set()).add(ctx.block_of[id(finding)])
        findings += _run([r for r in active if r.kind == "classifier"], ctx, options, timing)
    with timing.stage("merge findings"):
        keyed = [(ctx.block_of.get(id(f), 0), f) for f in findings]
        keyed.sort(key=lambda bf: (bf[0], bf[1].start, bf[1].end, bf[1].code))

        starts: dict[int, list[int]] = {}

        def sentence_of(block: int, start: int) -> int:
            if block not in starts:
                starts[block] = ctx.infos[block].sentence_starts()
            return bisect_right(starts[block], start)

        once = frozenset(r.code for r in active if r.once_per_document)
        kept = _dedupe(keyed, sentence_of, once)
    # (a credit tier's bound is no card; a card copied before merging leaves the rules' alone)
    cards = merge_restated([copy.copy(s.card) for s in ctx.cards if not s.tier_bound])
    return LintResult(kept, cards, notices, timing)


def lint_text(text: str, file: str = "<text>", options: LintOptions | None = None) -> LintResult:
    """Lint plain text or Markdown: paragraphs are blank-line separated."""
    return lint_blocks(extract_text(text, markdown=False), file, options or LintOptions())
