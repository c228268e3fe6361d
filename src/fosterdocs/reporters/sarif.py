"""Findings as SARIF 2.1.0 (OASIS), for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from ..findings import ERROR, WARNING, Finding, Report
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


def _rule(f: Finding) -> dict:
    described = {"id": f.rule, "shortDescription": {"text": f.rule}}
    if f.regulation:
        described["help"] = {"text": f"Required by: {f.regulation}"}
    return described


def render(report: Report) -> str:
    findings = report.sorted()
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.rule, f)
    index = {rule: number for number, rule in enumerate(sorted(first))}
    results = [{
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS.get(f.severity, "note"),
        "message": {"text": "\n".join(explain(f))},
        "locations": [_location(f)],
        "properties": {key: getattr(f, key) for key in PROPERTIES if getattr(f, key)},
    } for f in findings]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "fosterdocs", "rules": [_rule(first[rule]) for rule in sorted(first)]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
