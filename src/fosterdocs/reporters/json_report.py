"""The report for programs: one JSON object with the findings (one per line) and a summary per service."""

from __future__ import annotations

import json

from ..findings import Report

FIELDS = ("severity", "rule", "file", "line", "column", "message", "regulation", "fix", "basis", "requirement",
          "service", "note")


def render(report: Report) -> str:
    encode = json.JSONEncoder(ensure_ascii=False).encode  # without indent, json's C encoder: fast on big reports
    lines = ",\n".join("  " + encode({k: getattr(f, k) for k in FIELDS}) for f in report.sorted())
    summary = {"errors": report.errors, "warnings": report.warnings, "files": len(report.files),
               "services": report.per_service()}
    findings = f"[\n{lines}\n]" if lines else "[]"
    return f'{{"findings": {findings},\n"summary": {json.dumps(summary, indent=2, ensure_ascii=False)}}}\n'
