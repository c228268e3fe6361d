"""Expected-practice items marked as not met yet, at their field in a document's form: the reason is kept in the
service's service.yaml (`downgrades:`), which makes the item's finding a warning and is published with it."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import saving
from .forms import Field

PREFIX = "downgrade."  # form names: downgrade.SOP-MANAGEMENT


def first_fields(form: Field) -> dict[str, str]:
    """Each expected-practice requirement in the form -> the id of the first field it is on (where it is offered)."""
    found: dict[str, str] = {}
    for field in form.walk():
        if field.basis == "expected-practice" and field.requirement and field.path:
            found.setdefault(field.requirement, field.id)
    return found


def reasons(service: dict) -> dict[str, str]:
    """The service's downgrades: requirement -> reason."""
    entries = service.get("downgrades") if isinstance(service, dict) else None
    return {str(e.get("requirement")): str(e.get("reason", "")) for e in entries or []
            if isinstance(e, dict) and e.get("requirement")}


def answered(form: dict[str, str]) -> dict[str, str]:
    """The reasons posted with a document's form: requirement -> reason ('' to take a downgrade back)."""
    return {name[len(PREFIX):]: saving.plain(value).strip() for name, value in form.items() if name.startswith(PREFIX)}


def save(service_file: Path, wanted: dict[str, str], base: str) -> bool:
    """Write the reasons that differ from service.yaml's (an empty one removes its downgrade); False when nothing
    changed. Refused (saving.Changed) when service.yaml changed since the form was loaded."""
    text = service_file.read_text(encoding="utf-8")
    data = saving.parse(text)
    before = saving.dump(data)
    entries = data.get("downgrades")
    current = reasons(data)
    changes = {req: reason for req, reason in wanted.items() if current.get(req, "") != reason}
    if not changes:
        return False
    if not isinstance(entries, list):
        entries = data["downgrades"] = CommentedSeq()
    for requirement, reason in changes.items():
        at = next((i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("requirement") == requirement),
                  None)
        if not reason:
            if at is not None:
                del entries[at]
        elif at is None:
            entries.append(CommentedMap([("requirement", requirement), ("reason", reason)]))
        else:
            entries[at]["reason"] = saving.styled(entries[at].get("reason"), reason)
    saving.save(service_file, saving.merge_lines(text, before, saving.dump(data)), base)
    return True
