"""The report for programs: one JSON object with the findings and a summary per service."""

from __future__ import annotations

import json

from ..findings import Report

FIELDS = ("severity", "rule", "file", "line", "column", "message", "regulation", "fix", "basis", "requirement",
          "service", "note")


def render(report: Report) -> str:
    return json.dumps({
        "findings": [{k: getattr(f, k) for k in FIELDS} for f in report.sorted()],
        "summary": {"errors": report.errors, "warnings": report.warnings, "files": len(report.files),
                    "services": report.per_service()},
    }, indent=2, ensure_ascii=False) + "\n"
