"""Built-in token patterns the engine uses to classify sentences and rebuild metric cards.

Keys start with ``@`` so they never clash with rule codes. All patterns read only
``LOWER``/``ORTH``/``LIKE_NUM``/``IS_TITLE`` so they work on the blank pipeline too.

Each module holds the cues of a few keys in a ``CUES`` of its own; :data:`CUES` joins them in
the order of this list, which is the order the matchers are built in (matching results depend
on it, so keep both the order of the keys and that of the patterns of each key):

- ``words``: what the others share: units, the words for the customer and the provider, and
  the pattern builders
- ``scope``: ``@obligation``, ``@exclusion`` and :data:`SCOPE_KEYS`
- ``remedies``: ``@credit`` and ``@remedy``
- ``figures``: ``@pct``, ``@dur``, ``@rate`` and ``@score``
- ``windows``: ``@window``
- ``clocks``: ``@start``, ``@clock-scope`` and ``@clock``
- ``sources``: ``@source`` and ``@access``
- ``terms``: ``@definition`` and ``@qualifier``
- ``notservice``: ``@not-service`` and ``@customer-duty``
- ``metrickinds``: :data:`KIND_WORDS` and ``@kind:<kind>`` for each metric kind
- ``notvague``: ``@not-vague``
- ``providerdeadline``: ``@provider-deadline``
"""

from __future__ import annotations

from slaforge.lint.cues import (
    clocks,
    figures,
    metrickinds,
    notservice,
    notvague,
    providerdeadline,
    remedies,
    scope,
    sources,
    terms,
    windows,
)
from slaforge.lint.cues.metrickinds import KIND_WORDS
from slaforge.lint.cues.scope import SCOPE_KEYS
from slaforge.lint.cues.words import LATENCY_UNITS, PERCENT, RATE_PERIODS, TIME_UNITS, Pattern

__all__ = [
    "CUES",
    "KIND_WORDS",
    "LATENCY_UNITS",
    "PERCENT",
    "RATE_PERIODS",
    "SCOPE_KEYS",
    "TIME_UNITS",
    "Pattern",
]

CUES: dict[str, list[Pattern]] = {
    **scope.CUES,
    **remedies.CUES,
    **figures.CUES,
    **windows.CUES,
    **clocks.CUES,
    **sources.CUES,
    **terms.CUES,
    **notservice.CUES,
    **metrickinds.CUES,
    **notvague.CUES,
    **providerdeadline.CUES,
}
