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

Built = dict[str, tuple[str, str]]
"""output file -> (sha256, input hash) of each agreement in the folder that a run built; the
input hash is empty where a manifest written before it kept them does not say."""


def _variants(entry: Entry) -> str:
    return ";".join(f"{k}={v}" for k, v in sorted(entry.variants.items()))


def write_manifest(outdir: Path, entries: list[Entry], files: Built) -> None:
    """Write ``manifest.csv`` and ``manifest.json``, rows in input order; the JSON also lists
    ``files``, every agreement in the folder a run built, with its sha256, and under
    ``inputs`` the input hash each was built from."""
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


def manifest_json(ordered: list[Entry], files: Built) -> bytes:
    """``manifest.json`` of entries in input order, listing ``files``."""
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
        "files": {name: digest for name, (digest, _) in sorted(files.items())},
        "inputs": {name: made for name, (_, made) in sorted(files.items()) if made},
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


def _built_rows(earlier: dict[str, Any]) -> list[dict[str, str]]:
    """The rows an earlier run's manifest lists as built or skipped, with their digest."""
    rows = earlier.get("rows")
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


def _built(earlier: dict[str, Any]) -> Built:
    files, inputs = earlier.get("files"), earlier.get("inputs")
    if not isinstance(files, dict):  # (a manifest written before it had them: its rows)
        return {
            r["output"]: (r["sha256"], str(r.get("input_hash", ""))) for r in _built_rows(earlier)
        }
    if not isinstance(inputs, dict):  # (a manifest written before it kept them: its rows')
        inputs = {
            r["output"]: r.get("input_hash")
            for r in _built_rows(earlier)
            if files.get(r["output"]) == r["sha256"]
        }
    return {
        name: (digest, made if isinstance(made := inputs.get(name), str) else "")
        for name, digest in files.items()
        if isinstance(name, str) and isinstance(digest, str)
    }


def read_previous(outdir: Path) -> dict[str, tuple[str, str]]:
    """input hash -> (output, sha256) of the agreements earlier runs built: the rows of the
    last run, and those an interrupted run did not reach but an earlier one built."""
    earlier = _earlier(outdir)
    found = {made: (name, digest) for name, (digest, made) in _built(earlier).items() if made}
    for r in _built_rows(earlier):
        found[r.get("input_hash", "")] = (r["output"], r["sha256"])
    return found


def read_built(outdir: Path) -> Built:
    """The agreements earlier runs built: the manifest's ``files`` (with ``inputs``), or, in a
    manifest written before it had them, its built and skipped rows."""
    return _built(_earlier(outdir))
