"""Downgrades: expected-practice findings a service has a recorded reason not to meet yet become warnings."""

from __future__ import annotations

from .findings import ERROR, Finding
from .loading import Loaded
from .project import Project
from .rule_catalogue import rule


def allowed(project: Project, service: dict, loaded: Loaded | None, service_id: str) -> tuple[dict, list[Finding]]:
    """The service's allowed downgrades (requirement -> reason), and a finding for each one that names a legal
    requirement or none (only when service.yaml itself is being checked: loaded is not None)."""
    known: dict[str, str] = {}
    for schema in project.schemas.values():
        known.update(schema.requirements)
    reasons, findings = {}, []
    for index, entry in enumerate(service.get("downgrades") or []):
        if not isinstance(entry, dict):
            continue
        requirement = entry.get("requirement")
        basis = known.get(requirement)
        if basis == "expected-practice":
            reasons[requirement] = entry.get("reason", "")
        elif loaded is not None:
            line, column = loaded.where(("downgrades", index, "requirement"))
            what = "law or a national standard" if basis else "not a requirement fosterdocs knows"
            problem = f"'{requirement}' is {what}: it cannot be downgraded."
            findings.append(rule("downgrades/not-allowed").finding(
                loaded.file, line, column, problem, "Only expected-practice items can be downgraded: "
                + ", ".join(sorted(k for k, v in known.items() if v == "expected-practice")) + ".", service_id))
    return reasons, findings


def apply(findings: list[Finding], reasons: dict[str, str]) -> list[Finding]:
    """The findings, each error whose requirement the service may downgrade turned into a warning with the reason."""
    return [f.downgraded(reasons[f.requirement]) if f.requirement in reasons and f.severity == ERROR else f
            for f in findings]
