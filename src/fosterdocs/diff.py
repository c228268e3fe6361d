"""What changed between two editions, section by section in plain English (for the covering note to Ofsted).

Two forms: two versions of one document (a file, or beside a file a git revision such as HEAD~1: the file as it was
then), or two editions of a whole service (`--service`), grouped by document, where each document is compared as it
reads, with every `use:` filled in from service.yaml, the reference data or the statement: a new registered manager
is a change to every document that names them. The data is compared, not the text: comments, quoting and line order
do not count as changes.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .context import section_title
from .dates import long_date, parse_date
from .document_types import DOCUMENTS, REVIEWED_KINDS, title_of
from .documents import Document, Shelf
from .edition_sources import REFERENCE_FILE, EditionSource, EditionSources, commit_of, git_root
from .loading import load
from .project import CannotRun, Project, shown
from .reference import Reference

LONG_TEXT = 160  # characters of a value quoted in full; longer ones are shortened
NAMING_KEYS = ("name", "title", "label", "heading", "version")
ABOUT = "About this document"


@dataclass
class SectionChanges:
    """One section's changes, as sentences."""

    title: str
    changes: list[str] = field(default_factory=list)


def _git_version(revision: str, file: Path) -> tuple[str, bytes | None]:
    """The file's content at a git revision (None: the revision is there, the file was not yet)."""
    command = ["git", "-C", str(file.parent), "show", f"{revision}:./{file.name}"]
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except OSError as err:
        raise CannotRun(f"'{revision}' is not a file, and git cannot be run to read it as a revision: {err}.") from err
    root = git_root(file.parent) if done.returncode != 0 else None
    if root and commit_of(root, revision):
        return f"{shown(file)} at {revision} (where it did not exist yet)", None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = f": {said[0].removeprefix('fatal: ').rstrip('.')}" if said else ""
        raise CannotRun(f"'{revision}' is not a file, and git cannot show {shown(file)} as it was at that revision"
                        f"{reason}.")
    return f"{shown(file)} at {revision}", done.stdout


def _load(label: str, content: bytes | Path | None) -> Any:
    """The data of one version ({} when there was none), or CannotRun saying why it cannot be read."""
    if content is None:
        return {}
    if isinstance(content, Path):
        loaded, problems = load(content, label)
    else:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "version.yaml"
            path.write_bytes(content)
            loaded, problems = load(path, label)
    if loaded is None:
        problem = problems[0]
        raise CannotRun(f"{label} cannot be read (line {problem.line}): {problem.message}")
    return loaded.data


def read_versions(old: str, new: str) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """The two versions named on the command line, as (label, data): two files, or a file and a git revision."""
    old_path, new_path = Path(old), Path(new)
    for given in (old_path, new_path):
        if given.exists() and not given.is_file():
            raise CannotRun(f"{given} is a folder: name a document file, such as {given}/statement-of-purpose.yaml.")
    if not old_path.is_file() and not new_path.is_file():
        raise CannotRun(f"Neither '{old}' nor '{new}' is a file. Name two versions of a document, or a document and "
                        "a git revision: fosterdocs diff HEAD~1 data/SERVICE/statement-of-purpose.yaml")
    versions = []
    for given, other in ((old_path, new_path), (new_path, old_path)):
        label, content = (shown(given), given) if given.is_file() else _git_version(str(given), other)
        versions.append((label, _load(label, content)))
    return versions[0], versions[1]


def _words(key: str) -> str:
    return key.replace("_", " ").capitalize().replace("ofsted", "Ofsted").replace(" urn", " URN")


