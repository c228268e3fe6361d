"""The document as it will be printed and published, from the text being edited: the same context and templates
as `fosterdocs pdf` and the website's documents, and its PDF on request."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from ..context import ServiceContext
from ..pdf import PRINT_TEMPLATES, created_time, print_html, render
from ..project import Project
from .checking import printed

STYLESHEET = "/preview-assets/print.css"


def preview(context: ServiceContext | None, name: str, today: date) -> str | None:
    """The print HTML of the edited document (context: from check_text(..., show=True)), its stylesheet served by
    the editor (None: service.yaml, which has no page of its own)."""
    if context is None:
        return None
    html = print_html(context, name, today, created_time())
    return html.replace((PRINT_TEMPLATES / "print.css").as_uri(), STYLESHEET)


def pdf(project: Project, folder: Path, name: str, text: str, today: date) -> bytes | None:
    """The edited document's PDF, as `fosterdocs pdf` would make it (marked as a draft while it has errors)."""
    context = printed(project, folder, name, text, today)
    if context is None:
        return None
    with tempfile.TemporaryDirectory(prefix="fosterdocs-edit-") as scratch:
        target = Path(scratch) / "preview.pdf"
        render(print_html(context, name, today, created_time()), target, folder)
        return target.read_bytes()
