"""A loaded document together with everything a rule needs to judge it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from .findings import Finding
from .loading import Loaded, load
from .reference import Reference

DEFAULT_REVIEW_MONTHS = 12
DEFAULT_WARNING_DAYS = 60
REFERABLE = ("statement-of-purpose",)  # documents whose sections others may show with `use: statement-of-purpose/...`


class Shelf:
    """A service's files, each loaded at most once, so that one document can show a section of another."""

    def __init__(self, folder: Path, shown: Callable[[Path], str] = str):
        self.folder, self.shown = folder, shown
        self._loaded: dict[Path, tuple[Loaded | None, list[Finding]]] = {}

    def load(self, path: Path) -> tuple[Loaded | None, list[Finding]]:
        if path not in self._loaded:
            self._loaded[path] = load(path, self.shown(path))
        return self._loaded[path]

    def data(self, name: str) -> Any:
        """The data of the service's document called name, or None when it is missing or unreadable."""
        path = self.folder / f"{name}.yaml"
        loaded = self.load(path)[0] if path.is_file() else None
        return loaded.data if loaded else None


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
        """A contact written out, or the shared record a `use:` names (None when it does not exist): from
        service.yaml, the reference data, or a section of the service's statement of purpose."""
        if isinstance(value, dict) and set(value) == {"use"}:
            where, _, name = str(value["use"]).partition("/")
            if where == "service":
                source = self.service
            elif where in REFERABLE:
                source = self.shelf.data(where) if self.shelf else None
            else:
                source = self.reference.regulators
            return source.get(name) if isinstance(source, dict) else None
        return value


def content_blocks(node, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every block of every `content` list in a document, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "content" and isinstance(value, list):
                yield from ((path + (key, index), block) for index, block in enumerate(value))
            else:
                yield from content_blocks(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from content_blocks(value, path + (index,))
