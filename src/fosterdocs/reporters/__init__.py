"""Output formats for a Report, chosen by name. Reporters know findings, never rules."""

from __future__ import annotations

from typing import Callable

from ..findings import Report
from . import github, json_report, junit, sarif, text

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
    "junit": junit.render,
    "sarif": sarif.render,
}
