"""Validate services: find their files, load them, check the schema, run the rules, apply downgrades."""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain, islice
from datetime import date
from pathlib import Path

from . import schema as schemas
from .documents import Document, Shelf
from .findings import ERROR, Finding, Report
from .loading import DATA_MODEL, Loaded
from .reference import Reference, load_reference, overdue_checks
from .rules import RULES

SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RESERVED_IDS = ("example", "reference")


def check_new_service_id(service_id: str) -> None:
    """Refuse an id that cannot name a new service folder (CannotRun says why)."""
    if not SERVICE_ID.match(service_id) or service_id in RESERVED_IDS:
        raise CannotRun(f"'{service_id}' cannot be a service id: use lower-case letters, digits and hyphens "
                        "(for example 'north-shire'), other than 'example' and 'reference'.")
DOCUMENT_KINDS = ("statement-of-purpose", "childrens-guide", "carer-handbook")
GUIDE_BANDS = ("under-8", "8-to-12", "13-plus")  # the children's guide: one version, in its own file, per age band
DOCUMENTS = {"statement-of-purpose": "statement-of-purpose",
             **{f"childrens-guide-{band}": "childrens-guide" for band in GUIDE_BANDS},
             "carer-handbook": "carer-handbook"}  # file name (without .yaml) -> kind of document
PARALLEL_FROM = 8  # services; below this, starting workers costs more than it saves
MAX_FINDINGS_PER_FILE = 200  # the real services have at most 24: more means a file that is not a document at all


class CannotRun(Exception):
    """The command cannot run at all (exit 2): a missing path, no reference data, no schemas."""


@dataclass
class Project:
    """Where a project's data, reference data and schemas are."""

    data: Path
    schemas: dict[str, schemas.Schema]
    reference: Reference
    reference_findings: list[Finding]

    @classmethod
    def find(cls, start: Path) -> Project:
        """The project whose data folder contains start."""
        start = start.resolve()
        for candidate in (start, *start.parents):
            if (candidate / "reference" / "regulators.yaml").is_file():
                return cls.open(candidate)
        raise CannotRun(f"{start} is not inside a fosterdocs data folder (one with reference/regulators.yaml).")

    @classmethod
    def open(cls, data: Path) -> Project:
        schema_dir = data.parent / "schema"
        try:
            loaded = schemas.load_schemas(schema_dir)
        except (OSError, ValueError) as err:
            raise CannotRun(f"The schemas in {schema_dir} cannot be used: {err}") from err
        reference, problems = load_reference(data / "reference", loaded["reference"], shown(data / "reference"))
        return cls(data, loaded, reference, problems)

    def services(self) -> list[Path]:
        return sorted(p for p in self.data.iterdir() if p.is_dir() and p.name != "reference"
                      and not p.name.startswith("."))


def shown(path: Path) -> str:
    """A path as the person typed it: relative to the working folder when inside it."""
    here, absolute = os.getcwd(), os.path.abspath(path)  # (the working folder's real path: no links in it)
    if absolute.startswith(here + os.sep):
        return absolute[len(here) + 1:]  # without a look at the disk, for the usual case
    try:
        return str(path.resolve().relative_to(Path(here)))
    except ValueError:
        return str(path)


def kind_of(path: Path) -> str | None:
    """The kind of document a file holds, from its name (None for a file fosterdocs does not know)."""
    return "service" if path.stem == "service" else DOCUMENTS.get(path.stem)


def _check(project: Project, kind: str, loaded: Loaded, service_id: str, service: dict, today: date,
           shelf: Shelf | None = None) -> list[Finding]:
    """The schema's findings, then the rules', up to MAX_FINDINGS_PER_FILE and a finding saying there are more."""
    document = Document(kind, service_id, loaded, service, project.reference, today, shelf)
    found = chain(schemas.findings(project.schemas[kind], loaded, service_id),
                  *(rule.run(document) for rule in RULES if kind in rule.kinds))
    findings = list(islice(found, MAX_FINDINGS_PER_FILE + 1))
    if len(findings) > MAX_FINDINGS_PER_FILE:
        findings[MAX_FINDINGS_PER_FILE:] = [Finding(
            loaded.file, 1, 1, ERROR, "file/too-many-findings", f"This file has more than {MAX_FINDINGS_PER_FILE} "
            f"problems; fosterdocs shows the first {MAX_FINDINGS_PER_FILE}.", "Fix those, then validate again to "
            "see the rest. So many problems usually mean a file that is not a fosterdocs document, or was pasted "
            "in whole: compare it with the matching file in data/example/.", DATA_MODEL, service=service_id)]
    return findings


