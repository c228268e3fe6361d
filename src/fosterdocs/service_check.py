"""Check one service: each of its files against its schema and the rules, then the service's downgrades."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, islice
from pathlib import Path

from . import downgrades
from . import schema as schemas
from .document_types import FILES, TYPES, kind_of
from .documents import Document, Shelf
from .findings import Finding
from .loading import Loaded
from .project import SERVICE_ID, Project, shown
from .rule_catalogue import rule
from .rules import RULES

MAX_FINDINGS_PER_FILE = 200  # the real services have at most 24: more means a file that is not a document at all


def check_file(project: Project, kind: str, loaded: Loaded, service_id: str, service: dict, today: date,
               shelf: Shelf | None = None) -> list[Finding]:
    """The schema's findings, then the rules', up to MAX_FINDINGS_PER_FILE and a finding saying there are more."""
    document = Document(kind, service_id, loaded, service, project.reference, today, shelf)
    found = chain(schemas.findings(project.schemas[kind], loaded, service_id),
                  *(rule.run(document) for rule in RULES if kind in rule.kinds))
    findings = list(islice(found, MAX_FINDINGS_PER_FILE + 1))
    if len(findings) > MAX_FINDINGS_PER_FILE:
        findings[MAX_FINDINGS_PER_FILE:] = [rule("file/too-many-findings").finding(
            loaded.file, 1, 1, f"This file has more than {MAX_FINDINGS_PER_FILE} problems; fosterdocs shows the "
            f"first {MAX_FINDINGS_PER_FILE}.", "Fix those, then validate again to see the rest. So many problems "
            "usually mean a file that is not a fosterdocs document, or was pasted in whole: compare it with the "
            "matching file in data/example/.", service_id)]
    return findings


def missing_documents(folder: Path, service_id: str) -> list[Finding]:
    """A finding for each document every service must have (schema/document-types.yaml) that the folder lacks; for a
    document kept in several files (the children's guide, one per age band), any one of them will do."""
    found = []
    for kind in TYPES.values():
        if not kind.required or not kind.is_document or any((folder / f"{n}.yaml").exists() for n in kind.files):
            continue
        names = " or ".join(f"{n}.yaml" for n in kind.files)
        found.append(rule("file/missing-document").finding(
            shown(folder / f"{next(iter(kind.files))}.yaml"), 1, 1,
            f"This service has no {kind.title}: every fostering service must have one ({names}).",
            f"Write {names} in this folder, with your service's own text. Start it with the line "
            f"`# yaml-language-server: $schema=../../schema/{kind.schema}.schema.json` and your editor lists what it "
            "holds.", service_id, kind.kind))
    return found


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a service folder, by name (os.listdir: a tenth of the time of Path.glob)."""
    return [folder / name for name in sorted(os.listdir(folder))
            if name.endswith((".yaml", ".yml")) and not name.startswith(".")]


@dataclass
class CheckedService:
    """One service as validate judged it: its findings, the files checked and, when kept, its files as read."""

    findings: list[Finding]
    files: list[str]
    shelf: Shelf | None = None


def check_service(project: Project, folder: Path, only: list[Path] | None, today: date,
                  keep: bool = False) -> CheckedService:
    """All findings for one service folder (or only some of its files), the files checked, and (keep) the shelf
    they were read into."""
    service_id = folder.name
    findings: list[Finding] = []
    files = _yaml_files(folder) if only is None else only
    service_file = folder / "service.yaml"
    in_scope = only is None or service_file in only
    shelf = Shelf(folder, shown)
    service_loaded, problems = shelf.load(service_file) if service_file.exists() else (None, [])
    service = service_loaded.data if service_loaded else {}
    if in_scope:
        findings += [replace(f, service=service_id) for f in problems]
        if not service_file.exists():
            findings.append(rule("file/missing-service").finding(
                shown(service_file), 1, 1, "This service has no service.yaml, so its shared facts are missing.",
                "Create service.yaml in this folder with your service's own name, registered manager and contacts; "
                "start it with the line `# yaml-language-server: $schema=../../schema/service.schema.json` and your "
                "editor lists what it holds.", service_id))
        if not SERVICE_ID.fullmatch(service_id):
            findings.append(rule("file/service-id").finding(
                shown(service_file), 1, 1, f"The folder name '{service_id}' cannot be used as a web address.",
                "Rename the folder in lower case, with hyphens instead of spaces.", service_id))
    if only is None:
        findings += missing_documents(folder, service_id)
    for path in files:
        kind = kind_of(path)
        if kind is None:
            findings.append(rule("file/unknown-document").finding(
                shown(path), 1, 1, f"fosterdocs does not know a document called '{path.name}'.",
                "Rename it to one of: " + ", ".join(f"{k}.yaml" for k in FILES) + ".", service_id))
            continue
        loaded, problems = (service_loaded, []) if kind == "service" else shelf.load(path)
        findings += [replace(f, service=service_id) for f in problems]
        if loaded is not None:
            findings += check_file(project, kind, loaded, service_id, service, today, shelf)
    reasons, problems = downgrades.allowed(project, service, service_loaded if in_scope else None, service_id)
    return CheckedService(downgrades.apply(findings, reasons) + problems, [shown(p) for p in files],
                          shelf if keep else None)
