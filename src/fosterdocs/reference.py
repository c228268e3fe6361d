"""Reference data kept once for every service: regulator contacts, stale values, placeholder text, outdated
names and the wording checks (stated counts, stale future tense, contacts people can use)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from . import schema as schemas
from .dates import long_date, parse_date
from .findings import WARNING, Finding
from .loading import Loaded, load

FILES = ("regulators", "stale-values", "placeholders", "outdated-terms", "wording")


@dataclass(frozen=True)
class Pattern:
    """A text pattern to look for, what it means and (for stale values) what replaces it."""

    regex: re.Pattern
    contains: tuple[str, ...]  # lower-case texts, one of which every match contains: the pattern is tried only there
    what: str
    rule: str = ""
    current: str = ""
    source: str = ""
    basis: str = ""


class Texts:
    """Texts to search, lower-cased and joined once for every pattern set that searches them."""

    SEPARATOR = "\n\x00\n"  # no quick text spans it

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._holding: dict[str, set[int]] = {}
        self.lowered = [text.lower() for text in texts]
        self.joined = self.SEPARATOR.join(self.lowered)
        self.starts, offset = [], 0
        for text in self.lowered:
            self.starts.append(offset)
            offset += len(text) + len(self.SEPARATOR)

    def holding(self, quick: str) -> set[int]:
        """The indexes of the texts that contain quick (lower-case) text (each quick text is looked for once)."""
        if quick in self._holding:
            return self._holding[quick]
        found = self._holding[quick] = set()
        at = self.joined.find(quick)
        while at != -1:
            index = bisect_right(self.starts, at) - 1
            found.add(index)
            at = self.joined.find(quick, self.starts[index] + len(self.lowered[index]))  # on to the next text
        return found


class PatternSet:
    """Patterns searched across many texts at once. Each pattern's quick texts are found in all the texts joined,
    at C speed; the regular expression then runs only on the texts that have one."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns

    def search(self, texts: Texts) -> list[tuple[int, Pattern, str]]:
        """(index of the text, pattern, matched text): the first match of each pattern in each text."""
        found = []
        for order, pattern in enumerate(self.patterns):
            for index in set().union(*(texts.holding(quick) for quick in pattern.contains)):
                match = pattern.regex.search(texts.texts[index])
                if match:
                    found.append((index, order, pattern, match.group(0)))
        return [(index, pattern, text) for index, _, pattern, text in sorted(found, key=lambda f: f[:2])]

    def find(self, text: str) -> list[tuple[Pattern, str]]:
        return [(pattern, matched) for _, pattern, matched in self.search(Texts([text]))]


@dataclass(frozen=True)
class Term:
    """A name that is wrong or has been replaced, what is right now, since when, and where that is published."""

    regex: re.Pattern
    contains: tuple[str, ...]
    what: str
    right: str
    since: str
    source: str
    severity: str
    context: re.Pattern | None = None  # must also match near the name (HCPC: only about social workers)
    regime: str = ""  # only for this type of service


@dataclass
class Reference:
    """Everything in data/reference/, checked against schema/reference.schema.json."""

    regulators: dict[str, dict] = field(default_factory=dict)
    stale: list[Pattern] = field(default_factory=list)
    placeholders: list[Pattern] = field(default_factory=list)
    example_identity: list[Pattern] = field(default_factory=list)
    outdated: list[Term] = field(default_factory=list)
    wording: dict = field(default_factory=dict)  # stated_counts, future_tense, usable_contacts (wording.yaml)
    files: dict[str, Loaded] = field(default_factory=dict)

    @cached_property
    def stale_set(self) -> PatternSet:
        return PatternSet(self.stale)

    @cached_property
    def placeholder_set(self) -> PatternSet:
        return PatternSet(self.placeholders)

    @cached_property
    def example_identity_set(self) -> PatternSet:
        return PatternSet(self.example_identity)
    def outdated_set(self) -> PatternSet:
        return PatternSet(self.outdated)

    def current(self, dotted: str) -> str:
        """The current value named 'record.field', written out for a message."""
        record, _, name = dotted.partition(".")
        value = self.regulators.get(record, {}).get(name, "")
        if isinstance(value, dict):
            value = ", ".join([*value.get("lines", []), value.get("postcode", "")])
        return str(value)

    def checked_on(self, dotted: str) -> str:
        return str(self.regulators.get(dotted.partition(".")[0], {}).get("checked_on", ""))


