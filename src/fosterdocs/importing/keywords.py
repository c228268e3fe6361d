"""The importer's rules, kept as data in data/reference/section-keywords.yaml and checked before use."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from jsonschema import Draft202012Validator

from ..loading import load
from ..project import CannotRun, Project
from ..resources import REFERENCE, SCHEMAS

FILE = "section-keywords.yaml"
SCHEMA = "section-keywords.schema.json"
STRONG, WEAK = 2, 1


def _compile(patterns: list[str]) -> list[re.Pattern]:
    return [re.compile(rf"\b(?:{pattern})", re.IGNORECASE) for pattern in patterns]


@dataclass
class SectionWords:
    """The words that name one section in a heading, and that show its topic in a passage."""

    name: str
    strong: list[re.Pattern]
    weak: list[re.Pattern]
    content: list[re.Pattern]
    anchors: list[re.Pattern]

    def heading_score(self, heading: str) -> int:
        strong = sum(1 for p in self.strong if p.search(heading))
        return STRONG * strong + WEAK * (not strong and any(p.search(heading) for p in self.weak))

    def content_score(self, text: str, repeats: int = 1) -> int:
        """How many of the section's topic words the passage uses, each counted up to `repeats` times."""
        return sum(min(len(p.findall(text)), repeats) for p in self.content)

    def first_hit(self, text: str) -> int:
        """Where the first of the section's topic words stands in the text (its length if none does)."""
        return min((m.start() for p in self.content if (m := p.search(text))), default=len(text))

    def anchored(self, text: str) -> bool:
        return any(p.search(text) for p in self.anchors)


@dataclass
class Keywords:
    """Everything the importer recognises text by."""

    sections: dict[str, SectionWords]
    title: list[re.Pattern]
    contents: list[re.Pattern]
    review_commitment: list[re.Pattern]
    fields: dict[str, list[re.Pattern]]
    in_text: dict[str, list[re.Pattern]]  # dates printed in a sentence, after these words
    registered_manager: list[re.Pattern]
    complaint_stages: list[re.Pattern]
    fostering_types: list[re.Pattern]
    related_documents: list[re.Pattern]
    qualifications: list[re.Pattern]
    contacts: dict[str, list[re.Pattern]]

    def heading_scores(self, heading: str) -> dict[str, int]:
        scores = {name: words.heading_score(heading) for name, words in self.sections.items()}
        return {name: score for name, score in scores.items() if score}


def load_keywords(project: Project) -> Keywords:
    """The importer's rules from the project's reference folder; CannotRun when the file is missing or wrong."""
    path = project.resource(REFERENCE) / FILE
    loaded, problems = load(path)
    if loaded is None:
        raise CannotRun(f"{path} cannot be used: {problems[0].message}")
    schema = json.loads((project.resource(SCHEMAS) / SCHEMA).read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(loaded.data), key=lambda e: list(e.absolute_path))
    statement = project.schemas["statement-of-purpose"].root["properties"]
    unknown = sorted(set(loaded.data.get("sections", {})) - set(statement)) if not errors else []
    if errors or unknown:
        where = ".".join(str(p) for p in errors[0].absolute_path) if errors else f"sections.{unknown[0]}"
        line, _ = loaded.where(tuple(errors[0].absolute_path) if errors else ("sections", unknown[0]))
        problem = errors[0].message if errors else "is not a section of the statement of purpose"
        raise CannotRun(f"{path}:{line}: `{where}` {problem}. Fix the file (see {SCHEMA}).")
    try:
        data = loaded.data
        sections = {name: SectionWords(name, _compile(rule["headings"].get("strong", [])),
                                       _compile(rule["headings"].get("weak", [])),
                                       _compile(rule.get("content", [])), _compile(rule.get("anchors", [])))
                    for name, rule in data["sections"].items()}
        document = data["document"]
        return Keywords(sections, _compile(document["title"]), _compile(document["contents"]),
                        _compile(document["review_commitment"]),
                        {name: _compile(patterns) for name, patterns in document["fields"].items()},
                        {name: _compile(patterns) for name, patterns in document.get("in_text", {}).items()},
                        _compile(data["registered_manager"]), _compile(data["complaint_stages"]),
                        _compile(data["fostering_types"]), _compile(data["related_documents"]),
                        _compile(data["qualifications"]),
                        {name: _compile(patterns) for name, patterns in data["contacts"].items()})
    except re.error as err:
        raise CannotRun(f"{path}: a pattern is not a valid regular expression: {err}.") from err
    except KeyError as err:  # a schema older than this fosterdocs let an incomplete file through
        raise CannotRun(f"{path} has no `{err.args[0]}`: copy it again from fosterdocs' data/reference/.") from err
