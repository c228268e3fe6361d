"""Findings as SARIF 2.1.0 (OASIS), for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from ..findings import ERROR, WARNING, Finding, Report
from ..rule_catalogue import RULES, RuleEntry
from .text import explain

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {ERROR: "error", WARNING: "warning"}
PROPERTIES = ("service", "requirement", "basis", "regulation", "note")


def _location(f: Finding) -> dict:
    path = PurePath(f.file)
    artifact = ({"uri": path.as_uri()} if path.is_absolute()
                else {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"})
    return {"physicalLocation": {"artifactLocation": artifact,
                                 "region": {"startLine": f.line, "startColumn": f.column}}}


def _rule(entry: RuleEntry) -> dict:
    """A rule as SARIF describes it: its entry in the rule catalogue (the log lists the rules its results use; an id
    the catalogue lacks, from a project's own schema, by its id alone)."""
    return {"id": entry.id, "shortDescription": {"text": entry.what},
            "fullDescription": {"text": f"{entry.what} Passes: {entry.passes.rstrip('.')}. "
                                        f"Fails: {entry.fails.rstrip('.')}."},
            "help": {"text": f"Required by: {entry.source}" + (f" ({entry.varies})" if entry.varies else "")},
            "defaultConfiguration": {"level": LEVELS[entry.severity]},
            "properties": {"basis": entry.basis, **({"requirement": entry.requirement} if entry.requirement else {})}}


def render(report: Report) -> str:
    findings = report.sorted()
    ids = {f.rule for f in findings}
    used = [_rule(entry) for entry in RULES.values() if entry.id in ids]  # in the catalogue's order
    used += [{"id": rule_id, "shortDescription": {"text": rule_id}} for rule_id in sorted(ids - RULES.keys())]
    index = {rule["id"]: number for number, rule in enumerate(used)}
    results = [{
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS.get(f.severity, "note"),
        "message": {"text": "\n".join(explain(f))},
        "locations": [_location(f)],
        "properties": {key: getattr(f, key) for key in PROPERTIES if getattr(f, key)},
    } for f in findings]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "fosterdocs", "rules": used}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
