"""Output formats for a Report, chosen by name. Reporters know findings, never rules."""

from __future__ import annotations

from typing import Callable

from ..findings import Report
from . import json_report, text

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json_report.render,
}
