"""The batch report: an HTML page a lawyer reads to find the non-standard contracts."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from slaforge.bulk.worker import Entry
from slaforge.fileio import write_atomic

_STYLE = """
body { font-family: Arial, sans-serif; color: #1f2a44; margin: 2rem; max-width: 70rem; }
h1 { color: #1f4e79; } h2 { color: #1f4e79; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #c8ced9; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #1f4e79; color: white; }
.weaker, .failed { color: #a4262c; font-weight: bold; }
"""


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_report(entries: list[Entry], base_name: str, customers_name: str) -> str:
    ordered = sorted(entries, key=lambda e: e.row)
    status = Counter(e.status for e in ordered)
    types = Counter(e.agreement_type for e in ordered if e.agreement_type)
    variants = Counter(
        (category, variant) for e in ordered for category, variant in e.variants.items()
    )
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Batch report: {escape(customers_name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Batch report</h1><p>Customers: <b>{escape(customers_name)}</b>; base spec: "
        f"<b>{escape(base_name)}</b>.</p>",
        _table(["Status", "Rows"], [[escape(s), str(n)] for s, n in sorted(status.items())]),
        "<h2>Agreement types</h2>",
        _table(["Type", "Agreements"], [[escape(t), str(n)] for t, n in sorted(types.items())]),
        "<h2>Clause variants</h2>",
        _table(
            ["Category", "Variant", "Agreements"],
            [[escape(c), escape(v), str(n)] for (c, v), n in sorted(variants.items())],
        ),
    ]
    deviating = [e for e in ordered if e.deviations]
    parts.append(f"<h2>Non-standard terms ({len(deviating)} agreements)</h2>")
    if deviating:
        rows = []
        for e in deviating:
            for d in e.deviations:
                note = escape(d.note)
                if (
                    d.note in ("weaker target", "bigger credit cap", "removed")
                    or "removed" in d.note
                ):
                    note = f"<span class='weaker'>{note}</span>"
                rows.append(
                    [
                        str(e.row),
                        escape(e.customer_id),
                        escape(e.output),
                        escape(d.path),
                        escape(d.base),
                        escape(d.value),
                        note,
                    ]
                )
        parts.append(
            _table(["Row", "Customer", "File", "Term", "Base", "This agreement", "Note"], rows)
        )
    else:
        parts.append("<p>Every agreement uses the base terms.</p>")
    failed = [e for e in ordered if e.status == "failed"]
    if failed:
        parts.append(f"<h2 class='failed'>Failed rows ({len(failed)})</h2>")
        parts.append(
            _table(
                ["Row", "Customer", "Error"],
                [[str(e.row), escape(e.customer_id), escape(e.error)] for e in failed],
            )
        )
    parts.append("</body></html>\n")
    return "".join(parts)


def write_report(outdir: Path, entries: list[Entry], base: Path, customers: Path) -> Path:
    target = outdir / "report.html"
    write_atomic(target, render_report(entries, base.name, customers.name).encode("utf-8"))
    return target
