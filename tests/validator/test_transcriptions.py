"""The bundled real services are complete transcriptions of their published statements.

Every non-empty line of each published statement (tests/fixtures/seeds/) must appear in the service's YAML, either as
it stands or, where the transcription moved it into structured fields (a table cell, a telephone number, a staff
count), word for word. Only the contents page, image descriptions and field labels are left out.
"""

from __future__ import annotations

import re

import pytest
import yaml
from validator_support import ROOT

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SERVICES = {
    "norfolk": "norfolk-statement-of-purpose-2024-25.txt",
    "leicestershire": "leicestershire-statement-of-purpose-2023.txt",
    "hertfordshire": "hertfordshire-statement-of-purpose-2024-25.txt",
}
LABELS = {"tel", "e-mail", "email", "telephone", "qualifications", "experience"}
CONTENTS_LINE = re.compile(r"^contents$|(\t|\.{3,})\s*\d+$")
SIGNATURE = re.compile(r'^A handwritten signature in black ink that reads "(.+)"\.$')
WORD = re.compile(r"[a-z0-9][a-z0-9'./@-]*[a-z0-9]|[a-z0-9]")


def normalise(text: str) -> str:
    for old, new in (("**", ""), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("\\(", "("),
                     ("\\)", ")")):
        text = text.replace(old, new)
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 \2", text)  # a Markdown link: its text and address
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^\s*(?:[-*•]|\d+\.)\s+", "", text)  # list markers
    return re.sub(r"\s+", " ", text).strip().lower()


def values(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from values(value)
    elif isinstance(node, list):
        for value in node:
            yield from values(value)
    elif node is not None:
        yield str(node)


@pytest.mark.parametrize("service", SERVICES)
def test_every_line_of_the_published_statement_is_transcribed(service):
    texts = []
    for name in ("service", "statement-of-purpose"):
        texts += values(yaml.load((ROOT / "data" / service / f"{name}.yaml").read_text(), Loader=yaml.BaseLoader))
    blob = "\n".join(normalise(t) for t in texts)
    words = set(WORD.findall(blob))
    missing = []
    for line in (SEEDS / SERVICES[service]).read_text(encoding="utf-8").splitlines():
        text = normalise(line)
        signature = SIGNATURE.match(line.strip())
        if not text or CONTENTS_LINE.search(line.strip().lower()) or text in blob:
            continue
        if signature:
            assert normalise(signature[1]) in blob
            continue
        if [w for w in WORD.findall(text) if w not in words and w not in LABELS]:
            missing.append(line)
    assert missing == []
