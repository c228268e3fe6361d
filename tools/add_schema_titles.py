"""Give every property in schema/*.schema.json a `title` (the label the editor shows) and every list's items one
(the name of one item), where it has none. Safe to run again: titles already written are kept.

    .venv/bin/python tools/add_schema_titles.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[1] / "schema"
SKIPPED = ("section-keywords.schema.json", "config.schema.json")  # not edited in the editor's forms
LABELS = {  # a key -> its label, where the words of the key are not plain enough
    "ofsted_urn": "Ofsted unique reference number (URN)", "url": "Web address", "website": "Website",
    "email": "Email address", "phone": "Phone number", "other_phones": "Other phone numbers",
    "alt": "Description of the picture (for people who cannot see it)", "as_at": "Figures as at",
    "lodged_with_ofsted_on": "Sent to Ofsted on", "resupplied_on": "Given again to carers and children on",
    "published_on": "Published on", "approved_on": "Approved on", "approved_by": "Approved by",
    "next_review_due": "Next review due", "review_interval_months": "Months between reviews",
    "review_warning_days": "Days of warning before a review is due",
    "extendable_to": "Can be extended to (working days)",
    "working_days": "Working days", "childrens_guide": "Children's guide", "childrens_rights": "Children's rights",
    "childrens_views": "Children's views", "childrens_commissioner": "Children's Commissioner",
    "use": "Shared fact", "from_statement": "Section shown from the statement of purpose", "ordered": "Numbered list",
    "fictional": "Fictional (the bundled example only)", "unmapped": "Not yet placed (never published)",
    "other_sections": "Other sections", "type": "Kind of service", "count": "Number", "header": "Column headings",
    "rows": "Rows", "legal_name": "Legal name", "on_request": "Copies on request",
    "given_at_placement": "When a child is given the guide", "by": "By", "family_time": "Family time",
    "staying_put": "Staying Put", "parent_and_child": "Parent and child", "total_households": "Total households",
    "independent_reviewing_officers": "Independent reviewing officers",
    "equality_and_diversity": "Equality and diversity",
    "status_and_constitution": "Status and constitution", "support_and_supervision": "Support and supervision",
    "recruitment_and_assessment": "Recruitment and assessment", "aims_and_objectives": "Aims and objectives",
    "legislative_framework": "Laws and standards", "panel_and_approval": "Panel and approval",
    "supervision_and_visits": "Supervision and visits", "allowances_and_fees": "Allowances and fees",
    "out_of_hours": "Out of hours", "lodging": "Sending revisions to Ofsted",
    "about_us": "About us", "what_we_do_for_you": "What we do for you",
}
ITEMS = {  # a list's key -> what one of its items is called
    "stages": "Stage", "contacts": "Contact", "revisions": "Revision", "content": "Paragraph or list",
    "lines": "Address line", "teams": "Team", "staff": "Staff role", "rows": "Row", "header": "Column heading",
    "list": "List item", "subsections": "Subsection", "offices": "Office", "downgrades": "Expected item not met yet",
    "households": "Group of households", "other_phones": "Phone number", "names": "Name",
    "responsibilities": "Responsibility", "types_of_fostering": "Type of fostering",
    "related_documents": "Related document", "other_sections": "Section", "priorities": "Priority",
    "formats": "Format", "other_formats": "Format", "children_placed": "Group of children", "reviews": "Review",
    "other_figures": "Figure", "unmapped": "Unplaced text", "independent_support": "Source of support",
}


def label(key: str) -> str:
    if key in LABELS:
        return LABELS[key]
    words = re.sub(r"_+", " ", key).strip()
    return words[:1].upper() + words[1:]


def add_titles(node, key: str | None = None) -> None:
    if isinstance(node, dict):
        for name, value in node.items():
            if name == "properties" and isinstance(value, dict):
                for prop, schema in value.items():
                    if isinstance(schema, dict):
                        if "title" not in schema:
                            value[prop] = {"title": label(prop), **schema}
                        add_titles(value[prop], prop)
            elif name == "items" and isinstance(value, dict) and key is not None:
                if "title" not in value and key in ITEMS:
                    node[name] = value = {"title": ITEMS[key], **value}
                add_titles(value, key)
            elif name == "$defs" and isinstance(value, dict):  # a definition is named as a property would be
                for definition, schema in value.items():
                    add_titles(schema, definition)
            else:
                add_titles(value, key)
    elif isinstance(node, list):
        for item in node:
            add_titles(item, key)


def main() -> None:
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        if path.name in SKIPPED:
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        add_titles(schema)
        path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
