"""Whether two statements are about the same thing: the same priority (``same_priority``: "Priority
1 (Critical)" makes "critical" and "P1" one), the same thing (``same_thing``: rows of tables,
subjects, systems, labels named in the other sentence), and for notices and reports the same event
or kind of report (``events_apart``, ``reports_apart``)."""

from __future__ import annotations

import re
from dataclasses import replace

from slaforge.lint.restated.blocks import table_cells
from slaforge.lint.restated.document import Doc
from slaforge.lint.restated.measures import REPORT_NAME
from slaforge.lint.restated.statement import Statement, dimension, glosses_term
from slaforge.lint.restated.subjects import overlap, row_things
from slaforge.lint.restated.vocabulary import PRIORITY, TIERS


def same_priority(a: Statement, b: Statement, doc: Doc) -> bool:
    if a.priority == b.priority or "*" in (a.priority, b.priority):
        return True
    if doc.aliases and doc.aliases.get(a.priority, a.priority) == doc.aliases.get(
        b.priority, b.priority
    ):
        return True  # "Priority 1 (Critical)" makes "critical" and "P1" one priority
    if "" in (a.priority, b.priority) and (
        (a.clock in ("range", "coverage") and a.measure in ("service-hours", "maintenance-window"))
        or "standard" in (a.priority, b.priority)
    ):
        # a tier named alone ("standard cover", "the standard window") is no distinction
        named = a.priority or b.priority
        plain = b if named == a.priority else a
        if plain.row and named in doc.row_priorities.get(plain.table, ()):
            return False  # "| Business | 99.9% |" is not the row "| Standard | 99.5% |"
        if _OTHER_SPEED.search(plain.context):
            return False  # "Express turnaround: 6 hours" is another tier
        return named in TIERS and doc.tiers.get(a.measure, set()) == {named}
    if "" in (a.priority, b.priority):
        ranked, unranked = (a, b) if a.priority else (b, a)
        return ranked.table != unranked.table and _example_of(unranked, ranked, doc)
    return False


_RARE = 5
"""At most this many blocks name a thing that is one kind of case (an entrapment, a leak)."""


def _example_of(plain: Statement, row: Statement, doc: Doc) -> bool:
    """True when the things ``plain`` is about are named in the rows of ``row``'s priority
    and of no other in its table ("Entrapment response time: 45 minutes" and "| P1 | Lift
    entrapment, major water leak | 30 mins |"): ``plain`` is a case of that priority."""
    texts = doc.row_texts.get(row.table)
    heads = {h for _q, h in plain.soft if len(h) > 3 and not h.startswith("@")}
    if not texts or not heads or plain.subjects:
        return False  # (only a label names the case: "Entrapment response time: 45 minutes")
    words = [re.compile(rf"\b{re.escape(h)}") for h in heads]
    if any(_common(h, w, doc) for h, w in zip(heads, words, strict=True)):
        return False  # "the Platform": the service itself, named all through the document
    found = {p for p, text in texts.items() if all(w.search(text) for w in words)}
    return found == {row.priority}


def _common(head: str, word: re.Pattern[str], doc: Doc) -> bool:
    """True when more than ``_RARE`` blocks name ``head`` (``word`` finds it at a word start);
    worked out once per document."""
    known = doc.common.get(head)
    if known is None:
        count = 0
        for low in doc.lows:
            if head in low and word.search(low):  # (a substring test first: most blocks lack it)
                count += 1
                if count > _RARE:
                    break
        known = doc.common[head] = count > _RARE
    return known


_OTHER_SPEED = re.compile(
    r"\b(?:express|rush|urgent|expedited|priority|premium|enhanced|basic|advanced|extended"
    r"|economy|same-day|next-day|fast[- ]track|out[- ]of[- ]hours)\b"
)


def _mentioned(a: Statement, b: Statement) -> bool:
    """True when the words of ``a``'s label are all in ``b``'s sentence: the label names
    who or what ``b`` is about too ("Sales: first call within 48 hours" and "Inside sales
    calls every MQL within 24 hours")."""
    named = a.named
    plain = tuple(w for w in named if not any(c.isdigit() for c in w))
    if len(plain) >= 2:
        named = plain  # "Validated HH Data (D2)": the reference code is not said in prose
    return bool(named) and all(re.search(rf"\b{re.escape(w)}", b.context) for w in named)


