"""The report for people: file:line:column first (editors make it clickable), then what, how to fix, and why."""

from __future__ import annotations

from ..findings import Finding, Report


def explain(f: Finding) -> list[str]:
    """What is wrong, how to fix it, what requires it and any note: every reporter's words for one finding."""
    lines = [f.message]
    if f.fix:
        lines.append(f"Fix: {f.fix}")
    if f.regulation:
        lines.append(f"Required by: {f.regulation}")
    if f.note:
        lines.append(f.note)
    return lines


def block(f: Finding) -> str:
    """A finding as people read it: where, how bad and which rule, then the explanation indented."""
    return "\n".join([f"{f.file}:{f.line}:{f.column}  {f.severity}  {f.rule}", *(f"  {line}" for line in explain(f))])


def summary(report: Report) -> str:
    services = len(report.services)
    return (f"{services} service{'s' * (services != 1)}, {len(report.files)} file{'s' * (len(report.files) != 1)}: "
            f"{report.errors} error{'s' * (report.errors != 1)}, "
            f"{report.warnings} warning{'s' * (report.warnings != 1)}.")


def render(report: Report) -> str:
    lines = []
    for f in report.sorted():
        lines += [block(f), ""]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
