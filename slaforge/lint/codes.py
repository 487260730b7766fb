"""The shape of a rule code, shared by rule files and lint configuration.

A rule code is letters then three digits (``SLA101``, ``ACME101``). Where rules are
selected, ignored or given a severity, a code prefix (``SLA4``: letters then one to three
digits) stands for every rule whose code starts with it.
"""

from __future__ import annotations

import re

CODE_DIGITS = 3
"""How many digits end a rule code."""

CODE = re.compile(rf"[A-Z]+[0-9]{{{CODE_DIGITS}}}")
"""A complete rule code (use with ``fullmatch``)."""

CODE_PREFIX = re.compile(rf"[A-Z]+[0-9]{{1,{CODE_DIGITS}}}")
"""A rule code or the start of one, as ``select``/``ignore``/``severity`` accept (``fullmatch``)."""