_SYSTEMS = frozenset(
    """database portal api website storefront checkout email network application platform server
    telephony phone chat laptop desktop dashboard erp crm pim hris ledger""".split()  # noqa: SIM905
)
"""Systems a value may be about: two different ones are two things, whatever else is shared."""


def _told_apart(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """True when both name one kind of thing with different qualifiers and no bare mention
    ("UK region" and "APAC region"): the document distinguishes the two values by it."""
    for head in {h for _q, h in a} & {h for _q, h in b}:
        qa = {q for q, h in a if h == head}
        qb = {q for q, h in b if h == head}
        if "" not in qa and "" not in qb and not qa & qb and head != "medium":
            return True
    return False


def _tier_named(st: Statement) -> Statement:
    """``st`` without the subjects that only name its own tier ("Gold Sites" of a Gold
    value): the tier is compared as its priority, not as a thing."""
    if not st.priority or not any(q == st.priority for q, _h in st.subjects):
        return st
    kept = frozenset((q, h) for q, h in st.subjects if q != st.priority)
    return replace(st, subjects=kept)


_SIZE = re.compile(
    r"\b(?:over|above|more than|up to|under|below|less than|at least)\s+(\d[\d,]*\d)\b"
)
"""A size a row's label names its cases by ("over 15,000 words", "up to 500 users")."""


def _size_named(row: Statement, other: Statement) -> bool:
    """True when ``row``'s label names its cases by a size of at least two digits and
    ``other``'s block names the same size the same way."""
    cells = table_cells(row.info.low)
    sizes = {m.group(0) for m in _SIZE.finditer(cells[0])} if cells else set()
    return any(re.search(rf"{re.escape(size)}(?![\d,])", other.info.low) for size in sizes)


def rate_linked(row: Statement, other: Statement) -> bool:
    """True when ``row`` is a table row and ``other``, a sentence, names what its label names:
    the size its cases are named by ("| Large projects (over 15,000 words) |" and "For jobs over
    15,000 words"), or every word of its thing and nothing the row does not name ("Scanning of
    fragile bound volumes" is a case of its own)."""
    if not (row.table and row.row) or other.table:
        return False
    if _size_named(row, other):
        return True
    label = row_things(row.row)
    said, low = other.context, row.info.low
    heads = [h for _q, h in other.subjects if not h.startswith("@")]
    return (
        len(label) > 1
        and all(re.search(rf"\b{re.escape(w)}", said) for w in label)
        and all(re.search(rf"\b{re.escape(h)}", low) for h in heads)
    )


def cutoff_linked(a: Statement, b: Statement, doc: Doc) -> bool:
    """For a cut-off named by a term ("Cut-Off Time means 14:00") and one of things received
    ("Orders received by 15:00 … dispatched the same day"): True when some block uses the
    term for those things; a document may have a cut-off for orders and another for payment
    files."""
    if bool(a.subjects) == bool(b.subjects):
        return True
    got = a if a.subjects else b
    heads = [re.compile(rf"\b{re.escape(h)}") for _q, h in got.subjects if h != "case"]
    return any(
        ("cut-off" in low or "cutoff" in low) and any(h.search(low) for h in heads)
        for n, low in enumerate(doc.lows)
        if n != got.info.index
    )


def _row_names(row: Statement, other: Statement) -> bool:
    """True when the cells of ``row``'s table row, a row of a priority that ``other`` has too,
    name every thing ``other`` is about ("| Urgent | Site down, bookings failing | 2 hours |"
    and "for something urgent, such as the Site being down, … within an hour")."""
    if not row.priority or row.priority != other.priority:
        return False  # ("| End-user computing | Laptops, desktops | 8 hours |": a kind of thing)
    heads = [h for _q, h in other.subjects if not h.startswith("@")]
    low = row.info.low
    return bool(heads) and all(re.search(rf"\b{re.escape(h)}", low) for h in heads)


def same_thing(a: Statement, b: Statement, doc: Doc) -> bool:
    a, b = _tier_named(a), _tier_named(b)
    if a.table and a.table == b.table and (a.row != b.row or a.info.index != b.info.index):
        # two rows of one table are two things, whatever words they share (two rows with one
        # label differ by another column: "| Portal | Core Hours | 99.8% |", "| Portal | Night
        # | 99.0% |")
        return False
    for row, other in ((a, b), (b, a)):
        if (
            row.table
            and row.row
            and row.table != other.table
            and not _table_row_named(row, other, doc)
        ):
            return False  # "| B: Departmental devices | 8 hours |" is that row's figure
    if a.row and b.row and a.table != b.table:
        row_words = (row_things(a.row), row_things(b.row))
        if row_words[0] and row_words[1] and not row_words[0] & row_words[1]:
            return False  # "| Contract issued |" and "| Finance service requests |"
    for row, other in ((a, b), (b, a)):
        if row.row and not other.table and any(not h.startswith("@") for _q, h in other.subjects):
            label = row_things(row.row)
            if (
                label
                and not any(re.search(rf"\b{re.escape(w)}", other.context) for w in label)
                and not _row_names(row, other)
            ):
                return False  # "| Contract issued | 3 days |" and "Service requests: 5 days"
    for row, other in ((a, b), (b, a)):
        if row.table and row.row and not other.table:
            rows = [x for x in doc.rows.get(row.table, ()) if _names_row(x, other.context)]
            if rows:
                # "| Business | 99.9% |" and "Business Edition: availability of 99.95%": the
                # sentence names one row of the table, and is about that row only
                return rows == [row.row]
    if a.subjects and b.subjects:
        for kind in ("medium", "phase"):
            media = [{h for q, h in st.subjects if q == kind} for st in (a, b)]
            if media[0] and media[1] and not media[0] & media[1]:
                return False  # logs on disk and in the archive; hours in term and in vacation
        if _told_apart(a.subjects, b.subjects):
            return False  # "the UK region" and "the APAC region", whatever else they share
        systems = [{h for _q, h in st.subjects if h in _SYSTEMS} for st in (a, b)]
        if systems[0] and systems[1] and not systems[0] & systems[1]:
            return False  # backups of the database and backups of the CRM: two systems
        return overlap(a.subjects, b.subjects) or _mentioned(a, b) or _mentioned(b, a)
    if (a.strict and not b.subjects) or (b.strict and not a.subjects):
        return False
    if a.measure == "retention" and bool(a.subjects) != bool(b.subjects) and not a.table:
        # "Keys are kept for 24 hours" and "Shipment and event data is kept for 13 months":
        # a document keeps many kinds of data, each for its own time
        named, plain = (a, b) if a.subjects else (b, a)
        heads = [h for _q, h in named.subjects if not h.startswith("@")]
        # (or the kind of data: "CCTV recordings" and "| CCTV footage retention |")
        kinds = heads + [q for q, h in named.subjects if q.isalpha() and not h.startswith("@")]
        if heads and not any(re.search(rf"\b{re.escape(w)}", plain.context) for w in kinds):
            return False
    if a.measure == "retention" and not (a.subjects or b.subjects):
        for row, other in ((a, b), (b, a)):
            if row.row and not other.table:
                label = row_things(row.row)
                said = other.context
                if label and not any(re.search(rf"\b{re.escape(w)}", said) for w in label):
                    # "| CCTV footage retention | 30 days |" and "readings kept for 13 months"
                    return False
    for x, y in ((a, b), (b, a)):
        if x.table and y.table and x.soft and not y.soft and y.subjects and not glosses_term(x):
            # "| Branch fibre repair | 7 hours |" against "| Data centre leased line | 4 hours
            # |": the words of a label that also names the figure must all be where the other
            # value is said
            words = {w for q, h in x.soft for w in f"{q} {h}".split() if len(w) > 2}
            if words and not all(re.search(rf"\b{re.escape(w)}", y.context) for w in words):
                return False
    if a.soft and b.soft and not overlap(a.subjects | a.soft, b.subjects | b.soft):
        return False
    if a.table and a.table == b.table:
        return a.row == b.row  # two rows of one table
    if (b.table, b.row) in doc.counterparts.get((a.table, a.row), ()):
        return True  # the one row of each table that names this thing
    for row, other in ((a, b), (b, a)):
        things = [h for _q, h in other.subjects if not h.startswith("@")]
        if row.table and not (things or other.soft):
            if not other.table and (_names_row(row.row, other.context) or _mentioned(row, other)):
                # "| Fleet Pro | 1 hour |" and "On Fleet Pro, urgent tickets get a response
                # within 2 hours": the sentence names the row, and no other row
                labels = doc.rows.get(row.table, set())
                return not any(_names_row(x, other.context) for x in labels if x != row.row)
            return doc.uniform.get((row.table, row.measure, row.priority, dimension(row)), True)
    return True


def _table_row_named(row: Statement, other: Statement, doc: Doc) -> bool:
    """True unless ``row`` is a row of a table whose rows give the measure different values
    (one per site, device class or service) and ``other`` does not name that row: such a
    table gives each row its own figure, which a statement about something else, or about
    nothing in particular, does not restate."""
    if (row.table, row.measure, row.priority, dimension(row)) not in doc.varied and (
        row.priority or (row.table, row.measure, dimension(row)) not in doc.varied_rows
    ):
        return True
    if other.table and other.row:
        return (
            other.row == row.row
            or _names_row(row.row, other.row)
            or (other.table, other.row) in doc.counterparts.get((row.table, row.row), ())
        )
    # ("| Availability | STS cranes | 95% |" and "STS crane Availability … 97%")
    return _names_row(row.row, other.context) or _mentioned(row, other)


_EVENT_HEAD = re.compile(
    r"\b(?:incident|breach|outage|failure|fault|change|event|delay|disruption|loss|attack"
    r"|vulnerabilit|subcontract|maintenance|termination|insolvency)"
)


def events_apart(a: str, b: str) -> bool:
    """True when two notification sentences (lower case) name only different events."""
    ea, eb = set(_EVENT_HEAD.findall(a)), set(_EVENT_HEAD.findall(b))
    return bool(ea and eb and not ea & eb)


_EVENT_REPORT = re.compile(
    r"\breports? (?:of|on|into|following|after) (?:the |its |each |every |any |an? )?"
    r"(?:[a-z-]+ )?(?:outcome|results?|findings|test\w*|incident|investigation|exercise|audit"
    r"|failover|drill|breach|outage|failure|event)"
    r"|\b(?:test|incident|outage|audit|investigation|exercise|drill|failover|post-incident"
    r"|exception|breach|closure|completion) reports?\b"
)
"""A report made on an event (a test, an incident, an audit), not on a period."""
_PERIODIC_REPORT = re.compile(
    r"\b(?:weekly|monthly|quarterly|annual|yearly|periodic)\b[^.;]{0,30}\breports?\b"
)

_ANY_REPORT = frozenset(
    """a an the this that its their our your each every any one written final full short
    brief detailed first further formal summary such same shall will must may should can to
    of and or with for in on by provide provides send sends submit submits issue issues
    deliver delivers produce produces publish publishes prepare prepares give gives make
    makes share shares email emails""".split()  # noqa: SIM905
)
"""Words that end a report's name, read leftwards from "report" (determiners, verbs)."""


def _report_names(context: str) -> set[str]:
    """The words that name a sentence's reports ("deviation report", "monthly performance
    report"): those right before "report", up to a determiner."""
    names: set[str] = set()
    for m in REPORT_NAME.finditer(context):
        for word in reversed(m.group(1).split()):
            if word in _ANY_REPORT:
                break
            names.add(word)
    return names


def reports_apart(a: Statement, b: Statement) -> bool:
    """True when one deadline is for a periodic report ("the monthly service report within 5
    days of month end") and the other for a report on an event ("a written report of the
    outcome of the test within 10 days"), or the two sentences name only different reports
    ("the deviation report" and "the mapping report"): two reports."""
    names = _report_names(a.context), _report_names(b.context)
    if names[0] and names[1] and not names[0] & names[1]:
        return True
    kinds = []
    for st in (a, b):
        periodic = bool(st.window) or _PERIODIC_REPORT.search(st.context) is not None
        kinds.append((periodic, _EVENT_REPORT.search(st.context) is not None))
    return (kinds[0][0] and kinds[1][1] and not kinds[1][0]) or (
        kinds[1][0] and kinds[0][1] and not kinds[0][0]
    )


def _names_row(label: str, context: str) -> bool:
    """True when ``context`` (lower case) names the table row ``label`` ("fleet pro")."""
    words = label.split()
    if not words or len(label) < 4 or PRIORITY.fullmatch(label) or len(words) > 4:
        return False
    return re.search(r"\b" + r"[\s-]+".join(map(re.escape, words)) + r"s?\b", context) is not None
