"""A loaded document together with everything a rule needs to judge it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from .confinement import inside
from .dates import committed_month, first_month_after, long_date, parse_date, review_due
from .document_types import REFERABLE
from .findings import Finding
from .loading import Loaded, load
from .reference import Reference, Texts
from .regimes import Regime, regime_of
from .rule_catalogue import rule

DEFAULT_REVIEW_MONTHS = 12
DEFAULT_WARNING_DAYS = 60
MAX_REVIEW_MONTHS = 36  # bounds on service.yaml's settings (the schema's are stricter): no date arithmetic overflows
MAX_WARNING_DAYS = 366


class Shelf:
    """A service's files, each loaded at most once, so that one document can show a section of another; validate
    hands its shelves on (validate(keep=True)), so the site, PDFs, status and calendar show what it read."""

    def __init__(self, folder: Path, shown: Callable[[Path], str] = str):
        self.folder, self.shown = folder, shown
        self.data_folder = folder.parent.resolve()  # a file whose links lead out of it is never read
        self._loaded: dict[Path, tuple[Loaded | None, list[Finding]]] = {}
        self._data: dict[str, Any] = {}

    def load(self, path: Path) -> tuple[Loaded | None, list[Finding]]:
        if path not in self._loaded:
            self._loaded[path] = load(path, self.shown(path)) if inside(path, self.data_folder) else (None, [
                rule("file/outside-data").finding(self.shown(path), 1, 1, "This file is a link to a file outside the "
                                                  "data folder, so fosterdocs does not read it.", "Put the file "
                                                  "itself in the service's folder instead of a link to it.")])
        return self._loaded[path]

    def read(self, path: Path) -> Loaded | None:
        """What path held, when it has been loaded (None when it was not, or could not be read): never reads."""
        return self._loaded.get(path, (None, []))[0]

    def data(self, name: str) -> Any:
        """The data of the service's document called name, or None when it is missing or unreadable."""
        if name not in self._data:
            path = self.folder / f"{name}.yaml"
            loaded = self.load(path)[0] if path.is_file() else None
            self._data[name] = loaded.data if loaded else None
        return self._data[name]


@dataclass(frozen=True)
class Review:
    """When a document's review falls due (None: nothing it writes says), where in the document that comes from, the
    date as a message gives it, and (when no next_review_due is written) how it was worked out, in a few words."""

    due: date | None
    path: tuple = ("document",)
    shown: str = ""
    worked_out: str = ""


