"""Where a lint spends its time: seconds per stage and per rule (``slaforge lint --timing``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from time import perf_counter

STAGES = (
    "read files",
    "load rules",
    "load pipeline",
    "compile rules",
    "tokenize and tag",
    "match",
    "block facts",
    "metric cards",
    "classifier scores",
    "rule checks",
    "merge findings",
)
"""The stages in the order a lint runs them (``read files`` is timed by the command)."""


@dataclass
class Timing:
    """Wall-clock seconds per stage and per rule, summed over the files linted."""

    stages: dict[str, float] = field(default_factory=dict)
    rules: dict[str, float] = field(default_factory=dict)
    """Rule code -> seconds in its check (the first rule of a kind pays for work the others
    reuse, such as the values the consistency checks compare)."""
    kinds: dict[str, str] = field(default_factory=dict)
    """Rule code -> its kind."""
    words: int = 0

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time spent in the ``with`` block to stage ``name``."""
        start = perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + perf_counter() - start

    def move(self, source: str, target: str, seconds: float) -> None:
        """Count ``seconds`` of stage ``source`` under ``target`` instead."""
        if seconds:
            self.stages[source] = self.stages.get(source, 0.0) - seconds
            self.stages[target] = self.stages.get(target, 0.0) + seconds

    def add_rule(self, code: str, kind: str, seconds: float) -> None:
        self.rules[code] = self.rules.get(code, 0.0) + seconds
        self.kinds[code] = kind

    def merge(self, others: Iterable[Timing]) -> Timing:
        """This timing plus ``others``."""
        for other in others:
            for name, seconds in other.stages.items():
                self.stages[name] = self.stages.get(name, 0.0) + seconds
            for code, seconds in other.rules.items():
                self.add_rule(code, other.kinds[code], seconds)
            self.words += other.words
        return self

    def report(self, slowest: int = 10) -> str:
        """Stages in run order and the ``slowest`` rules, with their share of the total."""
        total = sum(self.stages.values()) or 1e-9
        rate = f", {self.words / total:,.0f} words/s" if self.words else ""
        lines = [
            f"timing: {total:.3f} s from reading the files to the findings{rate}",
            "  stage                 seconds  share",
        ]
        for name in (*STAGES, *sorted(set(self.stages) - set(STAGES))):
            if name in self.stages:
                seconds = self.stages[name]
                lines.append(f"  {name:<20} {seconds:8.3f} {seconds / total:6.1%}")
        ranked = sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))[:slowest]
        if ranked:
            lines.append("  slowest rules         seconds  share")
            for code, seconds in ranked:
                label = f"{code} ({self.kinds[code]})"
                lines.append(f"  {label:<20} {seconds:8.3f} {seconds / total:6.1%}")
        return "\n".join(lines)
