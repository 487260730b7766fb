"""The batch manifest (CSV and JSON): what was built from which inputs, with which clauses."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from slaforge.bulk.worker import Entry
from slaforge.fileio import write_atomic

FIELDS = (
    "row",
    "customer_id",
    "output",
    "status",
    "error",
    "sha256",
    "input_hash",
    "agreement_type",
    "variants",
    "deviations",
)


def _variants(entry: Entry) -> str:
    return ";".join(f"{k}={v}" for k, v in sorted(entry.variants.items()))


def write_manifest(outdir: Path, entries: list[Entry], files: dict[str, str]) -> None:
    """Write ``manifest.csv`` and ``manifest.json``, rows in input order; the JSON also lists
    ``files``, every agreement in the folder a run built, with its sha256."""
    ordered = sorted(entries, key=lambda e: e.row)
    write_atomic(outdir / "manifest.csv", manifest_csv(ordered))
    write_atomic(outdir / "manifest.json", manifest_json(ordered, files))


def manifest_csv(ordered: list[Entry]) -> bytes:
    """``manifest.csv`` of entries in input order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for e in ordered:
        writer.writerow(
            [
                e.row,
                e.customer_id,
                e.output,
                e.status,
                e.error,
                e.sha256,
                e.input_hash,
                e.agreement_type,
                _variants(e),
                len(e.deviations),
            ]
        )
    return buffer.getvalue().encode("utf-8")


def manifest_json(ordered: list[Entry], files: dict[str, str]) -> bytes:
    """``manifest.json`` of entries in input order, listing ``files`` (name -> sha256)."""
    records = [
        {
            "row": e.row,
            "customer_id": e.customer_id,
            "output": e.output,
            "status": e.status,
            "error": e.error,
            "sha256": e.sha256,
            "input_hash": e.input_hash,
            "agreement_type": e.agreement_type,
            "variants": dict(sorted(e.variants.items())),
            "deviations": [
                {"path": d.path, "base": d.base, "value": d.value, "note": d.note}
                for d in e.deviations
            ],
        }
        for e in ordered
    ]
    summary = {s: sum(1 for e in ordered if e.status == s) for s in ("ok", "failed", "skipped")}
    document = {
        "version": 1,
        "summary": summary,
        "rows": records,
        "files": dict(sorted(files.items())),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _earlier(outdir: Path) -> dict[str, Any]:
    """An earlier run's ``manifest.json``; empty when there is none or it cannot be read (the
    run then writes a new one over it)."""
    try:
        data = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _built_rows(outdir: Path) -> list[dict[str, str]]:
    """The rows an earlier run's manifest lists as built or skipped, with their digest."""
    rows = _earlier(outdir).get("rows")
    if not isinstance(rows, list):
        return []
    return [
        r
        for r in rows
        if isinstance(r, dict)
        and r.get("status") in ("ok", "skipped")
        and isinstance(r.get("sha256"), str)
        and r["sha256"]
        and isinstance(r.get("output"), str)
    ]


def read_previous(outdir: Path) -> dict[str, tuple[str, str]]:
    """input hash -> (output, sha256) of the rows an earlier run built or skipped."""
    return {r.get("input_hash", ""): (r["output"], r["sha256"]) for r in _built_rows(outdir)}


def read_built(outdir: Path) -> dict[str, str]:
    """output file -> sha256 of the agreements earlier runs built: the manifest's ``files``,
    or, in a manifest written before it had them, its built and skipped rows."""
    files = _earlier(outdir).get("files")
    if isinstance(files, dict):
        return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}
    return {r["output"]: r["sha256"] for r in _built_rows(outdir)}
