"""Where each document stands in its review cycle: one row per service and document, for people and the site."""

from __future__ import annotations

import html
import json
import shutil
import sys
import textwrap
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .document_types import DOCUMENTS, REVIEWED_KINDS, title_of
from .edition import Edition
from .findings import ERROR, WARNING, Report
from .project import Project
from .validation import validate

if TYPE_CHECKING:
    from .context import ServiceContext

NEEDS_ACTION = {"overdue", "due-soon", "no-date"}
NOT_SET = "-"
WIDTH = 100  # terminal columns the text table fits (wider cells wrap)


@dataclass(frozen=True)
class StatusRow:
    """One document's review position."""

    service_id: str
    service: str
    name: str  # the document's file name without .yaml: childrens-guide-under-8
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
    resupplied_on: str = ""
    resupply_status: str = ""  # children's guides: resupplied, due (revised, not yet given to carers and children), ''
    days_since_approval: int | None = None
    fictional: bool = False  # the service is the fictional example
    kind: str = ""  # the type of document: statement-of-purpose, childrens-guide, carer-handbook

    @property
    def needs_action(self) -> bool:
        """It has errors, its review is overdue, due soon or undated, Ofsted has not yet been sent it, or a revised
        guide has not yet been given to carers and children."""
        return (bool(self.errors) or self.review_status in NEEDS_ACTION or self.lodging_status in ("due", "late")
                or self.resupply_status == "due")


def rows(contexts: list[ServiceContext], today: date) -> list[StatusRow]:
    """A row for every document of every service, in service order."""
    table = []
    for context in contexts:
        for name, document in context.documents.items():
            meta = document.meta
            edition = Edition.of(meta)
            lodged = document.kind in REVIEWED_KINDS
            guide = document.kind == "childrens-guide"
            table.append(StatusRow(
                context.id, context.name, name, document.title, str(meta.get("version", "")),
                str(meta.get("approved_on", "")), str(meta.get("next_review_due", "")),
                (document.review_due - today).days if document.review_due else None,
                str(meta.get("lodged_with_ofsted_on", "")),
                document.review_status,
                sum(f.severity == ERROR for f in document.findings),
                sum(f.severity == WARNING for f in document.findings),
                document.review_due.isoformat() if document.review_due else "",
                edition.lodge_by.isoformat() if lodged and edition.lodge_by else "",
                edition.lodging_status(today) if lodged else "",
                str(meta.get("resupplied_on", "")) if guide else "",
                edition.resupply_status(today) if guide else "",
                (today - edition.approved[1]).days if edition.approved else None,
                context.service.get("fictional") is True, document.kind))
    return table


def collect(paths: list[Path], today: date) -> tuple[list[StatusRow], Report]:
    """Validate the services named by paths and return their rows, with the report they were judged by."""
    from .context import build  # (the site's context: only `status` and `calendar` need it, not validate)

    project = Project.find(paths[0])
    report = validate(paths, today, keep=True, project=project)
    return rows(build(project, report, today), today), report


COLUMNS = ("Service", "Document", "Version", "Approved on", "Next review due", "Days left", "Lodged with Ofsted on",
           "Errors", "Warnings")
TEXT_COLUMNS = ("Service", "Document", "Version", "Approved", "Review due", "Sent to Ofsted", "Errors",
                "Warnings")  # the terminal's: the service's id, the document's short name, the review's days beside it
TEXT_FLOORS = (0, 16, 6, 10, 10, 10, 0, 0)  # the narrowest each may wrap to (0: never narrower than its content)


def _days_left(row: StatusRow) -> str:
    if row.days_left is None:
        return "no date"
    return {"overdue": f"{row.days_left} (overdue)", "due-soon": f"{row.days_left} (due soon)"}.get(
        row.review_status, str(row.days_left))


def _review(row: StatusRow) -> str:
    """When the review is due as written, and how far off that is in words."""
    if row.days_left is None:
        return "no date"
    written = row.next_review_due or row.review_due_by
    if row.days_left < 0:
        return f"{written}, {-row.days_left} days overdue"
    return f"{written}, {'due soon: ' if row.review_status == 'due-soon' else ''}in {row.days_left} days"


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


def short_title(row: StatusRow) -> str:
    """The document's short name: Statement of Purpose, Children's Guide (8 to 12)..."""
    return title_of(row.name) if row.name in DOCUMENTS else row.title


def text_cells(row: StatusRow) -> tuple[str, ...]:
    """The row as the terminal table's cells, in TEXT_COLUMNS order."""
    return (row.service_id, short_title(row), row.version or NOT_SET, row.approved_on or NOT_SET, _review(row),
            _lodged(row), str(row.errors), str(row.warnings))


