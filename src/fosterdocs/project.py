"""A fosterdocs project: where its data, reference data and schemas are, and which services it holds."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import schema as schemas
from .findings import Finding
from .reference import Reference, load_reference

SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RESERVED_IDS = ("example", "reference")


class CannotRun(Exception):
    """The command cannot run at all (exit 2): a missing path, no reference data, no schemas."""


def check_new_service_id(service_id: str) -> None:
    """Refuse an id that cannot name a new service folder (CannotRun says why)."""
    if not SERVICE_ID.match(service_id) or service_id in RESERVED_IDS:
        raise CannotRun(f"'{service_id}' cannot be a service id: use lower-case letters, digits and hyphens "
                        "(for example 'north-shire'), other than 'example' and 'reference'.")


def shown(path: Path) -> str:
    """A path as the person typed it: relative to the working folder when inside it."""
    here, absolute = os.getcwd(), os.path.abspath(path)  # (the working folder's real path: no links in it)
    if absolute.startswith(here + os.sep):
        return absolute[len(here) + 1:]  # without a look at the disk, for the usual case
    try:
        return str(path.resolve().relative_to(Path(here)))
    except ValueError:
        return str(path)


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
        """The project whose data folder is data, with its schemas and reference data read."""
        schema_dir = data.parent / "schema"
        try:
            loaded = schemas.load_schemas(schema_dir)
        except (OSError, ValueError) as err:
            raise CannotRun(f"The schemas in {schema_dir} cannot be used: {err}") from err
        reference, problems = load_reference(data / "reference", loaded["reference"], shown(data / "reference"))
        return cls(data, loaded, reference, problems)

    def services(self) -> list[Path]:
        """Every service folder, by name."""
        return sorted(p for p in self.data.iterdir() if p.is_dir() and p.name != "reference"
                      and not p.name.startswith("."))

    def service(self, name: str) -> Path:
        """The folder of a service named by its id or by its folder's path."""
        for candidate in (self.data / name, Path(name)):
            if candidate.is_dir() and candidate.resolve().parent == self.data.resolve():
                return candidate
        raise CannotRun(f"There is no service called '{name}' in {shown(self.data)}.")
