"""A new edition of a document, started in the editor: the version bumped, the approval dated, a revision line
added, and what changed since the edition last sent to Ofsted listed (by `fosterdocs diff --service`)."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import diff
from ..dates import months_later
from ..documents import DEFAULT_REVIEW_MONTHS
from ..edition_sources import EditionSources
from ..project import CannotRun, Project
from .saving import styled

_VERSION = re.compile(r"^(\d{4})\.(\d+)$")


def next_version(version: Any, today: date) -> str:
    """2025.1 -> 2026.1 in a new year, 2026.1 -> 2026.2 in the same year; any other form, the year's first."""
    text = str(version or "").strip()
    match = _VERSION.match(text)
    if match:
        year, number = int(match[1]), int(match[2])
        return f"{today.year}.1" if year < today.year else f"{year}.{number + 1}"
    return f"{today.year}.1"


def start(data: CommentedMap, today: date, review_months: int = DEFAULT_REVIEW_MONTHS) -> str:
    """Turn the document into its next edition, dated today; returns the new version."""
    meta = data.get("document")
    if not isinstance(meta, dict):
        meta = data["document"] = CommentedMap()
    version = next_version(meta.get("version"), today)
    meta["version"] = styled(meta.get("version"), version)
    meta["approved_on"] = today
    meta["next_review_due"] = months_later(today, review_months)
    revisions = meta.get("revisions")
    if not isinstance(revisions, list):
        revisions = meta["revisions"] = CommentedSeq()
    # no summary yet: its finding asks for one, at its field
    revisions.insert(0, CommentedMap([("version", styled(meta["version"], version)), ("approved_on", today)]))
    return version


def changes_since_last(project: Project, service_id: str, name: str, text: str,
                       today: date) -> tuple[list[diff.DocumentChanges], str]:
    """What changed in each of the service's files since the edition last sent to Ofsted (as `fosterdocs diff
    --service` finds it in the git history), with text, unsaved, in place of name.yaml; and why, if it cannot say."""
    with (EditionSources(project, service_id) as editions,
          tempfile.TemporaryDirectory(prefix="fosterdocs-edit-") as folder):
        edited = Path(folder) / f"{name}.yaml"
        edited.write_text(text, encoding="utf-8")
        try:
            return diff.compare_service(editions, None, str(edited), today), ""
        except CannotRun as err:
            return [], str(err)


