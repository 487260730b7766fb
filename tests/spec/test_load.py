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
        "    service: hosting\n    target: 99.5\n    unit: \"%\"\n    window: calendar month\n"
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