def resupply_note(row: StatusRow) -> str:
    """The reg 4 reminder for a revised children's guide not yet given to carers and children, or ''."""
    if row.resupply_status != "due":
        return ""
    return (f"{row.service_id}: {short_title(row)} not yet given to every foster carer and child "
            f"placed ({row.days_since_approval} days since approval on {row.approved_on}). When it has been, run: "
            f"fosterdocs lodge {row.service_id} --resupplied YYYY-MM-DD (regulation 4).")


def totals(table: list[StatusRow]) -> dict[str, int]:
    """How many rows are in each state: each count is of rows, so they agree with the table."""
    return {"documents": len(table), "needing_action": sum(r.needs_action for r in table),
            "with_errors": sum(bool(r.errors) for r in table),
            "review_overdue": sum(r.review_status == "overdue" for r in table),
            "review_due_soon": sum(r.review_status == "due-soon" for r in table),
            "review_not_dated": sum(r.review_status == "no-date" for r in table),
            "ofsted_late": sum(r.lodging_status == "late" for r in table),
            "ofsted_due": sum(r.lodging_status == "due" for r in table),
            "guides_to_resupply": sum(r.resupply_status == "due" for r in table)}


TOTAL_WORDS = (("with_errors", "with errors"), ("review_overdue", "review overdue"),
               ("review_due_soon", "review due soon"), ("review_not_dated", "no review date"),
               ("ofsted_late", "late for Ofsted"), ("ofsted_due", "to send to Ofsted"),
               ("guides_to_resupply", "guide to give to carers and children"))


def _summary(table: list[StatusRow], today: date) -> str:
    counts = totals(table)
    documents = f"{counts['documents']} document{'s' * (counts['documents'] != 1)}"
    reasons = ", ".join(f"{counts[key]} {words}" for key, words in TOTAL_WORDS if counts[key])
    return (f"Judged on {today.isoformat()}: {documents}, {counts['needing_action']} needing action"
            + (f" ({reasons}; a document can be counted more than once)." if reasons else "."))


def _fit(widths: list[int], floors: list[int], limit: int) -> list[int]:
    """Column widths that fit limit (two spaces between columns): the column furthest above its floor gives way
    first, one character at a time."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > limit:
        slack = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[slack] <= floors[slack]:
            break
        widths[slack] -= 1
    return widths


def terminal_width() -> int:
    """The terminal's width, or WIDTH when the output goes to a file or another program."""
    return max(60, shutil.get_terminal_size((WIDTH, 24)).columns) if sys.stdout.isatty() else WIDTH


def render_text(table: list[StatusRow], today: date, width: int | None = None) -> str:
    """A table that fits the terminal (long cells wrap onto more lines), then the reg 4 reminders and the totals."""
    width = width or terminal_width()
    body = [TEXT_COLUMNS, *(text_cells(row) for row in table)]
    natural = [max(len(line[i]) for line in body) for i in range(len(TEXT_COLUMNS))]
    floors = [min(n, floor or n) for n, floor in zip(natural, TEXT_FLOORS)]
    widths = _fit(natural, floors, width)
    lines = []
    for line in body:
        wrapped = [textwrap.wrap(cell, w, break_on_hyphens=False) or [""] for cell, w in zip(line, widths)]
        for depth in range(max(len(cell) for cell in wrapped)):
            parts = [cell[depth] if depth < len(cell) else "" for cell in wrapped]
            lines.append("  ".join(part.ljust(w) for part, w in zip(parts, widths)).rstrip())
    notes = [_fill(note, width) for note in map(resupply_note, table) if note]
    return "\n".join([*lines, *([""] + notes if notes else []), "", _fill(_summary(table, today), width)]) + "\n"


def _fill(text: str, width: int) -> str:
    return textwrap.fill(text, width, subsequent_indent="  ", break_on_hyphens=False)


def _markdown_cell(text: str) -> str:
    return html.escape(" ".join(text.split())).replace("|", "\\|")


def render_markdown(table: list[StatusRow], today: date) -> str:
    """A Markdown table (for the tracking issue the weekly workflow keeps up to date); YAML text is escaped."""
    columns = ("Service ID", *COLUMNS)
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_markdown_cell(cell) for cell in (row.service_id, *cells(row))) + " |"
              for row in table]
    notes = [f"- {_markdown_cell(note)}" for note in map(resupply_note, table) if note]
    return "\n".join([*lines, *([""] + notes if notes else []), "", _markdown_cell(_summary(table, today))]) + "\n"


def render_json(table: list[StatusRow], today: date) -> str:
    documents = [{**asdict(row), "needs_action": row.needs_action} for row in table]
    return json.dumps({"today": today.isoformat(), "documents": documents, "totals": totals(table)}, indent=2,
                      ensure_ascii=False) + "\n"


FORMATS = {"text": render_text, "markdown": render_markdown, "json": render_json}
