"""Validated data turned into what the website and the PDFs show: one context per service, shared by both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .document_types import DOCUMENTS, FILES, title_of
from .documents import DEFAULT_WARNING_DAYS, Document
from .findings import ERROR, Finding, Report
from .project import Project
from .regimes import LOCAL_AUTHORITY, Regime, regime_of
from .validation import validate

_NOT_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9.-]+")
NOT_SECTIONS = {"document", "related_documents", "other_sections", "unmapped"}


@dataclass
class Section:
    """One section of a document, ready to render: its key, printed title and data, and the law behind it."""

    key: str
    title: str
    data: dict
    source: str = ""
    basis: str = ""
    terms: Regime = LOCAL_AUTHORITY  # the words for the service's type (manager, provider...)


@dataclass
class DocumentContext:
    """A document with its sections in reading order, its dates, review status and findings (name: its file's
    name without .yaml, such as childrens-guide-under-8)."""

    name: str
    title: str
    meta: dict
    sections: list[Section]
    related: list[dict]
    findings: list[Finding]
    review_status: str
    review_due: date | None
    review_worked_out: str = ""  # how review_due was worked out, when no next_review_due is written

    @property
    def review_written(self) -> bool:
        return not self.review_worked_out

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def is_preview(self) -> bool:
        """A document with errors is shown only as a preview, never published."""
        return bool(self.errors)

    @property
    def edition(self) -> str:
        """What names this edition in a file name: its period, version or approval year, in letters, digits, dots
        and hyphens only (whatever the data holds), at most 40 of them."""
        written = self.meta.get("period") or self.meta.get("version") or str(self.meta.get("approved_on") or "")[:4]
        name = _NOT_IN_FILE_NAME.sub("-", str(written).replace("/", "-").replace(" ", ""))[:40].strip("-.")
        return name or "current"

    @property
    def easy_read(self) -> bool:
        """A children's guide: shown in the easy-read layout (large type, short sections, plenty of space)."""
        return FILES[self.name].easy_read

    @property
    def kind(self) -> str:
        """The type of document (its schema): statement-of-purpose, childrens-guide, carer-handbook."""
        return FILES[self.name].kind

    @property
    def pdf_name(self) -> str:
        """The PDF's file name, predictable from the data: statement-of-purpose-2024-25.pdf."""
        return f"{self.name}-{self.edition}.pdf"


@dataclass
class ServiceContext:
    """Everything shown for one service."""

    id: str
    service: dict
    documents: dict[str, DocumentContext] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    downgrades: list[dict] = field(default_factory=list)
    folder: Path | None = None  # the service's data folder, where its pictures are

    @property
    def name(self) -> str:
        return str(self.service.get("name") or self.id)

    @property
    def terms(self) -> Regime:
        """The words for a council's service or an independent agency (registered manager, provider...)."""
        return regime_of(self.service)


def review_status(due: date | None, today: date, warning_days: int = DEFAULT_WARNING_DAYS) -> str:
    """ok, due-soon, overdue, or no-date."""
    if due is None:
        return "no-date"
    if due < today:
        return "overdue"
    return "due-soon" if due <= today + timedelta(days=warning_days) else "ok"


def section_title(key: str, value: dict) -> str:
    """A section's printed title: its own `title`, or its key in words."""
    return str(value.get("title") or key.replace("_", " ").capitalize())


def _document_context(project: Project, name: str, document: Document, findings: list[Finding],
                      today: date) -> DocumentContext:
    data = {key: document.expand(value) for key, value in document.data.items()}  # the file: a mapping
    schema = project.schemas[document.kind]
    sections = []
    for key, value in data.items():
        if key in NOT_SECTIONS or not isinstance(value, dict) or value.get("given_in"):
            continue  # (a section given in another section is printed there, once)
        notes = schema.annotations(["properties", key])
        sections.append(Section(key, section_title(key, value), value,
                                notes.get("x-source", ""), notes.get("x-basis", ""), document.regime))
    for index, extra in enumerate(data.get("other_sections") or []):
        sections.append(Section(f"other-{index + 1}", str(extra.get("title", "")), extra, terms=document.regime))
    meta = data["document"] if isinstance(data.get("document"), dict) else {}  # a malformed block is a finding
    review = document.review
    related = [*(data.get("related_documents") or []), *(document.service.get("related_documents") or [])]
    return DocumentContext(name, str(meta.get("title") or title_of(name)), meta, sections, related,
                           findings, review_status(review.due, today, document.warning_days), review.due,
                           review.worked_out)


def build(project: Project, report: Report, today: date) -> list[ServiceContext]:
    """A context for every service the report checked, from the files validate read and kept (validate(keep=True)):
    nothing is read again, and a document is shown when validate checked it."""
    contexts = []
    checked = set(report.files)
    for service_id, shelf in sorted(report.shelves.items()):
        folder = shelf.folder
        service_loaded = shelf.read(folder / "service.yaml")
        service = service_loaded.data if service_loaded else {}
        findings = [f for f in report.findings if f.service == service_id]
        context = ServiceContext(service_id, service, findings=findings,
                                 downgrades=list(service.get("downgrades") or []), folder=folder)
        for name, kind in DOCUMENTS.items():
            loaded = shelf.read(folder / f"{name}.yaml")
            if loaded is None or loaded.file not in checked:
                continue
            document = Document(kind, service_id, loaded, service, project.reference, today, shelf)
            mine = [f for f in findings if f.file.endswith((f"{service_id}/{name}.yaml", f"{service_id}/service.yaml"))]
            context.documents[name] = _document_context(project, name, document, mine, today)
        contexts.append(context)
    return contexts


def gather(project: Project, names: list[str], today: date) -> tuple[Report, list[ServiceContext]]:
    """Validate the named services (every service when none is named) and build their contexts: where the site,
    the PDFs and the lodging pack start."""
    folders = [project.service(name) for name in names]
    report = validate(folders or [project.data], today, keep=True, project=project)
    return report, build(project, report, today)
