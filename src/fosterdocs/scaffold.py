"""Start a new service from the fictional example, keeping its comments and order."""

from __future__ import annotations

import io
import tempfile
from datetime import date, datetime
from pathlib import Path

from ruamel.yaml import YAML, YAMLError

from .project import CannotRun, check_new_service_id

BACKUPS = ".backups"  # in data/, hidden: no command takes a folder in it for a service
HEADER = ("# {service_id}: started from the fictional example service on {day}. Replace every example detail\n"
          "# (example.org addresses, 01632 960xxx numbers, its names and places): validate reports each one left.\n")


def _retitle(text: str, service_id: str, schemas_at: str | None) -> str:
    """Keep the schema line (pointing at schemas_at when given), replace the example's own header comment with one
    for the new service."""
    lines = text.splitlines(keepends=True)
    body = lines[1:]
    while body and body[0].startswith("#"):
        body.pop(0)
    first = lines[0].replace("../../schema/", schemas_at) if schemas_at else lines[0]
    return first + HEADER.format(service_id=service_id, day=date.today().isoformat()) + "".join(body)


def new_service(data: Path, example: Path, service_id: str, force: bool = False, facts: dict | None = None,
                schemas_at: str | None = None) -> tuple[Path, Path | None]:
    """Copy the example service to data/SERVICE-ID as a non-fictional service, with facts (such as its name) set in
    its service.yaml and, for a project without its own schema/ folder, the schema lines pointing at schemas_at; with
    force, what was there is kept in data/.backups/SERVICE-ID-<time>-<random>/ first."""
    check_new_service_id(service_id)
    target = data / service_id
    if not example.is_dir():
        raise CannotRun(f"{example} is missing: new services are copied from it.")
    backup = None
    if target.exists():
        if not force:
            raise CannotRun(f"{target} already exists. Nothing was changed; use --force to replace it "
                            "(the old folder is kept as a backup).")
        backups = data / BACKUPS
        backups.mkdir(exist_ok=True)
        backup = Path(tempfile.mkdtemp(prefix=f"{service_id}-{datetime.now():%Y%m%d-%H%M%S}-", dir=backups))
        backup = target.rename(backup / service_id)
    target.mkdir()
    yaml = YAML()  # round-trip: comments, order and quoting are kept
    yaml.width = 4096
    for source in sorted(example.glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        if source.name == "service.yaml":
            try:
                document = yaml.load(text)
            except YAMLError as err:
                raise CannotRun(f"{source} cannot be read ({err.__class__.__name__}): new services are copied from "
                                "it, so put it right first (fosterdocs validate says where).") from None
            if isinstance(document, dict):
                document.pop("fictional", None)
                document.update(facts or {})
            buffer = io.StringIO()
            yaml.dump(document, buffer)
            text = buffer.getvalue()
        (target / source.name).write_text(_retitle(text, service_id, schemas_at), encoding="utf-8")
    return target, backup
