"""What a rule is: a catalogue id, the kinds of document it checks, and a check that yields problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .. import rule_catalogue
from ..document_types import ALL_KINDS
from ..documents import Document
from ..findings import Finding

GUIDE_KINDS = ("childrens-guide",)
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
    severity: str = ""  # when the data entry a problem is about gives its own weight, source or basis
    basis: str = ""


@dataclass(frozen=True)
class Rule:
    """One check, for some kinds of document. Its severity, basis, source and requirement are the rule catalogue's
    (rules/catalogue.yaml); its docstring (the check's) says what it looks for."""

    id: str | None  # None: each problem names its own id (the check reads data whose entries name theirs)
    kinds: tuple[str, ...]
    check: Callable[[Document], Iterable[Problem]]

    def run(self, document: Document) -> Iterable[Finding]:
        for problem in self.check(document):
            line, column = document.loaded.where(problem.path, key=problem.key)
            entry = rule_catalogue.rule(problem.rule or self.id).for_kind(document.kind)
            yield Finding(document.loaded.file, line, column, problem.severity or entry.severity, entry.id,
                          problem.message, problem.fix, problem.source or entry.source, problem.basis or entry.basis,
                          entry.requirement, document.service_id)


def rule(id: str | None, kinds: tuple[str, ...] = ALL_KINDS) -> Callable[[Callable], Rule]:
    """Declare a check as the rule with this catalogue id."""
    if id is not None:
        rule_catalogue.rule(id)  # a rule the catalogue lacks stops fosterdocs at once, not at its first finding
    return lambda check: Rule(id, kinds, check)
