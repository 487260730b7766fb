"""The things a value is about, as (qualifier, head) pairs: subject words ("portal", "API",
"database") made one by ``head_noun``, lead-in labels and row labels (``label_subject``,
``lead_label``, ``label_subjects``), the noun a sentence opens with (``np_subject``), named services
("of the Journey Planner": ``service_names``), and the words that never name a thing (parties, work
items, generic words)."""

from __future__ import annotations

import functools
import re

from slaforge.lint.restated.measures import MEASURE, find_measures
from slaforge.lint.restated.regex import alternatives, ascii_regex, factor
from slaforge.lint.restated.vocabulary import PRIORITY

SUBJECTS = re.compile(
    r"\b("
    + factor(
        alternatives(
            r"portal|api|website|web ?site|storefront|checkout|email|e-mail|network|circuit|site"
            r"|database|application|platform|component|server|storage|telephony|voice|chat|phone"
            r"|telephone|desk|laptop|desktop|mobile|sync|client app|dashboard|reporting|erp|crm"
            r"|backup|snapshot|restore|power|cooling|lead|mql|sql|demo|production|sandbox|staging"
            r"|region|country|territory|campus|depot|warehouse"
        )
    )
    + r")s?\b",
)
SUBJECTS_ASCII = ascii_regex(SUBJECTS)
_SYNONYMS = {
    "snapshot": "backup", "website": "website", "web site": "website", "e-mail": "email",
    "telephone": "phone", "telephony": "phone", "voice": "phone", "mql": "lead",
    "desk": "support", "helpdesk": "support",
}  # fmt: skip

GENERIC = re.compile(
    r"\b(?:table|summary|reference|quick|service levels?|levels?|schedule|policy|dashboard|"
    r"definitions?|faq|governance|kpis?|sla|ola|commitments?|targets?|performance|metrics?|note|"
    r"overview|average|mean|monthly|daily|weekly|reporting|windows?|times?|hours?|rates?|standards?|"
    r"section|clause|annex|appendix|article|part|exhibit|paragraph|specification|calculation|footnotes?|"
    r"measurement|the|our|a|an|at|of|for|in|on|to|by|via|with|from|per|and|or)\b|\u00a7|"
    r"\b[\divxlc]+(?:\.\d+)*\b|\b[a-z]\b",
    re.I,
)
_META = re.compile(
    r"\b(?:table|summary|reference|quick|dashboard|definitions?|faq|governance|kpis?|sla|ola|"
    r"commitments?|targets?|performance|metrics?|overview|window|annex|appendix|schedule)\b",
    re.I,
)
"""A label that names a place in the document or a kind of figure, not a thing."""

QUALIFIER_STOP = frozenset(
    """the a an each every all any our its their your of for to and or shall will is are be
    take takes retain retains full daily nightly weekly monthly new existing other by via
    through per from with on in at over across failed faulty affected summary""".split()  # noqa: SIM905
)

WORD = re.compile(r"[A-Za-z][\w-]*")
_ROW_WORD = re.compile(r"\w+")


def head_noun(word: str) -> str:
    word = word.lower().replace(" ", "")
    word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return _SYNONYMS.get(word, word)


_FREQ_ADJ = re.compile(r"\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly)\b")


@functools.lru_cache(maxsize=4096)
def label_subject(text: str) -> tuple[tuple[str, str], bool]:
    """A lead-in label ("Production environment: …") or first cell as a (qualifier, head)
    subject without generic words, and whether it also names a kind of figure."""
    low = text.lower()
    soft = bool(_META.search(low) or MEASURE.search(low))
    words = [w.strip(".,:;()'\u2019") for w in GENERIC.sub(" ", MEASURE.sub(" ", low)).split()]
    words = [w for w in words if w and w[0].isalpha()]
    freq = _FREQ_ADJ.search(low) if soft else None
    if not words:
        if freq:  # "daily recovery points" and "weekly recovery points"
            return ("", freq.group()), soft
        return ("", ""), soft
    qualifier = " ".join(w.lower() for w in words[:-1])
    if freq:  # "daily restore points" and "weekly restore points": two kinds of point
        qualifier = f"{freq.group()} {qualifier}".strip()
    return (qualifier, head_noun(words[-1])), soft


