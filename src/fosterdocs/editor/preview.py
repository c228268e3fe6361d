"""The document as it will be printed and published, from the text being edited: the same context and templates
as `fosterdocs pdf` and the website's documents, and its PDF on request."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

from ..config import CONFIG_FILE
from ..context import gather
from ..pdf import PRINT_TEMPLATES, created_time, print_html, render
from ..project import Project
from ..resources import REFERENCE, SCHEMAS

STYLESHEET = "/preview-assets/print.css"


@contextmanager
def scratch(project: Project, folder: Path, name: str, text: str) -> Iterator[Path]:
    """A private project in a temporary folder: the schemas and reference data as they are, and a copy of the
    service's files with text in place of name.yaml; yields its data folder."""
    with tempfile.TemporaryDirectory(prefix="fosterdocs-edit-") as temporary:
        root = Path(temporary)
        if (project.root / CONFIG_FILE).is_file():
            shutil.copyfile(project.root / CONFIG_FILE, root / CONFIG_FILE)
        (root / SCHEMAS).symlink_to(project.resource(SCHEMAS).resolve(), target_is_directory=True)
        data = root / "data"
        data.mkdir()
        (root / REFERENCE).symlink_to(project.resource(REFERENCE).resolve(), target_is_directory=True)
        copy = data / folder.name
        copy.mkdir()
        for other in folder.iterdir():
            if other.suffix in (".yaml", ".yml") and other.is_file():
                shutil.copyfile(other, copy / other.name)
        (copy / f"{name}.yaml").write_text(text, encoding="utf-8")
        yield data


def _html(data: Path, service: str, name: str, today: date) -> str | None:
    _, contexts = gather(Project.find(data), [service], today)
    if not contexts or name not in contexts[0].documents:
        return None
    return print_html(contexts[0], name, today, created_time())


def preview(project: Project, folder: Path, name: str, text: str, today: date) -> str | None:
    """The print HTML of the edited document, its stylesheet served by the editor (None: service.yaml, which has
    no page of its own, or a file that cannot be read)."""
    with scratch(project, folder, name, text) as data:
        html = _html(data, folder.name, name, today)
    return html.replace((PRINT_TEMPLATES / "print.css").as_uri(), STYLESHEET) if html else None


def pdf(project: Project, folder: Path, name: str, text: str, today: date) -> bytes | None:
    """The edited document's PDF, as `fosterdocs pdf` would make it (marked as a draft while it has errors)."""
    with scratch(project, folder, name, text) as data:
        html = _html(data, folder.name, name, today)
        if html is None:
            return None
        target = data / "preview.pdf"
        render(html, target, folder)
        return target.read_bytes()
