"""The report for people: file:line:column first (editors make it clickable), then what, how to fix, and why."""

from __future__ import annotations

from ..findings import Report


def render(report: Report) -> str:
    lines = []
    for f in report.sorted():
        lines.append(f"{f.file}:{f.line}:{f.column}  {f.severity}  {f.rule}")
        lines.append(f"  {f.message}")
        if f.fix:
            lines.append(f"  Fix: {f.fix}")
        if f.regulation:
            lines.append(f"  Required by: {f.regulation}")
        if f.note:
            lines.append(f"  {f.note}")
        lines.append("")
    services = len(report.services)
    lines.append(f"{services} service{'s' * (services != 1)}, {len(report.files)} file{'s' * (len(report.files) != 1)}: "
                 f"{report.errors} error{'s' * (report.errors != 1)}, "
                 f"{report.warnings} warning{'s' * (report.warnings != 1)}.")
    return "\n".join(lines) + "\n"
