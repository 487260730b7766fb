"""Typed models of an agreement spec.

Every model forbids unknown fields, so a misspelt key is an error that names its path.
Cross-field rules live in :mod:`slaforge.spec.checks`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from slaforge.metrics import HIGHER_IS_BETTER, MetricCard, MetricKind
from slaforge.spec.messages import pattern


class Model(BaseModel):
    """Base for spec models: unknown fields are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Text = Annotated[str, Field(min_length=1)]
Identifier = Annotated[
    str,
    Field(
        pattern=pattern(
            r"^[a-z][a-z0-9_-]*$",
            "id",
            "an id (a lower-case letter, then lower-case letters, digits, '-' or '_')",
        )
    ),
]
Percent = Annotated[float, Field(gt=0, le=100)]
PositiveInt = Annotated[int, Field(gt=0)]
NonNegativeInt = Annotated[int, Field(ge=0)]


class AgreementType(StrEnum):
    """The kinds of agreement slaforge drafts."""

    CUSTOMER_BASED = "customer-based"
    SERVICE_BASED = "service-based"
    MULTI_LEVEL = "multi-level"
    INTERNAL = "internal"
    SALES_MARKETING = "sales-marketing"


class Signatory(Model):
    name: Text
    title: Text


class Party(Model):
    """A party to the agreement; ``role`` is how the agreement refers to it, ``id`` its account."""

    id: str | None = None
    name: Text
    role: Text
    legal_form: str | None = None
    address: Text
    email: str | None = None
    signatory: Signatory


class Parties(Model):
    provider: Party
    customer: Party


class Renewal(Model):
    automatic: bool = False
    period_months: PositiveInt = 12
    notice_days: PositiveInt = 90


class AgreementInfo(Model):
    id: Annotated[
        str,
        Field(
            pattern=pattern(
                r"^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                "id",
                "an agreement id (a letter or digit, then letters, digits, '.', '_', '/' or '-';"
                " no spaces)",
            )
        ),
    ]
    title: Text = "Service Level Agreement"
    type: AgreementType
    version: Text = "1.0"
    effective_date: dt.date
    end_date: dt.date | None = None
    term_months: PositiveInt | None = None
    renewal: Renewal = Renewal()
    governing_law: Text


class Purpose(Model):
    statement: Text
    objectives: list[Text] = []


Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_TIME = pattern(
    r"^([01]?\d|2[0-3]):[0-5]\d$|^24:00$",
    "time",
    "a time of day (HH:MM, 00:00 to 23:59, or 24:00 for the end of the day)",
)


def _two_digit_hour(value: str) -> str:
    """``9:00`` -> ``09:00``: the agreement always shows HH:MM."""
    return value if len(value) == 5 else "0" + value


TimeOfDay = Annotated[str, Field(pattern=_TIME), AfterValidator(_two_digit_hour)]


class Schedule(Model):
    """Hours of coverage: days and times in an explicit IANA time zone."""

    id: Identifier
    name: Text
    timezone: Text
    days: list[Day] = Field(min_length=1)
    start: TimeOfDay = "00:00"
    end: TimeOfDay = "24:00"
    public_holidays: str | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(  # noqa: B904 - pydantic shows this message as the field error
                f"unknown time zone {value!r} (use an IANA name such as Europe/Berlin)"
            )
        return value

    @property
    def is_24x7(self) -> bool:
        return len(set(self.days)) == 7 and self.start == "00:00" and self.end == "24:00"


class Channel(Model):
    kind: Literal["phone", "email", "portal", "chat", "on-site"]
    address: Text
    hours: Identifier


class Service(Model):
    id: Identifier
    name: Text
    description: Text
    delivery: Text
    maintenance: str | None = None
    hours: Identifier
    channels: list[Channel] = []
    dependencies: list[Text] = []
    technologies: list[Text] = []


class Responsibilities(Model):
    provider: list[Text] = Field(min_length=1)
    customer: list[Text] = Field(min_length=1)


class Measurement(Model):
    """Who measures a metric, with what, and how the customer can see the data."""

    source: Text
    method: Text
    customer_access: Text


class PriorityTarget(Model):
    priority: Text
    description: Text
    target: Annotated[float, Field(gt=0)]


class Metric(Model):
    """A metric card in the spec: every part of the card is required or derivable."""

    id: Identifier
    name: Text
    kind: MetricKind
    service: Identifier | None = None
    description: str | None = None
    target: Annotated[float, Field(gt=0)]
    unit: Text
    window: Literal["calendar month", "calendar quarter", "calendar week", "rolling 30 days"]
    start_event: str | None = None
    stop_event: str | None = None
    counts_as_met: Text
    does_not_count: list[Text] = []
    clock: Identifier | Literal["24x7"] = "24x7"
    priorities: list[PriorityTarget] = []
    attainment_percent: Percent = 100.0
    remainder: str | None = None
    measurement: Measurement
    exclusions: list[Identifier] = []

    @property
    def higher_is_better(self) -> bool:
        return self.kind in HIGHER_IS_BETTER

    def to_card(self, clock_text: str, remedy: str | None) -> MetricCard:
        """The shared metric card for this metric."""
        return MetricCard(
            name=self.name,
            kind=self.kind,
            target=_number(self.target),
            unit=self.unit,
            window=self.window,
            start_event=self.start_event,
            stop_event=self.stop_event,
            counts_as_met=self.counts_as_met,
            clock=clock_text,
            source=self.measurement.source,
            customer_access=self.measurement.customer_access,
            exclusions=", ".join(self.exclusions) or "the exclusions of the agreement",
            remedy=remedy,
            priorities=[p.priority for p in self.priorities],
        )


