"""The document being edited, checked by the same code as `fosterdocs validate`, each finding placed at its field."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..findings import Finding
from ..loading import Loaded, load
from ..project import Project, shown
from ..service_check import check_service
from .forms import field_id


@dataclass
class Checked:
    """The findings of one version of a document: those at a field (by its id), and those for the whole file."""

    findings: list[Finding]
    at_field: dict[str, list[Finding]] = field(default_factory=dict)
    whole_file: list[Finding] = field(default_factory=list)
    loaded: Loaded | None = None

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    def anchor(self, finding: Finding) -> str:
        """The id of the field a finding belongs to ('' for the file as a whole)."""
        for name, found in self.at_field.items():
            if finding in found:
                return name
        return ""


def check_text(project: Project, folder: Path, name: str, text: str, today: date) -> Checked:
    """Check text as the file name of the service in folder would be checked, without writing it there: the
    service's files are copied to a temporary folder of the same name, with text in place of the file."""
    real = folder / f"{name}.yaml"
    with tempfile.TemporaryDirectory(prefix="fosterdocs-edit-") as scratch:
        copy = Path(scratch) / folder.name
        copy.mkdir()
        for other in folder.iterdir():
            if other.suffix in (".yaml", ".yml") and other.is_file() and other.name != real.name:
                shutil.copyfile(other, copy / other.name)
        target = copy / real.name
        target.write_text(text, encoding="utf-8")
        findings = check_service(project, copy, [target], today).findings
        loaded, _ = load(target, shown(real))
    label = shown(real)
    findings = [_moved(f, str(copy), label) for f in findings]
    return place(findings, loaded)


def _moved(finding: Finding, scratch: str, label: str) -> Finding:
    return replace(finding, file=label) if scratch in finding.file or finding.file.endswith(label) else finding


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