def overlap(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """True when some thing of ``a`` is a thing of ``b`` (same head; the same qualifier, or
    none on one side: "database" is "production database")."""
    for qa, ha in a:
        for qb, hb in b:
            if ha == hb and (qa == qb or not qa or not qb):
                return True
    return False


ITEM_MARK = r"(?:[-*\u2022]\s+|\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)+\.?\s+)?"
"""A bullet or a clause number before a sentence ("- ", "(b) ", "6.3 ")."""
LEAD = re.compile(
    r"^\s*" + ITEM_MARK + r"([A-Za-z\u00a7][\w /&'\u2019.-]{0,40}?)\s*(?::|[\u2013\u2014-])\s"
)


def lead_label(text: str) -> re.Match[str] | None:
    """``LEAD`` at the start of ``text``, searched only when the mark it ends with is there."""
    if ":" in text or "-" in text or "\u2013" in text or "\u2014" in text:
        return LEAD.match(text)
    return None


BACKUP_CLASS = {
    "hourly": "hourly", "daily": "daily", "nightly": "daily", "weekly": "weekly",
    "monthly": "monthly", "yearly": "yearly", "annual": "yearly", "day": "daily",
    "week": "weekly", "month": "monthly", "year": "yearly",
}  # fmt: skip
"""How often a class of backup is taken: each class has its own retention."""


def subjects_in(text: str) -> set[tuple[str, str]]:
    """The things named in ``text``, each with the word before it as its qualifier."""
    found = set()
    text = text.lower()
    for m in SUBJECTS.finditer(text):
        words = WORD.findall(text, max(0, m.start() - 30), m.start())[-1:]
        qualifier = words[0] if words else ""
        if qualifier in QUALIFIER_STOP or GENERIC.fullmatch(qualifier):
            qualifier = ""
        found.add((qualifier, head_noun(m.group(1))))
    return found


_NP = re.compile(
    r"^\s*" + ITEM_MARK + r"(?:[^:]{0,60}:\s+)?(?:(?:the|all|each|every|any|our|your|new)\s+)?"
    r"(?P<np>(?:[A-Za-z][\w'\u2019-]*\s+){0,2}?[A-Za-z][\w-]*)"
    r"(?P<pp>\s+(?:of|for|from|on|in)\s+(?:the\s+|each\s+|all\s+|our\s+|your\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)?\s+(?:is|are|will|shall|must"
    r"|should|can|may|take|takes|get|gets|receive|receives)\b",
    re.I,
)
"""The subject of a sentence ("Audit logs are retained …", "Emails are answered …", "CCTV
recordings of the halls are kept …": the head before a short "of" phrase)."""
_NP_ASCII = ascii_regex(_NP)
WORK_ITEMS = frozenset(
    """incident incidents fault faults ticket tickets case cases issue issues problem problems
    request requests job jobs defect defects outage outages service services system
    systems""".split()  # noqa: SIM905
)
"""Work items: "Faults" are any faults, "Hardware faults" one kind of them."""
NOT_THING = frozenset(
    """it they this these that there we you us he she provider providers supplier suppliers
    vendor contractor contractors customer customers client clients operator bureau agency
    carrier outsourcer processor company council university team teams party parties engineer
    engineers technician technicians agent agents adviser advisers staff operative operatives
    executive executives rep reps sdr sdrs sales marketing licensor licensee partner partners
    level levels target targets time times all each every call-outs callouts works work
    failure failures event events breach breaches credit credits fee fees also then only always
    usually normally still further""".split()  # noqa: SIM905
)
"""Subjects that say who acts or name any work item, not a thing the value is about."""


def np_subject(text: str, plain: bool = False) -> tuple[str, str] | None:
    """The thing a sentence is about when it opens with it ("Audit logs are retained"),
    unless that is a party, a work item or a measure."""
    m = (_NP_ASCII if plain else _NP).match(text)
    if m is None:
        return None
    np = m.group("np")
    whole = np + (m.group("pp") or "")  # "speed of answer": the measure, not a thing
    named = find_measures(whole, whole.lower())
    if named:  # "Deliveries take place within a 4-hour slot": the slot of deliveries
        # ("RTG Availability shall be …": the words before the measure name its thing)
        before = [w for w in np[: named[-1][0]].split() if w.isupper() and w.isalpha()]
        return (" ".join(before).lower(), f"@{named[-1][2]}")
    if PRIORITY.search(np.lower()):
        return None
    words = np.split()
    head = words[-1]
    acronym = 2 <= len(head) <= 5 and head.isupper() and head.isalpha()  # "the PIM", "the CRM"
    if (
        head[0].isupper()
        and not acronym
        and m.end("np") - len(head) > len(text) - len(text.lstrip())
    ):
        return None  # "the Supplier", "Acme Cloud": a party or a name
    qualifier = words[-2].lower() if len(words) > 1 else ""
    if head.lower() in NOT_THING:
        return None
    if qualifier in QUALIFIER_STOP or qualifier.endswith("ed") or GENERIC.fullmatch(qualifier):
        qualifier = ""
    if head.lower() in WORK_ITEMS:
        # "Hardware faults" and "Software faults" are two kinds of fault; "Faults" any
        return (qualifier, head_noun(head)) if qualifier else None
    return (qualifier, head_noun(head))


_SERVICE_NAME = re.compile(
    r"\b(?:of|for|on|to|in) the ((?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*)(?=\s+[a-z(]|\s*[,;.:|)]|\s*$)"
)
"""A named service ("of the Journey Planner", "for the Operator Licensing portal")."""
_SERVICE_NAME_ASCII = ascii_regex(_SERVICE_NAME)
_NOT_NAME = frozenset(
    """period periods day days month months contract agreement schedule hours hour level levels
    failure failures report reports date dates time times charges charge fee fees credit credits
    point points plan procedure board term terms year years order orders notice review
    window windows measure measures""".split()  # noqa: SIM905
)


def service_names(
    text: str, left_start: int, start: int, plain: bool = False
) -> set[tuple[str, str]]:
    """The named services before a value in its clause ("Availability of the Journey Planner
    service | 99.95%"), each as (qualifier, head) like a row label."""
    if "the " not in text:
        return set()
    out = set()
    for m in (_SERVICE_NAME_ASCII if plain else _SERVICE_NAME).finditer(text, left_start, start):
        words = m.group(1).lower().split()
        if any(w in _NOT_NAME for w in words):
            continue
        out.add((" ".join(words[:-1]), head_noun(words[-1])))
    return out


def label_subjects(
    label: str, subjects: set[tuple[str, str]]
) -> tuple[set[tuple[str, str]], frozenset[tuple[str, str]]]:
    """Adds a lead-in label's thing to ``subjects`` (a plain name: "Production environment")
    or returns it as a soft subject (a label that is also a kind of figure)."""
    subject, soft = label_subject(label)
    if not subject[1]:
        return subjects, frozenset()
    if soft:
        return subjects, frozenset({subject})
    return subjects | {subject}, frozenset()


@functools.lru_cache(maxsize=1024)
def row_name(label: str) -> str:
    return " ".join(_ROW_WORD.findall(label.lower()))


def label_words(label: str) -> tuple[str, ...]:
    subject, _soft = label_subject(label) if label else (("", ""), False)
    return tuple(f"{subject[0]} {subject[1]}".split())


_ROW_STOP = frozenset(
    """after before from within when once each every any all other than into onto upon about
    with without per its their this that these those then time times maximum minimum max min
    cap caps capped limit limits total aggregate overall combined over under above below more
    less up""".split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=512)
def row_things(label: str) -> frozenset[str]:
    """The words of a table row's label (lower case) that name what the row is about ("finance
    service requests" -> finance, service, request): not measure, priority, tier or generic
    words."""
    low = MEASURE.sub(" ", PRIORITY.sub(" ", label))
    words = GENERIC.sub(" ", low).split()
    kept = [w for w in words if len(w) > 2 and w.isalpha() and w not in _ROW_STOP]
    return frozenset([head_noun(w) for w in kept] + [w.removesuffix("s") for w in kept])
