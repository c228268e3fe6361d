"""The gap report printed after an import: each item the schema cites a requirement for (REG3-1a, SOP-STAFF...),
found or missing in the draft; the registered manager; each stale value found; then the validator's findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..findings import Report
from ..schema import Schema
from .draft import Draft

DETAIL_CHARS = 70


@dataclass(frozen=True)
class Gap:
    """One required or expected item of the statement, and what the draft holds for it ('' when missing)."""

    requirement: str
    path: tuple[str, ...]
    description: str
    found: str

    @property
    def label(self) -> str:
        return ".".join(self.path)


def _cited(node: dict, path: tuple[str, ...] = ()):
    for key, prop in node.get("properties", {}).items():
        if "x-requirement" in prop:
            yield path + (key,), prop
        yield from _cited(prop, path + (key,))


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return f'"{text}"' if len(text) <= DETAIL_CHARS else f'"{text[:DETAIL_CHARS - 1]}…"'


def _describe(value, path: tuple[str, ...], draft: Draft) -> str:
    if path[-1] == "registered_manager" and draft.manager is not None:
        who = draft.manager
        named = (f"{who.name}, {who.role}" if who.name and who.role
                 else who.name or f"the {who.role} (named by post only)")
        return named if value != "named" else f"{named}, under \"{who.where}\"; the draft has no management section"
    if isinstance(value, dict) and "title" in value:
        return _short(value["title"])
    if isinstance(value, dict) and "header" in value:
        return f"a table of {len(value.get('rows', []))} rows"
    if isinstance(value, dict):
        printed = [value.get("name", ""), value.get("phone", ""), value.get("email", ""),
                   (value.get("address") or {}).get("postcode", ""), value.get("website", "")]
        return ", ".join(p for p in printed if p) or "given"
    if isinstance(value, list) and path[-1] == "stages":
        timed = sum(1 for stage in value if isinstance(stage, dict) and stage.get("working_days"))
        return f"{len(value)} stages, {timed} with a timescale"
    if isinstance(value, list):
        return _short(", ".join(str(item.get("name", item)) if isinstance(item, dict) else str(item) for item in value))
    return _short(value)


def _printed_with(manager) -> list[str]:
    fields = manager.contact.fields() if manager.contact is not None else {}
    printed = []
    if "address" in fields:
        printed.append("address " + ", ".join([*fields["address"]["lines"], fields["address"]["postcode"]]))
    printed += [f"{key} {fields[key]}" for key in ("phone", "email") if key in fields]
    return printed + list(manager.details)


def gaps(draft: Draft, schema: Schema) -> list[Gap]:
    """Every item the schema cites a requirement for, in schema order."""
    found = []
    for path, prop in _cited(schema.root):
        value = draft.data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if value is None and path[-1] == "registered_manager" and draft.manager is not None:
            value = "named"
        detail = _describe(value, path, draft) if value is not None else ""
        found.append(Gap(prop["x-requirement"], path, prop.get("description", ""), detail))
    return found


WRITTEN = {"created": "Written to {file} (a new file) under registered_manager.",
           "added": "Written to {file} under registered_manager.",
           "kept": "{file} already names a manager: it was left as it is."}


def render(source: Path, target: str, backup: str, draft: Draft, schema: Schema, report: Report,
           stale_rules: set[str], service_yaml: str, manager_written: str = "") -> str:
    """The whole report, for people."""
    sections = sum(1 for key, value in draft.data.items() if isinstance(value, dict) and key != "document")
    unmapped = len(draft.data.get("unmapped", []))
    lines = [f"Imported {source.name} into {target}." + (f" The old file is kept as {backup}." if backup else ""),
             f"Sections found: {sections}. Parts not placed in a section (under `unmapped`): {unmapped}.", "",
             "What a statement of purpose must or should contain (requirements.md):"]
    for gap in gaps(draft, schema):
        status = "found  " if gap.found else "missing"
        elsewhere = draft.covered.get(gap.path[0]) if len(gap.path) == 1 else None
        detail = gap.found or (f"No section of its own, but the topic comes up under \"{elsewhere}\"." if elsewhere
                               else gap.description)
        lines.append(f"  {status}  {gap.requirement:<15} {gap.label:<36} {detail}")
    lines.append("")
    manager = draft.manager
    if manager is None:
        lines.append(f"Registered manager: not named in the document. Add them to {service_yaml}.")
    else:
        who = manager.name or f"the {manager.role} (no name given)"
        printed = _printed_with(manager)
        written = WRITTEN.get(manager_written, "").format(file=service_yaml)
        lines.append(f"Registered manager: {who}, under \"{manager.where}\"." +
                     (f" Printed with: {', '.join(printed)}." if printed else "") +
                     (f" {written}" if written else f" Keep their details in {service_yaml} under registered_manager "
                      "(name, role, address, qualifications, experience)."))
    lines += ["", "Out-of-date details found:"]
    stale: dict[str, list] = {}
    for finding in report.sorted():
        if finding.rule in stale_rules:
            stale.setdefault(finding.message, []).append(finding)
    for message, where in stale.items():
        places = ", ".join(str(f.line) for f in where)
        lines.append(f"  {message} (line{'s' * (len(where) > 1)} {places})")
        lines.append(f"    {where[0].fix}")
    if not stale:
        lines.append("  none")
    lines += ["", f"The validator on the draft: {report.errors} error{'s' * (report.errors != 1)}, "
              f"{report.warnings} warning{'s' * (report.warnings != 1)}."]
    for finding in report.sorted():
        lines.append(f"  {finding.file}:{finding.line}:{finding.column}  {finding.severity}  {finding.rule}  "
                     f"{finding.message}")
    lines += ["", "Next: read the draft beside your document. Move each part under `unmapped` into the right "
              "section (or other_sections) and delete it there; fill in what is missing; then run: "
              f"fosterdocs validate {Path(target).parent}"]
    return "\n".join(lines) + "\n"