class Reporting(Model):
    frequency: Literal["weekly", "monthly", "quarterly"]
    due_days: PositiveInt = 10
    channel: Literal["portal", "report", "portal and report"]
    portal: str | None = None
    content: list[Text] = Field(min_length=1)


class Review(Model):
    cadence: Literal["monthly", "quarterly", "semi-annually", "annually"]
    notify: list[Text] = Field(min_length=1)
    baseline_adjustment: Text


class CreditTier(Model):
    """Credit owed when a metric's achieved level is in [at_least, below)."""

    metric: Identifier
    below: Annotated[float, Field(gt=0, le=100)]
    at_least: Annotated[float, Field(ge=0, lt=100)] = 0.0
    percent: Percent | None = None
    amount: Annotated[float, Field(gt=0)] | None = None


class ChronicFailure(Model):
    misses: PositiveInt
    months: PositiveInt
    notice_days: PositiveInt = 30


class Credits(Model):
    basis: Literal["percent-of-fee", "fixed-amount"]
    fee: Text = "the monthly fee for the affected Service"
    currency: str | None = None
    automatic: bool = True
    claim_days: PositiveInt | None = None
    tiers: list[CreditTier] = Field(min_length=1)
    cap_percent: Percent | None = None
    cap_amount: Annotated[float, Field(gt=0)] | None = None
    chronic_failure: ChronicFailure | None = None


class EarnBack(Model):
    enabled: bool = True
    period_months: PositiveInt = 3
    condition: Text


class Maintenance(Model):
    notice_days: PositiveInt
    monthly_cap_hours: Annotated[float, Field(gt=0)]
    window: Text


class EmergencyMaintenance(Model):
    notice_hours: PositiveInt
    monthly_cap_hours: Annotated[float, Field(gt=0)]


class Exclusion(Model):
    id: Identifier
    text: Text


class Exclusions(Model):
    maintenance: Maintenance
    emergency_maintenance: EmergencyMaintenance | None = None
    force_majeure: list[Text] = Field(min_length=1)
    customer_caused: list[Text] = Field(min_length=1)
    other: list[Exclusion] = []


class Indemnification(Model):
    variant: Literal["mutual", "provider-only"]
    cap: str | None = None


class EscalationLevel(Model):
    provider: Text
    customer: Text
    days: PositiveInt


class Disputes(Model):
    escalation: list[EscalationLevel] = Field(min_length=1)
    method: Literal["mediation", "arbitration", "courts"]
    venue: Text
    rules: str | None = None


class Amendments(Model):
    notice_days: PositiveInt = 30
    form: Text = "a written document signed by authorised signatories of both parties"


class Termination(Model):
    convenience_notice_days: PositiveInt | None = None
    cure_days: PositiveInt = 30


class Reference(Model):
    title: Text
    version: str | None = None


class GlossaryEntry(Model):
    term: Text
    definition: Text


class Layer(Model):
    """One layer of a multi-level agreement and the terms agreed at that layer."""

    scope: Text
    terms: list[Text] = Field(min_length=1)


class Layers(Model):
    corporate: Layer
    customer: Layer
    service: Layer


class LeadQuality(Model):
    criterion: Text
    definition: Text


class SalesMarketing(Model):
    """The lead hand-off commitments of a sales-and-marketing agreement."""

    leads_per_month: PositiveInt
    lead_quality: list[LeadQuality] = Field(min_length=1)
    handoff: Text
    follow_up_metric: Identifier


class Internal(Model):
    """Terms of an internal agreement between IT and a business unit."""

    chargeback: Text
    escalation_owner: Text


class Agreement(Model):
    """A whole agreement spec."""

    agreement: AgreementInfo
    parties: Parties
    purpose: Purpose
    hours: list[Schedule] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)
    responsibilities: Responsibilities
    metrics: list[Metric] = Field(min_length=1)
    reporting: Reporting
    review: Review
    credits: Credits
    earn_back: EarnBack | None = None
    exclusions: Exclusions
    indemnification: Indemnification
    disputes: Disputes
    amendments: Amendments = Amendments()
    termination: Termination = Termination()
    references: list[Reference] = []
    glossary: list[GlossaryEntry] = []
    layers: Layers | None = None
    sales_marketing: SalesMarketing | None = None
    internal: Internal | None = None

    def schedule(self, schedule_id: str) -> Schedule:
        """The hours-of-coverage schedule with ``schedule_id``."""
        for item in self.hours:
            if item.id == schedule_id:
                return item
        raise KeyError(schedule_id)

    def metric(self, metric_id: str) -> Metric:
        """The metric with ``metric_id``."""
        for item in self.metrics:
            if item.id == metric_id:
                return item
        raise KeyError(metric_id)


def _number(value: float) -> str:
    """Format a number without a trailing ``.0``."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text


def number_text(value: float) -> str:
    """Public form of :func:`_number` for templates."""
    return _number(value)


_SLUG = re.compile(r"[^a-z0-9]+")
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ł": "l",
        "þ": "th",
        "ð": "d",
        "\u0131": "i",
    }
)


def slug(text: str) -> str:
    """Lower-case, ASCII, hyphen-separated form of ``text``; accented letters lose their
    accents ("Café Crème" reads "cafe-creme"), and letters with no accent to lose read as
    their usual Latin spelling ("ß" "ss", "ø" "o"). Text with no Latin letter or digit keeps
    its own words instead ("北京 科技" reads "北京-科技", "Москва" "москва")."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    ascii_form = _SLUG.sub("-", "".join(c for c in plain if not unicodedata.combining(c)))
    if ascii_form.strip("-"):
        return ascii_form.strip("-")
    # letters, marks (as in Devanagari) and digits of any script; anything else separates words
    kept = (c if unicodedata.category(c)[0] in "LMN" else " " for c in text.lower())
    return "-".join(unicodedata.normalize("NFC", "".join(kept)).split())
