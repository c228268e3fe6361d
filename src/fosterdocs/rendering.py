"""The Jinja environment both the website and the PDFs render with: autoescaped, with our filters.

Missing optional data renders as nothing; tests check that every value in the data reaches the page."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, TemplateError, select_autoescape
from markupsafe import Markup

from .bounds import shorten_words
from .dates import long_date, parse_date
from .findings import Finding
from .project import shown
from .rule_catalogue import rule

TEMPLATES = Path(__file__).parent / "templates"
# What a template meets when data is not in the shape the schema asks for (a number where a list should be, a list
# where a contact should be); a page or PDF that meets one is replaced by the document's findings, never a crash.
RENDER_ERRORS = (TypeError, ValueError, AttributeError, LookupError, TemplateError, RecursionError)
_SAFE_URL = re.compile(r"^(https?://|mailto:|tel:)[^\s\"'<>]+$", re.IGNORECASE)


def tel(number: str) -> str:
    """A tel: link for a UK number as printed: '0300 123 1231' -> 'tel:+443001231231'."""
    digits = re.sub(r"\D", "", str(number))
    return "tel:+44" + (digits[1:] if digits.startswith("0") else digits.removeprefix("44"))


def written_date(value) -> str:
    """'2025-03-31' -> '31 March 2025'; '2025-03' -> 'March 2025'; anything else as it was written."""
    parsed = parse_date(value)
    if not parsed:
        return str(value)
    first, last = parsed
    return long_date(first) if first == last else f"{first:%B %Y}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "section"


def unshowable(service, name: str, error: BaseException) -> Finding:
    """The finding for a service's file (name: 'service' or a document's) whose page or PDF could not be made."""
    file = shown(service.folder / f"{name}.yaml") if service.folder else f"{service.id}/{name}.yaml"
    return rule("render/unshowable").finding(
        file, 1, 1, f"This file's page or PDF could not be made: part of it is not in the shape fosterdocs expects "
        f"({type(error).__name__}).", "Put right this file's other errors (the schema errors say where). If it has "
        "none, please tell the fosterdocs maintainers, with the file.", service.id)


def shown_text(value):
    """What a template prints for a value: text with over-long words shortened (bounds.shorten_words)."""
    return shorten_words(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@lru_cache(maxsize=None)
def environment(*extra_folders: str) -> Environment:
    """Templates from the package (and any extra folders, searched first)."""
    env = Environment(loader=FileSystemLoader([*extra_folders, str(TEMPLATES)]), autoescape=select_autoescape(
        default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True, finalize=shown_text)
    env.filters.update(tel=tel, long_date=written_date, slug=slug)
    env.tests["safe_url"] = lambda url: bool(_SAFE_URL.match(str(url)))
    return env