def _name(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in NAMING_KEYS:
            if isinstance(item.get(key), (str, int, float)) and str(item[key]).strip():
                return str(item[key])
    return None


def _shorten(text: str, limit: int = LONG_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _describe(value: Any, key: str = "") -> str:
    """A value in words: dates in full, text in quotes, lists and records briefly."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        day = parse_date(value) if key.endswith(("_on", "_due", "_at")) else None
        return long_date(day[0]) if day and day[0] == day[1] else f"“{_shorten(value)}”"
    if value is None:
        return "nothing"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        names = [_name(item) or (item if isinstance(item, str) else None) for item in value]
        if value and all(names) and len(names) <= 5:
            return ", ".join(f"“{_shorten(name, 60)}”" for name in names)
        return f"{len(value)} item{'s' * (len(value) != 1)}"
    name = _name(value)
    if name:
        return f"“{_shorten(name)}”"
    return "; ".join(f"{_words(k)}: {_describe(v, k)}" for k, v in value.items()) or "nothing"


def _text_edits(old: str, new: str) -> str | None:
    """A word-level account of a small edit ('“a” became “b”'), or None when the text was rewritten."""
    before, after = old.split(), new.split()
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if matcher.ratio() < 0.5 or len(edits) > 3:
        return None
    said = []
    for tag, i1, i2, j1, j2 in edits:
        gone, added = _shorten(" ".join(before[i1:i2])), _shorten(" ".join(after[j1:j2]))
        said.append({"replace": f"“{gone}” became “{added}”", "delete": f"removed “{gone}”",
                     "insert": f"added “{added}”"}[tag])
    return "; ".join(said)


def _sentence(text: str) -> str:
    """Text ending in a full stop, unless a quotation already ends with one."""
    return text if text.rstrip("”").endswith((".", "!", "?", "…")) else f"{text}."


def _where(place: list[str]) -> str:
    return " › ".join(place) if place else "The section"


def _item_place(parent: str, item: Any, index: int) -> str:
    if parent == "content":
        return f"Paragraph {index + 1}"
    name = _name(item)
    return f"“{_shorten(name, 60)}”" if name else f"Item {index + 1}"


def _compare(old: Any, new: Any, place: list[str], key: str, out: list[str]) -> None:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for name in [*new, *(k for k in old if k not in new)]:
            here = place if name == "content" else [*place, _words(name)]
            if name not in old:
                out.append(_sentence(f"{_where(here)}: added {_describe(new[name], name)}"))
            elif name not in new:
                out.append(f"{_where(here)}: removed (it was {_describe(old[name], name)}).")
            else:
                _compare(old[name], new[name], here, name, out)
    elif isinstance(old, list) and isinstance(new, list):
        _compare_lists(old, new, place, key, out)
    elif isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > LONG_TEXT // 2:
        edits = _text_edits(old, new)
        out.append(_sentence(f"{_where(place)}: {edits}" if edits else f"{_where(place)}: rewritten. It now reads "
                             f"{_describe(new)}"))
    else:
        out.append(_sentence(f"{_where(place)}: changed from {_describe(old, key)} to {_describe(new, key)}"))


def _compare_lists(old: list, new: list, place: list[str], key: str, out: list[str]) -> None:
    keys = [[json.dumps(item, sort_keys=True, default=str) for item in items] for items in (old, new)]
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=keys[0], b=keys[1], autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:  # the same number of items, each edited in place
            pairs = list(zip(range(i1, i2), range(j1, j2)))
        else:  # items edited in place are the ones that kept their name
            names = {_name(new[j]): j for j in range(j1, j2) if _name(new[j])}
            pairs = [(i, names[_name(old[i])]) for i in range(i1, i2) if _name(old[i]) in names]
        for i, j in pairs:
            _compare(old[i], new[j], [*place, _item_place(key, new[j], j)], key, out)
        paired_old, paired_new = {i for i, _ in pairs}, {j for _, j in pairs}
        for index in (i for i in range(i1, i2) if i not in paired_old):
            if _name(old[index]):
                out.append(_sentence(f"{_where(place)}: removed {_describe(old[index])}"))
            else:
                out.append(f"{_where([*place, _item_place(key, old[index], index)])}: removed (it was "
                           f"{_describe(old[index])}).")
        for index in (j for j in range(j1, j2) if j not in paired_new):
            here = place if _name(new[index]) else [*place, _item_place(key, new[index], index)]
            out.append(_sentence(f"{_where(here)}: added {_describe(new[index])}"))


def _title(key: str, value: Any) -> str:
    if key == "document":
        return ABOUT
    return section_title(key, value) if isinstance(value, dict) else _words(key)


def compare(old: dict, new: dict) -> tuple[list[SectionChanges], list[str]]:
    """Each section's changes, in the new version's order (removed sections last), and the unchanged sections."""
    changed, unchanged = [], []
    for key in [*new, *(k for k in old if k not in new)]:
        title = _title(key, new.get(key, old.get(key)))
        if key not in old:
            changed.append(SectionChanges(title, ["New section."]))
        elif key not in new:
            changed.append(SectionChanges(title, ["Section removed."]))
        elif old[key] == new[key]:
            unchanged.append(title)
        else:
            section = SectionChanges(title)
            _compare(old[key], new[key], [], key, section.changes)
            changed.append(section)
    return changed, unchanged


def render(old_label: str, new_label: str, changed: list[SectionChanges], unchanged: list[str]) -> str:
    """The changes as plain text, ready to paste into a covering note."""
    if not changed:
        return f"No changes: {old_label} and {new_label} hold the same content.\n"
    lines = [f"Changes from {old_label} to {new_label}:", ""]
    for section in changed:
        lines.append(section.title)
        lines += [f"  - {change}" for change in section.changes]
        lines.append("")
    if unchanged:
        lines.append(f"Unchanged: {', '.join(unchanged)}.")
    return "\n".join(lines) + "\n"


COVER_TITLE = "Service details on the cover"  # the service's name, URN and provider, which every PDF's cover shows
SHARED = "service"  # the group for service.yaml itself


@dataclass
class DocumentChanges:
    """One document's changes between two editions of a service (name: its file name without .yaml)."""

    name: str
    title: str
    old_label: str
    new_label: str
    sections: list[SectionChanges] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.sections)


def _without_marks(node: Any) -> Any:
    """Resolved data without the marks saying where each shared record came from (they are not content)."""
    if isinstance(node, dict):
        return {k: _without_marks(v) for k, v in node.items() if k != "_from"}
    if isinstance(node, list):
        return [_without_marks(v) for v in node]
    return node


@dataclass
class EditionFiles:
    """An edition's files, each read once: its shelf, its shared facts and the reference data its `use:` name."""

    edition: EditionSource
    shelf: Shelf | None
    service: dict
    reference: Reference

    @classmethod
    def read(cls, edition: EditionSource, shelf: Shelf | None = None) -> EditionFiles:
        """The edition's files, from shelf when they have been read already (validate's, for the working tree)."""
        if shelf is None and edition.folder:
            shelf = Shelf(edition.folder, lambda path: f"{edition.label}: {path.name}")
        path = edition.reference / REFERENCE_FILE
        loaded, _ = load(path, shown(path)) if path.is_file() else (None, [])
        regulators = loaded.data if loaded and isinstance(loaded.data, dict) else {}
        reference = Reference(regulators={k: v for k, v in regulators.items() if isinstance(v, dict)})
        service = _readable(shelf, "service") if shelf else {}
        return cls(edition, shelf, service if isinstance(service, dict) else {}, reference)


def _readable(shelf: Shelf, name: str) -> Any:
    """The data of the shelf's file called name (None when there is none), or CannotRun saying why it cannot be
    read."""
    path = shelf.folder / f"{name}.yaml"
    if not path.is_file():
        return None
    loaded, problems = shelf.load(path)
    if loaded is None:
        raise CannotRun(f"{shelf.shown(path)} cannot be read (line {problems[0].line}): {problems[0].message}")
    return loaded.data


def document_view(files: EditionFiles, name: str, service_id: str, today: date) -> dict | None:
    """A document as it reads in an edition: every `use:` filled in, and the service's details its cover shows;
    None when the edition has no such document."""
    data = _readable(files.shelf, name) if files.shelf else None
    if data is None:
        return None
    service = files.service
    loaded = files.shelf.read(files.shelf.folder / f"{name}.yaml")
    document = Document(DOCUMENTS[name], service_id, loaded, service, files.reference, today, files.shelf)
    view = _without_marks(document.expand(data))
    if not isinstance(view, dict):
        raise CannotRun(f"{files.edition.label}: {name}.yaml is not a document (it holds no sections).")
    provider = service.get("registered_provider")
    cover = {"title": COVER_TITLE, "service": service.get("name"), "ofsted_urn": service.get("ofsted_urn"),
             "registered_provider": provider.get("name") if isinstance(provider, dict) else provider}
    return {**view, "service_details": {k: v for k, v in cover.items() if v is not None}}


def compare_documents(name: str, title: str, old: dict | None, new: dict | None, old_edition: EditionSource,
                      new_edition: EditionSource) -> DocumentChanges:
    """One document's changes between two editions (a document only one of them has is new, or removed)."""
    found = DocumentChanges(name, title, old_edition.label, new_edition.label, note=old_edition.note)
    if old is None and new is None:
        return found
    if old is None:
        found.sections = [SectionChanges(_title(key, value), ["New section."]) for key, value in new.items()
                          if key != "document"]
        found.sections.insert(0, SectionChanges(ABOUT, ["New document: there was no earlier edition."]))
    elif new is None:
        found.sections = [SectionChanges(ABOUT, ["Document removed."])]
    else:
        found.sections, found.unchanged = compare(old, new)
    return found


def compare_service(editions: EditionSources, old: str | None, new: str | None, today: date,
                    current: Shelf | None = None) -> list[DocumentChanges]:
    """Every document's changes between two editions of a service, then service.yaml's own.

    old None: each document Ofsted is sent is compared with its edition last sent (from the git history); the
    handbook and service.yaml with the newest of those. new None: the files as they are now (current: as validate
    read them)."""
    new_edition = editions.given(new) if new else editions.working_tree()
    if old:
        olds = dict.fromkeys([*DOCUMENTS, SHARED], editions.given(old))
    else:
        olds = {name: editions.last_lodged(name) for name, kind in DOCUMENTS.items() if kind in REVIEWED_KINDS}
        newest = editions.latest(list(olds.values()))
        olds.update({name: newest for name in [*DOCUMENTS, SHARED] if name not in olds})
    read = {new_edition: EditionFiles.read(new_edition, None if new else current)}
    for edition in olds.values():
        read.setdefault(edition, EditionFiles.read(edition))
    new_files = read[new_edition]
    results = []
    for name in DOCUMENTS:
        old_files = read[olds[name]]
        old_view = document_view(old_files, name, editions.service_id, today)
        new_view = document_view(new_files, name, editions.service_id, today)
        if old_view is not None or new_view is not None:
            results.append(compare_documents(name, title_of(name), old_view, new_view, olds[name],
                                             new_edition))
    results.append(compare_documents(SHARED, "Shared facts", read[olds[SHARED]].service or None,
                                     new_files.service or None, olds[SHARED], new_edition))
    return results


def diff_service(data: Path, service_id: str, old: str | None, new: str | None,
                 today: date) -> list[DocumentChanges]:
    """What `fosterdocs diff --service` compares: the service's editions named by old and new (see compare_service)."""
    project = Project.find(data)
    with EditionSources(project, service_id) as editions:
        return compare_service(editions, old, new, today)


def render_service(results: list[DocumentChanges]) -> str:
    """The service's changes as plain text, by document, ready for a covering letter."""
    lines = []
    for result in results:
        lines += [f"{result.title} ({result.name}.yaml)", f"  From {result.old_label} to {result.new_label}."]
        if result.note:
            lines.append(f"  {result.note}")
        if not result.changed:
            lines += ["  No changes.", ""]
            continue
        for section in result.sections:
            lines.append(f"  {section.title}")
            lines += [f"    - {change}" for change in section.changes]
        if result.unchanged:
            lines.append(f"  Unchanged: {', '.join(result.unchanged)}.")
        lines.append("")
    return "\n".join(lines)
