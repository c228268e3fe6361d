"""A fosterdocs project: the folder holding `fosterdocs.yml`, its data, and the resources it reads.

A service's own repository has only `fosterdocs.yml` and `data/<service>/`: schemas, reference data, the example
service and the website's theme come from the installed fosterdocs (resources.py). A project may carry its own copy
of any of them at the same place (`schema/`, `data/reference/`, `mkdocs.yml`...): this repository, the tool's home,
does, and the tests change such copies.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import resources
from . import schema as schemas
from .config import CONFIG_FILE, SCHEMA, Config, load_config
from .findings import Finding
from .reference import Reference, load_reference

LEGACY_MARKER = "data/reference/regulators.yaml"  # a copy of this repository's data without fosterdocs.yml
SERVICE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")  # the whole name (fullmatch): a web address and a folder
FICTIONAL_EXAMPLES = ("example", "example-agency")  # the bundled fictional services: only they may be fictional
RESERVED_IDS = (*FICTIONAL_EXAMPLES, "reference")


class CannotRun(Exception):
    """The command cannot run at all (exit 2): a missing path, no reference data, no schemas."""


def check_new_service_id(service_id: str) -> None:
    """Refuse an id that cannot name a new service folder (CannotRun says why)."""
    if not SERVICE_ID.fullmatch(service_id) or service_id in RESERVED_IDS:
        raise CannotRun(f"{service_id!r} cannot be a service id: use up to 60 lower-case letters, digits and "
                        "hyphens (for example 'north-shire'), other than " + ", ".join(RESERVED_IDS) + ".")


def find_root(start: Path | None = None) -> Path:
    """The project folder containing start (default: the working folder): the nearest with a fosterdocs.yml."""
    start = (start or Path.cwd()).resolve()
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_FILE).is_file() or (candidate / LEGACY_MARKER).is_file():
            return candidate
    raise CannotRun(f"{shown(start)} is not inside a fosterdocs project (a folder with a {CONFIG_FILE}). "
                    "Run the command inside your service's repository, or start one with: "
                    "fosterdocs init FOLDER --service ID --name \"NAME\" --type local-authority")


@dataclass
class Project:
    """Where a project's data, configuration, reference data and schemas are."""

    root: Path
    config: Config
    schemas: dict[str, schemas.Schema]
    reference: Reference
    reference_findings: list[Finding]
    own_reference: bool = False  # the project keeps its own data/reference (the tool's home)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project containing start (default: the working folder)."""
        return cls.open(find_root(start))

    @classmethod
    def open(cls, root: Path) -> Project:
        """The project at root, with its settings, schemas and reference data read."""
        config, problems = load_config(root, resource(root, f"{resources.SCHEMAS}/{SCHEMA}"))
        if problems:
            raise CannotRun(f"{CONFIG_FILE} cannot be used:\n  " + "\n  ".join(problems))
        schema_dir = resource(root, resources.SCHEMAS)
        try:
            loaded = schemas.load_schemas(schema_dir)
        except (OSError, ValueError) as err:
            raise CannotRun(f"The schemas in {shown(schema_dir)} cannot be used: {err}") from err
        reference_dir = resource(root, resources.REFERENCE)
        reference, problems = load_reference(reference_dir, loaded["reference"], shown(reference_dir))
        return cls(root, config, loaded, reference, problems, own_reference=reference_dir.is_relative_to(root))

    def resource(self, relative: str) -> Path:
        return resource(self.root, relative)

    def services(self) -> list[Path]:
        """Every service folder, by name: the folders in data/ but reference/, hidden ones (backups) and links."""
        if not self.data.is_dir():
            return []
        return sorted(p for p in self.data.iterdir() if p.is_dir() and not p.is_symlink() and p.name != "reference"
                      and not p.name.startswith("."))

    def service(self, name: str) -> Path:
        """The folder of a service named by its id or by its folder's path."""
        services = self.services()
        for candidate in (self.data / name, Path(name).absolute()):
            folder = candidate.parent.resolve() / candidate.name  # a link to a folder is not a service
            if folder in services:
                return folder
        raise CannotRun(f"There is no service called '{name}' in {shown(self.data)}.")


def resource(root: Path, relative: str) -> Path:
    """The project's own copy of a resource when it has one, else the one fosterdocs carries."""
    own = root / relative
    return own if own.exists() else resources.bundled(relative)


def shown(path: Path) -> str:
    """A path as the person typed it: relative to the working folder when inside it."""
    here, absolute = os.getcwd(), os.path.abspath(path)  # (the working folder's real path: no links in it)
    if absolute.startswith(here + os.sep):
        return absolute[len(here) + 1:]  # without a look at the disk, for the usual case
    try:
        return str(path.resolve().relative_to(Path(here)))
    except ValueError:
        return str(path)
