"""The catalogue of rules (rules/catalogue.yaml): every id a finding can carry, with its severity, basis, source and
what it looks for. `python -m fosterdocs.rule_catalogue --markdown` prints the README's rule table."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .document_types import TYPES
from .findings import ERROR, WARNING, Finding

CATALOGUE = Path(__file__).parent / "rules" / "catalogue.yaml"
BASES = ("law", "standard", "expected-practice", "data", "per-item")
LAW_ITEMS = ("REG3", "REG4")  # requirement ids of regulation 3 and 4 items: the only law
BASIS_WORDS = {"law": "law", "standard": "standard", "expected-practice": "expected practice", "data": "data model",
               "per-item": "the item's"}
TOPICS = {"complaints": "Complaints", "contacts": "Contacts", "dates": "Dates and reviews", "downgrades": "Downgrades",
          "figures": "Figures", "file": "Files", "format": "Formats", "guide": "Children's guide",
          "handbook": "Foster carer handbook", "import": "Imported statements", "lifecycle": "Approval and lodging",
          "lodging": "The lodging pack", "manager": "The manager", "pictures": "Pictures", "publication": "Publication",
          "readability": "Readability", "reference": "Reference data", "refs": "Shared facts",
          "related": "Related documents", "render": "Pages and PDFs", "schema": "The shape of a file",
          "sections": "Sections", "service": "The service", "staffing": "Staffing",
          "terms": "Names of laws and bodies", "text": "Text", "wording": "Wording", "yaml": "YAML"}
TABLE_START = "<!-- rule table: made by `python -m fosterdocs.rule_catalogue --markdown` -->"
TABLE_END = "<!-- end of the rule table -->"


@dataclass(frozen=True)
class RuleEntry:
    """One rule id, as the catalogue gives it (for one kind of document, with `in` applied: for_kind)."""

    id: str
    severity: str
    basis: str
    source: str
    raised_by: str
    what: str
    passes: str
    fails: str
    requirement: str = ""
    varies: str = ""
    kinds: dict[str, dict] = field(default_factory=dict)  # kind of document -> its differences (`in`)

    def for_kind(self, kind: str) -> RuleEntry:
        """The entry as it applies to one kind of document."""
        return replace(self, **self.kinds[kind]) if kind in self.kinds else self

    def finding(self, file: str, line: int, column: int, message: str, fix: str, service: str = "") -> Finding:
        """A finding of this rule, with the catalogue's severity, basis, source and requirement."""
        return Finding(file, line, column, self.severity, self.id, message, fix, self.source, self.basis,
                       self.requirement, service)


def _entry(rule_id: str, written: dict) -> RuleEntry:
    written = dict(written)
    kinds = written.pop("in", {})
    entry = RuleEntry(rule_id, kinds=kinds, **written)
    for variant in (entry, *(entry.for_kind(kind) for kind in kinds)):
        if variant.severity not in (ERROR, WARNING) or variant.basis not in BASES:
            raise ValueError(f"{CATALOGUE.name}: {rule_id} has severity {variant.severity!r} and basis "
                             f"{variant.basis!r}; they must be one of {ERROR}, {WARNING} and of {', '.join(BASES)}")
        if variant.basis == "law" and not variant.requirement.startswith(LAW_ITEMS):
            raise ValueError(f"{CATALOGUE.name}: {rule_id} is marked law but is not an item of regulation 3 or 4")
    return entry


def load_catalogue(path: Path = CATALOGUE) -> dict[str, RuleEntry]:
    return {rule_id: _entry(rule_id, written)
            for rule_id, written in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).items()}


RULES = load_catalogue()


def rule(rule_id: str) -> RuleEntry:
    """The catalogue's entry for an id (KeyError for one it lacks: every id a finding carries is catalogued)."""
    return RULES[rule_id]


def rule_groups() -> list[tuple[str, list[RuleEntry]]]:
    """The rules by topic (the part of the id before the /), for the website's rules page."""
    groups: dict[str, list[RuleEntry]] = {}
    for entry in RULES.values():
        groups.setdefault(entry.id.partition("/")[0], []).append(entry)
    return [(TOPICS.get(topic, topic), entries) for topic, entries in groups.items()]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown_table() -> str:
    """The README's table of every rule: id, severity, basis, what it finds."""
    lines = ["| Rule | Severity | Basis | What it finds |", "| --- | --- | --- | --- |"]
    lines += [f"| `{entry.id}` | {entry.severity} | {BASIS_WORDS[entry.basis]}"
              + "".join(f"; {BASIS_WORDS[v['basis']]} in the {TYPES[kind].title}" for kind, v in entry.kinds.items()
                        if v.get("basis", entry.basis) != entry.basis)
              + f" | {_cell(entry.what)} |" for entry in RULES.values()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fosterdocs.rule_catalogue", description=__doc__)
    parser.add_argument("--markdown", action="store_true", help="print the README's rule table")
    args = parser.parse_args(argv)
    if args.markdown:
        print(TABLE_START, markdown_table(), TABLE_END, sep="\n")
    else:
        for entry in RULES.values():
            print(f"{entry.id}  {entry.severity}  {entry.basis}  {entry.what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
