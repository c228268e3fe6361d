"""The manager a statement names, put into the service's service.yaml (its shared facts) without losing what is
already there: written through ruamel.yaml round-trip (comments and order kept), atomically, and never over a
manager the file already has."""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..atomic import ChangedMeanwhile, replace_file
from .fields import Manager

SCHEMA_LINE = "yaml-language-server: $schema=../../schema/service.schema.json"
NEW_FILE_NOTE = ("Started by `fosterdocs import` with the manager the statement names: add the service's other "
                 "shared facts\n(name, legal_name, type, registered_provider, contacts, complaints): see "
                 "data/example/service.yaml.")


def manager_record(manager: Manager | None) -> dict | None:
    """The manager as service.yaml records them, when the statement names a person (not only a post)."""
    if manager is None or not manager.name:
        return None
    record: dict = {"name": manager.name, **({"role": manager.role} if manager.role else {})}
    printed = manager.contact.fields() if manager.contact is not None else {}
    record.update({key: printed[key] for key in ("address", "phone", "email") if key in printed})
    record.update({key: manager.details[key] for key in ("qualifications", "experience") if key in manager.details})
    return record


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def add_manager(path: Path, record: dict) -> str:
    """Put record under `registered_manager` in service.yaml: 'created' (a new file), 'added', or 'kept' (the file
    already names a manager, or it is not a mapping fosterdocs can add to)."""
    yaml = _yaml()
    raw = path.read_bytes() if path.exists() else b""
    before = raw.decode("utf-8") if path.exists() else None
    if before is None:
        document = CommentedMap()
        document.yaml_set_start_comment(f"{SCHEMA_LINE}\n{NEW_FILE_NOTE}")
    else:
        document = yaml.load(before)
        if not isinstance(document, CommentedMap) or "registered_manager" in document:
            return "kept"
    document["registered_manager"] = record
    written = io.BytesIO()
    yaml.dump(document, written)
    try:
        replace_file(path, written.getvalue(), expected=raw)
    except ChangedMeanwhile:  # changed underneath while we worked: leave the person's version alone
        return "kept"
    return "created" if before is None else "added"
