"""Reference data kept once for every service: regulator contacts, stale values, placeholder text, outdated
names and the wording checks (stated counts, stale future tense, contacts people can use)."""

from __future__ import annotations

import re
import re._parser as sre  # the parser of the standard library's own re: what every match of a pattern must contain
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from . import rule_catalogue
from . import schema as schemas
from .dates import long_date, parse_date
from .findings import Finding
from .loading import Loaded, load

FILES = ("regulators", "stale-values", "placeholders", "outdated-terms", "wording")


@dataclass(frozen=True)
class Pattern:
    """A text pattern to look for, what it means and (for stale values) what replaces it."""

    regex: re.Pattern
    what: str
    rule: str = ""
    current: str = ""
    source: str = ""


def _required(items) -> set[str] | None:
    """Lower-case texts one of which every match of a parsed pattern contains, or None when there are none: the
    longest run of plain characters, or one text for each alternative of a group every match goes through."""
    options, run = [], ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value).lower()
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no characters: the run goes on
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1 and len(value[2]) == 1 and \
                value[2][0][0] is sre.LITERAL:
            repeated = chr(value[2][0][1]).lower() * value[0]  # x{3,}: xxx is in every match
            options.append({run + repeated})
            run = repeated
            continue
        if run:
            options.append({run})
        run = ""
        if op is sre.SUBPATTERN:
            options.append(_required(value[-1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            options.append(_required(value[2]))
        elif op is sre.BRANCH:
            each = [_required(branch) for branch in value[1]]
            options.append(None if None in each else set().union(*each))
    if run:
        options.append({run})
    found = [option for option in options if option]
    return max(found, key=lambda option: min(map(len, option))) if found else None


@lru_cache(maxsize=None)
def quick_texts(regex: re.Pattern) -> tuple[str, ...] | None:
    """What every match of a case-insensitive pattern contains, lower-case (None: no such text, try every text).
    Worked out from the pattern itself, once, so that no list kept by hand can fall out of step with it."""
    try:
        found = _required(sre.parse(regex.pattern, regex.flags))
    except (re.error, TypeError, ValueError, IndexError):  # a parser of another Python version: every text is tried
        return None
    return tuple(sorted(found)) if found else None


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

    def candidates(self, regex: re.Pattern) -> list[int]:
        """The indexes of the texts a pattern can match, in order: those holding one of its quick texts."""
        quick = quick_texts(regex)
        if quick is None:
            return list(range(len(self.texts)))
        return sorted(set().union(*(self.holding(text) for text in quick)))

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
    """Patterns searched across many texts at once. Each pattern's quick texts (worked out from the pattern) are
    found in all the texts joined, at C speed; the regular expression then runs only on the texts that have one."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns

    def search(self, texts: Texts) -> list[tuple[int, Pattern, str]]:
        """(index of the text, pattern, matched text): the first match of each pattern in each text."""
        found = []
        for order, pattern in enumerate(self.patterns):
            for index in texts.candidates(pattern.regex):
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
    return [Pattern(re.compile(e["pattern"], re.IGNORECASE), e["what"], e.get("rule", ""), e.get("current", ""),
                    e.get("source", "")) for e in entries]


def _unknown_rule(loaded: Loaded, path: tuple, rule_id: str) -> Finding:
    line, column = loaded.where(path)
    return rule_catalogue.rule("reference/unknown-rule").finding(
        loaded.file, line, column, f"'{rule_id}' is not a rule fosterdocs knows, so this entry is left out.",
        "Use one of the contacts/stale-... ids in src/fosterdocs/rules/catalogue.yaml (python -m "
        "fosterdocs.rule_catalogue lists them), or add the new id there with what it finds and its source.",
        "reference")


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
        stale = data.pop("stale", [])
        findings += [_unknown_rule(loaded, ("stale", index, "rule"), entry["rule"])
                     for index, entry in enumerate(stale) if entry["rule"] not in rule_catalogue.RULES]
        reference.stale += _patterns([entry for entry in stale if entry["rule"] in rule_catalogue.RULES])
        reference.placeholders += _patterns(data.pop("placeholders", []))
        reference.outdated += [Term(re.compile(e["pattern"], re.IGNORECASE), e["what"],
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
            findings.append(rule_catalogue.rule("reference/needs-check").finding(loaded.file, line, column, message,
                                                                                 fix, "reference"))
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
