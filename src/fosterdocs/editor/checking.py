"""The document being edited, checked by the same code as `fosterdocs validate`, each finding placed at its field."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterator

from ..context import ServiceContext, build
from ..findings import Finding, Report
from ..loading import Loaded, load
from ..project import Project, shown
from ..service_check import CheckedService, check_service
from .forms import field_id


@dataclass
class Checked:
    """The findings of one version of a document: those at a field (by its id), and those for the whole file; and,
    when asked for, the document as the site and the PDFs show it."""

    findings: list[Finding]
    at_field: dict[str, list[Finding]] = field(default_factory=dict)
    whole_file: list[Finding] = field(default_factory=list)
    loaded: Loaded | None = None
    shown: ServiceContext | None = None  # (check_text(..., show=True)) the service with this document only

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    def anchor(self, finding: Finding) -> str:
        """The id of the field a finding belongs to ('' for the file as a whole)."""
        for name, found in self.at_field.items():
            if finding in found:
                return name
        return ""


@contextmanager
def scratch(project: Project, folder: Path, name: str, text: str) -> Iterator[tuple[Project, Path]]:
    """The project with a private data folder: a temporary copy of the service's files with text in place of
    name.yaml, and the project's settings, schemas and reference data as the editor read them when it started (not
    read again). Yields that project and the copied file."""
    with tempfile.TemporaryDirectory(prefix="fosterdocs-edit-") as temporary:
        copy = Path(temporary) / "data" / folder.name
        copy.mkdir(parents=True)
        for other in folder.iterdir():
            if other.suffix in (".yaml", ".yml") and other.is_file() and other.name != f"{name}.yaml":
                shutil.copyfile(other, copy / other.name)
        target = copy / f"{name}.yaml"
        target.write_text(text, encoding="utf-8")
        yield replace(project, root=Path(temporary)), target


def check_text(project: Project, folder: Path, name: str, text: str, today: date, show: bool = False) -> Checked:
    """Check text as the file name of the service in folder would be checked, without writing it there (only that
    file is checked: the others are read for the facts they share). show: also build the context the site and the
    PDFs show the document from (Checked.shown)."""
    with scratch(project, folder, name, text) as (private, target):
        read = check_service(private, target.parent, [target], today, keep=show)
        loaded, _ = load(target, shown(folder / target.name))
        findings = [_moved(f, target.parent, folder) for f in read.findings]
        context = _shown(private, folder, name, findings, read, today) if show else None
    checked = place(findings, loaded)
    checked.shown = context
    return checked


def printed(project: Project, folder: Path, name: str, text: str, today: date) -> ServiceContext | None:
    """The context `fosterdocs pdf` prints the document from, with text in place of its file: every file of the
    service checked (an error in service.yaml marks it a draft too). None: a file with no page of its own."""
    with scratch(project, folder, name, text) as (private, target):
        read = check_service(private, target.parent, None, today, keep=True)
        return _shown(private, folder, name, [_moved(f, target.parent, folder) for f in read.findings], read, today)


def _shown(private: Project, folder: Path, name: str, findings: list[Finding], read: CheckedService,
           today: date) -> ServiceContext | None:
    """The service's context with only the named document (None when it has no page of its own)."""
    contexts = build(private, Report(findings, read.files, [folder.name], {folder.name: read.shelf}), today)
    if not contexts or name not in contexts[0].documents:
        return None
    context = contexts[0]
    context.documents = {name: context.documents[name]}
    context.folder = folder  # (its pictures are read from the real folder)
    return context


def _moved(finding: Finding, copy: Path, folder: Path) -> Finding:
    """A finding about a file of the copy, named as the service's own file."""
    prefix = shown(copy) + os.sep
    return replace(finding, file=shown(folder / finding.file[len(prefix):])) if finding.file.startswith(prefix) \
        else finding


def positions(loaded: Loaded) -> dict[tuple[int, int], tuple]:
    """Where each value and key stands in the file -> the data path there (inner values, visited later, win)."""
    found: dict[tuple[int, int], tuple] = {}

    def visit(value, path):
        if path:
            found[loaded.where(path, key=True)] = path
            found[loaded.where(path)] = path
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            visit(child, path + (key,))

    visit(loaded.data, ())
    return found


def place(findings: list[Finding], loaded: Loaded | None) -> Checked:
    """Put each finding at the field whose value (or key) is where the finding points."""
    checked = Checked(findings, loaded=loaded)
    at = positions(loaded) if loaded is not None else {}
    for finding in findings:
        path = at.get((finding.line, finding.column))
        if path:
            checked.at_field.setdefault(field_id(path), []).append(finding)
        else:
            checked.whole_file.append(finding)
    return checked