def _downgrades(project: Project, service: dict, loaded: Loaded | None, service_id: str) -> tuple[dict, list[Finding]]:
    """The service's allowed downgrades, and a finding for each one that names a legal requirement or none."""
    known: dict[str, str] = {}
    for kind in ("service", *DOCUMENT_KINDS):
        known.update(project.schemas[kind].requirements)
    allowed, findings = {}, []
    for index, entry in enumerate(service.get("downgrades") or []):
        if not isinstance(entry, dict):
            continue
        requirement = entry.get("requirement")
        basis = known.get(requirement)
        if basis == "expected-practice":
            allowed[requirement] = entry.get("reason", "")
        elif loaded is not None:
            line, column = loaded.where(("downgrades", index, "requirement"))
            problem = (f"'{requirement}' is {'law or a national standard' if basis else 'not a requirement fosterdocs knows'}"
                       ": it cannot be downgraded.")
            findings.append(Finding(loaded.file, line, column, ERROR, "downgrades/not-allowed", problem,
                                    "Only expected-practice items can be downgraded: "
                                    + ", ".join(sorted(k for k, v in known.items() if v == "expected-practice")) + ".",
                                    "fosterdocs: a service may downgrade only expected practice, never law or a national "
                                    "standard", "data",
                                    service=service_id))
    return allowed, findings


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a service folder, by name (os.listdir: a tenth of the time of Path.glob)."""
    return [folder / name for name in sorted(os.listdir(folder))
            if name.endswith((".yaml", ".yml")) and not name.startswith(".")]


def check_service(project: Project, folder: Path, only: list[Path] | None, today: date) -> tuple[list[Finding], list[str]]:
    """All findings for one service folder (or only some of its files)."""
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
            findings.append(Finding(shown(service_file), 1, 1, ERROR, "file/missing-service",
                                    "This service has no service.yaml, so its shared facts are missing.",
                                    "Copy data/example/service.yaml into this folder and fill it in.",
                                    DATA_MODEL, service=service_id))
        if not SERVICE_ID.match(service_id):
            findings.append(Finding(shown(service_file), 1, 1, ERROR, "file/service-id",
                                    f"The folder name '{service_id}' cannot be used as a web address.",
                                    "Rename the folder in lower case, with hyphens instead of spaces.",
                                    DATA_MODEL, service=service_id))
    for path in files:
        kind = kind_of(path)
        if kind is None:
            findings.append(Finding(shown(path), 1, 1, ERROR, "file/unknown-document",
                                    f"fosterdocs does not know a document called '{path.name}'.",
                                    "Rename it to one of: service.yaml, " +
                                    ", ".join(f"{k}.yaml" for k in DOCUMENTS) + ".", DATA_MODEL,
                                    service=service_id))
            continue
        loaded, problems = (service_loaded, []) if kind == "service" else shelf.load(path)
        findings += [replace(f, service=service_id) for f in problems]
        if loaded is not None:
            findings += _check(project, kind, loaded, service_id, service, today, shelf)
    allowed, problems = _downgrades(project, service, service_loaded if in_scope else None, service_id)
    findings = [f.downgraded(allowed[f.requirement]) if f.requirement in allowed and f.severity == ERROR else f
                for f in findings] + problems
    return findings, [shown(p) for p in files]


_PROJECT: Project | None = None


def _work(task: tuple[Path, list[Path] | None, date]) -> tuple[list[Finding], list[str]]:
    return check_service(_PROJECT, *task)


def validate(paths: list[Path], today: date, jobs: int | None = None) -> Report:
    """Validate the services and files named by paths (all of a data folder, a service folder, or files)."""
    global _PROJECT
    for path in paths:
        if not path.exists():
            raise CannotRun(f"{path} does not exist.")
    project = Project.find(paths[0])
    tasks: dict[Path, list[Path] | None] = {}
    for path in (p.resolve() for p in paths):
        if path == project.data.resolve():
            tasks.update({folder: None for folder in project.services()})
        elif path.is_dir():
            tasks[path] = None
        elif path.suffix in (".yaml", ".yml"):
            if tasks.get(path.parent, []) is not None:
                tasks.setdefault(path.parent, []).append(path)
        else:
            raise CannotRun(f"{path} is not a YAML file or a folder of them.")
    report = Report(services=[folder.name for folder in tasks])
    report.findings += project.reference_findings + overdue_checks(project.reference, today)
    work = [(folder, only, today) for folder, only in tasks.items()]
    jobs = jobs or os.cpu_count() or 1
    _PROJECT = project
    if jobs > 1 and len(work) >= PARALLEL_FROM:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_work, work, chunksize=max(1, len(work) // (jobs * 16))))
    else:
        results = [_work(task) for task in work]
    for findings, files in results:
        report.findings += findings
        report.files += files
    return report
