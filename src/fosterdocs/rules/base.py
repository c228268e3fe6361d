"""What a rule is: an id, a severity, the source that requires it, and a check that yields problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..document_types import ALL_KINDS
from ..documents import Document
from ..findings import Finding

GUIDE_KINDS = ("childrens-guide",)
EXPECTED_CONTENT = ("Expected content (Ofsted practice; not required by the Fostering Services (England) Regulations "
                    "2011, which list only aims, objectives, services and facilities)")
REVIEW_INTERVAL = "REVIEW-INTERVAL"  # the service's own review interval: expected practice, so it can be downgraded
HANDBOOK_KINDS = ("carer-handbook",)


@dataclass(frozen=True)
class Problem:
    """Where a rule found something wrong, what, and how to fix it."""

    path: tuple
    message: str
    fix: str
    rule: str = ""
    source: str = ""
    key: bool = False
    severity: str = ""  # when one rule's problems differ in weight or basis (stale values: data/reference/)
    basis: str = ""


@dataclass(frozen=True)
class Rule:
    """One check. Its docstring (the check's) says what it looks for, for the documentation."""

    id: str
    severity: str
    source: str
    basis: str
    kinds: tuple[str, ...]
    check: Callable[[Document], Iterable[Problem]]
    requirement: str = ""

    def run(self, document: Document) -> Iterable[Finding]:
        for problem in self.check(document):
            line, column = document.loaded.where(problem.path, key=problem.key)
            yield Finding(document.loaded.file, line, column, problem.severity or self.severity,
                          problem.rule or self.id, problem.message, problem.fix, problem.source or self.source,
                          problem.basis or self.basis,
                          self.requirement, document.service_id)


def rule(id: str, severity: str, source: str, basis: str, kinds: tuple[str, ...] = ALL_KINDS,
         requirement: str = "") -> Callable[[Callable], Rule]:
    """Declare a check as a rule."""
    return lambda check: Rule(id, severity, source, basis, kinds, check, requirement)