def _patterns(entries: list[dict]) -> list[Pattern]:
    return [Pattern(re.compile(e["pattern"], re.IGNORECASE), tuple(e["contains"]), e["what"], e.get("rule", ""),
                    e.get("current", ""), e.get("source", ""), e.get("basis", "")) for e in entries]


def load_reference(directory: Path, schema: schemas.Schema, shown: str) -> tuple[Reference, list[Finding]]:
    """Load and check the reference files; a broken file is reported and left out."""
    reference, findings = Reference(), []
    for name in FILES:
        loaded, problems = load(directory / f"{name}.yaml", f"{shown}/{name}.yaml")
        findings += problems
        if loaded is None:
            continue
        invalid = schemas.validate(schema, loaded, "reference")
        findings += invalid
        if invalid:
            continue
        reference.files[name] = loaded
        data = dict(loaded.data)
        reference.stale += _patterns(data.pop("stale", []))
        reference.placeholders += _patterns(data.pop("placeholders", []))
        reference.outdated += [Term(re.compile(e["pattern"], re.IGNORECASE), tuple(e["contains"]), e["what"],
                                    e["right"], str(e["since"]), e["source"], e["severity"],
                                    re.compile(e["context"], re.IGNORECASE) if e.get("context") else None,
                                    e.get("regime", "")) for e in data.pop("outdated", [])]
        for key in ("stated_counts", "number_words", "future_tense", "usable_contacts"):
            if key in data:
                reference.wording[key] = data.pop(key)
        reference.example_identity += _patterns(data.pop("example_identity", []))
        reference.regulators.update(data)
    return reference, findings


def overdue_checks(reference: Reference, today: date, installed: bool) -> list[Finding]:
    """Regulator records whose own review date has passed, once each: a project keeping its own reference data must
    check them again; one using fosterdocs' (installed) must upgrade fosterdocs to get them checked again."""
    findings = []
    loaded = reference.files.get("regulators")
    for name, record in reference.regulators.items():
        review_by = parse_date(record["review_by"])
        if review_by and review_by[1] < today:
            line, column = loaded.where((name, "review_by"))
            due = long_date(review_by[1])
            if installed:
                message = (f"fosterdocs' record of the {record['name']} was due to be checked by {due}: "
                           "upgrade fosterdocs.")
                fix = ("Upgrade fosterdocs (merge the upgrade pull request Dependabot opens, or raise the version in "
                       "requirements.txt); until a release has checked it again, check these details yourself at "
                       f"the source: {record['source']}.")
            else:
                message = f"The {record['name']} record was due to be checked by {due}."
                fix = (f"Check the current details at the source ({record['source']}), update them, then set "
                       "checked_on to today and review_by to the next date they could change.")
            findings.append(Finding(loaded.file, line, column, WARNING, "reference/needs-check", message, fix,
                                    "Fostering Services (England) Regulations 2011, regulation 4 (keep documents "
                                    "under review)", "law", service="reference"))
    return findings


def release_checked_on() -> str:
    """When the reference data fosterdocs carries was last checked, and the earliest date a record is due again."""
    from .resources import REFERENCE, bundled

    loaded, _ = load(bundled(REFERENCE) / "regulators.yaml")
    records = [r for r in (loaded.data.values() if loaded else []) if isinstance(r, dict)]
    checked = [day[0] for day in (parse_date(r.get("checked_on", "")) for r in records) if day]
    due = [day[1] for day in (parse_date(r.get("review_by", "")) for r in records) if day]
    if not checked:
        return "reference data: none found (this installation of fosterdocs is incomplete: reinstall it)"
    return (f"reference data (Ofsted, the Children's Commissioner and other contacts) last checked on "
            f"{long_date(max(checked))}; next due to be checked by {long_date(min(due))}" if due else "")
