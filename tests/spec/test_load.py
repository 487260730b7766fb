"""Loading and validating agreement specs: what a user sees when a spec is wrong."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from slaforge.errors import InputError, SpecError
from slaforge.spec import load_spec, load_spec_text
from slaforge.spec.load import SpecErrors

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CANONICAL = (ROOT / "examples" / "customer-based.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems(text: str) -> list[str]:
    with pytest.raises(SpecError) as info:
        load_spec_text(text, "spec.yaml")
    exc = info.value
    return [str(p) for p in exc.problems] if isinstance(exc, SpecErrors) else [str(exc)]


def edited(old: str, new: str) -> str:
    assert old in CANONICAL, old
    return CANONICAL.replace(old, new, 1)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates(path: Path) -> None:
    agreement = load_spec(path)
    assert agreement.metrics
    assert agreement.agreement.type.value == path.stem or path.stem.startswith(
        agreement.agreement.type.value
    )


def test_yaml_syntax_error_names_file_line_and_column() -> None:
    text = edited("  title: Service Level Agreement", "  title: [Service Level Agreement")
    with pytest.raises(InputError) as info:
        load_spec_text(text, "spec.yaml")
    message = str(info.value)
    assert message.startswith("spec.yaml:")
    line, column = message.split(":")[1:3]
    assert int(line) >= line_of(text, "title: [")
    assert column.isdigit()


def test_missing_field_names_its_path_and_line() -> None:
    text = edited("    window: calendar month\n    start_event", "    start_event")
    found = problems(text)
    assert found == [
        f"spec.yaml:{line_of(text, '- id: response')}: metrics[1].window: field required"
    ]


def test_unknown_field_is_rejected_with_its_line() -> None:
    text = edited('  version: "1.0"', '  version: "1.0"\n  colour: blue')
    assert problems(text) == [
        f"spec.yaml:{line_of(text, 'colour')}: agreement.colour: unknown field"
    ]


def test_percentage_outside_range() -> None:
    found = problems(edited("    target: 99.9", "    target: 100.5"))
    assert any("metrics[0].target" in p and "outside (0, 100]" in p for p in found)


def test_zero_percent_credit_is_rejected() -> None:
    found = problems(
        edited(
            "below: 99.5, at_least: 99.0, percent: 10", "below: 99.5, at_least: 99.0, percent: 0"
        )
    )
    assert any("credits.tiers[1].percent" in p and "greater than 0" in p for p in found)


def test_overlapping_tiers() -> None:
    found = problems(
        edited(
            "below: 99.5, at_least: 99.0, percent: 10", "below: 99.7, at_least: 99.0, percent: 10"
        )
    )
    assert any("overlap" in p and "credits.tiers[1]" in p for p in found)


def test_gap_between_tiers() -> None:
    found = problems(
        edited(
            "below: 99.5, at_least: 99.0, percent: 10", "below: 99.4, at_least: 99.0, percent: 10"
        )
    )
    assert any("gap between tiers" in p and "99.4-99.5" in p for p in found)


def test_first_tier_below_the_target() -> None:
    # a miss between the target and the first tier would earn nothing, though a miss earns a credit
    found = problems(edited("target: 99.9", "target: 99.95"))
    assert any(
        "credits.tiers[0].below" in p and "starts at 99.9, below" in p and "99.95" in p
        for p in found
    )


def test_a_custom_percentage_may_earn_credits_from_its_target_down() -> None:
    # a custom metric in percent is not read as "higher is better": its tiers are its own
    custom = (
        "  - id: checkout\n    name: Checkout Success Rate\n    kind: custom\n"
        '    service: hosting\n    target: 99.5\n    unit: "%"\n    window: calendar month\n'
        "    counts_as_met: a month in which at most 0.5% of checkout requests fail\n"
        "    measurement:\n      source: the synthetic monitor\n"
        "      method: failed requests divided by all requests\n      customer_access: dashboard\n"
    )
    at = CANONICAL.index("\n  - id: response")
    text = CANONICAL[:at] + "\n" + custom.rstrip("\n") + CANONICAL[at:]
    text = text.replace(
        "    - {metric: response, below: 95",
        "    - {metric: checkout, below: 99.5, at_least: 99.0, percent: 2}\n"
        "    - {metric: response, below: 95",
    )
    spec = load_spec_text(text, "spec.yaml")
    assert [m.id for m in spec.metrics if m.id == "checkout"] == ["checkout"]


def test_tiers_must_be_monotonic() -> None:
    found = problems(edited("below: 99.0, percent: 25", "below: 99.0, percent: 8"))
    assert any("not monotonic" in p for p in found)


def test_cap_below_largest_tier() -> None:
    found = problems(edited("cap_percent: 30", "cap_percent: 20"))
    assert found == [
        f"spec.yaml:{line_of(CANONICAL, 'cap_percent')}: credits.cap_percent: "
        "cap 20% is below the largest tier (25%)"
    ]


def test_tier_naming_an_unknown_metric() -> None:
    found = problems(edited("{metric: response, below: 90", "{metric: uptime, below: 90"))
    assert any(
        "credits.tiers[4].metric: unknown metric 'uptime'" in p and "availability" in p
        for p in found
    )


def test_dates_out_of_order() -> None:
    text = edited("  term_months: 24", "  end_date: 2026-06-30")
    found = problems(text)
    assert found == [
        f"spec.yaml:{line_of(text, 'end_date')}: agreement.end_date: end date 2026-06-30 is not "
        "after the effective date 2027-01-01"
    ]


def test_unknown_time_zone() -> None:
    found = problems(edited("timezone: Europe/London", "timezone: Europe/Londres"))
    assert any(
        "hours[0].timezone" in p and "unknown time zone 'Europe/Londres'" in p for p in found
    )


def test_unknown_schedule_reference() -> None:
    found = problems(edited("    clock: business", "    clock: office"))
    assert any("metrics[1].clock: unknown schedule 'office'" in p for p in found)


def test_response_metric_must_say_what_does_not_count() -> None:
    text = edited(
        "    does_not_count:\n      - automated acknowledgements and ticket numbers\n"
        "      - replies that only ask for information the Customer already gave\n",
        "",
    )
    assert any("metrics[1].does_not_count" in p and "automated" in p for p in problems(text))


def test_attainment_below_100_needs_a_rule_for_the_rest() -> None:
    lines = CANONICAL.splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.startswith("    remainder:"))
    found = problems("".join(lines[:last] + lines[last + 1 :]))
    assert any("metrics[2].remainder" in p for p in found)


def test_claimed_credits_need_a_claim_period() -> None:
    found = problems(edited("\n  automatic: true", "\n  automatic: false"))
    assert found == [
        f"spec.yaml:{line_of(CANONICAL, chr(10) + 'credits:') + 1}: credits.claim_days: "
        "credits are not automatic: say within how many days the customer claims them"
    ]


def test_wrong_enum_value_lists_the_value() -> None:
    found = problems(edited("  type: customer-based", "  type: customer"))
    assert any("agreement.type" in p and "'customer'" in p for p in found)


def test_all_problems_are_reported_and_first_is_summarised() -> None:
    text = edited("cap_percent: 30", "cap_percent: 20").replace("target: 99.9", "target: 120", 1)
    with pytest.raises(SpecErrors) as info:
        load_spec_text(text, "spec.yaml")
    assert len(info.value.problems) == 2
    assert str(info.value).endswith("(and 1 more)")


def test_empty_file(tmp_path: Path) -> None:
    spec = tmp_path / "empty.yaml"
    spec.write_text("  \n")
    with pytest.raises(InputError, match=r"empty.yaml: file is empty"):
        load_spec(spec)


def test_not_utf8(tmp_path: Path) -> None:
    spec = tmp_path / "latin.yaml"
    spec.write_bytes(b"agreement:\n  title: Caf\xe9\n")
    with pytest.raises(InputError, match=r"latin.yaml:2: not UTF-8 text"):
        load_spec(spec)


def test_top_level_must_be_a_mapping() -> None:
    assert problems("- a\n- b\n") == [
        "spec.yaml:1: a spec is a YAML mapping (key: value) at the top level"
    ]


def test_duplicate_key() -> None:
    with pytest.raises(InputError, match="duplicate key 'version'"):
        load_spec_text(edited('  version: "1.0"', '  version: "1.0"\n  version: "2"'), "s.yaml")


def test_loading_specs_again_and_again_keeps_memory_flat() -> None:
    """Bulk runs and rule checks load YAML thousands of times in one process."""
    load_spec_text(CANONICAL, "spec.yaml")
    tracemalloc.start()
    try:
        for _ in range(5):
            load_spec_text(CANONICAL, "spec.yaml")
        first, _peak = tracemalloc.get_traced_memory()
        for _ in range(50):
            load_spec_text(CANONICAL, "spec.yaml")
        last, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert last - first < 200_000


# -- what YAML makes of a value, and what the author is told ---------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2027-02-30", "2027-02-30 is not a date: February 2027 has 28 days"),
        ("2028-02-30", "2028-02-30 is not a date: February 2028 has 29 days"),
        ("2027-13-01", "2027-13-01 is not a date: there is no month 13"),
        ("2027-01-01 25:00:00", "2027-01-01 25:00:00 is not a date; write it as YYYY-MM-DD"),
        ("2027-01-01 10:00:00", "2027-01-01 10:00:00 has a time of day; write the date only"),
        ('"2027-04-31"', "'2027-04-31' is not a date: April 2027 has 30 days"),
        ("1 March 2027", "'1 March 2027' is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_a_date_that_does_not_exist_is_a_problem_of_its_field(written: str, message: str) -> None:
    """YAML builds dates itself; an impossible one must not escape as a ValueError."""
    text = edited("  effective_date: 2027-01-01", f"  effective_date: {written}")
    line = line_of(text, "effective_date:")
    (found,) = problems(text)
    assert found.startswith(f"spec.yaml:{line}: agreement.effective_date: {message}")


def test_an_impossible_date_is_listed_with_the_other_problems() -> None:
    text = edited("  effective_date: 2027-01-01", "  effective_date: 2027-02-30")
    text = text.replace("timezone: Europe/London", "timezone: Mars/Olympus", 1)
    found = problems(text)
    assert len(found) == 2
    assert "agreement.effective_date" in found[0] and "hours[0].timezone" in found[1]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("!!int abc", "'abc' is not a valid !!int"),
        ("!!bool maybe", "'maybe' is not a valid !!bool"),
        ("!!timestamp soon", "'soon' is not a valid !!timestamp"),
        ("!secret x", "YAML tag '!secret' is not supported here"),
        ("!!python/name:os.system x", "YAML tag '!!python/name:os.system' is not supported here"),
    ],
)
def test_a_tagged_value_that_yaml_cannot_build_names_its_line(written: str, message: str) -> None:
    text = edited('  version: "1.0"', f"  version: {written}")
    with pytest.raises(InputError) as info:
        load_spec_text(text, "spec.yaml")
    line = line_of(text, "version:")
    assert str(info.value) == f"spec.yaml:{line}:12: agreement.version: {message}"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            '    start: "08:00"',
            "    start: 8:00",
            "hours[1].start",
            'write the time in quotes, "8:00" (without quotes, YAML reads 8:00 as the number 480)',
        ),
        (
            '    end: "18:00"',
            "    end: 18:00",
            "hours[1].end",
            'write the time in quotes, "18:00" (without quotes, YAML reads 18:00 as the number'
            " 1080)",
        ),
        (
            '    end: "18:00"',
            "    end: 18:00:00",
            "hours[1].end",
            'write the time in quotes, "18:00" (without quotes, YAML reads 18:00:00 as the'
            " number 64800)",
        ),
        (
            '  version: "1.0"',
            "  version: 2.1",
            "agreement.version",
            'write the text in quotes, "2.1"',
        ),
        (
            '  version: "1.0"',
            "  version: 2.10",
            "agreement.version",
            'write the text in quotes, "2.10" (without quotes, YAML reads 2.10 as the number 2.1)',
        ),
        (
            '  version: "1.0"',
            "  version: yes",
            "agreement.version",
            'write the text in quotes, "yes" (without quotes, YAML reads yes as true)',
        ),
        ('  version: "1.0"', "  version:", "agreement.version", "no value given: expected text"),
    ],
)
def test_an_unquoted_value_that_yaml_reads_as_a_number_says_to_quote_it(
    old: str, new: str, field: str, message: str
) -> None:
    text = edited(old, new)
    assert problems(text) == [f"spec.yaml:{line_of(text, new.strip())}: {field}: {message}"]


def test_a_quoted_time_with_one_hour_digit_is_read_as_hh_mm() -> None:
    """The advice above must work when followed: "8:00" is 08:00."""
    agreement = load_spec_text(edited('    start: "08:00"', '    start: "8:00"'), "spec.yaml")
    assert agreement.hours[1].start == "08:00"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '    start: "08:00"',
            '    start: "25:00"',
            "hours[1].start: '25:00' is not a time of day (HH:MM, 00:00 to 23:59, or 24:00",
        ),
        (
            "  id: SLA-2027-0042",
            "  id: SLA 2027",
            "agreement.id: 'SLA 2027' is not an agreement id (a letter or digit, then letters,",
        ),
        (
            "    clock: business",
            "    clock: Business",
            "metrics[1].clock: 'Business' is neither an id (a lower-case letter, then lower-case"
            " letters, digits, '-' or '_') nor '24x7'",
        ),
        (
            "  type: customer-based",
            "  type: customer",
            "agreement.type: 'customer' is not one of 'customer-based', 'service-based', "
            "'multi-level', 'internal' or 'sales-marketing'; did you mean 'customer-based'?",
        ),
        ('  version: "1.0"', '  verison: "1.0"', "agreement.verison: unknown field; did you mean"),
    ],
)
def test_messages_say_what_is_expected_never_a_regex(old: str, new: str, message: str) -> None:
    text = edited(old, new)
    (found,) = problems(text)
    assert found.startswith(f"spec.yaml:{line_of(text, new.strip())}: {message}")
    assert "pattern" not in found and "^" not in found and "Input should" not in found


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [("TBD", "TBD"), ("'[insert customer name]'", "[insert customer name]"), ("A ___ Ltd", "___")],
)
def test_a_placeholder_in_the_spec_is_a_problem_of_its_field(value: str, placeholder: str) -> None:
    """Residue that comes from the spec is bad input (exit 2) on the spec's own line, not a
    failed build blamed on the clause that printed it."""
    text = edited("    name: Fabrikam Retail plc", f"    name: {value}")
    found = problems(text)
    line = line_of(text, f"    name: {value}")
    assert found == [
        f"spec.yaml:{line}: parties.customer.name: holds the placeholder {placeholder!r}; "
        "write the actual text"
    ]
