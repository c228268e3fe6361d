"""A loaded document together with everything a rule needs to judge it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .loading import Loaded
from .reference import Reference

DEFAULT_REVIEW_MONTHS = 12
DEFAULT_WARNING_DAYS = 60


@dataclass
class Document:
    """One document of one service, with the service's shared facts, the reference data and the date to judge by."""

    kind: str
    service_id: str
    loaded: Loaded
    service: dict
    reference: Reference
    today: date
    _strings: list[tuple[tuple, str]] | None = field(default=None, init=False, repr=False)

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

    def strings(self) -> list[tuple[tuple, str]]:
        """Every text value in the document, with its path, in file order (worked out once)."""
        if self._strings is None:
            self._strings = []
            stack: list[tuple[tuple, Any]] = [((), self.data)]
            while stack:
                path, node = stack.pop()
                if isinstance(node, str):
                    self._strings.append((path, node))
                elif isinstance(node, dict):
                    stack.extend((path + (k,), v) for k, v in reversed(node.items()))
                elif isinstance(node, list):
                    stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(node))))
        return self._strings

    def _setting(self, name: str, default: int) -> int:
        value = self.service.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default

    @property
    def review_months(self) -> int:
        return self._setting("review_interval_months", DEFAULT_REVIEW_MONTHS)

    @property
    def warning_days(self) -> int:
        return self._setting("review_warning_days", DEFAULT_WARNING_DAYS)

    def resolve(self, value: Any) -> Any:
        """A contact written out, or the shared record a `use:` names (None when it does not exist)."""
        if isinstance(value, dict) and set(value) == {"use"}:
            where, _, name = str(value["use"]).partition("/")
            source = self.service if where == "service" else self.reference.regulators
            return source.get(name)
        return value
