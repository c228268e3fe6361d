"""The Finding record and the Report: the only things reporters see."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place: what is wrong, how to fix it and what requires it."""

    file: str
    line: int
    column: int
    severity: str
    rule: str
    message: str
    fix: str = ""
    regulation: str = ""
    basis: str = ""
    requirement: str = ""
    service: str = ""
    note: str = ""

    def downgraded(self, reason: str) -> Finding:
        """The same finding as a warning, carrying the service's reason."""
        return replace(self, severity=WARNING, note=f"Downgraded to a warning by the service: {reason}")


@dataclass
class Report:
    """Every finding of one run, and what was checked."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    shelves: dict[str, Any] = field(default_factory=dict, repr=False)  # service id -> documents.Shelf: its files as
    # validate read them, when asked to keep them (validate(keep=True)), for the site, PDFs, status and calendar

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.file, f.line, f.column, f.rule, f.message))

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def per_service(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter] = {s: Counter() for s in self.services}
        for f in self.findings:
            counts.setdefault(f.service, Counter())[f.severity] += 1
        return {s: {"errors": c[ERROR], "warnings": c[WARNING]} for s, c in sorted(counts.items())}

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0
