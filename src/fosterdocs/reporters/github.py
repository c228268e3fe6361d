"""Findings as GitHub Actions workflow commands, so they appear inline on the pull request and in the run's summary.

Each finding is one line: `::error file=F,line=L,col=C,title=RULE::message`. GitHub reads `%`, carriage returns
and line feeds as escapes in the message, and also `:` and `,` in the properties, so all of them are encoded.
"""

from __future__ import annotations

from ..findings import ERROR, WARNING, Report
from .text import explain, summary

LEVELS = {ERROR: "error", WARNING: "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for f in report.sorted():
        properties = f"file={escape_property(f.file)},line={f.line},col={f.column},title={escape_property(f.rule)}"
        lines.append(f"::{LEVELS.get(f.severity, 'notice')} {properties}::{escape_data(chr(10).join(explain(f)))}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
