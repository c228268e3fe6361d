"""The two regimes an English fostering service runs under, chosen by `type` in service.yaml: a council's
(local authority) service, or an independent fostering agency registered with Ofsted.

The Fostering Services (England) Regulations 2011 treat them apart: Part 3 has "Fostering agency" (regulation 5,
fitness of the provider; regulation 6, appointment of a manager, who is registered) and "Local authority fostering
service" (regulation 10, Manager); regulation 3(3)(b) names a different complaints procedure for each
(legislation.gov.uk/uksi/2011/581/contents/made and /part/2/made, read 2026-12-01).
"""

from __future__ import annotations

from dataclasses import dataclass

REGS = "Fostering Services (England) Regulations 2011"


@dataclass(frozen=True)
class Regime:
    """The words and regulations that differ between a council's service and an independent agency."""

    type: str
    label: str
    manager: str  # what the person managing the service is called
    manager_regulation: str
    provider: str  # what the body providing the service is called
    lead: str  # the senior person accountable for the service above the manager
    complaints_limb: str  # regulation 3(3)(b): whose complaints procedure the children's guide summarises
    complaints_source: str
    registered: bool  # registered with Ofsted under Part 2 of the Care Standards Act 2000
    title: str  # the type of service, as the website names it
    example: str  # the fictional service of this type a new service starts from (a folder of the tool's data)


LOCAL_AUTHORITY = Regime(
    "local-authority", "local authority fostering service", "manager of the fostering service",
    f"{REGS}, regulation 10 (a local authority fostering service has a manager; it is not registered with Ofsted)",
    "provider (the council)", "senior officer responsible for the service", "REG3-3b-ii",
    f"{REGS}, regulation 3(3)(b)(ii); Children Act 1989, section 26(3)", registered=False,
    title="Local authority (council) fostering service", example="data/example")

INDEPENDENT_AGENCY = Regime(
    "independent-agency", "independent fostering agency", "registered manager",
    f"{REGS}, regulation 6 (appointment of the manager of a fostering agency, registered with Ofsted)",
    "registered provider", "responsible individual", "REG3-3b-i",
    f"{REGS}, regulation 3(3)(b)(i) and regulation 18(1) (the agency's own representations and complaints "
    "procedure)", registered=True, title="Independent fostering agency", example="data/example-agency")

REGIMES = {regime.type: regime for regime in (LOCAL_AUTHORITY, INDEPENDENT_AGENCY)}


def regime_of(service: dict | None) -> Regime:
    """The regime a service.yaml declares (a council's, when `type` is missing or unknown: a schema error says so)."""
    kind = service.get("type") if isinstance(service, dict) else None
    return REGIMES.get(kind, LOCAL_AUTHORITY) if isinstance(kind, str) else LOCAL_AUTHORITY
