"""Where each document stands in its review cycle: one row per service and document, for people and the site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .context import ServiceContext
from .findings import ERROR, WARNING


@dataclass(frozen=True)
class StatusRow:
    """One document's review position."""

    service_id: str
    service: str
    kind: str
    title: str
    version: str
    approved_on: str
    next_review_due: str
    days_left: int | None
    lodged_with_ofsted_on: str
    review_status: str
    errors: int
    warnings: int


def rows(contexts: list[ServiceContext], today: date) -> list[StatusRow]:
    """A row for every document of every service, in service order."""
    table = []
    for context in contexts:
        for kind, document in context.documents.items():
            meta = document.meta
            table.append(StatusRow(
                context.id, context.name, kind, document.title, str(meta.get("version", "")),
                str(meta.get("approved_on", "")), str(meta.get("next_review_due", "")),
                (document.review_due - today).days if document.review_due else None,
                str((meta.get("publication") or {}).get("lodged_with_ofsted_on", "")),
                document.review_status,
                sum(f.severity == ERROR for f in document.findings),
                sum(f.severity == WARNING for f in document.findings)))
    return table
