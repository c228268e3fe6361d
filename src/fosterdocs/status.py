"""Where each document stands in its review cycle: one row per service and document, for people and the site."""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .document_types import DOCUMENTS
from .edition import Edition
from .findings import ERROR, WARNING, Report
from .project import Project
from .rules.base import DOCUMENT_KINDS as LODGED_KINDS  # the documents regulation 4 has Ofsted told about
from .validation import validate

if TYPE_CHECKING:
    from .context import ServiceContext

NEEDS_ACTION = {"overdue", "due-soon", "no-date"}
NOT_SET = "-"


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
    review_due_by: str = ""  # the exact day the review falls due (a month's last day when only the month is given)
    lodge_by: str = ""  # the last day for telling Ofsted about this edition (reg 4: 28 days after approval)
    lodging_status: str = ""  # lodged, due, late, or '' (approval date not known, or not a document Ofsted gets)

    @property
    def needs_action(self) -> bool:
        """Its review is overdue, due soon or undated, or Ofsted has not yet been sent it."""
        return self.review_status in NEEDS_ACTION or self.lodging_status in ("due", "late")


def rows(contexts: list[ServiceContext], today: date) -> list[StatusRow]:
    """A row for every document of every service, in service order."""
    table = []
    for context in contexts:
        for kind, document in context.documents.items():
            meta = document.meta
            edition = Edition.of(meta)
            lodged = DOCUMENTS.get(kind) in LODGED_KINDS
            table.append(StatusRow(
                context.id, context.name, kind, document.title, str(meta.get("version", "")),
                str(meta.get("approved_on", "")), str(meta.get("next_review_due", "")),
                (document.review_due - today).days if document.review_due else None,
                str(meta.get("lodged_with_ofsted_on", "")),
                document.review_status,
                sum(f.severity == ERROR for f in document.findings),
                sum(f.severity == WARNING for f in document.findings),
                document.review_due.isoformat() if document.review_due else "",
                edition.lodge_by.isoformat() if lodged and edition.lodge_by else "",
                edition.lodging_status(today) if lodged else ""))
    return table


def collect(paths: list[Path], today: date) -> tuple[list[StatusRow], Report]:
    """Validate the services named by paths and return their rows, with the report they were judged by."""
    from .context import build  # (the site's context: only `status` and `calendar` need it, not validate)

    report = validate(paths, today)
    project = Project.find(paths[0])
    wanted = set(report.services)
    return rows([c for c in build(project, report, today) if c.id in wanted], today), report


COLUMNS = ("Service", "Document", "Version", "Approved on", "Next review due", "Days left", "Lodged with Ofsted on",
           "Errors", "Warnings")


def _days_left(row: StatusRow) -> str:
    if row.days_left is None:
        return "no date"
    return {"overdue": f"{row.days_left} (overdue)", "due-soon": f"{row.days_left} (due soon)"}.get(
        row.review_status, str(row.days_left))


def _lodged(row: StatusRow) -> str:
    if row.lodging_status == "late":
        return f"{row.lodged_with_ofsted_on or 'not sent'} (was due by {row.lodge_by})"
    if row.lodging_status == "due":
        return f"not yet (due by {row.lodge_by})"
    return row.lodged_with_ofsted_on or NOT_SET


def cells(row: StatusRow) -> tuple[str, ...]:
    """The row as the table's text cells, in COLUMNS order."""
    return (row.service, row.title, row.version or NOT_SET, row.approved_on or NOT_SET,
            row.next_review_due or NOT_SET, _days_left(row), _lodged(row), str(row.errors), str(row.warnings))


def _summary(table: list[StatusRow], today: date) -> str:
    late = sum(row.needs_action for row in table)
    documents = f"{len(table)} document{'s' * (len(table) != 1)}"
    return f"Judged on {today.isoformat()}: {documents}, {late} needing action."


def render_text(table: list[StatusRow], today: date) -> str:
    """A fixed-width table for the terminal."""
    body = [COLUMNS, *(cells(row) for row in table)]
    widths = [max(len(line[i]) for line in body) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in body]
    return "\n".join([*lines, "", _summary(table, today)]) + "\n"


def _markdown_cell(text: str) -> str:
    return html.escape(" ".join(text.split())).replace("|", "\\|")


def render_markdown(table: list[StatusRow], today: date) -> str:
    """A Markdown table (for the tracking issue the weekly workflow keeps up to date); YAML text is escaped."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_markdown_cell(cell) for cell in cells(row)) + " |" for row in table]
    return "\n".join([*lines, "", _summary(table, today)]) + "\n"


def render_json(table: list[StatusRow], today: date) -> str:
    return json.dumps({"today": today.isoformat(), "documents": [asdict(row) for row in table]}, indent=2,
                      ensure_ascii=False) + "\n"


FORMATS = {"text": render_text, "markdown": render_markdown, "json": render_json}
