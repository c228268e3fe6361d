"""The catalogue of document types (schema/document-types.yaml): which files a service holds, and what each is.

Read once from fosterdocs itself: a document type needs fosterdocs' templates, so a project cannot add one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .resources import SCHEMAS, bundled

CATALOGUE = f"{SCHEMAS}/document-types.yaml"
LAYOUTS = ("standard", "easy-read", "shared")


@dataclass(frozen=True)
class DocumentType:
    """One kind of file a service holds. Its kind names its schema's findings, rules and `use:` references."""

    kind: str
    title: str
    schema: str  # schema/<schema>.schema.json
    files: dict[str, str]  # file name (without .yaml) -> printed title: one file, or one per age band
    layout: str  # standard, easy-read, or shared (service.yaml's facts: not a document of its own)
    required: bool = False  # every service must have it (with several files, any one of them)
    required_by: str = ""
    requirement: str = ""
    referable: bool = False  # others may show its sections with `use: <kind>/<section>`
    reviewed: bool = False  # regulation 4: kept under review, and each revision notified to Ofsted
    bands: tuple[str, ...] = field(default=())

    @property
    def is_document(self) -> bool:
        """A document of its own (a page and a PDF), not the facts they share."""
        return self.layout != "shared"

    @property
    def easy_read(self) -> bool:
        return self.layout == "easy-read"

    def band(self, name: str) -> str | None:
        """The age band a file of this type is for (None for a type without bands, or a file not of this type)."""
        return dict(zip(self.files, self.bands)).get(name)


def _entry(kind: str, entry: dict) -> DocumentType:
    bands = entry.get("bands") or {}
    if bands:
        files = {entry["file"].format(band=band): title for band, title in bands.items()}
    else:
        files = {entry["file"]: entry["title"]}
    if entry["layout"] not in LAYOUTS:
        raise ValueError(f"{CATALOGUE}: {kind} has layout {entry['layout']!r}, not one of {', '.join(LAYOUTS)}")
    return DocumentType(kind, entry["title"], entry["schema"], files, entry["layout"], bool(entry.get("required")),
                        entry.get("required_by", ""), entry.get("requirement", ""), bool(entry.get("referable")),
                        bool(entry.get("reviewed")), tuple(bands))


def load_catalogue(path: Path) -> dict[str, DocumentType]:
    """The document types, in the catalogue's order."""
    written = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # (fosterdocs' own file)
    return {kind: _entry(kind, entry) for kind, entry in written.items()}


TYPES = load_catalogue(bundled(CATALOGUE))
FILES = {name: kind for kind in TYPES.values() for name in kind.files}  # file name (without .yaml) -> its type
DOCUMENTS = {name: kind.kind for name, kind in FILES.items() if kind.is_document}  # file name -> kind of document
ALL_KINDS = tuple(TYPES)
DOCUMENT_KINDS = tuple(kind for kind, t in TYPES.items() if t.is_document)  # all but service.yaml's shared facts
REVIEWED_KINDS = tuple(kind for kind, t in TYPES.items() if t.reviewed)  # what regulation 4 has Ofsted told about
STATUTORY_KINDS = tuple(kind for kind, t in TYPES.items() if t.requirement.startswith("REG3"))  # regulation 3's
REFERABLE = tuple(kind for kind, t in TYPES.items() if t.referable)
GUIDE_BANDS = TYPES["childrens-guide"].bands  # the children's guide: one version, in its own file, per age band


def kind_of(path: Path) -> str | None:
    """The kind of document a file holds, from its name (None for a file fosterdocs does not know)."""
    found = FILES.get(path.stem)
    return found.kind if found else None


def title_of(name: str) -> str:
    """The printed title of a file (by its name without .yaml)."""
    return FILES[name].files[name] if name in FILES else name