@dataclass
class Document:
    """One document of one service, with the service's shared facts, the reference data and the date to judge by."""

    kind: str
    service_id: str
    loaded: Loaded
    service: dict
    reference: Reference
    today: date
    shelf: Shelf | None = None

    @property
    def data(self) -> Any:
        return self.loaded.data

    def get(self, *path: Any, default: Any = None) -> Any:
        """The value at a path, or default when any step is missing."""
        node = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    @cached_property
    def parts(self) -> Parts:
        return parts(self.data)

    @cached_property
    def texts(self) -> Texts:
        """Every text value, ready for the pattern sets to search (indexes as in parts.strings)."""
        return Texts([text for _, text in self.parts.strings])

    def _setting(self, name: str, default: int, most: int) -> int:
        """A number from service.yaml, or the default when it is not a whole number from 1 to most (the schema
        reports it)."""
        value = self.service.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= most else default

    @property
    def regime(self) -> Regime:
        """A council's service or an independent agency, from service.yaml's `type`."""
        return regime_of(self.service)

    @property
    def review_months(self) -> int:
        return self._setting("review_interval_months", DEFAULT_REVIEW_MONTHS, MAX_REVIEW_MONTHS)

    @property
    def warning_days(self) -> int:
        return self._setting("review_warning_days", DEFAULT_WARNING_DAYS, MAX_WARNING_DAYS)

    @property
    def writes_review_dates(self) -> bool:
        """Whether the document writes a review or approval date (one that is not a date has a finding of its own)."""
        meta = self.get("document")
        return isinstance(meta, dict) and bool(meta.get("next_review_due") or meta.get("approved_on"))

    @cached_property
    def review(self) -> Review:
        """When the review falls due, the one place that works it out (for the rules, status and the calendar): its
        next_review_due; approved_on plus the service's review interval; or, when it writes neither, the review its
        text commits to (see _committed_review)."""
        due, default = review_due(self.get("document"), self.review_months)
        if default:
            return Review(due, ("document", "approved_on"), f"{long_date(due)} ({self.review_months} months after "
                          "approval: no next_review_due is written)", f"{self.review_months} months after approval")
        if due:
            return Review(due, ("document", "next_review_due"), long_date(due))
        return Review(None) if self.writes_review_dates else self._committed_review()

    def _committed_review(self) -> Review:
        """With no dates written, the review a statement commits to ('approved in September each year'): the first
        such month on or after the latest date its figures describe is the earliest this edition can have been
        approved, so its review falls due a year later."""
        month = committed_month(self.get("document", "review_commitment"))
        described = [parsed[1] for _, written in self.figure_dates for parsed in [parse_date(written)] if parsed]
        if not month or not described:
            return Review(None)
        latest = max(described)
        approved = first_month_after(latest, month)
        due = first_month_after(approved.replace(day=1) + timedelta(days=366), month)
        return Review(due, ("document", "review_commitment"), (
            f"{due:%B %Y} (the statement says it is approved in {due:%B} each year, and its figures are as at "
            f"{long_date(latest)}, so this edition was approved in {approved:%B %Y} at the earliest)"),
            f"a year after approval in {approved:%B %Y} at the earliest, as the statement is approved each {due:%B}")

    @property
    def figure_dates(self) -> list[tuple[tuple, Any]]:
        """Each date the document's figures are given as at, with its path."""
        found = [(path, self.get(*path)) for path in (("numbers", "as_at"), ("staffing", "as_at")) if self.get(*path)]
        for index, figure in enumerate(self.get("numbers", "other_figures", default=[]) or []):
            if isinstance(figure, dict) and figure.get("as_at"):
                found.append((("numbers", "other_figures", index, "as_at"), figure["as_at"]))
        return found

    def lookup(self, use: str) -> Any:
        """The shared record a `use:` names (see lookup)."""
        return lookup(use, self.service, self.reference.regulators, self.shelf)

    def expand(self, node: Any, following: frozenset = frozenset()) -> Any:
        """A copy of node with every `use:` replaced by the record it names, marked with where it came from (a list
        becomes {"items": [...]}); a `use:` naming nothing, or leading back to one being followed (a loop: validate
        reports it), stands for None."""
        if isinstance(node, dict):
            if set(node) == {"use"}:
                use = str(node["use"])
                if use in following:
                    return None
                target = self.expand(self.lookup(use), following | {use})
                if isinstance(target, dict):
                    return {**target, "_from": use}
                return {"items": target, "_from": use} if isinstance(target, list) else None
            return {key: self.expand(value, following) for key, value in node.items()}
        if isinstance(node, list):
            return [self.expand(value, following) for value in node]
        return node


def lookup(use: str, service: Any, regulators: dict, shelf: Shelf | None) -> Any:
    """The shared record a `use:` names, as written (None when it does not exist): `service/NAME` from service.yaml,
    `statement-of-purpose/NAME` a section of the service's statement (from the shelf), anything else the reference
    data's regulators (`reference/ofsted`)."""
    where, _, name = str(use).partition("/")
    if where == "service":
        source = service
    elif where in REFERABLE:
        source = shelf.data(where) if shelf else None
    else:
        source = regulators
    return source.get(name) if isinstance(source, dict) else None


@dataclass
class Parts:
    """What rules look for across a whole document, each with its path, in file order."""

    strings: list[tuple[tuple, str]] = field(default_factory=list)  # every text value
    blocks: list[tuple[tuple, Any]] = field(default_factory=list)  # every block of every `content` list
    tables: list[tuple[tuple, dict]] = field(default_factory=list)  # every mapping with `header` and `rows` lists


def parts(data: Any) -> Parts:
    """Gather a document's parts in one walk. Lists inside a content block are part of the block, not blocks of
    their own."""
    found = Parts()
    if isinstance(data, (dict, list)):
        _visit(found, data, (), False)
    return found


def _visit(found: Parts, node: dict | list, path: tuple, inside: bool) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("header"), list) and isinstance(node.get("rows"), list):
            found.tables.append((path, node))
        children = node.items()
    else:
        children = enumerate(node)
    strings = found.strings
    for key, value in children:
        if isinstance(value, str):
            strings.append((path + (key,), value))
        elif isinstance(value, (dict, list)):
            here = path + (key,)
            if key == "content" and not inside and isinstance(value, list):
                for index, block in enumerate(value):
                    at = here + (index,)
                    found.blocks.append((at, block))
                    if isinstance(block, str):
                        strings.append((at, block))
                    elif isinstance(block, (dict, list)):
                        _visit(found, block, at, True)
            else:
                _visit(found, value, here, inside)


def content_blocks(data: Any) -> list[tuple[tuple, Any]]:
    """Every block of every `content` list in a document, with its path."""
    return parts(data).blocks
