"""Rules about contacts: stale regulator details, contacts that differ from the reference, and references to
shared facts that do not exist.

passes: `ofsted: {use: reference/ofsted}`; a written-out Ofsted contact with phone 0300 123 1231.
fails:  'Tel: 08456 40 40 40' anywhere (the old Ofsted number); 'Anne Longfield' named as Commissioner;
        an email ending .gsi.gov.uk; `use: service/complaints` when service.yaml has no complaints contact.
"""

from __future__ import annotations

import re

from .. import rule_catalogue
from ..document_types import DOCUMENT_KINDS, REFERABLE
from .base import Problem, rule


def _digits(text) -> str:
    """A UK number's digits as dialled within the UK: +44 300, +44 (0)300 and 0300 are all 0300."""
    digits = re.sub(r"\D", "", str(text).replace("(0)", ""))
    return "0" + digits[2:] if digits.startswith("44") else digits


def _compact(text) -> str:
    return re.sub(r"\s", "", str(text)).upper()


@rule(None)
def stale_values(document):
    """Text that matches a known stale value (data/reference/stale-values.yaml): old Ofsted numbers and
    addresses, former Commissioners, .gsi.gov.uk emails, old IRM details. Each finding carries its entry's rule id;
    where the rule catalogue gives that id a basis for the kind of document (a children's guide: regulation 3(3)(c)
    for Ofsted), the entry's own source applies, elsewhere a stale contact is expected practice."""
    strings = document.parts.strings
    for index, stale, matched in document.reference.stale_set.search(document.texts):
        path = strings[index][0]
        if stale.current:
            record = stale.current.partition(".")[0]
            fix = (f"Use {document.reference.current(stale.current)} (checked "
                   f"{document.reference.checked_on(stale.current)}), or replace the contact with "
                   f"`use: reference/{record}` so it always shows the current details.")
        else:
            fix = "Replace it with the address the organisation uses now (usually the same without '.gsi')."
        entry = rule_catalogue.rule(stale.rule)
        source = stale.source if document.kind in entry.kinds else f"{entry.source} ({stale.source})"
        yield Problem(path, f"'{matched}' is {stale.what}, no longer in use.", fix, rule=stale.rule, source=source)


def _differences(written: dict, current: dict, stale) -> list[str]:
    """Fields of a written-out regulator contact that are not the current ones (stale values are reported apart)."""
    found = []
    phones = {_digits(p) for p in [current.get("phone"), *current.get("other_phones", [])] if p}
    checks = [("phone", written.get("phone"), lambda v: _digits(v) in phones),
              ("email", written.get("email"), lambda v: str(v).lower() == str(current.get("email", "")).lower()),
              ("postcode", (written.get("address") or {}).get("postcode") if isinstance(written.get("address"), dict)
               else None, lambda v: _compact(v) == _compact(current.get("address", {}).get("postcode", "")))]
    for name, value, matches in checks:
        if value and not matches(value) and not stale.find(str(value)):
            found.append(f"{name} '{value}'")
    return found


def _regulator_rule(key: str, record: str, label: str, rule_id: str):
    @rule(rule_id, ("statement-of-purpose",))
    def check(document):
        """A written-out regulator contact whose phone, email or postcode is not the current one."""
        written = document.get("regulators", key)
        current = document.reference.regulators.get(record)
        if not isinstance(written, dict) or "use" in written or not current:
            return
        wrong = _differences(written, current, document.reference.stale_set)
        if wrong:
            yield Problem(("regulators", key), f"The {label} contact differs from the current one: "
                          + ", ".join(wrong) + ".",
                          f"Replace the contact with `use: reference/{record}`, which always gives the current "
                          f"details (checked {current.get('checked_on')}).", key=True)
    return check


ofsted_differs = _regulator_rule("ofsted", "ofsted", "Ofsted", "contacts/ofsted-differs")
commissioner_differs = _regulator_rule("childrens_commissioner", "childrens_commissioner",
                                       "Children's Commissioner", "contacts/commissioner-differs")


@rule("refs/missing")
def missing_references(document):
    """A `use:` that names a shared fact which does not exist."""
    for path, text in document.parts.strings:
        if path and path[-1] == "use" and document.lookup(text) is None:
            where, _, name = text.partition("/")
            home = f"{where}.yaml" if where in ("service", *REFERABLE) else "data/reference/regulators.yaml"
            yield Problem(path, f"This refers to {text}, but {home} has no `{name}`.",
                          f"Add `{name}:` to {home}, or write the details out here instead of `use:`.")


FREEPHONE = re.compile(r"^0800|^0808")
NEEDS = {"phone": "telephone number", "email": "email address", "address": "postal address"}


@rule("contacts/unusable", DOCUMENT_KINDS)
def unusable_contacts(document):
    """A regulator or advocacy contact written out without the way its reader needs to reach it (the Children's
    Commissioner by post only, where a child needs a free phone number)."""
    for need in document.reference.wording.get("usable_contacts", []):
        if document.kind not in need["kinds"]:
            continue
        path = tuple(need["path"].split("."))
        written = document.get(*path)
        contact = document.expand(written) if isinstance(written, dict) else None
        if not isinstance(contact, dict):
            continue
        missing = [NEEDS[key] for key in need["needs"] if not contact.get(key)]
        phones = [p for p in [contact.get("phone"), *(contact.get("other_phones") or [])] if p]
        not_free = need.get("freephone") and phones and not any(FREEPHONE.match(_digits(p)) for p in phones)
        if len(missing) == len(need["needs"]) or not_free:
            given = [what for key, what in NEEDS.items() if contact.get(key)]
            said = f"only by {' and '.join(given)}" if given else "with no way to reach them"
            who = need["who"][:1].upper() + need["who"][1:]
            problem = (f"{who} is given {said}" + (", with no free number" if not_free else "")
                       + ".")
            why = " Children need a free number they can ring (0800 or 0808)." if need.get("freephone") else ""
            fix = (f"Write `use: {need['use']}` here, which gives the current details." if need.get("use") else
                   f"Add the {' or '.join(NEEDS[k] for k in need['needs'])}.")
            yield Problem(path, problem + why, fix, source=need["source"], key=True)


RULES = [stale_values, ofsted_differs, commissioner_differs, missing_references, unusable_contacts]
