"""fosterdocs import: a first draft of a service's statement of purpose from its Word, PDF or text document.

read (readers) -> find headings (outline) -> place them in sections (mapper) -> take out structured fields and
contacts (fields, contacts) -> build the draft (draft) -> write YAML (writer) -> validate it and report the gaps
(gaps). The words it recognises sections by are data: data/reference/section-keywords.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..findings import Report
from ..project import CannotRun, Project, check_new_service_id, shown
from ..validation import validate
from .draft import Draft, assemble
from .gaps import render
from .keywords import load_keywords
from .mapper import map_sections
from .readers import read
from .service_file import add_manager, manager_record
from .writer import write


@dataclass
class Imported:
    """What an import wrote and found."""

    source: Path
    target: Path
    backup: Path | None
    draft: Draft
    report: Report
    project: Project
    manager_written: str = ""  # service.yaml: created, added (the manager the statement names), kept, or ''

    def summary(self) -> str:
        stale_rules = {pattern.rule for pattern in self.project.reference.stale}
        return render(self.source, shown(self.target), shown(self.backup) if self.backup else "", self.draft,
                      self.project.schemas["statement-of-purpose"], self.report, stale_rules,
                      shown(self.target.parent / "service.yaml"), self.manager_written)


def import_statement(source: Path, service_id: str, data: Path, force: bool, today: date) -> Imported:
    """Read source, write data/SERVICE-ID/statement-of-purpose.yaml (with force, over a backed-up old one) and
    validate it. CannotRun when the id, the source or the target does not allow it."""
    check_new_service_id(service_id)
    project = Project.find(data)
    target = project.data / service_id / "statement-of-purpose.yaml"
    if target.exists() and not force:
        raise CannotRun(f"{shown(target)} already exists. Nothing was changed; use --force to replace it (the old "
                        "file is kept beside it as a backup).")
    keywords = load_keywords(project)
    draft = assemble(map_sections(read(source), keywords), keywords)
    note = (f"Drafted by `fosterdocs import` from {source.name} on {today.isoformat()}: check every section against "
            "the original,\nmove each part under `unmapped` into its section, and delete `unmapped` before publishing.")
    backup = write(draft.data, target, note)
    record = manager_record(draft.manager)
    written = add_manager(target.parent / "service.yaml", record) if record else ""
    return Imported(source, target, backup, draft, validate([target], today), project, written)
