"""A new edition of a document, started in the editor: the version bumped, the approval dated, a revision line
added, and what changed since the last edition listed (by `fosterdocs diff`'s comparison)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import diff
from ..dates import months_later
from ..documents import DEFAULT_REVIEW_MONTHS
from ..project import CannotRun
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


def changes_since_last(path: Path, data: Any) -> list[diff.SectionChanges]:
    """What changed from the last committed version of the file (or, outside git, the saved file) to data."""
    try:
        (_, old), _ = diff.read_versions("HEAD", str(path))
    except CannotRun:
        try:
            old = diff.read_versions(str(path), str(path))[0][1]
        except CannotRun:
            return []
    changed, _ = diff.compare(old, _plain(data))
    return changed


def _plain(value: Any) -> Any:
    """ruamel.yaml's data as the loader gives it (dates as text), for comparing."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value
